"""No regular expression that touches document text backtracks catastrophically."""

from __future__ import annotations

import re

import skillgap.taxonomy
from regex_safety import compiled_patterns, literal_patterns, skillgap_modules, slowest_input_seconds, taxonomy_patterns
from skillgap.parallel import imap_ordered

#: Modules whose patterns never see document text: taxonomy ids, slugs and CSV cells only.
NOT_DOCUMENT_TEXT = frozenset({"skillgap.taxonomy", "skillgap.errors"})
#: A linear pattern scans 50k characters in milliseconds; a quadratic one takes seconds.
WORST_SECONDS = 1.0


def test_collectors_find_compiled_literal_and_taxonomy_patterns():
    assert ("taxonomy:javascript", r"^[a-z0-9]+\.js$", re.UNICODE) in taxonomy_patterns(skillgap.taxonomy.load_taxonomy())
    compiled = {p for _, p, _ in compiled_patterns(skillgap.taxonomy)}
    literal = {p for _, p, _ in literal_patterns(skillgap.taxonomy)}
    assert r"[a-z0-9]+(?:-[a-z0-9]+)*\Z" in compiled
    assert {r"[a-z0-9]+", r"[\n|]"} <= literal


def test_the_timing_catches_a_quadratic_pattern():
    # On 20k characters (to keep the test short) a quadratic pattern is hundreds of times slower.
    linear = slowest_input_seconds((r"\s+", 0), length=20_000)
    assert slowest_input_seconds((r"\s+$", 0), length=20_000) > 100 * max(linear, 1e-3)


def test_no_pattern_backtracks_catastrophically_on_long_input():
    specs = {}
    for module in skillgap_modules(skip=NOT_DOCUMENT_TEXT):
        for where, pattern, flags in compiled_patterns(module) + literal_patterns(module):
            specs.setdefault((pattern, flags), where)
    for where, pattern, flags in taxonomy_patterns(skillgap.taxonomy.load_taxonomy()):
        specs.setdefault((pattern, flags), where)
    outcomes = imap_ordered(slowest_input_seconds, list(specs), n_process=2, timeout=60)
    slow = {
        where: outcome.error or f"{outcome.value:.2f} s"
        for (spec, where), outcome in zip(specs.items(), outcomes, strict=True)
        if not outcome.ok or outcome.value > WORST_SECONDS
    }
    assert slow == {}
