"""PDF text in reading order, from either of two engines behind one interface.

An engine turns each page into `Glyph`s (text and box, top-down) in content-stream order;
`layout.page_text` does the rest, the same for both. ``pdfium`` (pypdfium2, the default) is
many times faster than ``pdfplumber`` (pdfminer.six); both read the dev résumés equally well
(see ``benchmarks/speed_pdf.py`` and the README). Every failure of either library becomes a
`DocumentError` naming the file and saying what to do.
"""

from __future__ import annotations

import ctypes
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Literal

from ..errors import DocumentError, LimitError
from .filedate import Evidence, pdf_date
from .layout import Glyph, page_text

Engine = Literal["pdfium", "pdfplumber"]
ENGINES: tuple[str, ...] = ("pdfium", "pdfplumber")

_SCANNED_FIX = "the PDF has no text layer (a scan or an image); run OCR on it first (e.g. ocrmypdf) or send the original document"


def read_pdf(data: bytes, name: str, *, password: str | None, engine: str, max_pages: int, max_chars: int | None = None) -> tuple[list[str], list[str], Evidence]:
    """Text of each page in reading order, the warnings and the metadata creation date; raises
    `DocumentError` on bad files.

    ``max_chars`` is checked against each engine's raw character count page by page, before
    the layout step, so a page of millions of characters fails fast instead of after minutes.
    """
    reader = _READERS.get(engine)
    if reader is None:
        raise DocumentError(f"unknown PDF engine {engine!r}", source=name, fix=f"use engine= one of {', '.join(ENGINES)}")
    pages, rotated, created = reader(data, name, password, max_pages, max_chars)
    warnings = [f"{rotated} rotated characters (vertical or slanted text) were left out"] if rotated else []
    empty = [i + 1 for i, text in enumerate(pages) if not text.strip()]
    if len(empty) == len(pages):
        raise DocumentError("no text found on any page (scanned or image-only PDF)", source=name, fix=_SCANNED_FIX)
    if empty:
        warnings.append(f"no text on page(s) {', '.join(map(str, empty))}: scanned or image-only pages are skipped (OCR them to include them)")
    return pages, warnings, created


def _check_chars(count: int, name: str, max_chars: int | None) -> None:
    if max_chars is not None and count > max_chars:
        raise LimitError(f"over {max_chars:,} characters of text", source=name, fix="pass a larger max_chars= if this document is genuine")


def _check_pages(count: int, name: str, max_pages: int) -> None:
    if count == 0:
        raise DocumentError("the PDF has no pages", source=name, fix="check that the file is complete")
    if count > max_pages:
        raise LimitError(f"{count} pages, over the limit of {max_pages}", source=name, fix="pass a larger max_pages= if this document is genuine")


# --------------------------------------------------------------------------------------------
# pdfplumber (pdfminer.six)


def _pdfplumber_pages(data: bytes, name: str, password: str | None, max_pages: int, max_chars: int | None) -> tuple[list[str], int, Evidence]:
    import pdfplumber

    with _pdfminer_errors(name, password):
        with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
            _check_pages(len(pdf.pages), name, max_pages)
            out, rotated, seen = [], 0, 0
            for page in pdf.pages:
                chars = page.chars
                seen += len(chars)
                _check_chars(seen, name, max_chars)
                upright = [Glyph(c["text"], c["x0"], c["top"], c["x1"], c["bottom"]) for c in chars if c.get("upright", True)]
                rotated += len(chars) - len(upright)
                out.append(page_text(upright))
                page.close()
            return out, rotated, pdf_date((pdf.metadata or {}).get("CreationDate"))


@contextmanager
def _pdfminer_errors(name: str, password: str | None) -> Iterator[None]:
    """Turn pdfminer / pdfplumber failures (any exception class) into `DocumentError`."""
    try:
        yield
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError("the PDF's object structure is nested too deeply to read", source=name, fix="re-save the file with a PDF printer") from None
    except MemoryError:
        raise LimitError("the PDF needs more memory than available", source=name, fix="split the file or re-save it") from None
    except Exception as exc:  # pdfminer raises a wide family: PSException, PDFSyntaxError, KeyError, ...
        if "PDFPasswordIncorrect" in repr(exc) or "PDFPasswordIncorrect" in repr(exc.__cause__):
            raise _encrypted(name, password) from None
        raise DocumentError(f"corrupt or unreadable PDF ({type(exc).__name__}: {_short(exc)})", source=name, fix="re-save or re-export the PDF, or try engine='pdfium'") from None


# --------------------------------------------------------------------------------------------
# PDFium (pypdfium2)


def _pdfium_pages(data: bytes, name: str, password: str | None, max_pages: int, max_chars: int | None) -> tuple[list[str], int, Evidence]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise _encrypted(name, password) from None
        raise DocumentError(f"corrupt or unreadable PDF ({_short(exc)})", source=name, fix="re-save or re-export the PDF") from None
    try:
        _check_pages(len(pdf), name, max_pages)
        out, rotated, seen = [], [0], 0
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    seen += textpage.count_chars()
                    _check_chars(seen, name, max_chars)
                    out.append(page_text(_pdfium_glyphs(textpage, page.get_height(), rotated)))
                finally:
                    textpage.close()
            finally:
                page.close()
        return out, rotated[0], pdf_date(pdf.get_metadata_dict().get("CreationDate"))
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"corrupt or unreadable PDF page ({_short(exc)})", source=name, fix="re-save or re-export the PDF") from None
    finally:
        pdf.close()


def _pdfium_glyphs(textpage: object, height: float, rotated: list[int]) -> Iterator[Glyph]:
    """Upright glyphs of a PDFium text page (``rotated[0]`` counts the others); generated line
    breaks come through as "\\n" glyphs."""
    import pypdfium2.raw as raw

    rect = raw.FS_RECTF()
    get_unicode, get_box, get_angle = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharAngle
    ref = ctypes.byref(rect)
    for i in range(raw.FPDFText_CountChars(textpage)):
        code = get_unicode(textpage, i)
        if code == 0 or code > 0x10FFFF:
            continue
        char = "-" if code == 0x02 else chr(code)  # PDFium's mark for a hyphen at a line end
        if char.isspace():  # PDFium's generated chars are spaces and line breaks too
            yield Glyph("\n" if char in "\r\n" else " ", 0.0, 0.0, 0.0, 0.0)
            continue
        angle = get_angle(textpage, i)
        if 0.01 < angle < 6.27:
            rotated[0] += 1
            continue
        if not get_box(textpage, i, ref):
            continue
        yield Glyph(char, rect.left, height - rect.top, rect.right, height - rect.bottom)


_READERS: dict[str, Callable[[bytes, str, str | None, int, int | None], tuple[list[str], int, Evidence]]] = {
    "pdfium": _pdfium_pages,
    "pdfplumber": _pdfplumber_pages,
}


def _encrypted(name: str, password: str | None) -> DocumentError:
    if password:
        return DocumentError("the PDF is encrypted and the password given is wrong", source=name, fix="pass the right password=")
    return DocumentError("the PDF is encrypted (password protected)", source=name, fix="pass password='...' to read it, or save an unprotected copy")


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
