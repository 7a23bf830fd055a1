"""Ranking: order, ties, error rows; one row per input whatever fails."""

from __future__ import annotations

import math

import pytest

from skillgap.batch import RANK_COLUMNS, CandidateResult, rank, score_candidates


def test_rank_orders_by_score_with_error_rows_last(tmp_path, taxonomy, profile_of):
    empty = tmp_path / "empty"
    empty.mkdir()
    candidates = [
        profile_of("sql", source="weak.txt"),
        empty,
        profile_of("python", "pytorch", "aws", source="strong.txt"),
        profile_of("python", "tensorflow", "gcp", source="middle.txt"),
        profile_of("sql", source="weak-too.txt"),
    ]
    frame = rank(candidates, "test-role", taxonomy=taxonomy, by="score")
    assert list(frame.columns) == RANK_COLUMNS
    assert frame["candidate"].tolist() == ["strong.txt", "middle.txt", "weak.txt", "weak-too.txt", str(empty)]
    assert frame["rank"].tolist()[:4] == [1, 2, 3, 3]  # ties share a rank and keep input order
    assert frame["rank"].isna().tolist() == [False] * 4 + [True]
    # strong: python 2 + deep learning implied .5 + pytorch 1 + aws 1; weak: only the preferred SQL
    assert frame["score"].tolist()[:4] == pytest.approx([100 * 4.5 / 5.5, 100 * 3.0 / 5.5, 100 * 0.5 / 5.5, 100 * 0.5 / 5.5])
    assert math.isnan(frame["score"].iloc[4])
    assert frame["matched"].tolist()[:4] == [3, 1, 1, 1]
    assert frame["missing_required"].tolist()[:4] == ["", "", "Python, Deep Learning, PyTorch, AWS", "Python, Deep Learning, PyTorch, AWS"]
    assert frame["error"].isna().tolist() == [True] * 4 + [False]
    assert frame["error"].iloc[4] == f"{empty}: folder holds no files"


def test_score_candidates_yields_in_input_order(taxonomy, profile_of):
    results = list(score_candidates([profile_of("aws", source="a"), profile_of("python", source="b")], "test-role", taxonomy=taxonomy))
    assert [r.source for r in results] == ["a", "b"]
    assert all(isinstance(r, CandidateResult) and r.error is None for r in results)
    assert [round(r.report.score, 3) for r in results] == [round(100 / 5.5, 3), round(200 / 5.5, 3)]


def test_rank_of_no_candidates_is_an_empty_table(taxonomy):
    frame = rank([], "test-role", taxonomy=taxonomy)
    assert list(frame.columns) == RANK_COLUMNS
    assert len(frame) == 0
