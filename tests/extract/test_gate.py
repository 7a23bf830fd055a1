"""The gated Matcher finds exactly what a plain spaCy Matcher finds, on real postings."""

from __future__ import annotations

from pathlib import Path

import numpy
import spacy
from spacy.matcher import Matcher

from skillgap.extract.gate import GatedMatcher, _max_length, _min_length
from skillgap.taxonomy import load_taxonomy

PATTERNS = {
    "problem-solving": [[{"LOWER": {"IN": ["solve", "solving"]}}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": {"IN": ["problem", "problems"]}}]],
    "communication": [[{"LOWER": {"REGEX": "^communicat"}}]],
    "leadership": [[{"LOWER": {"IN": ["lead", "led"]}}, {"LOWER": {"IN": ["a", "the"]}, "OP": "?"}, {"LOWER": "team"}]],
    "r": [[{"ORTH": "R"}, {"LOWER": {"IN": ["programming", "studio"]}}]],
    "ungated": [[{"IS_DIGIT": True}, {"LOWER": "years"}, {"IS_ALPHA": True, "OP": "+"}]],
}


def plain(nlp, patterns, doc):
    matcher = Matcher(nlp.vocab)
    for key, pats in patterns.items():
        matcher.add(key, pats)
    return sorted(matcher(doc))


def test_same_matches_as_matcher_on_small_texts() -> None:
    nlp = spacy.blank("en")
    gated = GatedMatcher(nlp.vocab, PATTERNS, frozenset(nlp.Defaults.stop_words))
    assert len(gated.ungated) == 1 and len(gated.rules) == 4
    for text in [
        "We led a team that solved problems and communicated in R programming. 5 years experience",
        "solving hard problems; Lead the team; communication",
        "",
        "R studio R Studio RStudio",
    ]:
        doc = nlp(text)
        assert sorted(gated(doc)) == plain(nlp, PATTERNS, doc)
        assert gated(doc, doc.to_array(["LOWER"]).reshape(-1)) == gated(doc)  # the caller's LOWER array, as the pipeline passes it


def test_max_length() -> None:
    assert _max_length([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}]) == 2
    assert _max_length([{"LOWER": "a", "OP": "{2,4}"}]) == 4
    assert _max_length([{"LOWER": "a", "OP": "+"}]) is None
    assert _min_length([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c", "OP": "{2,4}"}, {"LOWER": "d", "OP": "+"}, {"LOWER": "e", "OP": "*"}]) == 4


def test_matcher_runs_only_where_every_gate_word_stands_at_its_distance() -> None:
    """A window is only searched when each other required word stands where the pattern allows it
    relative to the anchor word: "team" passes both word tests of "work/team ... in ... team" but
    cannot be both of them at once, and "with" (a common word) must come right after the first."""
    nlp = spacy.blank("en")
    patterns = {"c": [[{"LOWER": {"IN": ["work", "team"]}}, {"LOWER": {"IN": ["in", "with"]}}, {"LOWER": "a", "OP": "?"}, {"LOWER": "team"}]]}
    gated = GatedMatcher(nlp.vocab, patterns, frozenset(nlp.Defaults.stop_words))
    (rule,) = gated.rules
    assert rule.offsets == ((-3, -2), (-2, -1))  # "work/team" 2-3 tokens before "team", "in/with" 1-2 before
    calls: list[str] = []
    matcher = rule.matcher
    object.__setattr__(rule, "matcher", lambda span: calls.append(span.text) or matcher(span))
    for text, searched in [("a great team. We have a team", []), ("team and in the team", []), ("We work with a team", ["work with a team"])]:
        doc = nlp(text)
        assert sorted(gated(doc)) == plain(nlp, patterns, doc)
        assert calls == searched, text
        calls.clear()


def test_same_matches_as_matcher_on_real_postings(shared_data: Path) -> None:
    taxonomy = load_taxonomy()
    patterns = {s.id: [list(p) for p in s.patterns] for s in taxonomy if s.patterns}
    nlp = spacy.blank("en")
    gated = GatedMatcher(nlp.vocab, patterns, frozenset(nlp.Defaults.stop_words))
    total = 0
    for path in sorted((shared_data / "gold" / "postings").glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        expected = plain(nlp, patterns, doc)
        assert sorted(gated(doc)) == expected, path.name
        total += len(expected)
    assert total > 50  # not vacuous: the soft-skill and method patterns fire often in postings (84 now)


def test_windows_around_a_middle_or_repeated_gate_and_one_token_patterns() -> None:
    """Each window spans what the pattern can hold before and after its gate word (here a
    repeated middle token); one-token patterns are answered by their gate alone, and a LOWER
    that is not lower case ("Team") matches nothing, as in Matcher."""
    nlp = spacy.blank("en")
    patterns = {
        "a": [[{"LOWER": "big"}, {"LOWER": {"IN": ["data", "ml"]}, "OP": "{1,3}"}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": "team"}]],
        "b": [[{"LOWER": {"REGEX": "^collaborat"}}], [{"LOWER": {"IN": ["crm", "erp"]}}], [{"LOWER": "Team"}]],
    }
    gated = GatedMatcher(nlp.vocab, patterns, frozenset(nlp.Defaults.stop_words))
    assert [r.matcher is None for r in gated.rules] == [False, True, True, False]  # "Team" keeps its Matcher
    for text in ["big data ml data great team", "big ml team; Collaborating on CRM, erp and big data team", "team big big data data ml ml team Team"]:
        doc = nlp(text)
        assert sorted(gated(doc)) == plain(nlp, patterns, doc)
    assert len(plain(nlp, patterns, nlp("big data ml data great team collaboration"))) == 2


def test_word_verdicts_are_every_gate_tested_on_the_word(shared_data: Path) -> None:
    """A new word's cached gates (looked up in the word lists, only the regex gates run on it) are
    exactly the gates whose own test passes it, for every word of the gold postings."""
    taxonomy = load_taxonomy()
    patterns = {s.id: [list(p) for p in s.patterns] for s in taxonomy if s.patterns}
    nlp = spacy.blank("en")
    gated = GatedMatcher(nlp.vocab, patterns, frozenset(nlp.Defaults.stop_words))
    assert 0 < len(gated._regex_gates) < len(gated.gates)  # both kinds are exercised
    passing = 0
    for path in sorted((shared_data / "gold" / "postings").glob("*.txt")):
        for token in nlp(path.read_text(encoding="utf-8")):
            expected = tuple(b for b, gate in enumerate(gated.gates) if gate.test(token.lower_))
            (code,) = gated._learn(numpy.array([token.lower], dtype=numpy.uint64), numpy.array([0]))
            assert gated._bit_sets[code] == expected, token.lower_
            passing += bool(expected)
    assert passing > 100
