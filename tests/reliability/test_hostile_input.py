"""Every broken or hostile file becomes a Document or a DocumentError, in bounded time and memory."""

from __future__ import annotations

import random
from pathlib import Path

from reliability_corpus import MUTATIONS, Hostile, mutate
from reliability_workers import cap_memory, read_outcome
from skillgap.parallel import imap_ordered

#: Seconds one file may take to read (the worker is killed past it) and peak RSS per worker.
TIME_LIMIT = 10.0
RSS_LIMIT_MB = 1500.0


def read_all(paths: list[Path]) -> list[tuple[Path, object]]:
    outcomes = imap_ordered(read_outcome, map(str, paths), n_process=2, timeout=TIME_LIMIT, initializer=cap_memory)
    return [(path, outcome) for path, outcome in zip(paths, outcomes, strict=True)]


def problems(results: list[tuple[Path, object]], expect: dict[Path, str]) -> list[str]:
    """Every way a read went wrong, one line each (an empty list is a pass)."""
    found = []
    for path, outcome in results:
        if not outcome.ok:
            found.append(f"{path.name}: {outcome.error}")
            continue
        status, detail, seconds, rss = outcome.value
        wanted = expect[path]
        if status == "empty-document":
            found.append(f"{path.name}: an empty Document instead of a DocumentError ({detail})")
        elif wanted == "error" and status == "document":
            found.append(f"{path.name}: read as a Document ({detail}); expected a DocumentError")
        elif wanted == "limit" and status != "LimitError":
            found.append(f"{path.name}: {status} ({detail}); expected a LimitError")
        elif status != "document" and path.name not in detail:
            found.append(f"{path.name}: the error does not name the file: {detail}")
        if rss > RSS_LIMIT_MB:
            found.append(f"{path.name}: worker peak RSS {rss:.0f} MB > {RSS_LIMIT_MB:.0f} MB")
    return found


def test_hostile_files_fail_cleanly(hostile_files: dict[str, Hostile]):
    results = read_all([h.path for h in hostile_files.values()])
    assert problems(results, {h.path: h.expect for h in hostile_files.values()}) == []


def test_broken_real_pdfs_fail_cleanly(broken_pdfs: list[Path]):
    results = read_all(broken_pdfs)
    assert len(results) == len(broken_pdfs)
    assert problems(results, dict.fromkeys(broken_pdfs, "any")) == []


def test_the_broken_corpus_is_seeded():
    rng_a, rng_b = random.Random(3), random.Random(3)
    data, other = bytes(range(256)) * 40, b"%PDF-1.4 other" * 100
    assert [mutate(data, other, how, rng_a) for how in MUTATIONS] == [mutate(data, other, how, rng_b) for how in MUTATIONS]
