"""Read résumés and postings (PDF, DOCX, text, Markdown, HTML) into `Document`s with pages and sections."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import IO, Union

from ..errors import DocumentError, LimitError
from ..rules import RulesSource, as_rules
from . import docx as _docx
from . import pdf as _pdf
from . import text as _text
from .filedate import Evidence
from .model import Document, DocumentKind, Section
from .normalize import clean_text
from .paths import as_path
from .sections import KINDS, detect_sections, guess_kind

__all__ = ["Document", "DocumentKind", "Section", "as_path", "read_document"]

Source = Union[str, os.PathLike, bytes, bytearray, memoryview, IO[bytes], IO[str]]

#: Default limits: a résumé or posting is far below each of them.
MAX_PAGES = 50
MAX_CHARS = 1_000_000
MAX_BYTES = 50_000_000

_HTML_TAGS = re.compile(r"<(?:html|body|head|div|p|ul|table|h[1-6])[\s>]")
_UNSUPPORTED_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word .doc (or other OLE) file", "save it as .docx or PDF"),
    (b"{\\rtf", "an RTF file", "save it as .docx, PDF or plain text"),
    (b"\x89PNG", "a PNG image", "run OCR on it first; skillgap reads text, not images"),
    (b"\xff\xd8\xff", "a JPEG image", "run OCR on it first; skillgap reads text, not images"),
    (b"GIF8", "a GIF image", "run OCR on it first; skillgap reads text, not images"),
    (b"II*\x00", "a TIFF image", "run OCR on it first; skillgap reads text, not images"),
    (b"MM\x00*", "a TIFF image", "run OCR on it first; skillgap reads text, not images"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and pass the document inside"),
    (b"Rar!", "a RAR archive", "unpack it and pass the document inside"),
    (b"7z\xbc\xaf", "a 7-Zip archive", "unpack it and pass the document inside"),
)


def read_document(
    source: Source,
    *,
    kind: DocumentKind | None = None,
    password: str | None = None,
    engine: _pdf.Engine = "pdfium",
    name: str | None = None,
    max_pages: int = MAX_PAGES,
    max_chars: int = MAX_CHARS,
    max_bytes: int = MAX_BYTES,
    vocabulary: RulesSource | None = None,
) -> Document:
    """Read one résumé or posting into a `Document` (text in reading order, pages, sections).

    ``source`` is a path, the file's bytes, a binary or text file object, or the text itself
    (a ``str`` that `as_path` does not take for a path: not one line naming an existing file or
    folder or ending in a document suffix). The
    format comes from the content's magic bytes (``%PDF``, a Word zip, HTML markup), the file
    suffix only breaking ties. ``kind`` (``resume`` / ``posting``) is guessed when not given.
    ``engine`` picks the PDF engine (``pdfium``, fast, or ``pdfplumber``); ``password`` opens
    encrypted PDFs; ``name`` names a bytes or stream source in errors and in ``Document.source``.
    ``vocabulary`` gives the section headings and kind cues: a `skillgap.rules.Rules` or the path
    of a sections file of your own (default: the shipped ``taxonomy/sections.yaml``).

    Limits (a `LimitError` when exceeded): ``max_pages`` PDF pages (default 50), ``max_chars``
    characters of text (default 1,000,000), ``max_bytes`` bytes of input, or of a .docx once
    unpacked (default 50,000,000). Every failure is a `DocumentError` saying which file, what is
    wrong and what to do.
    """
    if kind is not None and kind not in KINDS:
        raise DocumentError(f"kind {kind!r} is not 'resume' or 'posting'", source=name or _label(source), fix="pass kind='resume', kind='posting' or leave it out")
    vocabularies = as_rules(vocabulary).vocabularies
    src_name, payload = _load(source, name, max_bytes)
    created: Evidence = (None, None)
    if isinstance(payload, str):
        fmt, text, pages, warnings = _from_str(payload)
    else:
        fmt, text, pages, warnings, created = _from_bytes(payload, src_name, password=password, engine=engine, max_pages=max_pages, max_chars=max_chars, max_bytes=max_bytes)
    if len(text) > max_chars:
        raise LimitError(f"{len(text):,} characters of text, over the limit of {max_chars:,}", source=src_name, fix="pass a larger max_chars= if this document is genuine")
    if not text.strip():
        raise DocumentError("the document contains no text", source=src_name, fix="check that the right file was passed and that it is not blank")
    if kind is None:
        kind, reason = guess_kind(text, vocabularies)
        warnings.append(f"kind guessed as {kind} ({reason}); pass kind= to set it")
    return Document(
        source=src_name,
        kind=kind,
        text=text,
        pages=pages,
        sections=detect_sections(text, kind, vocabularies),
        format=fmt,
        warnings=tuple(warnings),
        created=created[0],
        created_source=created[1],
    )


def _load(source: Source, name: str | None, max_bytes: int) -> tuple[str, bytes | str]:
    """(source name, bytes or text) from any accepted source, with the size limit applied."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), name or "<bytes>", max_bytes)
        return name or "<bytes>", data
    path = as_path(source)
    if path is not None:
        label = name or str(path)
        try:
            size = path.stat().st_size
            _check_size(size, label, max_bytes)
            if path.is_dir():
                raise DocumentError("this is a folder, not a file", source=label, fix="pass a file (use rank() for many files)")
            if not path.is_file():  # a FIFO would block forever, /dev/zero never end
                raise DocumentError("not a regular file (a pipe, socket or device)", source=label, fix="pass a saved file")
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)  # the size can change between stat and read
            _check_size(len(data), label, max_bytes)
            return label, data
        except FileNotFoundError:
            raise DocumentError("no such file", source=label, fix="check the path") from None
        except IsADirectoryError:
            raise DocumentError("this is a folder, not a file", source=label, fix="pass a file (use rank() for many files)") from None
        except PermissionError:
            raise DocumentError("permission denied", source=label, fix="check the file's permissions") from None
        except OSError as exc:
            raise DocumentError(f"cannot read the file: {exc.strerror or exc}", source=label, fix="check the path") from None
    if isinstance(source, str):
        _check_size(len(source), name or "<text>", max_bytes)
        return name or "<text>", source
    if hasattr(source, "read"):
        label = name or str(getattr(source, "name", "") or "<stream>")
        try:
            data = source.read(max_bytes + 1)
        except (OSError, ValueError) as exc:
            raise DocumentError(f"cannot read the stream: {exc}", source=label, fix="pass an open, readable file object") from None
        _check_size(len(data), label, max_bytes)
        if isinstance(data, str):
            return label, data
        if isinstance(data, (bytes, bytearray)):
            return label, bytes(data)
    raise DocumentError(
        f"cannot read a {type(source).__name__}",
        source=name or _label(source),
        fix="pass a path, bytes, a file object or a string of text",
    )


def _label(source: object) -> str:
    """A name for a source in messages when the caller gave none."""
    path = as_path(source)
    return str(path) if path is not None else f"<{type(source).__name__}>"


def _check_size(size: int, name: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise LimitError(f"{size:,} bytes, over the limit of {max_bytes:,}", source=name, fix="pass a larger max_bytes= if this document is genuine")


def _from_str(text: str) -> tuple[str, str, tuple[int, ...], list[str]]:
    fmt = "html" if _looks_html(text) else "text"
    body = _text.html_to_text(text) if fmt == "html" else text
    return fmt, clean_text(body), (0,), []


def _from_bytes(data: bytes, name: str, *, password: str | None, engine: str, max_pages: int, max_chars: int, max_bytes: int) -> tuple[str, str, tuple[int, ...], list[str], Evidence]:
    """Choose the reader by magic bytes (the suffix only names what was expected); also the
    writing date the file's metadata evidences."""
    if not data:
        raise DocumentError("the file is empty (0 bytes)", source=name, fix="check that the file was saved or downloaded completely")
    suffix = Path(name).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        pages, warnings, created = _pdf.read_pdf(data, name, password=password, engine=engine, max_pages=max_pages, max_chars=max_chars)
        text, starts = _join_pages([clean_text(p) for p in pages])
        return "pdf", text, starts, warnings, created
    if data.startswith(b"PK\x03\x04"):
        body, created = _docx.read_docx(data, name, max_bytes=max_bytes)
        return "docx", clean_text(body), (0,), [], created
    for magic, what, fix in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise DocumentError(f"unsupported file type: {what}", source=name, fix=fix)
    if suffix == ".pdf":
        raise DocumentError("not a PDF: no %PDF header (corrupt, truncated or mislabelled file)", source=name, fix="re-download or re-export the PDF")
    if suffix == ".docx":
        raise DocumentError("not a .docx: the file is not a zip package (corrupt or mislabelled)", source=name, fix="open it in Word or LibreOffice and save it again as .docx")
    if _text.looks_binary(data):
        raise DocumentError("unsupported file type: binary data that is not PDF or DOCX", source=name, fix="pass a PDF, DOCX, HTML or plain-text file")
    decoded, warnings = _text.decode(data, name)
    fmt, text, starts, _ = _from_str(decoded)
    if fmt == "text" and suffix in (".html", ".htm", ".xhtml"):
        fmt, text = "html", clean_text(_text.html_to_text(decoded))
    return fmt, text, starts, warnings, (None, None)


def _looks_html(text: str) -> bool:
    """HTML by its start (``<!DOCTYPE html``, ``<html``) or by page-level tags near the top."""
    head = text[:4096].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(_HTML_TAGS.search(head))


def _join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """One text from page texts, a blank line between pages, and each page's start offset (an
    empty page starts where the next page with text does, so `Document.page_at` stays right)."""
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    pending: list[int] = []
    for page in pages:
        if not page:
            pending.append(len(starts))
            starts.append(-1)
            continue
        if parts:
            offset += 2
        for i in pending:
            starts[i] = offset
        pending = []
        starts.append(offset)
        parts.append(page)
        offset += len(page)
    for i in pending:
        starts[i] = offset
    return "\n\n".join(parts), tuple(starts)
