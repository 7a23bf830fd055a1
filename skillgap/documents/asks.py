"""What a posting asks beyond skill names: years statements, degree statements, certifications.

This is text reading only (the documents layer): `YearsStatement` gives each "N+ years ..."
with its clause and whether it is preferred; `skillgap.extract` ties the skills named in the
clause to it and tells overall experience from skill years. The degree asked is the lowest
level of the alternatives of a required degree statement ("MS/PhD ... or BS with ..." ->
bachelor), not required when experience may replace it ("or equivalent experience"); a
statement marked preferred ("ideally", "a plus", a Preferred section) gives `preferred_degree`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .careervocab import LEVEL_RANK, CareerVocabulary, load_career_vocabulary, words_pattern
from .degrees import degree_finder
from .model import Document

#: Sections whose statements are not asks (the perks, how to apply). Requirements printed under
#: a duties or summary heading are common (sections are often missed), so those count.
_NOT_ASKS = ("benefits", "application")
#: Most lines of a list under a years line ("5+ years with the following:") tied to its years.
MAX_LIST_LINES = 12
#: A clause ends at a line break, or at ".;!?" before a space that is not an abbreviation's
#: ("e.g.", "M.Sc.", a single letter), or at a spaced dash before a capital (requirements run
#: together on one line: "... patterns - At least 3 years ..."), or at an asterisk glued to a
#: word's end before a capital or a digit (a list flattened: "5+ years of experience* Comfort
#: writing SQL", "... military experience* 1 year of experience"). The pattern opens with the
#: set of the characters an end opens with, and checks what stands before one after it: the
#: scan skips every other character at once (a clause is read for every number and degree word).
_CLAUSE_END = re.compile(
    r"[.;!?\n *](?:(?<=[.;!?])(?<!\be\.g.)(?<!\bi\.e.)(?<!\b[A-Za-z].)(?<!\bSc.)(?<!\bvs.)(?=\s|$)|(?<=\n)|(?<= )[-–•] (?=[A-Z])|(?<=[\w):]\*)(?= ?[A-Z\d]))"
)

#: Any letter or digit: words follow a years number in its clause.
_WORD_CHAR = re.compile(r"\w")
#: A comma: it may open a later part of a years clause.
_COMMA = re.compile(",")


@dataclass(frozen=True)
class YearsStatement:
    """ "5+ years of Python": ``years`` (the lower bound of a range), the char span of the
    number phrase, the clause it stands in, ``preferred`` when the clause or section says so,
    and ``tail_end``: where the first word after the phrase that is not a connective ("of
    experience with") starts: a skill named before it is what the years are about."""

    years: float
    start: int
    end: int
    clause_start: int
    clause_end: int
    tail_end: int
    preferred: bool
    text: str
    #: The number follows a colon or a bracket after some text: a skill named there owns it
    #: ("Python: 3 years (Required)", "SQL (2+ years)"), not overall experience.
    skill_before: bool = False
    #: An experience word is in the clause ("5 years of experience"); a statement without one
    #: counts only when a skill owns it ("Python: 3 years"), never alone ("age: 45 years").
    about_experience: bool = True
    #: A part of an earlier years statement of its clause ("3 years of teaching, including at
    #: least one year online"): not a minimum of its own.
    subset: bool = False
    #: Where the list the statement heads ends ("5+ years with the following:" over bulleted
    #: lines), or ``clause_end`` when it heads none: the skills of the list are tied to it.
    list_end: int = 0
    #: Where a list of fields after the number ends ("3 years of experience in a mathematical,
    #: computer science, physics or related field (Economics, Statistics)"), or 0: the names in
    #: it are fields of experience, not skills.
    field_end: int = 0
    #: Where that list of fields starts: after the last opening word of a field ("in", "of")
    #: before its end, else at the number's end ("4-6 years of experience building statistical
    #: models, has a Masters degree in Statistics, Mathematics or another quantitative field":
    #: the models are a skill, the degree's subjects fields).
    field_start: int = 0
    #: Where a later part of the clause with a preference of its own starts, at its comma, or 0
    #: ("2 years experience as a Data Scientist, prior software development experience is a plus",
    #: "5+ years applying AI/ML, preferably on security products"): the statement is not
    #: preferred for it, and the skills of that part are not the statement's.
    aside_start: int = 0


@dataclass(frozen=True)
class DegreeAsk:
    """A degree asked: the lowest accepted ``level``, the ``fields`` named, ``required`` False when
    experience may replace it, the statement as printed and its span."""

    level: str
    fields: tuple[str, ...]
    required: bool
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CertificationAsk:
    """A certification or licence a posting requires, as printed."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class PostingAsks:
    """Everything `read_asks` finds in a posting."""

    years: tuple[YearsStatement, ...] = ()
    degree: DegreeAsk | None = None
    preferred_degree: DegreeAsk | None = None
    certifications: tuple[CertificationAsk, ...] = ()


def read_asks(document: Document, vocab: CareerVocabulary | None = None) -> PostingAsks:
    """Years, degree and certification statements of a posting (see the module docstring)."""
    vocab = vocab or load_career_vocabulary()
    reader = _AsksReader(document, vocab)
    years = tuple(reader.years())
    required, preferred = reader.degrees()
    return PostingAsks(years=years, degree=required, preferred_degree=preferred, certifications=tuple(reader.certifications()))


class _AsksReader:
    def __init__(self, document: Document, vocab: CareerVocabulary) -> None:
        self.doc, self.vocab = document, vocab
        numbers = "|".join(re.escape(w) for w in sorted(vocab.numbers, key=len, reverse=True))
        years = "|".join(re.escape(w) for w in sorted(vocab.years_words, key=len, reverse=True))
        num = rf"(?:\d{{1,2}}(?:\.\d)?|{numbers})"
        # "3 years", "3-5 years", "two (2) years", "3 (three) years": a number, then its other
        # spelling in brackets
        num = rf"{num}(?:\s*\(\s*{num}\s*\))?"
        # a number opens with a digit or a number word's first letter: the lookahead skips the
        # other positions of the text before the alternatives
        firsts = re.escape("".join(sorted({w[0] for w in vocab.numbers})))
        self.years_re = re.compile(rf"(?=[\d{firsts}])(?<![\w.])(?P<lo>{num})\s*\+?\s*(?:(?:-|–|—|to)\s*{num}\s*\+?\s*)?(?:{years})(?![\w])\+?", re.IGNORECASE)
        self.first_number = re.compile(rf"\d{{1,2}}(?:\.\d)?|{numbers}", re.IGNORECASE)
        self.not_before = re.compile(rf"(?:{words_pattern(vocab.not_years_before).pattern})[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
        self.substitution = words_pattern(vocab.substitution)
        self.not_after = re.compile(rf"\s*(?:{words_pattern(vocab.not_years_after).pattern})", re.IGNORECASE)
        self.field_list = words_pattern(vocab.field_lists)
        self.field_opener = words_pattern(vocab.field_openers)
        self.subset = re.compile(rf"(?:{words_pattern(vocab.subset).pattern})\W+(?:\w+\W+){{0,3}}$", re.IGNORECASE)
        self.connective = words_pattern(vocab.connectives)
        self.preferred = words_pattern(vocab.preferred)
        self.equivalent = words_pattern(vocab.equivalent)
        self.experience = words_pattern(vocab.experience_words)
        self.years_word = words_pattern(vocab.years_words)
        # a number opening its requirement line: bullets, a list number ("2."), a cue ("Minimum of")
        self.line_head = re.compile(rf"[\s•*·\-–]*(?:\d{{1,2}}[.)]\s+)?(?:(?:{words_pattern(vocab.line_heads).pattern})\s+)?", re.IGNORECASE)
        self.tenure_label = words_pattern(vocab.tenure_labels)
        self.perks = words_pattern(vocab.perks)
        self.not_cert = words_pattern(vocab.not_certifications)
        self.named_cert = words_pattern(vocab.named_certifications)
        self.finder = degree_finder(vocab)
        self.certificate_degrees = words_pattern(vocab.certificate_degrees)
        self.degree_context = words_pattern(vocab.degree_context)
        # requirements run together on one line ("... in data science Understanding of ...", "...
        # years of experience Required Machine Learning ...", "... highly preferred Minimum of 8
        # years"): see `_run_on_cuts`
        self.run_on, self.run_on_heading = _run_on_patterns(vocab)
        self.small_words = vocab.run_on_ends

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        text = self.doc.text
        # the end may look at the phrase's first character ("experience* 1 year")
        lo = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 400), start + 1) if m.end() <= start), default=max(0, start - 400))
        m = _CLAUSE_END.search(text, end)
        hi = m.start() if m else len(text)
        for cut in self._run_on_cuts(lo, hi):
            if cut <= start:
                lo = cut
            elif cut >= end:
                return lo, cut
        return lo, hi

    def _run_on_cuts(self, lo: int, hi: int) -> Iterator[int]:
        """Where requirements run together without a break inside ``text[lo:hi]``, in order: before
        a capitalised opener ("Understanding of"), after a label ("Required", "preferred"), or before
        a label that opens a heading ("Preferred Skills"), each right after a word of the
        requirement before: not a bullet nor a small word ("years of Hands-on experience"); an
        opener not after a word of a title-case run either ("Software Engineering Experience")."""
        text = self.doc.text
        for m in self.run_on.finditer(text, lo, hi):
            prev = text[max(0, m.start() - _PREV_CHARS) : m.start()].rsplit(None, 1)[-1]
            if prev.casefold() in self.small_words or not _WORD_CHAR.search(prev):
                continue
            if m.group("label") is None:
                if not _TITLE_WORD.fullmatch(prev):
                    yield m.start("opener")
            else:
                yield m.start("label") if self.run_on_heading.match(text, m.end("label")) else m.end("label")

    def _is_preferred(self, lo: int, hi: int, own: int | None = None, aside: int = 0) -> bool:
        """The statement is preferred: its section is, or a preferred word in it that does not
        qualify only one degree of it ("A bachelor's degree (graduate degree preferred)", "Ph.D.
        (preferred) or Masters ...") or an aside in brackets about years or experience that does
        not hold a years statement's own number at ``own`` ("A bachelor's degree and 2 years of
        experience (5 or more years preferred)", "4+ years of SQL experience (NoSQL experience
        is a plus)"; but "SQL (2+ years preferred)" is). A preferred word from ``aside`` on (a later
        part of its own, `_aside_start`) is not the statement's."""
        section = self.doc.section_at(lo)
        if section is not None and section.name == "preferred":
            return True
        text = self.doc.text
        for m in self.preferred.finditer(text, lo, aside or hi):
            bracket = _bracket_around(text, m.start(), lo, hi)
            if bracket is None:
                return True
            inside = text[bracket[0] : bracket[1]]
            if own is not None and bracket[0] <= own < bracket[1]:
                return True  # "SQL (2+ years preferred)": the statement's own bracket
            if self._names_degree(inside):
                continue  # "(graduate degree preferred)": that degree is
            if self.years_word.search(inside) or self.experience.search(inside):
                continue  # "(5 or more years preferred)", "(NoSQL experience is a plus)": that aside is
            if self._names_degree(text[max(lo, bracket[0] - 16) : bracket[0]]) and self._names_degree(text[bracket[1] : hi]):
                continue  # "Ph.D. (preferred) or Masters": the alternative before it is
            return True
        return False

    def _aside_start(self, end: int, hi: int) -> int:
        """The comma after a years statement's number phrase (ending at ``end``) that opens the first
        part holding a preferred word ("..., preferably a healthcare company", "..., 10+ years
        preferred", "... and, ideally, 2+ years of ..."), or 0; a lone marker ending the clause
        ("5 years of experience, preferred") is the statement's own."""
        text = self.doc.text
        commas = [m.start() for m in _COMMA.finditer(text, end, hi)]
        for k, comma in enumerate(commas):
            stop = commas[k + 1] if k + 1 < len(commas) else hi
            part = text[comma + 1 : stop]
            if self.preferred.search(part) and (stop < hi or _WORD_CHAR.search(self.preferred.sub("", part))):
                return comma
        return 0

    def _names_degree(self, text: str) -> bool:
        return next(self.finder.words(text), None) is not None

    def _asks_here(self, offset: int) -> bool:
        section = self.doc.section_at(offset)
        return section is None or section.name not in _NOT_ASKS

    def years(self) -> Iterator[YearsStatement]:
        """Every years statement about experience that asks something: not a tenure ("for the first
        three years of employment", "within 2 years"), not a substitution ("may substitute a
        Masters degree for two years experience")."""
        text = self.doc.text
        previous: tuple[int, int] | None = None
        for m in self.years_re.finditer(text):
            lo, hi = self._clause(m.start(), m.end())
            skill_before = text[lo : m.start()].rstrip().endswith((":", "(")) and bool(text[lo : m.start()].strip(" \t:(•*-–"))
            about_experience = bool(self.experience.search(text, lo, hi)) or self._heads_line(m.start(), m.end(), hi)
            if not (skill_before or about_experience) or not self._asks_here(m.start()):
                continue
            if self.not_before.search(text, max(lo, m.start() - 20), m.start()) or self.substitution.search(text, lo, hi) or self.not_after.match(text, m.end()):
                continue  # a tenure, a substitution, or an award ("two years in a row")
            value = self.first_number.match(m.group("lo")).group(0).casefold()  # type: ignore[union-attr]
            years = float(self.vocab.numbers[value]) if value in self.vocab.numbers else float(value)
            tail_end = hi
            for word in re.finditer(r"\S+", text[m.end() : hi]):
                if not self.connective.fullmatch(word.group(0).strip("’',:()")):
                    tail_end = m.end() + word.start()
                    break
            subset = previous == (lo, hi) and bool(self.subset.search(text, lo, m.start()))
            previous = (lo, hi)
            fields = self._field_span(m.end(), hi)
            aside = self._aside_start(m.end(), hi)
            yield YearsStatement(
                years, m.start(), m.end(), lo, hi, tail_end, self._is_preferred(lo, hi, m.start(), aside), " ".join(text[lo:hi].split()),
                skill_before=skill_before, subset=subset, list_end=self._list_end(hi), about_experience=about_experience, field_start=fields[0], field_end=fields[1],
                aside_start=aside,
            )

    def _heads_line(self, start: int, end: int, hi: int) -> bool:
        """The number opens its line and words follow it in its clause: a requirement line without
        an experience word ("• 1 - 3 years in Predictive Modeling", "Minimum of 5 years in
        education"), not a sentence of the company's story ("... hiring. Ten years from now") nor
        the value of a tenure label above it ("Duration" / "2 years, plus 3 months training")."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, start) + 1
        if not self.line_head.fullmatch(text, line_start, start) or not _WORD_CHAR.search(text, end, hi):
            return False
        above = text[:line_start].rstrip().rsplit("\n", 1)[-1].strip(" \t:")
        return not self.tenure_label.fullmatch(above)  # "Duration" / "2 years, plus 3 months training"

    def _field_span(self, start: int, clause_end: int) -> tuple[int, int]:
        """Where a field list after a years number starts (after the last field opener before its
        end, else at ``start``) and ends ("... physics or related field", with the bracket after
        it: "a related field (Statistics, Economics)"), or (0, 0) without one."""
        text = self.doc.text
        m = self.field_list.search(text, start, clause_end)
        if m is None:
            return 0, 0
        bracket = _BRACKET_AFTER.match(text[m.end() : clause_end])
        openers = list(self.field_opener.finditer(text, start, m.start()))
        return (openers[-1].end() if openers else start), m.end() + (bracket.end() if bracket else 0)

    def _list_end(self, clause_end: int) -> int:
        """The end of the bulleted lines under a statement whose line ends with a colon ("3+ years
        of experience with the following:"), else ``clause_end``."""
        text = self.doc.text
        if not text[:clause_end].rstrip(" \t").endswith(":"):
            return clause_end
        end = clause_end
        for _ in range(MAX_LIST_LINES):
            line = _LIST_LINE.match(text, end)
            if line is None or line.group(0).rstrip().endswith(":"):
                break  # the list ends, or another heading line begins
            end = line.end()
        return end

    def degrees(self) -> tuple[DegreeAsk | None, DegreeAsk | None]:
        text = self.doc.text
        required: DegreeAsk | None = None
        preferred: DegreeAsk | None = None
        seen: set[tuple[int, int]] = set()
        for word in self.finder.words(text):
            if word.level == "certificate" and not self.certificate_degrees.search(text, word.start, word.end + 20):
                continue
            lo, hi = self._clause(word.start, word.end)
            if (lo, hi) in seen or not self._asks_here(word.start):
                continue
            seen.add((lo, hi))
            if not self.degree_context.search(text, lo, hi) or self.substitution.search(text, lo, hi):
                continue  # no degree asked; or a degree that may replace years ("May substitute a Masters degree for ...")
            levels = [w.level for w in self.finder.words(text[lo:hi]) if w.level != "certificate"]
            if self.certificate_degrees.search(text, lo, hi):
                levels.append("certificate")
            if not levels:
                continue
            ask = DegreeAsk(
                level=min(levels, key=LEVEL_RANK.__getitem__),
                fields=_fields(text[lo:hi]),
                required=not self.equivalent.search(text, lo, hi),
                text=" ".join(text[lo:hi].split()),
                start=lo,
                end=hi,
            )
            if self._is_preferred(lo, hi):
                if preferred is None or LEVEL_RANK[ask.level] < LEVEL_RANK[preferred.level]:
                    preferred = ask
            elif required is None or LEVEL_RANK[ask.level] < LEVEL_RANK[required.level]:
                required = ask
        return required, preferred

    def certifications(self) -> Iterator[CertificationAsk]:
        """One ask per required clause that names certifications: from the first named one to the
        last ("DoD 8570 baseline certification: CISSP, Security+")."""
        text = self.doc.text
        clauses: dict[tuple[int, int], list[re.Match[str]]] = {}
        for m in self.named_cert.finditer(text):
            if self._asks_here(m.start()):
                clauses.setdefault(self._clause(m.start(), m.end()), []).append(m)
        for (lo, hi), hits in clauses.items():
            clause = text[lo:hi]
            if self.not_cert.search(clause) or self.perks.search(clause) or self._is_preferred(lo, hi):
                continue
            start, end = hits[0].start(), hits[-1].end()
            yield CertificationAsk(" ".join(text[start:end].split()), start, end)


#: How far back the word before a run-on opener is read.
_PREV_CHARS = 40
#: A word in title case ("Engineering"): a capital after it continues a name or a heading.
_TITLE_WORD = re.compile(r"[A-Z][a-z'’-]*")


@functools.lru_cache(maxsize=4)
def _run_on_patterns(vocab: CareerVocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The run-on opener or label after a blank (openers capitalised: "Hands-on"; labels in either
    case), and the heading word after a label; built once per vocabulary."""
    openers = "|".join(re.escape(w[:1].upper() + w[1:]) for w in sorted(vocab.run_on_openers, key=len, reverse=True))
    labels = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in vocab.run_on_labels)
    run_on = re.compile(rf"(?<=\S)[ \t]+(?:(?P<label>{labels})(?=[ \t]+[A-Z])|(?P<opener>{openers})(?=[ \t]+[a-z]))")
    return run_on, re.compile(rf"[ \t]+(?:{'|'.join(re.escape(w) for w in vocab.run_on_headings)})", re.IGNORECASE)


#: A bracket right after a field list: "a related field (Statistics, Economics)".
_BRACKET_AFTER = re.compile(r"(?<![ \t])[ \t]*\([^()\n]*\)")
#: A line of a list under a statement: a bullet, or a short line (a skill name or two).
_LIST_LINE = re.compile(r"\n(?:[ \t]*\n)?[ \t]*(?:[•*\-–·o][ \t]+(?P<item>[^\n]*\S)|(?P<short>\S+(?:[ \t]+\S+){0,5}))[ \t]*(?=\n|$)")


def _bracket_around(text: str, at: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The span inside the brackets of ``text[lo:hi]`` that hold offset ``at``, or None."""
    opening = text.rfind("(", lo, at)
    if opening < 0 or text.rfind(")", opening, at) >= 0:
        return None
    closing = text.find(")", at, hi)
    return (opening + 1, closing) if closing >= 0 else None


_FIELDS = re.compile(r"\b(?:in|of)\s+(?:a\s+|an\s+)?([A-Z][^.;:()\n]{2,160})")


def _fields(clause: str) -> tuple[str, ...]:
    """Fields after "in" of a degree statement: "in Computer Science, Statistics or a related field"."""
    m = _FIELDS.search(clause)
    if m is None:
        return ()
    parts = re.split(r",|/|\bor\b|\band\b", m.group(1))
    out = []
    for part in parts:
        part = " ".join(part.split()).strip(" .")
        if part and part[0].isupper() and len(part.split()) <= 4 and "related" not in part.casefold():
            out.append(part)
    return tuple(dict.fromkeys(out))
