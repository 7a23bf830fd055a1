"""The HTML gap report, the ranking page and the Jupyter views, on hand-built gap results."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skillgap.batch import CandidateResult, ranking_frame
from skillgap.report import gap_report_fragment, gap_report_html, profile_html, ranking_html, write_gap_report, write_ranking
from skillgap.taxonomy import load_taxonomy
from tests.report.builders import gap_report, profile, write_taxonomy


@pytest.fixture(scope="module")
def tax(tmp_path_factory: pytest.TempPathFactory):
    return load_taxonomy(write_taxonomy(tmp_path_factory.mktemp("tax")))


def _text(html: str) -> str:
    """The visible text of a page, tags removed and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S)).split())


def test_gap_report_page_shows_every_requirement_with_status_and_evidence(tax) -> None:
    html = gap_report_html(gap_report(tax))
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<title>jane.pdf vs Tiny ML Engineer</title>" in html
    rows = re.findall(r'<tr id="r-([a-z-]+)"><td><span class="chip s-(\w+)">', html)
    assert rows == [("python", "matched"), ("kotlin", "transferable"), ("pytorch", "matched"), ("deep-learning", "implied")]
    text = _text(html)
    assert "62.5 score / 100" in text and "80% required covered" in text and "25% preferred covered" in text
    assert "2 / 4 requirements matched" in text
    assert "transfer from Java: “Wrote services in Java <script>alert(1)</script> & shipped them.” experience, p. 1" in _unescape(text)
    assert "implied by PyTorch: “Trained PyTorch models for search ranking at Acme.”" in text
    assert "<mark>PyTorch</mark>" in html
    assert "required · 2+ yrs" in text
    assert "Also has (beyond the job) TensorFlow" in text
    assert "Programming · 75% covered" in text and "Modelling · 60% covered" in text


def test_resume_text_is_escaped_and_the_page_needs_no_network(tax) -> None:
    html = gap_report_html(gap_report(tax))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; shipped" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_learn_next_lists_missing_required_before_preferred(tax) -> None:
    report = gap_report(tax, statuses={"kotlin": "missing", "pytorch": "missing", "python": "missing"})
    text = _text(gap_report_html(report))
    learn = text.split("Learn next", 1)[1].split("Also has", 1)[0]
    assert learn.strip() == (
        "PyTorch (required, weight 2, Modelling) Python (required, weight 1, Programming) Kotlin (preferred, weight 0.5, Programming)"
    )
    assert text.count("no evidence found") == 3


def test_ranking_page_orders_rows_by_score_with_error_rows_last(tax) -> None:
    results = [
        CandidateResult("cands/low.pdf", gap_report(tax, source="cands/low.pdf", score=20.0, statuses={"python": "missing"})),
        CandidateResult("cands/broken.pdf", None, "cands/broken.pdf: the PDF is encrypted (fix: remove the password)"),
        CandidateResult("cands/jane.pdf", gap_report(tax)),
    ]
    html = ranking_html(results)
    assert re.findall(r'<tr class="(?:err )?candidate">.*?<td class="name"[^>]*>(?:<a [^>]*>)?([\w.]+)', html) == ["jane.pdf", "low.pdf", "broken.pdf"]
    assert "the PDF is encrypted (fix: remove the password)" in html
    heat = html.split('<table class="heat">', 1)[1].split("</table>", 1)[0]
    heat_rows = re.findall(r'<tr(?: class="err")?><th class="cand"[^>]*>(?:<a [^>]*>)?([\w.]+)', heat)
    assert heat_rows == ["jane.pdf", "low.pdf", "broken.pdf"]
    # columns: required first (python, pytorch, deep-learning) then preferred (kotlin), grouped by category
    assert re.findall(r'<th class="skill[^"]*" title="([^"]+)"', heat) == [
        "Python (required)", "PyTorch (required)", "Deep Learning (required)", "Kotlin (preferred)",
    ]
    cells = re.findall(r'<td class="cell s-(\w+)[^"]*" title="([^"]*)"><a href="#(c\d-[a-z-]+)">', heat)
    assert [c[0] for c in cells] == ["matched", "matched", "implied", "transferable", "missing", "matched", "implied", "transferable"]
    assert cells[2][1] == (
        "Deep Learning: implied via PyTorch (required)\n“Trained &lt;mark&gt;PyTorch&lt;/mark&gt; models for search ranking at Acme.”\n(experience, p. 1)"
        .replace("&lt;mark&gt;", "").replace("&lt;/mark&gt;", "")
    )
    ids = set(re.findall(r'id="([^"]+)"', html))
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in ids, f"link to #{target} has no target"
    assert "could not be read" in heat


def test_ranking_coverage_matrix_has_a_row_per_scored_candidate(tax) -> None:
    results = [CandidateResult("a.pdf", gap_report(tax, source="a.pdf")), CandidateResult("b.pdf", None, "b.pdf: empty")]
    html = ranking_html(results, ranking_frame(results))
    matrix = html.split("<h2>Coverage by category</h2>", 1)[1].split("</table>", 1)[0]
    assert _text(matrix) == "Candidate Programming Modelling a.pdf 75% 60%"


def test_fragment_and_profile_views_are_scoped_and_self_styled(tax) -> None:
    fragment = gap_report_fragment(gap_report(tax))
    assert fragment.startswith('<div class="skillgap"><style>') and fragment.endswith("</div>")
    assert "<h3>jane.pdf vs Tiny ML Engineer</h3>" in fragment
    view = profile_html(profile(tax))
    rows = re.findall(r'<tr><td><span class="chip s-(\w+)">[^<]*</span></td><td><b>([^<]+)</b>', view)
    assert rows == [("matched", "PyTorch"), ("matched", "Java"), ("matched", "Python"), ("matched", "TensorFlow"), ("implied", "Deep Learning")]
    assert view.count("✓ stated") == 4 and view.count("≈ implied") == 1
    assert "4 skills stated, 1 implied" in _text(view)
    assert "via PyTorch:" in view


def test_writers_pick_the_format_from_the_suffix(tax, tmp_path: Path) -> None:
    report = gap_report(tax)
    page = write_gap_report(report, tmp_path / "jane.html").read_text(encoding="utf-8")
    assert page == gap_report_html(report)
    results = [CandidateResult("cands/jane.pdf", report)]
    csv_lines = write_ranking(results, tmp_path / "rank.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0] == (
        "rank,candidate,match,score,required_coverage,preferred_coverage,relevance,fit,skills,title,lexical,matched,missing_required,"
        "short_of_years,experience_months,degree,error"
    )
    assert csv_lines[1] == "1,cands/jane.pdf,,62.5,0.8,0.25,,,,,,2,,,,,"  # relevance, fit and the match: not computed for a hand-built report


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_jupyter_shows_reports_and_profiles_as_html(tax, tmp_path: Path) -> None:
    report = gap_report(tax)
    assert report._repr_html_() == gap_report_fragment(report)
    prof = profile(tax)
    assert prof._repr_html_() == profile_html(prof)


def test_to_html_returns_the_page_and_writes_it_when_given_a_path(tax, tmp_path: Path) -> None:
    report = gap_report(tax)
    assert report.to_html() == gap_report_html(report)
    page = report.to_html(tmp_path / "jane.html")
    assert (tmp_path / "jane.html").read_text(encoding="utf-8") == page == gap_report_html(report)
