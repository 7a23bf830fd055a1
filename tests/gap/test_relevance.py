"""Relevance (share of the candidate's skills the job uses) and fit (harmonic mean with coverage)."""

from __future__ import annotations

import math

import pytest

from skillgap.batch import rank
from skillgap.errors import SkillgapError
from skillgap.gap import compare, fit_of, prepare_job


def test_job_uses_each_skill_at_its_best_status(taxonomy):
    job = prepare_job("test-role", taxonomy=taxonomy)
    # asked: matched; tensorflow implies deep learning and python (and is pytorch's sibling: implied wins);
    # gcp shares aws's group; docker and communication are not used at all
    assert dict(job.uses) == {
        "python": "matched", "sql": "matched", "deep-learning": "matched", "pytorch": "matched", "aws": "matched",
        "tensorflow": "implied", "gcp": "transferable",
    }  # fmt: skip


def test_relevance_and_fit_formulas(taxonomy, profile_of):
    report = compare(profile_of("python", "tensorflow", "gcp", "docker"), "test-role")
    assert report.score == pytest.approx(100 * 3.0 / 5.5)  # C = 6/11
    assert report.relevance == pytest.approx((1 + 0.5 + 0.25 + 0) / 4)  # R = 7/16
    assert report.fit == pytest.approx(100 * 84 / 173)  # 2CR / (C + R)
    assert fit_of(report.score, report.relevance) == report.fit


def test_relevance_counts_distinct_stated_skills_only(taxonomy, profile_of):
    cand = profile_of("python", "python", ("docker", {"negated": True}), ("communication", {"method": "implied"}))
    report = compare(cand, "test-role")
    assert report.relevance == 1.0  # python once; negated docker and implied communication are not the candidate's
    assert report.fit == pytest.approx(100 * 2 * (2 / 5.5) / (2 / 5.5 + 1))


def test_no_skills_means_zero_relevance_and_fit(taxonomy, profile_of):
    report = compare(profile_of(), "test-role")
    assert (report.score, report.relevance, report.fit) == (0.0, 0.0, 0.0)


def test_rank_by_fit_prefers_the_focused_candidate(taxonomy, profile_of):
    candidates = [
        profile_of("python", "pytorch", "aws", "docker", "communication", "sql", source="generalist"),
        profile_of("python", "pytorch", "aws", source="specialist"),
    ]
    by_score = rank(candidates, "test-role", taxonomy=taxonomy)
    assert by_score["candidate"].tolist() == ["generalist", "specialist"]
    assert by_score["score"].tolist() == pytest.approx([100 * 5.0 / 5.5, 100 * 4.5 / 5.5])
    by_fit = rank(candidates, "test-role", taxonomy=taxonomy, by="fit")
    assert by_fit["candidate"].tolist() == ["specialist", "generalist"]
    assert by_fit["relevance"].tolist() == pytest.approx([1.0, 4 / 6])
    assert by_fit["fit"].tolist() == pytest.approx([90.0, 100 * 40 / 52])
    assert by_fit["rank"].tolist() == [1, 2]


def test_rank_by_an_unknown_figure_is_an_error(taxonomy, profile_of):
    with pytest.raises(SkillgapError, match="cannot rank by 'earned'"):
        rank([profile_of("python")], "test-role", taxonomy=taxonomy, by="earned")


def test_a_hand_built_report_has_no_relevance_or_fit(taxonomy, profile_of):
    from dataclasses import replace

    from skillgap.gap import GapReport

    made = compare(profile_of("python"), "test-role")
    by_hand = GapReport(
        candidate=made.candidate, job=made.job, results=made.results, extra=(), score=made.score,
        required_coverage=made.required_coverage, preferred_coverage=made.preferred_coverage, coverage=made.coverage,
    )  # fmt: skip
    assert "  relevance n/a of the candidate's skills; fit n/a / 100" in str(by_hand.summary()).splitlines()
    assert math.isnan(by_hand.depth_relevance)
    assert replace(by_hand, relevance=made.relevance, fit=made.fit, depth_relevance=made.depth_relevance) == made
