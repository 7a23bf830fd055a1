"""The HTML ranking shows each match part with its value and evidence, and the ranking's warnings."""

from __future__ import annotations

from pathlib import Path

from skillgap import match_jobs, rank_candidates
from skillgap.match import MatchWeights

ROOT = Path(__file__).resolve().parents[2]
CV = ROOT / "examples" / "resumes" / "ana-rivera.md"
POSTING = ROOT / "examples" / "jobs" / "ml-engineer-posting.md"


def test_candidates_page_lists_every_part_with_its_evidence():
    ranking = rank_candidates([CV], POSTING, match_weights=MatchWeights())
    page = ranking.to_html()
    (result,) = ranking.results
    lexical = result.match.part("lexical")
    assert "<th>Match</th>" in page and "<th>Match parts (evidence)</th>" in page
    assert f"lexical 1.00 <span class=\"muted\">({', '.join(lexical.evidence[:5])}" in page
    assert f"<td class=num>{result.match.score:.1f}</td>" in page


def test_jobs_page_has_no_heat_map_and_shows_the_warning(tmp_path: Path):
    chef = tmp_path / "chef.txt"
    chef.write_text("Head Chef\nCooking for 200 guests a night.\n", encoding="utf-8")
    page = match_jobs(CV, [POSTING, chef]).to_html()
    assert "<h1>Jobs for ana-rivera.md</h1>" in page
    assert "Requirements by candidate" not in page and "<h2>Jobs</h2>" in page
    assert "nothing in this posting is a skill the taxonomy knows" in page
    assert "skills n/a" in page  # the chef posting: no skill part
