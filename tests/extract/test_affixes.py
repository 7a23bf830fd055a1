"""The tokenizer's affix rules skip plain ASCII words: proven never to change a token."""

from __future__ import annotations

import itertools
import re
import string
from pathlib import Path

import spacy

from skillgap.extract.affixes import PlainWordSkip, english_rules
from skillgap.extract.pipeline import SkillPipeline
from skillgap.taxonomy import Taxonomy, load_taxonomy


def _plain_regexes(pipeline: SkillPipeline) -> list[re.Pattern[str]]:
    tok = pipeline.nlp.tokenizer
    return [tok.prefix_search.__self__.regex, tok.suffix_search.__self__.regex, tok.infix_finditer.__self__.regex]


def test_no_affix_rule_matches_a_plain_word(fixture_taxonomy: Taxonomy, shared_data: Path) -> None:
    """Every one- and two-letter word, every word of the shipped taxonomy's names and of the gold
    postings: none has a prefix, a suffix or an infix under the rules we tokenize with."""
    pipeline = SkillPipeline(fixture_taxonomy)
    shipped = load_taxonomy()
    names = " ".join(term for skill in shipped for term in skill.terms)
    postings = " ".join(p.read_text(encoding="utf-8") for p in sorted((shared_data / "gold" / "postings").glob("*.txt")))
    words = {"".join(w) for n in (1, 2) for w in itertools.product(string.ascii_letters, repeat=n)}
    words |= set(re.findall(r"[A-Za-z]+", names + " " + postings))
    assert len(words) > 5000
    for regex in _plain_regexes(pipeline):
        assert [w for w in sorted(words) if regex.search(w)] == []


def test_skipping_changes_no_token(fixture_taxonomy: Taxonomy, shared_data: Path) -> None:
    nlp = SkillPipeline(fixture_taxonomy).nlp
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_data / "gold" / "postings").glob("*.txt"))]
    fast = [[(t.text, t.whitespace_) for t in doc] for doc in nlp.tokenizer.pipe(texts)]
    tok = nlp.tokenizer
    prefix, suffix, infix = _plain_regexes(SkillPipeline(fixture_taxonomy, nlp=spacy.blank("en")))
    tok.prefix_search, tok.suffix_search, tok.infix_finditer = prefix.search, suffix.search, infix.finditer
    slow = [[(t.text, t.whitespace_) for t in doc] for doc in tok.pipe(texts)]
    assert fast == slow and sum(map(len, fast)) > 10_000


def test_skip_only_for_english_rules_and_tokenizer_still_serialises(fixture_taxonomy: Taxonomy) -> None:
    english = SkillPipeline(fixture_taxonomy, nlp=spacy.blank("en")).nlp
    german = SkillPipeline(fixture_taxonomy, nlp=spacy.blank("de")).nlp
    assert english_rules(english) and not english_rules(german)
    assert isinstance(english.tokenizer.suffix_search.__self__, PlainWordSkip)
    assert isinstance(german.tokenizer.suffix_search.__self__, re.Pattern)
    copy = spacy.blank("en")
    copy.tokenizer.from_bytes(english.tokenizer.to_bytes())
    text = "Skills: Python3.8, C#, Flask(Python),Laravel(PHP); don't stop"
    assert [t.text for t in copy.tokenizer(text)] == [t.text for t in english.tokenizer(text)]


def test_suffix_of_a_word_and_one_mark_is_searched_at_the_mark(fixture_taxonomy: Taxonomy, shared_data: Path) -> None:
    """"Python," or "skills.": searching only at the last char finds the suffix a full search finds."""
    skip = SkillPipeline(fixture_taxonomy).nlp.tokenizer.suffix_search.__self__
    postings = " ".join(p.read_text(encoding="utf-8") for p in sorted((shared_data / "gold" / "postings").glob("*.txt")))
    words = sorted(set(re.findall(r"[A-Za-z]+", postings)) | set(string.ascii_letters))

    def length(m: re.Match[str] | None) -> int:
        return 0 if m is None else m.end() - m.start()

    texts = [w + chr(c) for w in words for c in range(128)]
    assert [length(skip.search_suffix(t)) for t in texts] == [length(skip.regex.search(t)) for t in texts]
    assert (length(skip.search_suffix("Python,")), length(skip.search_suffix("skills.")), length(skip.search_suffix("5km"))) == (1, 1, 2)


def test_own_pipeline_tokenizes_as_spacy_blank_english_tuned(fixture_taxonomy: Taxonomy, shared_data: Path) -> None:
    """Our pipeline's tokenizer starts bare (no special case or affix rule is built twice) and ends
    with the very special cases and tokens of ``spacy.blank("en")`` tuned the same way: English's
    1,347 exceptions included, bar the six of one character that stays itself (" ", "'", "’", ...)."""
    ours = SkillPipeline(fixture_taxonomy).nlp.tokenizer
    tuned = SkillPipeline(fixture_taxonomy, nlp=spacy.blank("en")).nlp.tokenizer
    assert ours.rules == tuned.rules
    assert len(ours.rules) == 1347 - 6 + 56  # English's exceptions and the fixture names' cased forms with punctuation
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_data / "gold" / "postings").glob("*.txt"))]
    assert [[t.text for t in doc] for doc in ours.pipe(texts)] == [[t.text for t in doc] for doc in tuned.pipe(texts)]
