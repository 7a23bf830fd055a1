"""The date scan reads only the lines a date can be on (`DateReader._windows`): what it finds is
what a scan of the whole text finds (`DateReader.token.finditer`), across the line breaks a date
or a range can run over."""

from __future__ import annotations

import pytest

from skillgap.documents.careervocab import load_career_vocabulary
from skillgap.documents.dates import DateReader, date_reader
from skillgap.documents.degrees import degree_finder


@pytest.fixture(scope="module")
def dates() -> DateReader:
    return date_reader(load_career_vocabulary())


def _whole_text(dates: DateReader, text: str) -> list[tuple[int, int]]:
    """Spans of the dates and present words a scan of the whole text finds."""
    return [m.span() for m in dates.token.finditer(text) if dates._month(m) is not None or m.lastgroup == "present"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month word ending the line above the year, through a line of dots and blanks
        ("Data Engineer, Acme Aug.\n .\n2014 - present\nBuilt pipelines", [((2014, 8), None, True, 20, 42)]),
        # a day over its month over its year, blank lines between: one date from the day on
        ("Joined on 12\n\nJanuary\n2019\nSupport engineer", [((2019, 1), (2019, 1), False, 10, 26)]),
        # the range's end on the third line below, past a separator line and a blank one
        ("April 2015\nto\n\nCurrent\nAnalyst", [((2015, 4), None, True, 0, 22)]),
        # a present word out of a gap's reach ends no range
        ("2019 -\nEngineer\nPresent", [((2019, 1), None, False, 0, 6)]),
    ],
)
def test_dates_across_line_breaks(dates: DateReader, text: str, expected: list[tuple[object, ...]]) -> None:
    got = [(r.start and (r.start.value.year, r.start.value.month), r.end and (r.end.value.year, r.end.value.month), r.current, r.begin, r.stop) for r in dates.ranges(text)]
    assert got == expected


def test_the_scan_skips_lines_without_a_date_and_finds_what_the_whole_text_scan_finds(dates: DateReader) -> None:
    text = "Summary\nCurrent role in data\nSpring\n2020 - 2021, Acme\nResponsible for now-casting\n\n- \n  till date\nReferences"
    assert dates._windows(text) == [(29, 53)]  # the season's line above the dated one, and that line
    assert [(t.start, t.end) for t in dates.tokens(text)] == [(29, 40), (43, 47)]  # "Spring\n2020", "2021"
    # the whole text holds besides only present words no date's gap reaches ("Current", "now", "till date")
    assert _whole_text(dates, text) == [(8, 15), (29, 40), (43, 47), (70, 73), (88, 97)]
    assert [(r.begin, r.stop) for r in dates.ranges(text)] == [(29, 47)]


def test_line_openings_are_every_line_start_the_multiline_pattern_finds() -> None:
    finder = degree_finder(load_career_vocabulary())
    text = "B.Sc. in Physics\n  • M.S. Data Science\nWorked as a tutor\n- PhD, Chemistry"
    assert list(finder.line_openings(text)) == [(0, 0), (17, 21), (57, 59)]
