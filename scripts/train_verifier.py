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
  Designation, Companies worked at, College Name, Name or Location span (job titles, firms,
  schools). Everything else gives no example, a Degree span too (its field of study counts in
  our gold).
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
documents of every corpus are dealt into 5 folds by file order, and each fold is scored by a model
fitted without it: every choice is made on these out-of-fold probabilities of the training data.
The gold VALIDATION part is never read (a test builds the same bytes with its documents absent)
and no validation figure is printed.

* Threshold (each build): half the best out-of-fold F1 per (gold tuning document, skill), the unit
  the gold is scored in (a skill counts when one of its candidates passes), rounded to 0.01;
  without the gold, per example. For calibrated probabilities the F1-optimal threshold is half the
  best F1 (Lipton, Elkan & Naryanaswamy 2014); the logistic fit's out-of-fold probabilities are
  near calibrated where the data say (each build prints the check per probability bin), and the
  best F1 of the flat out-of-fold curve (0.975-0.978 from 0.20 to 0.85) moves far less than where
  on it the best sits: the previous rule, that curve's argmax, jumped 0.45-0.90 when the data
  moved a little. ``--perturb`` refits under small changes of the data (`perturbations`: every
  corpus's documents bootstrapped, one fold of the gold documents left out, one corpus
  bootstrapped) and prints each rule of `RULES` with its pick and churn, then each rule's spread
  (README: *Verifier threshold*).
* Setting (`SETTING`, fixed; ``--search`` reprints the table it was chosen from): the L2 strength
  C and the scale of the skill-identity features (`IDENTITY`: the templates reading the skill id
  or the matched text enter the fit scaled, so L2 shrinks their weights towards the context
  features' verdict, a back-off). Rule: the lowest out-of-fold log loss over every example
  (weighted as fitted), the objective the fit itself minimises on data it did not see.
* Churn (printed by every build): on the dev texts `benchmarks/speed_extract.py` times (the
  Glassdoor dev postings, no training data, and the DataTurks résumés, which are), the candidates
  whose verdict at the chosen threshold differs between the final model and each fold's model,
  i.e. what leaving a fifth of every corpus out flips: the scale of what a rebuild after an
  unrelated change moves.

* Domain shift (``--by-corpus``, a report: no model is written): the out-of-fold figures above mix
  every corpus into every fold, so they cannot tell features that carry to unseen documents from
  features that fit these corpora. `held_out` leaves each span corpus out in turn (fitted on the
  others and the gold tuning part, its examples scored under the run-time convention
  ``corpus:gold-<kind>``, as a user's document is), then the gold tuning part by document fold; it
  prints log loss, AUC and P / R / F1 at the threshold the shipped rule picks on those gold
  probabilities, per corpus and their mean; ``--ablate`` then the same with each of `FAMILIES` left out.

Features are hashed from their template and values (`skillgap.extract.features.feature_slot`),
the same slots the run time computes with numpy.
Run: ``pip install -e '.[train]' && python scripts/train_verifier.py [--data DIR] [--out FILE] [--by-corpus [--ablate]]``.
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

from accuracy import DEFAULT_DATA, Span, dataturks, dotin, green, load_vocab, locate, map_vocab, skillspan  # noqa: E402
from splits import gold_skill_sets  # noqa: E402

from skillgap import Document, SkillExtractor, load_taxonomy, read_document  # noqa: E402
from skillgap.extract.features import CONVENTION, Feature  # noqa: E402
from skillgap.extract.verify import REBUILD, VerifierModel, load_verifier, save_verifier  # noqa: E402


@dataclass(frozen=True)
class Setting:
    """The fit's two choices: the L2 strength (``c``, scikit-learn's inverse) and the scale of the
    skill-identity features (`IDENTITY`), which L2 then penalises ``1 / identity_scale**2`` as much."""

    c: float
    identity_scale: float


BITS = 18
FOLDS = 5
#: Templates reading these keys name the skill itself (its id, the matched text): `Setting.identity_scale` shrinks them.
IDENTITY = frozenset({"id", "t"})
#: The settings ``--search`` compares (see the module docstring for the rule that chose `SETTING`).
SEARCH = (Setting(0.03, 1.0), Setting(0.1, 1.0), Setting(0.3, 1.0), Setting(0.1, 0.1), Setting(0.1, 0.3), Setting(0.1, 3.0))
#: The setting every build fits at, chosen by ``--search`` (module docstring): out-of-fold log loss
#: 0.2330 against 0.2383 for the previous C=0.1 and 0.2392-0.2584 for the others (2026-12-07 data).
SETTING = Setting(0.3, 1.0)
#: Thresholds the previous rule (`argmax_threshold`) tried, and the F1 curve each build prints.
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(4, 20))
#: The fine grid of the bootstrap rule and of the best F1 the calibrated rule halves.
GRID = tuple(round(0.01 * i, 2) for i in range(5, 96))
#: dotin / DataTurks spans whose skill matches are negatives: titles, firms, schools, names, places.
#: Not ``Degree``: a degree's field of study counts as a skill in our gold ("BSc - Computer Science",
#: "Bachelor of Science, Marketing"), so its matches give no example.
OTHER_LABELS = ("Designation", "Companies worked at", "College Name", "Name", "Location")
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
    #: The document an example comes from (its corpus and number): what `perturbations` resample or leave out.
    document: list[str]
    fold: list[int]
    features: list[list[Feature]]
    label: list[int]
    weight: list[float]
    #: What the gold scores: one skill in one document (mentions of the same skill share it), and its label.
    group: list[str]
    group_label: list[int]
    #: Each corpus's document kind (``posting``, ``resume``): the run-time convention `held_out` scores it under.
    kinds: dict[str, str] = dataclasses.field(default_factory=dict)

    def add(self, corpus: str, document: int, features: list[Feature], label: int, weight: float, group: str = "", group_label: int = 0) -> None:
        self.document.append(f"{corpus}#{document}")
        self.group.append(group)
        self.group_label.append(group_label)
        self.corpus.append(corpus)
        self.fold.append(document % FOLDS)
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
        out.kinds[name] = t.kind
        document = Document(source=f"{name} #{i}", kind=t.kind, text=t.text)  # type: ignore[arg-type]
        candidates = extractor.candidates(document)
        marked = {t.text[a:b].lower() for _, a, b, _ in candidates if _overlaps(a, b, t.positive)}
        for _, start, end, features in candidates:
            label = label_text(t, start, end, t.text[start:end].lower() in marked)
            if label is not None:
                out.add(name, i, [((keys, (name, *values[1:])) if keys[0] == CONVENTION else (keys, values)) for keys, values in features], label, weight)


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
            out.kinds[f"gold-{kind}"] = kind
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
                out.add(f"gold-{kind}", n, features, label, GOLD_WEIGHT, f"{kind}{n}|{m.skill_id}", int(m.skill_id in gold_ids))
            n += 1
    return n


def build(data: Path, extractor: SkillExtractor, log: Callable[[str], None]) -> Examples:
    """Every example of every corpus found under ``data`` (a missing corpus is skipped, and said)."""
    out = Examples([], [], [], [], [], [], [], [])
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


def prf_curve(y: numpy.ndarray, p: numpy.ndarray, grid: Sequence[float], w: numpy.ndarray | None = None) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Precision, recall and F1 of keeping ``p >= t`` for each threshold ``t`` of ``grid`` (each row
    counted ``w`` times, default once; 0 where undefined)."""
    w = numpy.ones(len(y)) if w is None else w
    kept = p[None, :] >= numpy.array(grid)[:, None]
    tp, n_kept, n_pos = kept @ (w * (y == 1)), kept @ w, float(w[y == 1].sum())
    precision = numpy.divide(tp, n_kept, out=numpy.zeros(len(tp)), where=n_kept > 0)
    recall = tp / n_pos if n_pos else numpy.zeros(len(tp))
    return precision, recall, numpy.divide(2 * precision * recall, precision + recall, out=numpy.zeros(len(tp)), where=precision + recall > 0)


def prf(y: numpy.ndarray, p: numpy.ndarray, threshold: float, w: numpy.ndarray | None = None) -> tuple[float, float, float]:
    """Precision, recall and F1 of keeping ``p >= threshold`` (`prf_curve` at one threshold)."""
    precision, recall, f1 = prf_curve(y, p, (threshold,), w)
    return float(precision[0]), float(recall[0]), float(f1[0])


@dataclass(frozen=True)
class Units:
    """What the threshold is chosen on: per gold (document, skill), its label, the best probability
    of its candidates (a skill is reported when one passes, as benchmarks/accuracy.py scores the
    gold), how many times it counts and its document; every example when there is no gold."""

    y: numpy.ndarray
    p: numpy.ndarray
    w: numpy.ndarray
    document: tuple[str, ...]


def units(examples: Examples, probabilities: numpy.ndarray, rows: numpy.ndarray | None = None, count: numpy.ndarray | None = None) -> Units:
    """The `Units` of ``rows`` (default: every example), a document's units counted ``count[row]`` times."""
    rows = numpy.arange(len(examples.label)) if rows is None else rows
    count = numpy.ones(len(examples.label)) if count is None else count
    best: dict[str, list] = {}
    for i, p in zip(rows.tolist(), probabilities.tolist()):
        if examples.group[i]:
            entry = best.setdefault(examples.group[i], [examples.group_label[i], 0.0, count[i], examples.document[i]])
            entry[1] = max(entry[1], p)
    if not best:  # no gold: every example is a unit
        best = {str(i): [examples.label[i], p, count[i], examples.document[i]] for i, p in zip(rows.tolist(), probabilities.tolist())}
    found = [best[k] for k in sorted(best)]
    return Units(numpy.array([int(v[0]) for v in found]), numpy.array([v[1] for v in found]), numpy.array([float(v[2]) for v in found]), tuple(v[3] for v in found))


def f1_curve(u: Units, grid: Sequence[float], w: numpy.ndarray | None = None) -> numpy.ndarray:
    """F1 of the units at each threshold of ``grid`` (units counted ``w`` times, default ``u.w``): `prf_curve`'s."""
    return prf_curve(u.y, u.p, grid, u.w if w is None else w)[2]


def argmax_threshold(u: Units) -> float:
    """The previous rule, kept for comparison (``--perturb``): the best F1 over `THRESHOLDS`, ties the higher."""
    scores = f1_curve(u, THRESHOLDS)
    return max(THRESHOLDS, key=lambda t: (round(float(scores[THRESHOLDS.index(t)]), 4), t))


def bootstrap_threshold(u: Units, draws: int = 200) -> float:
    """The mean, over ``draws`` bootstrap resamples of the documents (seeded), of the best-F1 threshold on `GRID`."""
    rng = numpy.random.default_rng(0)
    names = sorted(set(u.document))
    at = numpy.array([names.index(d) for d in u.document])
    picks = []
    for _ in range(draws):
        times = numpy.bincount(rng.integers(0, len(names), len(names)), minlength=len(names))[at]
        scores = f1_curve(u, GRID, u.w * times)
        picks.append(GRID[int(numpy.flatnonzero(scores >= scores.max() - 1e-12)[-1])])
    return round(float(numpy.mean(picks)), 2)


def calibrated_threshold(u: Units) -> float:
    """The shipped rule: half the best F1 of the units over `GRID`, rounded to 0.01. For calibrated
    probabilities the F1-optimal threshold is half the best F1 (Lipton et al. 2014), and the best F1
    of a flat curve moves far less than where on the curve it sits (module docstring)."""
    return round(float(f1_curve(u, GRID).max()) / 2, 2)


#: Threshold rules ``--perturb`` compares; `calibrated_threshold` is the one every build uses.
RULES: dict[str, Callable[[Units], float]] = {
    "argmax (before)": argmax_threshold,
    "bootstrap mean": bootstrap_threshold,
    "half best F1": calibrated_threshold,
    "fixed 0.50": lambda u: 0.5,
}


@dataclass(frozen=True)
class Fit:
    """What one setting gives: the model refitted on everything, the out-of-fold probabilities of
    every example, and the fold models' weights and intercepts (for the churn figure)."""

    final: VerifierModel
    oof: numpy.ndarray
    fold_weights: tuple[tuple[numpy.ndarray, float], ...]


def identity_slots(features: Sequence[Sequence[Feature]], bits: int) -> numpy.ndarray:
    """Mask of the weight slots that a skill-identity feature (a template reading `IDENTITY`) hashes to."""
    probe = VerifierModel(weights=numpy.zeros(1), intercept=0.0, bits=bits, threshold=0.5)
    mask = numpy.zeros(1 << bits, dtype=bool)
    slots = {probe.index(f) for names in features for f in names if IDENTITY.intersection(f[0])}
    mask[list(slots)] = True
    return mask


def used_slots(x, identity: numpy.ndarray, setting: Setting) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The slots some example of ``x`` sets (the other slots' weights stay 0: fit without them, 4x
    fewer) and each one's column scale (``setting.identity_scale`` on the identity slots)."""
    used = numpy.flatnonzero(x.getnnz(axis=0))
    return used, numpy.where(identity, setting.identity_scale, 1.0)[used]


def fit_setting(x, y: numpy.ndarray, w: numpy.ndarray, folds: numpy.ndarray, identity: numpy.ndarray, setting: Setting) -> Fit:
    """Out-of-fold probabilities (each fold scored by a model fitted without it), then the model on
    everything. Columns of identity slots are scaled by ``setting.identity_scale`` in the fit and the
    weights scaled back, so the run time scores the same sums (a slot has one scale, collisions too)."""
    from scipy.sparse import diags

    used, scale = used_slots(x, identity, setting)
    xs = x[:, used] @ diags(scale)

    def slots(coef: numpy.ndarray) -> numpy.ndarray:
        out = numpy.zeros(x.shape[1])
        out[used] = coef * scale
        return out

    oof, fold_weights = numpy.zeros(len(y)), []
    for k in range(FOLDS):
        test = folds == k
        if test.any() and (~test).any() and len(set(y[~test])) == 2:
            model = fit(xs[~test], y[~test], w[~test], setting.c)
            oof[test] = model.predict_proba(xs[test])[:, 1]
            fold_weights.append((slots(model.coef_[0]), float(model.intercept_[0])))
    model = fit(xs, y, w, setting.c)
    weights = slots(model.coef_[0]).astype(numpy.float32).astype(numpy.float64)
    final = VerifierModel(weights=weights, intercept=float(numpy.float32(model.intercept_[0])), bits=x.shape[1].bit_length() - 1, threshold=0.5)
    return Fit(final, oof, tuple(fold_weights))


def choose_threshold(examples: Examples, oof: numpy.ndarray) -> tuple[float, dict[float, float]]:
    """The threshold by `calibrated_threshold` on the out-of-fold `units`, and their F1 at it and at each of `THRESHOLDS`."""
    u = units(examples, oof)
    threshold = calibrated_threshold(u)
    at = sorted({*THRESHOLDS, threshold})
    return threshold, dict(zip(at, f1_curve(u, at).tolist()))


def log_loss(y: numpy.ndarray, p: numpy.ndarray, w: numpy.ndarray) -> float:
    """Weighted mean negative log-likelihood of the labels (the fit's own objective, out of fold)."""
    p = numpy.clip(p, 1e-9, 1 - 1e-9)
    return float(-numpy.average(y * numpy.log(p) + (1 - y) * numpy.log(1 - p), weights=w))


#: Feature families for ``--by-corpus --ablate``: a template belongs to each family one of its keys is in
#: (the convention's own templates, ``corpus`` alone or with a dropped key, go with the key).
FAMILIES: dict[str, frozenset[str]] = {
    "section": frozenset({"sec", "d"}),
    "casing, capitalised run": frozenset({"case", "cap", "capr", "len"}),
    "neighbour words": frozenset({"l1", "r1", "l2", "r2", "lw", "rw"}),
    "neighbour classes": frozenset({"l1c", "r1c"}),
    "list item": frozenset({"item", "near"}),
    "governor": frozenset({"gov", "prep"}),
    "document domain": frozenset({"dn", "dcat", "dkind", "dtop", "rep"}),
    "skill kind, category": frozenset({"k", "c"}),
    "match form": frozenset({"m", "n", "fz", "rule", "compound"}),
    "skill identity": IDENTITY,
}


@dataclass(frozen=True)
class HeldOut:
    """The figures of one held-out part: its examples, log loss, AUC, and P / R / F1 at the threshold."""

    name: str
    examples: int
    log_loss: float
    auc: float
    precision: float
    recall: float
    f1: float


def runtime_convention(examples: Examples, features: Sequence[Sequence[Feature]]) -> list[list[Feature]]:
    """``features`` with each example's corpus convention replaced by the run-time one (``gold-<kind>``):
    what the shipped model applies to a document of an unseen corpus."""
    return [
        [((keys, (f"gold-{examples.kinds[c]}", *values[1:])) if keys[0] == CONVENTION else (keys, values)) for keys, values in names]
        for c, names in zip(examples.corpus, features)
    ]


def held_out(examples: Examples, bits: int, setting: Setting = SETTING, drop: frozenset[str] = frozenset()) -> tuple[float, float, list[HeldOut]]:
    """The domain-shift yardstick: each span corpus left out in turn (fitted on the others and the
    gold tuning part, scored under the run-time convention), then the gold tuning part by document
    fold (fitted on every corpus and the other gold folds). Returns the threshold the shipped rule
    picks on those gold probabilities, the F1 per gold (document, skill) at it, and the figures of
    each corpus and of the gold examples; ``drop``:
    keys whose templates are left out (`FAMILIES`)."""
    from scipy.sparse import diags
    from sklearn.metrics import roc_auc_score

    features = [[f for f in names if not drop.intersection(f[0])] for names in examples.features]
    x, xr = matrix(features, bits), matrix(runtime_convention(examples, features), bits)
    y, w, folds, corpus = numpy.array(examples.label), numpy.array(examples.weight), numpy.array(examples.fold), numpy.array(examples.corpus)
    gold = numpy.char.startswith(corpus.astype(str), "gold-")
    used, scale = used_slots(x, identity_slots(features, bits), setting)
    xs, xrs = x[:, used] @ diags(scale), xr[:, used] @ diags(scale)
    p = numpy.zeros(len(y))
    spans = sorted(set(examples.corpus) - set(corpus[gold]))
    parts = [corpus == name for name in spans] + [gold & (folds == k) for k in range(FOLDS)]
    for test in parts:
        if test.any() and len(set(y[~test])) == 2:
            p[test] = fit(xs[~test], y[~test], w[~test], setting.c).predict_proba(xrs[test])[:, 1]
    rows = numpy.flatnonzero(gold)
    u = units(examples, p[rows], rows) if rows.size else None
    threshold = calibrated_threshold(u) if u is not None else 0.5
    out = []
    for name, sel in [(name, corpus == name) for name in spans] + [("gold (by fold)", gold)]:
        if sel.any():
            auc = float(roc_auc_score(y[sel], p[sel])) if len(set(y[sel])) == 2 else float("nan")
            out.append(HeldOut(name, int(sel.sum()), log_loss(y[sel], p[sel], w[sel]), auc, *prf(y[sel], p[sel], threshold)))
    return threshold, prf(u.y, u.p, threshold, u.w)[2] if u is not None else float("nan"), out


def report_held_out(threshold: float, unit_f1: float, parts: Sequence[HeldOut], log: Callable[[str], None]) -> None:
    """Print `held_out`'s table and the mean of its rows."""
    log(f"held out (each corpus left out, scored under the run-time convention; the gold tuning part by document fold): threshold {threshold:.2f}, F1 per gold unit {unit_f1:.3f}")
    for h in parts:
        log(f"  {h.name:<15} {h.examples:>6} examples  log loss {h.log_loss:.4f}  AUC {h.auc:.3f}  P {h.precision:.3f} R {h.recall:.3f} F1 {h.f1:.3f}")
    mean = [numpy.nanmean([getattr(h, k) for h in parts]) for k in ("log_loss", "auc", "precision", "recall", "f1")]
    log(f"  {'mean':<15} {'':>6}           log loss {mean[0]:.4f}  AUC {mean[1]:.3f}  P {mean[2]:.3f} R {mean[3]:.3f} F1 {mean[4]:.3f}")


@dataclass(frozen=True)
class ChurnTexts:
    """Candidates of unlabelled-for-us dev texts (the Glassdoor dev postings and the DataTurks résumés
    that `benchmarks/speed_extract.py` times) as a feature matrix, and how many rows are postings'."""

    x: object
    postings: int
    texts: int


def churn_texts(data: Path, extractor: SkillExtractor, bits: int) -> ChurnTexts | None:
    """The churn texts' candidates (None when the files are absent)."""
    from speed_extract import texts

    try:
        found, n_postings = texts(data)
    except FileNotFoundError:
        return None
    rows: list[list[Feature]] = []
    for i, text in enumerate(found):
        document = Document(source=f"churn #{i}", kind="posting" if i < n_postings else "resume", text=text)
        rows.extend(features for *_, features in extractor.candidates(document))
        if i == n_postings - 1:
            postings = len(rows)
    return ChurnTexts(matrix(rows, bits), postings, len(found))


def verdicts(texts: ChurnTexts, weights: numpy.ndarray, intercept: float, threshold: float) -> numpy.ndarray:
    """Which candidates of ``texts`` a model keeps at ``threshold``."""
    return texts.x @ weights + intercept >= numpy.log(threshold / (1 - threshold))


def churn(texts: ChurnTexts, result: Fit, threshold: float) -> tuple[list[int], list[int]]:
    """Per fold: the candidates of the postings / résumés whose verdict (kept or dropped at
    ``threshold``) differs between the final model and the model fitted without that fold."""
    final = verdicts(texts, result.final.weights, result.final.intercept, threshold)
    flips = [final != verdicts(texts, weights, intercept, threshold) for weights, intercept in result.fold_weights]
    return [int(f[: texts.postings].sum()) for f in flips], [int(f[texts.postings :].sum()) for f in flips]


def perturbations(examples: Examples) -> list[tuple[str, numpy.ndarray]]:
    """Small realistic changes of the training data, each as how many times every example counts:
    every corpus's documents bootstrapped (3 seeds), one fold of the gold tuning documents left out
    (5), one corpus's documents bootstrapped (SkillSpan, dotin)."""
    document, corpus, fold = numpy.array(examples.document), numpy.array(examples.corpus), numpy.array(examples.fold)
    names, at = numpy.unique(document, return_inverse=True)

    def resampled(seed: int, only: str | None = None) -> numpy.ndarray:
        rng, times = numpy.random.default_rng(seed), numpy.ones(len(names))
        for name in sorted(set(examples.corpus)) if only is None else [only]:
            own = numpy.flatnonzero(numpy.char.startswith(names.astype(str), name + "#"))
            times[own] = numpy.bincount(rng.integers(0, len(own), len(own)), minlength=len(own))
        return times[at]

    gold = numpy.char.startswith(corpus.astype(str), "gold-")
    return [
        *((f"bootstrap of every corpus's documents, seed {s}", resampled(s)) for s in (1, 2, 3)),
        *((f"gold tuning fold {k} left out", numpy.where(gold & (fold == k), 0.0, 1.0)) for k in range(FOLDS)),
        *((f"{name} documents bootstrapped, seed 1", resampled(1, name)) for name in ("skillspan", "dotin") if name in examples.corpus),
    ]


def perturb(examples: Examples, x, base: Fit, identity: numpy.ndarray, texts: ChurnTexts | None, log: Callable[[str], None]) -> None:
    """Refit at `SETTING` under each of `perturbations` and print, per rule of `RULES`, the threshold
    it picks and the churn: the dev texts' candidates whose verdict differs from the unperturbed
    build's (its model at its own pick of that rule), then each rule's spread over them."""
    y, w, folds = numpy.array(examples.label), numpy.array(examples.weight), numpy.array(examples.fold)
    u = units(examples, base.oof)
    picked = {name: [rule(u)] for name, rule in RULES.items()}
    flipped: dict[str, list[int]] = {name: [] for name in RULES}
    log("perturbations (refit at SETTING; per rule: threshold, churn on the dev texts against the unperturbed build):")
    log("  unperturbed: " + "; ".join(f"{name} {ts[0]:.2f}" for name, ts in picked.items()))
    for label, count in perturbations(examples):
        rows = numpy.flatnonzero(count > 0)
        result = fit_setting(x[rows], y[rows], (w * count)[rows], folds[rows], identity, SETTING)
        pu, said = units(examples, result.oof, rows, count), []
        for name, rule in RULES.items():
            t = rule(pu)
            picked[name].append(t)
            if texts is not None:
                flipped[name].append(int((verdicts(texts, base.final.weights, base.final.intercept, picked[name][0]) != verdicts(texts, result.final.weights, result.final.intercept, t)).sum()))
            said.append(f"{name} {t:.2f}" + (f" ({flipped[name][-1]})" if texts is not None else ""))
        log(f"  {label}: " + "; ".join(said))
    log("spread per rule (thresholds over the unperturbed build and every perturbation; out-of-fold F1 per gold unit at its unperturbed pick; mean churn):")
    for name, ts in picked.items():
        mean_churn = f"{numpy.mean(flipped[name]):.0f}" if flipped[name] else "-"
        log(f"  {name:<16} {ts[0]:.2f}  range {min(ts):.2f}-{max(ts):.2f}  SD {numpy.std(ts):.3f}  gold F1 {prf(u.y, u.p, ts[0], u.w)[2]:.3f}  churn {mean_churn}")


def train(examples: Examples, bits: int, log: Callable[[str], None], texts: ChurnTexts | None = None, search: bool = False, perturbed: bool = False) -> VerifierModel:
    """Fit at `SETTING` (or, with ``search``, print every setting of `SEARCH` first), choose the
    threshold out of fold, print the out-of-fold figures per corpus and the churn figure (and,
    with ``perturbed``, the threshold rules' spread under `perturbations`)."""
    x = matrix(examples.features, bits)
    y, w = numpy.array(examples.label), numpy.array(examples.weight)
    folds, corpus = numpy.array(examples.fold), numpy.array(examples.corpus)
    identity = identity_slots(examples.features, bits)
    if search:
        log("settings (out of fold: weighted log loss over every example, F1 per gold tuning skill at its threshold; churn on the dev texts):")
        for setting in SEARCH:
            result = fit_setting(x, y, w, folds, identity, setting)
            threshold, scores = choose_threshold(examples, result.oof)
            flips = [a + b for a, b in zip(*churn(texts, result, threshold))] if texts else []
            log(f"  C={setting.c:<5} identity scale {setting.identity_scale:<4}  log loss {log_loss(y, result.oof, w):.4f}  gold F1 {scores[threshold]:.3f} at {threshold:.2f}  churn {sum(flips) / max(1, len(flips)):.0f} {flips}")
    result = fit_setting(x, y, w, folds, identity, SETTING)
    threshold, scores = choose_threshold(examples, result.oof)
    log("out-of-fold F1 per (gold tuning document, skill) by threshold: " + " ".join(f"{t:.2f}:{scores[t]:.3f}" for t in THRESHOLDS))
    log(f"chosen: threshold {threshold:.2f} (half the best out-of-fold F1 per gold unit); C={SETTING.c}, identity scale {SETTING.identity_scale}; out-of-fold log loss {log_loss(y, result.oof, w):.4f}")
    u = units(examples, result.oof)
    for what, (cy, cp, cw) in (("per gold unit", (u.y, u.p, u.w)), ("per example, weighted", (y, result.oof, w))):
        bins = numpy.minimum((cp * 5).astype(int), 4)
        log(f"calibration out of fold {what} (probability bin: count, mean probability, share positive): " + "  ".join(
            f"{k / 5:.1f}-{(k + 1) / 5:.1f}: {int((bins == k).sum())}, {numpy.average(cp[bins == k], weights=cw[bins == k]):.2f}, {numpy.average(cy[bins == k], weights=cw[bins == k]):.2f}"
            for k in range(5) if (bins == k).any()))
    log("out-of-fold figures per corpus at that threshold (baseline: keep every candidate):")
    for name in sorted(set(examples.corpus)):
        sel = corpus == name
        p, r, f = prf(y[sel], result.oof[sel], threshold)
        p0, r0, f0 = prf(y[sel], numpy.ones(sel.sum()), 0.5)
        log(f"  {name:<12} {sel.sum():>6} examples  P {p:.3f} R {r:.3f} F1 {f:.3f}   (all kept: P {p0:.3f} R {r0:.3f} F1 {f0:.3f})")
    if texts is not None and result.fold_weights:
        postings, resumes = churn(texts, result, threshold)
        log(
            f"churn: of {texts.x.shape[0]} candidates of {texts.texts} dev texts, verdicts that differ between this model and each fold's"
            f" (fitted without that fold): postings {postings}, résumés {resumes}, mean {(sum(postings) + sum(resumes)) / len(postings):.0f}"
        )
    else:
        log("churn: skipped (no dev texts under --data, or too few folds)")
    if perturbed:
        perturb(examples, x, result, identity, texts, log)
    return dataclasses.replace(result.final, threshold=threshold)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--out", type=Path, default=_REPO / "taxonomy" / "models" / "verifier.npz", help="the model file to write")
    parser.add_argument("--taxonomy", type=Path, nargs="*", help="taxonomy files or folders (default: the shipped one)")
    parser.add_argument("--bits", type=int, default=BITS, help=f"hashing size, 2**bits slots (default {BITS})")
    parser.add_argument("--search", action="store_true", help="first print the out-of-fold figures and churn of every setting in SEARCH (about 10x slower)")
    parser.add_argument("--perturb", action="store_true", help="then print the threshold rules' picks and churn under small changes of the data (about 10x slower)")
    parser.add_argument("--by-corpus", action="store_true", help="print the held-out-corpus table (`held_out`) instead of building (about 2x a build's fits)")
    parser.add_argument("--ablate", action="store_true", help="with --by-corpus: then the table's mean with each of FAMILIES left out")
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
    if args.by_corpus:
        report_held_out(*held_out(examples, args.bits), print)
        for family, keys in FAMILIES.items() if args.ablate else ():
            threshold, unit_f1, parts = held_out(examples, args.bits, drop=keys)
            print(f"without {family}:")
            report_held_out(threshold, unit_f1, parts, print)
        return 0
    texts = churn_texts(args.data, extractor, args.bits)
    model = train(examples, args.bits, print, texts, search=args.search, perturbed=args.perturb)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_verifier(model, out)
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
