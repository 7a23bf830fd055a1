"""2 worker processes vs 1 on 1,000 distinct real texts, end to end, each run in a fresh interpreter.

The texts: the Glassdoor and LinkedIn dev postings and the DataTurks résumés, each cut in two
at the line nearest its middle (both halves are real text), deduplicated, the first 1,000 in
file order: no text repeats, so no run is helped by spaCy having seen a word before. Each run
is ``python -c`` ranking them against the first gold posting with ``rank(texts, job,
n_process=N, timeout=600)`` (the timeout sends even N=1 to a worker process, so both sides pay
the same start-up), from interpreter start to the table, in a fresh process so that its CPU
accounting is its own. Runs alternate 1, 2, in-process, 1, 2, ... and the medians are printed,
with the CPU seconds of this process and of the workers and the cores the run actually got
(CPU / wall): the machine is shared, and a ratio below 1.7x with under 2 cores got says so.
Then the parts: the CPU of a worker's set-up in a fresh interpreter (imports, taxonomy,
pipeline: what the fork server pays once before forking workers that start with it built),
the items' CPU in one worker, the rest of
the 1-worker wall (serial in both runs) and the ratio two whole cores would give at most with
those parts and a main process costing nothing. Then what the 2-worker run also puts on its
two cores while the items run: the main process's CPU beyond its own set-up (comparing each
candidate, reading results; measured set-up: its imports in a fresh interpreter) and the CPU
two workers spend beyond one (each starts with cold caches), and the ratio two whole cores
would give at most with those counted too.

    PYTHONPATH=. python benchmarks/speed_workers.py [--data ../shared/data] [--runs 3] [-n 1000] [--baseline DIR] [--files]

``--files`` ranks the real PDF and DOCX résumé files of the data folder instead (306 of them:
FERR, Vanetik, the PDF résumés; read in the workers, as a folder of résumés is).

``--baseline DIR`` also runs another copy of the package (e.g. ``git archive main | tar -x -C
DIR``) in the same rounds, alternating with this one, and prints this code's walls over its.
The whole ranking table of every run of the first round is saved (CSV) and compared byte for
byte: in this process, 1 and 2 workers, this code and the baseline.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"

CHILD = r"""
import json, resource, sys, time
start = time.perf_counter()
texts = json.load(open(sys.argv[1], encoding="utf-8"))
n = int(sys.argv[3])
files = sys.argv[4] == "files"
from pathlib import Path
if files:
    texts = [Path(t) for t in texts]
import skillgap
kw = {"n_process": n, "timeout": 600.0} if n else {}
if __name__ == "__main__":
    table = skillgap.rank(texts, sys.argv[2], **kw)
    assert len(table) == len(texts) and (files or table["error"].isna().all()), table["error"].dropna().head()
    if len(sys.argv) > 5:
        table.to_csv(sys.argv[5], index=False)  # the whole table, every figure written exactly (repr)
    wall = time.perf_counter() - start
    import multiprocessing.forkserver
    multiprocessing.forkserver._forkserver._stop()  # reaped, a fork server's CPU and its workers' count as this process's children (none running: no-op)
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": wall, "cpu_main": me.ru_utime + me.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime, "top": float(table["score"].iloc[0]), "errors": int(table["error"].notna().sum()), "code": skillgap.__file__}))
"""


#: What a worker process runs before its first item (imports, taxonomy, pipeline), in a fresh
#: interpreter: the fork server's preload (`skillgap.extract.PRELOAD`), then the initializer a
#: worker forked from it runs; its CPU seconds are the fork server's set-up (a spawned worker,
#: which runs the initializer alone with the collector on, pays a little more).
START = r"""
import importlib, resource
from skillgap.extract import PRELOAD
for name in PRELOAD:
    importlib.import_module(name)
from skillgap.batch import init_worker
init_worker(None, {})
r = resource.getrusage(resource.RUSAGE_SELF)
print(r.ru_utime + r.ru_stime)
"""

#: The main process's own set-up in a fresh interpreter (what `rank` imports before and while
#: the workers start: skillgap, pandas, the match model); its CPU seconds.
MAIN_START = r"""
import resource
import skillgap.batch, skillgap.match, pandas
r = resource.getrusage(resource.RUSAGE_SELF)
print(r.ru_utime + r.ru_stime)
"""


def halves(text: str) -> list[str]:
    """A text cut in two at the line break nearest its middle (one piece when it has none)."""
    middle = len(text) // 2
    cuts = [i for i in range(len(text)) if text[i] == "\n"]
    if not cuts:
        return [text]
    cut = min(cuts, key=lambda i: abs(i - middle))
    return [p for p in (text[:cut].strip(), text[cut:].strip()) if p]


def distinct_texts(data: Path, n: int) -> list[str]:
    """``n`` distinct real texts (see the module docstring), in file order."""
    csv.field_size_limit(10_000_000)
    whole: list[str] = []
    for name, column in (("glassdoor_ds_jobs__dev.csv", "Job Description"), ("linkedin_education_jobs__dev.csv", "description")):
        with open(data / "job_postings" / name, encoding="utf-8", newline="") as fh:
            whole += [row[column] for row in csv.DictReader(fh)]
    lines = (data / "skill_annotations/dataturks_resume_ner/traindata.json").read_text(encoding="utf-8").splitlines()
    whole += [json.loads(line)["content"] for line in lines if line.strip()]
    pieces = list(dict.fromkeys(p for text in whole for p in halves(text) if len(p) >= 200))
    if len(pieces) < n:
        raise SystemExit(f"only {len(pieces)} distinct texts in {data}; ask for fewer with -n")
    return pieces[:n]


def distinct_files(data: Path, n: int) -> list[str]:
    """Up to ``n`` real résumé files (every PDF and DOCX résumé of the data folder, in path
    order): what a team batch-scoring a folder of résumés hands `rank`."""
    folders = ("resumes", "resumes_pdf", "CV", "CV_unannotated")
    found = sorted(str(p) for p in data.rglob("*") if p.suffix.lower() in (".pdf", ".docx") and p.parent.name in folders)
    return found[:n]


def run(texts_file: Path, job: Path, n_process: int, code: Path = HERE.parent, files: bool = False, table: Path | None = None) -> dict[str, float]:
    """One run in a fresh interpreter: its wall, CPU and top score (and its table written to ``table`` as CSV)."""
    env = {**os.environ, "PYTHONPATH": str(code)}  # run in ``code``: ``python -c`` imports from its folder first
    args = [sys.executable, "-c", CHILD, str(texts_file.resolve()), str(job.resolve()), str(n_process), "files" if files else "texts", *([str(table)] if table else [])]
    out = subprocess.run(args, capture_output=True, text=True, env=env, check=True, cwd=code)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert Path(result.pop("code")).resolve().is_relative_to(code.resolve()), f"the run imported skillgap from outside {code}"
    return result


def start_cpu(code: Path, script: str = START) -> float:
    """CPU seconds a fresh interpreter running ``script`` with the package in ``code`` spends
    (`START`: a worker before its first item; `MAIN_START`: the main process's set-up)."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True, cwd=code)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("SKILLGAP_SHARED_DATA", DEFAULT_DATA)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--baseline", type=Path, help="another copy of the package (e.g. `git archive main | tar -x -C DIR`), run alternately with this one")
    parser.add_argument("--files", action="store_true", help="rank the data's real PDF and DOCX résumé files (read in the workers) instead of texts")
    args = parser.parse_args()
    texts = distinct_files(args.data, args.n) if args.files else distinct_texts(args.data, args.n)
    job = sorted((args.data / "gold" / "postings").glob("*.txt"))[0]
    texts_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"skillgap-speed-workers-{os.getpid()}.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    codes = {"this code": HERE.parent, **({f"baseline {args.baseline}": args.baseline} if args.baseline else {})}
    try:
        runs: dict[tuple[str, int], list[dict[str, float]]] = {(c, n): [] for c in codes for n in (1, 2, 0)}
        starts: dict[str, list[float]] = {c: [] for c in codes}
        main_starts: dict[str, list[float]] = {c: [] for c in codes}
        tables = {(c, n): texts_file.with_name(f"{texts_file.stem}-{i}-{n}.csv") for i, c in enumerate(codes) for n in (1, 2, 0)}
        for round_ in range(args.runs):
            for c, code in codes.items():
                for n in (1, 2, 0):
                    runs[c, n].append(run(texts_file, job, n, code, args.files, tables[c, n] if round_ == 0 else None))
                starts[c].append(start_cpu(code))
                main_starts[c].append(start_cpu(code, MAIN_START))
        written = {key: path.read_bytes() for key, path in tables.items()}
    finally:
        texts_file.unlink(missing_ok=True)
        for path in tables.values():
            path.unlink(missing_ok=True)
    what = f"{len(texts)} distinct résumé files (PDF and DOCX, {runs[next(iter(codes)), 1][0]['errors']} error rows)" if args.files else f"{len(texts)} distinct texts ({sum(map(len, texts)) / len(texts):.0f} chars on average)"
    print(f"{what} ranked against {job.name}, "
          f"median of {args.runs} runs each (alternating), fresh interpreter per run; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end")  # fmt: skip
    med = {key: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for key, rs in runs.items()}
    for c in codes:
        print(f"{c}:")
        for n, label in ((0, "in this process (no workers)"), (1, "1 worker process"), (2, "2 worker processes")):
            m = med[c, n]
            got = (m["cpu_main"] + m["cpu_workers"]) / m["wall"]
            print(f"  {label:30} {m['wall']:6.2f} s wall  cpu: main {m['cpu_main']:5.2f} s, workers {m['cpu_workers']:5.2f} s  cores got {got:4.2f}")
        ratio = [a["wall"] / b["wall"] for a, b in zip(runs[c, 1], runs[c, 2])]
        print(f"  2 workers vs 1: {med[c, 1]['wall'] / med[c, 2]['wall']:.2f}x (median walls; per run pair: {', '.join(f'{r:.2f}' for r in ratio)}); aim >= 1.7x")
        start = min(starts[c])
        items = med[c, 1]["cpu_workers"] - start  # the one worker's CPU on the items themselves
        serial = med[c, 1]["wall"] - items  # 1 worker: everything but the items is on the critical path of both runs
        print(f"  parts: the fork server's set-up (paid once) {start:.2f} s CPU (best of {len(starts[c])}), the items {items:.2f} s CPU in one worker, the rest of the 1-worker wall {serial:.2f} s; "
              f"main process {med[c, 2]['cpu_main']:.2f} s CPU. Two whole cores and a main process costing nothing would give at most {med[c, 1]['wall'] / (serial + items / 2):.2f}x")  # fmt: skip
        main_batch = med[c, 2]["cpu_main"] - min(main_starts[c])  # beyond its set-up: comparing, reading results, the table
        extra = med[c, 2]["cpu_workers"] - med[c, 1]["cpu_workers"]  # what two workers spend beyond one
        shared = serial + (items + main_batch + extra) / 2
        print(f"  beside the items on the 2 cores of the 2-worker run: the main process {main_batch:.2f} s CPU beyond its set-up ({min(main_starts[c]):.2f} s, best of {len(main_starts[c])}), "
              f"the second worker's extra {extra:.2f} s CPU; two whole cores would give at most {med[c, 1]['wall'] / shared:.2f}x with those counted "
              f"(1.7x needs the serial part plus half of the rest under {med[c, 1]['wall'] / 1.7:.2f} s; it is {shared:.2f} s)")  # fmt: skip
    if args.baseline:
        base = f"baseline {args.baseline}"
        print("this code vs baseline, wall: " + ", ".join(f"{label} {med['this code', n]['wall'] / med[base, n]['wall']:.2f}x" for n, label in ((0, "no workers"), (1, "1 worker"), (2, "2 workers"))))
    assert len({r["top"] for rs in runs.values() for r in rs}) == 1, "the runs disagree on the top score"
    differ = [f"{c} with {n} workers" for (c, n), data in written.items() if data != written["this code", 1]]
    print(f"the ranking tables of the first round (CSV, every figure): {'all identical' if not differ else 'DIFFER: ' + ', '.join(differ)} ({len(written)} tables)")


if __name__ == "__main__":
    main()
