"""Rankings as values: per-item results and the figure they are sorted by, and the ranking table.

This module sits at the gap layer (it needs only `GapReport`s), below ``batch`` that produces
rankings and ``report`` that renders them, so renderers take a `Ranking` without importing the
batch engine. A `Ranking` ranks whatever its results name: candidates for one job (`skillgap.rank`)
or, later, jobs for one candidate; ``item`` names the column that holds them.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import UsageError

if TYPE_CHECKING:
    import pandas as pd

    from .gap import GapReport
    from .match import Match

#: Columns of the ranking table, in order.
RANK_COLUMNS = [
    "rank", "candidate", "match", "score", "required_coverage", "preferred_coverage", "relevance", "fit",
    "skills", "experience", "education", "title", "lexical", "matched", "missing_required", "short_of_years", "experience_months", "degree", "error",
]  # fmt: skip
#: The figures a ranking can sort by (higher is better): the match model's score (`skillgap.match`)
#: or a ``GapReport`` attribute.
RANK_BY = ("match", "score", "fit", "relevance")


@dataclass(frozen=True)
class CandidateResult:
    """One ranked item's outcome: its report, or a one-line error saying why it could not be scored."""

    source: str
    report: GapReport | None
    error: str | None = None
    match: Match | None = None  # the match model's score and parts, once the whole ranking is known


@dataclass(frozen=True)
class Unreadable:
    """An input that failed before it could be scored (an empty folder, a journalled error); scoring makes it an error row."""

    source: str
    error: str


@dataclass(frozen=True)
class Ranking:
    """Results in input order and the figure they are ranked by (highest first; failures last).

    ``item`` is the name of what is ranked (the table's second column): ``candidate`` for
    candidates against one job, ``job`` for jobs for one candidate (`skillgap.match_jobs`).
    Renderers (`skillgap.report`) take a Ranking; `to_frame` is the ranking table of
    `skillgap.rank`. ``warnings`` say what limited the ranking (a posting in which the taxonomy
    finds no skill is ranked on the match model's other parts).
    """

    results: tuple[CandidateResult, ...]
    by: str = "score"
    item: str = "candidate"
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_rank_by(self.by)
        object.__setattr__(self, "results", tuple(self.results))

    def __len__(self) -> int:
        return len(self.results)

    def __iter__(self) -> Iterator[CandidateResult]:
        """The results in input order."""
        return iter(self.results)

    @property
    def errors(self) -> tuple[str, ...]:
        """The one-line errors of the items that could not be scored, in input order."""
        return tuple(r.error for r in self.results if r.error)

    @property
    def job(self) -> str | None:
        """The job of the first scored report (what a ranking of candidates is for), or None."""
        return next((r.report.job for r in self.results if r.report is not None), None)

    def ordered(self) -> list[tuple[int, CandidateResult]]:
        """(input index, result) in ranking order: the rows of `to_frame`, one to one."""
        return [(i, self.results[i]) for i in self._order]

    @functools.cached_property
    def _order(self) -> tuple[int, ...]:
        keys = [_key(r, self.by) for r in self.results]  # stable, as the table's sort: ties keep input order
        return tuple(sorted(range(len(keys)), key=lambda i: (1, 0.0) if math.isnan(keys[i]) else (0, -keys[i])))

    def to_frame(self) -> pd.DataFrame:
        """The ranking table: `RANK_COLUMNS` (``candidate`` renamed to ``item``), NaN figures for errors, shared ranks for ties."""
        return ranking_table((ranking_row(r) for r in self.results), by=self.by, item=self.item, warnings=self.warnings)

    def to_html(self, path: Any = None, *, title: str | None = None) -> str:
        """The ranking as a self-contained HTML page (the string); also written to ``path`` if given."""
        from .report.html import ranking_html, write_html  # the sanctioned lazy hook up to report

        html = ranking_html(self, title=title)
        if path is not None:
            write_html(path, html)
        return html


def _key(result: CandidateResult, by: str) -> float:
    if by == "match":
        return result.match.score if result.match is not None else math.nan
    value = getattr(result.report, by) if result.report is not None else math.nan
    return math.nan if value is None else float(value)


def as_ranking(results: Ranking | Iterable[CandidateResult], *, by: str = "score") -> Ranking:
    """A Ranking as it is, or one made of results in input order (compatibility with lists)."""
    return results if isinstance(results, Ranking) else Ranking(tuple(results), by=by)


def check_rank_by(by: str) -> None:
    """Raise `UsageError` unless ``by`` names a figure a ranking can sort by (checked before any work)."""
    if by not in RANK_BY:
        raise UsageError(f"cannot rank by {by!r}", fix=f"use by= one of {', '.join(RANK_BY)}")


def ranking_row(result: CandidateResult) -> dict[str, Any]:
    """One item's row of the ranking table (without its rank): small, so 10,000 fit anywhere."""
    return {**report_row(result), **match_row(result.match)}


def report_row(result: CandidateResult) -> dict[str, Any]:
    """The columns of `ranking_row` that its result alone gives (all but the match model's):
    computed where the item was scored, e.g. in a worker process, and sent instead of the report
    (so it imports no pandas: a missing count is None, which the table makes NA)."""
    rep = result.report
    summary = rep.summary() if rep else None
    return {
        "candidate": result.source,
        "score": rep.score if rep else float("nan"),
        "required_coverage": rep.required_coverage if rep else float("nan"),
        "preferred_coverage": rep.preferred_coverage if rep else float("nan"),
        "relevance": rep.relevance if rep else float("nan"),
        "fit": rep.fit if rep else float("nan"),
        "matched": len(rep.by_status("matched")) if rep else None,
        "missing_required": ", ".join(summary.missing_required) if summary else None,
        "short_of_years": ", ".join(summary.short) if summary else None,
        "experience_months": rep.candidate.career.total_months(rep.as_of) if rep else None,
        "degree": rep.candidate.career.highest_level if rep else None,
        "error": result.error,
    }


def match_row(match: Match | None) -> dict[str, float]:
    """The match model's columns of `ranking_row`: its score and parts (NaN without a match)."""
    parts = match.values() if match is not None else {}
    return {"match": match.score if match is not None else float("nan"), **{part: parts.get(part, float("nan")) for part in ("skills", "experience", "education", "title", "lexical")}}


def frame_of_rows(rows: Iterable[dict[str, Any]], *, by: str = "score") -> pd.DataFrame:
    """Rows of `ranking_row` in input order -> the ranking table sorted by ``by``, with its rank column."""
    import pandas as pd

    check_rank_by(by)
    frame = pd.DataFrame(list(rows), columns=RANK_COLUMNS[1:])
    frame["matched"] = frame["matched"].astype("Int64")
    frame["experience_months"] = frame["experience_months"].astype("Int64")
    frame = frame.sort_values(by, ascending=False, kind="stable", na_position="last").reset_index(drop=True)
    frame.insert(0, "rank", frame[by].rank(method="min", ascending=False).astype("Int64"))
    return frame


def ranking_table(rows: Iterable[dict[str, Any]], *, by: str, item: str = "candidate", warnings: Sequence[str] = ()) -> pd.DataFrame:
    """`Ranking.to_frame` of its rows (`ranking_row`, input order): `frame_of_rows`, ``candidate``
    renamed to ``item``, the warnings in ``attrs``; `skillgap.rank` builds it from rows alone."""
    frame = frame_of_rows(rows, by=by)
    frame = frame if item == "candidate" else frame.rename(columns={"candidate": item})
    frame.attrs["warnings"] = list(warnings)
    return frame


__all__: Sequence[str] = ["RANK_BY", "RANK_COLUMNS", "CandidateResult", "Ranking", "Unreadable", "as_ranking", "check_rank_by", "frame_of_rows", "match_row", "ranking_row", "ranking_table", "report_row"]
