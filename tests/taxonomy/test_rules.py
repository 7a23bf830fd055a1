"""sections.yaml as one typed value: loaded once, every key checked, errors naming file, entry and fix."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from skillgap.errors import TaxonomyError
from skillgap.rules import Rules, as_rules, load_rules, sections_file

HEADINGS = "resume:\n  headings:\n    skills: [toolbox]\nposting:\n  headings:\n    about: [hello]\n    requirements: [needs]\n    benefits: [perks]\n"


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sections.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_rules_are_loaded_once() -> None:
    rules = load_rules()
    assert rules is load_rules() is load_rules(sections_file()) is as_rules(None)
    assert isinstance(rules, Rules) and rules.source == str(sections_file())


def test_the_gap_rules_live_in_the_yaml() -> None:
    rules = load_rules()
    assert rules.company_sections == frozenset({"benefits", "application"})
    assert dict(rules.section_importance) == {"requirements": "required", "responsibilities": "required", "preferred": "preferred"}


def test_one_bullet_vocabulary_read_documents_hold_one_bullet_glyph() -> None:
    cues = load_rules().cues
    assert cues.bullets == frozenset({"•", "*", "-", "–", "o"})
    assert {"•", ",", "and", "or"} <= cues.list_separators and not {"·", "▪", "●"} & cues.list_separators


def test_rules_pickle_as_they_are() -> None:
    rules = load_rules()
    assert pickle.loads(pickle.dumps(rules)) == rules


def test_a_file_of_your_own_borrows_the_parts_it_leaves_out(tmp_path: Path) -> None:
    rules, shipped = load_rules(_file(tmp_path, HEADINGS)), load_rules()
    assert rules.resume.headings == {"toolbox": "skills"}
    assert rules.cues.phrases["negation_before"] == shipped.cues.phrases["negation_before"]
    assert rules.cues.bullets == shipped.cues.bullets
    # the posting headings that end a preferred label's span are this file's
    assert rules.cues.phrases["label_end"] == ("hello", "needs", "perks")
    assert rules.company_sections == shipped.company_sections


def test_own_gap_rules(tmp_path: Path) -> None:
    rules = load_rules(_file(tmp_path, HEADINGS + "gap:\n  section_importance: {requirements: preferred}\n  company_sections: [about]\n"))
    assert dict(rules.section_importance) == {"requirements": "preferred"} and rules.company_sections == frozenset({"about"})


@pytest.mark.parametrize(
    ("extra", "entry", "message"),
    [
        ("gapp: {}\n", None, r"unknown key 'gapp' in a sections file \(fix: did you mean 'gap'\?\)"),
        ("cues:\n  negation: [no experience with]\n", "cues", r"unknown key 'negation' in cues \(fix: did you mean 'negation_after' or 'negation_before'\?\)"),
        ("gap:\n  company_section: [benefits]\n", "gap", r"unknown key 'company_section' in gap \(fix: did you mean 'company_sections'\?\)"),
        ("gap:\n  company_sections: [benefit]\n", "gap", r"'benefit' is no section of the vocabularies \(fix: did you mean 'benefits'\?\)"),
        ("gap:\n  section_importance: {requirements: must}\n", "gap.section_importance", "must map posting sections to required or preferred"),
        ("cues:\n  technical: [ok, 3]\n", "cues.technical", "must be a list of non-empty strings"),
        ("cues:\n  acronym_skips: [of, of the]\n", "cues.acronym_skips", r"'of the' is not one word \(fix: list single words, one per item\)"),
        ("cues:\n  conjunctions: [and, as well as]\n", "cues.conjunctions", r"'as well as' is not one word \(fix: list single words, one per item\)"),
        ("cues:\n  levels: [basic, very good]\n", "cues.levels", r"'very good' is not one word \(fix: list single words, one per item\)"),
        ("cues:\n  people_before: [by]\n  people_acts: [by mentoring, mentoring]\n", "cues.people_acts", r"'mentoring' is not a word of people_before and one more word \(fix: write two words"),
        ("cues:\n  people_before: [by]\n  people_acts: [while mentoring]\n", "cues.people_acts", r"'while mentoring' is not a word of people_before"),
        ("cues:\n  name_joiners: [and, as well as]\n", "cues.name_joiners", r"'as well as' is not one word \(fix: list single words, one per item\)"),
        ("cues:\n  form_field: [department, 'travel:']\n", "cues.form_field", r"form field label 'travel:' ends in a colon \(fix: write 'travel': the colon after it is looked for in the text\)"),
    ],
)
def test_errors_name_the_file_the_entry_and_the_fix(tmp_path: Path, extra: str, entry: str | None, message: str) -> None:
    path = _file(tmp_path, HEADINGS + extra)
    with pytest.raises(TaxonomyError, match=message) as caught:
        load_rules(path)
    assert caught.value.source == str(path) and caught.value.entry == entry


def test_a_missing_kind_is_named(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match=r"entry 'posting': 'posting' must be a mapping with headings:"):
        load_rules(_file(tmp_path, "resume:\n  headings: {skills: [skills]}\n"))


def test_unknown_vocabulary_key(tmp_path: Path) -> None:
    path = _file(tmp_path, HEADINGS.replace("resume:\n  headings:", "resume:\n  keyword: {skills: [tools]}\n  headings:"))
    with pytest.raises(TaxonomyError, match=r"entry 'resume': unknown key 'keyword' in the resume vocabulary \(fix: did you mean 'keywords'\?\)"):
        load_rules(path)
