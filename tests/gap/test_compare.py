"""Status logic, score formula, coverages and report views on the fixture taxonomy."""

from __future__ import annotations

import math
import pickle

import pytest

from skillgap.errors import DocumentError, SkillgapError
from skillgap.documents import as_path
from skillgap.gap import Credits, compare, prepare_job


def _status(report):
    return {r.skill_id: (r.status, r.via) for r in report.results}


def test_each_status_against_a_role(taxonomy, profile_of):
    cand = profile_of("python", "tensorflow", "gcp", ("sql", {"negated": True}))
    report = compare(cand, "test-role")
    assert report.job == "Test Role"
    assert _status(report) == {
        "python": ("matched", None),
        "sql": ("missing", None),  # negated: "no SQL" never counts
        "deep-learning": ("implied", "tensorflow"),
        "pytorch": ("transferable", "tensorflow"),  # pytorch lists tensorflow as related
        "aws": ("transferable", "gcp"),  # same group: cloud
    }
    by_id = {r.skill_id: r for r in report.results}
    assert [m.text for m in by_id["python"].evidence] == ["Python"]
    assert [m.text for m in by_id["deep-learning"].evidence] == ["TensorFlow"]
    assert [m.text for m in by_id["aws"].evidence] == ["GCP"]
    assert by_id["sql"].evidence == ()
    assert [r.credit for r in report.results] == [1.0, 0.0, 0.5, 0.25, 0.25]
    assert by_id["pytorch"].years == 2.0 and by_id["python"].years is None
    assert [(r.category, r.importance, r.weight) for r in report.results] == [
        ("Programming", "required", 2.0),
        ("Programming", "preferred", 0.5),
        ("ML", "required", 1.0),
        ("ML", "required", 1.0),
        ("Cloud", "required", 1.0),
    ]
    assert report.extra == ("tensorflow", "gcp")


def test_score_formula_and_coverages(taxonomy, profile_of):
    report = compare(profile_of("python", "tensorflow", "gcp"), "test-role")
    # weights 2, .5, 1, 1, 1 (sum 5.5); earned 2*1 + .5*0 + 1*.5 + 1*.25 + 1*.25 = 3.0
    assert (report.earned, report.possible) == pytest.approx((3.0, 5.5))
    assert report.score == pytest.approx(100 * 3.0 / 5.5)
    assert report.required_coverage == pytest.approx(3.0 / 5.0)
    assert report.preferred_coverage == 0.0
    assert dict(report.coverage) == pytest.approx({"Programming": 2.0 / 2.5, "ML": 0.75 / 2.0, "Cloud": 0.25})


def test_credits_are_named_parameters(taxonomy, profile_of):
    report = compare(profile_of("python", "tensorflow", "gcp"), "test-role", credits=Credits(implied=0.9, transferable=0.1))
    assert report.score == pytest.approx(100 * (2.0 + 0.9 + 0.1 + 0.1) / 5.5)
    with pytest.raises(SkillgapError, match="transferable"):
        Credits(implied=0.2, transferable=0.5)


def test_stated_skill_implies_others_and_wins_over_siblings(taxonomy, profile_of):
    report = compare(profile_of("pytorch", "tensorflow"), "test-role")
    assert _status(report)["python"] == ("implied", "pytorch")  # first implying skill in text order
    assert _status(report)["pytorch"] == ("matched", None)
    assert _status(report)["deep-learning"] == ("implied", "pytorch")


def test_negated_and_implied_only_mentions_never_count(taxonomy, profile_of):
    cand = profile_of(("pytorch", {"negated": True}), ("deep-learning", {"method": "implied", "implied_by": "pytorch"}))
    report = compare(cand, "test-role")
    assert {r.status for r in report.results} == {"missing"}
    assert report.score == 0.0
    assert report.extra == ()


def test_preferred_coverage_is_nan_without_preferred_requirements(taxonomy, profile_of):
    role = taxonomy.role("test-role")
    only_required = type(role)(id="r", label="R", requirements=tuple(r for r in role.requirements if r.importance == "required"))
    report = compare(profile_of("python"), only_required)
    assert math.isnan(report.preferred_coverage)
    assert report.score == pytest.approx(100 * 2.0 / 5.0)
    assert "preferred coverage n/a" in str(report.summary())


def test_learn_next_required_first_then_by_weight(taxonomy, profile_of):
    report = compare(profile_of("communication"), "test-role")
    assert [r.skill_id for r in report.learn_next()] == ["python", "deep-learning", "pytorch", "aws", "sql"]
    assert [r.skill_id for r in report.learn_next(2)] == ["python", "deep-learning"]
    assert report.extra == ("communication",)


def test_summary(taxonomy, profile_of):
    summary = compare(profile_of("python", "aws"), "test-role").summary()
    assert summary.score == pytest.approx(100 * 3.0 / 5.5)
    assert summary.missing_required == ("Deep Learning", "PyTorch")
    assert summary.learn_next == ("Deep Learning", "PyTorch", "SQL")
    assert str(summary).splitlines() == [
        "Test Role: score 54.5 / 100",
        "  required coverage  60%",
        "  preferred coverage 0%",
        "  Programming: 80%",
        "  ML: 0%",
        "  Cloud: 100%",
        "  relevance 100% of the candidate's skills; fit 70.6 / 100",
        "  missing required: Deep Learning, PyTorch",
        "  learn next: Deep Learning, PyTorch, SQL",
    ]


def test_to_frame_rows_and_score_column(taxonomy, profile_of):
    report = compare(profile_of("python", "tensorflow", "gcp"), "test-role")
    frame = report.to_frame()
    assert list(frame.columns) == [
        "skill_id", "label", "category", "importance", "weight", "status", "credit",
        "via", "evidence", "section", "page", "years", "months", "score", "job_evidence",
    ]  # fmt: skip
    assert frame["status"].tolist() == ["matched", "missing", "implied", "transferable", "transferable"]
    assert frame["via"].fillna("-").tolist() == ["-", "-", "tensorflow", "tensorflow", "gcp"]
    assert frame["evidence"].fillna("-").tolist() == ["Python", "-", "TensorFlow", "TensorFlow", "GCP"]
    assert frame["page"].tolist()[0] == 1
    assert frame["score"].sum() == pytest.approx(report.score)


def test_unknown_role_is_a_clear_error(taxonomy, profile_of):
    with pytest.raises(SkillgapError, match="no role 'test-rol'.*did you mean 'test-role'"):
        compare(profile_of("python"), "test-rol")


def test_results_pickle_for_process_pools(taxonomy, profile_of):
    # the results carry plain records only (a whole report also carries the taxonomy)
    report = compare(profile_of("python", "gcp"), "test-role")
    assert pickle.loads(pickle.dumps(report.results)) == report.results


def test_a_missing_file_is_an_error_not_a_text(tmp_path, taxonomy):
    missing = str(tmp_path / "cv.pdf")
    assert as_path(missing) is not None and as_path("Python, SQL and AWS.") is None and as_path("two\nlines.pdf") is None
    with pytest.raises(DocumentError, match="no such file"):
        compare(missing, "test-role", taxonomy=taxonomy)


def test_a_one_line_text_longer_than_a_file_name_is_text(taxonomy):
    """Postings scraped as one paragraph are longer than the 255 bytes a file name may have."""
    posting = "We need Python and SQL. " + "Our company is great. " * 20
    assert len(posting.encode()) > 255 and "\n" not in posting and as_path(posting) is None
    job = prepare_job(posting, taxonomy=taxonomy)
    assert [r.skill_id for r in job.requirements] == ["python", "sql"]
