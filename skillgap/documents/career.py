"""The career of a résumé: dated positions, education and certifications, read from its sections.

Positions are the dated entries of experience-type sections (names and kinds in
``taxonomy/career.yaml``): each line whose date or date range stands as a heading (short
text besides the date, not a "Duration:" detail) opens an entry that runs to the next one; its
title is the text beside the date, or the short line above when the date line holds none.
Total experience is the union of the ``job`` and ``internship`` intervals, in months, up to
``as_of``; dates that cannot count (an end before its start, a start after ``as_of``) are left
out with a warning. Nothing here knows skills: `skillgap.extract` joins mentions to positions.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, NamedTuple

from .careervocab import LEVEL_RANK, CareerVocabulary, load_career_vocabulary, words_pattern
from .dates import DateRange, Month, date_reader, month_index
from .degrees import DegreeWord, degree_finder
from .model import Document, Section

PositionKind = Literal["job", "internship", "volunteer", "other"]
#: Most words besides the date on a line that opens a position ("Data Engineer, Acme  2019 - 2021").
MAX_HEAD_WORDS = 16
#: Most words of a single-date line that opens a position ("2019  Front-End Developer, Trucknet").
MAX_SINGLE_DATE_WORDS = 10
#: Most words of a title line printed above its date line.
MAX_TITLE_WORDS = 9
#: Most lines above a date line that hold its title and employer, one per line.
MAX_HEAD_LINES = 3
#: Totals above this many months are absurd (60 years) and are not reported; a position as long
#: is left out of them.
MAX_TOTAL_MONTHS = 720
#: The name of an experience region continued under an employer's name taken for a heading.
_CONTINUED = "experience (continued)"
#: Lines below a heading in which a dated entry shows that the experience goes on under it.
_CONTINUED_LINES = 3
#: Most lines below an entry's date line on which its range printed again is the same entry's.
_RESTATED_LINES = 2
#: Most words of an employer's name glued to a title on one line.
MAX_EMPLOYER_WORDS = 4
#: Fewest words of a sentence (ending in a lower-case word and a full stop) printed before a date
#: that make the date part of running text, not an entry's head ("Inc." or "Sr." end no sentence).
MIN_SENTENCE_WORDS = 6
_STRIP = " \t•*-–—|,:;()[]"
_BULLET = re.compile(r"^\s*[•*\-–o]\s")
_URL = re.compile(r"://|\bwww\.", re.IGNORECASE)
#: What a URL of `_URL` prints in most texts, for a quick look before the regex.
_URL_MARKS = ("://", "www.", "WWW.")


@dataclass(frozen=True)
class Position:
    """One dated (or undated) entry of an experience-type section.

    ``start`` / ``end`` are the first of their month (1 January with ``*_year_only`` when only a
    year was printed); ``end`` is None when ``current`` ("Present") or left open.
    ``span`` is the char span of the entry's own text (title, dates, bullets) in the document.
    """

    title: str | None
    employer: str | None
    start: date | None
    end: date | None
    current: bool
    kind: PositionKind
    span: tuple[int, int]
    date_text: str | None = None
    start_year_only: bool = False
    end_year_only: bool = False
    section: str | None = None

    @property
    def start_month(self) -> Month | None:
        """The start as a `Month` (year-only aware), or None."""
        return Month(self.start, self.start_year_only) if self.start else None

    @property
    def end_month(self) -> Month | None:
        """The printed end as a `Month`, or None (current or open)."""
        return Month(self.end, self.end_year_only) if self.end else None

    def interval(self, as_of: date) -> tuple[int, int] | None:
        """Half-open month interval ``(start, end)`` (indices of `Month.index`), a current end at
        ``as_of``; None when the entry has no start, or an open end that is not current."""
        start = self.start_month
        if start is None:
            return None
        end = self.end_month
        if end is not None:
            return start.index, end.index
        return (start.index, month_index(as_of)) if self.current else None


@dataclass(frozen=True)
class Education:
    """One education entry: ``level`` (phd, master, bachelor, associate, certificate,
    high_school, other), field, institution, end year (an expected year when ``expected``)."""

    level: str
    field: str | None
    institution: str | None
    end_year: int | None
    span: tuple[int, int]
    expected: bool = False
    text: str = ""


@dataclass(frozen=True)
class Certification:
    """A certification or licence as printed, with its char span."""

    name: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Career:
    """Positions, education and certifications of one résumé, with the reference date used.

    ``as_of`` is the date current positions run to by default; ``as_of_source`` says where it
    came from (a printed "Last Modified" line, the file's metadata, or today). ``warnings``
    name dates that could not be read or cannot count.
    """

    positions: tuple[Position, ...] = ()
    education: tuple[Education, ...] = ()
    certifications: tuple[Certification, ...] = ()
    as_of: date = field(default_factory=date.today)
    as_of_source: str = "today"
    warnings: tuple[str, ...] = ()

    def counted(self, as_of: date | None = None, kinds: Sequence[str] = ("job", "internship")) -> list[tuple[Position, tuple[int, int]]]:
        """Positions of ``kinds`` whose interval counts at ``as_of``: dated, not ending before
        they start nor lasting over 60 years, not starting or ending after ``as_of`` (a year
        printed alone in the year of ``as_of`` is not after it, whatever the June convention says)."""
        ref_day = as_of or self.as_of
        out = []
        for p in self.positions:
            span = p.interval(ref_day)
            if p.kind in kinds and span is not None and span[0] <= span[1] <= span[0] + MAX_TOTAL_MONTHS and not _after(p.start_month, ref_day) and not _after(p.end_month, ref_day):
                out.append((p, span))
        return out

    def total_months(self, as_of: date | None = None) -> int | None:
        """Months of the union of the job and internship intervals (overlaps once) up to
        ``as_of`` (default `Career.as_of`); None when no position is dated, or the total is
        over 60 years (absurd)."""
        if not any(p.interval(as_of or self.as_of) for p in self.positions):
            return None
        total = union_months([span for _, span in self.counted(as_of)])
        return total if total <= MAX_TOTAL_MONTHS else None

    @property
    def highest_level(self) -> str | None:
        """The strongest education level, or None without education entries."""
        return max((e.level for e in self.education), key=LEVEL_RANK.__getitem__, default=None)


def _after(month: Month | None, day: date) -> bool:
    """True when a printed date lies after ``day``'s month (a year alone: after its year)."""
    if month is None:
        return False
    return month.value.year > day.year if month.year_only else month_index(month.value) > month_index(day)


def union_months(spans: Sequence[tuple[int, int]]) -> int:
    """Length of the union of half-open month intervals."""
    total, reach = 0, None
    for lo, hi in sorted(spans):
        if reach is None or lo > reach:
            total += hi - lo
            reach = hi
        elif hi > reach:
            total += hi - reach
            reach = hi
    return total


def read_career(document: Document, *, as_of: date | None = None, vocab: CareerVocabulary | None = None) -> Career:
    """The `Career` of a résumé. ``as_of`` defaults to the document's own date (a printed
    "Last Modified" line, else `Document.created`), else today; `Career.as_of_source` says which."""
    vocab = vocab or load_career_vocabulary()
    reader = _CareerReader(document, vocab)
    ref, source = (as_of, "given") if as_of is not None else reader.own_date()
    positions = tuple(reader.positions())
    warnings = list(reader.warnings)
    for p in positions:
        span = p.interval(ref)
        label = p.title or p.date_text
        if p.start is None:
            warnings.append(f"position {label!r}: its start date could not be read ({p.date_text!r}); left out of the totals")
        elif p.end is None and not p.current:
            warnings.append(f"position {label!r}: its end date could not be read ({p.date_text!r}); left out of the totals")
        elif _after(p.start_month, ref) or _after(p.end_month, ref):
            warnings.append(f"position {label!r}: dated after the reference date {ref:%Y-%m}; left out of the totals")
        elif span is not None and span[1] < span[0]:
            warnings.append(f"position {label!r}: the end {p.end_month} is before the start {p.start_month}; left out of the totals")
        elif span is not None and span[1] - span[0] > MAX_TOTAL_MONTHS:
            warnings.append(f"position {label!r}: {span[1] - span[0]} months is over 60 years: its dates are misread; left out of the totals")
    career = Career(positions=positions, education=tuple(reader.education(positions)), certifications=tuple(reader.certifications()), as_of=ref, as_of_source=source)
    unread = None if career.education else reader.unread_education()
    if unread is not None:
        warnings.append(f"education section {unread!r}: no degree, course or school could be read in it; the highest level is unknown (None)")
    total = union_months([s for _, s in career.counted()])
    if total > MAX_TOTAL_MONTHS:
        warnings.append(f"total experience of {total} months is over 60 years: dates are misread; no total is reported")
    return Career(**{**career.__dict__, "warnings": tuple(warnings)})


class _Line(NamedTuple):
    """One line of the document: its offset and text (a tuple: thousands are made per résumé)."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@functools.lru_cache(maxsize=4)
def _patterns(vocab: CareerVocabulary) -> dict[str, Any]:
    """The reader's compiled patterns of one vocabulary (built once, not per document)."""
    found = types.SimpleNamespace()
    found._heading_kind = {w: kind for kind, words in vocab.heading_kinds.items() for w in words}
    found._heading_words = words_pattern(list(found._heading_kind))
    found._experience_words = words_pattern(vocab.heading_words)
    found._title_kinds = {kind: words_pattern(words) for kind, words in vocab.title_kinds.items()}
    found._employer_kinds = {kind: words_pattern(words) for kind, words in vocab.employer_kinds.items()}
    found._detail = re.compile(rf"(?:{words_pattern(vocab.detail_labels).pattern})\s*[:\-–]", re.IGNORECASE)
    found._detail_end = re.compile(rf"(?:{words_pattern(vocab.detail_labels).pattern})[ \t]*[:\-–][ \t]*$", re.IGNORECASE)
    found._detail_alone = re.compile(rf"(?<![ \t•*\-–])[ \t•*\-–]*(?:{words_pattern(vocab.detail_labels).pattern})[ \t]*", re.IGNORECASE)
    present = "|".join(re.escape(w) for w in sorted(vocab.present, key=len, reverse=True))
    # A range whose start could not be read: "Jan 20019 - Present", "?? – Current"
    months = "|".join(re.escape(w) for w in sorted(vocab.months, key=len, reverse=True))
    found._unread_start = re.compile(rf"(?<!\S)(?P<range>(?:(?:{months})\.?[ \t,]*)?[^\s\d]*\d\S*[ \t]*[-–—~][ \t]*(?:{present}))(?![\w])", re.IGNORECASE)
    # the tail every such range ends with: it opens with a dash, which the regex engine skips to at
    # once, while the whole pattern is tried at every word of a line
    found._unread_end = re.compile(rf"[-–—~][ \t]*(?:{present})(?![\w])", re.IGNORECASE)
    found._sentence_verb = re.compile(rf"[ \t•*\-–]*(?:{words_pattern(vocab.sentence_verbs).pattern})", re.IGNORECASE)
    found._start_label = words_pattern(vocab.start_labels)
    found._title_words = words_pattern(vocab.sentence_title_words)
    found._verb_end = re.compile(rf"(?:{words_pattern(vocab.sentence_verbs).pattern})$", re.IGNORECASE)
    found._sentence_marks = re.compile(
        rf"(?P<title>{words_pattern(vocab.sentence_title_words).pattern})|(?P<employer>{words_pattern(vocab.sentence_employer_words).pattern})", re.IGNORECASE
    )
    found._joiner = re.compile(r"(?<!\s)\s+(?:" + "|".join(re.escape(j) for j in vocab.employer_joiners) + r")\s+", re.IGNORECASE)
    found._institution = words_pattern(vocab.institutions)
    found._degree_institution = words_pattern(vocab.degree_institutions)
    found._not_course = words_pattern(vocab.not_courses)
    found._field_end = re.compile(rf"\s(?:(?-i:The)\s|(?:in|at|from)\s|GPA\b|{found._institution.pattern})", re.IGNORECASE)
    found._expected = words_pattern(vocab.expected)
    found.degrees = degree_finder(vocab)
    found._education_heading = words_pattern(vocab.education_sections)
    found._not_cert = words_pattern(vocab.not_certifications)
    longest = dict.fromkeys(max(w.split(), key=len) for w in vocab.written)  # each phrase's longest word, once
    # a word that holds another ("updated", "update") is found whenever that one is: one search fewer
    found._end_line_chars = max(map(len, vocab.end_lines), default=0)
    found._written_words = tuple(w for w in longest if not any(o != w and o in w for o in longest))
    # how far before its first such word a phrase starts ("date of last update": 13), where every
    # phrase is of ASCII letters and blanks (whose case folding is the regex's but for "İ", "ı")
    plain = all(c.isascii() and (c.isalpha() or c == " ") for w in vocab.written for c in w)
    found._written_reach = max(min(i for i in (w.find(k) for k in found._written_words) if i >= 0) for w in vocab.written) if plain else None
    return vars(found)


class _CareerReader:
    """Reads one document's sections with the career vocabulary."""

    def __init__(self, document: Document, vocab: CareerVocabulary) -> None:
        self.doc, self.vocab = document, vocab
        self.dates = date_reader(vocab)
        self.warnings: list[str] = []
        #: Start of a continued region -> the heading of the experience section it continues.
        self._continued_heading: dict[int, str] = {}
        #: The degree words of each text read so far (`_degree_words`).
        self._words_of: dict[str, list[DegreeWord]] = {}
        self.__dict__.update(_patterns(vocab))

    # -- the reference date --------------------------------------------------------------

    def own_date(self) -> tuple[date, str]:
        """The document's writing date and its source: a printed "Last Modified" line, the file's
        metadata, else today."""
        text = self.doc.text
        for m in self._written_phrases(text):
            after = text[m.end() : m.end() + 40].split("\n")[0]
            months = self.dates.months(after)
            if months:
                last = max(months, key=lambda mo: mo.value)
                return last.value, f"printed {(m.group(0) + after).strip()!r}"
        if self.doc.created is not None:
            return self.doc.created, self.doc.created_source or "file metadata"
        return date.today(), "today (the document shows no date of its own)"

    def _written_phrases(self, text: str) -> Iterator[re.Match[str]]:
        """What `DateReader.written` finds in ``text``, in order, trying only the positions a phrase
        can start at: up to `_written_reach` characters before each of `_written_words` in the
        case-folded text (most documents print none: no scan at all). Where case folding moves
        offsets, or the text holds a letter the regex folds otherwise ("İ", "ı"), the whole text."""
        lowered = text.casefold()
        hits = [i for w in self._written_words for i in _occurrences(lowered, w)]
        if not hits:
            return
        reach = self._written_reach
        if reach is None or len(lowered) != len(text) or "İ" in text or "ı" in text:
            yield from self.dates.written.finditer(text)
            return
        after = 0  # a match starts at or after the end of the one before, as in a scan
        for start in sorted({p for i in hits for p in range(max(0, i - reach), i + 1)}):
            m = self.dates.written.match(text, start) if start >= after else None
            if m is not None:
                after = m.end()
                yield m

    # -- positions ---------------------------------------------------------------------------

    def _regions(self) -> Iterator[tuple[Section, PositionKind]]:
        """Experience-type sections with their kind; a section of another name whose heading has
        an experience word counts as one; without any, the text outside education-type sections
        (`_outside`)."""
        found = False
        previous: PositionKind | None = None  # the kind of the section just before, if of positions
        last: PositionKind | None = None  # the kind of the last section of positions
        heading = ""
        for section in self.doc.sections:
            kind = self.vocab.position_sections.get(section.name)
            m = self._heading_words.search(section.heading)
            if m is not None:
                kind = self._heading_kind[m.group(0).casefold()]
            elif kind is None and self._experience_heading(section):
                kind = "job"
            if kind is None and (previous is not None and (self._employer_heading(section) or self._sub_heading(section, heading)) or last is not None and self._further_down(section)):
                previous = previous or last
                # an employer's name taken for a heading ("INFOSYS TECHNOLOGIES" -> skills): the
                # experience goes on, its line read as one of the entries'
                self._continued_heading[section.start] = heading
                yield Section(_CONTINUED, "", section.start, section.end), previous
                continue
            previous = kind  # type: ignore[assignment]
            if kind is not None:
                last, heading, found = kind, section.heading, True  # type: ignore[assignment]
                yield section, kind  # type: ignore[misc]
        if not found:
            yield from ((section, "job") for section in self._outside())

    def _experience_heading(self, section: Section) -> bool:
        """A heading with an experience word, of a section not named for other entries (projects,
        education ...) — unless the heading opens with that word ("Experience and participated
        projects", "Work Experience & Projects") and the section is not one of education ("Experience
        and Education" holds degree lines; "Education and Work Experience" does not open with it)."""
        m = self._experience_words.search(section.heading)
        if m is None:
            return False
        if section.name not in self.vocab.not_sections:
            return True
        return section.name not in self.vocab.education_sections and len(section.heading[: m.start()].split()) <= 1

    def _employer_name(self, text: str) -> bool:
        """The text ends in a company word ("Global Skills Inc.", "Acme Technologies")."""
        words = text.split()
        return len(words) >= 2 and words[-1].strip(_STRIP).casefold().rstrip(".") in self.vocab.employer_suffixes

    def _employer_heading(self, section: Section) -> bool:
        """A heading right under an experience section that names an employer: it ends in a
        company word ("Projects Unlimited LLC", "GLOBAL SKILLS INC"), or, in a section that is not
        of the not-positions kinds (education, projects ...), a dated entry opens within its first
        lines, or one beside livecareer's employer placeholder anywhere in it (its "Accomplishments"
        line inside a job's block, the next jobs below). Further down, `_further_down`."""
        if self._employer_name(section.heading):
            return True
        if section.name not in self.vocab.not_sections and self._dated_head(section):
            return True
        return section.name not in self.vocab.education_sections and self._placeholder_entry(section)

    def _sub_heading(self, section: Section, above: str) -> bool:
        """A heading not in capitals right under an experience heading in capitals, with a heading
        in capitals further down and a dated entry in its text: a sub-heading inside the
        experience, not a section of the document's ("WORK EXPERIENCE" ... "Project" / "SAP
        Expertise" / "Job Summary" ... the next job ... "EDUCATION", Indeed's exports)."""
        if not above.isupper() or section.heading.isupper() or not any(s.start > section.start and s.heading.isupper() for s in self.doc.sections):
            return False
        return any(rng is not None and _is_range(rng) for rng in (self._anchor(ln.text, self.dates.ranges(ln.text)) for ln in _lines(self.doc.text, section.start, section.end)))

    def _further_down(self, section: Section) -> bool:
        """A heading below the experience, another section between, that is an employer's line
        (a company word and a dated entry under it) or heads more of livecareer's entries."""
        if self._employer_name(section.heading) and self._dated_head(section):
            return True
        return section.name not in self.vocab.not_sections and self._placeholder_entry(section)

    def _placeholder_entry(self, section: Section) -> bool:
        """A line of the section with livecareer's "Company Name" has a dated range, or the line
        above it has: an entry of the experience ("June 2007 to March 2013 Company Name")."""
        text = self.doc.text
        for m in _EMPLOYER_PLACEHOLDER.finditer(text, section.start, section.end):
            begin = text.rfind("\n", section.start, m.start()) + 1
            above = text.rfind("\n", section.start, max(section.start, begin - 1)) + 1
            stop = text.find("\n", m.end())
            for line in (text[begin : stop if stop >= 0 else len(text)], text[above : begin - 1] if begin > section.start else ""):
                rng = self._anchor(line, self.dates.ranges(line))
                if rng is not None and _is_range(rng):
                    return True
        return False

    def _dated_head(self, section: Section) -> bool:
        """An entry dated with a range or a month opens within the first lines below the section's
        heading (a lone year there is an honour's or a course's: "1997 ATDC Graduate.")."""
        head = list(_lines(self.doc.text, section.start, section.end))[1 : 1 + _CONTINUED_LINES]
        anchors = (self._anchor(ln.text, self.dates.ranges(ln.text)) for ln in head)
        return any(rng is not None and (_is_range(rng) or not rng.start.year_only) for rng in anchors)  # type: ignore[union-attr]

    def _outside(self) -> Iterator[Section]:
        """The text of a résumé without an experience section, outside the sections that are not
        positions (projects, references ...), as regions with no heading line. An education
        section is read too (a misread heading can leave a whole career under "EDUCATION"); its
        degree and institution lines are skipped (`_schooling`)."""
        start = 0
        for section in self.doc.sections:
            if section.name in self.vocab.not_sections:
                if section.start > start:
                    yield Section("", "", start, section.start)
                if section.name in self.vocab.education_sections:
                    yield Section(section.name, "", section.start, section.end)
                start = section.end
        if start < len(self.doc.text):
            yield Section("", "", start, len(self.doc.text))

    def positions(self) -> Iterator[Position]:
        """The dated entries of the experience regions, in order; an entry read from a sentence
        ("• Worked as ... from Aug 2008 to Oct 2011") whose dates another entry has is that entry
        printed again (Indeed's summary of the jobs listed below it) and is left out."""
        found = list(self._entries())
        dates = {_dates(p) for p, sentence in found if not sentence}
        twice = frozenset(_dates(p) for p, sentence in found if sentence and _dates(p) in dates)
        if twice:  # read again without them: their lines go back to the entry above
            found = list(self._entries(twice))
        for p, _ in found:
            yield p

    def _entries(self, twice: frozenset[tuple[object, ...]] = frozenset()) -> Iterator[tuple[Position, bool]]:
        """Each entry of the experience regions, with whether its head is a sentence (`_sentence`),
        but for the sentences whose dates are ``twice``."""
        seen: list[list[tuple[object, object]]] = []
        entries: dict[tuple[object, ...], tuple[int, int]] = {}  # what each entry prints first -> its char span
        for section, kind in self._regions():
            below = list(_lines(self.doc.text, section.start, section.end))[1 if section.heading else 0 :]  # below the heading (a continued one's line is an entry's)
            if any(self.doc.text.find(mark, section.start, section.end) >= 0 for mark in _URL_MARKS):  # most regions hold no URL: a plain find, not the case-folding regex
                below = [ln for ln in below if not _url_only(ln.text)]
            cut = next((k for k, ln in enumerate(below) if _is_end_line(ln.text, self.vocab.end_lines, self._end_line_chars)), len(below))
            region_end = below[cut].start if cut < len(below) else section.end  # "Additional Information" under the last job
            lines, ranges = self._logical_lines(below[:cut])
            headless, schooling = not section.heading and section.name != _CONTINUED, section.name in self.vocab.education_sections
            anchors: list[tuple[int, DateRange, PositionKind]] = []
            told: set[int] = set()  # the lines whose anchor is a sentence
            current_kind = kind
            for i, line in enumerate(lines):
                run_in = self._run_in_kind(line.text)
                if run_in is not None:
                    current_kind = run_in
                if headless and (self._schooling(line.text) or (schooling and ranges[i] and i + 1 < len(lines) and self._schooling(lines[i + 1].text))):
                    continue  # education printed without a heading; in an education section, dates over an institution line too
                if i > 0 and ranges[i] and (_continues(lines[i - 1].text, line.text, ranges[i][0]) or self._closes_wrapped(lines[i - 1].text, line.text, ranges[i][0]) or self._label_above(lines[i - 1].text, line.text, ranges[i][0])):
                    continue  # "... Highest producer in the office" / "for February 2003.": a wrapped sentence
                found = self._anchor(line.text, ranges[i], bool(ranges[i]) and i > 0 and not ranges[i - 1] and _title_like(lines[i - 1].text))
                if found is None and ranges[i] and self._sentence(line.text, ranges[i][0]) is not None:
                    rng = ranges[i][0]  # "• Worked as Project Engineer in Wipro Technologies from Aug 2008 to Oct 2011."
                    if _range_dates(rng) in twice:
                        continue
                    found = rng
                    told.add(i)
                if found is None and not ranges[i]:
                    found = self._unread(line.text)
                if found is not None:
                    anchors.append((i, found, current_kind))
            anchors = _stacked(lines, anchors)
            dates = [(rng.start, rng.end) for i, rng, _ in anchors if i not in told]  # a summary's sentences aside
            if dates and dates in seen:  # the same entries printed twice (Experience = Work History)
                continue
            seen.append(dates)
            anchors = _restated(anchors)
            heads = [self._head(lines, ranges, i, rng, anchors[k - 1][0] if k else -1) for k, (i, rng, _) in enumerate(anchors)]
            for k, (i, rng, entry_kind) in enumerate(anchors):
                start_line = heads[k]
                stop = lines[heads[k + 1]].start if k + 1 < len(anchors) else region_end
                position = self._position(lines, i, start_line, stop, rng, entry_kind, self._continued_heading.get(section.start, section.heading))
                printed = (position.title, position.employer, position.date_text, lines[i + 1].text.strip() if i + 1 < len(lines) and lines[i + 1].start < stop else "")
                span = (lines[start_line].start, stop)
                if printed not in entries or not _printed_again(self.doc.text, entries[printed], span):  # an entry printed twice ("Experience" ... "Work History" repeating it)
                    entries.setdefault(printed, span)
                    yield position, i in told

    def _logical_lines(self, lines: list[_Line]) -> tuple[list[_Line], list[list[DateRange]]]:
        """Lines, with a line joined to the next ones where a date range runs across the break
        ("April 2015" / "to" / "Current", "... UT Austin Aug." / "2014-present."), and the date
        ranges of each (offsets within it): the dates are read once over the lines' text; a
        joined line reads its breaks as spaces."""
        if not lines:
            return lines, []
        base = lines[0].start
        block = self.doc.text[base : lines[-1].end]
        flat = block.replace("\n", " ")
        starts = [ln.start - base for ln in lines]
        merge_until = list(range(len(lines)))
        found = self.dates.ranges(block)
        for r in found:
            first = bisect.bisect_right(starts, r.begin) - 1
            last = bisect.bisect_right(starts, r.stop - 1) - 1
            if last > first:
                merge_until[first] = max(merge_until[first], last)
        out: list[_Line] = []
        i = 0
        while i < len(lines):
            j = merge_until[i]
            out.append(_Line(lines[i].start, flat[starts[i] : lines[j].end - base]) if j > i else lines[i])
            i = j + 1
        line_starts = [ln.start - base for ln in out]
        per_line: list[list[DateRange]] = [[] for _ in out]
        for r in found:
            k = bisect.bisect_right(line_starts, r.begin) - 1
            shift = line_starts[k]
            per_line[k].append(DateRange(r.start, r.end, r.current, r.begin - shift, min(r.stop - shift, len(out[k].text))))
        return out, per_line

    def _schooling(self, text: str) -> bool:
        """Whether a line names an institution or a degree (education, not a position)."""
        return bool(self._institution.search(text)) or next(self.degrees.words(text), None) is not None

    def _unread(self, text: str) -> DateRange | None:
        """A range with a present word whose start could not be read ("Jan 20019 - Present") on a
        line short enough to open an entry: an entry with no start (a warning says so)."""
        if not _DIGIT.search(text) or _BULLET.match(text):
            return None
        m = self._unread_start.search(text) if self._unread_end.search(text) else None
        if m is None or len(_without_span(text, m.start("range"), m.end("range")).split()) > MAX_HEAD_WORDS:
            return None
        return DateRange(None, None, True, m.start("range"), m.end("range"))

    def _sentence(self, text: str, rng: DateRange) -> tuple[str, str | None] | None:
        """Title and employer of a sentence that names a whole position, opening with a verb of
        career.yaml sentence_verbs and a title word before its range, which a start label opens
        ("• Worked as Project Engineer in Wipro Technologies from Aug 2008 to Oct 2011" -> Project
        Engineer, Wipro Technologies; "Worked with Microsoft, Hyderabad as Software Engineer from
        ..."); None for any other line."""
        verb = self._sentence_verb.match(text)
        if verb is None or verb.end() > rng.begin or not self._start_label.match(text, rng.begin):
            return None
        return self._roles(text[verb.end() : rng.begin])

    def _roles(self, head: str) -> tuple[str, str | None] | None:
        """Title and employer of a head that prints its title after a title word (career.yaml
        sentence_title_words), up to the next employer word: the employer is the name before them
        ("TATA as COE Head Machine Learning, ...", "Krisol Infosoft as Junior Web Developer"), else,
        after a verb ("I have worked as ...", "Working in Infosys as a developer"), the words after
        an employer word up to a comma; None without a title word or with a title too long."""
        if self._title_words.search(head) is None:
            return None
        marks = list(self._sentence_marks.finditer(head))
        parts: dict[str, str] = {}
        for k, m in enumerate(marks):
            value, role = head[m.end() : marks[k + 1].start() if k + 1 < len(marks) else len(head)], "title" if m.group("title") is not None else "employer"
            value = _clean(value if role == "title" else value.split(",")[0])
            if value:
                parts.setdefault(role, value)
        title = parts.get("title")
        if title is None or len(title.split()) > MAX_TITLE_WORDS:
            return None
        lead = _clean(head[: marks[0].start()])
        return title, (lead if lead and not self._verb_end.search(lead) else parts.get("employer"))

    def _run_in_kind(self, text: str) -> PositionKind | None:
        """Kind set by a run-in heading line ("LEADERSHIP and VOLUNTEER ...") in capitals."""
        head = text.strip(_STRIP)[:40]
        m = self._heading_words.match(head)
        if m is None or not m.group(0).isupper():
            return None
        return self._heading_kind[m.group(0).casefold()]  # type: ignore[return-value]

    def _closes_wrapped(self, above: str, text: str, rng: DateRange) -> bool:
        """A single date alone on its line under a sentence that wraps after a date preposition
        ("... founded in Milwaukee, Wisconsin in" / "1903."): the sentence's date, no entry's."""
        words = above.split()
        return not _is_range(rng) and len(words) >= MIN_SENTENCE_WORDS and words[-1] in self.vocab.date_prepositions and not text[: rng.begin].strip() and not text[rng.stop :].strip(_STRIP + ".")

    def _label_above(self, above: str, text: str, rng: DateRange) -> bool:
        """The line above ends in a detail label ("... Testing Type: Manual Duration:" / "Sep 2010-
        Feb 2011 Description: ..."): the range opening this line is the label's value, a detail."""
        return not text[: rng.begin].strip() and self._detail_end.search(above) is not None

    def _anchor(self, text: str, ranges: list[DateRange], after_title: bool = False) -> DateRange | None:
        """The date range (of the line's ``ranges``) that makes this line open a position, or None
        (``after_title``: the line above is a title-like line without dates)."""
        if not ranges:
            return None
        rng = ranges[0]
        if self._detail.search(text[: rng.begin]) or self._detail_alone.fullmatch(text[: rng.begin]) or text[: rng.begin].strip() == ":":
            return None  # "Duration: Sep 2012 - Till date", "DURATION Jan-2014 to Jun-2015"; ": Mar 2016 - Oct 2016" (a value, its label printed in a column above)
        words = len(_without(text, rng).split())
        before = text[: rng.begin].split()
        after = text[rng.stop :].split()[:1]
        inside = bool(before and after and after[0][:1].islower() and after[0].casefold() not in self.vocab.employer_joiners)
        if (len(before) >= 3 or inside) and (before[-1].islower() or text[rng.begin].islower()) and text.rstrip().endswith("."):
            return None  # a date inside a sentence: "Surpassed annual quota by 125% in 2015.", "... since 2015.", "Left from 2003-2006 for a move to Guam."
        if len(before) >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(before[-1]):
            return None  # a date after a sentence: "... a world leader in diabetes care. Since 1923"
        if not _is_range(rng) and len(before) >= MIN_SENTENCE_WORDS and before[-1] in self.vocab.date_prepositions and not text[rng.stop :].strip(_STRIP + "."):
            return None  # a single date closing a sentence that prints no full stop: "... purchased by Keyspan, large utility company, in 2000", "(Assumed position at ..., NC location in October 2015)"
        if _is_range(rng) and (words <= MAX_HEAD_WORDS or (after_title and rng.begin == len(text) - len(text.lstrip())) or _placeholder_title(text[: rng.begin])):
            return rng  # under a title line, a range opening the line opens an entry, whatever runs on after it; so does one after a livecareer placeholder and a title
        if words <= MAX_SINGLE_DATE_WORDS and not _BULLET.match(text) and (rng.begin == len(text) - len(text.lstrip()) or rng.stop >= len(text.rstrip()) - 1 or "\t" in text):
            return rng
        return None

    def _head(self, lines: list[_Line], ranges: list[list[DateRange]], i: int, rng: DateRange, previous: int) -> int:
        """The first line of the entry whose date ``rng`` is on line ``i``: a title line printed
        just above a date line that has no title of its own (or only a run-on paragraph after the
        date), else line ``i``."""
        own = _clean(_without(lines[i].text, rng))
        if _placeholder_title(lines[i].text[: rng.begin]) or self._sentence(lines[i].text, rng) is not None:
            return i  # "Company Name City , State General Manager 04/2013 to 06/2014 Grew two ...", "• Worked as ... from ...": the head is this line
        runs_on = i + 1 < len(lines) and _runs_on(own, lines[i + 1].text, self.vocab.run_on_ends)
        if own and not _placeholder_only(own) and len(own.split()) <= MAX_HEAD_WORDS and not (runs_on and i - 1 > previous and _title_like(lines[i - 1].text) and _title_case(lines[i - 1].text, self.vocab.title_joiners) and not ranges[i - 1]):
            return i  # the title beside the date; not a sentence the date opens under a title line
        j = i - 1
        below = lines[i + 1].text if i + 1 < len(lines) and not own else ""
        if below and _PLACE_END.search(below) and _clean(_cut_placeholder(below)) and not ranges[i + 1]:
            return i  # a date line alone over "Senior Officer Company Name ï1⁄4 City , State": the entry opens here
        marked = None if own else _after_lone_mark(lines, ranges, i, previous)
        if marked is not None:
            return marked
        if j > previous and _title_like(lines[j].text) and not lines[j].text.strip()[:1].islower() and not ranges[j]:  # "and workplace banking" goes on a paragraph
            if j - 1 > previous and _employer_end(lines[j].text) and _title_like(lines[j - 1].text) and not ranges[j - 1]:
                return j - 1  # title, then "Employer -  City, State -", then the dates (Indeed)
            top = j
            while top - 1 > previous and i - (top - 1) <= MAX_HEAD_LINES and _title_like(lines[top - 1].text) and not ranges[top - 1]:
                top -= 1
            if top < j and (top == 0 and previous < 0 or (top - 1 > previous and lines[top - 1].text.rstrip().endswith("."))):
                return top  # title, employer (wrapped) and the dates, each on its line, after a paragraph's end
            return j
        return i

    def _position(self, lines: list[_Line], i: int, first: int, stop: int, rng: DateRange, kind: PositionKind, heading: str) -> Position:
        line = lines[i]
        own = _clean(_without(line.text, rng))
        employer_line = None
        if first < i:
            title_text = lines[first].text
            if _employer_end(lines[i - 1].text):  # "Employer -  City, State -" above the dates
                employer_line = _employer(lines[i - 1].text)
                title_text = title_text if first == i - 2 else ""
            elif first < i - 1:  # title, then the employer on the lines down to the dates
                employer_line = _clean(" ".join(ln.text for ln in lines[first + 1 : i]))
        elif placed := _placeholder_title(line.text[: rng.begin]):
            title_text = placed  # the words between the placeholder and the date, not the sentence after it
        elif own and not _placeholder_only(own):
            title_text = own
        else:
            title_text = next((ln.text for ln in lines[i + 1 : i + 3] if (_title_like(ln.text) or _titled_placeholder(ln.text)) and ln.start < stop and not any(_range_dates(r) == _range_dates(rng) for r in self.dates.ranges(ln.text))), "")  # not its dates printed again
        sentence = self._sentence(line.text, rng) if first == i else None
        title, employer = sentence or self._split_title(title_text)
        if employer_line and self._employer_name(title or "") and not self._employer_name(employer_line):
            title, employer_line = employer_line, title  # "ACME CORP" / "Data Analyst" / the dates
        employer = employer_line or employer
        for k, pattern in self._title_kinds.items():
            if pattern.search(title or "") or (k == "internship" and pattern.search(line.text)):
                kind = k  # type: ignore[assignment]
                break
        else:
            kind = next((k for k, pattern in self._employer_kinds.items() if pattern.search(employer or "")), kind)  # type: ignore[assignment]
        start, end = rng.start, rng.end
        return Position(
            title=title,
            employer=employer,
            start=start.value if start else None,
            end=None if rng.current or end is None else end.value,
            current=rng.current,
            kind=kind,
            span=(lines[first].start, stop),
            date_text=line.text[rng.begin : rng.stop].strip(),
            start_year_only=bool(start and start.year_only),
            end_year_only=bool(end and end.year_only and not rng.current),
            section=heading,
        )

    def _split_title(self, text: str) -> tuple[str | None, str | None]:
        cells = [c for c in (_clean(_cut_placeholder(c)) for c in text.split("\t")) if c]
        if not cells:
            return None, None
        head = cells[0]
        roles = self._roles(head)
        if roles is not None:
            return roles  # "Krisol Infosoft as Junior Web Developer"
        parts = self._joiner.split(head, maxsplit=1)
        if len(parts) == 2:
            return _clean(parts[0]) or None, _clean(parts[1].split(",")[0]) or None
        glued = [_clean(p) for p in _GLUE.split(head)]
        named = [k for k, p in enumerate(glued) if self._employer_name(p) and len(p.split()) <= MAX_EMPLOYER_WORDS]
        if len(named) == 1 and all(glued) and (named[0] > 0 or len(glued) == 2):
            # "Acme Corp — Data Analyst", "Data Analyst, Acme Corp, Boston": the short part that ends
            # in a company word is the employer, the first other part the title
            return next(p for k, p in enumerate(glued) if k != named[0]), glued[named[0]]
        if "," in head:
            title, _, rest = head.partition(",")
            return _clean(title) or None, _clean(rest) or None
        return head, (cells[1] if len(cells) > 1 and not self.dates.ranges(cells[1]) else None)

    # -- education and certifications -----------------------------------------------------

    def _degree_words(self, text: str) -> list[DegreeWord]:
        """The degree words of ``text``, scanned once per text: rules read the same line again (an
        education line without a degree above other ones; a one-line document's line is its text)."""
        words = self._words_of.get(text)
        if words is None:
            words = self._words_of[text] = list(self.degrees.words(text))
        return words

    def _level(self, text: str) -> str | None:
        """The entry's level; a bare credential word ("Diploma") beside a high-school name is a
        high-school diploma ("Diploma Bolton High School"), not a post-secondary certificate."""
        words = self._degree_words(text)
        levels = {w.level for w in words}
        if "high_school" in levels and "certificate" in levels:
            if all(text[w.start : w.end].casefold() in self.vocab.school_credentials for w in words if w.level == "certificate"):
                return "high_school"
        return max(levels, key=LEVEL_RANK.__getitem__, default=None)

    def education(self, positions: Sequence[Position] = ()) -> Iterator[Education]:
        """Entries of the education sections; without any (no heading found, or none of its lines
        names a degree), lines anywhere that name a degree beside an institution or a year; then
        degree lines elsewhere of a level these do not name."""
        found = list(self._education_in_sections(positions))
        if not any(e.level != "other" for e in found):
            found = [*self._degree_lines_near_a_name_or_year(), *(e for e in found if e.level == "other")]
        yield from found
        yield from self._degree_lines_elsewhere(found)

    def _degree_lines_near_a_name_or_year(self) -> Iterator[Education]:
        """Lines anywhere naming a degree beside an institution or a date: education without a heading."""
        text = self.doc.text
        starts = sorted({text.rfind("\n", 0, w.start) + 1 for w in self._degree_words(text)})  # lines naming a degree
        for start in starts:
            end = text.find("\n", start)
            line = _Line(start, text[start : end if end >= 0 else len(text)])
            level = self._level(line.text)
            if level is None:
                continue
            school = self._institution.search(line.text) is not None  # each read once per line
            months = self.dates.months(line.text)
            if not (school or months):
                continue
            if level == "certificate" and not school and not self._credential_line(line.text):
                continue  # "Conducted training sessions in 2015": a job's line, not a credential
            years = [mo.value.year for mo in months]
            institution = _clean(line.text.split("\t")[0]) if school else None
            yield Education(level, self._field(line.text), institution, max(years) if years else None, (line.start, line.end), bool(self._expected.search(line.text)), line.text.strip())

    def _credential_line(self, text: str) -> bool:
        """A line that lists a credential: a certificate word of its own ("SQL Certificate, 2021"),
        or a word that is often just a word ("training", "course": career.yaml loose_credentials)
        opening the line or heading a name ("Course: Java", "Training in Six Sigma")."""
        for w in self._degree_words(text):
            if w.level != "certificate":
                continue
            if _word(text, w) not in self.vocab.loose_credentials:
                return True
            if not text[: w.start].strip(" \t•*-–") or _DEGREE_OPENS.match(text, w.end):
                return True
        return False

    def _loose_in_sentence(self, text: str) -> bool:
        """A line of running text whose certificate words are all loose ones after a lower-case
        word ("Supervise others and provide on-the-job training. Stock shelves ..."): a job's
        sentence printed under Education, not a course ("2019: Online courses «T-SQL»")."""
        words = [w for w in self._degree_words(text) if w.level == "certificate"]
        before = [text[: w.start].split()[-1:] for w in words]
        words_of = text.split()
        return (
            bool(words)
            and all(_word(text, w) in self.vocab.loose_credentials and b and b[0][:1].islower() for w, b in zip(words, before, strict=True))
            and len(words_of) >= MIN_SENTENCE_WORDS
            and any(_SENTENCE_END.match(w) for w in words_of)
        )

    def _degree_lines_elsewhere(self, found: list[Education]) -> Iterator[Education]:
        """Lines outside the education entries that open with a degree ("M.A. in Literary
        Translation", "Bachelors degree - Applied Mathematics") of a level the entries do not
        name: a degree printed under a heading the reader did not take for education."""
        text = self.doc.text
        levels = {e.level for e in found}
        spans = [e.span for e in found]
        for start, opened in self.degrees.line_openings(text):
            if any(a <= opened < b for a, b in spans):
                continue  # an entry's line (most degree lines are): not scanned for its degree word
            w = next(self.degrees.words(text[opened : opened + _DEGREE_HEAD_CHARS]), None)
            if w is None or w.start != 0 or LEVEL_RANK[w.level] < LEVEL_RANK["associate"] or w.level in levels:
                continue
            if not _DEGREE_OPENS.match(text, opened + w.end):
                continue
            end = text.find("\n", opened)
            line = text[start : end if end >= 0 else len(text)]
            years = [mo.value.year for mo in self.dates.months(line)]
            levels.add(w.level)
            yield Education(w.level, self._field(line), None, max(years) if years else None, (start, start + len(line)), bool(self._expected.search(line)), line.strip())

    def _field(self, text: str) -> str | None:
        """The field of study after "in" or ":" ("B.E. in Computer Engineering", "BBA : Accounting"),
        up to the institution printed after it ("Marketing University of Nebraska", "IT in VIT",
        "Graphic Design The Art Institute ...") or a livecareer separator / placeholder."""
        m = _FIELD.search(text)
        if m is None:
            return None
        value = _cut_placeholder(_FIELD_STOP.split(m.group(1))[0])
        cut = self._field_end.search(value)
        value = value[: cut.start()] if cut else value
        words = value.split()
        if words and words[-1].casefold() in self.vocab.field_connectives:
            words.pop()
        return _clean(" ".join(words)) or None

    def _years(self, lines: list[_Line], i: int, years_of: dict[int, set[int]]) -> set[int]:
        """The years of the dates printed on line ``i`` (read once: ``years_of`` keeps them)."""
        if i not in years_of:
            years_of[i] = {mo.value.year for mo in self.dates.months(lines[i].text)}
        return years_of[i]

    def unread_education(self) -> str | None:
        """The heading of the first education section with words under it (a reader that found no
        entry in it: "Electrical engineering" / "VSSUT,burla"), or None."""
        text = self.doc.text
        for section in self.doc.sections:
            below = text.find("\n", section.start, section.end)
            if self._is_education(section) and below >= 0 and any(c.isalpha() for c in text[below : section.end]):
                return section.heading.strip()
        return None

    def _is_education(self, section: Section) -> bool:
        return section.name in self.vocab.education_sections or bool(self._education_heading.search(section.heading))

    def _education_in_sections(self, positions: Sequence[Position]) -> Iterator[Education]:
        sections = self.doc.sections
        for k, section in enumerate(sections):
            if not self._is_education(section):
                continue
            end = section.end
            # a degree line the section reader took for a heading ("B Tech Honors in Technical"
            # read as awards): the education goes on under it (not under "Certifications" or
            # "Training": headings of a certificate's words)
            for after in sections[k + 1 :]:
                level = self._level(after.heading)
                if self._is_education(after) or level is None or LEVEL_RANK[level] < LEVEL_RANK["associate"]:
                    break
                end = after.end
            lines = list(_lines(self.doc.text, section.start, end))[1:]
            used: set[int] = set()
            years_of: dict[int, set[int]] = {}  # the years printed on each line read so far
            # each entry's date printed alone on the line above it (livecareer's "2016" / "Mt. San
            # Antonio College" / "2017" / "Digital Marketing ..."): a date line belongs to the line
            # below it, not to the one above
            above = len(lines) > 1 and self._date_only(lines, 0, years_of) and not self._years(lines, 1, years_of)
            # each entry's line opening with its date, its school's lines under it ("2008 2013 Applied
            # Information Science in Economics" / "... Baikal State University" / "2021 Special program
            # ..."): the line above a line that opens with a date is the entry's before it
            first = next((ln for ln in lines if ln.text.strip()), None)
            date_first = not above and first is not None and self._opens_with_date(first.text)
            levels = [self._level(ln.text) for ln in lines]  # read once: a line is looked at again beside each degree line
            for i, line in enumerate(lines):
                level = levels[i]
                if level is None or _clean(line.text).casefold() in self.vocab.school_credentials or level == "certificate" and self._loose_in_sentence(line.text):
                    continue  # no degree, a credential word alone ("diploma" under "High School Diploma ..."): no entry of its own, or a job's sentence
                own = self._years(lines, i, years_of)
                # the lines beside it without a degree (its institution, its dates, "Anticipated
                # graduation May 2016"), but not one of other years beside a dated degree line: another
                # entry ("2017 - 2018 | Software Development | STEP Computer Academy" over "2011 -
                # 2015 | B.Sc. in Telematics | ...")
                beside = (i, i + 1) if date_first and self._opens_with_date(line.text) else (i, i - 1, i + 1)
                near = [j for j in beside if 0 <= j < len(lines) and (j == i or (j not in used and levels[j] is None and not (own and _other_years(own, self._years(lines, j, years_of))) and not (above and j == i + 1 and self._date_only(lines, j, years_of))))]
                if self._year_under_school(lines, i, near, used, levels, years_of):
                    near.append(i + 2)
                top = self._date_above(lines, i, used, levels, years_of) if above and not own else None
                if top is not None:  # "May 2005" / "Webster University" / "City , State Finance" / "M.B.A Finance"
                    near = sorted({*near, *range(top, i)})
                used.update(near)
                text = "\n".join(lines[j].text for j in sorted(near))
                institution = next((_clean(lines[j].text.split("\t")[0]) for j in near if self._institution.search(lines[j].text)), None)
                years = set().union(*(self._years(lines, j, years_of) for j in near))
                yield Education(
                    level=level,
                    field=self._field(line.text),
                    institution=institution,
                    end_year=max(years) if years else None,
                    span=(lines[min(near)].start, lines[max(near)].end),
                    expected=bool(self._expected.search(text)),
                    text=line.text.strip(),
                )
            if not any(LEVEL_RANK[levels[j] or "other"] > LEVEL_RANK["certificate"] for j in used):
                yield from self._undegreed_entries(lines, levels, used, years_of, positions, above)
            if not used and lines and any(self._institution.search(ln.text) for ln in lines):
                first = next(ln for ln in lines if self._institution.search(ln.text))
                years = [mo.value.year for mo in self.dates.months(first.text)]
                yield Education("other", None, _clean(first.text.split("\t")[0]), max(years) if years else None, (first.start, first.end), text=first.text.strip())

    def _year_under_school(self, lines: list[_Line], i: int, near: list[int], used: set[int], levels: list[str | None], years_of: dict[int, set[int]]) -> bool:
        """An undated degree line over its school's line and then a line of dates only: the entry's
        year (Indeed's "B. Tech in CSE" / "Biju Patnaik University - Rayagada" / "2016"), not the
        next entry's."""
        k = i + 2
        if k >= len(lines) or k in used or i + 1 not in near or levels[k] is not None or any(self._years(lines, j, years_of) for j in near):
            return False
        return bool(self._institution.search(lines[i + 1].text)) and self._date_only(lines, k, years_of)

    def _date_above(self, lines: list[_Line], i: int, used: set[int], levels: list[str | None], years_of: dict[int, set[int]]) -> int | None:
        """Where each entry's date stands alone above it: the nearest line of dates only above the
        undated degree line ``i``, over at most two lines of its own (its school, its place), or None."""
        for j in range(i - 1, max(-1, i - 4), -1):
            if j in used or levels[j] is not None:
                return None
            if self._date_only(lines, j, years_of):
                return j
        return None

    def _opens_with_date(self, text: str) -> bool:
        """``text`` opens with a date followed by words of its own ("2021 Special program ...")."""
        token = next((t for t in self.dates.tokens(text) if t.month is not None), None) if _DIGIT.search(text[:12]) else None
        return token is not None and token.start == len(text) - len(text.lstrip()) and any(c.isalpha() for c in text[token.end :])

    def _date_only(self, lines: list[_Line], k: int, years_of: dict[int, set[int]]) -> bool:
        """Line ``k`` prints dates and nothing else ("2016", "May 2012", "2010 - 2014")."""
        return bool(self._years(lines, k, years_of)) and not any(c.isalpha() for c in _without_dates(lines[k].text, self.dates.ranges(lines[k].text)))

    def _undegreed_entries(self, lines: list[_Line], levels: list[str | None], used: set[int], years_of: dict[int, set[int]], positions: Sequence[Position], above: bool = False) -> Iterator[Education]:
        """In a section that names no degree above a certificate, the dated lines no entry took, each
        with the plain undated line beside it (its school's name): a course at a school that grants
        no degree ("HTML, 2006, Moscow", "2017 – 2018 | Software Development | STEP Computer Academy":
        `certificate`), or a degree printed without its level at one that does ("NAU (National
        Aviation University), 2012-2014": `other`). ``levels``: each line's `_level`, read once."""
        opens = [i not in used and self._undegreed_entry(self._entry_line(lines, i, used, levels, years_of, above), lines[i + 1] if i + 1 < len(lines) else None, self._years(lines, i, years_of), positions) for i in range(len(lines))]
        for i in range(len(lines)):
            if not opens[i] or i in used:
                continue
            own = self._entry_line(lines, i, used, levels, years_of, above)
            beside = (i + 1,) if above else (i - 1, i + 1)  # not the line above when each date heads its entry from above it
            # a line that names its own school takes no other school's line beside it ("2018 Hillel IT
            # school php development" over "NTUDP (Dnipro Polytechnic National Technical University)")
            schooled = self._institution.search(lines[i].text) is not None
            near = [i, *(j for j in beside if 0 <= j < len(lines) and j not in used and not opens[j] and levels[j] is None and not self._years(lines, j, years_of) and not (schooled and self._institution.search(lines[j].text)))]
            used.update(near)
            text = "\n".join(lines[j].text for j in sorted(near))
            years = set().union(*(self._years(lines, j, years_of) for j in near))
            school = next((_clean(lines[j].text.split("\t")[0]) for j in sorted(near) if self._institution.search(lines[j].text)), None)
            level = "other" if self._degree_institution.search(text) else "certificate"
            yield Education(level, None, school, max(years), (lines[min(near)].start, lines[max(near)].end), text=own.text.strip())

    def _entry_line(self, lines: list[_Line], i: int, used: set[int], levels: list[str | None], years_of: dict[int, set[int]], above: bool) -> _Line:
        """Line ``i`` as an entry's own line: with the undated line below it when each entry's date
        stands alone above it ("2017" / "Digital Marketing Career Blueprint"), else itself."""
        k = i + 1
        if not above or k >= len(lines) or k in used or levels[k] is not None or self._years(lines, k, years_of) or not self._date_only(lines, i, years_of):
            return lines[i]
        return _Line(lines[i].start, self.doc.text[lines[i].start : lines[k].end].replace("\n", " "))

    def _undegreed_entry(self, line: _Line, nxt: _Line | None, years: set[int], positions: Sequence[Position]) -> bool:
        """A line of an education section that opens an entry without a degree word: a date with a
        few words of its own ("HTML, 2006"; not "2013" alone, a sentence, an honour of
        `education.not_courses`: "Dean's List, Fall 2012", a wrapped sentence; a full stop that
        closes the line makes none: "Aug 2008 - Sep 2008 Stock market specialist for maintaining
        the register of securities.") that is no job's line printed under Education (a position's,
        or one above an anonymised employer)."""
        if not years or self._not_course.search(line.text) or any(line.start < b and a < line.end for a, b in (p.span for p in positions)):
            return False
        if nxt is not None and _EMPLOYER_PLACEHOLDER.search(nxt.text):
            return False  # "Sales Consultant 01/2009 to 03/2011" over "Company Name – City , State": a job
        words = [w for w in _without_dates(line.text, self.dates.ranges(line.text)).split() if any(c.isalpha() for c in w)]
        ends_open = bool(words) and words[-1].casefold() in self.vocab.run_on_ends  # "Oct 2019 - Jun 2020 aided design and"
        closes = bool(words) and line.text.rstrip().endswith(words[-1])  # a full stop closing the line is no sentence of its own
        return 0 < len(words) <= MAX_SINGLE_DATE_WORDS and not ends_open and not any(_SENTENCE_END.match(w) for w in (words[:-1] if closes else words))

    def certifications(self) -> Iterator[Certification]:
        for section in self.doc.sections:
            if section.name != "certifications":
                continue
            for line in list(_lines(self.doc.text, section.start, section.end))[1:]:
                name = _clean(line.text)
                if name and not self._not_cert.search(name):
                    yield Certification(name, (line.start, line.end))


def _dates(p: Position) -> tuple[object, ...]:
    """What makes two entries the same job's: the start, the end and whether it goes on."""
    return p.start, p.end, p.current


def _range_dates(rng: DateRange) -> tuple[object, ...]:
    """`_dates` of the position that ``rng`` dates, read from the range before the position is made."""
    return rng.start and rng.start.value, None if rng.current or rng.end is None else rng.end.value, rng.current


def _other_years(own: set[int], theirs: set[int]) -> bool:
    """Both lines are dated and share no year: the dates of another entry."""
    return bool(own and theirs) and not own & theirs


def _word(text: str, w: DegreeWord) -> str:
    """A degree word as a vocabulary key: case-folded, without the full stop after it ("training.")."""
    return text[w.start : w.end].rstrip(".").casefold()


def _is_range(rng: DateRange) -> bool:
    """Two different ends, a current end or an open one: not a single date."""
    return rng.end is not None and rng.end != rng.start or rng.current or rng.end is None


def _stacked(lines: list[_Line], anchors: list[tuple[int, DateRange, PositionKind]]) -> list[tuple[int, DateRange, PositionKind]]:
    """Anchors with a start and an end date stacked on two adjacent lines, each opening its line
    ("2012 , November TINKOFF BANK" / "2022, February Senior Software Developer") joined into one
    range on the first line: two single dates with months, the second not before the first
    (entries listed one per date run the other way, newest first)."""
    out: list[tuple[int, DateRange, PositionKind]] = []
    k = 0
    while k < len(anchors):
        i, rng, kind = anchors[k]
        if k + 1 < len(anchors):
            j, nxt, _ = anchors[k + 1]
            if j == i + 1 and _opens_single_month(lines[i], rng) and _opens_single_month(lines[j], nxt) and nxt.start.index >= rng.start.index:  # type: ignore[union-attr]
                out.append((i, dataclasses.replace(rng, end=nxt.start), kind))
                k += 2
                continue
        out.append(anchors[k])
        k += 1
    return out


def _restated(anchors: list[tuple[int, DateRange, PositionKind]]) -> list[tuple[int, DateRange, PositionKind]]:
    """Anchors without a range printed again within the first lines below the entry's own
    (livecareer's "Store Manager May 2014 to Current" / "Company Name ..." / "05/2014 to Present
    5241 McFarland Drive ..."; Indeed's dates line, then "Oct 2016- May 2017" over the duties): one
    entry printing its dates twice, its lines the entry's own. Entries further apart that repeat a
    job's dates are kept (each has its own head and lines)."""
    out: list[tuple[int, DateRange, PositionKind]] = []
    for anchor in anchors:
        if out and anchor[0] - out[-1][0] <= _RESTATED_LINES and _is_range(anchor[1]) and _range_dates(anchor[1]) == _range_dates(out[-1][1]):
            continue
        out.append(anchor)
    return out


def _printed_again(text: str, first: tuple[int, int], again: tuple[int, int]) -> bool:
    """The entry at char span ``again``, which opens as the one at ``first`` does, prints that
    entry's text again: at least half the lines of the shorter are the other's, spaces aside (a
    PDF's copy may space words otherwise or run on into more lines). An entry with lines of its
    own (a Military section restating a job's title and dates over other duties) is not the
    first printed again."""
    ours, theirs = _squeezed_lines(text, *first), _squeezed_lines(text, *again)
    return 2 * len(ours & theirs) >= min(len(ours), len(theirs))


def _squeezed_lines(text: str, begin: int, end: int) -> set[str]:
    """The non-blank lines of ``text[begin:end]`` without their spaces."""
    return {k for k in ("".join(line.split()) for line in text[begin:end].splitlines()) if k}


def _after_lone_mark(lines: list[_Line], ranges: list[list[DateRange]], i: int, previous: int) -> int | None:
    """The line after a bullet printed alone on its line ("•") a few lines above a date line
    alone: a résumé that marks each entry so prints its head ("TATA as COE Head Machine Learning,
    Artificial Intelligence, Data Science", however long, wrapped or not) between the mark and
    the dates; None without such a mark."""
    for k in range(i - 1, max(previous, i - 1 - MAX_HEAD_LINES), -1):
        if _LONE_MARK.fullmatch(lines[k].text.strip(" \t")):
            return k + 1 if k + 1 < i else None
        if ranges[k] or len(lines[k].text.split()) > MAX_HEAD_WORDS or lines[k].text.rstrip().endswith((".", ";")):
            return None
    return None


def _continues(above: str, text: str, rng: DateRange) -> bool:
    """The line goes on with the sentence of the line above: it opens in lower case with words
    before its date ``rng`` or ends a sentence ("for February 2003.", "and 2018", "since 2013.",
    "the 31st Marine Expeditionary Unit from January 2009 to July 2009 for ..."), or it opens
    with a lone date that words in lower case go on after ("... using SharePoint" / "2010
    architecture providing ..."), under a long line that ends no sentence. Its date is part of
    the running text, not an entry's head."""
    stripped = above.rstrip()
    if len(above.split()) < MIN_SENTENCE_WORDS or stripped.endswith((".", "!", "?", ":", ";")):
        return False
    if text.lstrip(" \t")[:1].islower():
        return bool(text[: rng.begin].strip()) or text.rstrip().endswith(".")
    return not text[: rng.begin].strip() and not _is_range(rng) and text[rng.stop :].lstrip(" \t")[:1].islower()


def _opens_single_month(line: _Line, rng: DateRange) -> bool:
    """A single date with its month, printed at the start of its line."""
    return rng.start is not None and rng.end == rng.start and not rng.start.year_only and not rng.current and not line.text[: rng.begin].strip()


def _is_end_line(text: str, end_lines: frozenset[str], longest: int) -> bool:
    """The line is one of career.yaml end_lines ("Additional Information"); a line longer than the
    longest of them is none (case folding never shortens it) and is not folded."""
    stripped = text.strip(_STRIP)
    return len(stripped) <= longest and stripped.casefold() in end_lines


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Every offset of ``word`` in ``text``, overlapping ones too."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _url_only(text: str) -> bool:
    """A line that is one URL alone (Indeed's page footer "https://www.indeed.com/r/..." printed
    between an entry's title, employer and dates): no line of an entry's head."""
    words = text.split()
    return len(words) == 1 and _URL.search(words[0]) is not None


def _lines(text: str, start: int, end: int) -> Iterator[_Line]:
    """Non-blank lines of ``text[start:end]`` with their offsets, each without a page header run
    into it ("Chu-Hsiang Wu Page 2 DESIGN and SELECTION ...": the line starts after "Page 2")."""
    offset = start
    for raw in text[start:end].split("\n"):
        if raw and not raw.isspace():  # not blank (no stripped copy made)
            mark = _PAGE_MARK.match(raw) if "Page" in raw else None  # the mark prints "Page": most lines skip the pattern
            cut = mark.end() if mark and raw[mark.end() :].strip() else 0
            yield _Line(offset + cut, raw[cut:])
        offset += len(raw) + 1


#: A page header or footer printed into the first line of a page: a name (up to four words),
#: "Page N" ("of M").
_PAGE_MARK = re.compile(r"^[ \t]*(?:[A-Z][\w.'’-]*[ \t]+){0,4}Page[ \t]+\d+(?:[ \t]*(?:of|/)[ \t]*\d+)?[ \t]+")


def _without_dates(text: str, ranges: list[DateRange]) -> str:
    """``text`` with every printed date blanked out."""
    for rng in reversed(ranges):
        text = _without(text, rng)
    return text


def _without(text: str, rng: DateRange) -> str:
    return _without_span(text, rng.begin, rng.stop)


def _without_span(text: str, begin: int, stop: int) -> str:
    return text[:begin] + " " + text[stop:]


_DIGIT = re.compile(r"\d")
#: A bullet printed alone on its line: the mark that opens an entry in some résumés.
_LONE_MARK = re.compile(r"[•●▪■◦*o]")
#: A word that ends a sentence: lower case, longer than an abbreviation ("care.", "teams.").
_SENTENCE_END = re.compile(r"^[a-z]{4,}[.!?]$")
#: An employer line of Indeed exports: "Cloud Lending Solutions -  Bangalore, Karnataka -" (a
#: spaced dash inside, a dash at the end); split on it, the first part is the employer.
_EMPLOYER_LINE = re.compile(r"(?<![ \t])[ \t]+[-–][ \t]+")


#: Between a title and an employer printed on one line: a comma, or a spaced dash or bar.
_GLUE = re.compile(r",|(?<![ \t])[ \t]+[-–—|][ \t]+")


def _employer_end(text: str) -> bool:
    """An Indeed employer line ends in a dash; a dash alone is one whose employer was left blank
    ("Systems Engineer" / "-" / "December 2007 to December 2010")."""
    return text.rstrip(" \t").endswith(("-", "–"))


def _employer(text: str) -> str:
    """The employer of an Indeed employer line: the text before its first spaced dash."""
    return _clean(_EMPLOYER_LINE.split(text.rstrip(" \t-–"))[0])


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(_STRIP)


#: The anonymised employer of livecareer exports.
_EMPLOYER_PLACEHOLDER = re.compile(r"\bcompany name\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\b(?:company name|city\s*,\s*state)\b.*$", re.IGNORECASE)
#: The end of a livecareer placeholder: "Company Name", "Company Name ï1⁄4 City" (a mis-decoded
#: separator and a lone city), "City , State".
_PLACE_END = re.compile(r"\b(?:company name(?:[ \t]*(?:ï1⁄4|ï¼))?(?:[ \t]*city\b(?![ \t]*,))?|city\s*,\s*state\b)", re.IGNORECASE)


def _cut_placeholder(text: str) -> str:
    """Text before an anonymised "Company Name ... City , State" tail of livecareer exports, or
    the title printed after it when nothing is before ("Company Name City , State Consultant",
    "Company Name  Mortgage Banking Analyst" once the date between them is taken out)."""
    head = _PLACEHOLDER.sub("", text)
    if head.strip(_STRIP):
        return head
    tails = list(_PLACE_END.finditer(text))
    return text[tails[-1].end() :] if tails else head


def _placeholder_only(text: str) -> bool:
    return not _clean(_cut_placeholder(text))


def _placeholder_title(text: str) -> str | None:
    """The title of a livecareer line that opens with the placeholder, from the text before its
    date ("Company Name City , State Membership Sales Representative" 01/2015 to Current Achieve
    ...): the words after the placeholder, few enough for a title; None for any other line."""
    rest, cut = text.lstrip(_STRIP), False
    while (m := _PLACE_END.match(rest)) is not None:
        rest, cut = rest[m.end() :].lstrip(_STRIP), True
    return _clean(rest) if cut and 0 < len(rest.split()) <= MAX_TITLE_WORDS else None


def _titled_placeholder(text: str) -> bool:
    """A livecareer head line whose title stands before the placeholder and whose first sentence
    runs on after it ("Floral Designer Company Name ï1⁄4 City , State I was employed as ..."): the
    text before the placeholder is a title."""
    head = _PLACEHOLDER.sub("", text)
    return bool(_PLACE_END.search(text)) and not _BULLET.match(text) and 0 < len(_clean(head).split()) <= MAX_TITLE_WORDS


def _runs_on(own: str, next_line: str, ends: frozenset[str]) -> bool:
    """The text beside a date is a sentence running on to the next line ("Oct 2018 - Mar 2022
    Created from scratch a business for cutting and" / "selling meat"), not a title: it ends in a
    connective (``ends``: career.yaml run_on_ends), or is long and the next line goes on in lower case."""
    words = own.split()
    if not words:
        return False
    follows = next_line.strip()[:1]
    return words[-1].casefold() in ends or (len(words) >= MIN_SENTENCE_WORDS and follows.islower())


def _title_case(text: str, joiners: frozenset[str]) -> bool:
    """Every word of the line is capitalised but its small ``joiners`` (career.yaml title_joiners:
    "Business Owner Butchery, Ekaterinburg, Russia", "Head of Sales"): a heading, not a line of a
    paragraph."""
    return all(not w[:1].islower() or w.casefold() in joiners for w in _WORD.findall(text))


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _title_like(text: str) -> bool:
    """A short line that can be a title: no bullet, no sentence end, few words."""
    stripped = text.strip()
    if not stripped or _BULLET.match(text) or stripped.endswith((".", ";")) or _URL.search(stripped):
        return False
    # cutting a placeholder off leaves a part of the line: few words before, few after
    return len(stripped.split()) <= MAX_TITLE_WORDS or len(_cut_placeholder(stripped).split()) <= MAX_TITLE_WORDS


#: How far a degree word opening a line may run.
_DEGREE_HEAD_CHARS = 30
#: What follows a degree word that opens a degree line: "in", "of", "degree", ":", a dash.
_DEGREE_OPENS = re.compile(r"(?<![ \t])[ \t]*(?:\bin\b|\bof\b|\bdegree\b|[:–—(-])", re.IGNORECASE)
_FIELD = re.compile(r"(?:\bin\b|:|-|–)\s*([A-Z][\w&/ ,.'-]{2,80})")
#: Where a field's text ends: a comma, tab, bracket, year, or a livecareer mis-decoded separator.
_FIELD_STOP = re.compile(r",|\t|\(|\b(?:19|20)\d\d\b|ï")
