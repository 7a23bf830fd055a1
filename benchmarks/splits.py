"""The tuning / validation split of every development set, fixed by file order before any tuning.

Rule (one for all sets): documents are taken in their file order (the order of the gold
``.jsonl`` lines, of the job ids' first appearance, of the CV numbers) and alternate: the 1st,
3rd, 5th ... are ``tuning``, the 2nd, 4th, 6th ... are ``validation``. Alternating keeps each
part mixed where the files are grouped by field (the varied postings run tech, education,
other). One exception: the 25 gold postings 001-025 and the 10 résumés of ``gold/resumes.jsonl``
were tuned on by earlier work, so they are all ``tuning``; the alternation applies to
``gold/varied/``. Tune on the tuning part only; print errors (``--explain``) for it only; report
both parts. The split was fixed on 2026-12-06 before anyone looked at the varied documents.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

Part = Literal["tuning", "validation"]
PARTS: tuple[Part, ...] = ("tuning", "validation")

#: Résumé categories (livecareer folder names) counted as tech; GitHub résumés are all tech.
TECH_CATEGORIES = frozenset({"INFORMATION-TECHNOLOGY", "ENGINEERING"})


def alternate(index: int) -> Part:
    """The part of the item at 0-based position ``index`` in file order."""
    return "tuning" if index % 2 == 0 else "validation"


def split(items: Sequence[object]) -> dict[Part, list[object]]:
    """Items in file order, dealt into the two parts by `alternate`."""
    out: dict[Part, list[object]] = {"tuning": [], "validation": []}
    for i, item in enumerate(items):
        out[alternate(i)].append(item)
    return out


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_skill_sets(data: Path) -> dict[str, list[dict]]:
    """The skill gold of ``data/gold`` as ``{"posting": [...], "resume": [...]}``; each record gains
    ``part`` (tuning / validation), ``group`` (tech / non-tech) and ``path`` (the file to read)."""
    gold = data / "gold"
    varied = gold / "varied"
    groups = {}
    with (varied / "postings_source.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            groups[row["file"]] = "tech" if row["group"] == "tech" else "non-tech"
    postings = [dict(r, part="tuning", group="tech", path=str(gold / r["doc"])) for r in _jsonl(gold / "postings.jsonl")]
    postings += [dict(r, part=alternate(i), group=groups[r["doc"]], path=str(varied / r["doc"])) for i, r in enumerate(_jsonl(varied / "postings.jsonl"))]
    resumes = [dict(r, part="tuning", group="tech", path=str(data / r["doc"])) for r in _jsonl(gold / "resumes.jsonl")]
    resumes += [dict(r, part=alternate(i), group=resume_group(r["doc"]), path=str(varied / r["doc"])) for i, r in enumerate(_jsonl(varied / "resumes.jsonl"))]
    return {"posting": postings, "resume": resumes}


def resume_group(doc: str) -> str:
    """``tech`` for GitHub résumés and livecareer IT / engineering ones, else ``non-tech``."""
    name = Path(doc).stem
    if not name.startswith("livecareer__"):
        return "tech"
    return "tech" if name.split("__")[1] in TECH_CATEGORIES else "non-tech"


def experience_sets(data: Path) -> dict[str, list[dict]]:
    """``gold/experience`` résumés and postings in file order, each record with its ``part``."""
    folder = data / "gold" / "experience"
    return {
        kind: [dict(r, part=alternate(i)) for i, r in enumerate(_jsonl(folder / name))]
        for kind, name in (("resume", "resumes_experience.jsonl"), ("posting", "postings_requirements.jsonl"))
    }


def ferr_job_parts(data: Path) -> dict[str, Part]:
    """FERR dev jobs (``jd_id``) in order of first appearance in ``label_interaction.csv`` -> part."""
    order: dict[str, None] = {}
    with (data / "pairs" / "ferr_hr_relevance" / "label_interaction.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            order.setdefault(row["jd_id"], None)
    return {jd: alternate(i) for i, jd in enumerate(order)}


def vanetik_cv_parts(numbers: Sequence[int] = tuple(range(1, 19))) -> dict[int, Part]:
    """Vanetik CVs 1-18 by number: odd CVs tuning (fit), even CVs validation (report)."""
    return {n: alternate(i) for i, n in enumerate(sorted(numbers))}
