"""Reading order on generated PDFs, the same through both engines: columns, tables, hyphens."""

from __future__ import annotations

import pytest

from skillgap import read_document
from skillgap.documents.layout import MAX_LAYOUT_SEGMENTS, Glyph, _segments, page_text
from skillgap.documents.pdf import ENGINES

from .pdfgen import rotated_text_pdf, text_pdf, two_column_pdf

LEFT = ["EXPERIENCE", "Data engineer at Acme Corp", "Built streaming pipelines with Kafka", "Moved reports to dbt and BigQuery", "EDUCATION", "BSc Physics, Leeds"]
RIGHT = ["SKILLS", "Python and SQL", "Terraform modules", "Docker and Kubernetes", "LANGUAGES", "English, German"]


@pytest.mark.parametrize("engine", ENGINES)
def test_two_columns_read_one_after_the_other(engine: str) -> None:
    doc = read_document(two_column_pdf(LEFT, RIGHT, header="Jane Doe"), name="cv.pdf", engine=engine, kind="resume")
    assert doc.text.split("\n") == ["Jane Doe", *LEFT, *RIGHT]
    assert [s.name for s in doc.sections] == ["experience", "education", "skills", "languages"]


@pytest.mark.parametrize("engine", ENGINES)
def test_table_rows_stay_rows(engine: str) -> None:
    rows = [("Language", "Level", "Years"), ("Python", "Expert", "6"), ("Go", "Good", "2"), ("SQL", "Expert", "8")]
    runs = [(x, 100 + 16 * r, cell, 10) for r, row in enumerate(rows) for x, cell in zip((60, 250, 420), row)]
    doc = read_document(text_pdf([runs]), name="t.pdf", engine=engine, kind="resume")
    assert doc.text.split("\n") == ["\t".join(row) for row in rows]


@pytest.mark.parametrize("engine", ENGINES)
def test_right_aligned_dates_stay_on_their_line(engine: str) -> None:
    runs = [
        (60, 100, "Senior Data Engineer, Acme", 10),
        (470, 100, "2019 - 2023", 10),
        (60, 114, "Designed the event platform used by every product team at Acme", 10),
        (60, 128, "Data Engineer, Initech", 10),
        (470, 128, "2016 - 2019", 10),
        (60, 142, "Maintained the nightly batch jobs and their monitoring dashboards", 10),
    ]
    doc = read_document(text_pdf([runs]), name="t.pdf", engine=engine, kind="resume")
    assert doc.text.split("\n") == [
        "Senior Data Engineer, Acme\t2019 - 2023",
        "Designed the event platform used by every product team at Acme",
        "Data Engineer, Initech\t2016 - 2019",
        "Maintained the nightly batch jobs and their monitoring dashboards",
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_are_separated_and_counted(engine: str) -> None:
    pages = [[(72, 72, "SKILLS", 12), (72, 90, "Python", 12)], [(72, 72, "EDUCATION", 12), (72, 90, "MSc", 12)]]
    doc = read_document(text_pdf(pages), name="t.pdf", engine=engine, kind="resume")
    assert doc.text == "SKILLS\nPython\n\nEDUCATION\nMSc"
    assert doc.pages == (0, doc.text.index("EDUCATION"))
    assert doc.page_at(doc.text.index("MSc")) == 2 and doc.page_at(doc.text.index("Python")) == 1


def _glyphs(line: str, x: float, top: float, size: float = 10.0) -> list[Glyph]:
    """Monospaced glyphs for a line (spaces become word gaps, as in PDFs without space glyphs)."""
    out, width = [], size * 0.5
    for i, ch in enumerate(line):
        if ch != " ":
            out.append(Glyph(ch, x + i * width, top, x + (i + 1) * width, top + size * 1.2))
    return out


def test_words_split_by_gaps_and_hyphenated_words_joined() -> None:
    """The hyphen goes when the page spells the word without it elsewhere, else it stays."""
    glyphs = _glyphs("Built a data-", 50, 100) + _glyphs("base of skills, self-", 50, 114) + _glyphs("taught database admin.", 50, 128)
    assert page_text(glyphs) == "Built a database\nof skills, self-taught\ndatabase admin."


def test_compound_hyphen_at_line_end_is_kept_when_next_line_is_capitalised() -> None:
    glyphs = _glyphs("Worked on Apache-", 50, 100) + _glyphs("Spark jobs", 50, 114)
    assert page_text(glyphs) == "Worked on Apache-\nSpark jobs"


def test_overprinted_text_is_read_once() -> None:
    """Fake bold: the same word drawn twice, slightly shifted."""
    glyphs = _glyphs("SKILLS", 50, 100) + _glyphs("SKILLS", 50.4, 100) + _glyphs("Python", 50, 114)
    assert page_text(glyphs) == "SKILLS\nPython"


@pytest.mark.parametrize("engine", ENGINES)
def test_rotated_text_is_left_out_and_said(engine: str) -> None:
    doc = read_document(rotated_text_pdf("Python and Kafka", "SIDEBAR"), name="r.pdf", engine=engine, kind="resume")
    assert doc.text == "Python and Kafka"
    assert doc.warnings == ("7 rotated characters (vertical or slanted text) were left out",)


@pytest.mark.parametrize("engine", ENGINES)
def test_columns_on_one_baseline_grid_split_when_text_wraps(engine: str) -> None:
    """Same font and leading on both sides: rows line up like a table, but the left side's
    text wraps from line to line, so it is read as two columns."""
    left = ["PROJECTS", "Built a recommender that ranks", "products for returning visitors", "Forecast demand with gradient", "boosted trees on weekly sales"]
    right = ["SKILLS", "Python", "LightGBM", "Airflow", "Tableau"]
    runs = [(60, 100 + 14 * i, line, 10) for i, line in enumerate(left)] + [(360, 100 + 14 * i, line, 10) for i, line in enumerate(right)]
    doc = read_document(text_pdf([runs]), name="t.pdf", engine=engine, kind="resume")
    assert doc.text.split("\n") == [*left, *right]


def test_crowded_page_keeps_every_word() -> None:
    """A page with more segments than the column search takes (a data dump) is read row by row."""
    glyphs = [g for r in range(100) for c in range(24) for g in _glyphs(f"w{r}x{c}", 10 + 25 * c, 10 + 7.5 * r, size=5)]
    assert len(_segments(glyphs)) == 2400 > MAX_LAYOUT_SEGMENTS
    words = page_text(glyphs).split()
    assert len(words) == 2400 and words[:3] == ["w0x0", "w0x1", "w0x2"] and words[-1] == "w99x23"


def test_table_of_lowercase_items_is_not_prose() -> None:
    """A grid of one-word lowercase cells is a table, not wrapped text: read row by row."""
    glyphs = [g for r in range(8) for c in range(4) for g in _glyphs(f"cell{r}{c}", 60 + 120 * c, 100 + 14 * r)]
    assert page_text(glyphs).split("\n")[:2] == ["cell00\tcell01\tcell02\tcell03", "cell10\tcell11\tcell12\tcell13"]
