"""Plain text, Markdown and HTML: decode bytes sensibly, strip markup to readable text."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from ..errors import DocumentError

_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode text bytes: a BOM (UTF-8/16/32) wins, then UTF-16 by its zero bytes, then strict
    UTF-8, then charset-normalizer's best guess (anything but UTF-8 is recorded in the
    warnings). Binary data raises `DocumentError`."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), ([] if encoding == "utf-8" else [f"decoded as {encoding} (byte order mark)"])
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: let the guesser try
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), [f"decoded as {utf16} (no byte order mark; every other byte is zero)"]
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise DocumentError(
            "not text in any known encoding (binary data of an unsupported type?)",
            source=name,
            fix="pass a PDF, DOCX, HTML or plain-text file, or save the text as UTF-8",
        )
    text = data.decode(best.encoding, errors="replace")
    return text, [f"not UTF-8: decoded as {best.encoding} (guessed by charset-normalizer); save the file as UTF-8 to be sure"]


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KB of something that is not UTF-16/32 text: not a text file."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return False
    return b"\x00" in head and _utf16_without_bom(data) is None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` / ``-be`` when the zero bytes of mostly-ASCII text sit at odd / even places."""
    head = data[:8192]
    if len(head) < 4:
        return None
    odd, even = head[1::2].count(0) / (len(head) // 2), head[0::2].count(0) / ((len(head) + 1) // 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


class _TextExtractor(HTMLParser):
    """Collects visible text; block elements end lines, list items get a bullet, cells a tab."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object"})
    _BLOCK = frozenset(
        {"p", "div", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table",
         "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "pre", "hr", "form",
         "fieldset", "address", "figure", "figcaption", "title", "body", "html", "caption"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip_depth += 1
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self._BLOCK or tag == "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(_WHITESPACE.sub(" ", data))


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: no tags, scripts, styles or comments; one block per line."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        cells = (" ".join(cell.split()) for cell in line.split("\t"))
        line = "\t".join(cell for cell in cells if cell)
        if line:
            lines.append(line)
    return "\n".join(lines)
