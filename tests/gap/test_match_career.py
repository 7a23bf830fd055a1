"""The match model's experience and education parts, on a real posting and résumés (skillgap.match)."""

from __future__ import annotations

import math
from datetime import date

import pytest

from skillgap import SkillExtractor, compare, read_document
from skillgap.gap import requirements_from_posting
from skillgap.match import MatchBuilder, MatchWeights, education_part, experience_part

from .test_experience import JOB, RESUME

AS_OF = date(2021, 1, 1)


@pytest.fixture(scope="module")
def extractor():
    return SkillExtractor()


@pytest.fixture(scope="module")
def job(extractor):
    return requirements_from_posting(extractor.extract(read_document(JOB, kind="posting")))


def report_of(extractor, job, education: str):
    return compare(extractor.extract(read_document(RESUME + education, kind="resume")), job, as_of=AS_OF)


def test_experience_is_the_mean_share_of_the_years_asked(extractor, job):
    report = report_of(extractor, job, "")
    part = experience_part(report, job.asks, AS_OF)
    # overall: 48 months for 3+ years -> 1 (capped); Python: 24 months for 5 years -> 0.4;
    # software development (3 years) is not stated, its months unknown: it drops out
    assert part.value == pytest.approx((1.0 + 0.4) / 2)
    assert part.evidence == ("overall: 4 of 3 years", "Python: 2 of 5 years")


def test_experience_has_no_value_when_no_years_are_asked(extractor):
    posting = requirements_from_posting(extractor.extract(read_document("Data Engineer\nRequirements\n- Python and SQL.\n", kind="posting")))
    report = report_of(extractor, posting, "")
    assert math.isnan(experience_part(report, posting.asks, AS_OF).value)
    assert math.isnan(experience_part(report, None, AS_OF).value)  # a role asks nothing of a career


def test_positions_dated_by_one_year_leave_the_months_unknown_not_zero(extractor, job):
    # "Data Engineer 2019" says when, not for how long: the career totals 0 months, which must
    # not read as "0 of 3 years" (experience 0, Python short) but as unknown (no value, matched)
    resume = "Experience\nData Engineer\t2019\nBuilt pipelines in Python and SQL.\nSkills\nPython, SQL\n"
    report = compare(extractor.extract(read_document(resume, kind="resume")), job, as_of=AS_OF)
    assert report.candidate.career.total_months(AS_OF) == 0
    assert math.isnan(experience_part(report, job.asks, AS_OF).value)
    python = next(r for r in report.results if r.skill_id == "python")
    assert (python.status, python.months) == ("matched", None)
    experience = next(c for c in report.career if c.name == "experience")
    assert (experience.has, experience.met) == ("unknown", None)


@pytest.mark.parametrize(
    ("education", "value", "evidence"),
    [
        ("Education\nMS in Statistics, State University 2015\n", 1.0, ("master for bachelor", "MS in Statistics, State University 2015")),
        ("Education\nHigh School Diploma, Central High 2010\n", 2 / 5, ("high_school for bachelor", "High School Diploma, Central High 2010")),
    ],
)
def test_education_is_met_at_or_above_the_level_and_partial_below(extractor, job, education, value, evidence):
    part = education_part(report_of(extractor, job, education), job.asks, AS_OF)
    assert part.value == pytest.approx(value)  # below: rank on the ladder (high school 2) over the rank asked (bachelor 5)
    assert part.evidence == evidence


def test_education_has_no_value_when_no_degree_is_found_or_asked(extractor, job):
    assert math.isnan(education_part(report_of(extractor, job, ""), job.asks, AS_OF).value)
    posting = requirements_from_posting(extractor.extract(read_document("Data Engineer\nRequirements\n- Python.\n", kind="posting")))
    assert math.isnan(education_part(report_of(extractor, posting, "Education\nMS in Statistics, State University 2015\n"), posting.asks, AS_OF).value)


def test_equivalent_experience_meets_a_degree_that_allows_it(extractor):
    text = "Data Engineer\nRequirements\n- 3+ years of professional experience in software development.\n- Bachelor's degree or equivalent experience.\n"
    posting = requirements_from_posting(extractor.extract(read_document(text, kind="posting")))
    assert posting.asks is not None and posting.asks.degree is not None and not posting.asks.degree.required
    report = report_of(extractor, posting, "Education\nHigh School Diploma, Central High 2010\n")
    assert education_part(report, posting.asks, AS_OF).value == 1.0  # 48 months meet the 3 years


def test_the_builder_scores_both_parts(extractor, job):
    report = report_of(extractor, job, "Education\nHigh School Diploma, Central High 2010\n")
    builder = MatchBuilder(JOB, MatchWeights(skills=0, relevance=0, experience=1, education=1, title=0, lexical=0))
    builder.add(report, report.candidate.document.text, job.title, ["Data Engineer"], job.asks)
    (match,) = builder.matches()
    assert match.part("education").value == pytest.approx(0.4)
    assert match.score == pytest.approx(100 * (match.part("experience").value + 0.4) / 2)
