"""The shipped taxonomy on real dev files (read through `shared_data`): gold skills found with
their evidence, gold traps not reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap import SkillExtractor


@pytest.fixture(scope="module")
def shipped() -> SkillExtractor:
    return SkillExtractor()


def _gold(shared_data: Path, name: str, doc: str) -> dict:
    rows = [json.loads(line) for line in (shared_data / "gold" / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return next(r for r in rows if r["doc"] == doc)


def _trap_hits(profile, trap: dict) -> list[str]:
    text = profile.document.text
    start = text.find(trap["text"])
    assert start >= 0, trap["text"]
    end = start + len(trap["text"])
    skill = profile.taxonomy.lookup(trap["skill"]).id
    return [m.text for m in profile.mentions if m.skill_id == skill and m.method != "implied" and m.start < end and start < m.end]


def test_posting_003_languages_and_traps(shipped: SkillExtractor, shared_data: Path) -> None:
    profile = shipped.extract(shared_data / "gold" / "postings" / "003.txt", kind="posting")
    gold = _gold(shared_data, "postings.jsonl", "postings/003.txt")
    stated = set(profile.skill_ids)
    gold_ids = {profile.taxonomy.lookup(n).id for n in gold["required"] + gold["preferred"]}
    assert gold_ids <= stated
    # "(C, C++, Cuda-C)": C is a list item here, the "(c)" of the EEO text is not
    c = profile.mentions_of("c")
    assert [m.text for m in c] == ["C", "C"]  # the English ad and its French copy
    assert {m.importance for m in c} == {"required"}
    assert [_trap_hits(profile, t) for t in gold["traps"]] == [[], [], []]


def test_posting_006_go_for_a_run(shipped: SkillExtractor, shared_data: Path) -> None:
    profile = shipped.extract(shared_data / "gold" / "postings" / "006.txt", kind="posting")
    gold = _gold(shared_data, "postings.jsonl", "postings/006.txt")
    assert [(t["skill"], _trap_hits(profile, t)) for t in gold["traps"]] == [(t["skill"], []) for t in gold["traps"]]
    assert {"java", "scala", "apache-spark", "spacy", "nltk"} <= set(profile.skill_ids)
    assert "go" not in profile.skill_ids


def test_resume_omkar_skills_section_and_evidence(shipped: SkillExtractor, shared_data: Path) -> None:
    profile = shipped.extract(shared_data / "resumes_pdf" / "gh_pyresparser__OmkarResume.pdf", kind="resume")
    gold = _gold(shared_data, "resumes.jsonl", "resumes_pdf/gh_pyresparser__OmkarResume.pdf")
    gold_ids = {profile.taxonomy.lookup(n).id for n in gold["skills"]}
    assert gold_ids <= set(profile.skill_ids)
    # "Programming Languages: Python, C, PHP, C++, Shell Script" on page 2, in the Skills section
    assert [(m.text, m.section, m.page, m.method) for m in profile.mentions_of("c")] == [("C", "skills", 2, "pattern")]
    assert "accounting" not in profile.skill_ids  # "Enhancing, auditing and maintaining ..." is no accounting
    assert [_trap_hits(profile, t) for t in gold["traps"] if t["text"] in profile.document.text] == [[]]


def _green_sentence(shared_data: Path, word: str) -> str:
    """The first sentence of the Green et al. dev cut holding ``word`` (tokens joined by spaces)."""
    text = (shared_data / "skill_annotations/green2022/testset__dev.txt").read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        tokens = [line.split()[0] for line in block.splitlines() if line.split()]
        if word in tokens:
            return " ".join(tokens)
    raise AssertionError(word)


def test_selenium_is_the_test_tool_in_running_prose(shipped: SkillExtractor, shared_data: Path) -> None:
    # Green et al. sentence: "... Automation Test Analyst with experience of working with Selenium for our client ..."
    profile = shipped.extract(_green_sentence(shared_data, "Corecom"), kind="posting")
    assert [(m.skill_id, m.text, m.method) for m in profile.mentions] == [
        ("testing-frameworks", "Selenium", "exact"),
        ("software-testing", "Selenium", "implied"),
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("sums", [("finance", "financial controls", "exact")]),  # "Knowledge of budgets , estimates , contract sums and financial controls ."
        ("AACA", [("finance", "Balance sheet analysis", "exact")]),  # "... are met Balance sheet analysis , production of P L ' s ..."
    ],
)
def test_finance_terms_of_accounting_postings(shipped: SkillExtractor, shared_data: Path, word: str, expected: list) -> None:
    profile = shipped.extract(_green_sentence(shared_data, word), kind="posting")
    assert [(m.skill_id, m.text, m.method) for m in profile.mentions] == expected
