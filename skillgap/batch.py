"""Score and rank many candidates against one job; one result per input, whatever fails.

The job is prepared once (`skillgap.gap.prepare_job`) and the extractor built once; each
candidate then goes through `score_candidate`, a function of (one input, prepared job) that
never raises for a bad input: a file that cannot be read becomes a result with ``error`` set.

Batches stream: inputs are taken from the iterable as they are needed and results are yielded
as they come, so memory stays flat with the number of candidates. With ``n_process=1`` and no
``timeout`` everything runs in this process and texts go through ``nlp.pipe`` in batches of
``batch_size``. Otherwise each candidate is read and its skills extracted in worker processes
(`skillgap.parallel.imap_ordered`; taxonomy and pipeline built once per worker): a file that
runs past ``timeout`` seconds or kills its worker becomes an error row and the batch goes on.
The comparison with the job, which is cheap, happens in this process on the returned mentions.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .documents.model import Document
from .documents.paths import as_path
from .errors import SkillgapError
from .extract.model import Mention, SkillProfile
from .gap import Credits, DocumentInput, GapReport, PostingWeights, PreparedJob, compare_prepared, default_extractor, prepare_job
from .parallel import imap_ordered
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
        if path is None or not _is_dir(path):
            yield item
            continue
        try:
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        except OSError as exc:
            yield Unreadable(str(item), f"{item}: cannot list the folder: {exc.strerror}")
            continue
        yield from files or [Unreadable(str(item), f"{item}: folder holds no files")]


def _is_dir(path: Path) -> bool:
    """``path.is_dir()``, False (not an OSError) for a text too long to be a file name."""
    try:
        return path.is_dir()
    except OSError:
        return False


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
    source: str | None = None,
) -> CandidateResult:
    """Compare one candidate to a prepared job; any failure becomes ``error`` (never raised).

    ``source`` names the candidate in the result (default: `source_name` of the input).
    """
    source = source or source_name(candidate, index)
    if isinstance(candidate, Unreadable):
        return CandidateResult(source, None, candidate.error)
    try:
        return CandidateResult(source, compare_prepared(candidate, job, extractor=extractor, credits=credits))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch; the row says what happened
        return CandidateResult(source, None, failure(source, exc))


def failure(source: str, exc: BaseException) -> str:
    """A candidate's one-line error: skillgap's own errors as they read, others marked unexpected."""
    text = str(exc) if isinstance(exc, SkillgapError) else f"{source}: unexpected {type(exc).__name__}: {exc}"
    return " ".join(text.split())


def score_candidates(
    candidates: DocumentInput | Iterable[DocumentInput],
    job: JobInput,
    *,
    taxonomy: Taxonomy | None = None,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    weights: PostingWeights = PostingWeights(),
    n_process: int | None = 1,
    timeout: float | None = None,
    batch_size: int = 64,
) -> Iterator[CandidateResult]:
    """Yield one `CandidateResult` per input (folders expanded), in input order, whatever fails.

    The job is prepared once, before the first candidate (a job that cannot be read raises: it
    is not one candidate's problem). ``n_process`` worker processes read and extract the
    candidates (``None``: one per CPU); ``timeout`` is the most seconds one candidate may take
    (past it, its worker is stopped and the row says so; it needs worker processes, so it
    starts one even with ``n_process=1``). Worker processes build their own extractor with the
    same taxonomy and fuzzy settings; a custom ``nlp`` pipeline is used only in this process.
    In a script, call this under ``if __name__ == "__main__":`` when using worker processes.
    """
    prepared = prepare_job(job, taxonomy=taxonomy, extractor=extractor, weights=weights)
    items = enumerate(expand_candidates(candidates))
    if n_process == 1 and timeout is None:
        extractor = extractor or default_extractor(prepared.taxonomy)
        profiled = profiles_here(items, extractor, batch_size)
    else:
        profiled = _profiles_in_workers(items, extractor, prepared.taxonomy, n_process, timeout)
    return results_of(profiled, prepared, credits)


Profiled = Iterator[tuple[int, Any, "SkillProfile | str"]]


def results_of(profiled: Profiled, prepared: PreparedJob, credits: Credits) -> Iterator[CandidateResult]:
    """`CandidateResult`s of (index, input, profile or error) triples: the comparison step."""
    for index, candidate, got in profiled:
        source = source_name(candidate, index)
        if isinstance(got, str):
            yield CandidateResult(source, None, got)
        else:
            yield score_candidate(got, prepared, credits=credits, index=index, source=source)


def profiles_here(items: Iterable[tuple[int, Any]], extractor: SkillExtractor, batch_size: int) -> Profiled:
    """(index, input, profile or error) in this process: each batch read, then one ``nlp.pipe``."""
    while batch := list(itertools.islice(items, max(1, batch_size))):
        read = [(i, c, _read(c, source_name(c, i))) for i, c in batch]
        documents = [d for _, _, d in read if isinstance(d, Document)]
        profiles = iter(_extract_batch(documents, extractor))
        for i, c, got in read:
            yield i, c, next(profiles) if isinstance(got, Document) else got


def _read(candidate: Any, source: str) -> Document | SkillProfile | str:
    """The candidate as a Document (or the profile it already is), or its one-line error."""
    if isinstance(candidate, Unreadable):
        return candidate.error
    if isinstance(candidate, (Document, SkillProfile)):
        return candidate
    from .documents import read_document

    try:
        return read_document(as_path(candidate) or candidate, kind="resume")  # as `skillgap.gap.profile_of` reads it
    except Exception as exc:  # noqa: BLE001 - becomes the candidate's error row
        return failure(source, exc)


def _extract_batch(documents: list[Document], extractor: SkillExtractor) -> list[SkillProfile | str]:
    """Profiles of a batch through ``nlp.pipe``; if the batch fails, document by document, so
    only the document at fault becomes an error."""
    try:
        return list(extractor.extract_many(documents, batch_size=max(1, len(documents))))
    except Exception:  # noqa: BLE001 - isolate the failing document below
        out: list[SkillProfile | str] = []
        for d in documents:
            try:
                out.append(extractor.extract(d))
            except Exception as exc:  # noqa: BLE001
                out.append(failure(d.source, exc))
        return out


def _profiles_in_workers(items: Iterable[tuple[int, Any]], extractor: SkillExtractor | None, taxonomy: Taxonomy, n_process: int | None, timeout: float | None) -> Profiled:
    """(index, input, profile or error) from worker processes, in input order; each worker
    builds an extractor like ``extractor`` (its taxonomy and fuzzy settings) or a default one."""
    pending: deque[tuple[int, Any, str]] = deque()

    def payloads() -> Iterator[tuple[Any, ...]]:
        for i, c in items:
            source = source_name(c, i)
            pending.append((i, c, source))
            if isinstance(c, Unreadable):
                yield ("error", c.error)
            elif isinstance(c, SkillProfile):  # already extracted: only its parts travel, not the taxonomy
                yield ("profile", c.document, c.mentions)
            else:
                yield ("read", c, source)

    if extractor is not None:
        taxonomy = extractor.taxonomy
    setup = (taxonomy, extractor_options(extractor))
    outcomes = imap_ordered(work, payloads(), n_process=n_process, timeout=timeout, initializer=init_worker, initargs=setup, max_tasks=WORKER_MAX_TASKS)
    for outcome in outcomes:
        i, c, source = pending.popleft()
        if not outcome.ok:
            yield i, c, f"{source}: {outcome.error}"
        elif outcome.value[0] == "error":
            yield i, c, outcome.value[1]
        else:
            yield i, c, SkillProfile(document=outcome.value[1], mentions=outcome.value[2], taxonomy=taxonomy)


def extractor_options(extractor: SkillExtractor | None) -> dict[str, Any]:
    """The settings another process needs to build an extractor like this one (default: none)."""
    return {} if extractor is None else {"fuzzy": extractor.fuzzy, "fuzzy_cutoff": extractor.fuzzy_cutoff}


#: Documents a worker process reads before it is replaced: spaCy's string store keeps every new
#: word it sees (about 50 MB per 100,000), so a fresh worker now and then keeps memory flat.
WORKER_MAX_TASKS = 2000

_WORKER: SkillExtractor | None = None


def init_worker(taxonomy: Taxonomy, options: dict[str, Any]) -> None:
    """Worker initializer: build the extractor (taxonomy + spaCy pipeline) once per process."""
    global _WORKER
    from .extract import SkillExtractor

    _WORKER = SkillExtractor(taxonomy, **options)


def work(payload: tuple[Any, ...]) -> tuple[str, Any] | tuple[str, Document, tuple[Mention, ...]]:
    """One candidate in a worker: read and extract it; ``("profile", document, mentions)`` or ``("error", message)``."""
    if payload[0] != "read":
        return payload  # type: ignore[return-value]
    assert _WORKER is not None, "init_worker was not run in this process"
    _, candidate, source = payload
    got = _read(candidate, source)
    if isinstance(got, str):
        return ("error", got)
    try:
        profile = _WORKER.extract(got)
    except Exception as exc:  # noqa: BLE001 - becomes the candidate's error row
        return ("error", failure(source, exc))
    return ("profile", profile.document, profile.mentions)


def rank(
    candidates: DocumentInput | Iterable[DocumentInput],
    job: JobInput,
    *,
    taxonomy: Taxonomy | None = None,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    weights: PostingWeights = PostingWeights(),
    by: str = "score",
    n_process: int | None = 1,
    timeout: float | None = None,
    batch_size: int = 64,
) -> pd.DataFrame:
    """Rank candidates (paths, folders, texts, documents or profiles) against a posting or role.

    One row per input: rank, candidate, score (0..100), required and preferred coverage
    (0..1), relevance (0..1), fit (0..100), number of matched requirements, missing required
    skills (comma-joined labels) and the error. Sorted by ``by`` (one of `RANK_BY`; highest
    first; ties keep input order and share a rank); inputs that failed come last with NaN
    figures and their error. ``n_process``, ``timeout`` and ``batch_size`` stream the batch as
    in `score_candidates`.
    """
    check_rank_by(by)
    results = score_candidates(
        candidates, job, taxonomy=taxonomy, extractor=extractor, credits=credits, weights=weights, n_process=n_process, timeout=timeout, batch_size=batch_size
    )
    return ranking_frame(results, by=by)


def check_rank_by(by: str) -> None:
    """Raise `SkillgapError` unless ``by`` names a figure `rank` can sort by (checked before any work)."""
    if by not in RANK_BY:
        raise SkillgapError(f"cannot rank by {by!r}", fix=f"use by= one of {', '.join(RANK_BY)}")


def ranking_frame(results: Iterable[CandidateResult], *, by: str = "score") -> pd.DataFrame:
    """The ranking table of `rank` built from results in input order (also for parallel runs)."""
    return frame_of_rows((ranking_row(r) for r in results), by=by)


def ranking_row(result: CandidateResult) -> dict[str, Any]:
    """One candidate's row of the ranking table (without its rank): small, so 10,000 fit anywhere."""
    import pandas as pd

    rep = result.report
    return {
        "candidate": result.source,
        "score": rep.score if rep else float("nan"),
        "required_coverage": rep.required_coverage if rep else float("nan"),
        "preferred_coverage": rep.preferred_coverage if rep else float("nan"),
        "relevance": rep.relevance if rep else float("nan"),
        "fit": rep.fit if rep else float("nan"),
        "matched": len(rep.by_status("matched")) if rep else pd.NA,
        "missing_required": ", ".join(rep.summary().missing_required) if rep else None,
        "error": result.error,
    }


def frame_of_rows(rows: Iterable[dict[str, Any]], *, by: str = "score") -> pd.DataFrame:
    """Rows of `ranking_row` in input order -> the ranking table sorted by ``by``, with its rank column."""
    import pandas as pd

    check_rank_by(by)
    frame = pd.DataFrame(list(rows), columns=RANK_COLUMNS[1:])
    frame["matched"] = frame["matched"].astype("Int64")
    frame = frame.sort_values(by, ascending=False, kind="stable", na_position="last").reset_index(drop=True)
    frame.insert(0, "rank", frame[by].rank(method="min", ascending=False).astype("Int64"))
    return frame
