"""rank over hundreds of broken and hostile files: no crash, no lost row, every error explained."""

from __future__ import annotations

from pathlib import Path

from reliability_corpus import Hostile
from skillgap.batch import rank


def test_rank_keeps_one_explained_row_per_broken_input(broken_pdfs: list[Path], hostile_files: dict[str, Hostile]):
    inputs = [*broken_pdfs, *(h.path for h in hostile_files.values())]
    frame = rank(inputs, "ml-engineer", n_process=2, timeout=10)
    assert len(frame) == len(inputs)
    assert sorted(frame["candidate"]) == sorted(map(str, inputs))
    failed = frame[frame["error"].notna()]
    scored = frame[frame["error"].isna()]
    assert failed["score"].isna().all() and scored["score"].between(0, 100).all()
    assert [c for c, e in zip(failed["candidate"], failed["error"]) if not e.startswith(f"{c}: ")] == []
    order = {str(p): i for i, p in enumerate(inputs)}
    assert [order[c] for c in failed["candidate"]] == sorted(order[c] for c in failed["candidate"])  # error rows in input order
    assert frame.index[: len(scored)].tolist() == scored.index.tolist()  # and after every scored row
    must_fail = {str(h.path) for h in hostile_files.values() if h.expect != "any"}
    assert must_fail <= set(failed["candidate"]) and len(scored) > 0
