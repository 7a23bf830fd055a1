"""A small fixture taxonomy (written to a temp folder) and an extractor built on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.extract import SkillExtractor
from skillgap.taxonomy import Taxonomy, load_taxonomy

FIXTURE_SKILLS = """
category: Programming
skills:
  - {id: python, label: Python}
  - id: r
    label: R
    aliases: [R programming, R language]
    ambiguous: [R]
    patterns: [[{ORTH: R}, {LOWER: {IN: [studio, shiny]}}]]
  - {id: go, label: Go, aliases: [Golang], ambiguous: [Go]}
  - {id: c, label: C, ambiguous: [C], patterns: [[{ORTH: C}, {ORTH: "/"}, {ORTH: "C++"}]]}
  - {id: cpp, label: C++, aliases: [cpp]}
  - {id: csharp, label: "C#", aliases: [csharp]}
  - {id: dotnet, label: .NET, aliases: [dotnet]}
  - {id: java, label: Java, ambiguous: [Java]}
  - {id: scala, label: Scala, ambiguous: [Scala]}
  - {id: sas, label: SAS, ambiguous: [SAS]}
  - {id: sql, label: SQL}
  - {id: matlab, label: MATLAB}
  - {id: node-js, label: Node.js, implies: [javascript]}
  - {id: javascript, label: JavaScript, aliases: [JS]}
  - {id: ci-cd, label: CI/CD, aliases: [continuous integration]}
  - {id: ab-testing, label: A/B testing}
  - {id: apache-spark, label: Apache Spark, aliases: [Spark, PySpark], ambiguous: [Spark]}
  - {id: excel, label: Excel, aliases: [MS Excel, Microsoft Excel], ambiguous: [Excel]}
  - {id: scikit-learn, label: scikit-learn, aliases: [sklearn], implies: [machine-learning, python]}
  - {id: machine-learning, label: Machine Learning}
  - {id: deep-learning, label: Deep Learning, implies: [machine-learning]}
  - {id: pytorch, label: PyTorch, implies: [deep-learning, python]}
  - {id: tensorflow, label: TensorFlow, implies: [deep-learning]}
  - {id: kubernetes, label: Kubernetes, aliases: [k8s]}
  - {id: postgresql, label: PostgreSQL, aliases: [Postgres]}
  - {id: mysql, label: MySQL}
  - {id: hadoop, label: Hadoop}
  - {id: linux, label: Linux}
  - {id: aws, label: Amazon Web Services, aliases: [AWS]}
  - {id: azure, label: Microsoft Azure, aliases: [Azure]}
  - {id: statistics, label: Statistics}
  - {id: leadership, label: Leadership, kind: soft}
  - {id: rest-api, label: REST APIs, aliases: [REST, API]}
  - {id: software-testing, label: Software Testing, aliases: [testing, unit testing], ambiguous: [testing]}
  - {id: regression, label: Regression}
  - {id: unsupervised-learning, label: Unsupervised Learning, aliases: [unsupervised machine learning, clustering]}
  - {id: spring, label: Spring, aliases: [Spring Boot], ambiguous: [Spring]}
  - {id: sales, label: Sales, kind: knowledge, ambiguous: [Sales]}
  - {id: collaboration, label: Collaboration, kind: soft, aliases: [teamwork, Team Work]}
  - {id: data-warehousing, label: Data Warehousing, aliases: [data warehouse]}
  - {id: accounting, label: Accounting, kind: knowledge, aliases: [Auditing], ambiguous: [Auditing]}
  - {id: data-ingestion, label: Data Ingestion}
"""


@pytest.fixture(scope="session")
def fixture_taxonomy(tmp_path_factory: pytest.TempPathFactory) -> Taxonomy:
    folder: Path = tmp_path_factory.mktemp("taxonomy")
    (folder / "skills.yaml").write_text(FIXTURE_SKILLS, encoding="utf-8")
    return load_taxonomy(folder)


@pytest.fixture(scope="session")
def extractor(fixture_taxonomy: Taxonomy) -> SkillExtractor:
    """The matcher and its context rules alone (verify=False): tests/extract/test_verify.py checks the verifier."""
    return SkillExtractor(fixture_taxonomy, verify=False)


@pytest.fixture(scope="session")
def ids(extractor: SkillExtractor):
    """Stated skill ids of a text, in order of first mention."""

    def run(text: str, kind: str = "resume") -> list[str]:
        return list(extractor.extract(text, kind=kind).skill_ids)

    return run
