"""`Mention` (one piece of evidence for a skill) and `SkillProfile` (all of a document's)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from ..documents.career import Career, read_career
from ..documents.model import Document
from ..taxonomy import Taxonomy

if TYPE_CHECKING:
    import pandas as pd

    from .experience import SkillMonths

Method = Literal["exact", "pattern", "fuzzy", "implied"]

#: What the fork server of worker processes imports once before forking them (`skillgap.parallel`):
#: `skillgap.extract.warm`, the shipped taxonomy's extractor, so that a worker starts without
#: importing spaCy or building the pipeline. Here, with the plain data, because a name is all
#: `skillgap.batch` and the extractor need: importing the module builds the extractor.
PRELOAD = ("skillgap.extract.warm",)


@dataclass(frozen=True)
class Mention:
    """Evidence that a document names a skill: where (char span, section, page), how and how surely.

    ``method`` is ``exact`` (a label or alias), ``pattern`` (a token pattern or a context rule
    for an ambiguous name), ``fuzzy`` (a near spelling) or ``implied`` (not in the text: another
    mention's skill implies it, ``implied_by`` names that skill; the span is that mention's).
    ``importance`` is the posting's cue around the mention (``required`` / ``preferred``) and
    ``years`` the years asked or claimed next to it ("3+ years of Python"), when the text says.
    ``choice`` (postings) names the other skills of the choice list the mention stands in ("PHP,
    Python or Go", "one of: ..."): the posting asks for one of them; empty outside choices.
    ``probability`` is the verifier's belief that the text means the skill (None when the
    extractor does not verify, and for implied mentions).
    """

    skill_id: str
    text: str
    start: int
    end: int
    method: Method
    score: float
    section: str | None = None
    page: int = 1
    negated: bool = False
    importance: str | None = None
    years: float | None = None
    implied_by: str | None = None
    choice: tuple[str, ...] = ()
    probability: float | None = None

    def __post_init__(self) -> None:
        if type(self.choice) is not tuple:  # read back from JSON (a batch journal) as a list
            object.__setattr__(self, "choice", tuple(self.choice))


@dataclass(frozen=True)
class SkillProfile:
    """A document and every mention found in it, with the taxonomy that gave them meaning."""

    document: Document
    mentions: tuple[Mention, ...]
    taxonomy: Taxonomy = field(repr=False, compare=False)

    @property
    def skill_ids(self) -> tuple[str, ...]:
        """Skills the text states (not negated, not implied), in order of first mention."""
        return tuple(dict.fromkeys(m.skill_id for m in self.mentions if not m.negated and m.method != "implied"))

    @property
    def implied_ids(self) -> tuple[str, ...]:
        """Skills only implied by others, never stated."""
        stated = set(self.skill_ids)
        return tuple(dict.fromkeys(m.skill_id for m in self.mentions if m.method == "implied" and m.skill_id not in stated))

    def mentions_of(self, skill_id: str) -> tuple[Mention, ...]:
        """Every mention of one skill, in text order."""
        return tuple(m for m in self.mentions if m.skill_id == skill_id)

    @functools.cached_property
    def career(self) -> Career:
        """Positions, education and certifications of the document (read once, on first use);
        ``career.as_of`` is the document's own date, else today."""
        return read_career(self.document)

    def skill_months(self, as_of: date | None = None) -> dict[str, SkillMonths]:
        """Stated skill id -> months of experience and last used, from the dated positions whose
        own text names the skill (``months`` None: named only outside dated positions), with
        current positions running to ``as_of`` (default `Career.as_of`)."""
        from .experience import skill_months

        return skill_months(self, self.career, as_of)

    def _repr_html_(self) -> str:
        """Jupyter's view: the skills found, with evidence, in the report's colours."""
        from ..report.html import profile_html

        return profile_html(self)

    def to_frame(self, as_of: date | None = None) -> pd.DataFrame:
        """One row per skill: id, label, category, kind, count, best score, methods, sections,
        negated, first evidence, and (résumés) ``months`` / ``last_used`` as of ``as_of``
        (`skill_months`; None where unknown)."""
        import pandas as pd

        rows: dict[str, dict[str, object]] = {}
        for m in self.mentions:
            skill = self.taxonomy[m.skill_id]
            row = rows.setdefault(
                m.skill_id,
                {
                    "skill_id": m.skill_id,
                    "label": skill.label,
                    "category": skill.category,
                    "kind": skill.kind,
                    "count": 0,
                    "best_score": 0.0,
                    "methods": [],
                    "sections": [],
                    "negated": True,
                    "implied_only": True,
                    "evidence": m.text,
                    "start": m.start,
                    "page": m.page,
                },
            )
            row["count"] = int(row["count"]) + (m.method != "implied")  # type: ignore[call-overload]
            row["best_score"] = max(float(row["best_score"]), m.score)  # type: ignore[arg-type]
            for key, value in (("methods", m.method), ("sections", m.section)):
                if value and value not in row[key]:  # type: ignore[operator]
                    row[key].append(value)  # type: ignore[attr-defined]
            row["negated"] = bool(row["negated"]) and m.negated
            row["implied_only"] = bool(row["implied_only"]) and m.method == "implied"
        months = self.skill_months(as_of) if self.document.kind == "resume" else {}
        for skill_id, row in rows.items():
            record = months.get(skill_id)
            row["months"] = record.months if record else None
            row["last_used"] = record.last_used if record else None
        columns = ["skill_id", "label", "category", "kind", "count", "best_score", "methods", "sections", "negated", "implied_only", "evidence", "start", "page", "months", "last_used"]
        frame = pd.DataFrame(list(rows.values()), columns=columns)
        for key in ("methods", "sections"):
            frame[key] = frame[key].map(lambda v: ", ".join(v))
        frame["months"] = frame["months"].astype("Int64")
        return frame
