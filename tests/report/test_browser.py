"""The HTML reports render in a real browser (headless Chromium): no console errors, no network,
the expected candidate rows. Skipped only where no Chromium binary exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.batch import CandidateResult
from skillgap.report import write_gap_report, write_ranking
from skillgap.taxonomy import load_taxonomy
from tests.report.builders import gap_report, write_taxonomy
from tests.report.chromium import chromium_binary, load_page

pytestmark = pytest.mark.skipif(chromium_binary() is None, reason="no chromium binary on PATH (Debian: apt-get install chromium)")

ROWS_JS = """JSON.stringify({
  ranking: [...document.querySelectorAll('table.ranking tr.candidate td.name')].map(td => td.textContent.trim()),
  heat: [...document.querySelectorAll('table.heat th.cand')].map(th => th.textContent.trim()),
  cells: document.querySelectorAll('table.heat td.cell').length,
  matched: document.querySelectorAll('table.heat td.s-matched').length,
  details: [...document.querySelectorAll('h3[id]')].map(h => h.id),
  width: document.documentElement.scrollWidth,
  heatWidth: document.querySelector('table.heat').getBoundingClientRect().width,
  cellColour: getComputedStyle(document.querySelector('table.heat td.s-missing')).backgroundColor
})"""


def test_ranking_page_renders_cleanly_with_the_candidate_rows(tmp_path: Path) -> None:
    tax = load_taxonomy(write_taxonomy(tmp_path / "tax"))
    results = [
        CandidateResult("in/bob.docx", gap_report(tax, source="in/bob.docx", score=30.0, statuses={"python": "missing", "kotlin": "missing"})),
        CandidateResult("in/scan.pdf", None, "in/scan.pdf: no text layer: the PDF looks scanned (fix: run OCR first)"),
        CandidateResult("in/jane.pdf", gap_report(tax)),
    ]
    page = write_ranking(results, tmp_path / "ranking.html")
    run = load_page(page, ROWS_JS)
    assert run.errors == []
    assert run.requests == [page.resolve().as_uri()]
    import json

    seen = json.loads(run.value)
    assert seen["ranking"] == ["jane.pdf", "bob.docx", "scan.pdf"]
    assert seen["heat"] == ["jane.pdf", "bob.docx", "scan.pdf"]
    assert seen["cells"] == 8 and seen["matched"] == 3
    assert seen["details"] == ["c2", "c0"]
    assert seen["width"] <= 1366, "the page scrolls sideways on a laptop screen"
    assert seen["cellColour"] == "rgb(215, 48, 39)"


def test_gap_report_page_renders_cleanly(tmp_path: Path) -> None:
    tax = load_taxonomy(write_taxonomy(tmp_path / "tax"))
    page = write_gap_report(gap_report(tax), tmp_path / "jane.html")
    run = load_page(page, "JSON.stringify([...document.querySelectorAll('tr[id]')].map(tr => tr.id))")
    assert run.errors == []
    assert run.requests == [page.resolve().as_uri()]
    assert run.value == '["r-python","r-kotlin","r-pytorch","r-deep-learning"]'
