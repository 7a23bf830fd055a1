"""The match model: parts with evidence, one weighted formula, weights as data (skillgap.match)."""

from __future__ import annotations

import math

import pytest

from skillgap.errors import TaxonomyError
from skillgap.gap import compare, requirements_from_posting
import numpy as np

from skillgap.match import PARTS, MatchBuilder, MatchWeights, combine, default_weights, evidence_share, load_match_weights, rank_normalise, relevance_part, skills_earned, skills_part


def test_the_formula_is_a_weighted_mean_over_the_parts_with_a_value():
    weights = MatchWeights(skills=2, relevance=0, title=1, lexical=1)
    assert combine({"skills": 0.5, "relevance": 1.0, "title": 1.0, "lexical": 0.0}, weights) == pytest.approx(100 * (2 * 0.5 + 1.0) / 4)
    # a posting with no known skill: skills and relevance are NaN and drop out of both sums
    assert combine({"skills": math.nan, "relevance": math.nan, "title": 0.5, "lexical": 1.0}, weights) == pytest.approx(75.0)
    assert math.isnan(combine({"skills": math.nan, "relevance": 0.9, "title": math.nan, "lexical": math.nan}, MatchWeights(relevance=0)))


def test_saturation_stops_long_postings_from_punishing_candidates(taxonomy, profile_of):
    posting = requirements_from_posting(profile_of("python", "sql", "docker", "aws", "gcp", kind="posting", source="long.txt"))
    report = compare(profile_of("python", "sql"), posting)
    assert (report.earned, report.possible) == (2.0, 5.0)
    assert skills_earned(report) == 1.0  # each skill named once: half its credit
    assert skills_part(report, math.inf).value == pytest.approx(0.2)
    assert skills_part(report, 4.0).value == pytest.approx(0.25)
    assert skills_part(report, 2.0).value == 0.5
    assert skills_part(report, 1.0).value == 1.0  # capped
    assert skills_part(report, 4.0).evidence == ("Python", "SQL")


def test_the_skills_prior_counts_as_asked_and_not_met(taxonomy, profile_of):
    one = requirements_from_posting(profile_of("python", kind="posting", source="one.txt"))
    report = compare(profile_of("python", "python"), one)  # 0.75 of the one requirement
    assert skills_part(report, math.inf).value == pytest.approx(0.75)
    assert skills_part(report, math.inf, prior=2.0).value == pytest.approx(0.75 / 3)  # one skill found or missed swings it by a quarter, not by all
    assert skills_part(report, 1.0, prior=1.0).value == pytest.approx(0.75 / 2)  # after the saturation
    builder = MatchBuilder("python", MatchWeights(skills_prior=2.0))
    builder.add(report, "python python", "Developer", ["Developer"])
    assert builder.matches()[0].part("skills").value == pytest.approx(0.25)


def test_the_skill_parts_weigh_by_the_weight_units_the_job_asks(taxonomy, profile_of):
    values = {"skills": 1.0, "relevance": 0.5, "title": 0.0, "lexical": 0.0}
    weights = MatchWeights(skills_evidence=2.0)
    assert evidence_share(1.0, 2.0) == pytest.approx(1 / 3) and evidence_share(2.0, 2.0) == 0.5 and evidence_share(5.0, 0.0) == 1.0
    # one weight unit asked: the skill parts keep a third of their weight each, title and lexical all of theirs
    assert combine(values, weights, possible=1.0) == pytest.approx(100 * (1.5 / 3) / (2 / 3 + 2))
    assert combine(values, weights, possible=38.0) == pytest.approx(100 * 1.5 * 0.95 / (2 * 0.95 + 2))
    assert combine(values, weights) == combine(values, MatchWeights()) == pytest.approx(100 * 1.5 / 4)  # nothing known of the job: full weight
    one = requirements_from_posting(profile_of("python", kind="posting", source="one.txt"))
    report = compare(profile_of("python", "python"), one)  # one weight unit asked
    builder = MatchBuilder("python", weights)
    builder.add(report, "python python", "Developer", ["Analyst"])
    (match,) = builder.matches()
    assert known(match) == {"skills": 0.75, "relevance": 1.0, "title": 0.0, "lexical": 1.0}  # the parts shown keep their values
    assert match.score == pytest.approx(100 * ((0.75 + 1.0) / 3 + 1.0) / (2 / 3 + 2))


def test_each_further_mention_halves_the_distance_to_full_credit(taxonomy, profile_of):
    posting = requirements_from_posting(profile_of("python", "sql", kind="posting", source="job.txt"))
    assert skills_earned(compare(profile_of("python", "python", "python", "sql"), posting)) == pytest.approx(0.875 + 0.5)
    assert skills_earned(compare(profile_of("docker"), posting)) == 0.0


def known(match) -> dict[str, float]:
    """The parts of a match that have a value."""
    return {k: v for k, v in match.values().items() if not math.isnan(v)}


def test_builder_gives_each_item_its_parts_and_evidence(taxonomy, profile_of):
    posting = profile_of("python", "docker", kind="posting", source="Python Developer")
    job = requirements_from_posting(posting)
    weights = MatchWeights(skills=1, relevance=1, title=1, lexical=1)
    builder = MatchBuilder(posting.document.text, weights)
    strong, weak = profile_of("python", "docker", source="strong"), profile_of("sql", source="weak")
    builder.add(compare(strong, job), strong.document.text, "Python Developer", ["Senior Python developer"])
    builder.add(None, "", "", [])  # a failed item keeps its place
    builder.add(compare(weak, job), weak.document.text, "Python Developer", ["Analyst"])
    first, failed, second = builder.matches()
    assert failed is None
    assert known(first) == {"skills": 0.5, "relevance": 1.0, "title": 0.75, "lexical": 1.0}  # each skill named once: half credit
    assert list(first.values()) == list(PARTS)  # experience and education: no value, nothing asked
    assert first.score == pytest.approx(100 * 3.25 / 4)
    assert first.part("title").evidence == ("python", "developer")
    assert first.part("lexical").evidence == ("python", "docker")
    assert known(second) == {"skills": 0.0, "relevance": 0.0, "title": 0.0, "lexical": 0.0}
    assert second.score == 0.0


def test_posting_with_no_known_skill_is_ranked_on_title_and_text(taxonomy, profile_of):
    posting = profile_of(("python", {"negated": True}), kind="posting", source="odd.txt")
    job = requirements_from_posting(posting)
    report = compare(profile_of("python"), job)
    assert report.results == () and report.warnings == job.warnings
    assert "nothing in this posting is a skill the taxonomy knows" in report.summary().__str__()
    builder = MatchBuilder("python", MatchWeights())
    builder.add(report, "Python", "Kitchen porter", ["Python programmer"])
    (match,) = builder.matches()
    assert math.isnan(match.part("skills").value) and math.isnan(match.part("relevance").value)
    assert match.score == pytest.approx(50.0)  # title 0, lexical 1, equal weights


def test_shipped_weights_are_the_fitted_file():
    weights = default_weights()
    assert weights == load_match_weights()
    assert [weights.of(p) for p in PARTS] == [1.0, 1.0, 1.0, 1.0, 1.0, 1.0] and weights.saturation == 4.0
    assert (weights.lexical_b, weights.scale, weights.skills_prior, weights.skills_evidence) == (0.25, "raw", 0.0, 3.0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("weights: [1, 2]", "no 'weights:' mapping"),
        ("weights: {skills: 1}\nextra: 2", "unknown keys ['extra']"),
        ("weights: {skils: 1}", "unknown parts ['skils']"),
        ("weights: {skills: yes}", "weights must be numbers"),
        ("weights: {skills: -1}", "must be finite, >= 0 and not all 0"),
        ("weights: {skills: 0, relevance: 0, experience: 0, education: 0, title: 0, lexical: 0}", "not all 0"),
        ("weights: {skills: 1}\nsaturation: 0", "saturation must be > 0"),
        ("weights: {skills: 1}\nlexical_b: 2", "length normalisation b must be in 0..1"),
        ("weights: {skills: 1}\nscale: ranks", "unknown scale 'ranks'"),
        ("weights: {skills: 1}\nskills_prior: -1", "skills prior must be a finite number >= 0"),
        ("weights: {skills: 1}\nskills_evidence: .inf", "skills evidence must be a finite number >= 0"),
        ("weights: {skills: [", "cannot read the match weights"),
    ],
)
def test_bad_weight_files_name_the_file_and_the_fix(tmp_path, text, message):
    path = tmp_path / "match.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError, match="fix:") as caught:
        load_match_weights(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_a_user_file_can_set_some_weights(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("weights: {skills: 3, lexical: 0}\nsaturation: 5\n", encoding="utf-8")
    assert load_match_weights(path) == MatchWeights(skills=3, relevance=1, title=1, lexical=0, saturation=5)


def test_a_user_file_can_set_the_lexical_normalisation_and_scale(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("weights: {skills: 2}\nlexical_b: 0\nscale: rank\nskills_prior: 2\nskills_evidence: 4\n", encoding="utf-8")
    assert load_match_weights(path) == MatchWeights(skills=2, lexical_b=0.0, scale="rank", skills_prior=2.0, skills_evidence=4.0)


def test_rank_normalise_spreads_each_part_over_0_to_1_and_keeps_nan():
    values = np.asarray([[0.02, 5.0, math.nan, 1.0], [0.05, 5.0, math.nan, math.nan], [0.03, 1.0, math.nan, 0.0]])
    got = rank_normalise(values)
    assert got[:, 0].tolist() == [0.0, 1.0, 0.5]  # bunched values get the whole range
    assert got[:, 1].tolist() == [0.75, 0.75, 0.0]  # ties share their mean rank
    assert np.isnan(got[:, 2]).all()
    assert got[0, 3] == 1.0 and math.isnan(got[1, 3]) and got[2, 3] == 0.0  # ranked among the items with a value
    assert rank_normalise(np.asarray([[0.3]])).tolist() == [[0.5]]  # one item: all tied


def test_rank_scale_combines_ranks_but_shows_the_values(taxonomy, profile_of):
    posting = profile_of("python", "docker", "sql", kind="posting", source="Python Developer")
    job = requirements_from_posting(posting)
    weights = MatchWeights(skills=1, relevance=0, experience=0, education=0, title=0, lexical=1, scale="rank")
    builder = MatchBuilder(posting.document.text, weights)
    for cv in (profile_of("python", "docker", "sql", source="all"), profile_of("python", source="one"), profile_of("aws", source="none")):
        builder.add(compare(cv, job), cv.document.text, "Python Developer", [])
    best, middle, worst = builder.matches()
    assert best.part("skills").value == 0.5 and middle.part("skills").value == pytest.approx(1 / 6)  # values as they are (each named once)
    assert [m.score for m in (best, middle, worst)] == [100.0, 50.0, 0.0]  # ranks 1, 0.5, 0 in both parts
    alone = MatchBuilder(posting.document.text, weights)
    alone.add(compare(profile_of("aws"), job), "aws", "Python Developer", [])
    assert alone.matches()[0].score == 50.0  # ranks are relative: a lone candidate is in the middle


def test_lexical_length_normalisation_comes_from_the_weights(taxonomy, profile_of):
    report = compare(profile_of("sql"), requirements_from_posting(profile_of("sql", kind="posting", source="job")))
    long_text = "sql " + "filler " * 50
    scores = {}
    for b in (0.0, 0.75):
        builder = MatchBuilder("sql", MatchWeights(skills=0, relevance=0, experience=0, education=0, title=0, lexical=1, lexical_b=b))
        for text in ("sql", long_text):
            builder.add(report, text, "", [])
        scores[b] = [m.part("lexical").value for m in builder.matches()]
    assert scores[0.0] == [1.0, 1.0]  # no length normalisation: the long text is as good a match
    assert scores[0.75][0] == 1.0 and scores[0.75][1] < 0.5


def test_relevance_part_weighs_each_skill_by_the_depth_of_its_evidence(taxonomy, profile_of):
    posting = requirements_from_posting(profile_of("python", kind="posting", source="job.txt"))
    report = compare(profile_of("python", "python", "python", "sql", "docker"), posting)
    assert report.relevance == pytest.approx(1 / 3)  # plain: one of three skills
    assert report.depth_relevance == pytest.approx(0.875 / (0.875 + 0.5 + 0.5))  # Python used three times, the others named once
    assert relevance_part(report).value == report.depth_relevance
    assert compare(profile_of("python", "sql", "docker"), posting).depth_relevance == pytest.approx(1 / 3)  # all named once: as plain
