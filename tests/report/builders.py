"""Small hand-built inputs for the report and CLI tests: a tiny taxonomy on disk and a document."""

from __future__ import annotations

from pathlib import Path

SKILLS_YAML = """\
category: Programming
skills:
  - id: python
    label: Python
  - id: java
    label: Java
    related: [kotlin]
  - id: kotlin
    label: Kotlin
"""

ML_YAML = """\
category: Machine Learning
skills:
  - id: machine-learning
    label: Machine Learning
    aliases: [ML]
  - id: deep-learning
    label: Deep Learning
    implies: [machine-learning]
  - id: pytorch
    label: PyTorch
    implies: [deep-learning, python]
    group: dl-framework
  - id: tensorflow
    label: TensorFlow
    implies: [deep-learning]
    group: dl-framework
"""

ROLE_YAML = """\
id: tiny-ml
label: Tiny ML Engineer
areas:
  - name: Programming
    skills: [python, {skill: kotlin, importance: preferred, weight: 0.5}]
  - name: Modelling
    weight: 2
    skills: [pytorch, {skill: deep-learning, years: 2}]
"""


def write_taxonomy(folder: Path) -> Path:
    """A two-category taxonomy with one role under ``folder``; returns the folder."""
    (folder / "skills").mkdir(parents=True, exist_ok=True)
    (folder / "roles").mkdir(parents=True, exist_ok=True)
    (folder / "skills" / "programming.yaml").write_text(SKILLS_YAML, encoding="utf-8")
    (folder / "skills" / "ml.yaml").write_text(ML_YAML, encoding="utf-8")
    (folder / "roles" / "tiny-ml.yaml").write_text(ROLE_YAML, encoding="utf-8")
    return folder


RESUME_TEXT = (
    "Jane Doe\n"
    "Experience\n"
    "Trained PyTorch models for search ranking at Acme.\n"
    "Wrote services in Java <script>alert(1)</script> & shipped them.\n"
    "Skills\n"
    "Python, TensorFlow, SQL\n"
)


def mention(text: str, skill_id: str, word: str, *, method: str = "exact", section: str | None = "experience", **kw: object):
    """The Mention of ``word``'s first occurrence in ``text``."""
    from skillgap.extract.model import Mention

    start = text.index(word)
    return Mention(skill_id=skill_id, text=word, start=start, end=start + len(word), method=method, score=100.0, section=section, **kw)  # type: ignore[arg-type]


def profile(taxonomy, text: str = RESUME_TEXT, source: str = "cands/jane.pdf"):
    """Jane's SkillProfile: PyTorch, Java, Python, TensorFlow stated; deep learning implied by PyTorch."""
    from skillgap.documents.model import Document, Section
    from skillgap.extract.model import SkillProfile

    doc = Document(source=source, kind="resume", text=text, sections=(Section("experience", "Experience", 9, 113),))
    mentions = (
        mention(text, "pytorch", "PyTorch"),
        mention(text, "deep-learning", "PyTorch", method="implied", implied_by="pytorch"),
        mention(text, "java", "Java"),
        mention(text, "python", "Python", section="skills"),
        mention(text, "tensorflow", "TensorFlow", section="skills"),
    )
    return SkillProfile(document=doc, mentions=mentions, taxonomy=taxonomy)


def gap_report(taxonomy, *, source: str = "cands/jane.pdf", statuses: dict[str, str] | None = None, score: float = 62.5):
    """A hand-built GapReport against the tiny-ml role: python matched, kotlin transferable from
    java, pytorch matched, deep-learning implied by pytorch (``statuses`` overrides statuses)."""
    from skillgap.gap import GapReport, RequirementResult

    prof = profile(taxonomy, source=source)
    by_skill = {m.skill_id: m for m in prof.mentions}
    plan = [
        ("python", "Programming", "required", 1.0, "matched", 1.0, None, None),
        ("kotlin", "Programming", "preferred", 0.5, "transferable", 0.25, "java", None),
        ("pytorch", "Modelling", "required", 2.0, "matched", 1.0, None, None),
        ("deep-learning", "Modelling", "required", 2.0, "implied", 0.5, "pytorch", 2.0),
    ]
    results = []
    for skill_id, area, importance, weight, status, credit, via, years in plan:
        status = (statuses or {}).get(skill_id, status)
        if status == "missing":
            credit, via = 0.0, None
        evidence = () if status == "missing" else ((by_skill[via],) if via else (by_skill[skill_id],))
        results.append(
            RequirementResult(
                skill_id=skill_id, label=taxonomy[skill_id].label, category=area, importance=importance, weight=weight,
                status=status, credit=credit, via=via, evidence=evidence, years=years,
            )
        )
    return GapReport(
        candidate=prof, job="Tiny ML Engineer", results=tuple(results), extra=("tensorflow",), score=score,
        required_coverage=0.8, preferred_coverage=0.25, coverage={"Programming": 0.75, "Modelling": 0.6},
    )
