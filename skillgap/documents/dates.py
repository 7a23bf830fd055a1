"""Dates as résumés print them: "Jan 2019", "01/2019", "2017/04", "06/15", "Summer 2020", "2019",
"2017 july", "2012, November", "15/01/2019" (a day read first when it can be, else the month),
and ranges of two of them or of one and a "present" word ("Jan 2019 – Present", "2020 now"), or
of two months sharing one year ("May-June 2007").

A `Month` is the first day of its month; a year printed alone (or with a season, which names
no month) is ``year_only`` and counts as June in month arithmetic, the usual convention of
résumé parsers. Only the words of ``taxonomy/career.yaml`` are read as months and "present".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .careervocab import CareerVocabulary, trie_pattern, words_pattern

_DIGIT = re.compile(r"\d")
#: From a line's first digit to its end: the lines a date can be printed on.
_DIGIT_LINE = re.compile(r"\d[^\n]*")
#: What may stand between a month or season word and the digits of its date ("Aug." / "2014"):
#: blanks (every character ``\s`` matches, all below U+3001) and ``,.-/'’``.
_FILLER = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + ",.-/'’"
_FILLERS = re.compile(r"[\s,.\-/'’]*")
#: How far before a date a start label ("From:", "since") may begin.
_LABEL_CHARS = 20
#: Month counted for a date printed as a year only.
YEAR_ONLY_MONTH = 6


@dataclass(frozen=True)
class Month:
    """A printed date: ``value`` is the first of its month (1 January when only a year was printed,
    then ``year_only`` is set and arithmetic uses June)."""

    value: date
    year_only: bool = False

    @property
    def index(self) -> int:
        """Months since year 0, for arithmetic: year * 12 + month (June for a year alone)."""
        return self.value.year * 12 + (YEAR_ONLY_MONTH if self.year_only else self.value.month)

    def __str__(self) -> str:
        return f"{self.value.year:04d}" if self.year_only else f"{self.value.year:04d}-{self.value.month:02d}"


def month_index(day: date) -> int:
    """The `Month.index` of a calendar day's month."""
    return day.year * 12 + day.month


@dataclass(frozen=True)
class DateToken:
    """One date or "present" word in a text: ``month`` is None for a present word."""

    month: Month | None
    start: int
    end: int


@dataclass(frozen=True)
class DateRange:
    """A date or a range as printed: ``start`` and ``end`` (None when the range leaves it open, as
    "2018 -"), ``current`` when it ends with a present word; char span of the printed text."""

    start: Month | None
    end: Month | None
    current: bool
    begin: int
    stop: int


class DateReader:
    """Finds date tokens and ranges in text with one regular expression built from the vocabulary."""

    def __init__(self, vocab: CareerVocabulary) -> None:
        self.vocab = vocab
        # prefix trees: a scan tries the branches of the letter it meets, the longer word first
        month_words = trie_pattern(vocab.months)
        seasons = trie_pattern(vocab.seasons)
        present = trie_pattern(vocab.present)
        year = r"(?:19|20)\d\d"
        # Every date starts a word with a digit or the first two letters of a month, season or
        # present word: the lookaheads (the first letter, a cheap test, then the two) skip every
        # other word before the alternatives, and a word of letters skips the alternatives that
        # open with a digit at once (of two alternatives that can match at one position, the
        # first printed still wins).
        words = (*vocab.months, *vocab.seasons, *vocab.present)
        firsts = "".join(sorted({w[0] for w in words}))
        openings = trie_pattern({w[:2] for w in words})
        self.token = re.compile(
            rf"\b(?=[\d{re.escape(firsts)}])(?=\d|{openings})(?:"
            # "3 Nov 2019", "November 3, 2019", "Jan 2019", "Jan. 2019", "January, 2019", "Dec' 2015", "Jan'19", "11-Sep-20"
            rf"(?<![\w])(?:\d{{1,2}}(?:st|nd|rd|th)?[\s\-/.]+)?(?P<mw>{month_words})\.?(?:\s*\d{{1,2}}(?:st|nd|rd|th)?,)?(?:['’]?[\s,.\-/]*(?P<y1>{year})(?!\d)|\s?['’\-](?P<yy1>\d\d)(?!\d))"
            + "|(?=\\d)(?:"
            + "|".join(
                (
                    # a full date: day first (15/01/2019, 15.01.2019), else month first (01/15/2019)
                    rf"(?<![\w/.])(?P<d9>[0-3]?\d)(?P<sep9>[/.\-])(?P<n9>[0-3]?\d)(?P=sep9)(?P<y9>{year})(?![\d/])",
                    rf"(?<![\w/.])(?P<m2>0?[1-9]|1[0-2])\s?[/.\-]\s?(?P<y2>{year})(?![\d/])",  # 01/2019, 1.2019
                    rf"(?<![\w/.])(?P<y3>{year})\s?[/.]\s?(?P<m3>0[1-9]|1[0-2])(?![\d/.])",  # 2017/04
                    # 2019-01 (ISO, a day may follow): only from 2013, where no two-digit month
                    # can be the end year of a range ("2010-12" may be 2010 to 2012)
                    r"(?<![\w/.])(?P<y8>20(?:1[3-9]|[2-9]\d))-(?P<m8>0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?![\d/.]|-\d)",
                    r"(?<![\w/.])(?P<m4>0[1-9]|1[0-2])/(?P<yy4>\d\d)(?![\d/])",  # 06/15
                    # "2017 july", "2012 , November": the year first, the month word after it (not
                    # the month of a following date: "2014 March 2015")
                    rf"(?<![\w/.])(?P<y7>{year})[ \t]*(?:,[ \t]*)?(?P<mw7>{month_words})\.?(?![\w])(?![ \t]*(?:[,.'’/][ \t]*)?\d)",
                    rf"(?<![\w/.])(?P<y6>{year})(?!\d|/\d|\.\d)",  # not "2017/18", "2008/2010" (versions)
                )
            )
            + rf")|(?<![\w])(?P<season>{seasons})[\s,']*(?P<y5>{year})(?!\d)"
            + rf"|(?<![\w])(?P<present>{present})(?![\w]))",
            re.IGNORECASE,
        )
        seps = "|".join(re.escape(s) for s in sorted(vocab.separators, key=len, reverse=True))
        # Between the two ends of a range; line breaks count as spaces ("April 2015" / "to" /
        # "Current"), but a dangling dash never reaches over one (the next line's bullet).
        self.gap = re.compile(rf"(?<![ \t])\s*(?:(?:{seps})\s*)?[:,]?\s*", re.IGNORECASE)
        # A dangling separator: "2018 -", "2004/---", "2004 – ?", "2004 - ..." (the end left blank)
        self.open_end = re.compile(r"(?<![ \t/\-–—~])[ \t]*(?:[-–—~]+|/[ \t]*[-–—~]+)(?:[ \t]*(?:\.{2,}|…|\?+))?(?:[ \t]|(?=[\n)\]])|$)")
        labels = words_pattern(vocab.start_labels).pattern
        self.start_label = re.compile(rf"(?:{labels}|(?P<since>{words_pattern(vocab.since).pattern}))[ \t]*:?[ \t]*$", re.IGNORECASE)
        # A month word alone before a separator, right before a dated month word: the range's
        # start in the same year ("May-June 2007", "Jan. - Mar. 2019", "Nov to Feb 2015").
        self.month_before = re.compile(rf"(?<![\w])(?P<mw>{month_words})\.?[ \t]*(?:{seps})[ \t]*$", re.IGNORECASE)
        self.written = words_pattern(vocab.written)
        # The line above a date's line opens the date when it ends in a month or season word
        # ("Aug." / "2014"); the line below ends its range when it opens with a present word
        # after what a gap allows ("Jan 2019 -" / "Present").
        self._longest = max(len(w) for w in (*vocab.months, *vocab.seasons))
        self._word_end = re.compile(rf"(?:{month_words}|{seasons})$", re.IGNORECASE)
        gap = rf"\s*(?:(?:{seps})\s*)?[:,]?\s*"
        self._gap_line = re.compile(gap, re.IGNORECASE)
        self._present_line = re.compile(rf"{gap}(?:{present})(?![\w])", re.IGNORECASE)

    def tokens(self, text: str) -> Iterator[DateToken]:
        """Every date of ``text`` and every present word a range's gap can reach from one, in order
        (the scan reads only the lines of `_windows`, as if it read the whole text)."""
        for begin, end in self._windows(text):
            for m in self.token.finditer(text, begin, end):
                month = self._month(m)
                if month is not None or m.lastgroup == "present":  # not a full date that is no date ("45/67/2019")
                    yield DateToken(month, m.start(), m.end())

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Spans of whole lines that hold every date token of ``text`` and every present word after
        one: each line with a digit (every date has one); above it, the lines of `_FILLER` only and
        the line that ends in a month or season word; below it, the lines a gap fills and the line
        that opens with a present word. Spans that touch, or that only `_FILLER` text parts, are
        joined: no token of the whole text crosses a span's ends, so each span is scanned alone
        (most lines of a résumé have no digit: the scan skips them)."""
        if "\n" not in text:  # one line (most callers pass one): it is its own span, if dated
            return [(0, len(text))] if _DIGIT.search(text) else []
        spans: list[tuple[int, int]] = []
        for m in _DIGIT_LINE.finditer(text):
            begin, end = text.rfind("\n", 0, m.start()) + 1, m.end()
            while begin > 0 and not (spans and begin - 1 <= spans[-1][1]):  # up (but into the span above): fillers, then a line ending in a month or season word
                above = text.rfind("\n", 0, begin - 1) + 1
                line = text[above : begin - 1]
                stripped = line.rstrip(_FILLER)
                if stripped and not self._word_end.search(stripped, max(0, len(stripped) - self._longest)):
                    break
                begin = above
                if stripped:
                    break
            below = end
            while below < len(text):  # down: lines a gap fills, then one opening with a present word
                stop = text.find("\n", below + 1)
                stop = len(text) if stop < 0 else stop
                if self._present_line.match(text, below + 1, stop):
                    end = stop
                    break
                if not self._gap_line.fullmatch(text, below + 1, stop):
                    break
                below = stop
            if spans and _FILLERS.match(text, spans[-1][1]).end() >= begin:  # type: ignore[union-attr]
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((begin, end))
        return spans

    def months(self, text: str) -> list[Month]:
        """The dates of ``text`` (its present words left out), in order; a text without a digit
        has none, and most lines have none, so they skip the scan."""
        if not _DIGIT.search(text):
            return []
        return [t.month for t in self.tokens(text) if t.month is not None]

    def _month(self, m: re.Match[str]) -> Month | None:
        """The `Month` of a token match, None for a present word or a full date that is no date.
        The alternative that matched is told by the group that closed last (each alternative's
        groups follow one another, none nested): a dict of every group per token costs more."""
        last, g = m.lastgroup, m.group
        if last == "present":
            return None
        if last in ("y1", "yy1"):
            month = self.vocab.months[g("mw").casefold()]
            return Month(date(int(g("y1")) if last == "y1" else _century(int(g("yy1"))), month, 1))
        if last == "y9":
            return _full_date(int(g("d9")), int(g("n9")), int(g("y9")))
        if last == "y2":
            return Month(date(int(g("y2")), int(g("m2")), 1))
        if last == "m3":
            return Month(date(int(g("y3")), int(g("m3")), 1))
        if last == "m8":
            return Month(date(int(g("y8")), int(g("m8")), 1))
        if last == "mw7":
            return Month(date(int(g("y7")), self.vocab.months[g("mw7").casefold()], 1))
        if last == "yy4":
            return Month(date(_century(int(g("yy4"))), int(g("m4")), 1))
        return Month(date(int(g(last)), 1, 1), year_only=True)  # y5 (a season's year) or y6

    def ranges(self, text: str) -> list[DateRange]:
        """Dates and ranges of ``text``: two tokens joined by a separator (or only spaces) make a
        range; a date followed by a dangling separator ("2018 -") a range with an open end; a
        present word alone is no date."""
        if not _DIGIT.search(text):  # every date has digits: most lines have none
            return []
        tokens = list(self.tokens(text))
        out: list[DateRange] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.month is None:
                i += 1
                continue
            shared = self._shared_year_start(text, tok, out[-1].stop if out else 0)
            first = tok.start if shared is None else shared[1]
            label = self.start_label.search(text, max(0, first - _LABEL_CHARS), first)
            begin = label.start() if label else first
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if shared is not None:
                out.append(DateRange(shared[0], tok.month, False, begin, tok.end))
                i += 1
                continue
            if nxt is not None and self.gap.fullmatch(text, tok.end, nxt.start):
                out.append(DateRange(tok.month, nxt.month, nxt.month is None, begin, nxt.end))
                i += 2
                continue
            dangling = self.open_end.match(text, tok.end)
            if dangling and (nxt is None or nxt.start >= dangling.end()):
                out.append(DateRange(tok.month, None, False, begin, dangling.end()))
            elif label and label.group("since"):
                out.append(DateRange(tok.month, None, True, begin, tok.end))  # "since 2019": current
            else:
                out.append(DateRange(tok.month, tok.month, False, begin, tok.end))
            i += 1
        return out

    def _shared_year_start(self, text: str, tok: DateToken, after: int) -> tuple[Month, int] | None:
        """The start of a month range printed with one year ("May-June 2007"): the month word
        alone before ``tok`` (a dated month word) and where it begins; a later month than
        ``tok``'s is in the year before ("Nov - Feb 2015"). None when no such word is printed
        after ``after`` (the end of the last range read) or its case differs from ``tok``'s."""
        if tok.month is None or tok.month.year_only or not text[tok.start].isalpha():
            return None
        m = self.month_before.search(text, max(after, tok.start - _LABEL_CHARS), tok.start)
        if m is None or m.group("mw")[0].isupper() != text[tok.start].isupper():  # "... may - June 2007": a verb
            return None
        end = tok.month.value
        month = self.vocab.months[m.group("mw").casefold()]
        return Month(date(end.year - (month > end.month), month, 1)), m.start()


def _full_date(first: int, second: int, year: int) -> Month | None:
    """The month of a day/month/year date (15/01/2019), or of a month/day/year one (01/15/2019)
    when the second number cannot be a month; None when neither reading is a date."""
    if 1 <= second <= 12 and 1 <= first <= 31:
        return Month(date(year, second, 1))
    if 1 <= first <= 12 and 1 <= second <= 31:
        return Month(date(year, first, 1))
    return None


def _century(yy: int) -> int:
    """Two-digit year: 00-49 -> 2000s, 50-99 -> 1900s."""
    return 2000 + yy if yy < 50 else 1900 + yy


@functools.lru_cache(maxsize=4)
def date_reader(vocab: CareerVocabulary) -> DateReader:
    """One compiled reader per vocabulary."""
    return DateReader(vocab)
