"""Unicode clean-up shared by every reader: one spelling for the same visible text.

NFKC folds ligatures (ﬁ -> fi), full-width letters and compatibility forms; on top of that we
drop zero-width and private-use characters (icon fonts), turn odd spaces into plain spaces,
odd dashes into "-", and every bullet glyph into "•" so later stages see one bullet.
"""

from __future__ import annotations

import re
import unicodedata

BULLET = "•"

# Glyphs that résumés use as list bullets (including the Wingdings/Symbol code points PDFs
# map them to when the font has no Unicode table).
_BULLETS = "•●○◦▪▫■□◆◇◼◻►▸▹▶‣⁃∙·⦁➢➤➣✓✔✗❖❑❒⚫⚪\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0de"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u180e"
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2061\u2062\u2063\u2064"
_DASHES = "\u2010\u2011\u2012\u2212\u2043\ufe63\uff0d"

_TABLE = {ord(c): BULLET for c in _BULLETS}
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({ord(c): None for c in _DROP})
_TABLE.update({ord(c): "-" for c in _DASHES})
_TABLE.update({ord("\r"): "\n", ord("\x0b"): "\n", ord("\x0c"): "\n", ord("\u2028"): "\n", ord("\u2029"): "\n"})

# Control characters other than tab and newline (after the table above ran).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_INNER_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_char_text(text: str) -> str:
    """Normalise the text of one glyph or run (no layout changes): bullets, spaces, ligatures."""
    text = unicodedata.normalize("NFKC", text.translate(_TABLE))
    return _PRIVATE_USE.sub("", _CONTROL.sub("", text))


def clean_text(text: str) -> str:
    """Normalise a whole text: glyphs as in `clean_char_text`, ``\\r\\n`` -> ``\\n``, runs of
    spaces inside a line -> one space, trailing spaces and more than one blank line removed."""
    text = text.replace("\r\n", "\n")
    text = clean_char_text(text)
    text = _TRAILING_SPACE.sub("", text)
    text = _INNER_SPACES.sub(" ", text)
    return _BLANK_LINES.sub("\n\n", text).strip("\n")
