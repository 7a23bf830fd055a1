"""What a posting asks (years, degree, certifications) and months of experience per skill."""

from __future__ import annotations

from datetime import date

import pytest

from skillgap import SkillExtractor, read_document
from skillgap.documents.asks import read_asks
from skillgap.documents.career import read_career
from skillgap.extract.experience import skill_months, years_asked

POSTING = """Data Engineer
Requirements
- 5+ years of professional experience in data engineering.
- Three years of experience with Python, SQL and Docker.
- Bachelor's degree in Computer Science, Statistics or a related field, or equivalent experience.
- MS or PhD is a plus.
- Active TS/SCI security clearance required.
- CISSP certification required.
Benefits
- We pay for your AWS Certified Solutions Architect exam.
"""


@pytest.fixture(scope="module")
def extractor():
    return SkillExtractor()


def test_posting_asks_degree_preferred_degree_and_certifications():
    asks = read_asks(read_document(POSTING, kind="posting"))
    assert [(y.years, y.preferred) for y in asks.years] == [(5.0, False), (3.0, False)]
    assert asks.degree is not None
    assert (asks.degree.level, asks.degree.required, asks.degree.fields) == ("bachelor", False, ("Computer Science", "Statistics"))
    assert asks.preferred_degree is not None and asks.preferred_degree.level == "master"
    assert [c.name for c in asks.certifications] == ["CISSP"]  # the clearance and the perk are not asked for


def test_lowest_alternative_is_the_degree_asked():
    asks = read_asks(read_document("Qualifications\nMS/PhD in Statistics; or BS with several years of applied experience\n", kind="posting"))
    assert asks.degree is not None and (asks.degree.level, asks.degree.required) == ("bachelor", True)


def test_overall_years_and_years_per_skill(extractor):
    posting = extractor.extract(read_document(POSTING, kind="posting"))
    asked = years_asked(posting, read_asks(posting.document))
    assert asked.min_years == 5.0
    assert asked.per_skill == {"data-engineering": 5.0, "python": 3.0, "sql": 3.0, "docker": 3.0}


def test_years_only_about_skills_give_no_overall_minimum(extractor):
    text = "Requirements\nAt least 3 years of experience with REST APIs using Python or Go\n"
    posting = extractor.extract(read_document(text, kind="posting"))
    asked = years_asked(posting, read_asks(posting.document))
    assert asked.min_years is None
    assert asked.per_skill == {"rest-apis": 3.0, "python": 3.0, "go": 3.0}


def test_a_role_name_is_not_a_skill_with_years(extractor):
    text = "Requirements\n3+ years of full-time experience working as a Machine Learning Engineer\n"
    posting = extractor.extract(read_document(text, kind="posting"))
    asked = years_asked(posting, read_asks(posting.document))
    assert (asked.min_years, asked.per_skill) == (3.0, {})


@pytest.mark.parametrize(
    ("text", "min_years", "per_skill"),
    [
        # the skill before the number owns it (Indeed's "Experience:" lists, "X (N years)")
        ("Requirements\n- Python: 3 years (Required)\n- SQL (2+ years)\n- Experience: 5 years\n", 5.0, {"python": 3.0, "sql": 2.0}),
        ("About us\nOur founder (age: 45 years) started it\n", None, {}),  # no skill, no experience word
        # a number with its other spelling in brackets
        ("Requirements\n- Two (2) years of professional experience\n- 3 (three) years of experience with SQL\n", 2.0, {"sql": 3.0}),
        # a part of the years of its clause is no minimum of its own
        ("Requirements\n- 4 years of professional experience, including at least one year with SQL\n", 4.0, {"sql": 1.0}),
        # substitutions and tenures ask nothing
        ("Requirements\n- Requires 4-8 years of relevant experience. May substitute a Masters degree for two years experience.\n", 4.0, {}),
        ("Benefits\nThe vacation accrual rate is 13 days for the first three years of employment\n", None, {}),
        ("Requirements\n- Minimum of two years' experience with Python\n", None, {"python": 2.0}),
        # a degree's fields are no skills of the years; a skill after the years and the degree is
        ("Requirements\n- 3 years of experience with a Bachelor's Degree in Mathematics or Statistics\n", 3.0, {}),
        ("Requirements\n- Bachelor's degree and 3+ years of experience with Python\n", None, {"python": 3.0}),
        # a list of fields is no list of skills; an award's years ask nothing
        ("Requirements\n- Bachelor's degree and 3 years of work experience in a statistical, physics, economics or related quantitative field\n", 3.0, {}),
        ("Requirements\n- 15+ years of experience in data science or a related field\n- 3+ years of experience with Python\n", 15.0, {"python": 3.0}),
        ("About us\nNamed a Best Place to Work two years in a row\n", None, {}),
        # a years line heading a list: the list's skills get its years
        ("Requirements\n- 3+ years of experience with the following:\n  - Python\n  - SQL\nAbout us\nWe have offices in 3 countries\n", 3.0, {"python": 3.0, "sql": 3.0}),
        # a number opening its requirement line asks without an experience word (glassdoor shapes);
        # a sentence of the company's story, a degree's length or a tenure label's value does not
        ("Qualifications\n• 1 - 5 years in Data Analytics\n• 2+ years in an Analyst role\n", 2.0, {"data-analysis": 1.0}),
        ("Qualifications\n2. 2+ years of SQL knowledge and database\n5. 3+ years in business analytics based roles within a business unit\n", 3.0, {"sql": 2.0}),
        ("Qualifications\nMinimum of 5 years in education in a K-12 setting\n", 5.0, {}),
        ("About us\nWe hire well. Ten years from now, it'll look silly to hire any other way.\n", None, {}),
        ("Qualifications\n• Four year degree in Computer Science or an equivalent combination of education and experience\n", None, {}),
        ("About The Job\nDuration\n\n2 years, plus 3 months training\n", None, {}),
        # a list flattened into one line by the scraper: an asterisk glued to a word ends a clause
        ("We're looking for teammates who have:* 5+ years of experience* Comfort writing SQL queries* Facility with Python or R\n", 5.0, {}),
        ("At a minimum, you'll need:* Bachelor's degree or equivalent related work or military experience* 1 year of experience with Python\n", None, {"python": 1.0}),
        # a purpose clause after the years names no skill of them; "to" before a skill does not open one
        ("About the role\nWe are looking for a Data Scientist with 3-5 years of overall experience to help evolve our data platform for reporting and analytics needs.\n", 3.0, {}),
        ("Requirements\n- 3+ years of exposure to Python\n", None, {"python": 3.0}),
        # a soft skill's verb after "to" opens a purpose: the problems solved are not what the years are about
        ("Qualifications\n2+ years applying statistical and machine-learning methods to solve business problems\n", 2.0, {"machine-learning": 2.0}),
        # "or related major" ends a list of fields
        ("Qualifications\n- BS with 5 years’ experience in Computer Science, Chemistry, Biology, Applied Statistics or related major\n", 5.0, {}),
        # a list of fields starts at its last "in": the skill before it keeps the years
        ("Qualifications\n- 4-6 years of experience building data pipelines, has a Masters degree in Statistics, Mathematics or another quantitative field\n", None, {"etl": 4.0}),
        # a requirement of its own after "and" or a comma: its skills are not the years'
        ("Requirements\n- A minimum of 5 years of experience and should be proficient in the use of Power BI, Tableau and Python\n", 5.0, {}),
        ("Requirements\n- 5 years of experience with Python, and must know SQL\n", None, {"python": 5.0}),
    ],
)
def test_years_statement_forms(extractor, text, min_years, per_skill):
    posting = extractor.extract(read_document(text, kind="posting"))
    asked = years_asked(posting, read_asks(posting.document))
    assert (asked.min_years, asked.per_skill) == (min_years, per_skill)


@pytest.mark.parametrize(
    ("text", "preferred", "min_years", "per_skill"),
    [
        # a later part of the clause, after a comma, with a preference of its own: the statement is
        # required, and that part's skills are not the years'
        ("Requirements\n- Minimum 2 years experience as a Data Scientist, prior software development experience is a plus\n", [False], 2.0, {}),
        ("Requirements\n- 5+ years of industry experience in applying machine learning, preferably on security products\n", [False], 5.0, {"machine-learning": 5.0}),
        ("Requirements\n- Minimum of 5 years of relevant work-related experience, 10+ years preferred\n", [False, True], 5.0, {}),
        ("Requirements\n- 4+ years of experience with data pipelines and, ideally, 2+ years of Kafka\n", [False, True], None, {"etl": 4.0, "apache-kafka": 2.0}),
        # a lone marker ending the clause is the statement's own
        ("Requirements\n- 3 years of teaching experience, preferred\n", [True], None, {"teaching": 3.0}),
    ],
)
def test_a_preference_after_a_comma_is_its_part_s(extractor, text, preferred, min_years, per_skill):
    posting = extractor.extract(read_document(text, kind="posting"))
    asks = read_asks(posting.document)
    asked = years_asked(posting, asks)
    assert ([y.preferred for y in asks.years], asked.min_years, asked.per_skill) == (preferred, min_years, per_skill)


@pytest.mark.parametrize(
    ("text", "preferred", "min_years", "per_skill", "degree"),
    [
        # requirements run together without a break (glassdoor, Vanetik): the next one opens with a
        # capitalised opener after a word of the one before, or after a label that ends it
        ("Qualifications Masters degree and minimum 2 years of hands on experience in data science Understanding of software engineering best practices\n", [False], 2.0, {"data-science": 2.0}, ("master", True)),
        ("Must have 5+ years of experience in Microsoft technology stack Expert in C#, JavaScript Proficient with MVC, Angular\n", [False], 5.0, {}, None),
        ("Required PhD with 1+ years of experience Required Machine Learning, Predictive Modeling and Python experience Preferred Strong communication\n", [False], 1.0, {}, ("phd", True)),
        ("CPA designation or MBA highly preferred Minimum of 8 years' experience at an executive level role Bachelor's degree in Finance\n", [False], 8.0, {}, ("bachelor", True)),
        # a label before a heading word opens the next part: that part is preferred, not the one before
        ("Basic Qualifications: Bachelor's degree in Computer Science Minimum of 2 years' experience developing software applications in Java Preferred Qualifications: Strong Java development experience\n", [False], 2.0, {"java": 2.0}, ("bachelor", True)),
        # no cut after a small word, in a title-case run, or after a bullet
        # (the rebuilt verifier keeps "Software Engineering" there, so its years are that skill's, not overall)
        ("Requirements\n- 5+ years of Hands-on experience with Python\n- 3+ years of Software Engineering Experience with SQL\n", [False, False], None, {"python": 5.0, "software-engineering": 3.0, "sql": 3.0}, None),
    ],
)
def test_requirements_run_together_end_at_the_next_one_s_opener(extractor, text, preferred, min_years, per_skill, degree):
    posting = extractor.extract(read_document(text, kind="posting"))
    asks = read_asks(posting.document)
    asked = years_asked(posting, asks)
    got = ([y.preferred for y in asks.years], asked.min_years, asked.per_skill, asks.degree and (asks.degree.level, asks.degree.required))
    assert got == (preferred, min_years, per_skill, degree)


def test_a_degree_that_may_replace_years_is_not_asked_and_a_bracketed_preference_is_its_own():
    asks = read_asks(read_document("Requirements\n- Requires 4-8 years of relevant experience. May substitute a Masters degree for two years experience.\n", kind="posting"))
    assert asks.degree is None
    asks = read_asks(read_document("Requirements\n- A bachelor's degree (graduate degree preferred) and at least 2 years of experience\n", kind="posting"))
    assert asks.degree is not None and (asks.degree.level, asks.degree.required) == ("bachelor", True)
    assert [(y.years, y.preferred) for y in asks.years] == [(2.0, False)]
    asks = read_asks(read_document("Requirements\n- Ph.D. (preferred) or Masters in a scientific discipline, with 6+ years of experience\n", kind="posting"))
    assert asks.degree is not None and (asks.degree.level, asks.degree.required) == ("master", True)
    assert [(y.years, y.preferred) for y in asks.years] == [(6.0, False)]
    # a preference in brackets about other years or other experience leaves the statement required
    asks = read_asks(read_document("Requirements\n- A bachelor's degree and at least 2 years of experience delivering training (5 or more years preferred)\n", kind="posting"))
    assert asks.degree is not None and (asks.degree.level, asks.degree.required) == ("bachelor", True) and asks.preferred_degree is None
    assert [(y.years, y.preferred) for y in asks.years] == [(2.0, False)]
    asks = read_asks(read_document("Requirements\n- 4+ years of SQL experience (NoSQL experience is a plus)\n", kind="posting"))
    assert [(y.years, y.preferred) for y in asks.years] == [(4.0, False)]
    asks = read_asks(read_document("Requirements\n- SQL (2+ years preferred)\n- Python: 3 years (Preferred)\n", kind="posting"))
    assert [(y.years, y.preferred) for y in asks.years] == [(2.0, True), (3.0, True)]
    asks = read_asks(read_document("Requirements\n- Bachelor's degree (preferred in Early Childhood Education)\n", kind="posting"))
    assert asks.degree is None and asks.preferred_degree is not None and asks.preferred_degree.level == "bachelor"
    # "an asset" marks a preference (a Canadian college's posting)
    asks = read_asks(read_document("Requirements\n- A master’s degree in science or in an appropriate discipline is considered an asset.\n", kind="posting"))
    assert asks.degree is None and asks.preferred_degree is not None and asks.preferred_degree.level == "master"


RESUME = """Experience
Data Engineer\tJan 2019 - Present
Built pipelines in Python and SQL.
Analyst\t2016 - 2018
Reports in SQL and Excel.
Skills
Python, SQL, Excel, Docker
"""


def test_skill_months_from_the_positions_that_name_the_skill(extractor):
    profile = extractor.extract(read_document(RESUME, kind="resume"))
    career = read_career(profile.document, as_of=date(2021, 1, 1))
    months = skill_months(profile, career)
    assert (months["python"].months, months["python"].last_used) == (24, date(2021, 1, 1))
    assert months["sql"].months == 24 + 24  # 2019-01..2021-01 and 2016-06..2018-06
    assert (months["excel"].months, months["excel"].last_used) == (24, date(2018, 1, 1))
    assert months["docker"].months is None  # named only in the skills list: unknown, not 0


JOB = """Data Engineer
Requirements
- 5+ years of experience with Python.
- 3+ years of professional experience in software development.
- Bachelor's degree in Computer Science.
"""


def test_compare_judges_years_and_career_rows(extractor):
    from skillgap import compare
    from skillgap.careerfit import CareerWeights

    candidate = extractor.extract(read_document(RESUME + "Education\nMS in Statistics, State University 2015\n", kind="resume"))
    posting = extractor.extract(read_document(JOB, kind="posting"))
    report = compare(candidate, posting, as_of=date(2021, 1, 1))
    python = next(r for r in report.results if r.skill_id == "python")
    assert (python.status, python.years, python.months, python.credit) == ("short", 5.0, 24, 0.5)
    assert [(c.name, c.asked, c.has, c.met) for c in report.career] == [
        ("experience", "3+ years", "48 months (4.0 years)", True),
        ("degree", "bachelor", "master", True),
    ]
    summary = report.summary()
    assert summary.short == ("Python: 2 of 5 years",)
    assert "short of years: Python: 2 of 5 years" in str(summary)
    weighted = compare(candidate, posting, as_of=date(2021, 1, 1), career_weights=CareerWeights(experience=1.0, degree=1.0))
    assert weighted.score == pytest.approx(100 * (report.earned + 2) / (report.possible + 2))
    assert report.to_frame().set_index("skill_id").loc["python", "months"] == 24


def test_reports_carry_the_career(extractor):
    from skillgap import compare
    from skillgap.ranking import CandidateResult, frame_of_rows, ranking_row

    candidate = extractor.extract(read_document(RESUME, kind="resume"))
    report = compare(candidate, extractor.extract(read_document(JOB, kind="posting")), as_of=date(2021, 1, 1))
    page = report.to_html()
    assert "Career timeline" in page and "Experience and degree" in page
    assert "<b>Data Engineer</b>" in page and "(has 2.0)" in page
    row = frame_of_rows([ranking_row(CandidateResult("cv.txt", report))]).iloc[0]
    assert (row["short_of_years"], row["degree"]) == ("Python: 2 of 5 years", None)
    assert row["experience_months"] == 48  # to the comparison's as_of (24 + 24), not to today


@pytest.mark.parametrize(
    ("cv", "months"),
    [
        ("1.docx", 33),  # "Writing and running junit tests, fixing defects"
        ("7.docx", 24),  # "Wonderware System Platform project testing, maintenance and deployment"
        ("9.docx", 12),  # "adding and testing new features, fixing problems"
    ],
)
def test_testing_activities_in_a_position_give_software_testing_months(extractor, shared_data, cv: str, months: int):
    """Software Testing named by what a developer did in the position, not by a test tool alone
    (the months of the experience gold, its own as_of)."""
    profile = extractor.extract(read_document(shared_data / "pairs/vanetik_vacancy_resume/CV" / cv, kind="resume"))
    assert skill_months(profile, read_career(profile.document))["software-testing"].months == months


@pytest.mark.parametrize(
    ("doc", "skill", "months"),
    [
        ("gh_resumematcher__Prashant_Bhat.pdf", "leadership", 66),  # "Lead 8 Data Scientist" 50 + "Sr. Lead Engineer" 16
        ("gh_pyresparser__OmkarResume.pdf", "classification", 3),  # "applying Machine Learning to classify these articles"
        ("gh_resumematcher__Prashant_Bhat.pdf", "model-deployment", 26),  # "Deploy the ML Algorithms" 16 + "Deployment of AI, ML Solution" 10
    ],
)
def test_a_lead_title_and_a_method_verb_in_a_position_give_months(extractor, shared_data, doc: str, skill: str, months: int):
    """A position names Leadership by the candidate's lead title and Classification by its verb on
    what models label, not by the skill's name (the months of the experience gold's positions, its own as_of)."""
    profile = extractor.extract(read_document(shared_data / "resumes_pdf" / doc, kind="resume"))
    assert skill_months(profile, read_career(profile.document))[skill].months == months
