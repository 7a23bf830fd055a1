"""Self-contained HTML: one candidate's gap report, a ranking of many, and the Jupyter views.

Everything is inline (CSS, bars drawn with CSS, no scripts, no fonts, no network), so a report
can be mailed, archived and printed. Evidence is one hover (the ``title`` of a heat-map cell) or
one click (the cell links to the requirement's row with the sentence it came from) away.
"""

from __future__ import annotations

import functools
import importlib.resources
import math
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from .._version import __version__
from ..ranking import CandidateResult, Ranking, as_ranking
from .atomic import atomic_write
from .career import career_html
from .evidence import mention_snippet, where
from .frames import skill_label
from .theme import ERROR_STYLE, STATUS_STYLES, percent, status_style

if TYPE_CHECKING:
    import pandas as pd

    from ..extract.model import Mention, SkillProfile
    from ..gap import GapReport, RequirementResult


# --------------------------------------------------------------------------------------------
# Public renderers


def gap_report_html(report: GapReport, *, title: str | None = None) -> str:
    """One candidate compared to one job, as a complete HTML page."""
    name = display_name(report.candidate.document.source)
    title = title or f"{name} vs {display_name(report.job)}"
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">skillgap gap report · candidate <b title="{escape(report.candidate.document.source)}">{escape(name)}</b> · job <b>{escape(report.job)}</b></p>',
        _gap_body(report, prefix="r"),
    ]
    return _page(title, "".join(body))


def gap_report_fragment(report: GapReport) -> str:
    """The gap report as an HTML fragment with its own scoped styles (Jupyter's ``_repr_html_``)."""
    name = display_name(report.candidate.document.source)
    head = f'<h3>{escape(name)} vs {escape(display_name(report.job))}</h3>'
    return f'<div class="skillgap"><style>{stylesheet()}</style>{head}{_gap_body(report, prefix=f"g{id(report):x}")}</div>'


def profile_html(profile: SkillProfile) -> str:
    """The skills found in one document, as an HTML fragment (Jupyter's ``_repr_html_``)."""
    doc = profile.document
    stated, implied = profile.skill_ids, profile.implied_ids
    negated = tuple(dict.fromkeys(m.skill_id for m in profile.mentions if m.negated and m.skill_id not in stated))
    rows = []
    for skill_id in (*stated, *implied, *negated):
        skill = profile.taxonomy[skill_id]
        mentions = profile.mentions_of(skill_id)
        if skill_id in stated:
            shown = [m for m in mentions if not m.negated and m.method != "implied"]
            state = "matched"
        elif skill_id in implied:
            shown = [m for m in mentions if m.method == "implied"]
            state = "implied"
        else:
            shown = [m for m in mentions if m.negated]
            state = "negated"
        first = shown[0]
        chip = {
            "matched": _chip("matched", "stated"),
            "implied": _chip("implied"),
            "negated": '<span class="chip" style="background:#eaeef2">¬ negated</span>',
        }[state]
        via = ""
        if first.method == "implied" and first.implied_by:
            via = f'<span class="muted">via {escape(skill_label(profile.taxonomy, first.implied_by))}: </span>'
        rows.append(
            f"<tr><td>{chip}</td><td><b>{escape(skill.label)}</b></td><td>{escape(skill.category)}</td>"
            f'<td class="num">{len(shown)}</td><td>{escape(", ".join(dict.fromkeys(m.method for m in shown)))}</td>'
            f'<td class="num">{max(m.score for m in shown):.0f}</td>'
            f'<td class="ev">{via}{_snippet_html(doc.text, first)} <span class="where">{escape(where(first))}</span></td></tr>'
        )
    head = "<tr><th></th><th>Skill</th><th>Category</th><th class=num>Mentions</th><th>How</th><th class=num>Score</th><th>Evidence (first mention)</th></tr>"
    table = f'<table class="wide">{head}{"".join(rows)}</table>' if rows else '<p class="muted">No skills from the taxonomy were found.</p>'
    summary = (
        f'<p class="sub"><b title="{escape(doc.source)}">{escape(display_name(doc.source))}</b> · {escape(doc.kind)} · {escape(doc.format)} · '
        f"{len(doc.pages)} page{'s' if len(doc.pages) != 1 else ''} · {len(stated)} skills stated, {len(implied)} implied"
        f"{f', {len(negated)} negated' if negated else ''}</p>"
    )
    return f'<div class="skillgap"><style>{stylesheet()}</style>{summary}{table}</div>'


def ranking_html(ranking: Ranking | Sequence[CandidateResult], table: pd.DataFrame | None = None, *, title: str | None = None) -> str:
    """Many candidates against one job as a complete HTML page.

    Holds the ranking table, a candidates x requirements heat map coloured by status (hover a
    cell for its evidence, click it for the candidate's row), coverage per category for each
    candidate and each candidate's requirement table, in ranking order. ``ranking`` is a
    `Ranking` (or results in input order, ranked by score); ``table`` is its ``to_frame()``
    when the caller has it already.
    """
    ranking = as_ranking(ranking)
    if table is None:
        table = ranking.to_frame()
    ordered = ranking.ordered()
    reports = [r.report for _, r in ordered if r.report is not None]
    jobs = ranking.item == "job"  # jobs for one candidate: each has its own requirements, so no shared heat map
    if jobs:
        title = title or f"Jobs for {display_name(reports[0].candidate.document.source) if reports else 'the candidate'}"
    else:
        title = title or f"Ranking for {display_name(reports[0].job) if reports else 'the job'}"
    failed = sum(1 for _, r in ordered if r.report is None)
    noun = "job" if jobs else "candidate"
    parts = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">skillgap ranking · {len(ordered)} {noun}{"s" if len(ordered) != 1 else ""}'
        f"{f' · <span class=error>{failed} could not be read</span>' if failed else ''}</p>",
        *(f'<p class="error">{escape(w)}</p>' for w in dict.fromkeys(ranking.warnings)),
        "<h2>Ranking</h2>",
        _ranking_table(table, ordered, noun.title()),
    ]
    if jobs:
        parts.append("<h2>Jobs</h2>")
        for i, result in ordered:
            if result.report is not None:
                parts.append(
                    f'<section class="cand"><h3 id="c{i}">{escape(display_name(result.source))} <span class="muted">· score {result.report.score:.1f}</span></h3>'
                    + _gap_body(result.report, prefix=f"c{i}", cards=False)
                    + "</section>"
                )
    elif reports:
        parts += [
            "<h2>Requirements by candidate</h2>",
            _legend(),
            '<p class="muted">Hover a cell for the evidence, click it for the candidate\'s details.</p>',
            _heat_map(ordered, reports[0]),
            "<h2>Coverage by category</h2>",
            _coverage_matrix(ordered),
            "<h2>Candidates</h2>",
        ]
        for i, result in ordered:
            if result.report is not None:
                rep = result.report
                parts.append(
                    f'<section class="cand"><h3 id="c{i}">{escape(display_name(result.source))} <span class="muted">· score {rep.score:.1f}</span></h3>'
                    + _gap_body(rep, prefix=f"c{i}", cards=False)
                    + "</section>"
                )
    return _page(title, "".join(parts))


def write_html(path: str | Path, html: str) -> Path:
    """Write an HTML page atomically."""
    return atomic_write(path, html)


def display_name(source: str) -> str:
    """A short name for a candidate: the file name of a path, else the source as given."""
    if "\n" not in source and ("/" in source or "\\" in source):
        return Path(source).name or source
    return source


@functools.lru_cache(maxsize=1)
def stylesheet() -> str:
    """The report CSS: status colours from the theme, then ``report.css``."""
    rules = [
        f".skillgap .s-{name}{{background:{s.background};color:{s.foreground}}}" for name, s in STATUS_STYLES.items()
    ]
    rules.append(f".skillgap .s-error{{background:{ERROR_STYLE.background};color:{ERROR_STYLE.foreground}}}")
    css = (importlib.resources.files(__package__) / "report.css").read_text(encoding="utf-8")
    return "\n".join(rules) + "\n" + css


# --------------------------------------------------------------------------------------------
# Building blocks


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{stylesheet()}</style></head>"
        f'<body style="margin:0"><main class="skillgap page">{body}'
        f'<p class="muted" style="margin-top:32px;font-size:12px">Made by skillgap {escape(__version__)}, offline.</p>'
        "</main></body></html>\n"
    )


def _gap_body(report: GapReport, *, prefix: str, cards: bool = True) -> str:
    """Coverage, requirements, learn-next and extra skills; ``cards`` adds the score cards (own page)."""
    h = "h2" if cards else "h4"
    parts = []
    if cards:
        matched = sum(r.status == "matched" for r in report.results)
        parts += [
            '<div class="cards">'
            f'<div class="card"><b>{report.score:.1f}</b><span>score / 100</span></div>'
            f'<div class="card"><b>{percent(report.required_coverage)}</b><span>required covered</span></div>'
            f'<div class="card"><b>{percent(report.preferred_coverage)}</b><span>preferred covered</span></div>'
            f'<div class="card"><b>{matched} / {len(report.results)}</b><span>requirements matched</span></div>'
            "</div>",
            _legend(),
        ]
    parts += [f"<{h}>Coverage by category</{h}>", _coverage_bars(report.coverage), f"<{h}>Requirements</{h}>", _requirements_table(report, prefix)]
    parts.append(career_html(report, h))
    learn = report.learn_next()
    if learn:
        items = "".join(
            f"<li><b>{escape(r.label)}</b> <span class=muted>({escape(r.importance)}, weight {r.weight:g}, {escape(r.category)})</span></li>"
            for r in learn
        )
        parts.append(f"<{h}>Learn next</{h}><ol>{items}</ol>")
    if report.extra:
        tags = "".join(f'<span class="tag">{escape(skill_label(report.candidate.taxonomy, s))}</span>' for s in report.extra)
        parts.append(f"<{h}>Also has (beyond the job)</{h}><p>{tags}</p>")
    return "".join(parts)


def _requirements_table(report: GapReport, prefix: str) -> str:
    head = (
        "<tr><th>Status</th><th>Skill</th><th>Importance</th><th class=num>Weight</th><th class=num>Credit</th>"
        "<th>Evidence in the résumé</th></tr>"
    )
    rows = []
    for category, results in _grouped(report.results):
        cov = report.coverage.get(category, float("nan"))
        rows.append(f'<tr><th colspan="6">{escape(category)} <span class="muted">· {percent(cov)} covered</span></th></tr>')
        for r in results:
            asked = ""
            if r.job_evidence:
                m = r.job_evidence[0]
                asked = f' title="asked as “{escape(m.text)}” ({escape(where(m))})"'
            years = f" · {r.years:g}+ yrs" if r.years else ""
            if r.years and r.months is not None:
                years += f" (has {r.months / 12:.1f})"
            rows.append(
                f'<tr id="{prefix}-{escape(r.skill_id)}"><td>{_chip(r.status)}</td><td><b{asked}>{escape(r.label)}</b></td>'
                f"<td>{escape(r.importance)}{years}</td><td class=num>{r.weight:g}</td><td class=num>{r.credit:.2f}</td>"
                f'<td class="ev">{_evidence_html(report, r)}</td></tr>'
            )
    return f'<table class="wide">{head}{"".join(rows)}</table>'


def _evidence_html(report: GapReport, r: RequirementResult) -> str:
    if not r.evidence:
        return '<span class="muted">no evidence found</span>'
    m = r.evidence[0]
    lead = ""
    if r.status in ("implied", "transferable") and r.via:
        word = "implied by" if r.status == "implied" else "transfer from"
        lead = f'<span class="muted">{word} {escape(skill_label(report.candidate.taxonomy, r.via))}: </span>'
    more = f' <span class="muted">(+{len(r.evidence) - 1} more)</span>' if len(r.evidence) > 1 else ""
    return f'{lead}{_snippet_html(report.candidate.document.text, m)} <span class="where">{escape(where(m))}</span>{more}'


def _evidence_title(report: GapReport, r: RequirementResult) -> str:
    """Plain-text evidence for a ``title`` tooltip."""
    status = r.status + (f" via {skill_label(report.candidate.taxonomy, r.via)}" if r.via else "")
    lines = [f"{r.label}: {status} ({r.importance})"]
    if r.evidence:
        m = r.evidence[0]
        lines.append(f"“{mention_snippet(report.candidate.document.text, m, limit=160)}”")
        lines.append(f"({where(m)})")
    return "\n".join(lines)


def _snippet_html(text: str, mention: Mention) -> str:
    s = mention_snippet(text, mention)
    return f"“{escape(s.before)}<mark>{escape(s.hit)}</mark>{escape(s.after)}”"


def _ranking_table(ranking: pd.DataFrame, ordered: Sequence[tuple[int, CandidateResult]], noun: str = "Candidate") -> str:
    head = (
        f"<tr><th class=num>#</th><th>{noun}</th><th>Match</th><th>Score</th><th class=num>Required</th><th class=num>Preferred</th>"
        "<th class=num>Matched</th><th>Missing required</th><th>Match parts (evidence)</th></tr>"
    )
    rows = []
    for (i, result), row in zip(ordered, ranking.itertuples(index=False)):
        name = escape(display_name(result.source))
        if result.report is None:
            rows.append(
                f'<tr class="err candidate"><td class=num>–</td><td class="name" title="{escape(result.source)}">{name}</td>'
                f'<td colspan="7" class="error">{escape(result.error or "failed")}</td></tr>'
            )
            continue
        score = float(row.score)
        match = f"{row.match:.1f}" if row.match == row.match else "–"
        rows.append(
            f'<tr class="candidate"><td class=num>{int(row.rank)}</td>'
            f'<td class="name"><a href="#c{i}" title="{escape(result.source)}">{name}</a></td>'
            f'<td class=num>{match}</td>'
            f'<td class=nowrap><span class="bar"><i style="width:{score:.1f}%"></i></span><span class="pct">{score:.1f}</span></td>'
            f"<td class=num>{percent(row.required_coverage)}</td><td class=num>{percent(row.preferred_coverage)}</td>"
            f"<td class=num>{int(row.matched)}</td><td>{_first_few(row.missing_required or '')}</td>"
            f"<td>{_match_parts(result)}</td></tr>"
        )
    return f'<table class="wide ranking">{head}{"".join(rows)}</table>'


def _match_parts(result: CandidateResult) -> str:
    """Each part of the match model with its value and the first few pieces of evidence that earned it."""
    if result.match is None:
        return ""
    cells = []
    for part in result.match.parts:
        value = "n/a" if part.value != part.value else f"{part.value:.2f}"
        shown = f' <span class="muted">({escape(", ".join(part.evidence[:5]))}{" …" if len(part.evidence) > 5 else ""})</span>' if part.evidence else ""
        cells.append(f"{part.name} {value}{shown}")
    return "<br>".join(cells)


def _first_few(labels: str, n: int = 8) -> str:
    """A comma-joined list cut to its first ``n`` items, the rest counted (the full list is in the title)."""
    items = [s for s in labels.split(", ") if s]
    if len(items) <= n:
        return escape(labels)
    return f'<span title="{escape(labels)}">{escape(", ".join(items[:n]))} <span class="muted">+{len(items) - n} more</span></span>'


def _heat_map(ordered: Sequence[tuple[int, CandidateResult]], template: GapReport) -> str:
    """Rows: candidates in rank order; columns: required then preferred requirements, by category."""
    columns = [r for imp in ("required", "preferred") for _, group in _grouped(template.results) for r in group if r.importance == imp]
    groups: list[tuple[str, str, int]] = []  # (importance, category, number of columns)
    for r in columns:
        if groups and groups[-1][:2] == (r.importance, r.category):
            groups[-1] = (r.importance, r.category, groups[-1][2] + 1)
        else:
            groups.append((r.importance, r.category, 1))
    starts = {sum(n for *_, n in groups[:k]) for k in range(len(groups))}  # first column of each group
    gs = [" gs" if j in starts and j else "" for j in range(len(columns))]
    spans = [(imp, sum(1 for r in columns if r.importance == imp)) for imp in ("required", "preferred")]
    importance_row = "<tr><th></th>" + "".join(
        f'<th class="area imp{" gs" if k else ""}" colspan="{n}">{imp}</th>' for k, (imp, n) in enumerate(x for x in spans if x[1])
    ) + "</tr>"
    area_row = "<tr><th></th>" + "".join(
        f'<th class="area{" gs" if k else ""}" colspan="{n}" title="{escape(cat)} ({imp})">{escape(cat)}</th>' for k, (imp, cat, n) in enumerate(groups)
    ) + "</tr>"
    skill_row = "<tr><th></th>" + "".join(
        f'<th class="skill{gs[j]}" title="{escape(r.label)} ({escape(r.importance)})"><div>{escape(r.label)}</div></th>' for j, r in enumerate(columns)
    ) + "</tr>"
    body = []
    for i, result in ordered:
        name = escape(display_name(result.source))
        if result.report is None:
            body.append(f'<tr class="err"><th class="cand" title="{escape(result.source)}">{name}</th><td class="na" colspan="{len(columns)}">could not be read</td></tr>')
            continue
        by_id = {r.skill_id: r for r in result.report.results}
        cells = []
        for j, col in enumerate(columns):
            r = by_id.get(col.skill_id)
            if r is None:
                cells.append(f'<td class="cell s-error{gs[j]}">?</td>')
                continue
            style = status_style(r.status)
            cells.append(
                f'<td class="cell s-{escape(r.status)}{gs[j]}" title="{escape(_evidence_title(result.report, r))}">'
                f'<a href="#c{i}-{escape(r.skill_id)}">{style.symbol}</a></td>'
            )
        body.append(f'<tr><th class="cand" title="{escape(result.source)}"><a href="#c{i}">{name}</a></th>{"".join(cells)}</tr>')
    return f'<div class="scroll"><table class="heat">{importance_row}{area_row}{skill_row}{"".join(body)}</table></div>'


def _coverage_matrix(ordered: Sequence[tuple[int, CandidateResult]]) -> str:
    categories = list(dict.fromkeys(c for _, r in ordered if r.report for c in r.report.coverage))
    head = "<tr><th>Candidate</th>" + "".join(f"<th>{escape(c)}</th>" for c in categories) + "</tr>"
    rows = []
    for i, result in ordered:
        if result.report is None:
            continue
        cells = "".join(f"<td class=nowrap>{_bar(result.report.coverage.get(c, float('nan')), small=True)}</td>" for c in categories)
        rows.append(f'<tr><td class="name"><a href="#c{i}">{escape(display_name(result.source))}</a></td>{cells}</tr>')
    return f'<div class="scroll"><table>{head}{"".join(rows)}</table></div>'


def _coverage_bars(coverage: Mapping[str, float]) -> str:
    rows = "".join(f"<tr><td>{escape(name)}</td><td class=nowrap>{_bar(value)}</td></tr>" for name, value in coverage.items())
    return f"<table>{rows}</table>"


def _bar(value: float, *, small: bool = False) -> str:
    if value is None or math.isnan(value):
        return '<span class="muted">–</span>'
    return f'<span class="bar{" small" if small else ""}"><i style="width:{100 * value:.0f}%"></i></span><span class="pct">{percent(value)}</span>'


def _legend() -> str:
    items = "".join(f'<span class="chip s-{name}">{s.symbol} {name}</span>' for name, s in STATUS_STYLES.items())
    return f'<div class="legend">{items}</div>'


def _chip(status: str, text: str | None = None) -> str:
    """A status badge in the status colour with its symbol; ``text`` replaces the status name."""
    return f'<span class="chip s-{escape(status)}">{status_style(status).symbol} {escape(text or status)}</span>'


def _grouped(results: Iterable[RequirementResult]) -> list[tuple[str, list[RequirementResult]]]:
    groups: dict[str, list[RequirementResult]] = {}
    for r in results:
        groups.setdefault(r.category, []).append(r)
    return list(groups.items())
