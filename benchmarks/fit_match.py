"""Fit the match model's weights (taxonomy/match.yaml) on the tuning part of the ranking dev sets.

Only the tuning part is read (`benchmarks.splits`: FERR jobs and Vanetik CVs alternating by
file order, first = tuning); validation rankings are never scored here. The weights are
chosen by a full grid search (every part's weight in `GRID`, the skills saturation in
`SATURATIONS`; first best in grid order wins, so the result is deterministic) maximising

    objective = mean over the two datasets of (mean NDCG@10 + mean Spearman) / 2

over the tuning rankings. Cross-validation inside the tuning part: its rankings are dealt into
`FOLDS` folds (alternating, per dataset); for each fold the grid is fitted on the others and
the fitted weights scored on the held-out fold; the folds are printed. The shipped weights are
then fitted on the whole tuning part and written, with the folds, to ``taxonomy/match.yaml``.

Run: PYTHONPATH=. python benchmarks/fit_match.py [--dry-run]
"""

from __future__ import annotations

import argparse
import itertools
import math
from pathlib import Path

import numpy as np

from benchmarks.ranking import Reader, Unit, ferr_units, judged, match_scores, part_values, vanetik_units
from skillgap.match import PARTS, MatchWeights

ROOT = Path(__file__).resolve().parents[1]
GRID = (0.0, 1.0, 2.0)
SATURATIONS = (4.0, 8.0, 16.0, math.inf)
FOLDS = 3


def candidates() -> list[MatchWeights]:
    """Every weight setting of the grid, in a fixed order (all-zero settings skipped)."""
    out = []
    for saturation in SATURATIONS:
        for values in itertools.product(GRID, repeat=len(PARTS)):
            if any(values):
                out.append(MatchWeights(**dict(zip(PARTS, values)), saturation=saturation))
    return out


_VALUES: dict[tuple[int, float], np.ndarray] = {}


def fast_scores(unit: Unit, weights: MatchWeights) -> np.ndarray:
    """`match_scores` with numpy (the same formula, `skillgap.match.combine`, for a whole ranking at once)."""
    key = (id(unit), weights.saturation)
    if key not in _VALUES:
        values = part_values(unit, weights.saturation)
        _VALUES[key] = np.column_stack([values[p] for p in PARTS])
    values = _VALUES[key]
    w = np.asarray([weights.of(p) for p in PARTS])
    present = ~np.isnan(values)
    total = np.where(present, values, 0.0) @ w
    weight = present @ w
    return np.where(weight > 0, 100.0 * total / np.where(weight > 0, weight, 1.0), 0.0)


def objective(units: list[Unit], weights: MatchWeights) -> float:
    """Mean over datasets of (mean NDCG@10 + mean Spearman) / 2."""
    per_dataset = []
    for dataset in sorted({u.dataset for u in units}):
        figures = np.asarray([judged(u, fast_scores(u, weights)) for u in units if u.dataset == dataset])
        per_dataset.append(float(np.nanmean(figures, axis=0).mean()))
    return float(np.mean(per_dataset))


def fit(units: list[Unit], grid: list[MatchWeights]) -> tuple[MatchWeights, float]:
    """The first grid setting with the best objective on ``units``."""
    best, best_value = grid[0], -math.inf
    for weights in grid:
        value = objective(units, weights)
        if value > best_value + 1e-12:
            best, best_value = weights, value
    return best, best_value


def folds(units: list[Unit]) -> list[list[Unit]]:
    """The tuning rankings dealt into `FOLDS` folds, alternating within each dataset."""
    out: list[list[Unit]] = [[] for _ in range(FOLDS)]
    for dataset in sorted({u.dataset for u in units}):
        for i, u in enumerate(u for u in units if u.dataset == dataset):
            out[i % FOLDS].append(u)
    return out


def describe(w: MatchWeights) -> str:
    return ", ".join(f"{p} {w.of(p):g}" for p in PARTS) + f", saturation {w.saturation:g}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the fit, do not write taxonomy/match.yaml")
    args = parser.parse_args()
    reader = Reader()
    units = [u for u in ferr_units(reader) + vanetik_units(reader) if u.part == "tuning"]
    grid = candidates()
    for u in units:  # the fast formula is the library's
        assert np.allclose(fast_scores(u, grid[-1]), match_scores(u, grid[-1])), u.key
    print(f"tuning part: {sum(u.dataset == 'FERR' for u in units)} FERR jobs, {sum(u.dataset == 'Vanetik' for u in units)} Vanetik CVs; grid of {len(grid)} settings")
    fold_lines = []
    for k, held in enumerate(folds(units)):
        train = [u for u in units if u not in held]
        weights, train_value = fit(train, grid)
        held_value = objective(held, weights)
        equal = objective(held, MatchWeights(saturation=math.inf))
        line = f"fold {k + 1}: fitted on {len(train)} rankings ({train_value:.3f}): {describe(weights)}; held-out {len(held)} rankings {held_value:.3f} (equal weights {equal:.3f})"
        fold_lines.append(line)
        print(line)
    weights, value = fit(units, grid)
    print(f"all tuning rankings ({value:.3f}): {describe(weights)}")
    if args.dry_run:
        return 0
    lines = [
        "# The match model's weights (skillgap/match.py): match = 100 * sum(w_p * v_p) / sum(w_p) over the parts",
        "# with a value. Written by benchmarks/fit_match.py (do not edit by hand; rerun it): the grid setting that",
        "# maximises the mean over FERR and Vanetik of (NDCG@10 + Spearman) / 2 on the tuning part of the split.",
        "weights:",
        *(f"  {p}: {weights.of(p):g}" for p in PARTS),
        f"saturation: {'.inf' if math.isinf(weights.saturation) else f'{weights.saturation:g}'}",
        "fitted:",
        f"  objective: {value:.4f}",
        f"  rankings: {len(units)}",
        "  folds:",
        *(f"    - {line!r}" for line in fold_lines),
    ]
    (ROOT / "taxonomy" / "match.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote taxonomy/match.yaml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
