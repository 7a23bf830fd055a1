"""Text, Markdown, HTML and DOCX readers, the source types, and format sniffing by content."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import docx
import pytest

from skillgap import read_document

from .pdfgen import text_pdf

RESUME = "Jane Doe\njane@example.com\n\nSKILLS\nPython, SQL\n\nEXPERIENCE\nData engineer 2019 - 2023\n"


def _docx(build) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# sources


def test_every_source_type_gives_the_same_document(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME, encoding="utf-8")
    expected = "Jane Doe\njane@example.com\n\nSKILLS\nPython, SQL\n\nEXPERIENCE\nData engineer 2019 - 2023"
    docs = [
        read_document(path),
        read_document(str(path)),
        read_document(path.read_bytes(), name="cv.txt"),
        read_document(io.BytesIO(path.read_bytes()), name="cv.txt"),
        read_document(io.StringIO(RESUME), name="cv.txt"),
        read_document(RESUME, name="cv.txt"),
    ]
    for doc in docs:
        assert doc.text == expected and doc.kind == "resume" and doc.format == "text"
        assert [(s.name, s.heading, doc.text[s.start : s.end]) for s in doc.sections] == [
            ("skills", "SKILLS", "SKILLS\nPython, SQL"),
            ("experience", "EXPERIENCE", "EXPERIENCE\nData engineer 2019 - 2023"),
        ]
    assert docs[0].source == str(path) and docs[2].source == "cv.txt" and read_document(RESUME).source == "<text>"


def test_a_file_object_is_named_after_its_file(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME, encoding="utf-8")
    with path.open("rb") as fh:
        assert read_document(fh).source == str(path)


def test_format_comes_from_content_not_suffix(tmp_path: Path) -> None:
    pdf = tmp_path / "resume.txt"
    pdf.write_bytes(text_pdf([[(72, 72, "SKILLS", 12), (72, 100, "Python and Go", 12)]]))
    doc = read_document(pdf)
    assert doc.format == "pdf" and doc.text == "SKILLS\nPython and Go"
    word = tmp_path / "resume.pdf.bin"
    word.write_bytes(_docx(lambda d: d.add_paragraph("Kubernetes administrator")))
    assert read_document(word).format == "docx"


# --------------------------------------------------------------------------------------------
# text decoding


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (codecs.BOM_UTF8 + "Café résumé – naïve".encode(), None),
        (codecs.BOM_UTF16_LE + "Café résumé – naïve".encode("utf-16-le"), "decoded as utf-16-le (byte order mark)"),
        (codecs.BOM_UTF16_BE + "Café résumé – naïve".encode("utf-16-be"), "decoded as utf-16-be (byte order mark)"),
        ("Café résumé – naïve".encode(), None),
    ],
)
def test_unicode_encodings(data: bytes, warning: str | None) -> None:
    doc = read_document(data, name="cv.txt", kind="resume")
    assert doc.text == "Café résumé – naïve"
    assert list(doc.warnings) == ([warning] if warning else [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["SKILLS\nPython, Kafka – résumé", "SKILLS\nPython, Kafka"])
def test_utf16_without_bom(codec: str, text: str) -> None:
    doc = read_document(text.encode(codec), name="cv.txt", kind="resume")
    assert doc.text == text
    assert doc.warnings == (f"decoded as {codec} (no byte order mark; every other byte is zero)",)


def test_legacy_encoding_is_guessed_and_said() -> None:
    text = "Développeur Python à Montréal, expérience en données, réseaux et sécurité. " * 4
    doc = read_document(text.encode("cp1252"), name="cv.txt", kind="resume")
    assert doc.text == text.strip()
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith("not UTF-8: decoded as ")


def test_unicode_clean_up() -> None:
    raw = "eﬃcient ﬁle\u00a0work\u200b, co\u00adoperation\r\n\uf0b7 Led\u2003a team\u2028● Built   APIs\n\n\n\nEnd"
    doc = read_document(raw, kind="resume")
    assert doc.text == "efficient file work, cooperation\n• Led a team\n• Built APIs\n\nEnd"


# --------------------------------------------------------------------------------------------
# HTML and Markdown


def test_html_without_tags_scripts_or_styles() -> None:
    html = """<!DOCTYPE html><html><head><title>Data Engineer</title><style>p {color: red}</style>
    <script>var skills = ["Cobol"];</script></head><body><h2>Requirements</h2><ul><li>Python &amp; SQL</li>
    <li>Kafka<br>Spark</li></ul><table><tr><td>Location</td><td>Berlin</td></tr></table>
    <!-- a comment about Fortran --><p>We are looking for you.</p></body></html>"""
    doc = read_document(html.encode(), name="job.html")
    assert doc.format == "html" and doc.kind == "posting"
    assert doc.text == "Requirements\n• Python & SQL\n• Kafka\nSpark\nLocation\tBerlin\nWe are looking for you."
    assert [(s.name, s.heading) for s in doc.sections] == [("requirements", "Requirements")]


def test_html_string_is_sniffed() -> None:
    assert read_document("<div><p>Skills:</p><p>Rust</p></div>", kind="resume").text == "Skills:\nRust"


def test_markdown_is_read_as_text() -> None:
    md = "# Jane Doe\n\n## Technical Skills\n- Python\n- **Docker**\n\n## Education\nBSc Physics, 2016 - 2019\n"
    doc = read_document(md, name="cv.md")
    assert doc.format == "text" and doc.kind == "resume"
    assert [(s.name, s.heading) for s in doc.sections] == [("skills", "Technical Skills"), ("education", "Education")]


# --------------------------------------------------------------------------------------------
# DOCX


def test_docx_paragraphs_tables_and_lists_in_order() -> None:
    def build(d: docx.Document) -> None:
        d.sections[0].header.paragraphs[0].text = "Jane Doe - jane@example.com"
        d.add_heading("Skills", level=1)
        d.add_paragraph("Python", style="List Bullet")
        d.add_paragraph("Terraform", style="List Bullet")
        table = d.add_table(rows=2, cols=3)
        for r, row in enumerate([("Language", "Level", "Years"), ("Go", "Expert", "5")]):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        d.add_heading("Experience", level=1)
        layout = d.add_table(rows=1, cols=2)
        layout.cell(0, 0).text = "2019 - 2023"
        layout.cell(0, 1).text = "Data engineer at Acme"
        layout.cell(0, 1).add_paragraph("Built Kafka pipelines")
        d.add_paragraph("Line one\tafter tab").add_run().add_break()

    doc = read_document(_docx(build), name="cv.docx")
    assert doc.format == "docx" and doc.kind == "resume"
    assert doc.text == (
        "Jane Doe - jane@example.com\nSkills\n• Python\n• Terraform\nLanguage\tLevel\tYears\nGo\tExpert\t5\n"
        "Experience\n2019 - 2023\nData engineer at Acme\nBuilt Kafka pipelines\nLine one\tafter tab"
    )
    assert [s.name for s in doc.sections] == ["skills", "experience"]


def test_docx_merged_cells_are_read_once() -> None:
    def build(d: docx.Document) -> None:
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).merge(table.cell(0, 1)).text = "Machine learning engineer"
        table.cell(1, 0).text = "PyTorch"
        table.cell(1, 1).text = "MLflow"

    assert read_document(_docx(build), name="cv.docx", kind="resume").text == "Machine learning engineer\nPyTorch\tMLflow"


def test_vanetik_cvs_read(shared_data: Path) -> None:
    """The 39 real DOCX CVs (many laid out in tables): all read, each with text and a résumé guess."""
    files = sorted((shared_data / "pairs" / "vanetik_vacancy_resume").glob("CV*/*.docx"))
    assert len(files) == 39
    for path in files:
        doc = read_document(path)
        assert doc.format == "docx" and doc.kind == "resume", path
        assert len(doc.text.split()) > 100, path


def test_vanetik_cv_in_a_layout_table(shared_data: Path) -> None:
    """CV 2 (a layout table): its sections in order; "Languages: ..." above the first heading
    starts one, "Programming languages: ..." inside the summary does not."""
    doc = read_document(shared_data / "pairs" / "vanetik_vacancy_resume" / "CV" / "2.docx")
    assert [(s.name, s.heading) for s in doc.sections] == [
        ("languages", "Languages"),
        ("summary", "EXPERIENCE SUMMARY"),
        ("experience", "EXPERIENCE"),
        ("education", "EDUCATION"),
        ("courses", "Courses and special programs"),
    ]


def test_mojibake_is_repaired() -> None:
    """UTF-8 shown as Windows-1252 (as in the scraped livecareer PDFs); real accents stay."""
    raw = "Company Name â€“ City, State\nOver 3 yearsÂ of work, a â€œteam playerâ€\nCafÃ© rÃ©sumÃ©; Ça va, Éà, ÂNGELA"
    assert read_document(raw, kind="resume").text == "Company Name – City, State\nOver 3 years of work, a “team player”\nCafé résumé; Ça va, Éà, ÂNGELA"


def test_livecareer_pdf_has_no_mojibake(shared_data: Path) -> None:
    doc = read_document(shared_data / "resumes_pdf" / "livecareer__INFORMATION-TECHNOLOGY__18067556.pdf")
    assert "Company Name – City , State" in doc.text and "â€" not in doc.text
