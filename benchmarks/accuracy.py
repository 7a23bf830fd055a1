"""Accuracy of `SkillExtractor` on the dev gold sets, next to a plain baseline in the same run.

Baseline: case-insensitive whole-word search of every label and alias of the same taxonomy.

1. ``gold/`` and ``gold/varied/`` postings and résumés (rules in gold/README.md), reported for the
   tuning and the validation part of `benchmarks/splits.py` separately, each for all documents,
   tech and non-tech (``--explain`` prints the tuning part's errors only): each gold name and its vocab
   synonyms map to our skills by case-insensitive label/alias lookup; micro-averaged
   precision / recall / F1 over skill sets per document (negated predictions count as false
   positives, predictions outside the vocabulary are ignored) and traps reported as the skill
   (a reported span overlapping the trap text with the trap's skill); also how many documents carry
   a false skill and how many with gold skills got none.
2. Span sets (SkillSpan knowledge spans, Green et al. Skill spans, DataTurks and dotin résumé
   skill spans): a predicted span (our non-implied mentions) is correct when it overlaps a
   gold span by at least one character; a gold span is found when a prediction overlaps it.

These are DEV sets: the taxonomy and rules were tuned while looking at them, so the figures
are optimistic; the held-out split is elsewhere. Run: ``PYTHONPATH=. python benchmarks/accuracy.py``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from skillgap import Document, SkillExtractor, load_taxonomy, read_document
from skillgap.taxonomy import Taxonomy

_REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import PARTS, gold_skill_sets  # noqa: E402  (benchmarks/ is not a package)

#: $SKILLGAP_SHARED_DATA, else ``shared/data`` next to the repo or next to its parent (worktrees).
DEFAULT_DATA = next(
    (p for p in (Path(os.environ.get("SKILLGAP_SHARED_DATA", "")), _REPO.parent / "shared" / "data", _REPO.parent.parent / "shared" / "data") if (p / "gold").is_dir()),
    _REPO.parent / "shared" / "data",
)
Span = tuple[int, int]


# ------------------------------------------------------------------------------------------
# The two systems: our extractor and the word-search baseline, both giving (skill, span) pairs


@dataclass(frozen=True)
class Found:
    """What a system reports for one text: stated skills with spans, and negated skill ids."""

    spans: tuple[tuple[str, int, int], ...]
    negated: frozenset[str] = frozenset()

    @property
    def skills(self) -> set[str]:
        return {s for s, _, _ in self.spans}


class WordSearch:
    """Baseline: every label and alias as a case-insensitive whole word, longest first."""

    name = "baseline"

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.owner = {t.casefold(): s.id for s in taxonomy for t in s.terms}
        terms = sorted(self.owner, key=len, reverse=True)
        self.regex = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)", re.IGNORECASE)

    def run(self, documents: Sequence[Document]) -> list[Found]:
        return [Found(tuple((self.owner[m.group().casefold()], m.start(), m.end()) for m in self.regex.finditer(d.text))) for d in documents]


class Ours:
    """The extractor: stated (non-implied) mentions; negated ones apart."""

    def __init__(self, extractor: SkillExtractor, name: str = "skillgap") -> None:
        self.extractor = extractor
        self.name = name

    def run(self, documents: Sequence[Document]) -> list[Found]:
        out = []
        for profile in self.extractor.extract_many(documents, batch_size=256):
            stated = tuple((m.skill_id, m.start, m.end) for m in profile.mentions if m.method != "implied" and not m.negated)
            negated = frozenset(m.skill_id for m in profile.mentions if m.negated) - {s for s, _, _ in stated}
            out.append(Found(stated, negated))
        return out


# ------------------------------------------------------------------------------------------
# Scores


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    traps: int = 0
    trap_hits: int = 0
    docs: int = 0
    #: documents with gold skills where the system found none; documents with at least one false skill
    empty: int = 0
    false_docs: int = 0
    notes: list[str] = field(default_factory=list)

    def line(self, name: str, docs: int) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        traps = f"  traps {self.trap_hits}/{self.traps} ({self.trap_hits / self.traps:.0%})" if self.traps else ""
        extra = f"  docs with a false skill {self.false_docs}, with no skill found {self.empty}" if self.docs else ""
        return f"  {name:<18} docs {docs:>5}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}{traps}{extra}"


def load_vocab(path: Path) -> dict[str, list[str]]:
    """Gold vocabulary: canonical name -> [canonical, synonyms...]."""
    vocab = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names = [n.strip() for n in line.split("|") if n.strip()]
            vocab[names[0]] = names
    return vocab


def map_vocab(vocab: dict[str, list[str]], taxonomy: Taxonomy) -> tuple[dict[str, str], list[str]]:
    mapping, missing = {}, []
    for canonical, names in vocab.items():
        skill = next((s for s in (taxonomy.lookup(n) for n in names) if s is not None), None)
        if skill is None:
            missing.append(canonical)
        else:
            mapping[canonical] = skill.id
    return mapping, missing


def _collapsed(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs collapsed to one space, and each kept char's original offset."""
    out, offsets, space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                out.append(" ")
                offsets.append(i)
            space = True
        else:
            out.append(ch)
            offsets.append(i)
            space = False
    return "".join(out), offsets


def locate(text: str, needle: str) -> list[Span]:
    """Every place of ``needle`` in ``text`` after collapsing whitespace (case-insensitive if need be)."""
    flat, offsets = _collapsed(text)
    needle = " ".join(needle.split())
    for hay, key in ((flat, needle), (flat.casefold(), needle.casefold())):
        spans = [(offsets[m.start()], offsets[m.end() - 1] + 1) for m in re.finditer(re.escape(key), hay)]
        if spans:
            return spans
    return []


def score_gold(kind: str, documents: list[Document], golds: list[dict], found_by: dict[str, list[Found]], mapping: dict[str, str], explain: bool = False) -> dict[str, Tally]:
    """One `Tally` per system over these documents; ``--explain`` lists misses, false skills and traps hit."""
    vocab_ids = set(mapping.values())
    tallies = {}
    for name, founds in found_by.items():
        tally = tallies[name] = Tally()
        for document, gold, found in zip(documents, golds, founds):
            text = document.text
            names = gold["skills"] if kind == "resume" else gold["required"] + gold["preferred"]
            gold_ids = {mapping[n] for n in names if n in mapping}
            tally.fn += len([n for n in names if n not in mapping])
            predicted = (found.skills | found.negated) & vocab_ids
            tally.tp += len(predicted & gold_ids - found.negated)
            tally.fp += len(predicted - gold_ids) + len(found.negated & gold_ids & vocab_ids)
            tally.fn += len(gold_ids - (found.skills - found.negated))
            tally.docs += 1
            tally.empty += bool(gold_ids) and not (found.skills - found.negated) & vocab_ids
            tally.false_docs += bool(predicted - gold_ids)
            for trap in gold["traps"]:
                skill = mapping.get(trap["skill"])
                places = locate(text, trap["text"])
                tally.traps += 1
                if places:
                    hit = any(s == skill and a < pe and ps < b for s, a, b in found.spans for ps, pe in places)
                else:  # the reader lost the trap's text: fall back to the skill-level rule
                    hit = skill in found.skills and skill not in gold_ids
                    tally.notes.append(f"trap text not found in {gold['doc']}: {trap['text']!r}")
                tally.trap_hits += hit
                if explain and hit:
                    print(f"    TRAP {gold['doc']}: {trap['text']!r} -> {skill}")
            if explain:
                missed = sorted(gold_ids - (found.skills - found.negated))
                wrong = sorted(predicted - gold_ids)
                if missed or wrong:
                    print(f"    {name} {gold['doc']}: missed {missed} wrong {[(w, _evidence(text, found, w)) for w in wrong]}")
    return tallies


def _evidence(text: str, found: Found, skill: str) -> str:
    spans = [(a, b) for s, a, b in found.spans if s == skill]
    if not spans:
        return "(negated)"
    a, b = spans[0]
    return " ".join(text[max(0, a - 40) : b + 40].split())


def gold_sets(data: Path, systems, mapping: dict[str, str], extractor: SkillExtractor, explain: bool = False, parts: Sequence[str] = PARTS) -> None:
    """The gold postings and résumés (``gold/`` and ``gold/varied/``) by split part, kind and group.

    The split is `benchmarks/splits.py`'s; ``--explain`` prints the errors of the tuning part only
    (never look at validation errors while tuning); ``parts`` limits the output to some parts
    (``--part tuning`` while tuning, so not even the validation totals are seen)."""
    sets = gold_skill_sets(data)
    t0 = time.perf_counter()
    docs = {kind: [read_document(r["path"], kind=kind) for r in records] for kind, records in sets.items()}
    print(f"(read {len(docs['posting'])} postings and {len(docs['resume'])} résumés with read_document in {time.perf_counter() - t0:.1f}s)")
    for kind, records in sets.items():
        found_by = {s.name: s.run(docs[kind]) for s in systems}
        for part in parts:
            print(f"\n{part} {kind}s" + (" (required + preferred)" if kind == "posting" else ""))
            for group in ("all", "tech", "non-tech"):
                keep = [i for i, r in enumerate(records) if r["part"] == part and group in ("all", r["group"])]
                if not keep:
                    continue
                show = explain and part == "tuning" and group == "all"
                tallies = score_gold(kind, [docs[kind][i] for i in keep], [records[i] for i in keep], {n: [f[i] for i in keep] for n, f in found_by.items()}, mapping, show)
                for name, tally in tallies.items():
                    print(tally.line(f"{group:<8} {name}", len(keep)))
                    for note in dict.fromkeys(tally.notes if group == "all" and name == systems[0].name else ()):
                        print("     ", note)
    tuning = [i for i, r in enumerate(sets["posting"]) if r["part"] == "tuning"]
    importance_agreement([docs["posting"][i] for i in tuning], [sets["posting"][i] for i in tuning], mapping, extractor)


def importance_agreement(docs, postings, mapping, extractor: SkillExtractor) -> None:
    """Of the gold posting skills we find, how often our required/preferred call matches the gold's."""
    agree = total = 0
    for document, gold in zip(docs, postings):
        profile = extractor.extract(document)
        ours: dict[str, str] = {}
        for m in profile.mentions:
            if m.method != "implied" and not m.negated:
                ours[m.skill_id] = "required" if "required" in (ours.get(m.skill_id), m.importance) else "preferred"
        for level in ("required", "preferred"):
            for name in gold[level]:
                sid = mapping.get(name)
                if sid in ours:
                    total += 1
                    agree += ours[sid] == level
    print(f"  importance (required/preferred) agrees with gold on {agree}/{total} found posting skills")


# ------------------------------------------------------------------------------------------
# Span sets


def bio_spans(tokens: Sequence[str], tags: Sequence[str], keep: Iterable[str] | None = None) -> tuple[str, list[Span]]:
    """Text of space-joined tokens and the char spans of its B/I runs (of the ``keep`` types)."""
    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    text = " ".join(tokens)
    spans: list[Span] = []
    cur: list[int] | None = None
    for i, tag in enumerate(tags):
        kind = tag[2:] if len(tag) > 2 else ""
        inside = tag[:1] in ("B", "I") and (keep is None or kind in keep)
        if inside and (tag[0] == "B" or cur is None):
            if cur:
                spans.append((cur[0], cur[1]))
            cur = [starts[i], starts[i] + len(tokens[i])]
        elif inside and cur is not None:
            cur[1] = starts[i] + len(tokens[i])
        else:
            if cur:
                spans.append((cur[0], cur[1]))
            cur = None
    if cur:
        spans.append((cur[0], cur[1]))
    return text, spans


def skillspan(data: Path, tags: Sequence[str] = ("tags_knowledge",), by_posting: bool = False) -> list[tuple[str, list[Span]]]:
    """SkillSpan sentences with the spans of the ``tags`` columns; ``by_posting`` joins the
    consecutive sentences of one posting (same ``idx``) with line breaks."""
    out: list[tuple[str, list[Span]]] = []
    last = None
    for name in ("skillspan_train.json", "skillspan_dev.json"):
        for line in (data / "skill_annotations/skillspan" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                text, spans = bio_spans(row["tokens"], row[tags[0]])
                spans = sorted(spans + [s for tag in tags[1:] for s in bio_spans(row["tokens"], row[tag])[1]])
                key = (name, row["idx"])
                if by_posting and out and key == last:
                    shift = len(out[-1][0]) + 1
                    out[-1] = (out[-1][0] + "\n" + text, out[-1][1] + [(a + shift, b + shift) for a, b in spans])
                else:
                    out.append((text, spans))
                last = key
    return out


def green(data: Path, keep: Iterable[str] = ("Skill",)) -> list[tuple[str, list[Span]]]:
    out, tokens, tags = [], [], []
    for line in [*(data / "skill_annotations/green2022/testset__dev.txt").read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) >= 2:
            tokens.append(parts[0])
            tags.append(parts[1])
        elif tokens:
            out.append(bio_spans(tokens, tags, keep=set(keep)))
            tokens, tags = [], []
    return out


def dataturks(data: Path, labels: Iterable[str] = ("Skills",)) -> list[tuple[str, list[Span]]]:
    out = []
    for line in (data / "skill_annotations/dataturks_resume_ner/traindata.json").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            spans = [(p["start"], p["end"] + 1) for a in row.get("annotation") or [] if set(labels) & set(a["label"]) for p in a["points"]]
            out.append((row["content"], spans))
    return out


_LABEL = re.compile(r'<label type="([^"]*)">|</label>')
DOTIN_SKILLS = frozenset({"Tech Tools", "Job Specific Skills", "Soft Skills"})


def dotin(data: Path, types: Iterable[str] = DOTIN_SKILLS) -> list[tuple[str, list[Span]]]:
    out = []
    with zipfile.ZipFile(data / "skill_annotations/dotin_resume_ner/545_cvs_train_v2.zip") as z:
        for name in sorted(n for n in z.namelist() if n.endswith(".xml")):
            raw = z.read(name).decode("utf-8", "replace")
            raw = raw.split("<cv>", 1)[-1].rsplit("</cv>", 1)[0]
            text, spans, open_at, pos = [], [], None, 0
            length = 0
            for m in _LABEL.finditer(raw):
                chunk = html.unescape(raw[pos : m.start()])
                text.append(chunk)
                length += len(chunk)
                if m.group(1) is not None:
                    open_at = (m.group(1), length)
                elif open_at:
                    if open_at[0] in types:
                        spans.append((open_at[1], length))
                    open_at = None
                pos = m.end()
            text.append(html.unescape(raw[pos:]))
            out.append(("".join(text), spans))
    return out


def score_spans(name: str, kind: str, items: list[tuple[str, list[Span]]], systems) -> None:
    print(f"\n{name}: {sum(len(g) for _, g in items)} gold spans in {len(items)} texts")
    documents = [Document(source=f"{name} #{i}", kind=kind, text=t) for i, (t, _) in enumerate(items)]  # type: ignore[arg-type]
    for system in systems:
        t0 = time.perf_counter()
        correct = predicted = found_gold = 0
        for (_, gold), found in zip(items, system.run(documents)):
            pred = {(a, b) for _, a, b in found.spans}
            predicted += len(pred)
            correct += sum(any(a < ge and gs < b for gs, ge in gold) for a, b in pred)
            found_gold += sum(any(a < ge and gs < b for a, b in pred) for gs, ge in gold)
        total_gold = sum(len(g) for _, g in items)
        p = correct / predicted if predicted else 0.0
        r = found_gold / total_gold if total_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {system.name:<12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({predicted} predicted spans, {time.perf_counter() - t0:.1f}s)")


SPAN_SETS = {
    "SkillSpan knowledge (train+dev)": (skillspan, "posting"),
    "Green et al. 2022 Skill (dev cut)": (green, "posting"),
    "DataTurks résumé Skills (train)": (dataturks, "resume"),
    "dotin résumé skills (train zip)": (dotin, "resume"),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--only", choices=["gold", "spans"], help="run one part only")
    parser.add_argument("--taxonomy", type=Path, nargs="*", help="taxonomy files or folders (default: the shipped one)")
    parser.add_argument("--explain", action="store_true", help="print each gold document's misses, false positives and traps hit")
    parser.add_argument("--part", choices=PARTS, help="print only this part of the gold split (tuning while tuning)")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    if not (data / "gold").is_dir():
        print(f"no dev data at {data}; pass --data", file=sys.stderr)
        return 2
    taxonomy = load_taxonomy(*(args.taxonomy or ()))
    extractor = SkillExtractor(taxonomy)
    # the extractor without its learned verifier (verify=False) is the same run's baseline for it
    systems = [Ours(extractor), Ours(SkillExtractor(taxonomy, verify=False), "verify=False"), WordSearch(taxonomy)]
    vocab = load_vocab(data / "gold" / "vocab.txt")
    mapping, missing = map_vocab(vocab, taxonomy)
    print(f"taxonomy: {len(taxonomy)} skills; gold vocabulary: {len(vocab)} names, {len(mapping)} mapped" + (f", unmapped: {missing}" if missing else ""))
    print("DEV SET figures: rules and taxonomy were tuned on these files (see gold/README.md).")
    if args.only in (None, "gold"):
        gold_sets(data, systems, mapping, extractor, args.explain, (args.part,) if args.part else PARTS)
    if args.only in (None, "spans"):
        for name, (loader, kind) in SPAN_SETS.items():
            score_spans(name, kind, loader(data), systems)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
