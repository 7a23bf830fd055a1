"""Heading detection from the vocabulary, spans, and the résumé / posting guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap import TaxonomyError, read_document
from skillgap.documents.sections import classify_line, detect_sections, guess_kind, load_vocabularies
from skillgap.rules import load_rules


@pytest.fixture(scope="module")
def vocab():
    return load_vocabularies()


@pytest.mark.parametrize(
    ("line", "kind", "expected"),
    [
        ("TECHNICAL SKILLS", "resume", ("skills", "TECHNICAL SKILLS")),
        ("Skills & Tools", "resume", ("skills", "Skills & Tools")),
        ("Core Competencies", "resume", ("skills", "Core Competencies")),
        ("IT PROFICIENCY", "resume", ("skills", "IT PROFICIENCY")),
        ("Work Experiance", "resume", ("experience", "Work Experiance")),  # a typo, matched fuzzily
        ("PROJECTS UNDERTAKEN", "resume", ("projects", "PROJECTS UNDERTAKEN")),  # by keyword
        ("ACHIEVEMENTS, AWARDS & CERTIFICATIONS", "resume", ("certifications", "ACHIEVEMENTS, AWARDS & CERTIFICATIONS")),
        ("• EDUCATION •", "resume", ("education", "EDUCATION")),
        ("Honors & Awards", "resume", ("awards", "Honors & Awards")),
        ("Key Skills: Python, SQL, Tableau", "resume", ("skills", "Key Skills")),
        ("*Preferred Qualifications**", "posting", ("preferred", "Preferred Qualifications")),
        ("What you'll do:", "posting", ("responsibilities", "What you'll do")),
        ("Nice to have", "posting", ("preferred", "Nice to have")),
        ("COMPENSATION & BENEFITS:", "posting", ("benefits", "COMPENSATION & BENEFITS")),
        ("Minimum Qualifications:", "posting", ("requirements", "Minimum Qualifications")),
        ("A bit about you", "posting", ("requirements", "A bit about you")),
        ("Physical Demands", "posting", ("requirements", "Physical Demands")),
        ("About Cognizant", "posting", ("about", "About Cognizant")),  # by keyword
        ("Total Rewards:", "posting", ("benefits", "Total Rewards")),
    ],
)
def test_headings(vocab, line: str, kind: str, expected: tuple[str, str]) -> None:
    assert classify_line(line, vocab[kind]) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Built data pipelines in Python and SQL for the skills team.",
        "Relevant experience in 2019",
        "Led a team of five engineers and improved their skills",
        "Data Scientist",
        "Python, SQL, Spark",
        "Experience\twith Kafka",
        "Technologies: Java, Spring",  # a field inside a job entry, not a section
        "Tech stack: React, Redux",
    ],
)
def test_lines_that_are_not_headings(vocab, line: str) -> None:
    assert classify_line(line, vocab["resume"]) is None


def test_posting_headings_from_layout(vocab) -> None:
    # sentence-case lines standing alone are matched by fuzzy heading or keyword; a bulleted line,
    # a line with a bracket, a long line ending in its keyword and a hard-wrapped fragment are not
    text = (
        "We build furniture.\n\nAbout our company\nWe are 300 people.\n\nWhat youll do\n- Build dashboards\n"
        "Works on small to\nmid-sized reports.\n\nExperience requirements\nThree years of SQL.\n"
        "Previous leadership experience preferred\n- Bachelor's degree (preferred)\n\nWhy join us?\nRemote work.\n"
    )
    found = [(s.name, s.heading) for s in detect_sections(text, "posting", vocab)]
    assert found == [
        ("about", "About our company"), ("responsibilities", "What youll do"), ("requirements", "Experience requirements"), ("benefits", "Why join us"),
    ]
    # the same lines in a résumé are no headings: the layout rule is the postings'
    assert [s.name for s in detect_sections(text, "resume", vocab)] == []


def test_sections_span_heading_to_next_heading(vocab) -> None:
    text = "Jane Doe\n\nSUMMARY\nData engineer.\n\nSkills:\nPython\n\nExperience\nAcme 2019 - 2023\n"
    sections = detect_sections(text, "resume")
    assert [(s.name, s.heading, text[s.start : s.end]) for s in sections] == [
        ("summary", "SUMMARY", "SUMMARY\nData engineer."),
        ("skills", "Skills", "Skills:\nPython"),
        ("experience", "Experience", "Experience\nAcme 2019 - 2023"),
    ]


def test_section_at_and_page_at() -> None:
    doc = read_document("Intro line\nSKILLS\nPython\nEDUCATION\nBSc", kind="resume")
    assert doc.section_at(0) is None
    assert doc.section_at(doc.text.index("Python")).name == "skills"
    assert doc.section_at(doc.text.index("BSc")).name == "education"
    assert doc.page_at(len(doc.text) - 1) == 1


def test_kind_is_guessed_and_said() -> None:
    posting = "About the role\nWe are looking for a data engineer to join our team.\nRequirements\n3+ years of Python\nBenefits\nRemote work"
    doc = read_document(posting)
    assert doc.kind == "posting" and doc.warnings[-1].startswith("kind guessed as posting (")
    assert [s.name for s in doc.sections] == ["about", "requirements", "benefits"]
    assert read_document(posting, kind="resume").warnings == ()


def test_gold_postings_are_guessed_as_postings(shared_data: Path) -> None:
    files = sorted((shared_data / "gold" / "postings").glob("*.txt"))
    assert len(files) == 25
    assert [p.name for p in files if read_document(p).kind != "posting"] == []


def test_resume_pdfs_are_guessed_as_resumes(shared_data: Path) -> None:
    files = sorted((shared_data / "gold" / "postings").glob("*.txt"))
    texts = [read_document(p).text for p in files]
    assert all(guess_kind(t)[0] == "posting" for t in texts)
    resumes = sorted((shared_data / "resumes_pdf").glob("*.pdf"))
    assert [p.name for p in resumes if read_document(p).kind != "resume"] == []


def test_vocabulary_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "sections.yaml"
    bad.write_text("resume:\n  headings:\n    skills: [skills]\n    summary: [skills]\nposting:\n  headings: {}\n")
    with pytest.raises(TaxonomyError, match="listed under both 'skills' and 'summary'"):
        load_vocabularies(str(bad))
    bad.write_text("resume: [1, 2]\n")
    with pytest.raises(TaxonomyError, match="must be a mapping with headings"):
        load_vocabularies(str(bad))


def test_a_file_of_headings_alone_is_a_vocabulary(tmp_path: Path) -> None:
    """cues: and gap: left out come from the shipped file."""
    path = tmp_path / "sections.yaml"
    path.write_text("resume:\n  headings:\n    skills: [toolbox]\nposting:\n  headings:\n    about: [hello]\n")
    vocab = load_vocabularies(str(path))
    assert classify_line("TOOLBOX", vocab["resume"]) == ("skills", "TOOLBOX")
    assert classify_line("SKILLS", vocab["resume"]) is None


def test_read_document_takes_a_vocabulary_of_your_own(tmp_path: Path) -> None:
    path = tmp_path / "sections.yaml"
    path.write_text("resume:\n  headings:\n    skills: [toolbox]\nposting:\n  headings:\n    about: [hello]\n")
    text = "Jane Doe\nTOOLBOX\nPython, SQL\nSKILLS\nGo"
    mine = read_document(text, kind="resume", vocabulary=path)
    shipped = read_document(text, kind="resume")
    assert [(s.name, s.heading) for s in mine.sections] == [("skills", "TOOLBOX")]
    assert [(s.name, s.heading) for s in shipped.sections] == [("skills", "SKILLS")]
    assert read_document(text, kind="resume", vocabulary=load_rules(path)).sections == mine.sections


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("002", [("responsibilities", "Duties, Tasks & Responsibilities"), ("requirements", "Required Experience, Skills, & Technologies"), ("preferred", "Desired Experience, Skills & Technologies")]),
        ("014", [("about", "Position Description"), ("requirements", "Position Requirements"), ("preferred", "Nice-to-have Skills")]),
        ("015", [("about", "Our Focus"), ("responsibilities", "What’s the Job"), ("requirements", "About You"), ("preferred", "Stand-out Skills")]),
        ("021", [("responsibilities", "What you'll be working on"), ("requirements", "What you need to be successful in this role"), ("benefits", "What we offer")]),
    ],
)
def test_gold_posting_sections(shared_data: Path, doc: str, expected: list[tuple[str, str]]) -> None:
    """Posting headings are often phrases or questions; they still map to their sections."""
    found = read_document(shared_data / "gold" / "postings" / f"{doc}.txt", kind="posting").sections
    assert [(s.name, s.heading) for s in found] == expected
