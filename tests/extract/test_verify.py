"""The learned mention verifier: model file, probabilities, explanations, errors and the training script."""

from __future__ import annotations

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
