"""Text in a document that is not about the work (issue 13, class 6): the employer's description,
legal boilerplate and a posting's form fields give no skill; the same words about the work do.
On the shipped taxonomy, matcher and context rules alone (verify=False)."""

from __future__ import annotations

import pytest

from skillgap.extract import SkillExtractor


@pytest.fixture(scope="module")
def rules_only() -> SkillExtractor:
    """The shipped taxonomy's matcher and context rules, without the verifier."""
    return SkillExtractor(verify=False)


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        # a phrase that can describe an employer, used about the work (review of the company rule)
        ("resume", "Played a leading role in building Python ETL pipelines and machine learning models", ["python", "etl", "machine-learning"]),
        ("resume", "Make recommendations backed by statistical analysis and SQL queries", ["statistics", "sql"]),
        ("resume", "Supported customers such as Walmart with SQL reporting and Tableau dashboards.", ["sql", "tableau", "business-intelligence"]),
        ("posting", "Our mission-critical systems run on Java and Kubernetes.", ["java", "kubernetes"]),
        ("posting", "You will join a team on a mission to build machine learning models in Python.", ["model-development", "machine-learning", "python"]),
        ("posting", "In our team you will play a leading role in building Python ETL pipelines.", ["python", "etl"]),
        # the same phrases where the employer is their subject: the clause describes the company
        ("posting", "Acme is a leading provider of machine learning software.", []),
        ("posting", "Acme, a leading provider of machine learning software, is hiring.", []),
        ("posting", "Backed by top investors, we build machine learning tools in Python.", []),
        ("posting", "We are backed by investors such as Salesforce.", []),
        ("posting", "At Acme, we're on a mission to make machine learning simple.", []),
        ("posting", "Our clients such as Salesforce use Tableau dashboards.", []),
        ("resume", "Accenture is a leading provider of Salesforce and SAP consulting.", []),
        # the employer giving: its service or its perks (field-test education postings, seed 1357)
        ("posting", "At Think Academy, we provide full cycle service to foster local children's ability to think critically.", []),
        ("posting", "We specialise in ESL recruitment, providing mentorship, training, and job placement support.", []),
        ("posting", "We offer a flexible working environment where curious and adaptable people thrive.", []),
        # the employer saying what it is: a name or "we", a copula, words ending in a company noun
        # (the 529 dev texts, 16 postings; field seed 8501)
        ("posting", "*Rainmaker is a search firm focused in Finance, Accounting, Risk & Compliance and Business Intelligence recruiting.", []),
        ("posting", "D3P is a next generation machine learning pipeline platform providing data enrichment.", []),
        ("posting", "T. Rowe Price is a global investment management firm using machine learning.", []),
        ("posting", "We're a highly cross-functional organization and encourage as much collaboration as possible.", []),
        ("resume", "Chef Software is the industry leader in IT automation and DevOps solutions.", []),
        # a function word inside, a lower-case subject, the name before the verb, another clause: asked
        ("posting", "The Data Engineer is a member of the company who writes Python and SQL.", ["python", "sql"]),
        ("posting", "Our data team is a group of engineers writing Python.", ["python"]),
        ("posting", "We are building world-class Big Data platform which will enable machine learning.", ["big-data", "machine-learning"]),
        ("posting", "Python is the company standard for our tools.", ["python"]),
        ("posting", "Python is a must; we are a machine learning company.", ["python"]),
        ("posting", "Acme is looking for a Data Scientist with Python and SQL experience.", ["python", "sql"]),
        # the next clause asks again; "provide" without the employer is a duty
        ("posting", "We offer mentorship. You will provide leadership and communicate with parents.", ["leadership", "communication"]),
    ],
)
def test_employer_phrases_drop_skills_only_where_they_describe_the_employer(rules_only, kind: str, text: str, expected: list[str]) -> None:
    assert list(rules_only.extract(text, kind=kind).skill_ids) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # field-test postings: equal-opportunity, E-Verify and accommodation statements
        ("All qualified applicants will receive consideration for employment without regard to race, color, religion, sex, national origin, disability, or any other classification protected by law.", []),
        ("E-Verify Poster (English)", []),
        ("If you need a reasonable accommodation for any part of the employment process, please contact your local Human Resources Business Partner.", []),
        # consent to the employer's contact (field seed 1010), and the same words as an ask
        ("By applying, you agree to receiving telephone, text and email communication.", []),
        ("Requirements: clear communication with parents. You agree to travel.", ["communication"]),
        # the next sentence asks again, and the same words outside such a statement are skills
        ("We are an equal opportunity employer. Requirements: Python, SQL and classification models.", ["python", "sql", "classification"]),
        # a long list of grounds between the legal phrase and the name (Glassdoor dev posting; the
        # skills line makes "classification" a machine-learning word in this document)
        (
            "Skills: machine learning, regression, deep learning.\nWe provide equal treatment without discrimination on the basis of race, religion, creed, colour,"
            " national origin, sex, gender, age, mental or physical disability, marital status, sexual orientation, gender identity or expression, citizenship"
            " status, military or veteran status, pregnancy, or any other classification protected by country, federal, state, or local law.",
            ["machine-learning", "regression", "deep-learning"],
        ),
        ("Experience with Human Resources and classification models.", ["human-resources", "classification"]),
    ],
)
def test_legal_boilerplate_asks_for_no_skill(rules_only, text: str, expected: list[str]) -> None:
    assert list(rules_only.extract(text, kind="posting").skill_ids) == expected


def test_form_fields_of_a_posting_ask_for_no_skill(rules_only) -> None:
    # a metadata block, two fields on one line; the requirements line after it still asks
    block = "Job classification: hourly\nManages others: No\nSectors: Data and Business Intelligence\nTravel: 10% Department: Machine Learning\nReports To: VP, Data Engineering\nRequirements: Python, SQL"
    assert list(rules_only.extract(block, kind="posting").skill_ids) == ["python", "sql"]
    # a bulleted field ends at its line; a field label inside a sentence is no field
    assert list(rules_only.extract("• Location: Remote\n• Experience with Tableau and SQL", kind="posting").skill_ids) == ["tableau", "sql"]
    assert list(rules_only.extract("Strong background in the retail industry: merchandising, sales and marketing.", kind="posting").skill_ids) == ["sales", "marketing"]
    # a résumé's "Department:" names the candidate's own field
    assert list(rules_only.extract("Department: Computer Science\nSkills: Python", kind="resume").skill_ids) == ["computer-science", "python"]
    assert list(rules_only.extract("Department: Computer Science\nSkills: Python", kind="posting").skill_ids) == ["python"]


@pytest.mark.parametrize("bullet", ["•", "●", "*", "-", "o"])
def test_a_form_field_after_a_bullet_of_the_cues_asks_for_no_skill(rules_only, bullet: str) -> None:
    """The line-start test of form fields reads `cues.bullets`, as the bulleted-line rules do."""
    assert list(rules_only.extract(f"{bullet} Department: Machine Learning\n{bullet} Experience with SQL", kind="posting").skill_ids) == ["sql"]


def test_a_mark_that_is_no_bullet_opens_no_form_field(rules_only) -> None:
    """A quote mark is no bullet: the line is a sentence about the department, not a form's field."""
    assert list(rules_only.extract("> Department: Machine Learning", kind="posting").skill_ids) == ["machine-learning"]
