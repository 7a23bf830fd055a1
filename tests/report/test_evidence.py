"""The sentence a mention came from, as reports and terminal tables show it."""

from __future__ import annotations

from skillgap.report.evidence import sentence_around

TEXT = (
    "Summary\nI build ML systems. Shipped PyTorch models to production at Acme, led a team of 4.\n"
    "• Docker, Kubernetes\n• Terraform"
)


def _at(word: str, text: str = TEXT, limit: int = 200) -> tuple[str, str, str]:
    i = text.index(word)
    s = sentence_around(text, i, i + len(word), limit=limit)
    return s.before, s.hit, s.after


def test_the_sentence_ends_at_its_full_stop() -> None:
    assert _at("PyTorch") == ("Shipped ", "PyTorch", " models to production at Acme, led a team of 4.")


def test_bullets_and_line_breaks_bound_a_sentence() -> None:
    assert _at("Kubernetes") == ("Docker, ", "Kubernetes", "")
    assert _at("Terraform") == ("", "Terraform", "")
    assert _at("Summary") == ("", "Summary", "")


def test_long_context_is_cut_at_word_boundaries_around_the_mention() -> None:
    text = "word " * 100 + "Python " + "more " * 100
    before, hit, after = _at("Python", text, limit=60)
    assert (before, hit, after) == ("…word word word word word ", "Python", " more more more more more…")
    assert len(before + hit + after) <= 60


def test_whitespace_inside_the_sentence_is_collapsed() -> None:
    text = "Tools:   Python\t and\n\n  SQL"
    assert _at("Python", text) == ("Tools: ", "Python", " and")


def test_list_markers_are_not_part_of_the_sentence() -> None:
    assert _at("Forecasted", "Experience\n- Forecasted claims with pandas.\n") == ("", "Forecasted", " claims with pandas.")
    assert _at("pandas", "* Built forecasts with pandas\n") == ("Built forecasts with ", "pandas", "")
    assert _at("SQL", "2. SQL reports\n") == ("", "SQL", " reports")
