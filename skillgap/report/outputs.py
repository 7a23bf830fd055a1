"""Write a gap report, a ranking or extracted skills to a file whose suffix picks the format.

These are the functions behind the CLI's ``--out``: ``.html`` (self-contained page), ``.csv``,
``.json`` and ``.xlsx`` (see `skillgap.report.tables.write_tables`), all written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import SkillgapError
from ..ranking import CandidateResult, Ranking, as_ranking
from .frames import requirements_frame, skill_label
from .html import gap_report_html, ranking_html, write_html
from .tables import TABLE_SUFFIXES, write_tables

if TYPE_CHECKING:
    from ..gap import GapReport

#: Suffixes `write_gap_report` and `write_ranking` understand.
REPORT_SUFFIXES: tuple[str, ...] = (".html", *TABLE_SUFFIXES)


def write_gap_report(report: GapReport, path: str | Path) -> Path:
    """One candidate's gap report as HTML, CSV (the requirement rows), JSON or Excel (summary + rows)."""
    if _suffix(path, REPORT_SUFFIXES) == ".html":
        return write_html(path, gap_report_html(report))
    return write_tables(path, {"requirements": report.to_frame()}, meta=gap_report_meta(report))


def write_ranking(ranking: Ranking | Sequence[CandidateResult], path: str | Path, *, table: pd.DataFrame | None = None) -> Path:
    """A ranking as HTML (table, heat map, coverage, details), CSV (the ranking rows), JSON or Excel.

    ``ranking`` is a `Ranking` (or results in input order, ranked by score); ``table`` its
    ``to_frame()`` when the caller has it already. JSON and Excel hold the ranking and, in
    ``requirements``, every candidate's requirement rows (``GapReport.to_frame()`` with a
    ``candidate`` column first).
    """
    ranking = as_ranking(ranking)
    suffix = _suffix(path, REPORT_SUFFIXES)
    if table is None:
        table = ranking.to_frame()
    if suffix == ".html":
        return write_html(path, ranking_html(ranking, table))
    if suffix == ".csv":  # one table only: the ranking
        return write_tables(path, {"ranking": table})
    return write_tables(path, {"ranking": table, "requirements": requirements_frame(ranking)}, meta={"job": ranking.job})


def write_frame(frame: pd.DataFrame, path: str | Path) -> Path:
    """Any one table (extracted skills, a taxonomy listing) as CSV, JSON or Excel."""
    _suffix(path, TABLE_SUFFIXES)
    return write_tables(path, {Path(path).stem[:31] or "table": frame})


def gap_report_meta(report: GapReport) -> dict[str, Any]:
    """The headline of a gap report as plain values (for JSON and the Excel summary sheet)."""
    labels = {r.skill_id: r.label for r in report.results}
    return {
        "candidate": report.candidate.document.source,
        "job": report.job,
        "score": report.score,
        "required_coverage": report.required_coverage,
        "preferred_coverage": report.preferred_coverage,
        "coverage": dict(report.coverage),
        "missing_required": [r.label for r in report.results if r.status == "missing" and r.importance == "required"],
        "learn_next": [r.label for r in report.learn_next()],
        "short_of_years": list(report.summary().short),
        "career": list(report.summary().career),
        "extra": [labels.get(s) or skill_label(report.candidate.taxonomy, s) for s in report.extra],
    }


def _suffix(path: str | Path, allowed: Sequence[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".htm":
        suffix = ".html"
    if suffix not in allowed:
        raise SkillgapError(
            f"cannot write {suffix or 'a file without suffix'} output",
            source=str(path),
            fix=f"name the output file with one of {', '.join(allowed)}",
        )
    return suffix
