"""The mention verifier: the probability that a candidate match means the taxonomy's skill.

A logistic model over hashed context features (`skillgap.extract.features`): each feature
is hashed into ``2**bits`` slots, a candidate's score is the intercept plus the sum of
its slots' weights, its probability the logistic of that. Weights, intercept, hashing size and
the threshold below which a match is dropped live in ``taxonomy/models/verifier.npz``, rebuilt
by ``python scripts/train_verifier.py``; run time is numpy only.
"""

from __future__ import annotations

import functools
import os
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy

from ..errors import TaxonomyError
from ..taxonomy import shipped_taxonomy_dir
from .features import Feature, Rows, feature_name, feature_slot, hashed_rows

#: The shipped model, relative to the taxonomy folder.
MODEL_PATH = "models/verifier.npz"
#: The command that rebuilds it (named in every error about it).
REBUILD = "pip install -e '.[train]' && python scripts/train_verifier.py"
FORMAT = 2  # 2: features hashed by template and values (`features.feature_slot`), not by name
MAX_SLOTS = 500_000


@dataclass(frozen=True)
class Contribution:
    """One feature's share of a candidate's score (log-odds)."""

    name: str
    weight: float


@dataclass(frozen=True)
class Explanation:
    """Why the verifier kept or dropped a match: its probability against the threshold and the
    features that weighed most, largest first."""

    skill_id: str
    text: str
    probability: float
    threshold: float
    intercept: float
    features: tuple[Contribution, ...]

    @property
    def kept(self) -> bool:
        return self.probability >= self.threshold

    def __str__(self) -> str:
        verdict = "kept" if self.kept else "dropped"
        head = f"{self.text!r} -> {self.skill_id}: p={self.probability:.3f} ({verdict}; threshold {self.threshold:.2f}, intercept {self.intercept:+.2f})"
        return "\n".join([head, *(f"  {c.weight:+.2f}  {c.name}" for c in self.features)])


@dataclass(frozen=True)
class VerifierModel:
    """Weights of the hashed features, intercept, hashing size and threshold (see the module doc)."""

    weights: numpy.ndarray
    intercept: float
    bits: int
    threshold: float
    #: Slots of the features seen so far by `probabilities` (emptied past `MAX_SLOTS`).
    _slots: dict[Feature, int] = field(default_factory=dict, repr=False, compare=False)

    def index(self, feature: Feature) -> int:
        """The weight slot of a feature."""
        return feature_slot(feature, self.bits)

    def _slot(self, feature: Feature) -> int:
        slot = self._slots.get(feature)
        if slot is None:
            if len(self._slots) >= MAX_SLOTS:
                self._slots.clear()
            slot = self._slots[feature] = self.index(feature)
        return slot

    def probabilities(self, features: Sequence[Sequence[Feature]]) -> numpy.ndarray:
        """Probability of each candidate given its features spelled out (`DocFeatures.names`)."""
        if not features:
            return numpy.zeros(0)
        slot = self._slot
        lengths = numpy.fromiter((len(f) for f in features), dtype=numpy.int64, count=len(features))
        slots = numpy.fromiter((slot(n) for f in features for n in f), dtype=numpy.int64, count=int(lengths.sum()))
        starts = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))
        return self._logistic(numpy.add.reduceat(self.weights[slots], starts))

    def row_probabilities(self, rows: Rows) -> numpy.ndarray:
        """Probability of each candidate given its rows of values (`DocFeatures.rows`): the same as
        `probabilities` of its spelled-out features, hashed and summed for the document at once."""
        slots, bag = hashed_rows(rows, self.bits)
        weights = self.weights
        return self._logistic(weights[slots].sum(axis=1) + numpy.where(bag >= 0, weights[bag], 0.0).sum(axis=1))

    def _logistic(self, scores: numpy.ndarray) -> numpy.ndarray:
        return 1.0 / (1.0 + numpy.exp(-(scores + self.intercept)))

    def explain(self, skill_id: str, text: str, features: Sequence[Feature], top: int = 8) -> Explanation:
        """The ``top`` features that moved this candidate's score most."""
        weights: dict[str, float] = {}
        for feature in features:
            name = feature_name(feature)
            weights[name] = weights.get(name, 0.0) + float(self.weights[self.index(feature)])
        score = self.intercept + sum(weights.values())
        ranked = sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:top]
        return Explanation(
            skill_id=skill_id,
            text=text,
            probability=float(1.0 / (1.0 + numpy.exp(-score))),
            threshold=self.threshold,
            intercept=self.intercept,
            features=tuple(Contribution(n, round(w, 4)) for n, w in ranked),
        )


def save_verifier(model: VerifierModel, path: str | Path) -> None:
    """Write a model file: only the non-zero weights, compressed (a few hundred kB)."""
    nonzero = numpy.flatnonzero(model.weights)
    numpy.savez_compressed(
        path,
        format=numpy.array(FORMAT),
        bits=numpy.array(model.bits),
        intercept=numpy.array(model.intercept),
        threshold=numpy.array(model.threshold),
        slots=nonzero.astype(numpy.int32),
        values=model.weights[nonzero].astype(numpy.float32),
    )


def default_model_path() -> Path:
    """The shipped model file."""
    return shipped_taxonomy_dir() / MODEL_PATH


def load_verifier(path: str | Path | None = None) -> VerifierModel:
    """Read a model file (default: the shipped one); a missing or broken one raises `TaxonomyError`.
    Read once per file version: a file rewritten since (a retrain in this process) is read again."""
    name = str(path or default_model_path())
    try:
        stat = os.stat(name)
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = None  # `_load` says what is wrong with it
    return _load(name, version)


@functools.lru_cache(maxsize=4)
def _load(path: str, version: tuple[int, int] | None) -> VerifierModel:
    fix = f"rebuild it with `{REBUILD}`, or pass verify=False"
    try:
        with numpy.load(path, allow_pickle=False) as data:
            if int(data["format"]) != FORMAT:
                raise TaxonomyError(f"verifier model format {int(data['format'])}, expected {FORMAT}", source=path, fix=fix)
            bits = int(data["bits"])
            slots, values = data["slots"], data["values"]
            if not 8 <= bits <= 26 or slots.shape != values.shape or (len(slots) and (slots.min() < 0 or slots.max() >= 1 << bits)):
                raise TaxonomyError("verifier model weights do not fit its hashing size", source=path, fix=fix)
            weights = numpy.zeros(1 << bits, dtype=numpy.float64)
            weights[slots] = values
            model = VerifierModel(weights=weights, intercept=float(data["intercept"]), bits=bits, threshold=float(data["threshold"]))
    except TaxonomyError:
        raise
    except FileNotFoundError:
        raise TaxonomyError("the verifier model file is missing", source=path, fix=fix) from None
    except (OSError, ValueError, KeyError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
        raise TaxonomyError(f"cannot read the verifier model ({type(exc).__name__}: {exc})".replace("\n", " "), source=path, fix=fix) from None
    if not (numpy.isfinite(model.weights).all() and numpy.isfinite(model.intercept) and 0.0 < model.threshold < 1.0):
        raise TaxonomyError("verifier model holds non-finite weights or a threshold outside (0, 1)", source=path, fix=fix)
    return model
