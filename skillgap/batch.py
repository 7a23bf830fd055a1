"""Score and rank many candidates against one job; one result per input, whatever fails.

The job is prepared once (`skillgap.gap.prepare_job`) and the extractor built once; each
candidate then goes through `score_candidate`, a function of (one input, prepared job) that
never raises for a bad input: a file that cannot be read becomes a result with ``error`` set.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .documents.model import Document
from .errors import SkillgapError
from .extract.model import SkillProfile
from .gap import Credits, DocumentInput, GapReport, PostingWeights, PreparedJob, as_path, compare_prepared, prepare_job
from .taxonomy import Role, Taxonomy

if TYPE_CHECKING:
    import pandas as pd

    from .extract import SkillExtractor

#: Columns of the ranking frame, in order.
RANK_COLUMNS = [
    "rank", "candidate", "score", "required_coverage", "preferred_coverage", "relevance", "fit",
    "matched", "missing_required", "error",
]  # fmt: skip
#: The report figures `rank` can sort by (``GapReport`` attributes, higher is better).
RANK_BY = ("score", "fit", "relevance")

JobInput = Union[DocumentInput, Role, PreparedJob]


@dataclass(frozen=True)
class CandidateResult:
    """One candidate's outcome: its report, or a one-line error saying why it could not be scored."""

    source: str
    report: GapReport | None
    error: str | None = None


@dataclass(frozen=True)
class Unreadable:
    """An input that failed before it could be scored (an empty folder); `score_candidate` makes it an error row."""

    source: str
    error: str


def expand_candidates(candidates: DocumentInput | Iterable[DocumentInput]) -> Iterator[DocumentInput | Unreadable]:
    """The inputs one by one, lazily: a folder becomes its files (sorted, hidden ones skipped, not recursive)."""
    if isinstance(candidates, (str, Path, Document, SkillProfile)):
        candidates = [candidates]
    for item in candidates:
        path = as_path(item)
        if path is None or not path.is_dir():
            yield item
            continue
        try:
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        except OSError as exc:
            yield Unreadable(str(item), f"{item}: cannot list the folder: {exc.strerror}")
            continue
        yield from files or [Unreadable(str(item), f"{item}: folder holds no files")]


def source_name(candidate: object, index: int) -> str:
    """How a candidate is named in results: its path or document source, else ``text #n``."""
    if isinstance(candidate, SkillProfile):
        return candidate.document.source
    if isinstance(candidate, (Document, Unreadable)):
        return candidate.source
    if as_path(candidate) is not None:
        return str(candidate)
    return f"text #{index + 1}"


def score_candidate(
    candidate: DocumentInput | Unreadable,
    job: PreparedJob,
    *,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    index: int = 0,
) -> CandidateResult:
    """Compare one candidate to a prepared job; any failure becomes ``error`` (never raised)."""
    source = source_name(candidate, index)
    if isinstance(candidate, Unreadable):
        return CandidateResult(source, None, candidate.error)
    try:
        return CandidateResult(source, compare_prepared(candidate, job, extractor=extractor, credits=credits))
    except SkillgapError as exc:
        return CandidateResult(source, None, _one_line(str(exc)))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch; the row says what happened
        return CandidateResult(source, None, _one_line(f"{source}: unexpected {type(exc).__name__}: {exc}"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def score_candidates(
    candidates: DocumentInput | Iterable[DocumentInput],
    job: JobInput,
    *,
    taxonomy: Taxonomy | None = None,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    weights: PostingWeights = PostingWeights(),
) -> Iterator[CandidateResult]:
    """Yield one `CandidateResult` per input (folders expanded), in input order, whatever fails.

    The job is prepared once, before the first candidate (a job that cannot be read raises: it
    is not one candidate's problem); the extractor is built on the first input that needs it
    and reused (`skillgap.gap.default_extractor`).
    """
    prepared = prepare_job(job, taxonomy=taxonomy, extractor=extractor, weights=weights)
    for i, candidate in enumerate(expand_candidates(candidates)):
        yield score_candidate(candidate, prepared, extractor=extractor, credits=credits, index=i)


def rank(
    candidates: DocumentInput | Iterable[DocumentInput],
    job: JobInput,
    *,
    taxonomy: Taxonomy | None = None,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    weights: PostingWeights = PostingWeights(),
    by: str = "score",
) -> pd.DataFrame:
    """Rank candidates (paths, folders, texts, documents or profiles) against a posting or role.

    One row per input: rank, candidate, score (0..100), required and preferred coverage
    (0..1), relevance (0..1), fit (0..100), number of matched requirements, missing required
    skills (comma-joined labels) and the error. Sorted by ``by`` (one of `RANK_BY`; highest
    first; ties keep input order and share a rank); inputs that failed come last with NaN
    figures and their error.
    """
    check_rank_by(by)
    results = score_candidates(candidates, job, taxonomy=taxonomy, extractor=extractor, credits=credits, weights=weights)
    return ranking_frame(results, by=by)


def check_rank_by(by: str) -> None:
    """Raise `SkillgapError` unless ``by`` names a figure `rank` can sort by (checked before any work)."""
    if by not in RANK_BY:
        raise SkillgapError(f"cannot rank by {by!r}", fix=f"use by= one of {', '.join(RANK_BY)}")


def ranking_frame(results: Iterable[CandidateResult], *, by: str = "score") -> pd.DataFrame:
    """The ranking table of `rank` built from results in input order (also for parallel runs)."""
    import pandas as pd

    check_rank_by(by)
    rows = []
    for r in results:
        rep = r.report
        rows.append(
            {
                "candidate": r.source,
                "score": rep.score if rep else float("nan"),
                "required_coverage": rep.required_coverage if rep else float("nan"),
                "preferred_coverage": rep.preferred_coverage if rep else float("nan"),
                "relevance": rep.relevance if rep else float("nan"),
                "fit": rep.fit if rep else float("nan"),
                "matched": len(rep.by_status("matched")) if rep else pd.NA,
                "missing_required": ", ".join(rep.summary().missing_required) if rep else None,
                "error": r.error,
            }
        )
    frame = pd.DataFrame(rows, columns=RANK_COLUMNS[1:])
    frame["matched"] = frame["matched"].astype("Int64")
    frame = frame.sort_values(by, ascending=False, kind="stable", na_position="last").reset_index(drop=True)
    frame.insert(0, "rank", frame[by].rank(method="min", ascending=False).astype("Int64"))
    return frame
