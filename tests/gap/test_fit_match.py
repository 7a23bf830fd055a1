"""The match-weight fitter's vectorised figures are the benchmark's own (benchmarks/fit_match.py vs benchmarks/ranking.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from benchmarks.fit_match import Procedure, Setting, combined, fit, ndcg_many, spearman_many
from benchmarks.ranking import ndcg, spearman
from skillgap.match import MatchWeights, combine


def test_vectorised_ndcg_and_spearman_equal_the_benchmarks_with_ties():
    rng = np.random.default_rng(3)
    for _ in range(50):
        n = int(rng.integers(2, 11))
        grades = rng.integers(1, 8, size=n).astype(float)
        scores = rng.integers(0, 4, size=(n, 6)).astype(float)  # few values: many ties
        got_ndcg, got_rho = ndcg_many(scores, grades), spearman_many(scores, grades)
        for j in range(scores.shape[1]):
            want_ndcg, want_rho = ndcg(scores[:, j], grades), spearman(scores[:, j], grades)
            assert (math.isnan(want_ndcg) and math.isnan(got_ndcg[j])) or got_ndcg[j] == pytest.approx(want_ndcg)
            assert (math.isnan(want_rho) and math.isnan(got_rho[j])) or got_rho[j] == pytest.approx(want_rho)


def test_vectorised_formula_is_combine_and_drops_missing_parts():
    values = np.asarray([[0.5, math.nan, 1.0, math.nan, 0.0, 0.25], [math.nan] * 6])
    weights = np.asarray([[1.0, 2.0, 0.0, 1.0, 1.0, 2.0]])
    got = combined(values, weights)
    names = ("skills", "relevance", "experience", "education", "title", "lexical")
    want = combine(dict(zip(names, values[0])), MatchWeights(**dict(zip(names, weights[0]))))
    assert got[0, 0] == pytest.approx(want) and got[1, 0] == 0.0  # no part with a value scores 0, as the benchmark's nan_to_num
    shares = np.asarray([[0.25, 0.25, 1, 1, 1, 1], [1.0] * 6])  # the skill parts keep a quarter of their weight
    want = combine(dict(zip(names, values[0])), MatchWeights(**dict(zip(names, weights[0])), skills_evidence=3.0), possible=1.0)
    assert combined(values, weights, shares)[0, 0] == pytest.approx(want)


def test_fit_takes_the_first_best_setting_and_a_pull_towards_equal_weights():
    grid = [Setting((1.0,) * 6, 8.0, 0.75, "raw"), Setting((2.0, 0, 0, 0, 0, 0), 8.0, 0.75, "raw"), Setting((0, 0, 0, 0, 0, 2.0), 8.0, 0.75, "raw")]
    table = np.asarray([[[0.80, 0.10], [0.82, 0.12], [0.82, 0.12]]])  # one FERR ranking x 3 settings x (NDCG, rho)
    assert fit(Procedure("grid", lambda s: True), table, [0], ["FERR"], grid) == {"FERR": 1, "Vanetik": 1}  # first of the two best, one setting for both directions
    assert fit(Procedure("pulled", lambda s: True, shrink=0.1), table, [0], ["FERR"], grid) == {"FERR": 0, "Vanetik": 0}  # the pull (0.1 x mean |w - 1|) outweighs +0.02


def test_item_effects_split_a_fixed_order_from_which_item_suits_which_ranking():
    from benchmarks.ranking import Pair, Unit, item_effects, shared_items

    texts = ["vacancy a", "vacancy b", "vacancy c"]
    # every ranking grades a > b > c; ranking 1 also likes c a little more than the others do
    grades = [[3.0, 2.0, 1.0], [3.0, 2.0, 1.5], [3.0, 2.0, 1.0]]
    units = [Unit("V", str(i), "tuning", "cv", [Pair(0, 1, 0, 0, 0, 0, 0, len(t), t) for t in texts], [g]) for i, g in enumerate(grades)]
    assert shared_items(units)
    fixed = {id(u): np.asarray([3.0, 2.0, 1.0]) for u in units}  # the same order for everyone: all item means, nothing within
    means, within = item_effects(units, lambda u: fixed[id(u)])
    assert means == pytest.approx(1.0) and within == 0.0
    # only ranking 1 scores c up: as a fixed order that puts c first (item means 0, 0, 1/3 against
    # grades 3, 2, 7/6: rho -sqrt(3)/2), but against the other rankings each deviation is right
    # (ranking 1: c +1 where its grade is +0.5; rankings 0 and 2: c -0.5 where theirs is -0.25)
    suited = {id(units[1]): np.asarray([0.0, 0.0, 1.0])}
    means, within = item_effects(units, lambda u: suited.get(id(u), np.zeros(3)))
    assert means == pytest.approx(-(3**0.5) / 2) and within == pytest.approx(1.0)
    assert not shared_items(units[:1] + [Unit("V", "x", "tuning", "cv", [Pair(0, 1, 0, 0, 0, 0, 0, 1, "other")], [[1.0]])])


def test_brief_line_gives_match_bm25_margins_and_the_lexical_part():
    from benchmarks.ranking import Pair, Unit, brief_line

    texts = ["python sql python", "python", "java"]  # BM25 orders them as written
    # the match's parts put the second first; the grader agrees with the match, not with BM25
    parts = [(0.5, 0.5, 0.5), (1.0, 1.0, 0.75), (0.0, 0.0, 0.0)]
    pairs = [Pair(e, 1.0, e, r, math.nan, math.nan, t, len(x.split()), x) for (e, r, t), x in zip(parts, texts)]
    unit = Unit("FERR", "j", "tuning", "python sql", pairs, [[2.0, 3.0, 1.0]])
    line = brief_line("FERR, tuning part", [unit], MatchWeights())
    # BM25: gains 1, 2, 0 in its order: (1 + 2 / log2 3) / (2 + 1 / log2 3) = 0.860; rho of (3, 2, 1) with (2, 3, 1) = 0.5
    assert line == "FERR, tuning part (1): match 1.000 / +1.000, BM25 0.860 / +0.500, margin +0.140 / +0.500; lexical part 0.860 / +0.500"


def test_only_the_fit_prior_procedures_may_pick_a_skills_prior():
    from benchmarks.fit_match import PRIORS, procedures, settings

    grid = settings()
    primed = [s for s in grid if s.prior]
    assert len(primed) == (len(PRIORS) - 1) * 16 and all(s.weights == (1.0,) * 6 and s.scale == "raw" for s in primed)
    for procedure in procedures():
        takes = {s.prior for s in grid if procedure.allowed(s)}
        assert takes == (set(PRIORS) if "fit prior" in procedure.name else {0.0}), procedure.name
    assert primed[0].match_weights() == MatchWeights(saturation=4.0, lexical_b=0.0, skills_prior=1.0, skills_evidence=3.0)


def test_only_the_fit_evidence_procedures_may_weigh_the_skill_parts_by_evidence():
    from benchmarks.fit_match import EVIDENCE, EVIDENCES, procedures, settings

    grid = settings()
    other = [s for s in grid if s.evidence != EVIDENCE]
    assert EVIDENCE == 3.0 and EVIDENCE not in EVIDENCES  # the most one requirement can weigh (PostingWeights.max_weight)
    assert len(other) == len(EVIDENCES) * 16 and all(s.weights == (1.0,) * 6 and s.scale == "raw" and s.prior == 0 for s in other)
    for procedure in procedures():
        takes = {s.evidence for s in grid if procedure.allowed(s)}
        assert takes == ({EVIDENCE, *EVIDENCES} if "fit evidence" in procedure.name else {EVIDENCE}), procedure.name
    assert other[0].match_weights() == MatchWeights(saturation=4.0, lexical_b=0.0, skills_evidence=0.0)
    assert grid[0].match_weights().skills_evidence == EVIDENCE


def test_the_stability_check_drops_mentions_by_seed_and_keeps_the_career(taxonomy, profile_of):
    from benchmarks.ranking import drop_mentions

    profiles = {"a": profile_of(*["python"] * 20, "sql", "docker"), "b": profile_of("docker")}
    career = profiles["a"].career
    assert drop_mentions(profiles, 0.0, 1) == profiles and drop_mentions(profiles, 1.0, 1)["a"].mentions == ()
    once, again, other = (drop_mentions(profiles, 0.5, seed) for seed in (7, 7, 8))
    assert once == again and once != other  # the same seed drops the same mentions
    assert 0 < len(once["a"].mentions) < 22 and set(once["a"].mentions) <= set(profiles["a"].mentions)
    assert once["a"].career is career and once["a"].document == profiles["a"].document


def test_perturbed_rebuilds_every_set_from_each_seeds_profiles_and_restores_the_clean_ones(taxonomy, profile_of, monkeypatch):
    import benchmarks.ranking as ranking

    clean = {"a": profile_of(*["python"] * 20, "sql", "docker"), "b": profile_of("docker")}
    reader = type("FakeReader", (), {})()
    reader._profiles = clean
    monkeypatch.setattr(ranking, "ferr_units", lambda r, only: [("FERR", only, r._profiles)])
    monkeypatch.setattr(ranking, "vanetik_units", lambda r, only: [("Vanetik", only, r._profiles)])
    monkeypatch.setattr(ranking, "ferr_by_resume_units", lambda r, only: [("FERR by résumé", only, r._profiles)])
    seen = list(ranking.perturbed(reader, ("tuning",), 0.5))
    assert [s["FERR"] for s in seen] == [[("FERR", ("tuning",), ranking.drop_mentions(clean, 0.5, seed))] for seed in ranking.STABILITY_SEEDS]
    assert all(s["Vanetik"][0][2] == s["FERR"][0][2] == s["FERR by résumé"][0][2] for s in seen) and reader._profiles is clean
    loop = ranking.perturbed(reader, ("tuning",), 0.5)
    next(loop)
    assert reader._profiles != clean
    loop.close()  # a loop left early (or an error inside it) still gives the clean profiles back
    assert reader._profiles is clean


def test_pick_moves_prints_each_seeds_pick_and_counts_the_clean_setting(monkeypatch, capsys):
    import benchmarks.fit_match as fm

    clean, moved = Setting((1.0,) * 6, 4.0, 0.25, "raw"), Setting((1.0,) * 6, math.inf, 0.0, "raw")
    picks = iter([clean, moved, clean, clean, moved])
    monkeypatch.setattr(fm, "perturbed", lambda reader, only, p: ({"FERR": [], "Vanetik": []} for _ in fm.STABILITY_SEEDS))
    monkeypatch.setattr(fm, "rule_pick", lambda units, grid: (Procedure("equal weights; fit saturation, b", lambda s: True), next(picks)))
    fm.pick_moves(None, [], clean, 0.1)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "pick under perturbation: each mention dropped with probability 0.1, seeds 0, 1, 2, 3, 4"
    assert lines[2] == "  seed 1: equal weights; fit saturation, b; " + moved.describe()
    assert lines[-1] == f"  3 of 5 seeds pick the clean setting ({clean.describe()})"


def test_the_stability_gate_writes_a_pick_only_when_most_perturbed_seeds_pick_it_again():
    from benchmarks.fit_match import STABLE, gated

    clean, other, shipped = (Setting((1.0,) * 6, s, 0.25, "raw") for s in (4.0, 8.0, math.inf))
    assert STABLE == 3  # a majority of the 5 seeds of benchmarks.ranking.STABILITY_SEEDS
    assert gated(clean, [clean, other, clean, other, clean], shipped) is clean  # 3 of 5: written
    assert gated(clean, [clean, other, other, shipped, clean], shipped) is shipped  # 2 of 5 (session 11's pick): kept
    assert gated(clean, [], shipped) is shipped


def test_a_setting_of_the_shipped_weights_is_the_grid_setting_that_scores_the_same():
    from benchmarks.fit_match import settings

    weights = MatchWeights(saturation=4.0, lexical_b=0.25, skills_evidence=3.0)
    setting = Setting.of(weights)
    assert setting == Setting((1.0,) * 6, 4.0, 0.25, "raw", 0.0, 3.0) and setting in settings()
    assert setting.match_weights() == weights


def test_ferr_by_resume_ranks_the_jobs_each_resume_was_graded_under_in_one_part(shared_data, taxonomy, profile_of):
    import benchmarks.ranking as ranking
    from skillgap.match import default_weights

    asked: dict[str, tuple[object, str]] = {}

    class Reader:  # hands out small profiles and records what was asked for: no PDF is read
        extractor = None

        def profile(self, key, source, kind):
            asked[key] = (source, kind)
            return profile_of("python", "sql", source=key, kind=kind) if kind == "resume" else profile_of("python", source=key, kind=kind)

    units = ranking.ferr_by_resume_units(Reader(), ("tuning",))
    # the 9 tuning résumés graded under 2-3 tuning jobs with different grades (4 more have equal grades: no ranking)
    assert sorted(u.key for u in units) == ["12923795", "16723524", "17274759", "18159866", "20457611", "24416961", "34304175", "36269672", "99416532"]
    three = next(u for u in units if u.key == "34304175")
    assert three.dataset == "FERR by résumé" and three.part == "tuning" and three.grades == [[5.0, 3.0, 5.0]] and len(three.pairs) == 3
    assert three.query == "Python\nSQL\n" and asked["34304175"] == (ranking.FERR / "resumes" / "34304175.pdf", "resume")
    jobs = [key for key, (_, kind) in asked.items() if kind == "posting"]
    assert jobs and all(isinstance(asked[k][0], str) and k.startswith("ferr-job-") for k in jobs)  # a job is its keyword line, as in ferr_units
    assert all(np.allclose(ranking.match_scores(u, default_weights()), np.nan_to_num(u.library, nan=0.0)) for u in units)  # what match_jobs ranks by
    assert len(ranking.ferr_by_resume_units(Reader(), ("validation",))) == 11


def test_the_unannotated_vanetik_cvs_rank_the_five_vacancies_without_grades(shared_data, taxonomy, profile_of):
    import benchmarks.ranking as ranking

    asked: list[tuple[str, object]] = []

    class Reader:
        extractor = None

        def profile(self, key, source, kind):
            asked.append((key, source))
            return profile_of("python", source=key, kind=kind) if kind == "resume" else profile_of("python", "docker", source=key, kind=kind)

    units = ranking.vanetik_unlabelled_units(Reader())
    assert [u.key for u in units] == [str(n) for n in range(31, 52)]  # CV_unannotated, in number order
    assert all(u.grades == [] and u.part == "unlabelled" and len(u.pairs) == 5 for u in units)
    assert ("cv-31", ranking.VANETIK / "CV_unannotated" / "31.docx") in asked
    assert sum(key.startswith("vacancy-") for key, _ in asked) == 5  # the vacancies are read (and prepared) once for all CVs
