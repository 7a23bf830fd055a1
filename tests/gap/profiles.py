"""Hand-built `SkillProfile`s: the text is the skills' labels, one per line."""

from __future__ import annotations

from skillgap.documents.model import Document, Section
from skillgap.extract.model import Mention, SkillProfile
from skillgap.taxonomy import Taxonomy


def make_profile(taxonomy: Taxonomy, items: list[tuple[str, dict]], *, source: str = "cand.txt", kind: str = "resume") -> SkillProfile:
    """A profile whose text is the skills' labels one per line; ``items`` are (skill id, Mention fields)."""
    text, mentions, sections = "", [], []
    for skill_id, extra in items:
        extra = dict(extra)
        section = extra.pop("section", None)
        label = taxonomy[skill_id].label
        start = len(text)
        text += label + "\n"
        if section:
            sections.append(Section(section, section.title(), start, len(text)))
        fields = {"method": "exact", "score": 100.0, **extra}
        mentions.append(Mention(skill_id=skill_id, text=label, start=start, end=start + len(label), section=section, **fields))
    doc = Document(source=source, kind=kind, text=text, sections=tuple(sections))  # type: ignore[arg-type]
    return SkillProfile(document=doc, mentions=tuple(mentions), taxonomy=taxonomy)
