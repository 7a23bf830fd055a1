"""The career reader's cheaper scans find what the full ones find: a prefilter never hides a match,
and a text read by several rules is scanned for degree words once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap import read_document
from skillgap.documents import degrees
from skillgap.documents.career import _CareerReader, _is_end_line, _lines, _patterns, _title_like, read_career
from skillgap.documents.careervocab import load_career_vocabulary


@pytest.fixture(scope="module")
def gold_lines(shared_data: Path) -> list[str]:
    """Every line of the 46 résumés of gold/experience."""
    rows = [json.loads(line) for line in (shared_data / "gold/experience/resumes_experience.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [read_document(shared_data / r["doc"], kind="resume").text for r in rows]
    return [ln.text for text in texts for ln in _lines(text, 0, len(text))]


def test_the_unread_range_scan_runs_only_where_its_tail_is_printed(gold_lines: list[str]) -> None:
    found = _patterns(load_career_vocabulary())
    full = [t for t in gold_lines if found["_unread_start"].search(t)]
    tails = [t for t in gold_lines if found["_unread_end"].search(t)]
    assert len(gold_lines) == 3267 and len(full) == 30 and len(tails) == 32
    assert set(full) <= set(tails)  # every range the full pattern finds ends with the tail


def test_the_written_date_is_looked_for_by_the_fewest_words() -> None:
    vocab = load_career_vocabulary()
    assert _patterns(vocab)["_written_words"] == ("modified", "update")  # "updated" holds "update"
    doc = read_document("Jane Doe\nLast updated: March 2021\nExperience\nAnalyst, Acme 2019 - Present\n", kind="resume")
    assert (read_career(doc).as_of.isoformat(), read_career(doc).as_of_source) == ("2021-03-01", "printed 'Last updated: March 2021'")


def test_a_one_line_document_is_scanned_for_degree_words_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Jane Doe B.Sc. in Physics, University of Leeds, 2014 Analyst at Acme since 2015"
    doc = read_document(text, kind="resume")
    scanned: list[str] = []
    words = degrees.DegreeFinder.words
    monkeypatch.setattr(degrees.DegreeFinder, "words", lambda self, t: (scanned.append(t), words(self, t))[1])
    reader = _CareerReader(doc, load_career_vocabulary())
    education = list(reader.education())
    assert [(e.level, e.field, e.end_year) for e in education] == [("bachelor", "Physics", 2015)]  # a one-line document: its line holds every year
    assert scanned.count(doc.text) == 1  # the whole text's scan finds the line, which is that text


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Jane Doe\nAnalyst\nLast updated: March 2021\nDate of last update 2021; last updated on 2020", [(17, 29), (42, 61), (68, 80)]),  # not "updated on" inside the last
        ("JANE DOE updated the wiki\nLAST MODIFIED 2020-01", [(26, 39)]),
        ("Laſt updated 2021", [(0, 12)]),  # a long s: case folding reads it as the regex does
        ("Last modıfıed 2019, last updated 2020", [(0, 13), (20, 32)]),  # a dotless i: the whole text
        ("Straße 5\nlast update Jan 2020", [(9, 20)]),  # "ß" folds to two letters: the whole text
        ("Updated resume", []),
        ("No phrase here", []),
    ],
)
def test_the_written_phrases_are_those_a_scan_of_the_whole_text_finds(text: str, spans: list[tuple[int, int]]) -> None:
    reader = _CareerReader(read_document(text, kind="resume"), load_career_vocabulary())
    assert [m.span() for m in reader._written_phrases(text)] == spans
    assert [m.span() for m in reader.dates.written.finditer(text)] == spans


@pytest.mark.parametrize(
    ("line", "title_like"),
    [
        ("Senior Data Engineer, Acme", True),
        ("Floral Designer Company Name City , State I was employed as a designer for five years", True),  # the title before the placeholder
        ("Responsible for the design and build of the data platform of the bank", False),
        ("Data Engineer.", False),
    ],
)
def test_a_title_line_is_short_before_or_after_its_placeholder_is_cut(line: str, title_like: bool) -> None:
    assert _title_like(line) is title_like


def test_an_end_line_is_found_without_folding_longer_lines() -> None:
    ends = load_career_vocabulary().end_lines
    longest = max(map(len, ends))
    assert _is_end_line("  Additional Information :", ends, longest)
    assert not _is_end_line("Additional Information about the projects I led at Acme", ends, longest)


def test_the_degree_scan_skips_words_by_their_first_two_letters_and_finds_every_degree_word(shared_data: Path) -> None:
    rows = [json.loads(line) for line in (shared_data / "gold/experience/resumes_experience.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [read_document(shared_data / r["doc"], kind="resume").text for r in rows]
    finder = degrees.degree_finder(load_career_vocabulary())
    assert sum(1 for text in texts for _ in finder.scan.finditer(text)) == 399  # what the scan found before the lookahead (with the MEd-type abbreviations and the programmes)
    levels = [w.level for text in texts for w in finder.words(text)]
    assert {level: levels.count(level) for level in sorted(set(levels))} == {"associate": 7, "bachelor": 36, "certificate": 103, "high_school": 14, "master": 46, "phd": 6}
    # words of every form, one a line: pieces, dots, an apostrophe, a digit, a phrase, capitals before a field
    lines = ["B. Tech in Civil", "M.S. in Physics", "Master's degree", "10th grade", "High School Diploma", "AS in Nursing", "PhD, Chemistry", ".MBA"]
    assert [[(w.level, t[w.start : w.end]) for w in finder.words(t)] for t in lines] == [
        [("bachelor", "B. Tech")],
        [("master", "M.S.")],
        [("master", "Master's")],
        [("high_school", "10th")],
        [("high_school", "High School Diploma")],
        [("associate", "AS")],
        [("phd", "PhD")],
        [("master", "MBA")],
    ]
