"""Skills joined to the career: months of experience per skill on a résumé, years asked per skill
on a posting. The text reading is in `skillgap.documents.career` / `.asks`; this module only
ties mentions to positions and years statements by their char spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..documents.asks import PostingAsks, YearsStatement
from ..documents.career import Career, union_months
from ..documents.careervocab import CareerVocabulary, load_career_vocabulary, words_pattern
from ..documents.degrees import degree_finder

if TYPE_CHECKING:
    from .model import Mention, SkillProfile

#: Words after a skill (within this many characters) that can make it a role ("... Engineer").
ROLE_WINDOW = 30
#: How far before and after its number phrase a years statement names its skills (characters):
#: a long line of run-together requirements is not one statement.
TIE_BEFORE = 80
TIE_AFTER = 110


@dataclass(frozen=True)
class SkillMonths:
    """Experience with one skill: ``months`` of the union of the dated positions whose own text
    names it (None when no dated position does: named only in a skills list or summary),
    ``last_used`` the end of the latest such position (``as_of`` for a current one)."""

    months: int | None
    last_used: date | None
    positions: tuple[int, ...] = ()


def _stated(mentions: tuple[Mention, ...]) -> list[Mention]:
    return [m for m in mentions if not m.negated and m.method != "implied"]


def skill_months(profile: SkillProfile, career: Career, as_of: date | None = None) -> dict[str, SkillMonths]:
    """Every stated skill of ``profile`` -> its `SkillMonths` from the ``career`` at ``as_of``
    (default `Career.as_of`). Positions of any kind count; positions whose dates cannot count
    (an end before the start, after ``as_of``) give no months."""
    ref = as_of or career.as_of
    counted = {id(p): span for p, span in career.counted(ref, kinds=("job", "internship", "volunteer", "other"))}
    found: dict[str, set[int]] = {}
    for m in _stated(profile.mentions):
        found.setdefault(m.skill_id, set())
        for i, p in enumerate(career.positions):
            if p.span[0] <= m.start < p.span[1]:
                found[m.skill_id].add(i)
    out = {}
    for skill_id, indices in found.items():
        dated = sorted(i for i in indices if id(career.positions[i]) in counted)
        if not dated:
            out[skill_id] = SkillMonths(None, None, tuple(sorted(indices)))
            continue
        spans = [counted[id(career.positions[i])] for i in dated]
        last = max(dated, key=lambda i: counted[id(career.positions[i])][1])
        p = career.positions[last]
        out[skill_id] = SkillMonths(union_months(spans), ref if p.current else (p.end or p.start), tuple(sorted(indices)))
    return out


@dataclass(frozen=True)
class YearsAsked:
    """Years a posting asks: ``min_years`` of overall experience (the lowest required statement
    not about named skills alone; None when none) and ``per_skill`` (skill id -> years, with
    ``preferred`` skills whose only years statement is preferred)."""

    min_years: float | None
    per_skill: dict[str, float]
    preferred: frozenset[str] = frozenset()


def years_asked(profile: SkillProfile, asks: PostingAsks, vocab: CareerVocabulary | None = None) -> YearsAsked:
    """Tie the skills named in each years statement's clause to its years (every member of a
    list in it: "5+ years with databases (MySQL, PostgreSQL)", or of the bulleted list under a
    "5+ years with the following:" line), except skills named as a role ("as a Machine Learning
    Engineer"), as a degree's field ("3 years of experience with a Bachelor's Degree in
    Mathematics"), in a list of fields ("... in physics, economics or a related field") or after
    a requirement of their own ("5 years of experience and should be proficient in Power BI"); a
    statement whose first word after "N years of experience with" is a skill, or
    whose number follows its skill ("Python: 3 years", "SQL (2+ years)"), is about skills only;
    any other is overall experience, unless it is a part of an earlier one ("including one
    year online")."""
    vocab = vocab or load_career_vocabulary()
    roles = words_pattern(vocab.role_words)
    purpose = words_pattern(vocab.purpose_words)
    new_requirement = re.compile(rf"(?:,|\band)\s+(?:{words_pattern(vocab.new_requirement).pattern})", re.IGNORECASE)
    finder = degree_finder(vocab)
    text = profile.document.text
    mentions = _stated(profile.mentions)
    taxonomy = profile.taxonomy
    # where a skill that "to" may lead to starts ("exposure to Python"); a soft skill's verb after
    # "to" opens a purpose ("methods to solve business problems", "to communicate results")
    starts = {m.start for m in mentions if m.skill_id not in taxonomy or taxonomy[m.skill_id].kind != "soft"}
    overall: list[float] = []
    per_skill: dict[str, float] = {}
    required_skills: set[str] = set()
    statements = list(asks.years)
    fields = [(st.field_start, st.field_end) for st in statements if st.field_end]  # "... physics or related field": no skills
    for k, st in enumerate(statements):
        # two statements of one clause ("SQL (2 years), Python (3 years)", "4 years, including one
        # with SQL") split it between them at their numbers
        prev = statements[k - 1] if k and statements[k - 1].clause_start == st.clause_start else None
        nxt = statements[k + 1] if k + 1 < len(statements) and statements[k + 1].clause_start == st.clause_start else None
        lo, hi = max(st.clause_start, st.start - TIE_BEFORE, prev.end if prev else 0), min(st.clause_end, st.end + TIE_AFTER)
        hi = max(hi, st.list_end) if st.list_end > st.clause_end else hi
        hi = min(hi, nxt.start) if nxt else hi
        hi = min(hi, st.aside_start) if st.aside_start else hi  # "..., prior software development experience is a plus"
        hi = _purpose_start(text, max(st.end, st.tail_end), hi, starts, purpose)
        own_end = new_requirement.search(text, st.end, hi)  # "... and should be proficient in Power BI"
        hi = own_end.start() if own_end else hi
        reach = max(st.clause_start, prev.end if prev else 0)  # a degree named anywhere before in the clause
        degree_ends = [reach + w.end for w in finder.words(text[reach:hi]) if w.level not in ("certificate", "high_school")]
        tied = [
            m
            for m in mentions
            if lo <= m.start < hi and not _role(text, m, roles) and not _field_of_degree(m, st, degree_ends) and not any(a <= m.start < b for a, b in fields)
        ]
        before = [m for m in tied if m.start < st.start] if st.skill_before else []
        if before:  # "Python: 3 years (Required)", "SQL (2+ years)": about the skills before it
            tied = before
        elif not st.about_experience:
            continue  # "age: 45 years": no skill before the number, no experience word
        skill_only = bool(before) or any(m.start <= st.tail_end < max(m.end, m.start + 1) or m.start == st.tail_end for m in tied)
        if not skill_only and not st.preferred and not st.subset:
            overall.append(st.years)
        for m in tied:
            if m.skill_id not in per_skill or (not st.preferred and m.skill_id not in required_skills):
                per_skill[m.skill_id] = st.years
            if not st.preferred:
                required_skills.add(m.skill_id)
    return YearsAsked(min(overall) if overall else None, per_skill, frozenset(per_skill) - required_skills)


def _purpose_start(text: str, start: int, end: int, starts: set[int], purpose: re.Pattern[str]) -> int:
    """Where a purpose clause after the years opens ("3-5 years of overall experience to help
    evolve our ... reporting"; "methods to solve business problems"): its skills are not what the
    years are about. "to" right before a skill of ``starts`` ("exposure to Python") opens none."""
    for m in purpose.finditer(text, start, end):
        if _NEXT_WORD.match(text, m.end()).end() not in starts:  # type: ignore[union-attr]
            return m.start()
    return end


#: The blanks up to the next word.
_NEXT_WORD = re.compile(r"\s*")


def _field_of_degree(m: Mention, st: YearsStatement, degree_ends: list[int]) -> bool:
    """A skill named after a degree word, with no years number between them: the degree's field
    ("with a Bachelor's Degree in Mathematics", "Degree in Computer Science with 3 years"), not a
    skill the years are about ("Bachelor's degree and 3+ years with Python")."""
    return any(end <= m.start and not (end <= st.start < m.start) for end in degree_ends)


def _role(text: str, m: Mention, roles: object) -> bool:
    after = text[m.end : m.end + ROLE_WINDOW]
    first = after.replace("/", " ").split()[:3]
    return any(roles.fullmatch(w.strip(",.;:()/")) for w in first)  # type: ignore[attr-defined]
