"""The career vocabulary of ``taxonomy/career.yaml`` (date words, section and title kinds, degree
levels, certification and posting-ask cues), validated on load with errors naming the entry."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import TaxonomyError
from ..taxonomy import read_yaml_file, shipped_taxonomy_dir

#: Education levels, strongest first; `LEVEL_RANK` orders them (higher is stronger).
LEVELS: tuple[str, ...] = ("phd", "master", "bachelor", "associate", "certificate", "high_school", "other")
LEVEL_RANK: Mapping[str, int] = {level: len(LEVELS) - i for i, level in enumerate(LEVELS)}
KINDS: tuple[str, ...] = ("job", "internship", "volunteer", "other")


@dataclass(frozen=True, eq=False)
class CareerVocabulary:
    """Every word list of career.yaml, lower-cased, ready for the readers (hashed by identity)."""

    months: Mapping[str, int]
    seasons: tuple[str, ...]
    present: tuple[str, ...]
    separators: tuple[str, ...]
    start_labels: tuple[str, ...]
    since: tuple[str, ...]
    written: tuple[str, ...]
    position_sections: Mapping[str, str]
    heading_kinds: Mapping[str, tuple[str, ...]]
    title_kinds: Mapping[str, tuple[str, ...]]
    employer_kinds: Mapping[str, tuple[str, ...]]
    heading_words: tuple[str, ...]
    not_sections: tuple[str, ...]
    detail_labels: tuple[str, ...]
    end_lines: frozenset[str]
    employer_suffixes: frozenset[str]
    employer_joiners: tuple[str, ...]
    sentence_verbs: tuple[str, ...]
    sentence_title_words: tuple[str, ...]
    sentence_employer_words: tuple[str, ...]
    title_joiners: frozenset[str]
    date_prepositions: frozenset[str]
    run_on_ends: frozenset[str]
    education_sections: tuple[str, ...]
    levels: Mapping[str, tuple[str, ...]]
    word_abbreviations: Mapping[str, tuple[str, ...]]
    cased_abbreviations: Mapping[str, tuple[str, ...]]
    level_aliases: Mapping[str, str]
    not_degree_after: tuple[str, ...]
    not_degree_before: tuple[str, ...]
    not_degrees: tuple[str, ...]
    institutions: tuple[str, ...]
    degree_institutions: tuple[str, ...]
    not_courses: tuple[str, ...]
    school_credentials: tuple[str, ...]
    loose_credentials: frozenset[str]
    field_connectives: frozenset[str]
    expected: tuple[str, ...]
    not_certifications: tuple[str, ...]
    numbers: Mapping[str, int]
    years_words: tuple[str, ...]
    preferred: tuple[str, ...]
    equivalent: tuple[str, ...]
    perks: tuple[str, ...]
    named_certifications: tuple[str, ...]
    connectives: tuple[str, ...]
    experience_words: tuple[str, ...]
    line_heads: tuple[str, ...]
    tenure_labels: tuple[str, ...]
    role_words: tuple[str, ...]
    purpose_words: tuple[str, ...]
    new_requirement: tuple[str, ...]
    run_on_openers: tuple[str, ...]
    run_on_labels: tuple[str, ...]
    run_on_headings: tuple[str, ...]
    certificate_degrees: tuple[str, ...]
    not_years_before: tuple[str, ...]
    substitution: tuple[str, ...]
    subset: tuple[str, ...]
    not_years_after: tuple[str, ...]
    field_lists: tuple[str, ...]
    field_openers: tuple[str, ...]
    degree_context: tuple[str, ...]


def words_pattern(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """Case-insensitive whole-word alternation of literal phrases (a prefix tree, the longer
    phrase first; either apostrophe), compiled once per word list."""
    return _words_pattern(tuple(words))


@functools.lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){trie_pattern(words) if words else '(?!x)x'}(?![\w])", re.IGNORECASE)


def trie_pattern(words: Iterable[str], between: str = "") -> str:
    """One alternation of ``words`` as a prefix tree ("bs", "bsc", "ba" -> b(?:s(?:c)?|a)), each
    character a literal (an apostrophe either kind) and ``between`` allowed between characters:
    a scan tries the few branches of the letter it meets, not every word; the longer word wins."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for c in word.casefold():
            node = node.setdefault(c, {})
        node[""] = {}

    def atom(c: str) -> str:
        return "['’]" if c in "'’" else re.escape(c)

    def rest(node: dict[str, dict]) -> str:
        branches = [atom(c) + rest(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        # one branch needs no group: "8570" is one run of literals, not 8(?:5(?:7(?:0))), which
        # the regex parser reads a group at a time (the first scan of a process compiles them)
        body = between + (branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")")
        return f"(?:{body})?" if "" in node else body

    return "(?:" + "|".join(atom(c) + rest(child) for c, child in sorted(root.items())) + ")"


def career_file() -> Path:
    """The shipped ``career.yaml``."""
    return shipped_taxonomy_dir() / "career.yaml"


def _by_level(reader: _Reader, entry: str, cased: bool = False) -> dict[str, tuple[str, ...]]:
    """The mapping ``entry`` of education level -> words, each key checked to be a level (the
    words case-folded unless ``cased``: forms matched as printed)."""
    out = {}
    for level, words in reader.mapping(entry).items():
        if level not in LEVELS:
            raise TaxonomyError(f"unknown education level {level!r}", source=reader.src, entry=entry, fix=f"use one of {', '.join(LEVELS)}")
        out[level] = reader.strings(f"{entry}.{level}", words, cased)
    return out


@functools.lru_cache(maxsize=4)
def load_career_vocabulary(path: str | None = None) -> CareerVocabulary:
    """Read and validate a career vocabulary file (the shipped one by default)."""
    src = path or str(career_file())
    data = read_yaml_file(src, what="career vocabulary")
    reader = _Reader(src, data)
    months: dict[str, int] = {}
    for number, words in reader.mapping("dates.months").items():
        if not isinstance(number, int) or not 1 <= number <= 12:
            raise TaxonomyError(f"month {number!r} is not 1-12", source=src, entry="dates.months", fix="key each month list by its number 1-12")
        for word in reader.strings(f"dates.months.{number}", words):
            months[word] = number
    levels = _by_level(reader, "education.levels")
    word_abbreviations = _by_level(reader, "education.word_abbreviations")
    cased_abbreviations = _by_level(reader, "education.cased_abbreviations", cased=True)
    aliases = {str(k): str(v) for k, v in reader.mapping("education.aliases").items()}
    for alias, level in aliases.items():
        if level not in LEVELS:
            raise TaxonomyError(f"alias {alias!r} maps to unknown level {level!r}", source=src, entry="education.aliases", fix=f"use one of {', '.join(LEVELS)}")
    sections = {str(k): str(v) for k, v in reader.mapping("positions.sections").items()}
    heading_kinds = {k: reader.list(f"positions.heading_kinds.{k}", v) for k, v in reader.mapping("positions.heading_kinds").items()}
    title_kinds = {k: reader.list(f"positions.title_kinds.{k}", v) for k, v in reader.mapping("positions.title_kinds").items()}
    employer_kinds = {k: reader.list(f"positions.employer_kinds.{k}", v) for k, v in reader.mapping("positions.employer_kinds").items()}
    for entry, kinds in (("positions.sections", sections.values()), ("positions.heading_kinds", heading_kinds), ("positions.title_kinds", title_kinds), ("positions.employer_kinds", employer_kinds)):
        for kind in kinds:
            if kind not in KINDS:
                raise TaxonomyError(f"unknown position kind {kind!r}", source=src, entry=entry, fix=f"use one of {', '.join(KINDS)}")
    numbers = reader.mapping("asks.numbers")
    if not all(isinstance(v, int) for v in numbers.values()):
        raise TaxonomyError("every number word needs an integer value", source=src, entry="asks.numbers", fix="write  three: 3")
    return CareerVocabulary(
        months=months,
        seasons=reader.list("dates.seasons"),
        present=reader.list("dates.present"),
        separators=reader.list("dates.separators"),
        start_labels=reader.list("dates.start_labels"),
        since=reader.list("dates.since"),
        written=reader.list("dates.written"),
        position_sections=sections,
        heading_kinds=heading_kinds,
        title_kinds=title_kinds,
        employer_kinds=employer_kinds,
        heading_words=reader.list("positions.heading_words"),
        not_sections=reader.list("positions.not_sections"),
        detail_labels=reader.list("positions.detail_labels"),
        end_lines=frozenset(reader.list("positions.end_lines")),
        employer_suffixes=frozenset(reader.list("positions.employer_suffixes")),
        employer_joiners=reader.list("positions.employer_joiners"),
        sentence_verbs=reader.list("positions.sentence_verbs"),
        sentence_title_words=reader.list("positions.sentence_title_words"),
        sentence_employer_words=reader.list("positions.sentence_employer_words"),
        title_joiners=frozenset(reader.list("positions.title_joiners")),
        date_prepositions=frozenset(reader.list("positions.date_prepositions")),
        run_on_ends=frozenset(reader.list("positions.run_on_ends")),
        education_sections=reader.list("education.sections"),
        levels=levels,
        word_abbreviations=word_abbreviations,
        cased_abbreviations=cased_abbreviations,
        level_aliases=aliases,
        not_degree_after=reader.list("education.not_degree_after"),
        not_degree_before=reader.list("education.not_degree_before"),
        not_degrees=reader.list("education.not_degrees"),
        institutions=reader.list("education.institutions"),
        degree_institutions=reader.list("education.degree_institutions"),
        not_courses=reader.list("education.not_courses"),
        school_credentials=reader.list("education.school_credentials"),
        loose_credentials=frozenset(reader.list("education.loose_credentials")),
        field_connectives=frozenset(reader.list("education.field_connectives")),
        expected=reader.list("education.expected"),
        not_certifications=reader.list("certifications.not_certifications"),
        numbers={str(k).casefold(): int(v) for k, v in numbers.items()},
        years_words=reader.list("asks.years"),
        preferred=reader.list("asks.preferred"),
        equivalent=reader.list("asks.equivalent"),
        perks=reader.list("asks.perks"),
        named_certifications=reader.list("asks.certifications"),
        connectives=reader.list("asks.connectives"),
        experience_words=reader.list("asks.experience"),
        line_heads=reader.list("asks.line_heads"),
        tenure_labels=reader.list("asks.tenure_labels"),
        role_words=reader.list("asks.role_words"),
        purpose_words=reader.list("asks.purpose_words"),
        new_requirement=reader.list("asks.new_requirement"),
        run_on_openers=reader.list("asks.run_on_openers"),
        run_on_labels=reader.list("asks.run_on_labels"),
        run_on_headings=reader.list("asks.run_on_headings"),
        certificate_degrees=reader.list("asks.certificate_degrees"),
        not_years_before=reader.list("asks.not_years_before"),
        substitution=reader.list("asks.substitution"),
        subset=reader.list("asks.subset"),
        not_years_after=reader.list("asks.not_years_after"),
        field_lists=reader.list("asks.field_lists"),
        field_openers=reader.list("asks.field_openers"),
        degree_context=reader.list("asks.degree_context"),
    )


class _Reader:
    """Dotted-path access into the loaded YAML with file/entry/fix errors."""

    def __init__(self, src: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise TaxonomyError("the top level must be a mapping (dates:, positions:, education:, certifications:, asks:)", source=src, fix="see the comment at the top of career.yaml")
        self.src, self.data = src, data

    def get(self, dotted: str) -> Any:
        node: Any = self.data
        for key in dotted.split("."):
            if not isinstance(node, dict) or key not in node:
                raise TaxonomyError(f"missing {dotted!r}", source=self.src, entry=dotted, fix=f"add {key}: to career.yaml (see the shipped file)")
            node = node[key]
        return node

    def mapping(self, dotted: str) -> dict[Any, Any]:
        node = self.get(dotted)
        if not isinstance(node, dict):
            raise TaxonomyError(f"{dotted!r} must be a mapping", source=self.src, entry=dotted, fix="write key: value lines under it")
        return node

    def strings(self, dotted: str, node: Any, cased: bool = False) -> tuple[str, ...]:
        if not isinstance(node, list) or not all(isinstance(w, str) and w.strip() for w in node):
            raise TaxonomyError(f"{dotted!r} must be a list of non-empty strings", source=self.src, entry=dotted, fix="write - phrase")
        return tuple(w.strip() if cased else w.strip().casefold() for w in node)

    def list(self, dotted: str, node: Any = None) -> tuple[str, ...]:
        return self.strings(dotted, self.get(dotted) if node is None else node)
