"""Acronyms a document defines for something else ("Computer Aided Dispatch (CAD)"), on the shipped taxonomy and rules."""

from __future__ import annotations

import pytest

from skillgap.extract import SkillExtractor
from skillgap.extract.acronyms import definitions, may_be_defined
from skillgap.rules import load_rules


@pytest.fixture(scope="module")
def mentioned():
    """(skill id, text) of the stated mentions of a résumé text, by the shipped extractor."""
    extractor = SkillExtractor()
    return lambda text: [(m.skill_id, m.text) for m in extractor.extract(text, kind="resume").mentions if m.method != "implied"]


def test_an_acronym_the_document_spells_out_as_something_else_names_no_skill(mentioned) -> None:
    text = "Skills: CAD, Python\nDispatched units through Computer Aided Dispatch (CAD) and logged every call in CAD."
    assert mentioned(text) == [("python", "Python")]
    # the same words in the other order: "CAD (Computer Aided Dispatch)"
    assert mentioned("Skills: CAD, Python\nLogged calls in CAD (Computer Aided Dispatch).") == [("python", "Python")]


def test_an_acronym_spelt_out_as_its_own_skill_stays(mentioned) -> None:
    text = "Skills: CAD, Python\nDrafted site plans in CAD (Computer-Aided Design) and exported CAD drawings."
    assert mentioned(text) == [("cad", "CAD"), ("python", "Python"), ("cad", "CAD"), ("cad", "Computer-Aided Design"), ("cad", "CAD")]
    assert mentioned("Skills: Python, NLP\nBuilt Natural Language Processing (NLP) pipelines.") == [
        ("python", "Python"), ("natural-language-processing", "NLP"), ("natural-language-processing", "Natural Language Processing"), ("natural-language-processing", "NLP"),
    ]


def test_a_document_without_definitions_is_unchanged(mentioned) -> None:
    assert mentioned("Skills: CAD, Python\nDrafted site plans in CAD and exported drawings.") == [("cad", "CAD"), ("python", "Python"), ("cad", "CAD")]


def test_definitions_are_read_the_schwartz_hearst_way() -> None:
    skips = load_rules().cues.acronym_skips
    # initials, small words passed over (and left out of the key), letters inside words, a plural "s" off the key
    assert definitions("Bachelor of Science in Nursing (BSN), 2019", skips) == {"BSN": {"bachelor science nursing"}}
    assert definitions("Tuned Relational Database Management Systems (RDBMS)", skips) == {"RDBMS": {"relational database management system"}}
    assert definitions("charted in the EMR (Electronic Medical Records) daily", skips) == {"EMR": {"electronic medical record"}}
    # brackets that do not spell the acronym define nothing
    assert definitions("AutoCAD and drafting (CAD); CAD (AutoCAD, SolidWorks); skills (SQL)", skips) == {}


def test_one_definition_as_the_skill_keeps_it_and_a_misspelt_one_counts(mentioned) -> None:
    # a second, foreign definition ("haute performance (HPC)") does not undo the first (the rules
    # alone: the verifier itself doubts the HPC in French prose)
    text = "Skills: HPC, Python\nBuilt high performance computing (HPC) tools. Outils de calcul de haute performance (HPC)."
    found = SkillExtractor(verify=False).extract(text, kind="resume").mentions
    assert [(m.skill_id, m.start) for m in found if m.text == "HPC"] == [("distributed-computing", 8), ("distributed-computing", 54), ("distributed-computing", 105)]
    assert mentioned("Skills: Python\n2+ years in Structure Query Language (SQL) and SQL tuning") == [
        ("python", "Python"), ("sql", "Structure Query Language"), ("sql", "SQL"), ("sql", "SQL"),
    ]
    # a long form that begins a name of the skill, its words cut short or whole
    assert mentioned("Skills: SDLC, Python\nFollowed the Software Dev Life-cycle (SDLC).") == [("software-engineering", "SDLC"), ("python", "Python"), ("software-engineering", "SDLC")]


def test_only_an_acronym_before_a_bracket_may_be_defined() -> None:
    """`may_be_defined` spares a document the definitions' scan: never when `definitions` would find the acronym."""
    skips = load_rules().cues.acronym_skips
    texts = [
        "Bachelor of Science in Nursing (BSN), 2019",
        "charted in the EMRs \n (Electronic Medical Records) daily",
        "Dispatched units through Computer Aided Dispatch (  CAD  ) and logged every call in CAD.",
        "AutoCAD and drafting (CAD); CAD (AutoCAD, SolidWorks); skills (SQL)",
    ]
    for text in texts:
        assert all(may_be_defined(text, acronym) for acronym in definitions(text, skips)), text
    assert [may_be_defined(t, "EMR") for t in texts] == [False, True, False, False]
    assert may_be_defined("Used SQL daily; SQL Server 2019, SQLs", "SQL") is False
    assert may_be_defined("Used SQL daily; SQL Server 2019 (SSMS)", "SQL") is False  # a bracket after other words
    assert may_be_defined("Queried it in SQLs(reports)", "SQL") is True
