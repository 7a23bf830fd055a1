"""Priming spaCy's tokenizer cache chunk by chunk: the same tokens, and no affix rule run again."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from skillgap.extract import affixes, pipeline
from skillgap.extract.chunks import ChunkPrimer
from skillgap.extract.pipeline import SkillPipeline
from skillgap.taxonomy import Taxonomy


class _CountingSkip(affixes.PlainWordSkip):
    """A prefix rule that counts how often spaCy asks it: once per chunk it splits anew."""

    calls = 0

    def search(self, text: str):  # type: ignore[no-untyped-def]
        type(self).calls += 1
        return super().search(text)


#: Chunks after the first special case ("C#") are never cached by spaCy alone: four made-up words
#: and one with a comma (no phrase of the pipeline's matchers, which are tokenized and cached as it is built).
TEXT = "We use C# plinth wobble, e.g. snark you'll vexil"


def _prefix_calls(monkeypatch: pytest.MonkeyPatch, taxonomy: Taxonomy, *, primed: bool) -> tuple[int, list[tuple[str, str]]]:
    monkeypatch.setattr(pipeline, "PlainWordSkip", _CountingSkip)
    pipe = SkillPipeline(taxonomy)
    tokenize = pipe.doc if primed else pipe.nlp
    tokenize(TEXT)
    _CountingSkip.calls = 0
    doc = tokenize(TEXT)
    return _CountingSkip.calls, [(t.text, t.whitespace_) for t in doc]


def test_primed_chunks_come_from_the_cache(monkeypatch: pytest.MonkeyPatch, fixture_taxonomy: Taxonomy) -> None:
    plain_calls, plain_tokens = _prefix_calls(monkeypatch, fixture_taxonomy, primed=False)
    primed_calls, primed_tokens = _prefix_calls(monkeypatch, fixture_taxonomy, primed=True)
    assert plain_calls == 5  # plinth, "wobble," (twice: the comma, then the word), snark, vexil: split again in every document
    assert primed_calls == 0
    assert primed_tokens == plain_tokens
    assert [t for t, _ in primed_tokens] == ["We", "use", "C#", "plinth", "wobble", ",", "e.g.", "snark", "you", "'ll", "vexil"]


def test_priming_changes_no_token(fixture_taxonomy: Taxonomy, shared_data: Path) -> None:
    """The gold postings tokenized by a primed pipeline and by one that never primes: the same docs, byte for byte."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_data / "gold" / "postings").glob("*.txt"))]
    primed, plain = SkillPipeline(fixture_taxonomy), SkillPipeline(fixture_taxonomy)
    assert [d.to_bytes() for d in primed.docs(texts)] == [plain.nlp(t).to_bytes() for t in texts]
    assert len(texts) > 20


def test_a_tokenizer_of_ones_own_is_left_alone() -> None:
    primer = ChunkPrimer(lambda text: text.split())
    primer.prime(["a b c"])
    assert primer.tokenizer is None
    assert ChunkPrimer(spacy.blank("en").tokenizer).tokenizer.max_cache_size == 100_000


def test_one_character_special_cases_are_left_out_and_change_no_token(fixture_taxonomy: Taxonomy, shared_data: Path) -> None:
    """A special case of one character that stays itself (" ", "&", "'", "’") is not given to spaCy:
    no affix rule splits a character, so the docs are the same byte for byte as with them."""
    pipe = SkillPipeline(fixture_taxonomy)
    rules = pipe.nlp.tokenizer.rules
    assert not {" ", "\n", "\t", "'", "’", "—"} & set(rules) and "e.g." in rules and "C#" in rules
    kept = SkillPipeline(fixture_taxonomy)
    kept.nlp.tokenizer.rules = {**rules, **{c: [{"ORTH": c}] for c in (" ", "\n", "\t", "&", "'", "’", "—")}}
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_data / "gold" / "postings").glob("*.txt"))]
    texts.append("R&D  at AT&T — the 'team’s' tools &\tmore\n")
    assert [d.to_bytes() for d in pipe.docs(texts)] == [kept.nlp(t).to_bytes() for t in texts]
    assert [t.text for t in pipe.doc(texts[-1])] == ["R&D", " ", "at", "AT&T", "—", "the", "'", "team", "’s", "'", "tools", "&", "\t", "more", "\n"]
