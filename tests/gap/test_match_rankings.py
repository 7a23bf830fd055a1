"""The match model inside rankings: candidates for a job (`rank`) and jobs for a candidate (`match_jobs`)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from skillgap import match_jobs, rank, rank_candidates
from skillgap.batch import RANK_COLUMNS
from skillgap.gap import requirements_from_posting
from skillgap.match import MatchWeights

EQUAL = MatchWeights(skills=1, relevance=1, title=1, lexical=1)


def test_rank_sorts_by_the_match_and_gains_the_part_columns(taxonomy, profile_of):
    job = requirements_from_posting(profile_of("python", "docker", kind="posting", source="Python Developer"))
    candidates = [profile_of("sql", source="weak"), profile_of("python", "docker", source="strong"), profile_of("python", source="middle")]
    frame = rank(candidates, job, match_weights=EQUAL)
    assert list(frame.columns) == RANK_COLUMNS
    assert frame["candidate"].tolist() == ["strong", "middle", "weak"]
    strong = frame.iloc[0]
    # skills 0.5 (both named once), relevance 1, title 0.5 (the posting's first line "Python" is in the headline), lexical 1 (the best BM25)
    assert (strong["skills"], strong["relevance"], strong["title"], strong["lexical"]) == (0.5, 1.0, 0.5, 1.0)
    assert strong["match"] == pytest.approx(75.0)
    assert frame.iloc[2]["match"] == 0.0 and frame.iloc[2]["score"] == 0.0
    assert frame.attrs["warnings"] == []


def test_rank_by_score_still_works(taxonomy, profile_of):
    job = requirements_from_posting(profile_of("python", "docker", kind="posting", source="job"))
    frame = rank([profile_of("python", source="a"), profile_of("python", "docker", source="b")], job, by="score")
    assert frame["candidate"].tolist() == ["b", "a"]


def test_a_posting_without_known_skills_is_ranked_with_a_warning(taxonomy, profile_of):
    posting = profile_of(("python", {"negated": True}), kind="posting", source="odd.txt")
    job = requirements_from_posting(posting)
    ranking = rank_candidates([profile_of("sql", source="a"), profile_of("python", source="b")], job, match_weights=EQUAL)
    assert [r.source for _, r in ranking.ordered()] == ["b", "a"]  # BM25: only b names "python"
    assert [r.match.values()["lexical"] for r in ranking.results] == [0.0, 1.0]
    assert all(math.isnan(r.match.values()["skills"]) for r in ranking.results)
    assert len(ranking.warnings) == 1 and "nothing in this posting is a skill the taxonomy knows" in ranking.warnings[0]
    assert ranking.to_frame().attrs["warnings"] == list(ranking.warnings)


def test_match_jobs_ranks_postings_for_one_candidate(tmp_path: Path, taxonomy, profile_of):
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / "a-python.txt").write_text("Python Developer\nWe need Python and Docker.\n", encoding="utf-8")
    (folder / "b-cloud.txt").write_text("Cloud Engineer\nAWS and GCP, Docker.\n", encoding="utf-8")
    (folder / "c-chef.txt").write_text("Chef\nCooking for guests.\n", encoding="utf-8")
    (folder / "d-broken.pdf").write_bytes(b"%PDF-1.7 not a pdf")
    cv = profile_of("python", "docker", source="cv.txt")
    ranking = match_jobs(cv, folder, taxonomy=taxonomy, match_weights=EQUAL)
    assert ranking.item == "job"
    frame = ranking.to_frame()
    assert list(frame.columns) == ["rank", "job", *RANK_COLUMNS[2:]]
    assert [Path(j).name for j in frame["job"]] == ["a-python.txt", "b-cloud.txt", "c-chef.txt", "d-broken.pdf"]
    assert frame["error"].notna().tolist() == [False, False, False, True]
    best = ranking.ordered()[0][1]
    assert best.report.score == 100.0 and best.match.part("skills").evidence == ("Python", "Docker")
    assert len(ranking.warnings) == 1 and "c-chef.txt: nothing in this posting" in ranking.warnings[0]


def test_match_jobs_and_rank_share_the_formula(tmp_path: Path, taxonomy, profile_of):
    posting = tmp_path / "job.txt"
    posting.write_text("Python Developer\nPython, SQL and Docker.\n", encoding="utf-8")
    cv = profile_of("python", "sql", source="cv.txt")
    (job_match,) = [r.match for r in match_jobs(cv, [posting], taxonomy=taxonomy, match_weights=EQUAL).results]
    (cand_match,) = [r.match for r in rank_candidates([cv], posting, taxonomy=taxonomy, match_weights=EQUAL).results]
    # one document on each side: lexical is 1 (the best of one), skills and relevance the same report
    assert job_match.values() == cand_match.values()
    assert job_match.score == pytest.approx(cand_match.score)
