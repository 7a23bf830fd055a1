"""The career part of the HTML report: the experience and degree rows, and a timeline of the
candidate's positions, each with the skills its own text names."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..documents.dates import month_index
from .frames import skill_label

if TYPE_CHECKING:
    from ..gap import GapReport


def career_html(report: GapReport, heading: str = "h2") -> str:
    """The career rows and the positions timeline ('' when the résumé has neither)."""
    parts = []
    if report.career:
        rows = "".join(
            f"<tr><td>{'✓' if c.met else '✗' if c.met is False else '?'}</td><td><b>{escape(c.name)}</b></td><td>{escape(c.asked)}</td>"
            f'<td>{escape(c.has)}</td><td class="ev">{escape(c.job_evidence)}</td><td class="ev">{escape(c.evidence)}</td></tr>'
            for c in report.career
        )
        head = "<tr><th></th><th>Asked</th><th>The job asks</th><th>The candidate has</th><th>In the posting</th><th>In the résumé</th></tr>"
        parts.append(f'<{heading}>Experience and degree</{heading}><table class="wide">{head}{rows}</table>')
    timeline = _timeline(report)
    if timeline:
        parts.append(f"<{heading}>Career timeline</{heading}>{timeline}")
    return "".join(parts)


def _timeline(report: GapReport) -> str:
    """One row per dated position, its bar placed on the span from the first start to ``as_of``
    (the comparison's when given, else the résumé's own)."""
    profile = report.candidate
    career = profile.career
    as_of, source = (report.as_of, "given") if report.as_of is not None else (career.as_of, career.as_of_source)
    spans = [(p, p.interval(as_of)) for p in career.positions]
    dated = [(p, s) for p, s in spans if s is not None and s[0] <= s[1]]
    if not dated:
        return ""
    lo = min(s[0] for _, s in dated)
    hi = max(max(s[1] for _, s in dated), month_index(as_of))
    width = max(hi - lo, 1)
    rows = []
    for p, (a, b) in dated:
        skills = dict.fromkeys(m.skill_id for m in profile.mentions if p.span[0] <= m.start < p.span[1] and not m.negated and m.method != "implied")
        tags = "".join(f'<span class="tag">{escape(skill_label(profile.taxonomy, s))}</span>' for s in skills)
        left, size = 100 * (a - lo) / width, max(100 * (b - a) / width, 0.8)
        bar = f'<div class="tl"><i style="margin-left:{left:.1f}%;width:{size:.1f}%"></i></div>'
        name = " · ".join(escape(x) for x in (p.title, p.employer) if x) or "position"
        rows.append(f"<tr><td>{escape(p.date_text or '')}</td><td><b>{name}</b> <span class=muted>{escape(p.kind)}</span></td><td>{bar}</td><td>{tags}</td></tr>")
    note = f'<p class="muted">Current positions run to {as_of:%Y-%m} ({escape(source)}).</p>'
    return f'<table class="wide"><tr><th>Dates</th><th>Position</th><th>Timeline</th><th>Skills named in it</th></tr>{"".join(rows)}</table>{note}'
