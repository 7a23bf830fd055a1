"""The career reader's cheaper scans find what the full ones find: a prefilter never hides a match,
and a text read by several rules is scanned for degree words once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap import read_document
from skillgap.documents import degrees
from skillgap.documents.career import _CareerReader, _lines, _patterns, read_career
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
