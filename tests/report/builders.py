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
