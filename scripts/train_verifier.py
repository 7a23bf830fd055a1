"""Rebuild the mention verifier (``taxonomy/models/verifier.npz``) from annotated corpora, deterministically.

Our matcher runs with verification off over each corpus's text; every candidate match (exact,
pattern, ambiguous and fuzzy, before overlaps are resolved) becomes an example with the
verifier's features (`skillgap.extract.features`) and a label from the corpus:

* SkillSpan (job postings; train + dev json): a match inside a skill or knowledge span is
  positive, any other match of the posting negative. Sentences of one posting are joined so the
  document's domain is seen. The annotators marked every skill phrase, so "outside" is a real no.
* Green et al. 2022 (dev txt, sentences): inside a Skill or Domain span positive, inside an
  Occupation span negative (job titles), outside every span negative; Qualification spans
  (degrees: their field of study counts as a skill in our gold) give no example.
* dotin résumés (zip of XML): skills (Tech Tools, Job Specific Skills, Soft Skills) are
  marked at one occurrence, not all, so outside a skill span is no negative. Positive: inside a
  skill span, or the same words as a marked skill elsewhere in the résumé. Negative: inside a
  Designation, Companies worked at, College Name, Degree, Name or Location span (job titles,
  firms, schools). Everything else gives no example.
* DataTurks résumés (json): as dotin, with its ``Skills`` blocks and the same other labels.
* Sayfullina soft skills (job_train.csv): each row is a lemmatised, lower-cased context with
  the candidate phrase masked as ``xxx``; the phrase is put back, and a match overlapping it
  takes the row's ``is_soft_skill`` label (weight 0.5: the text is not as printed). Other
  matches give no example.
* The gold dev set's TUNING part only (benchmarks/splits.py): a match of a gold skill is
  positive, a match of a vocabulary skill the gold lacks negative, a match over a trap string
  with the trap's skill negative; skills outside the gold vocabulary give no example (weight 3).
* Decorte/TECHWOLF is not used: its labels are ESCO concepts per sentence, not spans, and
  mapping them onto our ids would be a guess.

Each example carries features naming its corpus (``corpus:<name>``, alone and with the skill's
kind and the match method) in place of the run-time ones (``corpus:gold-<kind>``): each corpus's
conventions (SkillSpan leaves many of our skills outside its spans) stay in its own weights, and
at run time the model applies our gold's.

Model: logistic regression (scikit-learn, lbfgs, deterministic) on hashed features. The
documents of every corpus are dealt into 5 folds by file order; out-of-fold probabilities
chose the regularisation and give the tuning figures printed per corpus (and a provisional
threshold: best out-of-fold F1 on the gold tuning part). Then the model is refitted on
everything, and its threshold alone is chosen on the gold VALIDATION part by one rule
(`validation_threshold`: highest F1 over its postings and résumés; only totals are computed).
Features are hashed from their template and values (`skillgap.extract.features.feature_slot`),
the same slots the run time computes with numpy.
Run: ``pip install -e '.[train]' && python scripts/train_verifier.py [--data DIR] [--out FILE]``.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy

_REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(_REPO / "benchmarks"))

from accuracy import DEFAULT_DATA, Ours, Span, dataturks, dotin, green, load_vocab, locate, map_vocab, score_gold, skillspan  # noqa: E402
from splits import gold_skill_sets  # noqa: E402

from skillgap import Document, SkillExtractor, load_taxonomy, read_document  # noqa: E402
from skillgap.extract.features import CONVENTION, Feature  # noqa: E402
from skillgap.extract.verify import REBUILD, VerifierModel, load_verifier, save_verifier  # noqa: E402

BITS = 18
FOLDS = 5
#: Regularisation (out-of-fold F1 on the gold tuning examples moved by < 0.002 over C in 0.1, 0.3, 1).
C = 0.1
OTHER_LABELS = ("Designation", "Companies worked at", "College Name", "Degree", "Name", "Location")
GOLD_WEIGHT = 3.0
SAYFULLINA_WEIGHT = 0.5


@dataclass(frozen=True)
class Text:
    """One annotated text: positive spans, negative spans, and whether outside all spans is negative."""

    text: str
    kind: str
    positive: tuple[Span, ...]
    negative: tuple[Span, ...] = ()
    outside_negative: bool = False
    #: Sparse marking: a match with the words of a marked skill elsewhere in the text is positive too.
    same_words: bool = False


@dataclass
class Examples:
    corpus: list[str]
    fold: list[int]
    features: list[list[Feature]]
    label: list[int]
    weight: list[float]
    #: What the gold scores: one skill in one document (mentions of the same skill share it), and its label.
    group: list[str]
    group_label: list[int]

    def add(self, corpus: str, fold: int, features: list[Feature], label: int, weight: float, group: str = "", group_label: int = 0) -> None:
        self.group.append(group)
        self.group_label.append(group_label)
        self.corpus.append(corpus)
        self.fold.append(fold)
        self.features.append(features)
        self.label.append(label)
        self.weight.append(weight)


def _overlaps(a: int, b: int, spans: Iterable[Span]) -> bool:
    return any(a < e and s < b for s, e in spans)


def zipped(positive: list[tuple[str, list[Span]]], negative: list[tuple[str, list[Span]]], kind: str, **flags: bool) -> list[Text]:
    """Texts from two loads of one corpus (positive span types, negative span types)."""
    return [Text(t, kind, tuple(p), tuple(n), **flags) for (t, p), (_, n) in zip(positive, negative)]


def sayfullina(data: Path) -> list[tuple[Text, int]]:
    """Rows with the masked phrase put back: (text whose positive or negative span is the phrase, label)."""
    path = data / "skill_annotations/sayfullina_softskills/job_train.csv"
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            words, phrase = row["context"].split(), row["soft_skill"].split()
            at = next((i for i in range(len(words)) if words[i : i + len(phrase)] == ["xxx"] * len(phrase)), None)
            if at is None:
                continue
            before = " ".join(words[:at])
            start = len(before) + (1 if before else 0)
            text = " ".join(words[:at] + phrase + words[at + len(phrase) :])
            span = ((start, start + len(" ".join(phrase))),)
            label = int(row["is_soft_skill"])
            out.append((Text(text, "posting", span if label else (), () if label else span), label))
    return out


def label_text(t: Text, start: int, end: int, marked: bool) -> int | None:
    """1, 0 or None (no example) for a candidate at chars ``[start, end)`` of ``t``; ``marked``:
    the same words matched inside a positive span elsewhere in the text."""
    if _overlaps(start, end, t.positive):
        return 1
    if _overlaps(start, end, t.negative):
        return 0
    if t.same_words and marked:
        return 1
    return 0 if t.outside_negative else None


def corpus_examples(extractor: SkillExtractor, name: str, texts: Sequence[Text], out: Examples, weight: float = 1.0) -> None:
    for i, t in enumerate(texts):
        document = Document(source=f"{name} #{i}", kind=t.kind, text=t.text)  # type: ignore[arg-type]
        candidates = extractor.candidates(document)
        marked = {t.text[a:b].lower() for _, a, b, _ in candidates if _overlaps(a, b, t.positive)}
        for _, start, end, features in candidates:
            label = label_text(t, start, end, t.text[start:end].lower() in marked)
            if label is not None:
                out.add(name, i % FOLDS, [((keys, (name, *values[1:])) if keys[0] == CONVENTION else (keys, values)) for keys, values in features], label, weight)


def gold_examples(extractor: SkillExtractor, data: Path, out: Examples) -> int:
    """Examples from the gold TUNING part; returns how many documents."""
    taxonomy = extractor.taxonomy
    mapping, _ = map_vocab(load_vocab(data / "gold" / "vocab.txt"), taxonomy)
    vocab_ids = set(mapping.values())
    n = 0
    for kind, records in sorted(gold_skill_sets(data).items()):
        for record in records:
            if record["part"] != "tuning":
                continue
            document = read_document(record["path"], kind=kind)
            names = record["skills"] if kind == "resume" else record["required"] + record["preferred"]
            names = names + record.get("negated", [])
            gold_ids = {mapping[x] for x in names if x in mapping}
            traps = [(mapping.get(t["skill"]), s) for t in record["traps"] for s in locate(document.text, t["text"])]
            for m, start, end, features in extractor.candidates(document):
                if any(skill == m.skill_id and start < e and s < end for skill, (s, e) in traps):
                    label = 0
                elif m.skill_id in gold_ids:
                    label = 1
                elif m.skill_id in vocab_ids:
                    label = 0
                else:
                    continue
                out.add(f"gold-{kind}", n % FOLDS, features, label, GOLD_WEIGHT, f"{kind}{n}|{m.skill_id}", int(m.skill_id in gold_ids))
            n += 1
    return n


def build(data: Path, extractor: SkillExtractor, log: Callable[[str], None]) -> Examples:
    """Every example of every corpus found under ``data`` (a missing corpus is skipped, and said)."""
    out = Examples([], [], [], [], [], [], [])
    notes = data / "skill_annotations"
    loaders: list[tuple[str, Callable[[], Sequence[Text]], float]] = [
        ("skillspan", lambda: [Text(t, "posting", tuple(p), outside_negative=True) for t, p in skillspan(data, ("tags_skill", "tags_knowledge"), by_posting=True)], 1.0),
        ("green", lambda: zipped(green(data, ("Skill", "Domain")), green(data, ("Occupation",)), "posting", outside_negative=True), 1.0),
        ("dotin", lambda: zipped(dotin(data), dotin(data, OTHER_LABELS), "resume", same_words=True), 1.0),
        ("dataturks", lambda: zipped(dataturks(data), dataturks(data, OTHER_LABELS), "resume", same_words=True), 1.0),
        ("sayfullina", lambda: [t for t, _ in sayfullina(data)], SAYFULLINA_WEIGHT),
    ]
    for name, load, weight in loaders:
        t0 = time.perf_counter()
        try:
            texts = load()
        except FileNotFoundError as exc:
            log(f"  {name}: skipped ({exc.filename} not found)")
            continue
        before = len(out.label)
        corpus_examples(extractor, name, texts, out, weight)
        new = out.label[before:]
        log(f"  {name}: {len(texts)} texts, {len(new)} examples ({sum(new)} positive) in {time.perf_counter() - t0:.1f}s")
    if (data / "gold" / "vocab.txt").is_file() and (data / "gold" / "varied").is_dir():
        before = len(out.label)
        docs = gold_examples(extractor, data, out)
        new = out.label[before:]
        log(f"  gold tuning part: {docs} documents, {len(new)} examples ({sum(new)} positive)")
    elif notes.is_dir():
        log("  gold tuning part: skipped (no gold/ folder)")
    return out


def matrix(features: Sequence[Sequence[Feature]], bits: int):
    """The hashed feature counts as a CSR matrix (the same slots `VerifierModel.index` gives)."""
    from scipy.sparse import csr_matrix

    probe = VerifierModel(weights=numpy.zeros(1), intercept=0.0, bits=bits, threshold=0.5)
    indptr, indices, known = [0], [], {}
    for names in features:
        indices.extend(known[f] if f in known else known.setdefault(f, probe.index(f)) for f in names)
        indptr.append(len(indices))
    data = numpy.ones(len(indices))
    m = csr_matrix((data, numpy.array(indices, dtype=numpy.int64), numpy.array(indptr)), shape=(len(features), 1 << bits))
    m.sum_duplicates()
    return m


def fit(x, y: numpy.ndarray, w: numpy.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, solver="lbfgs", max_iter=1000, tol=1e-5)
    model.fit(x, y, sample_weight=w)
    return model


def prf(y: numpy.ndarray, p: numpy.ndarray, threshold: float) -> tuple[float, float, float]:
    kept = p >= threshold
    tp = float((kept & (y == 1)).sum())
    precision = tp / kept.sum() if kept.sum() else 0.0
    recall = tp / (y == 1).sum() if (y == 1).sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def skill_level(examples: Examples, probabilities: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Labels and probabilities per gold (document, skill): a skill is reported when one of its
    candidates passes, as the gold is scored (benchmarks/accuracy.py)."""
    best: dict[str, list[float]] = {}
    for group, label, p in zip(examples.group, examples.group_label, probabilities.tolist()):
        if group:
            entry = best.setdefault(group, [label, 0.0])
            entry[1] = max(entry[1], p)
    pairs = sorted(best.values())
    return numpy.array([int(a) for a, _ in pairs]), numpy.array([b for _, b in pairs])


def train(examples: Examples, bits: int, log: Callable[[str], None]) -> VerifierModel:
    x = matrix(examples.features, bits)
    y, w = numpy.array(examples.label), numpy.array(examples.weight)
    folds, corpus = numpy.array(examples.fold), numpy.array(examples.corpus)
    oof = numpy.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        if test.any() and (~test).any() and len(set(y[~test])) == 2:
            oof[test] = fit(x[~test], y[~test], w[~test], C).predict_proba(x[test])[:, 1]
    gy, gp = skill_level(examples, oof)
    if not len(gy):  # no gold: every example counts
        gy, gp = y, oof
    thresholds = [round(t, 2) for t in numpy.arange(0.2, 0.951, 0.05)]
    scores = {t: prf(gy, gp, t)[2] for t in thresholds}
    threshold = max(thresholds, key=lambda t: (round(scores[t], 4), t))
    log("out-of-fold F1 per (gold tuning document, skill) by threshold: " + " ".join(f"{t:.2f}:{scores[t]:.3f}" for t in thresholds))
    log(f"chosen: threshold {threshold:.2f} (ties: the higher); C={C}")
    log("out-of-fold figures per corpus at that threshold (baseline: keep every candidate):")
    for name in sorted(set(examples.corpus)):
        sel = corpus == name
        p, r, f = prf(y[sel], oof[sel], threshold)
        p0, r0, f0 = prf(y[sel], numpy.ones(sel.sum()), 0.5)
        log(f"  {name:<12} {sel.sum():>6} examples  P {p:.3f} R {r:.3f} F1 {f:.3f}   (all kept: P {p0:.3f} R {r0:.3f} F1 {f0:.3f})")
    final = fit(x, y, w, C)
    weights = final.coef_[0].astype(numpy.float32).astype(numpy.float64)
    return VerifierModel(weights=weights, intercept=float(numpy.float32(final.intercept_[0])), bits=bits, threshold=threshold)


#: Thresholds tried on the gold validation part (`validation_threshold`).
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 20))


def validation_threshold(path: Path, taxonomy, data: Path, log: Callable[[str], None]) -> float | None:
    """The threshold of the model at ``path``, chosen on the gold VALIDATION part by one rule: the
    highest F1 over its postings and résumés together (micro-averaged as benchmarks/accuracy.py
    scores them; ties: the higher threshold). Only totals are computed and printed, never a
    document's errors. None when the gold set is absent."""
    if not (data / "gold" / "vocab.txt").is_file():
        return None
    mapping, _ = map_vocab(load_vocab(data / "gold" / "vocab.txt"), taxonomy)
    parts = {kind: [r for r in records if r["part"] == "validation"] for kind, records in gold_skill_sets(data).items()}
    documents = {kind: [read_document(r["path"], kind=kind) for r in records] for kind, records in parts.items()}
    extractor = SkillExtractor(taxonomy, verifier_model=path)
    assert extractor.verifier is not None
    scores = {}
    for t in THRESHOLDS:
        extractor.verifier = dataclasses.replace(extractor.verifier, threshold=t)
        tp = fp = fn = 0
        line = []
        for kind, records in parts.items():
            tally = score_gold(kind, documents[kind], records, {"v": Ours(extractor).run(documents[kind])}, mapping)["v"]
            tp, fp, fn = tp + tally.tp, fp + tally.fp, fn + tally.fn
            line.append(f"{kind} P {tally.tp / max(1, tally.tp + tally.fp):.3f} R {tally.tp / max(1, tally.tp + tally.fn):.3f} traps {tally.trap_hits}/{tally.traps}")
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        scores[t] = 2 * p * r / (p + r) if p + r else 0.0
        log(f"  threshold {t:.2f}: F1 {scores[t]:.3f}  ({'; '.join(line)})")
    return max(THRESHOLDS, key=lambda t: (round(scores[t], 4), t))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--out", type=Path, default=_REPO / "taxonomy" / "models" / "verifier.npz", help="the model file to write")
    parser.add_argument("--taxonomy", type=Path, nargs="*", help="taxonomy files or folders (default: the shipped one)")
    parser.add_argument("--bits", type=int, default=BITS, help=f"hashing size, 2**bits slots (default {BITS})")
    parser.add_argument("--check", action="store_true", help="rebuild into a temporary file and compare it with --out (exit 1 when the model there is stale)")
    args = parser.parse_args(argv)
    if not args.check:
        return rebuild(args, args.out)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "verifier.npz"
        return rebuild(args, fresh) or compare(fresh, args.out)


def rebuild(args: argparse.Namespace, out: Path) -> int:
    """Build the model from ``args.data`` into ``out``; 2 when the data hold no examples."""
    t0 = time.perf_counter()
    extractor = SkillExtractor(load_taxonomy(*(args.taxonomy or ())), verify=False)
    print(f"examples from {args.data}:")
    examples = build(args.data, extractor, print)
    if len(set(examples.label)) < 2:
        print("need positive and negative examples; is --data right?", file=sys.stderr)
        return 2
    model = train(examples, args.bits, print)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_verifier(model, out)
    print("gold VALIDATION part by threshold (totals only; the rule picks the threshold, nothing else is chosen here):")
    chosen = validation_threshold(out, extractor.taxonomy, args.data, print)
    if chosen is not None:
        model = dataclasses.replace(model, threshold=chosen)
        save_verifier(model, out)
        print(f"threshold {chosen:.2f} (highest validation F1; ties: the higher)")
    print(f"wrote {out} ({out.stat().st_size / 1e3:.0f} kB, {int((model.weights != 0).sum())} non-zero weights) in {time.perf_counter() - t0:.0f}s")
    return 0


def compare(fresh: Path, shipped: Path) -> int:
    """0 when ``shipped`` holds the model just rebuilt (weights equal to 1e-6: BLAS may round
    differently on another machine), else 1 with what differs and the command that refreshes it."""
    new, old = load_verifier(fresh), load_verifier(shipped)
    differ = [
        what
        for what, same in (
            ("hashing size", new.bits == old.bits),
            ("threshold", new.threshold == old.threshold),
            ("weights", new.bits == old.bits and numpy.allclose(new.weights, old.weights, rtol=0.0, atol=1e-6)),
            ("intercept", abs(new.intercept - old.intercept) <= 1e-6),
        )
        if not same
    ]
    if differ:
        print(f"{shipped} is stale: its {', '.join(differ)} differ from what this code builds from the data; rebuild it with `{REBUILD}`")
        return 1
    print(f"{shipped} is what this code builds from the data")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
