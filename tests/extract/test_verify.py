"""The learned mention verifier: model file, probabilities, explanations, errors and the training script."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from skillgap.errors import TaxonomyError
from skillgap.extract import SkillExtractor
from skillgap.extract.verify import Explanation, default_model_path, load_verifier

REPO = Path(__file__).resolve().parents[2]
TEXT = (
    "Data Analyst\n"
    "Skills: Python, SQL, R, Tableau\n"
    "Built forecasting models in Python and presented results to stakeholders.\n"
    "Worked at Northwind Communications Ltd on the Corporate Strategy Group.\n"
)


@pytest.fixture(scope="module")
def verified() -> SkillExtractor:
    return SkillExtractor()


def test_shipped_model_loads_from_the_package_taxonomy_folder():
    path = default_model_path()
    assert path.is_file() and path.parent.name == "models"
    model = load_verifier()
    assert model.bits == 18 and model.weights.shape == (1 << 18,)
    assert 0.0 < model.threshold < 1.0
    assert path.stat().st_size < 3_000_000


def test_probabilities_are_deterministic_and_above_threshold(verified):
    first = verified.extract(TEXT, kind="resume")
    second = SkillExtractor().extract(TEXT, kind="resume")
    stated = [m for m in first.mentions if m.method != "implied"]
    assert [(m.skill_id, m.probability) for m in stated] == [(m.skill_id, m.probability) for m in second.mentions if m.method != "implied"]
    threshold = load_verifier().threshold
    assert all(m.probability is not None and threshold <= m.probability <= 1.0 for m in stated)
    assert all(m.probability is None for m in first.mentions if m.method == "implied")
    assert {"python", "sql"} <= set(first.skill_ids)


def test_verify_false_keeps_the_matcher_rules_and_carries_no_probability():
    off = SkillExtractor(verify=False).extract(TEXT, kind="resume")
    assert off.skill_ids[:4] == ("python", "sql", "r", "tableau")
    assert all(m.probability is None for m in off.mentions)


def test_explain_names_the_features_that_decided(verified):
    profile = verified.extract(TEXT, kind="resume")
    mention = next(m for m in profile.mentions if m.skill_id == "python")
    why = verified.explain(profile, mention)
    assert isinstance(why, Explanation)
    assert why.skill_id == "python" and why.text == "Python" and why.kept
    assert abs(why.probability - mention.probability) < 1e-9
    assert 1 <= len(why.features) <= 8
    assert all(abs(a.weight) >= abs(b.weight) for a, b in zip(why.features, why.features[1:]))
    text = str(why)
    assert text.startswith("'Python' -> python: p=") and why.features[0].name in text


def test_extract_many_in_worker_processes_verifies_as_in_one(verified):
    texts = [TEXT, "We need Python and SQL. " + "Our company is great. " * 20, "hanging out in one of our collaboration spaces"]
    one = [p.mentions for p in verified.extract_many(texts, kind="posting")]
    two = [p.mentions for p in verified.extract_many(texts, kind="posting", n_process=2, batch_size=1)]
    assert one == two and [m.skill_id for m in one[1] if m.method != "implied"] == ["python", "sql"]


def test_explain_needs_a_verifying_extractor(verified):
    off = SkillExtractor(verify=False)
    profile = off.extract(TEXT, kind="resume")
    with pytest.raises(ValueError, match="verify=False"):
        off.explain(profile, profile.mentions[0])


@pytest.mark.parametrize("content", [None, b"not a model", b"PK\x03\x04broken zip"])
def test_missing_or_corrupt_model_raises_a_clear_error(tmp_path, content):
    path = tmp_path / "verifier.npz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TaxonomyError) as err:
        SkillExtractor(verifier_model=path)
    message = str(err.value)
    assert str(path) in message and "scripts/train_verifier.py" in message and "verify=False" in message



def test_a_model_file_rewritten_in_this_process_is_read_again(tmp_path):
    """The loader caches per file version, so a retrain in the same process (the training
    script's threshold pass) never reads the previous weights back."""
    import os

    import numpy

    from skillgap.extract.verify import VerifierModel, save_verifier

    path = tmp_path / "v.npz"
    save_verifier(VerifierModel(weights=numpy.zeros(1 << 8), intercept=0.5, bits=8, threshold=0.8), path)
    assert load_verifier(path).threshold == 0.8
    save_verifier(VerifierModel(weights=numpy.zeros(1 << 8), intercept=0.5, bits=8, threshold=0.85), path)
    stamp = path.stat().st_mtime_ns + 1_000_000_000  # a coarse clock may give both writes the same time
    os.utime(path, ns=(stamp, stamp))
    assert load_verifier(path).threshold == 0.85

def _tiny_corpus(root: Path) -> None:
    """A SkillSpan-shaped fixture: a few sentences with knowledge spans, nothing else."""
    rows = []
    for i in range(12):
        rows.append({"idx": i, "tokens": ["Experience", "with", "Python", "and", "SQL", "."], "tags_skill": ["O"] * 6, "tags_knowledge": ["O", "O", "B", "O", "B", "O"]})
        rows.append({"idx": i, "tokens": ["Join", "our", "Go", "live", "team", "at", "Spark", "Ltd", "."], "tags_skill": ["O"] * 9, "tags_knowledge": ["O"] * 9})
        rows.append({"idx": i, "tokens": ["Strong", "communication", "skills", "in", "R", "."], "tags_skill": ["O", "B", "I", "O", "O", "O"], "tags_knowledge": ["O", "O", "O", "O", "B", "O"]})
    folder = root / "skill_annotations" / "skillspan"
    folder.mkdir(parents=True)
    for name in ("skillspan_train.json", "skillspan_dev.json"):
        (folder / name).write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_training_script_runs_on_a_tiny_corpus_and_is_deterministic(tmp_path):
    pytest.importorskip("sklearn", reason="the training script needs the train extra (scikit-learn)")
    _tiny_corpus(tmp_path)
    outs = []
    for name in ("a.npz", "b.npz"):
        out = tmp_path / name
        run = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "train_verifier.py"), "--data", str(tmp_path), "--out", str(out), "--bits", "12"],
            capture_output=True, text=True, cwd=REPO, timeout=300,
        )
        assert run.returncode == 0, run.stderr
        assert "skillspan: 24 texts" in run.stdout and "green: skipped" in run.stdout
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    model = load_verifier(tmp_path / "a.npz")
    assert model.bits == 12 and 0.0 < model.threshold < 1.0
    out = tmp_path / "c.npz"  # --perturb only reports: the same model, and each rule's spread
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_verifier.py"), "--data", str(tmp_path), "--out", str(out), "--bits", "12", "--perturb"],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == outs[0] and "gold tuning fold 4 left out" in run.stdout
    assert f"{'half best F1':<16} {model.threshold:.2f}  range" in run.stdout



def _gold_copy(shared: Path, root: Path, validation: bool) -> None:
    """``root`` as a data folder holding the gold set of ``shared`` (documents linked, the jsonl
    files copied); without ``validation``, the validation part's documents are absent and its
    records keep only their file names, so nothing of that part can reach the training."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from splits import gold_skill_sets

    records = [r for rs in gold_skill_sets(shared).values() for r in rs]
    for r in records:
        if validation or r["part"] == "tuning":
            link = root / Path(r["path"]).relative_to(shared)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(r["path"])
    hidden = {r["path"] for r in records if r["part"] == "validation"}
    for name in ("postings.jsonl", "resumes.jsonl", "vocab.txt", "varied/postings.jsonl", "varied/resumes.jsonl", "varied/postings_source.tsv"):
        lines = (shared / "gold" / name).read_text(encoding="utf-8").splitlines(keepends=True)
        if not validation and name.startswith("varied/") and name.endswith(".jsonl"):
            rows = [json.loads(line) for line in lines if line.strip()]
            lines = [json.dumps({"doc": r["doc"]} if str(shared / "gold" / "varied" / r["doc"]) in hidden else r) + "\n" for r in rows]
        (root / "gold" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "gold" / name).write_text("".join(lines), encoding="utf-8")


def test_the_threshold_and_weights_are_chosen_without_the_gold_validation_part(shared_data, tmp_path):
    """Every choice is made out of fold on the training data: with the validation documents absent
    and their labels blanked the script builds the same bytes, and it prints no validation figure."""
    pytest.importorskip("sklearn", reason="the training script needs the train extra (scikit-learn)")
    outs = []
    for validation in (True, False):
        root = tmp_path / str(validation)
        _gold_copy(shared_data, root, validation)
        out = root / "v.npz"
        run = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "train_verifier.py"), "--data", str(root), "--out", str(out), "--bits", "14"],
            capture_output=True, text=True, cwd=REPO, timeout=600,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        said = run.stdout.replace(str(root), "DATA")  # the folder's name holds this test's
        assert "gold tuning part: 58 documents" in said and "validation" not in said.lower()
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert 0.2 <= load_verifier(tmp_path / "False" / "v.npz").threshold <= 0.95


def test_the_shipped_model_is_what_the_training_script_builds_from_the_shared_data(shared_data):
    """The model file is data rebuilt by a script: a change to the features, the rules or the
    taxonomy that moves the training examples must come with the rebuilt file (`--check` rebuilds
    it into a temporary file and compares)."""
    pytest.importorskip("sklearn", reason="the training script needs the train extra (scikit-learn)")
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_verifier.py"), "--check", "--data", str(shared_data), "--out", str(default_model_path())],
        capture_output=True, text=True, cwd=REPO, timeout=900,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert run.stdout.rstrip().endswith("is what this code builds from the data")

LIST_TEXT = (
    "Skills\n* Python, SQL and R\n* Excel - PowerPoint | Tableau\n"
    "Worked at Northwind Communications Ltd with the C-suite on pre-Spark pipelines;\n"
    "experience in design of data pipelines (Hadoop, Hive   and\n  Spark) preferred.\n"
)


def test_scoring_a_document_at_once_equals_scoring_each_spelled_out_feature(verified):
    """`row_probabilities` (numpy over the document) and `probabilities` (each feature by name) agree,
    and the array form of the list-item and hyphen flags gives `context.is_item`/`is_compound`'s verdicts."""
    from skillgap.extract import context
    from skillgap.extract.features import _FIELD, _N, _PAIRS, Candidate

    document = verified.extract(LIST_TEXT, kind="resume").document
    view = verified._view(document, verified.nlp(document.text))
    raw = list(verified.pipeline.matches(view.doc))
    tokens = {i for m in raw for i in range(m.start, m.end)}
    features = view.features(verified, raw, tokens)
    candidates = [Candidate(m.start, m.end, m.skill_id, m.method, m.ambiguous, True, m.score) for m in raw]
    assert len(candidates) >= 8
    model = verified.verifier
    fast = model.row_probabilities(features.rows(candidates)).tolist()
    slow = model.probabilities([features.names(c) for c in candidates]).tolist()
    assert fast == pytest.approx(slow, abs=1e-12)
    values, _ = features.rows(candidates)
    kw = dict(skill_tokens=tokens, cues=verified.pipeline.cues, cue_spans=view.cue_spans, clauses=view.clauses)
    for c, row in zip(candidates, values.tolist()):
        both, one = context.is_item(view.doc, c.start, c.end, **kw), context.is_item(view.doc, c.start, c.end, both=False, **kw)
        assert row[_FIELD["item"]] == _PAIRS[both][one], (c, both, one)
        assert row[_FIELD["compound"]] == _N[context.is_compound(view.doc, c.start, c.end)], c


def test_word_flags_by_binary_search_match_the_tokens_attributes_and_set_membership(verified):
    """`WordFlags` (the features' shapes, stop-word, separator and dash flags) says what the tokens'
    attributes and set look-ups say, on a real doc, for words seen before and new ones alike."""
    from skillgap.extract.features import _ALPHA, _HYPHEN, _NUM, _SEPARATOR, _STOP, _TITLE, _UPPER, WordFlags

    cues, stop = verified.pipeline.cues, verified.pipeline.stop_words
    flags = WordFlags(stop, cues.list_separators)
    for text in (LIST_TEXT, TEXT + " C-suite – 42 items; | NEW words"):
        doc = verified.nlp(text)
        array = verified._view(verified.extract(text, kind="resume").document, doc).clauses.array
        got = flags.of(array[:, 0], array[:, 1], doc.vocab).tolist()
        expected = [
            sum(bit for bit, on in zip((_ALPHA, _TITLE, _UPPER, _NUM, _STOP, _SEPARATOR, _HYPHEN), (
                t.is_alpha, t.is_title, t.is_upper, t.like_num, t.lower_ in stop, t.lower_ in cues.list_separators, t.text in ("-", "–"))) if on)
            for t in doc
        ]  # fmt: skip
        assert got == expected
    assert sum(f & _SEPARATOR > 0 for f in got) >= 2 and sum(f & _HYPHEN > 0 for f in got) == 2



def test_rule_rejected_candidates_are_dropped_and_kept_ones_carry_their_candidate_probability(verified):
    """The verifier only drops matches (so the rules' rejects are not scored at run time): an ambiguous
    name the context rules reject is a candidate but no mention, and each mention carries the
    probability `candidates` gives its match."""
    text = "Our R work plans; we use Python, SQL and R daily."
    candidates = verified.candidates(text, kind="resume")
    assert [(m.skill_id, start) for m, start, _, _ in candidates] == [("python", 25), ("sql", 33), ("r", 4), ("r", 41)]
    probabilities = verified.verifier.probabilities([f for *_, f in candidates]).tolist()
    scored = {(m.skill_id, start): p for (m, start, _, _), p in zip(candidates, probabilities)}
    found = [(m.skill_id, m.start, m.probability) for m in verified.extract(text, kind="resume").mentions if m.method != "implied"]
    assert [(s, start) for s, start, _ in found] == [("python", 25), ("sql", 33)]
    for skill, start, probability in found:
        assert probability == pytest.approx(scored[skill, start], abs=1e-12)


def test_governing_word_and_preposition_before_a_candidate(verified):
    """The nearest word before a candidate that is no stop word governs it, the nearest stop word
    between them is its preposition; a line break, a clause edge or six tokens end the look back."""
    from spacy.strings import hash_string

    from skillgap.extract.features import _FIELD, _H, Candidate

    text = "Strong experience in SQL.\nPython\nWe rely on it for the work with all of our SQL, and of the of the of the Tableau"
    document = verified.extract(text, kind="resume").document
    view = verified._view(document, verified.nlp(text))
    raw = list(verified.pipeline.matches(view.doc))
    tokens = {i for m in raw for i in range(m.start, m.end)}
    features = view.features(verified, raw, tokens)
    values, _ = features.rows([Candidate(m.start, m.end, m.skill_id, m.method, m.ambiguous, True, m.score) for m in raw])
    found = {view.doc[m.start : m.end].text: (row[_FIELD["gov"]], row[_FIELD["prep"]]) for m, row in zip(raw, values.tolist())}
    dash = _H["-"]
    assert found["SQL"] == (hash_string("work"), hash_string("our"))  # the last SQL: "work with all of our" (the first one's is overwritten)
    assert found["Python"] == (dash, dash)  # alone on its line
    assert found["Tableau"] == (dash, hash_string("the"))  # six stop words and no word before it


def test_churn_counts_the_candidates_whose_verdict_a_fold_model_flips():
    """The churn figure: per fold, postings' and résumés' candidates kept by one of the final model
    and the model fitted without that fold but not by the other (at the chosen threshold)."""
    pytest.importorskip("scipy")
    import numpy
    from scipy.sparse import csr_matrix

    sys.path.insert(0, str(REPO / "scripts"))
    import train_verifier as tv
    from skillgap.extract.verify import VerifierModel

    x = csr_matrix(numpy.array([[1, 0], [0, 1], [1, 1], [0, 0]], dtype=float))  # 2 postings' candidates, then 2 résumés'
    texts = tv.ChurnTexts(x, postings=2, texts=3)
    final = VerifierModel(weights=numpy.array([2.0, -1.0]), intercept=0.0, bits=1, threshold=0.5)  # scores 2, -1, 1, 0
    folds = ((numpy.array([2.0, -1.0]), 0.0), (numpy.array([-1.0, 2.0]), 0.0), (numpy.array([0.0, 0.0]), -0.5))
    result = tv.Fit(final, numpy.zeros(0), folds)
    assert tv.churn(texts, result, 0.5) == ([0, 2, 1], [0, 0, 2])
    assert tv.churn(texts, result, 0.75) == ([0, 2, 1], [0, 0, 0])  # logit(0.75) = 1.1: of the résumés, none passes in any


def test_a_batch_of_documents_gives_each_candidate_the_rows_its_document_gives_alone(verified, shared_data):
    """`FeatureBatch` lays documents end to end: no look-around (words, bag, governor, list item,
    hyphen, capitals) crosses into the next document, and a candidate at a text's very edge reads
    the edge as it does alone; extracting the batch gives each document its own mentions and probabilities."""
    import csv

    import numpy

    from skillgap import Document
    from skillgap.extract.features import Candidate, FeatureBatch

    with open(shared_data / "job_postings/glassdoor_ds_jobs__dev.csv", encoding="utf-8", newline="") as fh:
        postings = [row["Job Description"] for row, _ in zip(csv.DictReader(fh), range(6))]
    texts = ["Python", *postings, "", LIST_TEXT, "SQL, R\n\nExcel - Tableau", TEXT + "C-suite", "R"]
    documents = [Document(source=str(i), kind="posting", text=t) for i, t in enumerate(texts)]  # "" too: a doc of no token

    def parts(extractor):
        out = []
        for document in documents:
            view = extractor._view(document, extractor.nlp(document.text))
            raw = list(extractor.pipeline.matches(view.doc))
            tokens = {i for m in raw for i in range(m.start, m.end)}
            candidates = [Candidate(m.start, m.end, m.skill_id, m.method, m.ambiguous, m.start % 2 == 0, m.score) for m in raw]
            out.append((view.features(extractor, raw, tokens), candidates, len(view.doc)))
        return out

    together = parts(verified)
    FeatureBatch([f for f, _, _ in together])
    values, bag = together[0][0].batch.rows([(f, c, [x.rule for x in c]) for f, c, _ in together if c])
    alone = [f.rows(c) for f, c, _ in parts(verified) if c]  # each in a batch of its own
    assert numpy.array_equal(values, numpy.concatenate([v for v, _ in alone])) and numpy.array_equal(bag, numpy.concatenate([b for _, b in alone]))
    edges = [(c.start == 0, c.end == n) for _, cs, n in together for c in cs]
    assert (True, True) in edges and sum(a for a, _ in edges) >= 3 and sum(b for _, b in edges) >= 3
    assert len(values) >= 100 and together[1][0].base == 3  # "Python": one token and its pads before
    batched = [p.mentions for p in verified.extract_many(documents, batch_size=len(texts))]
    assert batched == [p.mentions for d in documents for p in verified.extract_many([d])]
    assert sum(m.method != "implied" for ms in batched for m in ms) >= 60


def test_documents_are_verified_in_groups_of_a_bounded_number_of_tokens(verified, monkeypatch):
    """However large ``batch_size`` is, the documents verified together hold at most `VERIFY_TOKENS`
    tokens (a longer one alone), in order; the mentions are those of one document at a time."""
    from skillgap.extract import pipeline

    texts = [TEXT, LIST_TEXT * 3, "We use Python.", LIST_TEXT, TEXT * 2, LIST_TEXT * 4]
    assert [len(verified.nlp(verified.extract(t, kind="posting").document.text)) for t in texts] == [36, 149, 4, 49, 73, 199]  # as read
    sizes: list[list[int]] = []
    found_many = pipeline.SkillExtractor._found_many
    monkeypatch.setattr(pipeline, "VERIFY_TOKENS", 160)
    monkeypatch.setattr(pipeline.SkillExtractor, "_found_many", lambda self, views, collect=None: sizes.append([len(v.doc) for v in views]) or found_many(self, views, collect))
    grouped = [p.mentions for p in verified.extract_many(texts, kind="posting", batch_size=len(texts))]
    assert sizes == [[36], [149, 4], [49, 73], [199]]
    monkeypatch.undo()
    assert grouped == [verified.extract(t, kind="posting").mentions for t in texts]


def _train_verifier():
    sys.path.insert(0, str(REPO / "scripts"))
    import train_verifier

    return train_verifier


def test_the_threshold_is_half_the_best_f1_wherever_on_a_flat_curve_the_best_sits():
    """The threshold rule (Lipton et al. 2014: for calibrated probabilities the F1-optimal threshold
    is half the best F1) reads the best F1's value, not where it is: moving one unit within a flat
    curve jumps the previous rule's argmax and leaves the rule's pick."""
    import numpy

    tv = _train_verifier()
    u = tv.Units(numpy.array([1, 1, 0, 1]), numpy.array([0.9, 0.7, 0.6, 0.2]), numpy.ones(4), ("a", "a", "b", "b"))
    # kept at t <= 0.2: all 4, P 3/4 R 1, F1 6/7 = 0.857; at 0.6 < t <= 0.7: P 1 R 2/3, F1 0.8
    assert tv.calibrated_threshold(u) == 0.43 and tv.argmax_threshold(u) == 0.2
    flat = tv.Units(numpy.array([1] * 21 + [0]), numpy.array([0.95] * 20 + [0.5, 0.7]), numpy.ones(22), ("d",) * 22)
    moved = dataclasses.replace(flat, w=numpy.array([1.0] * 21 + [2.0]))  # the negative at 0.7 counted twice
    # keeping all: F1 42/43 = 0.977 -> 42/44 = 0.955; above 0.7: 40/41 = 0.976 both
    assert tv.argmax_threshold(flat) == 0.5 and tv.argmax_threshold(moved) == 0.95
    assert tv.calibrated_threshold(flat) == tv.calibrated_threshold(moved) == 0.49
    heavy = dataclasses.replace(u, w=numpy.array([1.0, 1.0, 3.0, 1.0]))  # the negative counted 3 times: all kept gives F1 0.667
    assert tv.prf(heavy.y, heavy.p, 0.1, heavy.w) == (0.5, 1.0, pytest.approx(2 / 3))
    assert tv.f1_curve(heavy, (0.1, 0.65, 0.85)).tolist() == pytest.approx([2 / 3, 0.8, 0.5])


def test_a_held_out_corpus_is_fitted_without_its_examples_and_scored_under_the_run_time_convention():
    """`held_out`: a corpus left out is fitted on the others and the gold, and its examples read
    ``corpus:gold-<kind>`` (its own convention was never fitted); the gold is left out by document fold.
    Corpus "a" labels by word ``x``, its bias says nothing: scored under the gold's convention it is
    told apart as the gold is; dropping the ``x`` templates leaves every held-out AUC at 0.5."""
    pytest.importorskip("sklearn")
    import numpy

    tv = _train_verifier()
    examples = tv.Examples([], [], [], [], [], [], [], [])
    for corpus in ("a", "gold-posting"):
        examples.kinds[corpus] = "posting"
        for d in range(20):
            for label in (0, 1, 1):
                features = [(("corpus",), (corpus,)), (("corpus", "k"), (corpus, "tool")), (("x",), (str(label),)), (("k",), ("tool",))]
                examples.add(corpus, d, features, label, 1.0, f"{d}|{label}" if corpus != "a" else "", label)
    runtime = tv.runtime_convention(examples, examples.features)
    assert runtime[0] == [(("corpus",), ("gold-posting",)), (("corpus", "k"), ("gold-posting", "tool")), (("x",), ("0",)), (("k",), ("tool",))]
    assert runtime[-1] == examples.features[-1]  # the gold keeps its own
    threshold, unit_f1, parts = tv.held_out(examples, 12)
    assert [(h.name, h.examples, h.auc, h.precision, h.recall) for h in parts] == [("a", 60, 1.0, 1.0, 1.0), ("gold (by fold)", 60, 1.0, 1.0, 1.0)]
    assert threshold == 0.5 and unit_f1 == 1.0
    _, _, blind = tv.held_out(examples, 12, drop=frozenset({"x"}))
    assert [h.auc for h in blind] == [0.5, 0.5] and all(h.log_loss > parts[0].log_loss for h in blind)


def test_the_perturbations_resample_whole_documents_and_leave_out_one_gold_fold():
    """`--perturb`'s data changes: a bootstrap counts every example of one document the same number
    of times (and as many documents as the corpus has in all); a left-out gold fold zeroes exactly
    that fold's gold examples."""
    import numpy

    tv = _train_verifier()
    examples = tv.Examples([], [], [], [], [], [], [], [])
    for corpus, docs in (("skillspan", 7), ("gold-posting", 10)):
        for d in range(docs):
            for _ in range(d % 3 + 1):
                examples.add(corpus, d, [], d % 2, 1.0)
    found = dict(tv.perturbations(examples))
    assert len(found) == 3 + tv.FOLDS + 1  # no dotin examples: its bootstrap is skipped
    document, fold = numpy.array(examples.document), numpy.array(examples.fold)
    for count in (found["bootstrap of every corpus's documents, seed 1"], found["skillspan documents bootstrapped, seed 1"]):
        per_doc = {d: set(count[document == d].tolist()) for d in set(examples.document)}
        assert all(len(v) == 1 for v in per_doc.values())
        assert sum(next(iter(v)) for d, v in per_doc.items() if d.startswith("skillspan#")) == 7
    assert set(found["skillspan documents bootstrapped, seed 1"][numpy.char.startswith(document, "gold-")].tolist()) == {1.0}
    left = found["gold tuning fold 2 left out"]
    assert numpy.array_equal(left == 0, numpy.char.startswith(document, "gold-") & (fold == 2))


def test_a_degree_span_of_dotin_gives_its_field_of_study_no_negative_example(shared_data):
    """dotin marks degrees ("BSc - Computer Science"); our gold counts a degree's field of study as a
    skill, so a match inside a Degree span is no negative: no example, or a positive where the
    résumé marks the same words as a skill elsewhere (its Designation, firm and school spans stay negative)."""
    sys.path.insert(0, str(REPO / "scripts"))
    sys.path.insert(0, str(REPO / "benchmarks"))
    import train_verifier as tv
    from accuracy import dotin

    texts = tv.zipped(dotin(shared_data), dotin(shared_data, tv.OTHER_LABELS), "resume", same_words=True)
    labels = []
    for t, (_, degrees) in zip(texts, dotin(shared_data, ("Degree",))):
        for a, b in degrees:
            k = t.text.find("Computer Science", a, b)
            if k >= 0:
                labels.append((tv.label_text(t, k, k + 16, marked=False), tv.label_text(t, k, k + 16, marked=True)))
    assert labels == [(None, 1)] * 55  # on the old labels every one was a negative, (0, 0)
