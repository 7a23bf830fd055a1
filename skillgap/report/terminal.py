"""Terminal views (rich): the skills of a document, a gap report, a ranking and a taxonomy listing.

Each function returns rich renderables for the caller to print, so the command line only wires
options to library calls and prints what these return. Text from documents is never read as
rich markup.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from .evidence import mention_snippet, where
from .html import display_name
from .theme import percent, status_style

if TYPE_CHECKING:
    import pandas as pd

    from ..extract.model import SkillProfile
    from ..gap import GapReport
    from ..ranking import Ranking

#: How many missing required skills a ranking row lists before it counts the rest.
MISSING_SHOWN = 5


def profile_table(source: str, profile: SkillProfile | None, error: str | None = None) -> Table:
    """One document's skills (label, category, mentions, how matched, first evidence), or why it could not be read."""
    table = _table(Text(source, style="bold"), ("skill", {}), ("category", {}), ("n", {"justify": "right"}), ("how", {}), ("evidence", {"overflow": "fold", "ratio": 1}))
    if profile is None:
        add_row(table, Text("could not be read", style="red"), "", "", "", Text(error or "", style="red"))
        return table
    text = profile.document.text
    for skill_id in (*profile.skill_ids, *profile.implied_ids):
        skill = profile.taxonomy[skill_id]
        mentions = [m for m in profile.mentions_of(skill_id) if not m.negated]
        stated = [m for m in mentions if m.method != "implied"]
        shown = stated or mentions
        first = shown[0]
        how = ", ".join(dict.fromkeys(m.method for m in shown))
        if not stated and first.implied_by:
            how = f"implied by {profile.taxonomy[first.implied_by].label}"
        add_row(table, skill.label, skill.category, str(len(stated)), how, f"{mention_snippet(text, first, limit=90)} [{where(first)}]")
    if not table.row_count:
        add_row(table, Text("no skills found", style="dim"), "", "", "", "")
    return table


def gap_views(report: GapReport) -> list[RenderableType]:
    """A gap report: the headline, one table per category (status, skill, importance, evidence), what to learn next, extra skills."""
    out: list[RenderableType] = [
        Text.assemble(
            (f"{report.candidate.document.source}", "bold"), " vs ", (report.job, "bold"), f" · score {report.score:.1f}/100 · required ",
            (percent(report.required_coverage), "bold"), " · preferred ", (percent(report.preferred_coverage), "bold"),
        )  # fmt: skip
    ]
    text = report.candidate.document.text
    for category in dict.fromkeys(r.category for r in report.results):
        title = Text.assemble((category, "bold"), f" · {percent(report.coverage.get(category, math.nan))} covered")
        table = _table(title, ("status", {"no_wrap": True}), ("skill", {}), ("importance", {}), ("evidence", {"overflow": "fold", "ratio": 1}))
        for r in (r for r in report.results if r.category == category):
            style = status_style(r.status)
            evidence = ""
            if r.evidence:
                m = r.evidence[0]
                via = f"{'implied by' if r.status == 'implied' else 'from'} {report.candidate.taxonomy[r.via].label}: " if r.via else ""
                evidence = f"{via}{mention_snippet(text, m, limit=90)} [{where(m)}]"
            years = f" ({r.years:g}+ yrs)" if r.years else ""
            add_row(table, Text(f"{style.symbol} {r.status}", style=style.rich), r.label, f"{r.importance}{years}", evidence)
        out.append(table)
    learn = report.learn_next()
    if learn:
        out.append(Text("learn next: " + ", ".join(r.label for r in learn)))
    if report.extra:
        out.append(Text("also has: " + ", ".join(report.candidate.taxonomy[s].label for s in report.extra)))
    return out


def ranking_views(ranking: Ranking, top: int = 0, *, table: pd.DataFrame | None = None) -> list[RenderableType]:
    """A ranking: its first ``top`` rows (0: all) as a table, and a note on the rows left out.

    ``table`` is ``ranking.to_frame()`` when the caller has it already.
    """
    frame = ranking.to_frame() if table is None else table
    width = min(max([len(display_name(str(c))) for c in frame[ranking.item]] + [9]), 40)
    view = _table(
        None, ("#", {"justify": "right"}), (ranking.item, {"min_width": width}), ("match", {"justify": "right"}), ("score", {"justify": "right"}), ("required", {"justify": "right"}),
        ("preferred", {"justify": "right"}), ("matched", {"justify": "right"}), ("missing required", {"overflow": "fold", "ratio": 1}),
    )  # fmt: skip
    shown = frame if top == 0 else frame.head(top)
    for row in shown.to_dict("records"):
        name = display_name(str(row[ranking.item]))
        if isinstance(row["error"], str) and row["error"]:
            add_row(view, "–", name, "", "", "", "", "", Text(f"error: {row['error']}", style="red"))
            continue
        missing = [m for m in (row["missing_required"] or "").split(", ") if m]
        listed = ", ".join(missing[:MISSING_SHOWN]) + (f" … +{len(missing) - MISSING_SHOWN}" if len(missing) > MISSING_SHOWN else "")
        add_row(
            view, str(row["rank"]), name, "–" if row["match"] != row["match"] else f"{row['match']:.1f}", f"{row['score']:.1f}", percent(row["required_coverage"]), percent(row["preferred_coverage"]), str(row["matched"]), listed
        )  # fmt: skip
    out: list[RenderableType] = [view]
    if len(shown) < len(frame):
        out.append(Text(f"… {len(frame) - len(shown)} more rows (--top 0 prints all; --out writes them)"))
    return out


def frame_table(frame: pd.DataFrame, columns: Sequence[str], title: str) -> Table:
    """Columns of a frame as a table: floats as ``%g``, missing values blank (the taxonomy listing)."""
    table = Table(title=Text(title), title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column == "id")
    for row in frame[list(columns)].itertuples(index=False):
        add_row(table, *(_cell(v) for v in row))
    return table


def add_row(table: Table, *cells: str | Text) -> None:
    """Add a row whose plain strings are shown as they are: text from documents is never rich markup."""
    table.add_row(*(Text(c) if isinstance(c, str) else c for c in cells))


def _table(title: Text | None, *columns: tuple[str, dict[str, Any]]) -> Table:
    table = Table(title=title, title_justify="left", expand=False)
    for name, options in columns:
        table.add_column(name, **options)
    return table


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)
