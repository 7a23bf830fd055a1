"""Accuracy and cost of the career reader on ``gold/experience`` (46 résumés, 30 postings), beside
a naive baseline in the same run, for the tuning and the validation part (`splits.experience_sets`).

Résumés: share of gold dated positions (start and end printed) whose start and end we read
exactly (matched one to one); total months within 3 of the gold (with our own ``as_of``; also
with the gold reference month, which isolates the reading of dates); skill months within
max(6, 15%) of the gold; highest education level exact (the gold's ``diploma`` counts as
``certificate``, see career.yaml). Postings: minimum years exact (None = None counts), per-skill
years precision / recall (a skill and its years both right), degree level exact.

Baseline: positions are every "YYYY - YYYY|present" of the experience sections (year only);
total months from the first to the last year printed there; a skill's months are that total
for every skill the document states; the degree level is the strongest degree word anywhere.
Postings: the first "N years" number, years next to a mention (``Mention.years``, what
``requirements_from_posting`` used before), the first degree word. Time: career reading (and
the posting asks) per document vs extraction, CPU time (``time.process_time``), summed over all
documents, each the best of ``--runs``.

    python benchmarks/experience.py [--data ../shared/data] [--explain] [--runs 3] [--part tuning]

``--explain`` prints the tuning part's misses only (never the validation part's).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import gc
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import DEFAULT_DATA, load_vocab, map_vocab  # noqa: E402
from splits import PARTS, experience_sets  # noqa: E402

from skillgap import SkillExtractor, read_document  # noqa: E402
from skillgap.documents import Document  # noqa: E402
from skillgap.documents.asks import read_asks  # noqa: E402
from skillgap.documents.career import read_career  # noqa: E402
from skillgap.documents.careervocab import LEVEL_RANK, load_career_vocabulary  # noqa: E402
from skillgap.documents.degrees import degree_finder  # noqa: E402
from skillgap.extract.experience import skill_months, years_asked  # noqa: E402

_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—to]+\s*((?:19|20)\d\d|present|current|now)(?!\d)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUM_YEARS = re.compile(r"(\d{1,2})\s*\+?\s*(?:-\s*\d+\s*)?years?", re.IGNORECASE)


def _month(text: str | None) -> tuple[int, int | None] | None:
    if not text or text == "present":
        return None
    parts = text.split("-")
    return int(parts[0]), int(parts[1]) if len(parts) > 1 else None


def _gold_index(text: str) -> int:
    y, m = _month(text)  # type: ignore[misc]
    return y * 12 + (m or 6)


def _printed(month: object, current: bool) -> str | None:
    return "present" if current else (str(month) if month else None)


class Tally:
    """Hits over a total, per part."""

    def __init__(self) -> None:
        self.hit = {p: 0 for p in PARTS}
        self.n = {p: 0 for p in PARTS}

    def add(self, part: str, ok: bool, n: int = 1) -> None:
        self.hit[part] += int(ok) if n == 1 else ok  # type: ignore[operator]
        self.n[part] += n

    def cell(self, part: str) -> str:
        n = self.n[part]
        return f"{self.hit[part] / n:5.2f} ({self.hit[part]}/{n})" if n else "   -"


def posting_document(data: Path, doc: str) -> Document:
    """A gold posting: a file of ``gold/postings`` or a row of the Vanetik vacancies CSV."""
    if doc.startswith("vanetik/"):
        with (data / "pairs" / "vanetik_vacancy_resume" / "5_vacancies.csv").open(encoding="utf-8", newline="") as handle:
            row = list(csv.DictReader(handle))[int(doc.split("/")[1]) - 1]
        return read_document(row["job_title"] + "\n" + row["job_description"], kind="posting", name=doc)
    return read_document(data / "gold" / doc, kind="posting")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--explain", action="store_true", help="print the tuning part's misses")
    parser.add_argument("--runs", type=int, default=3, help="timing runs (best is kept)")
    parser.add_argument("--part", choices=PARTS, help="print only this part of the split (tuning while tuning)")
    args = parser.parse_args()
    parts = (args.part,) if args.part else PARTS
    sets = experience_sets(args.data)
    extractor = SkillExtractor()
    mapping, _ = map_vocab(load_vocab(args.data / "gold" / "vocab.txt"), extractor.taxonomy)
    vocab = load_career_vocabulary()
    finder = degree_finder(vocab)
    ours = {k: Tally() for k in ("positions", "total", "total_ref", "skill", "level", "min", "ys_p", "ys_r", "deg")}
    base = {k: Tally() for k in ours}
    t_career = t_extract = 0.0

    def explain(part: str, *lines: object) -> None:
        if args.explain and part == "tuning":
            print("  ", *lines)

    for r in sets["resume"]:
        part = r["part"]
        document = read_document(args.data / r["doc"], kind="resume")
        best_c = best_e = float("inf")
        for _ in range(max(1, args.runs)):
            t0 = time.process_time()
            career = read_career(document)
            t1 = time.process_time()
            profile = extractor.extract(document)
            t2 = time.process_time()
            best_c, best_e = min(best_c, t1 - t0), min(best_e, t2 - t1)
        t_career += best_c
        t_extract += best_e
        # positions: one-to-one exact start and end
        gold = [(p["start"], p["end"]) for p in r["positions"] if p["start"] and p["end"]]
        pred = [(_printed(p.start_month, False), _printed(p.end_month, p.current)) for p in career.positions]
        exp_text = "\n".join(document.text[s.start : s.end] for s in document.sections if s.name == "experience")
        naive = [(a, "present" if b.casefold() in ("present", "current", "now") else b) for a, b in _YEAR_RANGE.findall(exp_text)]
        for got, tally in ((pred, ours["positions"]), (naive, base["positions"])):
            left = list(got)
            for g in gold:
                ok = g in left
                if ok:
                    left.remove(g)
                tally.add(part, ok)
                if tally is ours["positions"] and not ok:
                    explain(part, r["doc"], "position missed", g)
        # totals
        ref = _month(r["reference_date"])
        ref_day = date(ref[0], ref[1] or 6, 1)  # type: ignore[index]
        for tally, value in ((ours["total"], career.total_months()), (ours["total_ref"], career.total_months(ref_day))):
            gold_total = r["total_months"]
            ok = value == gold_total if gold_total is None or value is None else abs(value - gold_total) <= 3
            tally.add(part, ok)
            if tally is ours["total"] and not ok:
                explain(part, r["doc"], "total", value, "gold", gold_total, "as_of", career.as_of, career.as_of_source)
        years = [int(y) for y in _YEAR.findall(exp_text)]
        naive_total = (max(years) - min(years)) * 12 if years else None
        for tally in (base["total"], base["total_ref"]):
            g = r["total_months"]
            tally.add(part, naive_total == g if g is None or naive_total is None else abs(naive_total - g) <= 3)
        # skill months
        months = skill_months(profile, career)
        stated = set(profile.skill_ids)
        for name, gold_months in r["skill_months"].items():
            sid = mapping.get(name)
            got = months.get(sid) if sid else None
            value = got.months if got else None
            tol = max(6, 0.15 * gold_months)
            ok = value is not None and abs(value - gold_months) <= tol
            ours["skill"].add(part, ok)
            if not ok:
                explain(part, r["doc"], "skill months", name, value, "gold", gold_months)
            b = naive_total if sid in stated else None
            base["skill"].add(part, b is not None and abs(b - gold_months) <= tol)
        # highest degree level
        levels = [vocab.level_aliases.get(e["level"], e["level"]) for e in r["education"]]
        gold_level = max(levels, key=LEVEL_RANK.__getitem__) if levels else None
        ours["level"].add(part, career.highest_level == gold_level)
        if career.highest_level != gold_level:
            explain(part, r["doc"], "level", career.highest_level, "gold", gold_level)
        base["level"].add(part, finder.highest(document.text) == gold_level)

    gc.collect()  # the résumés' garbage is collected here, not inside the postings' single timed run
    t_asks = t_post_extract = 0.0
    for r in sets["posting"]:
        part = r["part"]
        document = posting_document(args.data, r["doc"])
        t0 = time.process_time()
        asks = read_asks(document)
        t1 = time.process_time()
        profile = extractor.extract(document)
        t2 = time.process_time()
        asked = years_asked(profile, asks)
        t3 = time.process_time()
        t_asks += (t1 - t0) + (t3 - t2)
        t_post_extract += t2 - t1
        gold_min = r["min_years_total"]
        ours["min"].add(part, asked.min_years == gold_min)
        if asked.min_years != gold_min:
            explain(part, r["doc"], "min years", asked.min_years, "gold", gold_min)
        first = _NUM_YEARS.search(document.text)
        base["min"].add(part, (float(first.group(1)) if first else None) == gold_min)
        gold_ys = {mapping[k]: v for k, v in r["years_per_skill"].items() if k in mapping}
        universe = set(mapping.values())  # the gold can only name skills of its vocabulary
        naive_ys: dict[str, float] = {}
        for m in profile.mentions:
            if m.years is not None and not m.negated and m.method != "implied":
                naive_ys[m.skill_id] = max(naive_ys.get(m.skill_id, 0.0), m.years)
        for got, key in ((asked.per_skill, ours), (naive_ys, base)):
            got = {k: v for k, v in got.items() if k in universe}
            right = sum(1 for k, v in got.items() if gold_ys.get(k) == v)
            key["ys_p"].add(part, right, len(got))  # type: ignore[arg-type]
            key["ys_r"].add(part, sum(1 for k, v in gold_ys.items() if got.get(k) == v), len(gold_ys))  # type: ignore[arg-type]
        if asked.per_skill != gold_ys:
            explain(part, r["doc"], "skill years", asked.per_skill, "gold", gold_ys)
        gold_deg = r["degree"]["min_level"] if r["degree"] else None
        got_deg = asks.degree.level if asks.degree else None
        ours["deg"].add(part, got_deg == gold_deg)
        if got_deg != gold_deg:
            explain(part, r["doc"], "degree", got_deg, "gold", gold_deg)
        words = list(finder.words(document.text))
        base["deg"].add(part, (words[0].level if words else None) == gold_deg)

    def f1(tallies: dict[str, Tally], part: str) -> str:
        p = tallies["ys_p"].hit[part] / tallies["ys_p"].n[part] if tallies["ys_p"].n[part] else 0.0
        rc = tallies["ys_r"].hit[part] / tallies["ys_r"].n[part] if tallies["ys_r"].n[part] else 0.0
        return f"{2 * p * rc / (p + rc) if p + rc else 0.0:5.2f}"

    labels = {
        "positions": "résumés: dated positions, start and end exact",
        "total": "résumés: total months within 3 (our as_of)",
        "total_ref": "résumés: total months within 3 (gold reference month)",
        "skill": "résumés: skill months within max(6, 15%)",
        "level": "résumés: highest degree level exact",
        "min": "postings: minimum years exact",
        "ys_p": "postings: per-skill years precision",
        "ys_r": "postings: per-skill years recall",
        "deg": "postings: degree level exact",
    }
    print(f"{'measure':58} {'part':10} {'ours':>16} {'baseline':>16}")
    for key, label in labels.items():
        for part in parts:
            print(f"{label:58} {part:10} {ours[key].cell(part):>16} {base[key].cell(part):>16}")
    for part in parts:
        print(f"{'postings: per-skill years F1':58} {part:10} {f1(ours, part):>16} {f1(base, part):>16}")
    n = len(sets["resume"])
    print(f"\nCPU time, {n} résumés (best of {args.runs} runs each): career {t_career * 1000:.0f} ms ({t_career * 1000 / n:.2f} ms per résumé), extraction {t_extract * 1000:.0f} ms, ratio {t_career / t_extract:.1%}")
    print(f"CPU time, {len(sets['posting'])} postings (1 run): asks {t_asks * 1000:.0f} ms, extraction {t_post_extract * 1000:.0f} ms, ratio {t_asks / t_post_extract:.1%}")


if __name__ == "__main__":
    main()
