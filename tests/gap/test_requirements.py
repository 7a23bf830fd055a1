"""Requirements from a posting profile: importance from cues and sections, weights, years."""

from __future__ import annotations

import math

import pytest

from skillgap.gap import PostingWeights, compare, prepare_job, requirements_from_posting
from skillgap.rules import load_rules


def test_importance_weight_and_years_from_a_posting(profile_of):
    posting = profile_of(
        ("python", {"section": "requirements", "years": 3.0}),
        ("python", {"section": "requirements", "years": 5.0}),
        ("python", {"section": "benefits"}),  # not about the work: not counted
        ("sql", {"section": "preferred"}),
        ("docker", {"section": "requirements", "importance": "preferred"}),  # the cue wins over the section
        ("aws", {"section": "preferred", "importance": "required"}),
        ("pytorch", {"section": "preferred"}),
        ("pytorch", {"section": "responsibilities"}),  # required once -> required
        ("deep-learning", {}),  # no section, no cue -> required
        ("gcp", {"section": "application"}),
        ("communication", {"section": "requirements", "negated": True}),
        ("tensorflow", {"section": "requirements", "method": "implied", "implied_by": "pytorch"}),
        source="posting.txt",
        kind="posting",
    )
    job = requirements_from_posting(posting)
    assert job.name == "posting.txt"
    got = {r.skill_id: (r.importance, r.weight, r.years, r.area) for r in job.requirements}
    assert got == {
        "python": ("required", 2.0, 5.0, "Fixture"),
        "sql": ("preferred", 0.5, None, "Fixture"),
        "docker": ("preferred", 0.5, None, "Fixture"),
        "aws": ("required", 1.0, None, "Fixture"),
        "pytorch": ("required", 2.0, None, "Fixture"),
        "deep-learning": ("required", 1.0, None, "Fixture"),
    }
    assert [m.section for m in job.job_evidence["python"]] == ["requirements", "requirements"]


def test_section_rules_of_your_own(profile_of, tmp_path):
    """gap: company_sections and section_importance come from the rules passed (sections.yaml)."""
    path = tmp_path / "sections.yaml"
    path.write_text(
        "resume:\n  headings: {skills: [skills]}\nposting:\n  headings: {requirements: [needs], benefits: [perks], about: [about]}\n"
        "gap:\n  section_importance: {about: preferred}\n  company_sections: [requirements]\n",
        encoding="utf-8",
    )
    posting = profile_of(("python", {"section": "requirements"}), ("sql", {"section": "about"}), ("aws", {"section": "benefits"}), kind="posting")
    mine = {r.skill_id: r.importance for r in prepare_job(posting, rules=path).requirements}
    assert mine == {"sql": "preferred", "aws": "required"}
    assert {r.skill_id: r.importance for r in prepare_job(posting, rules=load_rules()).requirements} == {"python": "required", "sql": "required"}


def test_weight_grows_with_log_count_and_is_capped():
    w = PostingWeights()
    assert [w.weight(n, "required") for n in (1, 2, 4, 8, 100)] == [1.0, 2.0, 3.0, 3.0, 3.0]
    assert w.weight(2, "preferred") == 1.0
    assert PostingWeights(max_weight=10, preferred_factor=0.25).weight(8, "preferred") == 1.0
    assert w.weight(3, "required") == pytest.approx(1 + math.log2(3))


def test_compare_to_a_posting_profile_keeps_job_evidence(profile_of):
    posting = profile_of(("python", {"section": "requirements"}), ("sql", {"section": "preferred"}), kind="posting", source="p.txt")
    report = compare(profile_of("sql"), posting)
    assert [(r.skill_id, r.status, r.importance, r.weight) for r in report.results] == [
        ("python", "missing", "required", 1.0),
        ("sql", "matched", "preferred", 0.5),
    ]
    assert report.score == pytest.approx(100 * 0.5 / 1.5)
    assert [m.text for m in report.results[0].job_evidence] == ["Python"]
    assert report.to_frame()["job_evidence"].tolist() == ["Python", "SQL"]


def test_posting_without_requirements_warns(profile_of):
    posting = profile_of(("python", {"section": "benefits"}), ("sql", {"negated": True}), kind="posting", source="empty.txt")
    job = requirements_from_posting(posting)
    assert job.requirements == ()
    assert len(job.warnings) == 1 and job.warnings[0].startswith("empty.txt: nothing in this posting is a skill the taxonomy knows")
    assert "load_taxonomy('my_skills.yaml', include_shipped=True)" in job.warnings[0]
