"""Section headings and the résumé / posting guess, from a vocabulary of `skillgap.rules` (taxonomy/sections.yaml).

A line is a heading when it *looks* like one (short, no sentence punctuation, capitals, Title
Case or a trailing colon) and its words match the vocabulary: a whole heading, fuzzily
(rapidfuzz, so "Experiance" and "Skills & Tools" still match), or else a keyword of a section
("PROJECTS UNDERTAKEN" -> projects). "Key Skills: Python, SQL" starts a section inline.
In postings the layout also makes a heading: a short sentence-case line standing alone (after a
blank line, a finished sentence or the start, before a blank line, a bullet or a capitalised
line) is matched like a Title Case one ("A bit about you", "Physical demands", "Why join us").
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping

from rapidfuzz import fuzz, process

from ..rules import KINDS, Vocabulary, load_rules, normalize_heading
from .model import DocumentKind, Section

__all__ = ["KINDS", "Vocabulary", "classify_line", "detect_sections", "guess_kind", "load_vocabularies", "normalize_heading"]
#: rapidfuzz ``ratio`` a heading must reach against a vocabulary heading (0-100).
HEADING_CUTOFF = 88
#: Longest heading line (characters, words; more when it ends in a colon or question mark),
#: longest heading found by keyword, and longest label of an inline "Label: text".
MAX_HEADING_CHARS = 60
MAX_HEADING_WORDS = 7
MAX_LABEL_HEADING_WORDS = 10  # a line ending in ":" or "?" ("What you need to be successful in this role:")
MAX_KEYWORD_WORDS = 6
MAX_INLINE_WORDS = 4
#: A line that is a heading by layout alone may end in its keyword only up to this many words
#: ("Experience requirements"); longer, it is a list item ("Previous leadership experience preferred").
MAX_LAYOUT_TAIL_WORDS = 3

_MARKERS = " \t•*#_=~|>-–—:.·?"
_DIGIT = re.compile(r"\d")
_SMALL_WORDS = frozenset({"and", "&", "of", "the", "in", "for", "to", "a", "an", "with", "on", "at", "or"})


def load_vocabularies(path: str | os.PathLike | None = None) -> Mapping[str, Vocabulary]:
    """The ``resume`` and ``posting`` vocabularies of a sections file (default: the shipped one), from `load_rules`."""
    return load_rules(path).vocabularies


def detect_sections(text: str, kind: DocumentKind, vocabularies: Mapping[str, Vocabulary] | None = None) -> tuple[Section, ...]:
    """Sections of ``text``: each runs from its heading line to the next heading (or the end).

    A sub-heading of the section it is in ("Programming Languages" under "Skills", "Domestic
    Awards" under "Honors & Awards") does not start a new section, and neither does an inline
    label ("Relevant Coursework: ...") once a section has begun: those are fields of it. Above
    the first heading an inline label does start one ("Key Skills: ..." in job-board exports)."""
    vocab = (vocabularies or load_vocabularies())[kind]
    starts: list[tuple[int, str, str]] = []
    for start, name, heading, inline in _headings(text, vocab, layout=kind == "posting"):
        if starts and (inline or name == starts[-1][1]):
            continue
        starts.append((start, name, heading))
    sections = []
    for i, (start, name, heading) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sections.append(Section(name=name, heading=heading, start=start, end=end))
    return tuple(sections)


def _headings(text: str, vocab: Vocabulary, *, layout: bool = False) -> Iterator[tuple[int, str, str, bool]]:
    """(line start, canonical section name, heading as printed, inline?) for each heading line;
    with ``layout``, a line standing alone (see `_stands_alone`) counts as heading-shaped."""
    offset = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        alone = layout and _stands_alone(lines[i - 1] if i else "", line, lines[i + 1] if i + 1 < len(lines) else "")
        found = _classify(line, vocab, alone=alone)
        if found is not None:
            yield (offset + len(line) - len(line.lstrip()), *found)
        offset += len(line) + 1


def _stands_alone(before: str, line: str, after: str) -> bool:
    """Whether ``line`` stands apart as a heading would: the line before is blank, ends a sentence
    or is absent, and the line after is blank, absent, a bullet or starts with a capital or digit
    (so a hard-wrapped "Works on small to" + "mid-sized ..." is no heading). A line ending in a
    small word ("... the") continues."""
    words = line.split()
    if not words or words[-1].casefold() in _SMALL_WORDS:
        return False
    before, after = before.strip(), after.strip()
    if before and not before.endswith((".", "!", "?", ":")):
        return False
    return not after or after[0] in _MARKERS or after[0].isupper() or after[0].isdigit()


def classify_line(line: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """(section name, heading as printed) when ``line`` is a heading, else None."""
    found = _classify(line, vocab)
    return found[:2] if found else None


def _classify(line: str, vocab: Vocabulary, *, alone: bool = False) -> tuple[str, str, bool] | None:
    stripped = line.strip()
    if not stripped or len(stripped) > 400:
        return None
    label, sep, rest = stripped.partition(":")
    if sep and rest.strip():
        # "Key Skills: Python, SQL": an inline heading when the label is a known heading.
        label = label.strip(_MARKERS)
        if 0 < len(label.split()) <= MAX_INLINE_WORDS and not _DIGIT.search(label):
            name = _match_heading(normalize_heading(label), vocab)
            if name is not None:
                return name, label, True
        return None
    heading = stripped.strip(_MARKERS)
    if not heading or len(heading) > MAX_HEADING_CHARS or _DIGIT.search(heading):
        return None
    words = heading.split()
    labelled = stripped.rstrip(" *_").endswith((":", "?"))
    if len(words) > (MAX_LABEL_HEADING_WORDS if labelled else MAX_HEADING_WORDS) or heading.endswith((",", ";")) or "\t" in heading:
        return None
    if stripped.endswith(".") and not stripped.isupper():
        return None
    norm = normalize_heading(heading)
    if not norm:
        return None
    name = _match_heading(norm, vocab)
    shaped = _heading_shaped(heading, colon=labelled)
    # a sentence-case line is a heading by layout alone unless it reads as a list item: a bullet,
    # a bracket or a full stop inside ("- Bachelor's degree (preferred)", "Master's or Ph.D. preferred")
    by_layout = alone and not shaped and stripped[0] not in _MARKERS and not any(c in heading for c in "().")
    if name is not None and (shaped or by_layout or norm in vocab.headings):
        return name, heading, False
    if (shaped or by_layout) and len(words) <= MAX_KEYWORD_WORDS:
        keys = norm.split()
        for i, word in enumerate(reversed(keys)):
            name = vocab.keywords.get(word)
            if name is not None and not (by_layout and i == 0 and len(keys) > MAX_LAYOUT_TAIL_WORDS):
                return name, heading, False  # by layout, "Previous leadership experience preferred" is an item
    return None


def _match_heading(norm: str, vocab: Vocabulary) -> str | None:
    name = vocab.headings.get(norm)
    if name is not None:
        return name
    if len(norm) < 5:
        return None
    best = process.extractOne(norm, vocab.headings.keys(), scorer=fuzz.ratio, score_cutoff=HEADING_CUTOFF)
    return vocab.headings[best[0]] if best else None


def _heading_shaped(heading: str, *, colon: bool) -> bool:
    """Capitals, Title Case (small words aside) or a trailing colon."""
    letters = [c for c in heading if c.isalpha()]
    if not letters:
        return False
    if colon or all(c.isupper() for c in letters):
        return True
    words = [w for w in re.split(r"[\s/,&-]+", heading) if w]
    return all(w[0].isupper() or not w[0].isalpha() or w.casefold() in _SMALL_WORDS for w in words)


def guess_kind(text: str, vocabularies: Mapping[str, Vocabulary] | None = None) -> tuple[DocumentKind, str]:
    """``resume`` or ``posting``, with the reason. Points: 2 per heading only one kind uses
    (exact), 1 per distinct cue phrase, for résumés 1 per date range (at most 5), for postings
    2 per address word ("you", "we") per 100 words (at most 10). Ties go to ``resume``."""
    vocabs = vocabularies or load_vocabularies()
    head = text[:50_000]
    lowered = head.casefold()
    words = max(1, len(lowered.split()))
    scores: dict[str, float] = {}
    reasons: dict[str, str] = {}
    for kind in KINDS:
        vocab = vocabs[kind]
        own = {name for _, name, h, _ in _headings(head, vocab) if normalize_heading(h) in vocab.headings and not _shared(normalize_heading(h), vocabs)}
        cues = set(vocab.cue_pattern.findall(lowered)) if vocab.cue_pattern else set()
        ranges = len(vocab.date_range_pattern.findall(lowered)) if vocab.date_range_pattern else 0
        address = 100 * len(vocab.address_pattern.findall(lowered)) / words if vocab.address_pattern else 0.0
        scores[kind] = 2 * len(own) + len(cues) + min(ranges, 5) + min(2 * address, 10)
        reasons[kind] = f"score {scores[kind]:.1f}: {len(own)} {kind} headings, {len(cues)} cue phrases" + (f", {ranges} date ranges" if ranges else "") + (f", {address:.1f} you/we per 100 words" if address else "")
    kind: DocumentKind = "posting" if scores["posting"] > scores["resume"] else "resume"
    other = "resume" if kind == "posting" else "posting"
    return kind, f"{reasons[kind]}; {other} {scores[other]:.1f}"


def _shared(norm: str, vocabs: Mapping[str, Vocabulary]) -> bool:
    """Headings both vocabularies know ("skills", "summary") say nothing about the kind."""
    return all(norm in v.headings for v in vocabs.values())
