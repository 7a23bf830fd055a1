"""Properties that hold for any text: offsets index the text, sections are ordered and disjoint."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap import DocumentError, read_document
from skillgap.documents import as_path

HEADINGS = ["SKILLS", "Experience", "EDUCATION:", "Key Skills: Python", "Requirements", "Nice to have", "About us"]
lines = st.one_of(st.sampled_from(HEADINGS), st.text(min_size=0, max_size=60))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines, min_size=1, max_size=30), st.sampled_from([None, "resume", "posting"]))
def test_sections_index_the_text(parts: list[str], kind: str | None) -> None:
    try:
        doc = read_document("\n".join(parts), kind=kind)
    except DocumentError as err:
        # a one-line string ending in a document suffix ("cv.pdf", ".ODT") names a file that is not
        # there, and one naming a folder (".") is no document
        if len(parts) == 1 and as_path(parts[0]) is not None:
            assert err.problem in ("no such file", "this is a folder, not a file")
        else:
            assert err.problem == "the document contains no text"
        return
    text = doc.text
    assert text and text == text.strip("\n") and "\r" not in text
    assert doc.pages == (0,)
    previous_end = 0
    for s in doc.sections:
        assert previous_end <= s.start < s.end <= len(text)
        assert s.heading in text[s.start : s.end].split("\n", 1)[0]
        assert doc.section_at(s.start) == s and doc.section_at(s.end - 1) == s
        previous_end = s.end
