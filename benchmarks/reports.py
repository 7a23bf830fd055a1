"""How long the report writers take, and how big the files get, for large rankings.

    python benchmarks/reports.py [N ...]          (default: 100 1000)

The example résumés are scored once against the ML-engineer role; their results are repeated
to N candidates (one in 20 an error row), then each writer runs once. Baseline, same process:
pandas writing the same tables with no styling (``to_csv`` / ``to_json`` / ``to_excel`` via
openpyxl / ``to_html``), the per-candidate requirement rows built inside the timing on both
sides — what our writers add on top of plain pandas is the ratio.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from skillgap.batch import CandidateResult, ranking_frame, score_candidates
from skillgap.report import requirements_frame, write_ranking

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def candidates(n: int) -> list[CandidateResult]:
    base = list(score_candidates(EXAMPLES / "resumes", "ml-engineer"))
    out = []
    for i in range(n):
        if i % 20 == 19:
            out.append(CandidateResult(f"pool/cv-{i:05d}.pdf", None, f"pool/cv-{i:05d}.pdf: the PDF is encrypted"))
        else:
            r = base[i % len(base)]
            out.append(CandidateResult(f"pool/cv-{i:05d}{Path(r.source).suffix}", r.report, r.error))
    return out


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    print(f"{'N':>6} {'format':>6} {'ours s':>8} {'pandas s':>9} {'ratio':>6} {'size MB':>8}")
    for n in sizes:
        results = candidates(n)
        ranking = ranking_frame(results)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            baselines = {
                ".csv": lambda: ranking.to_csv(folder / "base.csv", index=False),
                ".json": lambda: (folder / "base.json").write_text(ranking.to_json(orient="records") + requirements_frame(results).to_json(orient="records")),
                ".xlsx": lambda: _plain_excel(folder / "base.xlsx", ranking, requirements_frame(results)),
                ".html": lambda: (folder / "base.html").write_text(ranking.to_html() + requirements_frame(results).to_html()),
            }
            for suffix, baseline in baselines.items():
                path = folder / f"ranking{suffix}"
                ours = timed(lambda: write_ranking(results, path, table=ranking))
                base = timed(baseline)
                print(f"{n:>6} {suffix[1:]:>6} {ours:>8.2f} {base:>9.2f} {ours / base:>6.1f} {path.stat().st_size / 1e6:>8.2f}")


def _plain_excel(path: Path, ranking: pd.DataFrame, rows: pd.DataFrame) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        ranking.to_excel(writer, sheet_name="ranking", index=False)
        rows.to_excel(writer, sheet_name="requirements", index=False)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
