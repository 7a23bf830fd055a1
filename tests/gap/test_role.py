"""A candidate against the shipped ML-engineer role (the article's areas)."""

from __future__ import annotations

import pytest

from skillgap import load_taxonomy
from skillgap.gap import compare
from .profiles import make_profile

ARTICLE_AREAS = [
    "Mathematics & Statistics",
    "Programming",
    "Data Handling",
    "Machine Learning & Deep Learning",
    "Software Engineering Practices",
    "Soft Skills",
    "Responsibilities",
]


@pytest.fixture(scope="module")
def shipped():
    return load_taxonomy()


def test_ml_engineer_role_statuses_by_article_area(shipped):
    cand = make_profile(shipped, [("tensorflow", {}), ("aws", {}), ("git", {}), ("sql", {}), ("communication", {}), ("r", {"negated": True})])
    report = compare(cand, "ml-engineer")
    assert report.job == "Machine Learning Engineer"
    assert list(report.coverage) == ARTICLE_AREAS
    got = {r.skill_id: (r.status, r.via, r.category, r.importance) for r in report.results}
    assert got["tensorflow"] == ("matched", None, "Programming", "preferred")
    assert got["pytorch"] == ("transferable", "tensorflow", "Programming", "preferred")
    assert got["python"] == ("implied", "tensorflow", "Programming", "required")
    assert got["deep-learning"] == ("implied", "tensorflow", "Machine Learning & Deep Learning", "required")
    assert got["cloud-computing"] == ("implied", "aws", "Data Handling", "required")
    assert got["gcp"] == ("transferable", "aws", "Data Handling", "preferred")
    assert got["git"] == ("matched", None, "Software Engineering Practices", "required")
    assert got["r"][0] == "missing"  # said, but negated
    assert got["linear-algebra"] == ("missing", None, "Mathematics & Statistics", "required")
    assert report.extra == ()  # every stated skill is one the role asks for
    assert "Linear Algebra" in report.summary().missing_required
    assert report.learn_next(1)[0].importance == "required"
