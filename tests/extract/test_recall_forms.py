"""Skills stated in forms the shipped taxonomy once missed (issue 13, recall): other working
languages, interpersonal skills, the parts of a suite in parentheses; with the shipped verifier."""

from __future__ import annotations

import pytest

from skillgap import SkillExtractor

RESUME = """Maria Lopez
Customer Service Representative

SUMMARY
Customer service representative with six years in retail banking. Excellent communication and interpersonal skills; fluent in Spanish and English.

SKILLS
Customer service, cash handling, Microsoft Office (Word, Excel and Outlook), data entry

EXPERIENCE
Teller, First National Bank, 2018 - 2024
Served 120 customers a day and balanced the cash drawer.

LANGUAGES
English, Spanish, French
"""


@pytest.fixture(scope="module")
def shipped() -> SkillExtractor:
    return SkillExtractor()


def test_languages_and_interpersonal_skills_of_a_resume(shipped: SkillExtractor) -> None:
    profile = shipped.extract(RESUME, kind="resume")
    stated = {m.skill_id: m for m in reversed(profile.mentions) if m.method != "implied"}
    assert sorted(stated) == [
        "administrative-support", "communication", "customer-service", "excel", "interpersonal-skills",
        "languages-english", "languages-french", "languages-spanish", "microsoft-office",
    ]  # fmt: skip
    assert (stated["interpersonal-skills"].text, stated["languages-spanish"].text) == ("interpersonal skills", "fluent in Spanish")
    assert stated["languages-french"].section == "languages"


@pytest.mark.parametrize(
    "text",
    [
        "We serve French fries and Italian food at our Calgary-based restaurant.",
        "Our German office is in Berlin; report to Mr. Frank German.",
    ],
)
def test_a_nationality_or_a_name_is_no_language(shipped: SkillExtractor, text: str) -> None:
    assert [m.skill_id for m in shipped.extract(text, kind="posting").mentions if m.skill_id.startswith("languages-")] == []


def test_languages_with_a_level(shipped: SkillExtractor) -> None:
    # dotin résumés: "French- Intermediate Spanish- Intermediate ... Italian- Fluent", "Spanish - Beginners level",
    # "Spanish (fluent)", "Fluent in spoken and written Japanese"
    text = "Jo Bloggs\nBuyer\n\nLANGUAGES\nFrench- Intermediate\nItalian- Fluent\nGerman (basic)\n\nINTERESTS\nSpanish - Beginners level\nFluent in spoken and written Japanese\n"
    found = [(m.skill_id, m.text) for m in shipped.extract(text, kind="resume").mentions]
    assert found == [
        ("languages-french", "French- Intermediate"), ("languages-italian", "Italian- Fluent"), ("languages-german", "German (basic)"),
        ("languages-spanish", "Spanish - Beginners"), ("languages-japanese", "Fluent in spoken and written Japanese"),
    ]  # fmt: skip


STORE_MANAGER = """Jane Doe
Store Manager

EXPERIENCE
Store Manager, Kay Jewelers, 2010 - 2020
Managed staff of approximately 6 sales associates and an assistant manager.
Coached new employees on sales techniques.
Maintained inventory records in Excel spreadsheets.

Charge Nurse, Mercy Hospital, 2005 - 2010
Oversaw a team of 8 nurses on the night shift.
"""


def test_people_management_and_coaching_in_non_tech_words(shipped: SkillExtractor) -> None:
    profile = shipped.extract(STORE_MANAGER, kind="resume")
    found = [(m.skill_id, m.text) for m in profile.mentions if m.skill_id in ("leadership", "mentoring")]
    assert found == [("leadership", "Managed staff of"), ("mentoring", "Coached new employees"), ("leadership", "Oversaw a team of")]


def test_coordinated_soft_skills_each_count(shipped: SkillExtractor) -> None:
    text = "SUMMARY\nAccountant with strong analytical and interpersonal skills and excellent analytical, problem-solving and communication skills.\n"
    found = [(m.skill_id, m.text) for m in shipped.extract(text, kind="resume").mentions]
    assert found == [
        ("analytical-skills", "analytical and interpersonal skills"), ("interpersonal-skills", "interpersonal skills"),
        ("analytical-skills", "analytical, problem-solving and communication skills"), ("problem-solving", "problem-solving"),
        ("communication", "communication skills"),
    ]  # fmt: skip


def test_a_bullet_opened_by_trained_names_training(shipped: SkillExtractor) -> None:
    text = "John Smith\n\nEXPERIENCE\nSummer Housing Lead, Harvard University, 2012 - 2014\nTrained and supervised undergraduate summer staff in shifts of 15 to 20 students.\n"
    found = [(m.skill_id, m.text) for m in shipped.extract(text, kind="resume").mentions]
    assert found == [("training-development", "Trained and supervised undergraduate summer staff"), ("leadership", "supervised undergraduate summer staff")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Highly knowledgeable of Microsoft Word, Excel, PowerPoint, and Access.", [("microsoft-office", "Microsoft Word"), ("excel", "Excel"), ("microsoft-office", "PowerPoint"), ("ms-access", "Access")]),
        ("Software Applications: Microsoft Suite (Excel, Word, Access, Power Point), Macromedia", [("excel", "Excel"), ("microsoft-office", "Word"), ("ms-access", "Access"), ("microsoft-office", "Power Point")]),
        ("Knowledge in using word and excel. Able to quickly learn new software.", [("microsoft-office", "word"), ("excel", "excel")]),
        ("Database: SQL Server, MySQL, Access, DB2", [("sql-server", "SQL Server"), ("sql", "SQL"), ("mysql", "MySQL"), ("ms-access", "Access"), ("db2", "DB2")]),
    ],
)
def test_the_parts_of_the_office_suite_in_a_list(shipped: SkillExtractor, text: str, expected: list[tuple[str, str]]) -> None:
    """"Word" and "Access" alone are ambiguous: items of a list of skills, they name the programs."""
    found = [(m.skill_id, m.text) for m in shipped.extract(text, kind="resume").mentions if m.method != "implied"]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "Creating branches, tags and providing SVN user access to all developers.",
        "Based on resource based access control the tool gives flexibility to admins.",
        "You'll be spreading the good word of geospatial technology within a customer base.",
        "Staff have access to various technologies to access PHI (paper and electronic).",
    ],
)
def test_access_as_a_permission_and_word_as_news_are_no_program(shipped: SkillExtractor, text: str) -> None:
    assert [m.skill_id for m in shipped.extract(text, kind="posting").mentions if m.skill_id in ("ms-access", "microsoft-office")] == []


@pytest.mark.parametrize(
    "text",
    [
        "John Smith\n\nSkills: SVN user access, Git, Python\n",
        "John Smith\n\nSkills: AWS IAM, Access key rotation\n",
        "John Smith\n\nSKILLS\n• Firewall principles\n• Remote Access\n• Standard and extended access list\n",
        "John Smith\n\nSKILLS\nTools: ServiceNow, Send Word Now, SCOM\n",
    ],
)
def test_a_whole_item_form_inside_a_longer_item_of_a_skills_section_is_no_program(shipped: SkillExtractor, text: str) -> None:
    """"Access" and "Word" are `whole_item` forms: a skills section is no excuse for a longer phrase holding them."""
    profile = shipped.extract(text, kind="resume")
    assert profile.document.sections[0].name == "skills"
    assert [m.text for m in profile.mentions if m.skill_id in ("ms-access", "microsoft-office")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Smith\n\nSKILLS\nR, Go, C, Access, Word, Excel\n", ["R", "Go", "C", "Access", "Word", "Excel"]),
        # a version, a level word or a function word before it leave the name the whole of its item
        ("John Smith\n\nSKILLS\nExcel 2016, Word 2010, Access (advanced), R\n", ["Excel", "Word", "Access", "R"]),
        ("John Smith\n\nSKILLS\n• Basic Word, Excel and Power Point\n• Worked in Access, SQL\n", ["Word", "Excel", "Power Point", "Access", "SQL"]),
    ],
)
def test_ambiguous_names_alone_in_a_skills_list_count(shipped: SkillExtractor, text: str, expected: list[str]) -> None:
    assert [m.text for m in shipped.extract(text, kind="resume").mentions if m.method != "implied"] == expected


def test_an_operating_systems_label_makes_windows_a_skill(shipped: SkillExtractor) -> None:
    text = "Database Oracle\n\nOperating Systems Windows\nLanguages SQL, JavaScript\n"
    assert [m.skill_id for m in shipped.extract(text, kind="resume").mentions if m.skill_id == "windows"] == ["windows"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Worked in a variety of roles and environments, including agile and waterfall.", ["agile", "waterfall"]),
        ("Familiarity with Amazon Web Services (AWS), such as EMR, Glue, Athena, Lambda, and S3", ["aws", "aws-emr"]),
        ("Adapt freeware solutions such as R, and modular solutions for maximum flexibility.", ["r"]),
    ],
)
def test_a_list_opener_starts_an_item(shipped: SkillExtractor, text: str, expected: list[str]) -> None:
    """After "including" or "such as" an ambiguous name is a list item, as after a comma."""
    found = {m.skill_id for m in shipped.extract(text, kind="posting").mentions if m.method != "implied"}
    assert sorted(found & {"agile", "waterfall", "aws", "aws-emr", "r"}) == expected


def test_an_opener_alone_makes_no_list_of_skills(shipped: SkillExtractor) -> None:
    assert [m.skill_id for m in shipped.extract("Our products including sales and marketing tools are great.", kind="posting").mentions] == []


SUPERVISOR = """Ann Lee
Operations Supervisor

EXPERIENCE
Managed a national sales team of 8 representatives.
Managed staff, reconciled all bank transactions and generated reports.
Coordinate the overall supervision of retail staff to ensure sales goals are met.
Survey Crew Chief: management of survey field crew completing ALTA surveys.
Coaches and counsels Associates when necessary.
Conducted all training and coaching of Agents prior to certification.
"""


def test_people_in_ones_charge_however_the_team_is_described(shipped: SkillExtractor) -> None:
    """FERR résumés: a team or staff described before its noun, the noun of the verb ("supervision
    of"), and coaching coordinated with other verbs or with "of" before the people."""
    profile = shipped.extract(SUPERVISOR, kind="resume")
    found = [(m.skill_id, m.text) for m in profile.mentions if m.skill_id in ("leadership", "mentoring")]
    assert found == [
        ("leadership", "Managed a national sales team"), ("leadership", "Managed staff,"), ("leadership", "supervision of retail staff"),
        ("leadership", "management of survey field crew"), ("mentoring", "Coaches and counsels Associates"), ("mentoring", "coaching of Agents"),
    ]  # fmt: skip


COUNTED = """Ann Lee
Store Manager

EXPERIENCE
Lead three different development teams focused on consumer lending.
Supervisor of 12 Employees, Phone Systems, Printers, Receiving, Retail Sales
Trained new and existing employees on all new procedures and computer programs.
Hired and trained new site acquisition specialists and administrative staff.
Managed 40 servers and 3 routers in two data centres.
"""


def test_people_and_teams_in_ones_charge_by_number_or_title(shipped: SkillExtractor) -> None:
    """FERR résumés: a number of teams after the verb (a number word is a stop word, so the
    content-word patterns skip it), a title over a number of people, and new staff trained however
    many words describe them; machines counted after "managed" are no people."""
    profile = shipped.extract(COUNTED, kind="resume")
    found = [(m.skill_id, m.text) for m in profile.mentions if m.skill_id in ("leadership", "training-development")]
    assert found == [
        ("leadership", "Lead three different development teams"), ("leadership", "Supervisor of 12 Employees"),
        ("training-development", "Trained new and existing employees"), ("training-development", "trained new site acquisition specialists"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Worked as a member of the management team in a high traffic retail environment.",
        "Worked with the direct sales team and reported to the Project Manager.",
        "Head Coach, Girls' Varsity Basketball. Coached three All-League players.",
        "Collaborated with managed care team to develop online communications.",
    ],
)
def test_a_team_one_belongs_to_or_a_sports_coach_is_no_leadership_or_mentoring(shipped: SkillExtractor, text: str) -> None:
    profile = shipped.extract(f"Ann Lee\n\nEXPERIENCE\n{text}\n", kind="resume")
    assert [m.skill_id for m in profile.mentions if m.skill_id in ("leadership", "mentoring")] == []


DESCRIBED = """Dana Cole

HIGHLIGHTS
Natural leader
Market research
Proven leader with solid performance seeking new challenges.
Stakeholder relations

EXPERIENCE
Trainer/Waitress/Bartender/Shift leader
Elected as a leader in school roles. Collaborated with supervisory staff to problem-solve.
Bolstered the relations with stakeholders through regular reviews.
Worked with industry leaders and Senior Leaders of the firm.
"""


def test_the_candidate_described_as_a_leader_and_stakeholder_relations(shipped: SkillExtractor) -> None:
    """FERR résumés: the candidate called a leader of some kind, the verb "problem-solve" and
    relations with stakeholders are the skills; leaders one worked with are other people."""
    profile = shipped.extract(DESCRIBED, kind="resume")
    found = [(m.skill_id, m.text) for m in profile.mentions if m.skill_id in ("leadership", "problem-solving", "stakeholder-management")]
    assert found == [
        ("leadership", "Natural leader"), ("leadership", "Proven leader"), ("stakeholder-management", "Stakeholder relations"),
        ("leadership", "Shift leader"), ("leadership", "as a leader"), ("problem-solving", "problem-solve"),
        ("stakeholder-management", "relations with stakeholders"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unix/Linux", ["unix", "linux"]),
        ("Linux/Unix", ["linux", "unix"]),
        ("AI/ML", ["artificial-intelligence", "machine-learning"]),
        ("HTML/CSS", ["html", "css"]),
    ],
)
def test_a_slash_pair_of_two_skills_names_both(shipped: SkillExtractor, text: str, expected: list[str]) -> None:
    """Such a pair once was one skill's alias, which the tokenizer kept whole, so the second name was lost."""
    profile = shipped.extract(f"Ann Lee\n\nSKILLS\nPython, {text}, Docker\n", kind="resume")
    assert [s for s in profile.skill_ids if s in expected] == expected


def test_a_negation_word_inside_a_skill_name_negates_nothing(shipped: SkillExtractor) -> None:
    """The form-field answer "No" is a negation cue (test_field_senses); the "No" of "No SQL" is NoSQL's name."""
    profile = shipped.extract("Ann Lee\n\nSKILLS\nDatabases: MySQL, PostgreSQL, No SQL(MongoDB), H2\n", kind="resume")
    assert [(m.skill_id, m.negated) for m in profile.mentions if m.skill_id in ("mysql", "postgresql", "nosql")] == [
        ("mysql", False), ("postgresql", False), ("nosql", False),
    ]  # fmt: skip
