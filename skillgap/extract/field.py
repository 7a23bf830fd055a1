"""Everyday words that name a skill only in a document of its field (a skill's ``field_forms``).

"Optimization", "forecasting" or "testing" are skills in a data scientist's résumé and plain
words in a marketer's ("purchase funnel optimization", "forecasted sales"): the document's other
skills tell its field. A match whose text is one of its skill's field forms is kept only when
the document states at least `FIELD_LEAST` other skills of the skill's category or of its
``field`` categories, counting only matches that do not rest on a field form themselves. A
skill's ``listed_forms`` (some of its field forms) count in any document as the whole of an item
in a skills section: there the word is a skill claimed by name ("Skills: Forecasting, Payroll").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from ..taxonomy import Taxonomy, normalize_term

#: Other skills of the field a document must state for a field form to count.
FIELD_LEAST = 2


class _Hit(Protocol):
    skill_id: str
    start: int
    end: int


H = TypeVar("H", bound=_Hit)


class FieldForms:
    """The field forms and field categories of a taxonomy's skills, read once."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.category = {s.id: s.category for s in taxonomy}
        self.forms = {s.id: frozenset(s.field_forms) for s in taxonomy if s.field_forms}
        self.fields = {s.id: frozenset({s.category, *s.field_categories}) for s in taxonomy if s.field_forms}
        self.listed = {s.id: frozenset(s.listed_forms) for s in taxonomy if s.listed_forms}

    def keep(self, matches: Sequence[H], text_of: Callable[[H], str], listed: Callable[[H], bool]) -> list[H]:
        """``matches`` without the field-form ones of a document outside their field (``text_of``: a
        match's text; ``listed``: whether a match is the whole of an item in a skills section)."""
        if not self.forms:
            return list(matches)
        plain = [m.skill_id in self.forms and normalize_term(text_of(m)) in self.forms[m.skill_id] for m in matches]
        if not any(plain):
            return list(matches)
        sure = {m.skill_id for m, p in zip(matches, plain) if not p}
        out = []
        for m, p in zip(matches, plain):
            if p and sum(1 for s in sure if s != m.skill_id and self.category[s] in self.fields[m.skill_id]) < FIELD_LEAST:
                if not (normalize_term(text_of(m)) in self.listed.get(m.skill_id, ()) and listed(m)):
                    continue
            out.append(m)
        return out
