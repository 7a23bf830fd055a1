"""Rank a folder of résumés (Markdown, text, DOCX, PDF) against a job posting.

    python examples/rank_folder.py [OUT_DIR]      (default: out/)

Prints the ranking table and writes it as an HTML report (ranking, heat map of requirements
by candidate, coverage per category, every candidate's evidence) and as an Excel workbook.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from skillgap.batch import ranking_frame, score_candidates
from skillgap.report import write_ranking

HERE = Path(__file__).resolve().parent


def main(out_dir: Path) -> pd.DataFrame:
    posting = HERE / "jobs" / "ml-engineer-posting.md"
    # skillgap.rank(folder, posting) gives the ranking table in one call; the reports below also
    # need every candidate's full GapReport, so score once and build the table from the results.
    results = list(score_candidates(HERE / "resumes", posting))
    ranking = ranking_frame(results)  # one row per file, unreadable ones included as error rows
    shown = ranking.assign(candidate=ranking["candidate"].map(lambda s: Path(s).name))
    print(shown[["rank", "candidate", "score", "required_coverage", "matched", "error"]].round(2).to_string(index=False))
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in ("ranking.html", "ranking.xlsx"):
        print(f"wrote {write_ranking(results, out_dir / name)}")
    return ranking


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
