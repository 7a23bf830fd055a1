"""A tiny fixture taxonomy and a profile builder: the gap logic tested without the extractor."""

from __future__ import annotations

import pytest

from skillgap.extract.model import SkillProfile
from skillgap.taxonomy import Taxonomy, load_taxonomy

from .profiles import make_profile

FIXTURE_YAML = """
category: Fixture
skills:
  - {id: python, label: Python}
  - {id: sql, label: SQL}
  - {id: deep-learning, label: Deep Learning}
  - {id: pytorch, label: PyTorch, implies: [deep-learning, python], related: [tensorflow]}
  - {id: tensorflow, label: TensorFlow, implies: [deep-learning, python]}
  - {id: aws, label: AWS, group: cloud}
  - {id: gcp, label: GCP, group: cloud}
  - {id: docker, label: Docker}
  - {id: communication, label: Communication, kind: soft}
"""

ROLE_YAML = """
id: test-role
label: Test Role
areas:
  - name: Programming
    weight: 2.0
    skills: [python, {skill: sql, importance: preferred, weight: 0.5}]
  - name: ML
    skills: [deep-learning, {skill: pytorch, years: 2}]
  - name: Cloud
    skills: [aws]
"""


@pytest.fixture(scope="session")
def taxonomy(tmp_path_factory: pytest.TempPathFactory) -> Taxonomy:
    folder = tmp_path_factory.mktemp("taxonomy")
    (folder / "skills.yaml").write_text(FIXTURE_YAML, encoding="utf-8")
    (folder / "role.yaml").write_text(ROLE_YAML, encoding="utf-8")
    return load_taxonomy(folder)


@pytest.fixture()
def profile_of(taxonomy: Taxonomy):
    def build(*items: str | tuple[str, dict], source: str = "cand.txt", kind: str = "resume") -> SkillProfile:
        norm = [(i, {}) if isinstance(i, str) else i for i in items]
        return make_profile(taxonomy, norm, source=source, kind=kind)

    return build

