"""Unicode clean-up shared by every reader: one spelling for the same visible text.

UTF-8 that an upstream tool decoded as Windows-1252 ("â€“") is repaired first.
NFKC folds ligatures (ﬁ -> fi), full-width letters and compatibility forms; on top of that we
drop zero-width and private-use characters (icon fonts), turn odd spaces into plain spaces,
odd dashes into "-", and every bullet glyph into "•" so later stages see one bullet.
"""

from __future__ import annotations

import re
import unicodedata

BULLET = "•"

#: Glyphs that résumés use as list bullets (including the Wingdings/Symbol code points PDFs
#: map them to when the font has no Unicode table): the one list of them. The reader folds
#: each into `BULLET`; where ``sections.yaml`` names "•" as a bullet or list separator, the
#: extractor reads it as any of these (for documents built by hand from raw text).
BULLET_GLYPHS = "•●○◦▪▫■□◆◇◼◻►▸▹▶‣⁃∙·⦁➢➤➣✓✔✗❖❑❒⚫⚪\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0de"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u180e"
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2061\u2062\u2063\u2064"
_DASHES = "\u2010\u2011\u2012\u2212\u2043\ufe63\uff0d"

_TABLE = {ord(c): BULLET for c in BULLET_GLYPHS}
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({ord(c): None for c in _DROP})
_TABLE.update({ord(c): "-" for c in _DASHES})
_TABLE.update({ord("\r"): "\n", ord("\x0b"): "\n", ord("\x0c"): "\n", ord("\u2028"): "\n", ord("\u2029"): "\n"})

# Control characters other than tab and newline (after the table above ran).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
# Only patterns that cannot backtrack: a single repeated class with nothing after it.
_SPACES_RUN = re.compile(r" {2,}")
_TABS_RUN = re.compile(r"\t{2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


# UTF-8 read as Windows-1252 ("â€“" for "–", "Ã©" for "é"): a lead byte shown as Â..ô, then
# 1-3 continuation bytes as Windows-1252 shows them. Bounded repeats only.
_CP1252_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]{{1,3}}")
# What is left when the last byte was lost: "Â" of a non-breaking space, "â€" of a closing quote.
_LONE_A_CIRCUMFLEX = re.compile(r"\u00c2(?=[\s\u00a0]|\Z)")
_BROKEN_QUOTE = re.compile(f"\u00e2\u20ac(?![{_CP1252_CONTINUATION}])")


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 text that was decoded as Windows-1252 somewhere upstream ("â€“" -> "–"):
    each suspicious run is re-encoded and kept only when it decodes as valid UTF-8."""
    if "\u00c2" not in text and "\u00c3" not in text and "\u00e2" not in text and not _MOJIBAKE.search(text):
        return text

    def repair(match: re.Match[str]) -> str:
        try:
            return match.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            return match.group()

    text = _MOJIBAKE.sub(repair, text)
    return _BROKEN_QUOTE.sub("\u201d", _LONE_A_CIRCUMFLEX.sub("", text))


def starts_with_bullet(text: str) -> bool:
    """True when the text (leading spaces aside) starts with a bullet glyph or a dash bullet."""
    head = text.lstrip()[:1]
    return bool(head) and (head in BULLET_GLYPHS or head in "-*–")


def clean_char_text(text: str) -> str:
    """Normalise the text of one glyph or run (no layout changes): mojibake, bullets, spaces,
    ligatures."""
    text = unicodedata.normalize("NFKC", fix_mojibake(text).translate(_TABLE))
    return _PRIVATE_USE.sub("", _CONTROL.sub("", text))


def clean_text(text: str) -> str:
    """Normalise a whole text: glyphs as in `clean_char_text`, ``\\r\\n`` -> ``\\n``, spaces at line
    ends and around tabs dropped, runs of spaces or tabs inside a line -> one, a bullet at the
    start of a line followed by one space, at most one blank line in a row.

    Repeated until nothing changes (at most 3 passes): removing a control or zero-width
    character can expose mojibake ("Ã\\x1b©") or a lone "Â" that the pass before could not see,
    and cleaning a cleaned text must give it back unchanged."""
    for _ in range(3):
        cleaned = _clean_text_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _clean_text_once(text: str) -> str:
    text = clean_char_text(text.replace("\r\n", "\n"))
    lines = []
    for line in text.split("\n"):
        line = _SPACES_RUN.sub(" ", line.strip(" \t"))
        if "\t" in line:
            line = _TABS_RUN.sub("\t", "\t".join(part.strip(" ") for part in line.split("\t")))
        if line.startswith(BULLET):
            line = (BULLET + " " + line[1:].lstrip(" \t")).rstrip()
        lines.append(line)
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")
