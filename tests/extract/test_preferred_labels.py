"""Preferred labels in running posting text ("Nice To Haves - ...", "Optional (not required): ..."):
each opens a span running forward to the next heading label, required cue or paragraph end.
Sentences from the Vanetik vacancies (pairs/vanetik_vacancy_resume/5_vacancies.csv)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from skillgap.extract import SkillExtractor


def _importance(extractor: SkillExtractor, text: str) -> list[tuple[str, str | None]]:
    return [(m.skill_id, m.importance) for m in extractor.extract(text, kind="posting").mentions if m.method != "implied"]


def test_nice_to_haves_label_runs_to_the_next_heading(extractor: SkillExtractor) -> None:
    # vacancy 3: one paragraph, " - " bullets; "What's In It for You -" (a posting heading) ends the span
    text = (
        "Experience with messaging frameworks such as RabbitMQ, Redis - Experience in Test Driven Development - "
        "Knowledge of Agile practices Nice To Haves - Experience with Docker - Experience with Drupal - "
        "Experience with Elastic Search - Experience with HTML, CSS, JavaScript What's In It for You - "
        "$100,000-$130,000 Base - Vacation/PTO - Medical - Dental - Vision"
    )
    assert _importance(extractor, text) == [("javascript", "preferred")]


def test_label_with_bracket_keeps_its_sub_heading_and_stops_at_a_colon_label(extractor: SkillExtractor) -> None:
    # vacancy 1: "(Not Required)" belongs to the label; "Security & Networking:" right after it is its
    # sub-heading; "Department:" inside the running text ends the span
    text = (
        "Bachelor's degree in computer science, web services, or related technical field preferred. Secret clearance "
        "Additional Experience (Not Required): Security & Networking: IPv4, IPv6, tcpdump, PKI, SSL, IPSec, etc. "
        "Relational databases, especially MySQL or PostgreSQL Department: Information Technology. Python"
    )
    assert _importance(extractor, text) == [("mysql", "preferred"), ("postgresql", "preferred"), ("python", "required")]


def test_a_required_cue_after_the_label_ends_the_span(extractor: SkillExtractor) -> None:
    # vacancy 3's "Nice To Haves" list followed by vacancy 2's required skills line
    text = "Nice To Haves - Experience with HTML, CSS, JavaScript Skills required for the position: PYTHON, Java , C++, SQL, UNIX."
    assert _importance(extractor, text) == [("javascript", "preferred"), ("python", "required"), ("java", "required"), ("cpp", "required"), ("sql", "required")]


def test_no_label_without_colon_dash_or_a_line_of_its_own(extractor: SkillExtractor) -> None:
    # vacancy 2: "C++ is optional." is an ordinary cue; a line ending in "preferred" is no label for the next line
    assert _importance(extractor, "Skills required for the position: PYTHON, JAVA; C++ is optional.") == [
        ("python", "required"), ("java", "required"), ("cpp", "preferred"),
    ]
    assert _importance(extractor, "Experience with Kubernetes preferred\nExperience with Python and SQL") == [
        ("kubernetes", "preferred"), ("python", "required"), ("sql", "required"),
    ]


def test_label_on_its_own_line_runs_to_the_blank_line(extractor: SkillExtractor) -> None:
    text = "Experience with Python\nOptional\nPyTorch\nKubernetes\n\nExperience with SQL"
    assert _importance(extractor, text) == [("python", "required"), ("pytorch", "preferred"), ("kubernetes", "preferred"), ("sql", "required")]


@pytest.fixture(scope="module")
def vacancies(shared_data: Path) -> list[str]:
    return pd.read_csv(shared_data / "pairs" / "vanetik_vacancy_resume" / "5_vacancies.csv")["job_description"].tolist()


def test_vanetik_vacancies_preferred_sets(vacancies: list[str]) -> None:
    shipped = SkillExtractor()

    def preferred(text: str) -> list[str]:
        return sorted({m.skill_id for m in shipped.extract(text, kind="posting").mentions if m.importance == "preferred" and m.method != "implied"})

    assert preferred(vacancies[3]) == ["css", "docker", "drupal", "elasticsearch", "html", "javascript"]
    # "UNIX. database programming Optional (not required): financial product knowledge Detailed Info: To do
    # software development ... Python is first choice, but also C++ and Java": the label does not look back
    # to "programming" and its span ends at "Info:"; only the closing "C++ is optional." is preferred
    assert preferred(vacancies[2]) == ["c-plus-plus"]


def test_a_full_stop_glued_to_a_bracket_ends_no_clause(extractor: SkillExtractor) -> None:
    # posting 025: "etc.)" is no sentence end, so the trailing cue reaches the list
    text = "Expertise in python, scikit-learn, and pandas\nExperience with Deep learning frameworks (FastAI , Keras, PyTorch etc.) preferred\nSQL"
    assert _importance(extractor, text) == [
        ("python", "required"), ("scikit-learn", "required"), ("deep-learning", "preferred"), ("pytorch", "preferred"), ("sql", "required"),
    ]


def test_a_glued_dash_makes_no_label(extractor: SkillExtractor) -> None:
    assert _importance(extractor, "Optional-extras team. Experience with Python") == [("python", "required")]
    assert _importance(extractor, "Optional - extras team. Experience with Python") == [("python", "preferred")]
