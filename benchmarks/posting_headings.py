"""Section accuracy of posting heading detection on hand-annotated dev postings, beside the old detector.

``benchmarks/data/posting_sections.jsonl`` holds, for 26 dev postings of four sources (gold
postings 001-025 and the tuning part of ``gold/varied``, Glassdoor and LinkedIn education rows
of ``job_postings/``), every heading line as printed and the canonical section its text belongs
to (by content: "ABOUT THE ROLE" over a list of duties is ``responsibilities``, "Why join us?"
over perks is ``benefits``). Sub-headings inside a section ("Teacher", "Classroom Manager"
under duties) and form fields are not headings. No posting text is stored: each record names
the file (and the CSV row, 0-based as ``csv.DictReader`` counts) in ``../shared/data``.

Figures, per split part (`benchmarks.splits.alternate` over the records in file order):
- line accuracy: non-blank lines whose detected section (``Document.section_at``; None before
  the first heading) is the annotated one (the section of the nearest annotated heading above);
- heading recall: annotated headings that open a new section, found as a detected section
  start on that line with that name; heading precision: detected section starts that are
  annotated headings of that name.

The old detector is the package at ``--baseline`` (a git revision of this repository, read
with ``git archive`` into a temporary folder and run in a subprocess), in the same run.

    PYTHONPATH=. python benchmarks/posting_headings.py [--data ../shared/data] [--baseline REV] [--explain]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.splits import PARTS, alternate
from skillgap import read_document

_REPO = Path(__file__).resolve().parents[1]
ANNOTATIONS = _REPO / "benchmarks" / "data" / "posting_sections.jsonl"
DEFAULT_DATA = next(
    (p for p in (Path(os.environ.get("SKILLGAP_SHARED_DATA", "")), _REPO.parent / "shared" / "data", _REPO.parent.parent / "shared" / "data") if (p / "gold").is_dir()),
    _REPO.parent / "shared" / "data",
)
#: The detector before layout headings (sentence-like posting headings without a colon).
DEFAULT_BASELINE = "2b46757"
#: Run in the baseline's folder: reads JSON texts on stdin, prints each text's sections.
_SECTIONS_OF = """
import json, sys
from skillgap import read_document
texts = json.load(sys.stdin)
docs = [read_document(t, kind="posting") for t in texts]
print(json.dumps([(d.text, [(s.name, s.start, s.end) for s in d.sections]) for d in docs]))
"""

Sections = list[tuple[str, int, int]]
#: A system's reading of one posting: the document text (after `read_document`'s clean-up) and its sections.
Reading = tuple[str, Sections]


def posting_text(data: Path, record: dict) -> str:
    """The annotated posting's text: a file, or the description field of a CSV row."""
    path = data / record["file"]
    if record["row"] is None:
        return path.read_text(encoding="utf-8")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = rows[record["row"]]
    return row.get("Job Description") or row["description"]


Line = tuple[int, "str | None", bool, bool]


def gold_lines(text: str, headings: Sequence[dict]) -> list[Line]:
    """(line start, annotated section, is a heading?, opens a new section?) of each non-blank
    line; annotated headings are matched in order to the lines that start with their text."""
    out: list[Line] = []
    pending = list(headings)
    current: str | None = None
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            heading = opens = False
            if pending and stripped.startswith(pending[0]["line"].strip()):
                name = pending.pop(0)["section"]
                heading, opens, current = True, name != current, name
            out.append((offset + len(line) - len(line.lstrip()), current, heading, opens))
        offset += len(line) + 1
    if pending:
        raise ValueError(f"annotated headings not found in order: {[h['line'] for h in pending]}")
    return out


def section_at(sections: Sections, offset: int) -> str | None:
    return next((name for name, start, end in sections if start <= offset < end), None)


class Score:
    def __init__(self) -> None:
        self.lines = self.right = self.gold_heads = self.found_heads = self.predicted = self.correct = 0

    def add(self, text: str, lines: list[Line], sections: Sections) -> list[str]:
        """Adds one posting; returns the first line of each run of disagreeing lines as a note."""
        notes = []
        heads = {start: name for name, start, _ in sections}
        gold_heads = {start: name for start, name, heading, _ in lines if heading}
        annotated = {start: name for start, name, _, opens in lines if opens}
        for start, name, _, _ in lines:
            self.lines += 1
            got = section_at(sections, start)
            self.right += got == name
            if got != name and (not notes or not notes[-1].endswith(f"{got} (annotated {name})")):
                notes.append(f"{text[start:start + 40].splitlines()[0]!r}: {got} (annotated {name})")
        self.gold_heads += len(annotated)
        self.found_heads += sum(heads.get(s) == n for s, n in annotated.items())
        self.predicted += len(heads)
        self.correct += sum(gold_heads.get(s) == n for s, n in heads.items())
        return notes

    def line(self, label: str, docs: int) -> str:
        acc = self.right / self.lines if self.lines else 0.0
        rec = self.found_heads / self.gold_heads if self.gold_heads else 0.0
        prec = self.correct / self.predicted if self.predicted else 0.0
        return (
            f"  {label:<9} docs {docs:>3}  line accuracy {acc:.3f} ({self.right}/{self.lines})  "
            f"heading recall {rec:.3f} ({self.found_heads}/{self.gold_heads})  precision {prec:.3f} ({self.correct}/{self.predicted})"
        )


def baseline_sections(rev: str, texts: list[str]) -> list[Reading]:
    """Text and sections of each posting read by the package at git revision ``rev``, in a subprocess."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(_REPO), "archive", "--format=tar", rev], check=True, capture_output=True).stdout
        with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="tar") if sys.version_info >= (3, 12) else tar.extractall(tmp)  # noqa: S202 (our own repository)
        env = dict(os.environ, PYTHONPATH=tmp)
        done = subprocess.run([sys.executable, "-c", _SECTIONS_OF], input=json.dumps(texts), env=env, cwd=tmp, check=True, capture_output=True, text=True)
        return [(text, [tuple(s) for s in found]) for text, found in json.loads(done.stdout)]  # type: ignore[misc]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help=f"git revision of the old detector (default {DEFAULT_BASELINE})")
    parser.add_argument("--explain", action="store_true", help="print the disagreeing lines of the tuning part")
    args = parser.parse_args(argv)
    if not (args.data / "gold").is_dir():
        print(f"no dev data at {args.data}; pass --data", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [posting_text(args.data, r) for r in records]
    current = [read_document(t, kind="posting") for t in texts]
    systems: dict[str, list[Reading]] = {
        "current": [(d.text, [(s.name, s.start, s.end) for s in d.sections]) for d in current],
        "old": baseline_sections(args.baseline, texts),
    }
    print(f"{len(records)} annotated postings, {sum(len(r['headings']) for r in records)} annotated headings; old detector: {args.baseline}")
    for part in PARTS:
        chosen = [i for i in range(len(records)) if alternate(i) == part]
        print(f"\n{part} ({len(chosen)} postings)")
        for name, found in systems.items():
            score = Score()
            for i in chosen:
                text, sections = found[i]
                notes = score.add(text, gold_lines(text, records[i]["headings"]), sections)
                if args.explain and part == "tuning" and name == "current" and notes:
                    print(f"    {records[i]['file']}{'#' + str(records[i]['row']) if records[i]['row'] is not None else ''}: {'; '.join(notes)}")
            print(score.line(name, len(chosen)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
