"""Analyse many gap reports with pandas: which skills does the pool lack, who covers which area.

    python examples/pandas_analysis.py

Every candidate's ``GapReport.to_frame()`` (one row per requirement) stacked into one table,
then ordinary pandas: a status count per candidate, the requirements most candidates miss, and
the mean coverage per category.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from skillgap.batch import score_candidates
from skillgap.report import requirements_frame

HERE = Path(__file__).resolve().parent


def main() -> pd.DataFrame:
    results = list(score_candidates(HERE / "resumes", "ml-engineer"))
    rows = requirements_frame(results)  # candidate, skill_id, label, category, importance, status, ...
    rows["candidate"] = rows["candidate"].map(lambda s: Path(s).name)

    by_status = pd.crosstab(rows["candidate"], rows["status"]).reindex(columns=["matched", "implied", "transferable", "missing"], fill_value=0)
    print("Requirements by status\n", by_status.to_string(), sep="")

    required = rows[rows["importance"] == "required"]
    missed = (required["status"] == "missing").groupby(required["label"]).mean().sort_values(ascending=False, kind="stable")
    print("\nShare of candidates missing each required skill (top 8)\n", missed.head(8).round(2).to_string(), sep="")

    coverage = rows.assign(earned=rows["weight"] * rows["credit"]).groupby(["candidate", "category"])[["earned", "weight"]].sum()
    table = (coverage["earned"] / coverage["weight"]).unstack("category").round(2)
    print("\nCoverage per category\n", table.to_string(), sep="")
    return rows


if __name__ == "__main__":
    main()
