"""Ranking, the value every renderer takes: its table, its order, its item name and its views."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from rich.console import Console

from skillgap.errors import UsageError
from skillgap.ranking import CandidateResult, Ranking
from skillgap.report import write_ranking
from skillgap.report.terminal import ranking_views
from skillgap.taxonomy import load_taxonomy
from tests.report.builders import gap_report, write_taxonomy


@pytest.fixture(scope="module")
def ranking(tmp_path_factory: pytest.TempPathFactory) -> Ranking:
    tax = load_taxonomy(write_taxonomy(tmp_path_factory.mktemp("tax")), include_shipped=False)
    return Ranking((
        CandidateResult("in/low.pdf", gap_report(tax, source="in/low.pdf", score=20.0, statuses={"python": "missing"})),
        CandidateResult("in/scan.pdf", None, "in/scan.pdf: no text layer"),
        CandidateResult("in/tie.pdf", gap_report(tax, source="in/tie.pdf", score=62.5)),
        CandidateResult("in/jane.pdf", gap_report(tax)),
    ))  # fmt: skip


def test_the_table_ranks_by_score_ties_share_a_rank_and_errors_come_last(ranking: Ranking) -> None:
    frame = ranking.to_frame()
    assert frame["candidate"].tolist() == ["in/tie.pdf", "in/jane.pdf", "in/low.pdf", "in/scan.pdf"]
    assert frame["rank"].tolist()[:3] == [1, 1, 3] and frame["rank"].isna().tolist() == [False, False, False, True]
    assert math.isnan(frame["score"].iloc[3]) and frame["error"].iloc[3] == "in/scan.pdf: no text layer"
    assert [r.source for _, r in ranking.ordered()] == frame["candidate"].tolist()
    assert [i for i, _ in ranking.ordered()] == [2, 3, 0, 1]
    assert ranking.errors == ("in/scan.pdf: no text layer",) and ranking.job == "Tiny ML Engineer" and len(ranking) == 4


def test_the_item_names_the_ranked_column(ranking: Ranking) -> None:
    jobs = Ranking(ranking.results, item="job")
    assert list(jobs.to_frame().columns[:2]) == ["rank", "job"]
    header = _plain(ranking_views(jobs)).splitlines()[1]
    assert header.split("┃")[2].strip() == "job"


def test_an_unknown_sort_key_is_a_usage_error(ranking: Ranking) -> None:
    with pytest.raises(UsageError, match=r"cannot rank by 'age' \(fix: use by= one of match, score, fit, relevance\)"):
        Ranking(ranking.results, by="age")


def test_the_terminal_view_cuts_at_top_and_says_how_many_rows_are_left(ranking: Ranking) -> None:
    text = _plain(ranking_views(ranking, top=2))
    rows = [line.split("│")[1:3] for line in text.splitlines() if line.startswith("│")]
    assert [(n.strip(), c.strip()) for n, c in rows] == [("1", "tie.pdf"), ("1", "jane.pdf")]
    assert text.splitlines()[-1] == "… 2 more rows (--top 0 prints all; --out writes them)"


def test_writers_and_to_html_take_the_ranking(ranking: Ranking, tmp_path: Path) -> None:
    lines = write_ranking(ranking, tmp_path / "r.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == ["in/tie.pdf", "in/jane.pdf", "in/low.pdf", "in/scan.pdf"]
    page = ranking.to_html(tmp_path / "r.html")
    assert page == (tmp_path / "r.html").read_text(encoding="utf-8") and page.startswith("<!DOCTYPE html>")
    assert write_ranking(list(ranking), tmp_path / "s.csv").read_text(encoding="utf-8").splitlines() == lines  # a plain list still works


def _plain(views: list) -> str:
    console = Console(width=100, record=True, color_system=None, file=io.StringIO())
    for view in views:
        console.print(view)
    return console.export_text()
