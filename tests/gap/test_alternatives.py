"""Choices in postings: "PHP, Python or Go" asks for one of them, and any of them is accepted."""

from __future__ import annotations

import re

import pytest

from skillgap.documents.model import Document
from skillgap.extract.choices import with_choices
from skillgap.extract.model import Mention, SkillProfile
from skillgap.gap import compare, prepare_job
from skillgap.rules import load_rules


def _posting(taxonomy, text: str) -> SkillProfile:
    """A posting profile with one exact mention per label occurrence in ``text`` (labels of the
    fixture taxonomy), its choices marked as the extractor marks them."""
    mentions = []
    for skill in taxonomy:
        for m in re.finditer(rf"\b{re.escape(skill.label)}\b", text):
            mentions.append(Mention(skill_id=skill.id, text=m.group(), start=m.start(), end=m.end(), method="exact", score=100.0))
    mentions.sort(key=lambda m: m.start)
    doc = Document(source="posting.txt", kind="posting", text=text)
    return SkillProfile(document=doc, mentions=with_choices(text, mentions, load_rules().cues), taxonomy=taxonomy)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python, SQL or AWS.", {"python": ["aws", "sql"], "sql": ["aws", "python"], "aws": ["python", "sql"]}),
        ("Python and SQL.", {}),  # "and" joins
        ("Python, Docker and SQL or AWS.", {"sql": ["aws"], "aws": ["sql"]}),  # the choice starts after "and"
        ("SQL or AWS, Docker.", {"sql": ["aws"], "aws": ["sql"]}),  # the choice ends at its "or" item
        ("Python with SQL or AWS.", {"sql": ["aws"], "aws": ["sql"]}),  # "with" is no separator: not in the list
        ("Python or Python.", {}),  # one skill is no choice
        ("SQL or AWS. We use AWS daily.", {"sql": ["aws"]}),  # AWS is also asked on its own: it stays required alone
        ("Know one of: Python, SQL, AWS and Docker.", {"python": ["aws", "sql"], "sql": ["aws", "python"], "aws": ["python", "sql"]}),
        ("Know one of: Python.", {}),
        ("Python, SQL, AWS.", {}),  # a plain list asks for all
    ],
)
def test_alternatives_of_a_posting(taxonomy, text, expected):
    job = prepare_job(_posting(taxonomy, text))
    assert {k: sorted(v) for k, v in job.alternatives.items()} == expected


def test_shipped_cues_make_or_the_choice_word_and_one_of_a_choice_opener():
    cues = load_rules().cues
    assert cues.alternative_words == frozenset({"or"})
    assert cues.choice_openers == ("one of", "any of", "one or more of")


def test_any_choice_satisfies_the_others_and_choices_share_one_weight(taxonomy, profile_of):
    job = prepare_job(_posting(taxonomy, "Must know Python, SQL or AWS. Docker is required. Docker or GCP."))
    weights = {r.skill_id: r.weight for r in job.requirements}
    assert weights == pytest.approx({"python": 1 / 3, "sql": 1 / 3, "aws": 1 / 3, "docker": 2.0, "gcp": 0.5})

    both = compare(profile_of("sql", "docker"), job)
    assert {r.skill_id: (r.status, r.via, r.credit) for r in both.results} == {
        "python": ("alternative", "sql", 1.0),
        "sql": ("matched", None, 1.0),
        "aws": ("alternative", "sql", 1.0),
        "docker": ("matched", None, 1.0),
        "gcp": ("alternative", "docker", 1.0),
    }
    assert both.score == 100.0
    assert [m.text for m in both.results[0].evidence] == ["SQL"]

    weak = compare(profile_of("gcp"), job)
    assert {r.skill_id: r.status for r in weak.results} == {
        "python": "missing", "sql": "missing", "aws": "transferable", "docker": "missing", "gcp": "matched",
    }  # fmt: skip
    assert weak.score == pytest.approx(100 * (0.25 / 3 + 0.5) / 3.5)
