"""The real résumé PDFs: every file reads with both engines, reading order and sections match
the hand-made gold (``gold/resumes.jsonl``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from skillgap import Document, read_document
from skillgap.documents.pdf import ENGINES
from skillgap.documents.sections import normalize_heading

_CACHE: dict[tuple[str, str], Document] = {}


def _read(path: Path, engine: str) -> Document:
    """Each file is read once per engine per test session (pdfplumber costs ~0.1 s a page)."""
    key = (str(path), engine)
    if key not in _CACHE:
        _CACHE[key] = read_document(path, kind="resume", engine=engine)
    return _CACHE[key]


@pytest.fixture(scope="module")
def gold(shared_data: Path) -> list[dict]:
    lines = (shared_data / "gold" / "resumes.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("engine", ENGINES)
def test_every_resume_pdf_reads_with_its_pages(shared_data: Path, engine: str) -> None:
    files = sorted((shared_data / "resumes_pdf").glob("*.pdf"))
    assert len(files) == 28
    for path in files:
        doc = _read(path, engine)
        pdf = pdfium.PdfDocument(str(path))
        n_pages = len(pdf)
        pdf.close()
        assert doc.format == "pdf"
        assert len(doc.pages) == n_pages, path.name
        assert doc.pages[0] == 0 and list(doc.pages) == sorted(doc.pages) and doc.pages[-1] < len(doc.text)
        assert len(doc.text.split()) > 100, path.name
        assert doc.text == doc.text.strip() and "\r" not in doc.text and "\u00a0" not in doc.text and "ﬁ" not in doc.text


@pytest.mark.parametrize("engine", ENGINES)
def test_gold_phrases_read_contiguously(shared_data: Path, gold: list[dict], engine: str) -> None:
    """Each gold phrase lies within one column and one line: a right reading order keeps it whole."""
    missed = []
    for row in gold:
        text = " ".join(_read(shared_data / row["doc"], engine).text.split())
        missed += [(row["doc"], p) for p in row["phrases"] if " ".join(p.split()) not in text]
    assert missed == []


@pytest.mark.parametrize("engine", ENGINES)
def test_gold_section_headings_are_detected(shared_data: Path, gold: list[dict], engine: str) -> None:
    """Every heading under which the gold places a skill is found as a section heading."""
    missed = []
    for row in gold:
        doc = _read(shared_data / row["doc"], engine)
        found = {normalize_heading(s.heading) for s in doc.sections}
        wanted = {h for w in row["where"] for h in w["sections"] if h != "HEADER"}
        missed += [(row["doc"], h) for h in sorted(wanted) if normalize_heading(h) not in found]
    assert missed == []


def test_gold_skills_lie_in_their_gold_sections(shared_data: Path, gold: list[dict]) -> None:
    """Where the gold places a skill under a heading and the text names the skill (by its name
    or a synonym from gold/vocab.txt), the detected section with that heading contains a name:
    sub-headings and inline labels ("Programming Languages:", "Relevant Coursework:") stay
    inside their section. The few misses are gold pairs whose skill is written in other words
    in that section while a listed name occurs elsewhere."""
    synonyms = {}
    for line in (shared_data / "gold" / "vocab.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names = [n.strip().casefold() for n in line.split("|") if n.strip()]
            synonyms[names[0]] = names
    placed, findable = 0, 0
    for row in gold:
        doc = _read(shared_data / row["doc"], "pdfium")
        lowered = doc.text.casefold()
        for w in row["where"]:
            names = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)") for n in synonyms[w["skill"].casefold()]]
            if not any(p.search(lowered) for p in names):
                continue
            for heading in w["sections"]:
                if heading == "HEADER":
                    continue
                findable += 1
                spans = [lowered[s.start : s.end] for s in doc.sections if normalize_heading(s.heading) == normalize_heading(heading)]
                placed += any(p.search(span) for span in spans for p in names)
    assert findable == 245
    assert placed / findable >= 0.95, placed


def test_two_column_resume_reads_column_after_column(shared_data: Path) -> None:
    """Brendan Herger's résumé: the right-hand "Personal Projects" column comes after the whole
    left column, and its section holds its own lines only."""
    doc = _read(shared_data / "resumes_pdf" / "gh_bjherger__Brendan_Herger_Resume.pdf", "pdfium")
    text = doc.text
    assert text.index("Supervised and trained a staff of 10-30 team members") < text.index("Personal Projects")
    projects = [s for s in doc.sections if s.name == "projects"]
    assert [s.heading for s in projects] == ["Personal Projects"]
    body = text[projects[0].start : projects[0].end]
    assert body.startswith("Personal Projects\nIdentified genre of Billboard\nHot 100 songs using ensemble\n")
    assert "Capital One" not in body and "University of San Francisco" not in body


def test_skill_grid_rows_stay_on_one_line(shared_data: Path) -> None:
    """Abhishek's SKILLS grid: a row of cells becomes one line, cells separated by a tab."""
    doc = _read(shared_data / "resumes_pdf" / "gh_omkarRP__Abhishek_Resume.pdf", "pdfium")
    skills = next(s for s in doc.sections if s.name == "skills")
    assert doc.text[skills.start : skills.end].split("\n") == [
        "SKILLS",
        "Data Analytics and Visualization\tR programming",
        "Descriptive Statistics\tInferential Statistics",
        "Machine Learning\tMS-Excel\tPython",
        "Ethical Hacking",
    ]


def test_partly_two_column_resume(shared_data: Path) -> None:
    """SGresume: one column on top, then projects | skills and education | interests side by
    side on one baseline grid; each side is read whole, the skills grid row by row."""
    doc = _read(shared_data / "resumes_pdf" / "gh_bjherger__SGresume-1.pdf", "pdfium")
    assert [(s.name, s.heading) for s in doc.sections] == [
        ("experience", "Work Experience"),
        ("projects", "Relevant Projects"),
        ("education", "Education"),
        ("skills", "Skills"),
        ("interests", "Interests"),
    ]
    skills = doc.sections[3]
    assert doc.text[skills.start : skills.end].split("\n")[:4] == ["Skills", "Computer\tLanguages", "R\tEnglish", "Python\tFrench"]
    assert "• Computed ideal product configuration by creating a market\nsimulator using conjoint analysis\n" in doc.text


@pytest.mark.parametrize("engine", ENGINES)
def test_table_cells_that_wrap_are_joined(shared_data: Path, engine: str) -> None:
    """Anjali's education grid: cells wrapped over two lines are read back whole, row by row."""
    lines = _read(shared_data / "resumes_pdf" / "gh_omkarRP__anjali_resume.pdf", engine).text.split("\n")
    start = lines.index("Qualification\tBoard/University\tYear\tPercentage")
    assert lines[start + 1 : start + 4] == [
        "B.E (Information Technology)\tMMCOE (Savitribai Phule Pune University)\t2018\t61.51%",
        "12th (Computer Science)\tDr. Kalmadi Shamarao Junior College (Maharashtra State Board)\t2014\t71.69%",
        "High School\tS.P.M. English School (Maharashtra State Board)\t2012\t84.55%",
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_engines_agree_on_sections(shared_data: Path, gold: list[dict], engine: str) -> None:
    """Both engines find the same section names in the same order on the gold résumés."""
    for row in gold:
        ours = [s.name for s in _read(shared_data / row["doc"], engine).sections]
        other = [s.name for s in _read(shared_data / row["doc"], "pdfium").sections]
        assert ours == other, row["doc"]
