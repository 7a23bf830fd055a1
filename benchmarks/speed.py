"""Speed and memory of skillgap at scale, each figure beside its baseline from the same run.

1. PDF reading: ms per page per engine vs pdfplumber's own ``extract_text`` (`speed_pdf.py`).
2. Extraction throughput vs tokenizing the same texts with ``spacy.blank("en")`` (`speed_extract.py`).
3. Worker processes: wall time of reading + extracting the dev résumé PDFs (repeated) in 2
   worker processes vs 1 (aim >= 1.7x on 2 cores), with the CPU the items used, and rank
   end to end in this process vs 2 workers.
4. Memory and cost per document: ranking N text résumés (the dev postings and DataTurks
   résumés, cycled, fed as a stream) against one posting, each size in a fresh subprocess so
   its peak RSS is its own; aim: peak RSS at 10,000 <= 1.2x that at 1,000, cost per document
   flat. Also with every text made distinct, in this process and in 2 recycled workers.

    PYTHONPATH=. python benchmarks/speed.py [--data ../shared/data] [--skip pdf,extract,processes,memory]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import string
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import speed_extract  # noqa: E402  (the extraction developer's benchmark, run as it is)
import speed_pdf  # noqa: E402  (the documents developer's benchmark, run as it is)

from skillgap import load_taxonomy, rank  # noqa: E402
from skillgap.batch import WORKER_MAX_TASKS, CandidateResult, init_worker, ranking_frame, score_candidates, work  # noqa: E402
from skillgap.parallel import imap_ordered  # noqa: E402

DEFAULT_DATA = speed_pdf.DEFAULT_DATA
SECTIONS = ("pdf", "extract", "processes", "memory")


def run_script(main: Callable[[], object], argv: list[str]) -> None:
    """Run a benchmark whose ``main()`` reads ``sys.argv``, with its own command line."""
    saved = sys.argv
    sys.argv = [main.__module__, *argv]
    try:
        main()
    finally:
        sys.argv = saved


def posting(data: Path) -> Path:
    """The job every benchmark ranks against: the first gold dev posting."""
    return sorted((data / "gold" / "postings").glob("*.txt"))[0]


def timed_work(payload: tuple[object, ...]) -> tuple[float, float]:
    """One file's read + extract in a worker (`skillgap.batch.work`): its wall and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    work(payload)
    return time.perf_counter() - wall, time.process_time() - cpu


def processes(data: Path, repeat: int, runs: int, timeout: float) -> None:
    """Wall time of reading + extracting the dev PDFs in 1 and 2 worker processes, and of rank."""
    pdfs = sorted((data / "resumes_pdf").glob("*.pdf")) * repeat
    payloads = [("read", p, str(p)) for p in pdfs]
    setup = (load_taxonomy(), {})
    best: dict[int, tuple[float, float, float]] = {}  # n -> (wall, steady wall, CPU in items)
    for _ in range(runs):
        for n in (1, 2):
            start = time.perf_counter()
            arrivals, cpu = [], 0.0
            for outcome in imap_ordered(timed_work, payloads, n_process=n, timeout=timeout, initializer=init_worker, initargs=setup):
                arrivals.append(time.perf_counter())
                cpu += outcome.value[1] if outcome.ok else 0.0
            wall = arrivals[-1] - start
            if n not in best or wall < best[n][0]:
                best[n] = (wall, arrivals[-1] - arrivals[0], cpu)
    print(f"{len(pdfs)} PDF résumés ({repeat}x the {len(pdfs) // repeat} dev PDFs) read and extracted in worker processes, best of {runs} runs, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for n, (wall, steady, cpu) in best.items():
        print(
            f"  {n} worker process{'es' if n > 1 else '  '}  {wall:6.2f} s wall ({1000 * wall / len(pdfs):5.1f} ms/file)"
            f"  first to last result {steady:6.2f} s ({1000 * steady / (len(pdfs) - 1):5.1f} ms/file)  CPU in items {cpu:5.2f} s"
        )
    print(
        f"  speed-up 2 vs 1: {best[1][0] / best[2][0]:.2f}x wall, {best[1][1] / best[2][1]:.2f}x after start-up (aim >= 1.7x);"
        f" cores the machine gave the workers: {best[1][2] / best[1][1]:.2f} (1 worker), {best[2][2] / best[2][1]:.2f} (2 workers)"
    )
    job = posting(data)
    rank(pdfs[:1], job)  # build this process's pipeline before timing
    start = time.perf_counter()
    rank(pdfs, job)
    here = time.perf_counter() - start
    start = time.perf_counter()
    rank(pdfs, job, n_process=2, timeout=timeout)
    there = time.perf_counter() - start
    print(f"  rank end to end, one run each: in this process {here:.2f} s; n_process=2 {there:.2f} s (incl. worker start-up) = {here / there:.2f}x")


#: The memory runs: (label, corpus, worker processes). "distinct" appends 40 random words to
#: every text, as names, e-mails and numbers make real résumés differ: spaCy keeps every new
#: word, so only then does its vocabulary keep growing.
MEMORY_RUNS = (("dev texts cycled", "cycled", 1), ("distinct texts", "distinct", 1), ("distinct texts", "distinct", 2))


def corpus_stream(data: Path, n: int, variant: str) -> Iterator[str]:
    """``n`` texts: the dev postings and résumés cycled, made distinct when ``variant`` says so."""
    corpus, _ = speed_extract.texts(data)  # (texts, how many are postings)
    rng = random.Random(1)
    for text in itertools.islice(itertools.cycle(corpus), n):
        yield text if variant == "cycled" else text + "\nRef: " + " ".join("".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(40))


def rank_child(data: Path, n: int, variant: str, procs: int) -> None:
    """Rank ``n`` texts (as a stream) here or in ``procs`` workers; print seconds, the cost of
    the first and the last 1,000 documents, and the peak RSS of this process and of the
    largest worker, as JSON."""
    job = posting(data)
    options: dict[str, Any] = {} if procs == 1 else {"n_process": procs, "timeout": 120}
    rank(list(corpus_stream(data, 2, "cycled")), job, **options)  # start-up before the clock
    stamps: list[float] = []

    def clocked(results: Iterable[CandidateResult]) -> Iterator[CandidateResult]:
        for i, result in enumerate(results):
            if i % 1000 == 0:
                stamps.append(time.perf_counter())
            yield result

    start = time.perf_counter()
    frame = ranking_frame(clocked(score_candidates(corpus_stream(data, n, variant), job, **options)))
    seconds = time.perf_counter() - start
    assert len(frame) == n
    blocks = [b - a for a, b in zip(stamps, [*stamps[1:], start + seconds])]
    usage = resource.getrusage
    out = {
        "n": n, "seconds": seconds, "first_1000": blocks[0], "last_1000": blocks[-1],
        "peak_rss_mb": usage(resource.RUSAGE_SELF).ru_maxrss / 1024, "worker_rss_mb": usage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }  # fmt: skip
    print(json.dumps(out))


def memory(data: Path, sizes: Sequence[int]) -> None:
    print(f"ranking N text résumés against one posting as a stream, one fresh subprocess and one run per size; corpus: the {len(speed_extract.texts(data)[0])} dev texts")
    for label, variant, procs in MEMORY_RUNS:
        results = []
        for n in sizes:
            command = [sys.executable, __file__, "--data", str(data), "--rank-child", str(n), variant, str(procs)]
            out = subprocess.run(command, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"  {label}, {'in this process' if procs == 1 else f'{procs} worker processes (recycled every {WORKER_MAX_TASKS:,} documents)'}:")
        base = results[0]
        for r in results:
            per_doc = 1000 * r["seconds"] / r["n"]
            workers = f", largest worker {r['worker_rss_mb']:4.0f} MB ({r['worker_rss_mb'] / base['worker_rss_mb']:.2f}x)" if procs > 1 else ""
            print(
                f"    N={r['n']:>6}: {r['seconds']:6.1f} s  {per_doc:6.2f} ms/doc ({per_doc / (1000 * base['seconds'] / base['n']):.2f}x)"
                f"  first/last 1,000 docs {r['first_1000']:5.1f}/{r['last_1000']:5.1f} s"
                f"  peak RSS {r['peak_rss_mb']:4.0f} MB ({r['peak_rss_mb'] / base['peak_rss_mb']:.2f}x){workers}"
            )
    print(f"  aims: peak RSS at the largest N <= 1.2x the smallest; cost per document flat (~1.0x); load average now {os.getloadavg()[0]:.1f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3, help="runs of the PDF and extraction benchmarks (best kept)")
    parser.add_argument("--repeat", type=int, default=4, help="how many times the dev PDFs are ranked in the processes benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--skip", default="", help=f"comma-separated sections to skip: {', '.join(SECTIONS)}")
    parser.add_argument("--rank-child", nargs=3, help=argparse.SUPPRESS)  # N, variant, processes
    args = parser.parse_args(argv)
    if args.rank_child:
        n, variant, procs = args.rank_child
        rank_child(args.data, int(n), variant, int(procs))
        return 0
    skip = set(filter(None, args.skip.split(",")))
    if "pdf" not in skip:
        print("== PDF reading (benchmarks/speed_pdf.py)")
        run_script(speed_pdf.main, ["--data", str(args.data), "--runs", str(args.runs)])
    if "extract" not in skip:
        print("== Extraction throughput (benchmarks/speed_extract.py)")
        speed_extract.main(["--data", str(args.data), "--runs", str(args.runs)])
    if "processes" not in skip:
        print("== Worker processes")
        processes(args.data, args.repeat, runs=2, timeout=120)
    if "memory" not in skip:
        print("== Memory and cost per document")
        memory(args.data, args.sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
