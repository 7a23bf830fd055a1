"""The document rules of ``sections.yaml`` as one typed value: section vocabularies, cue phrases, gap rules.

The file is read and validated once (`load_rules`, cached per path) into a frozen `Rules`
that the reader (``read_document(vocabulary=)``), the extractor (``SkillExtractor(cues=)``)
and the gap step (``prepare_job(rules=)``) are handed, so a user's own file changes all three
alike. It sits at the taxonomy layer: documents, extract and gap read it, it reads none of them.
Unknown keys are errors with a "did you mean", as in skills files.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from .errors import TaxonomyError
from .taxonomy import IMPORTANCES, _check_keys, _suggest, read_yaml_file, shipped_taxonomy_dir

KINDS: tuple[str, ...] = ("resume", "posting")
_TOP_KEYS = frozenset({*KINDS, "cues", "gap"})
_KIND_KEYS = frozenset({"headings", "keywords", "cues", "ongoing", "address"})
_GAP_KEYS = frozenset({"section_importance", "company_sections"})
#: Cue kinds matched as token phrases around mentions.
CUE_KINDS = ("technical", "skill_after", "negation_before", "negation_after", "required", "preferred", "not_skill", "title_before", "preferred_label", "people", "groups", "company_text", "company_text_led", "company_subjects", "company_nouns", "legal_text", "form_field", "list_openers", "group_openers")
#: Kinds matched besides the cue kinds: the posting headings other than the preferred ones (they end a preferred label's span).
LABEL_END = "label_end"
_CUE_KEYS = frozenset({*CUE_KINDS, "technical_sections", "list_separators", "line_continuers", "bullets", "preferred_sections", "alternative_words", "choice_openers", "people_before", "own_role_before", "people_acts", "people_before_noun", "people_ranks", "people_nouns", "acronym_skips", "conjunctions", "levels", "name_joiners", "company_copulas"})
_NON_WORD = re.compile(r"[^\w'+#]+")

#: What a caller may pass where rules are taken: the value, or the path of a sections file.
RulesSource = Union["Rules", str, os.PathLike]


def normalize_heading(text: str) -> str:
    """Comparison key of a heading: case-folded, "&" -> "and", punctuation dropped."""
    text = text.casefold().replace("&", " and ").replace("’", "'")
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class Vocabulary:
    """One document kind's headings (normalised heading -> section), keywords and cue phrases."""

    headings: Mapping[str, str]
    keywords: Mapping[str, str]
    cues: tuple[str, ...] = ()
    ongoing: tuple[str, ...] = ()
    address: tuple[str, ...] = ()

    @functools.cached_property
    def cue_pattern(self) -> re.Pattern[str] | None:
        """Whole-word alternation of the cue phrases."""
        return _words_pattern(self.cues)

    @functools.cached_property
    def address_pattern(self) -> re.Pattern[str] | None:
        """Whole-word alternation of the words that address the reader."""
        return _words_pattern(self.address)

    @functools.cached_property
    def date_range_pattern(self) -> re.Pattern[str] | None:
        """A year followed by a dash and a year or an 'ongoing' word: "2019 - 2021", "2020 – Present"."""
        ends = "|".join(re.escape(w) for w in sorted(self.ongoing, key=len, reverse=True))
        if not ends:
            return None
        return re.compile(rf"(?<!\d)(?:19|20)\d\d ?[-–—] ?(?:(?:19|20)\d\d(?!\d)|(?:{ends})(?!\w))")


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word alternation of literal phrases (no nested quantifiers: no backtracking blow-up)."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@dataclass(frozen=True)
class Cues:
    """Cue phrases by kind (token-matched, case-insensitive) plus section names and list separators.

    ``phrases["preferred_label"]`` holds ``cues.preferred_label`` and the posting's preferred
    headings; ``phrases["label_end"]`` the posting's other headings.
    """

    phrases: Mapping[str, tuple[str, ...]]
    technical_sections: frozenset[str]
    preferred_sections: frozenset[str]
    list_separators: frozenset[str]
    line_continuers: frozenset[str]
    bullets: frozenset[str]
    #: Words that make a list of skills a choice ("PHP, Python or Go").
    alternative_words: frozenset[str] = frozenset()
    #: Phrases after which a list of skills is a choice as a whole ("one of: Python, Perl, PHP").
    choice_openers: tuple[str, ...] = ()
    #: Words that point at other people before a name of people ("with product managers"), and
    #: the words before one of them that make it one's own role ("as a mentor").
    people_before: frozenset[str] = frozenset()
    own_role_before: frozenset[str] = frozenset()
    #: Two words, one of `people_before` and the -ing form of a verb whose object is people, that open
    #: an act on the people after them, not their name ("by mentoring staff"; "by nursing staff" names them).
    people_acts: frozenset[str] = frozenset()
    #: Words that point at people only right before a name ending in a people noun that is no verb
    #: ("explaining concepts to product managers", "present to leadership"; "to mentor" is the infinitive).
    people_before_noun: frozenset[str] = frozenset()
    #: Words that rank or place people, allowed between such a word and the name ("to executive
    #: leadership", "present to C-suite leadership"): no verb, so "to provide leadership" stays.
    people_ranks: frozenset[str] = frozenset()
    people_nouns: frozenset[str] = frozenset()
    #: Small words a document's own acronym definition may skip ("Bachelor of Science in Nursing (BSN)");
    #: also the small words the employer's "Acme is a ... company" clause may hold only first (`context._says_what_it_is`).
    acronym_skips: frozenset[str] = frozenset()
    #: Words that join the last items of a list ("and", "or"): "leadership and ..." may be the skill.
    conjunctions: frozenset[str] = frozenset()
    #: Words of a proficiency level that may stand beside an ambiguous name in its item ("Basic Word", "Go intermediate").
    levels: frozenset[str] = frozenset()
    #: Words and marks that join the words of an organisation's unit name ("Sales Training and Leadership").
    name_joiners: frozenset[str] = frozenset()
    #: Verbs that say what the employer is ("Acme is a data storage company", `cues.company_nouns`).
    company_copulas: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rules:
    """Everything ``sections.yaml`` says: the two kinds' section vocabularies, the extractor's
    cues and the gap step's section rules (``section_importance``: posting section -> importance
    when no cue says; ``company_sections``: posting sections whose skills are not asked for).
    Plain values throughout, so it pickles to worker processes as it is."""

    resume: Vocabulary
    posting: Vocabulary
    cues: Cues
    section_importance: Mapping[str, str]
    company_sections: frozenset[str]
    source: str = field(default="", compare=False)

    @functools.cached_property
    def vocabularies(self) -> Mapping[str, Vocabulary]:
        """The vocabulary of each document kind (``resume``, ``posting``)."""
        return {"resume": self.resume, "posting": self.posting}


def sections_file() -> Path:
    """The shipped ``sections.yaml``."""
    return shipped_taxonomy_dir() / "sections.yaml"


def load_rules(path: str | os.PathLike | None = None) -> Rules:
    """The rules of a sections file (default: the shipped one), read and validated once per path.

    A top-level part the file leaves out (``cues:``, ``gap:``) is taken from the shipped file,
    so a file holding only ``resume:`` and ``posting:`` headings is enough.
    """
    return _load_rules(os.fspath(path) if path is not None else str(sections_file()))


def as_rules(source: RulesSource | None) -> Rules:
    """``source`` as `Rules`: the value itself, a path's file loaded (cached), None the shipped rules."""
    if source is None or isinstance(source, Rules):
        return source or load_rules()
    return load_rules(source)


@functools.lru_cache(maxsize=8)
def _load_rules(src: str) -> Rules:
    data = _read(src)
    borrowed = {"cues", "gap"} - data.keys()
    if borrowed:
        defaults = _read(str(sections_file()))
        data = {**{k: defaults[k] for k in borrowed}, **data}
    _check_keys(data, _TOP_KEYS, src, None, "a sections file")
    for key in ("cues", "gap"):
        if not isinstance(data.get(key), dict):
            raise TaxonomyError(f"'{key}' must be a mapping", source=src, entry=key, fix="see the comments in the shipped taxonomy/sections.yaml")
    resume, posting = (_vocabulary(data.get(kind), src, kind) for kind in KINDS)
    # section names the file's own cues: and gap: use must be sections of its vocabularies
    sections = {*resume.headings.values(), *resume.keywords.values(), *posting.headings.values(), *posting.keywords.values()}
    posting_headings = data["posting"]["headings"]  # checked by _vocabulary
    cues = _cues(data["cues"], posting_headings, src, None if "cues" in borrowed else sections)
    importance, company = _gap(data["gap"], src, None if "gap" in borrowed else set(posting_headings))
    return Rules(resume=resume, posting=posting, cues=cues, section_importance=importance, company_sections=company, source=src)


def _read(src: str) -> dict[str, Any]:
    data = read_yaml_file(src, what="section vocabulary")
    if not isinstance(data, dict):
        raise TaxonomyError("the top level must be a mapping with resume: and posting:", source=src, fix="see the comment at the top of sections.yaml")
    return data


def _strings(value: Any, src: str, entry: str, fix: str) -> tuple[str, ...]:
    value = value or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise TaxonomyError(f"{entry} must be a list of non-empty strings", source=src, entry=entry, fix=fix)
    return tuple(value)


def _words(values: tuple[str, ...], src: str, entry: str) -> tuple[str, ...]:
    """``values`` when each is one word: a phrase there could never equal a single word."""
    for value in values:
        if len(value.split()) != 1:
            raise TaxonomyError(f"{value!r} is not one word", source=src, entry=entry, fix="list single words, one per item")
    return values


def _acts(values: tuple[str, ...], pointers: frozenset[str], src: str) -> frozenset[str]:
    """``cues.people_acts`` as lower-case pairs, each a `people_before` word and one more: a longer
    phrase, or another first word, could never be looked up."""
    out = set()
    for value in values:
        words = value.lower().split()
        if len(words) != 2 or words[0] not in pointers:
            raise TaxonomyError(f"{value!r} is not a word of people_before and one more word", source=src, entry="cues.people_acts", fix="write two words, e.g. 'by mentoring'")
        out.add(" ".join(words))
    return frozenset(out)


def _vocabulary(data: Any, src: str, kind: str) -> Vocabulary:
    if not isinstance(data, dict) or not isinstance(data.get("headings"), dict):
        raise TaxonomyError(f"'{kind}' must be a mapping with headings:", source=src, entry=kind, fix="write headings: {section: [heading, ...]}")
    _check_keys(data, _KIND_KEYS, src, kind, f"the {kind} vocabulary")
    headings: dict[str, str] = {}
    keywords: dict[str, str] = {}
    for target, key in ((headings, "headings"), (keywords, "keywords")):
        for name, phrases in (data.get(key) or {}).items():
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise TaxonomyError(f"{key} of section {name!r} must be a list of strings", source=src, entry=f"{kind}.{name}", fix="write - heading text")
            for phrase in phrases:
                norm = normalize_heading(phrase)
                if norm in target and target[norm] != name:
                    raise TaxonomyError(f"{phrase!r} is listed under both {target[norm]!r} and {name!r}", source=src, entry=f"{kind}.{key}", fix="keep it under one section")
                target[norm] = str(name)
    lists = {key: tuple(c.casefold() for c in _strings(data.get(key), src, f"{kind}.{key}", "write - phrase")) for key in ("cues", "ongoing", "address")}
    return Vocabulary(headings=headings, keywords=keywords, **lists)


def _cues(cues: dict[str, Any], posting_headings: Mapping[str, Any], src: str, sections: set[str] | None) -> Cues:
    _check_keys(cues, _CUE_KEYS, src, "cues", "cues")

    def strings(key: str) -> tuple[str, ...]:
        return _strings(cues.get(key), src, f"cues.{key}", f"write {key}: [a, b]")

    for key in ("technical_sections", "preferred_sections"):
        _known_sections(strings(key), sections, src, f"cues.{key}")
    preferred = strings("preferred_sections")
    preferred_headings = tuple(h for name in preferred for h in posting_headings.get(name, []))
    phrases = {kind: strings(kind) for kind in CUE_KINDS}
    for label in phrases["form_field"]:
        if label.rstrip().endswith(":"):  # the rule reads the colon after the label itself
            raise TaxonomyError(f"form field label {label!r} ends in a colon", source=src, entry="cues.form_field", fix=f"write {label.rstrip()[:-1].rstrip()!r}: the colon after it is looked for in the text")
    phrases["preferred_label"] = tuple(dict.fromkeys(phrases["preferred_label"] + preferred_headings))
    phrases[LABEL_END] = tuple(h for name, hs in posting_headings.items() if name not in preferred for h in hs)
    return Cues(
        phrases=phrases,
        technical_sections=frozenset(strings("technical_sections")),
        preferred_sections=frozenset(preferred),
        list_separators=frozenset(s.lower() for s in strings("list_separators")),
        line_continuers=frozenset(s.lower() for s in strings("line_continuers")),
        bullets=frozenset(strings("bullets")),
        alternative_words=frozenset(s.lower() for s in strings("alternative_words")),
        choice_openers=strings("choice_openers"),
        people_before=frozenset(s.lower() for s in strings("people_before")),
        own_role_before=frozenset(s.lower() for s in strings("own_role_before")),
        people_acts=_acts(strings("people_acts"), frozenset(s.lower() for s in strings("people_before")), src),
        people_before_noun=frozenset(s.lower() for s in _words(strings("people_before_noun"), src, "cues.people_before_noun")),
        people_ranks=frozenset(s.lower() for s in _words(strings("people_ranks"), src, "cues.people_ranks")),
        people_nouns=frozenset(s.lower() for s in _words(strings("people_nouns"), src, "cues.people_nouns")),
        acronym_skips=frozenset(s.lower() for s in _words(strings("acronym_skips"), src, "cues.acronym_skips")),
        conjunctions=frozenset(s.lower() for s in _words(strings("conjunctions"), src, "cues.conjunctions")),
        levels=frozenset(s.lower() for s in _words(strings("levels"), src, "cues.levels")),
        name_joiners=frozenset(s.lower() for s in _words(strings("name_joiners"), src, "cues.name_joiners")),
        company_copulas=frozenset(s.lower() for s in _words(strings("company_copulas"), src, "cues.company_copulas")),
    )


def _gap(data: dict[str, Any], src: str, posting_sections: set[str] | None) -> tuple[Mapping[str, str], frozenset[str]]:
    _check_keys(data, _GAP_KEYS, src, "gap", "gap")
    importance = data.get("section_importance") or {}
    if not isinstance(importance, dict) or not all(v in IMPORTANCES for v in importance.values()):
        raise TaxonomyError("section_importance must map posting sections to required or preferred", source=src, entry="gap.section_importance", fix="write section_importance: {requirements: required}")
    company = _strings(data.get("company_sections"), src, "gap.company_sections", "write company_sections: [benefits]")
    _known_sections((*importance, *company), posting_sections, src, "gap")
    return {str(k): str(v) for k, v in importance.items()}, frozenset(company)


def _known_sections(names: tuple[str, ...], sections: set[str] | None, src: str, entry: str) -> None:
    """Section names that no vocabulary assigns would silently never apply: an error instead
    (``sections`` None: the names come from the shipped file, not checked against this one)."""
    for name in names if sections is not None else ():
        if name not in sections:
            raise TaxonomyError(f"{name!r} is no section of the vocabularies", source=src, entry=entry, fix=_suggest(name, sections) or f"use one of {', '.join(sorted(sections))}")
