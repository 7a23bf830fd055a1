"""Context rules on real sentences from the dev postings and résumés: ambiguous names both
ways, negation, required / preferred cues and years."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from skillgap.documents import Document, Section
from skillgap.extract import SkillExtractor, context


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # posting 005 / 003 / 006 / 013: ambiguous names in lists of languages
        ("Knowledge of one or more programming languages; preferably Python, SAS or R", ["python", "sas", "r"]),
        ("Proficient in Java or Scala (3+ years experience recommended)", ["java", "scala"]),
        ("Experience with R, Java, or other programming languages.", ["r", "java"]),
        ("SQL, Java or C/C++.", ["sql", "java", "c", "cpp"]),
        ("Fundamental knowledge of R and/or SAS languages", ["r", "sas"]),
        ("Experience with MySQL, ElasticSearch, ESB, Hadoop, Spark, or other related data processing/database technologies", ["mysql", "hadoop", "apache-spark"]),
        # résumé (OmkarResume): a skills line
        ("Programming Languages: Python, C, PHP, C++, Shell Script", ["python", "c", "cpp"]),
        ("R programming and the Go language", ["r", "go"]),
        ("Microsoft Excel(R) is a trademark.", ["excel"]),
        ("Unit testing, Java or Spark required", ["software-testing", "java", "apache-spark"]),
        ("Python, testing, Linux", ["python", "software-testing", "linux"]),
        # posting 003: "(C" opens a list, it is no "(C)" enumerator
        ("optimized procedures for computationally intensive tasks (C, C++, Cuda-C)", ["c", "cpp"]),
        # posting 021, hard-wrapped: the line break after "and" does not end the list
        ("Advanced knowledge of Big Data technologies such as Hadoop, Hive/Impala and\nSpark;", ["hadoop", "apache-spark"]),
        # SkillSpan tag lines: lower-case names between other skills, no separators
        ("Technologies reactjs javascript java python", ["javascript", "java", "python"]),
        ("spring java spring-mvc", ["spring", "java"]),
        ("Experience with Java Spring Boot and/or NodeJs technologies", ["java", "spring", "node-js"]),
        # a skill word right after the name; a bulleted line holding the name alone
        ("18months good B2B sales experience", ["sales"]),
        ("Requirements:\n* Java\n* Team Work", ["java", "collaboration"]),
        # posting 032: the first item of a list of two more skills, after a word that is no separator
        ("modern engineering practices namely Spark, Hadoop and Linux.", ["apache-spark", "hadoop", "linux"]),
        ("practices namely Java, SQL or Scala", ["java", "sql", "scala"]),
        # a slash pair names both, the list's last item before a word that is no separator included
        ("Built reports in MySQL/Excel for the finance team", ["mysql", "excel"]),
        ("languages such as Python/Java/Go for building automation", ["python", "java", "go"]),
        ("languages such as Python / Java etc. Detail-oriented thinker", ["python", "java"]),
        # the parts of a skill in parentheses right after it (one word between at most)
        ("Proficient in Statistics packages (SAS and Excel).", ["statistics", "sas", "excel"]),
    ],
)
def test_ambiguous_names_count_in_context(ids, text: str, expected: list[str]) -> None:
    assert ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # posting 006, 003, 017 and the gold traps
        "Get your sweat on at one of our fitness classes or go for a run along the beach which is two blocks away.",
        "Go for a run along the beach.",
        "Experience in both R&D and commercial software product development environment is a plus",
        "You will present findings to the C-suite and senior leadership teams.",
        "(c) consistent with the contractor's legal duty to furnish information.",
        "OMKAR PATHAK · RÉSUMÉ",
        "Candidates who excel at communication and spark curiosity in others.",
        "We use R.",
        # posting 015 and résumé Prashant_Bhat: "testing" as a modifier's head, not a list item
        "Solid statistical skills, such as distributions, statistical testing, regression, etc.",
        "Design, Development, Analysis, and Testing of engine components",
        # Green et al.: "sales" in prose, and a capital "Spring" that is the season
        "Generate sponsorship sales revenue in line with agreed targets",
        "Our Spring intake starts in March.",
        "Java",
        "go, java",
        # résumé OmkarResume: a list of verbs whose object is a skill is no list of skills
        "• Enhancing, auditing and maintaining custom data ingestion framework",
        # a slash or parentheses next to no skill
        "Worked as SAP R/3 consultant",
        "Serviced the AC/R units weekly",
        "Chaired the Go/No-Go decisions for each launch",
        "Played Go (the board game) at weekends",
    ],
)
def test_ambiguous_names_without_context_are_not_skills(ids, text: str) -> None:
    assert [i for i in ids(text) if i not in ("leadership", "regression", "data-ingestion")] == []


def test_a_letter_glued_by_a_slash_to_another_letter_is_an_initialism(ids, extractor: SkillExtractor) -> None:
    # field tests (FERR bookkeepers, DataTurks SAP consultants): accounts receivable, a letter of credit, carry-forward forms
    assert ids("Process payroll, A/P, A/R, G/L in SQL and Python") == ["sql", "python"]
    assert ids("Knowledge of L/C documentation, SQL and Python") == ["sql", "python"]
    assert ids("Purchase TAX Reports, C/F Forms, Java, Python") == ["java", "python"]
    text = "Skills\nA/P, A/R, SQL\nPython/R, C/C++\n"
    document = Document(source="cv", kind="resume", text=text, sections=(Section("skills", "Skills", 0, len(text)),))
    assert list(extractor.extract(document).skill_ids) == ["sql", "python", "r", "c", "cpp"]


def test_a_list_opened_by_a_name_needs_two_more_skills(ids) -> None:
    assert ids("They know Go, Python in hand") == ["python"]
    assert ids("They know Go, Python and Java") == ["go", "python", "java"]


def test_ambiguous_name_counts_in_a_skills_section(extractor: SkillExtractor) -> None:
    text = "Skills\nR\nGo\nExcel\nExperience\nGo for it. Excel\n"
    document = Document(source="cv", kind="resume", text=text, sections=(Section("skills", "Skills", 0, 17), Section("experience", "Experience", 17, len(text))))
    mentions = extractor.extract(document).mentions
    assert [(m.skill_id, m.start, m.section) for m in mentions] == [("r", 7, "skills"), ("go", 9, "skills"), ("excel", 12, "skills")]


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("No experience with Java or Spark required; we teach you.", ["java", "apache-spark"]),
        ("Python is a must. Hadoop not required.", ["hadoop"]),
        ("Knowledge of SQL is not necessary, Python is.", ["sql"]),
        ("You will work without Hadoop, using PostgreSQL.", ["hadoop"]),
        # EEO boilerplate: "without" that governs no skill
        ("work as a team member without daily supervision using Python and SQL", []),
    ],
)
def test_negation(extractor: SkillExtractor, text: str, negated: list[str]) -> None:
    profile = extractor.extract(text, kind="posting")
    assert [m.skill_id for m in profile.mentions if m.negated] == negated
    assert not set(negated) & set(profile.skill_ids)


def test_required_and_preferred_cues_in_postings(extractor: SkillExtractor) -> None:
    # posting 016: "Python (preferred) and R"; posting 012: "preferred Python, R, C++"
    text = (
        "Must have strong SQL skills.\n"
        "Programming experience (preferred Python, R, C++) preferably in Linux environments\n"
        "MATLAB required, Hadoop a plus."
    )
    profile = extractor.extract(text, kind="posting")
    assert [(m.skill_id, m.importance) for m in profile.mentions if m.method != "implied"] == [
        ("sql", "required"),
        ("python", "preferred"),
        ("r", "preferred"),
        ("cpp", "preferred"),
        ("linux", "preferred"),
        ("matlab", "required"),
        ("hadoop", "preferred"),
    ]


def test_preferred_section_and_resumes_have_no_importance(extractor: SkillExtractor) -> None:
    text = "Requirements\nSQL and Python\nPreferred Qualifications\nFamiliarity with major cloud platforms such as AWS and Azure\n"
    cut = text.index("Preferred")
    document = Document(source="p", kind="posting", text=text, sections=(Section("requirements", "Requirements", 0, cut), Section("preferred", "Preferred Qualifications", cut, len(text))))
    assert [(m.skill_id, m.importance) for m in extractor.extract(document).mentions] == [
        ("sql", "required"), ("python", "required"), ("aws", "preferred"), ("azure", "preferred"),
    ]
    assert {m.importance for m in extractor.extract(text, kind="resume").mentions} == {None}


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("3+ years of experience with Python", {"python": 3.0}),
        ("Proficient in Java or Scala (3+ years experience recommended)", {"java": None, "scala": 3.0}),
        ("5 years of SQL and Python. MATLAB", {"sql": 5.0, "python": 5.0, "matlab": None}),
        ("Python (2.5 yrs), SQL", {"python": 2.5, "sql": None}),
    ],
)
def test_years(extractor: SkillExtractor, text: str, years: dict[str, float | None]) -> None:
    assert {m.skill_id: m.years for m in extractor.extract(text).mentions if m.method != "implied"} == years


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("3+ years of experience", [(0, 8, 3.0)]),
        ("Python (2 to 3 yrs), SQL 1.5 Years", [(8, 18, 2.0), (25, 34, 1.5)]),
        ("5-7 YEARS and 10 +  years", [(0, 9, 5.0), (14, 25, 10.0)]),
        ("6YR3 yearly 2019 years", [(14, 22, 19.0)]),  # no phrase where the word goes on; "2019" gives its last two digits
        ("x6YR3t+T26years\tYR14\teyears", [(8, 15, 26.0)]),  # a phrase right after a word that is none
    ],
)
def test_years_phrases_are_the_regex_s(text: str, phrases: list[tuple[int, int, float]]) -> None:
    """`Years` reads the text only around the words "year" / "yr", and finds what the whole scan does."""
    assert context._years_phrases(text) == phrases == [(m.start(), m.end(), float(m.group(1))) for m in context._YEARS.finditer(text)]


def test_years_phrases_of_real_texts(shared_data: Path) -> None:
    """The same phrases as the whole scan in every dev posting and résumé text."""
    csv.field_size_limit(10_000_000)
    with open(shared_data / "job_postings/glassdoor_ds_jobs__dev.csv", encoding="utf-8", newline="") as fh:
        texts = [row["Job Description"] for row in csv.DictReader(fh)]
    lines = (shared_data / "skill_annotations/dataturks_resume_ner/traindata.json").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["content"] for line in lines if line.strip()]
    found = [context._years_phrases(t) for t in texts]
    assert found == [[(m.start(), m.end(), float(m.group(1))) for m in context._YEARS.finditer(t)] for t in texts]
    assert sum(map(len, found)) > 1000
