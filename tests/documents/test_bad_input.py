"""Every kind of bad input is a `DocumentError` that names the file and says what to do."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from skillgap import DocumentError, LimitError, read_document
from skillgap.documents.pdf import ENGINES

from .pdfgen import encrypted_pdf, text_pdf

PAGE = [(72, 72, "Python developer with five years of experience", 12)]


def _error(source, **options) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        read_document(source, **options)
    err = info.value
    assert err.source and err.problem and err.fix, err
    return err


def _docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_missing_file_is_named(tmp_path: Path) -> None:
    err = _error(tmp_path / "nope.pdf")
    assert err.source == str(tmp_path / "nope.pdf") and err.problem == "no such file"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    err = _error(path)
    assert err.source == str(path) and "empty" in err.problem


def test_blank_text_is_not_a_document() -> None:
    assert _error("   \n\t  \n".encode(), name="blank.txt").problem == "the document contains no text"
    assert _error("\u200b\n\u00a0").problem == "the document contains no text"


@pytest.mark.parametrize("engine", ENGINES)
def test_encrypted_pdf_asks_for_the_password(engine: str) -> None:
    data = encrypted_pdf("Senior data engineer with Spark", "s3cret")
    err = _error(data, name="locked.pdf", engine=engine)
    assert err.source == "locked.pdf" and "encrypted" in err.problem and "password=" in err.fix
    wrong = _error(data, name="locked.pdf", engine=engine, password="guess")
    assert "wrong" in wrong.problem
    doc = read_document(data, name="locked.pdf", engine=engine, password="s3cret")
    assert doc.text == "Senior data engineer with Spark"


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_without_text_layer_needs_ocr(engine: str) -> None:
    err = _error(text_pdf([[], []]), name="scan.pdf", engine=engine)
    assert "no text" in err.problem and "OCR" in err.fix


@pytest.mark.parametrize("engine", ENGINES)
def test_a_blank_page_among_text_pages_is_a_warning(engine: str) -> None:
    doc = read_document(text_pdf([PAGE, []]), name="half.pdf", engine=engine, kind="resume")
    assert doc.text == "Python developer with five years of experience"
    assert doc.pages == (0, len(doc.text))
    assert any("page(s) 2" in w for w in doc.warnings)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated_pdf(engine: str, cut: float) -> None:
    data = text_pdf([PAGE, PAGE])
    data = data[: int(len(data) * cut)]
    try:
        doc = read_document(data, name="cut.pdf", engine=engine)
    except DocumentError as err:
        assert err.source == "cut.pdf" and err.fix
    else:  # PDF readers repair some truncations; then the text must be really there
        assert "Python developer" in doc.text


@pytest.mark.parametrize("engine", ENGINES)
def test_garbage_after_pdf_header(engine: str) -> None:
    err = _error(b"%PDF-1.7\n" + bytes(range(256)) * 40, name="junk.pdf", engine=engine)
    assert err.source == "junk.pdf"


def test_pdf_suffix_without_pdf_content() -> None:
    err = _error(b"this was never a pdf", name="fake.pdf")
    assert "no %PDF header" in err.problem


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "PNG image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 50, "JPEG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, ".doc"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 50, "binary data"),
    ],
)
def test_unsupported_types(data: bytes, what: str) -> None:
    err = _error(data, name="upload.bin")
    assert err.problem.startswith("unsupported file type") and what in err.problem


def test_page_limit() -> None:
    err = _error(text_pdf([PAGE, PAGE, PAGE]), name="long.pdf", max_pages=2)
    assert isinstance(err, LimitError) and "3 pages" in err.problem and "max_pages=" in err.fix


def test_byte_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Python " * 1000)
    err = _error(path, max_bytes=1000)
    assert isinstance(err, LimitError) and "7,000 bytes" in err.problem
    assert isinstance(_error(io.BytesIO(b"x" * 2000), max_bytes=1000), LimitError)
    assert isinstance(_error("word " * 300, max_bytes=1000), LimitError)


def test_char_limit() -> None:
    err = _error("Python developer. " * 100, max_chars=500)
    assert isinstance(err, LimitError) and "over the limit of 500" in err.problem


def test_docx_zip_bomb_is_refused_before_inflating() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * 3_000_000 + b"</w:document>")
    err = _error(out.getvalue(), name="bomb.docx", max_bytes=1_000_000)
    assert isinstance(err, LimitError) and "unpacks to" in err.problem
    err = _error(out.getvalue(), name="bomb.docx")
    assert isinstance(err, LimitError) and "zip bomb" in err.problem


def test_zip_that_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    err = _error(out.getvalue(), name="table.xlsx")
    assert err.problem == "this is a spreadsheet (.xlsx), not a Word document"


def test_truncated_docx() -> None:
    data = _docx_bytes("Python developer", "Experience with Kubernetes")
    err = _error(data[: len(data) // 2], name="cut.docx")
    assert err.source == "cut.docx" and "corrupt" in err.problem


def test_docx_with_broken_xml() -> None:
    data = _docx_bytes("Python developer")
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            body = src.read(info.filename)
            z.writestr(info, body[: len(body) // 2] if info.filename == "word/document.xml" else body)
    err = _error(out.getvalue(), name="broken.docx")
    assert err.source == "broken.docx" and err.problem.startswith("corrupt .docx")


def test_docx_suffix_without_zip() -> None:
    assert "not a zip package" in _error(b"plain words, no zip", name="cv.docx").problem


def test_unknown_engine_and_kind() -> None:
    assert "unknown PDF engine" in _error(text_pdf([PAGE]), name="a.pdf", engine="tesseract").problem
    assert "kind" in _error("text", kind="cv").problem


def test_unreadable_source_type() -> None:
    assert "cannot read a int" in _error(42).problem


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    assert "folder" in _error(tmp_path).problem
