"""Word (.docx) text in document order: paragraphs, tables (a row on a line), content controls
and text boxes. The zip is checked for bombs (declared sizes) before anything is inflated."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from ..errors import DocumentError, LimitError
from .filedate import Evidence, docx_date
from .normalize import starts_with_bullet

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Most members and largest inflate ratio accepted in a .docx zip (real files are far below).
MAX_MEMBERS = 10_000
MAX_RATIO = 200
_CORRUPT_FIX = "open the file in Word or LibreOffice and save it again as .docx"


def check_zip(data: bytes, name: str, max_bytes: int) -> None:
    """Refuse a zip bomb by its declared sizes (zipfile never inflates a member past its
    declared size) and a zip that is not a Word document, before python-docx reads it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise DocumentError(f"corrupt or truncated .docx (zip: {exc})", source=name, fix=_CORRUPT_FIX) from None
    total = sum(i.file_size for i in infos)
    if len(infos) > MAX_MEMBERS or total > max_bytes:
        raise LimitError(
            f"the .docx unpacks to {total:,} bytes in {len(infos):,} parts, over the limit of {max_bytes:,} bytes",
            source=name,
            fix="pass a larger max_bytes= if this document is genuine",
        )
    packed = sum(i.compress_size for i in infos) or 1
    if total > 1_000_000 and total / packed > MAX_RATIO:
        raise LimitError(f"the .docx inflates {total / packed:.0f}-fold (a zip bomb?)", source=name, fix="re-save the document in Word")
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        kind = "a spreadsheet (.xlsx)" if "xl/workbook.xml" in names else "a presentation (.pptx)" if "ppt/presentation.xml" in names else "an OpenDocument file" if "mimetype" in names else "a zip archive"
        raise DocumentError(f"this is {kind}, not a Word document", source=name, fix="pass a .docx, PDF, HTML or text file (save other formats as .docx or PDF)")


def read_docx(data: bytes, name: str, *, max_bytes: int) -> tuple[str, Evidence]:
    """The text of a .docx (the first section's header, then the body in order) and the writing
    date its core properties evidence (`filedate.docx_date`)."""
    check_zip(data, name, max_bytes)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for section in document.sections[:1]:
            if not section.header.is_linked_to_previous:
                lines.extend(_block_lines(section.header._element))
        lines.extend(_block_lines(document.element.body))
        created: Evidence = (None, None)
        if "docProps/core.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist():  # else python-docx invents one dated now
            props = document.core_properties
            created = docx_date(props.author, props.last_modified_by, props.created, props.modified)
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError("the .docx XML is nested too deeply to read", source=name, fix=_CORRUPT_FIX) from None
    except MemoryError:
        raise LimitError("the .docx needs more memory than available", source=name, fix="split the document or re-save it") from None
    except Exception as exc:  # python-docx, lxml, zipfile and zlib each raise their own kinds on a damaged file
        kind = "missing part" if isinstance(exc, (PackageNotFoundError, KeyError)) else type(exc).__name__
        raise DocumentError(f"corrupt .docx ({kind}: {' '.join(str(exc).split())[:200]})", source=name, fix=_CORRUPT_FIX) from None
    return "\n".join(lines), created


def _block_lines(parent: object) -> Iterator[str]:
    """Lines of the paragraphs and tables under an XML element, in order."""
    for child in parent.iterchildren():  # type: ignore[attr-defined]
        tag = child.tag
        if tag == f"{_W}p":
            yield from _paragraph_lines(child)
        elif tag == f"{_W}tbl":
            yield from _table_lines(child)
        elif tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}smartTag"):
            content = child.find(f"{_W}sdtContent")
            yield from _block_lines(content if content is not None else child)


def _paragraph_lines(p: object) -> Iterator[str]:
    """A paragraph's text (tabs and line breaks kept), then any text boxes anchored in it."""
    parts = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}txbxContent"):  # type: ignore[attr-defined]
        if _inside(node, f"{_W}txbxContent", stop=p) or _inside(node, _MC_FALLBACK, stop=p):
            continue
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    text = "".join(parts)
    if text.strip():
        yield ("• " + text.lstrip()) if _is_list_item(p) and not starts_with_bullet(text) else text
    for box in p.iter(f"{_W}txbxContent"):  # type: ignore[attr-defined]
        if not _inside(box, _MC_FALLBACK, stop=p) and not _inside(box, f"{_W}txbxContent", stop=p):
            yield from _block_lines(box)


def _inside(node: object, tag: str, *, stop: object) -> bool:
    """True when an ancestor of ``node`` below ``stop`` has ``tag``."""
    parent = node.getparent()  # type: ignore[attr-defined]
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _is_list_item(p: object) -> bool:
    """Numbered or bulleted: its own numbering, or a "List ..." paragraph style."""
    ppr = p.find(f"{_W}pPr")  # type: ignore[attr-defined]
    if ppr is None:
        return False
    style = ppr.find(f"{_W}pStyle")
    return ppr.find(f"{_W}numPr") is not None or (style is not None and style.get(f"{_W}val", "").startswith("List"))


def _table_lines(tbl: object) -> Iterator[str]:
    """A row of one-line cells is one line (cells joined by tabs); cells holding several
    paragraphs (CV layouts in tables) give their lines cell after cell."""
    for row in tbl.iterchildren(f"{_W}tr"):  # type: ignore[attr-defined]
        cells = [list(_block_lines(tc)) for tc in row.iterchildren(f"{_W}tc")]
        cells = [c for c in cells if c]
        if all(len(c) == 1 and "\n" not in c[0] for c in cells):
            if cells:
                yield "\t".join(c[0].strip() for c in cells)
        else:
            for cell in cells:
                yield from cell
