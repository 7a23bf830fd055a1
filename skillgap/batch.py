"""Score and rank many candidates against one job; one result per input, whatever fails.

The job is prepared once (`skillgap.gap.prepare_job`) and the extractor built once; each
candidate then goes through `score_candidate`, a function of (one input, prepared job) that
never raises for a bad input: a file that cannot be read becomes a result with ``error`` set.

Batches stream: inputs are taken from the iterable as they are needed and results are yielded
as they come, so memory stays flat with the number of candidates. With ``n_process=1`` and no
``timeout`` everything runs in this process and texts go through ``nlp.pipe`` in batches of
``batch_size``. Otherwise each candidate is read, its skills extracted and its career read in
worker processes (`skillgap.parallel.WorkerPool`), forked from a server that built the shipped
taxonomy's pipeline once (`skillgap.extract.warm`; another taxonomy is built once per worker)
and started before anything else, so this process's own set-up overlaps it (with the shipped
taxonomy a worker prepares the job, as the first item, while the others read candidates): a file that runs past ``timeout``
seconds or kills its worker becomes an error row and the batch goes on.

Where each candidate is compared with the job (`Assessor`: the gap report and the match
model's per-candidate parts, its lexical counts included) depends on what the caller keeps:
`rank` keeps only the table, so each worker prepares the job once and sends back the
candidate's table row and `MatchItem` (about 1 KB), not its document and mentions (4-5 KB);
this process only merges them (BM25's statistics over all candidates, the rank scale, the
table). `rank_candidates` and `score_candidates` keep every report with its document, so their
workers send the profile and the comparison happens here. Either way it is the same step.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .documents.model import Document
from .documents.paths import as_path
from .errors import SkillgapError, one_line
from .extract import PRELOAD
from .extract.model import SkillProfile
from .gap import Credits, DocumentInput, PostingWeights, PreparedJob, compare_prepared, default_extractor, prepare_job, profile_of
from .parallel import WorkerPool
from .ranking import RANK_BY, RANK_COLUMNS, CandidateResult, Ranking, Unreadable, check_rank_by, frame_of_rows, match_row, ranking_row, ranking_table, report_row
from .taxonomy import Role, Taxonomy, load_taxonomy
from .titles import candidate_titles

if TYPE_CHECKING:
    import pandas as pd

    from .extract import SkillExtractor
    from .journal import Journal
    from .match import Match, MatchItem, MatchWeights

__all__ = [  # the ranking names stay importable from here, where they used to live
    "RANK_BY", "RANK_COLUMNS", "CandidateResult", "JobInput", "Ranking", "Unreadable", "check_rank_by", "expand_candidates",
    "frame_of_rows", "match_jobs", "rank", "rank_candidates", "with_matches", "ranking_frame", "ranking_row", "score_candidate", "score_candidates",
]  # fmt: skip

JobInput = Union[DocumentInput, Role, PreparedJob]


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
    as_of: date | None = None,
) -> CandidateResult:
    """Compare one candidate to a prepared job; any failure becomes ``error`` (never raised).

    ``source`` names the candidate in the result (default: `source_name` of the input);
    ``as_of`` is the date current positions run to (default: the résumé's own, see `compare`).
    """
    source = source or source_name(candidate, index)
    if isinstance(candidate, Unreadable):
        return CandidateResult(source, None, candidate.error)
    try:
        return CandidateResult(source, compare_prepared(candidate, job, extractor=extractor, credits=credits, as_of=as_of))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch; the row says what happened
        return CandidateResult(source, None, one_line(exc, source))


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
    journal: str | Path | None = None,
    resume: bool = False,
    as_of: date | None = None,
) -> Iterator[CandidateResult]:
    """Yield one `CandidateResult` per input (folders expanded), in input order, whatever fails.

    The job is prepared once, before the first candidate (a job that cannot be read raises: it
    is not one candidate's problem). ``n_process`` worker processes read and extract the
    candidates (``None``: one per CPU); ``timeout`` is the most seconds one candidate may take
    (past it, its worker is stopped and the row says so; it needs worker processes, so it
    starts one even with ``n_process=1``). Worker processes build their own extractor with the
    same taxonomy and fuzzy settings; a custom ``nlp`` pipeline is used only in this process.
    In a script, call this under ``if __name__ == "__main__":`` when using worker processes.

    ``journal`` (a file path) makes the batch resumable: each finished candidate is appended
    to it as it ends (`skillgap.journal`); with ``resume=True`` the files whose content the
    journal already holds are not read again. The journal stays on disk: remove it
    (`skillgap.journal.discard`) once the output built from these results is written.
    ``as_of`` is the date current positions run to (default: each résumé's own, see `compare`).
    """
    options = dict(taxonomy=taxonomy, extractor=extractor, credits=credits, weights=weights, n_process=n_process, timeout=timeout, batch_size=batch_size, as_of=as_of)
    return (result for result, _ in _scoring(candidates, job, **options, journal=journal, resume=resume)[1])


def _scoring(
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
    journal: str | Path | None = None,
    resume: bool = False,
    as_of: date | None = None,
    meanwhile: Callable[[], object] | None = None,
    matching: Matching | None = None,
) -> tuple[PreparedJob, Iterator[Assessed]]:
    """The prepared job and the stream of `score_candidates` as `Assessed` pairs (with ``matching``,
    each with its match item). Worker processes are started
    first, so that they import spaCy and build their pipelines while this process prepares the
    job and runs ``meanwhile`` (set-up the caller needs later, done while it would only wait).
    With the shipped taxonomy a worker prepares the job instead, as the first item of the
    candidates' stream, so that the other workers read candidates meanwhile. With ``matching``
    whose ``rows`` is set, the workers also compare each candidate with the job (`Assessor`; each
    worker prepares the job once, and this process takes its copy from a worker) and send the
    candidate's table row and match item, not its document."""
    compact = matching is not None and matching.rows
    assessing = (job, weights, credits, as_of, matching) if compact else None
    pool = _start_workers(job, taxonomy, extractor, n_process, timeout, assessing) if n_process != 1 or timeout is not None else None
    record: Journal | None = None
    try:
        if pool is not None and meanwhile is not None:
            meanwhile()
        by_worker = pool is not None and (compact or (taxonomy is None and extractor is None and not isinstance(job, (Role, PreparedJob, SkillProfile))))
        prepared = None if by_worker else prepare_job(job, taxonomy=taxonomy, extractor=extractor, weights=weights)
        # the taxonomy candidates are read with: with the job prepared by a worker, its (the shipped
        # one), which a journal needs before the job comes back
        used = extractor.taxonomy if extractor is not None else prepared.taxonomy if prepared is not None else load_taxonomy() if journal is not None else None
        if journal is not None:
            from .journal import Journal

            assert not compact, "a journal records documents, which compact rows do not carry"
            record = Journal(journal, used, resume=resume)
        digests: deque[str | None] = deque()  # with a journal: one per input handed on, popped per result (both in input order)
        inputs = enumerate(expand_candidates(candidates) if record is None else _looked_up(expand_candidates(candidates), record, digests))
        if pool is not None:
            prepared, profiled = _profiles_in_workers(inputs, pool, used, (job, weights) if by_worker else None, prepared)
        else:
            assert prepared is not None
            profiled = profiles_here(inputs, extractor or default_extractor(prepared.taxonomy), batch_size)
    except BaseException:
        if pool is not None:
            pool.close()
        if record is not None:
            record.close(finished=False)  # written to by no entry yet: the file is left as it was
        raise
    results = assessed_of(profiled, Assessor(prepared, credits, as_of, matching))
    return prepared, results if record is None else _recorded(results, record, digests)


def _looked_up(inputs: Iterable[Any], journal: Journal, digests: deque[str | None]) -> Iterator[Any]:
    """The inputs, those the journal holds (same content, same taxonomy) replaced by their
    journalled outcome; each one's content hash appended to ``digests``."""
    from .journal import content_hash

    for candidate in inputs:
        digest = content_hash(candidate) if isinstance(candidate, (str, Path)) and as_path(candidate) is not None else None
        digests.append(digest)
        found = journal.lookup(digest, str(candidate))
        yield found if found is not None else candidate


def _recorded(results: Iterable[Assessed], journal: Journal, digests: deque[str | None]) -> Iterator[Assessed]:
    """The results, each recorded in ``journal`` (with its input's digest) as it comes."""
    try:
        for assessed in results:
            journal.record(digests.popleft(), assessed[0])
            yield assessed
    finally:
        journal.close(finished=False)


#: (index, input, what reading it gave): its profile, its one-line error, or (read in a worker
#: that compares too) its `Assessed` pair already.
Profiled = Iterator[tuple[int, Any, "SkillProfile | str | Assessed"]]
#: One candidate compared with the job: its `CandidateResult` (or, for a table only, its
#: `report_row`) and its `MatchItem` (None: failed, or no match asked).
Assessed = tuple[Any, "MatchItem | None"]


@dataclass(frozen=True)
class Matching:
    """What a ranking asks of each candidate beyond its comparison: the match model's weights
    (None: the shipped ones) and whether only its table row is wanted (``rows``: `skillgap.rank`,
    whose workers then send rows, not documents)."""

    weights: MatchWeights | None = None
    rows: bool = False


class Assessor:
    """The per-candidate step, wherever the candidate was read: compare it with the prepared job
    and, with ``matching``, compute its `MatchItem` (`MatchBuilder.item`) by a builder of the job's
    text that only computes items; the ranking's own builder merges them."""

    def __init__(self, job: PreparedJob, credits: Credits = Credits(), as_of: date | None = None, matching: Matching | None = None) -> None:
        self.job, self.credits, self.as_of, self.matching = job, credits, as_of, matching
        self.builder = None
        if matching is not None:
            from .match import MatchBuilder  # here, not at the top: numpy is then imported while worker processes start (`rank`)

            self.builder = MatchBuilder(job.text, matching.weights)

    def __call__(self, got: SkillProfile | str, source: str) -> Assessed:
        """The candidate's `Assessed` pair from its profile (or its one-line error)."""
        result = CandidateResult(source, None, got) if isinstance(got, str) else score_candidate(got, self.job, credits=self.credits, source=source, as_of=self.as_of)
        item = self.item(result) if self.builder is not None and result.report is not None else None
        return (report_row(result) if self.matching is not None and self.matching.rows else result), item

    def item(self, result: CandidateResult) -> MatchItem:
        """The match item of a scored result."""
        assert self.builder is not None and result.report is not None
        candidate, job = result.report.candidate, self.job
        return self.builder.item(result.report, candidate.document.text, job.title, candidate_titles(candidate.document, candidate.career), job.asks)


def assessed_of(profiled: Profiled, assess: Assessor) -> Iterator[Assessed]:
    """`Assessed` pairs of (index, input, profile, error or pair) triples: the comparison step, here for what a worker did not compare."""
    for index, candidate, got in profiled:
        yield got if isinstance(got, tuple) else assess(got, source_name(candidate, index))


def results_of(profiled: Profiled, prepared: PreparedJob, credits: Credits, as_of: date | None = None) -> Iterator[CandidateResult]:
    """`CandidateResult`s of (index, input, profile or error) triples: the comparison step without the match model."""
    return (result for result, _ in assessed_of(profiled, Assessor(prepared, credits, as_of)))


def profiles_here(items: Iterable[tuple[int, Any]], extractor: SkillExtractor, batch_size: int, kind: str = "resume") -> Profiled:
    """(index, input, profile or error) in this process: each batch read (as ``kind``), then one ``nlp.pipe``."""
    while batch := list(itertools.islice(items, max(1, batch_size))):
        read = [(i, c, _read(c, source_name(c, i), kind)) for i, c in batch]
        documents = [d for _, _, d in read if isinstance(d, Document)]
        profiles = iter(_extract_batch(documents, extractor))
        for i, c, got in read:
            yield i, c, next(profiles) if isinstance(got, Document) else got


def _read(candidate: Any, source: str, kind: str = "resume") -> Document | SkillProfile | str:
    """The candidate (or posting, ``kind``) as a Document (or the profile it already is), or its one-line error."""
    if isinstance(candidate, Unreadable):
        return candidate.error
    if isinstance(candidate, (Document, SkillProfile)):
        return candidate
    from .documents import read_document

    try:
        return read_document(as_path(candidate) or candidate, kind=kind)  # type: ignore[arg-type]  # as `skillgap.gap.profile_of` reads it
    except Exception as exc:  # noqa: BLE001 - becomes the candidate's error row
        return one_line(exc, source)


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
                out.append(one_line(exc, d.source))
        return out


def _start_workers(job: JobInput, taxonomy: Taxonomy | None, extractor: SkillExtractor | None, n_process: int | None, timeout: float | None, assessing: Assessing | None = None) -> WorkerPool:
    """Worker processes that will read and extract candidates, started now. Each builds an
    extractor like ``extractor`` (its taxonomy and fuzzy settings) or a default one for the
    taxonomy the job will be prepared with; the shipped taxonomy each loads by itself (None).
    With ``assessing`` each also compares the candidates it reads (`init_worker`)."""
    if extractor is not None:
        taxonomy = extractor.taxonomy
    elif taxonomy is None and isinstance(job, (PreparedJob, SkillProfile)):
        taxonomy = job.taxonomy
    setup = (taxonomy, extractor_options(extractor), assessing)
    window = WINDOW * (n_process or os.cpu_count() or 1)
    return WorkerPool(work, n_process=n_process, timeout=timeout, initializer=init_worker, initargs=setup, window=window, max_tasks=WORKER_MAX_TASKS, start_method="forkserver", preload=PRELOAD)


def _profiles_in_workers(items: Iterable[tuple[int, Any]], pool: WorkerPool, taxonomy: Taxonomy | None, job: tuple[DocumentInput, PostingWeights] | None, prepared: PreparedJob | None) -> tuple[PreparedJob, Profiled]:
    """The prepared job and (index, input, profile or error) from the pool's worker processes, in
    input order; the profiles get ``taxonomy`` (the one the workers extracted with, default the
    job's) and the career
    the worker read. With ``job`` (a posting and its weights), a worker prepares it first (with
    the shipped taxonomy: this process then needs no spaCy pipeline of its own), as item 0 of the
    same stream, while the other workers start on the candidates; what it raises is raised here,
    as if the job had been prepared in this process. Else ``prepared`` is the job."""
    pending: deque[tuple[int, Any, str]] = deque()

    def payloads() -> Iterator[tuple[Any, ...]]:
        if job is not None:
            yield ("job", *job)
        for i, c in items:
            source = source_name(c, i)
            pending.append((i, c, source))
            if isinstance(c, Unreadable):
                yield ("error", c.error)
            elif isinstance(c, SkillProfile):  # already extracted: kept here, a marker holds its place in the order
                yield ("profile",)
            else:
                yield ("read", c, source)

    outcomes = pool.imap(payloads())
    if job is not None:
        prepared = _prepared(next(outcomes), job[0])
    assert prepared is not None
    return prepared, _collected(outcomes, pending, taxonomy or prepared.taxonomy, pool)


def _prepared(outcome: Any, job: DocumentInput) -> PreparedJob:
    """The job a worker prepared (``outcome`` of its ``("job", ...)`` payload), or what it raised."""
    if not outcome.ok:
        raise SkillgapError(f"the job could not be prepared in a worker process: {outcome.error}", source=str(job) if as_path(job) else None)
    if outcome.value[0] == "raised":
        raise outcome.value[1]
    return outcome.value[1]  # type: ignore[no-any-return]


def _collected(outcomes: Iterator[Any], pending: deque[tuple[int, Any, str]], taxonomy: Taxonomy, pool: WorkerPool) -> Profiled:
    """The workers' outcomes as (index, input, profile or error), matched with the inputs sent; the pool closed at the end."""
    try:
        for outcome in outcomes:
            i, c, source = pending.popleft()
            if not outcome.ok:
                yield i, c, f"{source}: {outcome.error}"
            elif outcome.value[0] == "error":
                yield i, c, outcome.value[1]
            elif isinstance(c, SkillProfile):
                yield i, c, c
            elif outcome.value[0] == "assessed":
                yield i, c, outcome.value[1]
            else:
                _, document, mentions, career = outcome.value
                profile = SkillProfile(document=document, mentions=mentions, taxonomy=taxonomy)
                profile.__dict__["career"] = career  # what the cached property would compute here, read in the worker instead
                yield i, c, profile
    finally:
        pool.close()


def extractor_options(extractor: SkillExtractor | None) -> dict[str, Any]:
    """The settings another process needs to build an extractor like this one (default: none)."""
    return {} if extractor is None else {"fuzzy": extractor.fuzzy, "fuzzy_cutoff": extractor.fuzzy_cutoff}


#: Inputs per worker process that may be in flight or waiting for an earlier result: while one
#: worker prepares the job (about 0.1 s), the others go on with the candidates behind it (some 30
#: short texts), whose results wait in this process for the job.
WINDOW = 32

#: Documents a worker process reads before it is replaced: spaCy's string store keeps every new
#: word it sees (about 50 MB per 100,000), so a fresh worker now and then keeps memory flat.
WORKER_MAX_TASKS = 2000

#: What a worker needs to compare the candidates it reads (`init_worker`): the job as given, its
#: posting weights, the credits, the date careers run to and the `Matching`.
Assessing = tuple[JobInput, PostingWeights, Credits, "date | None", Matching]

_WORKER: SkillExtractor | None = None
_ASSESSING: Assessing | None = None
_JOB: PreparedJob | Exception | None = None  # the job this worker prepared (or what preparing it raised)
_ASSESSOR: Assessor | None = None


def init_worker(taxonomy: Taxonomy | None, options: dict[str, Any], assessing: Assessing | None = None) -> None:
    """Worker initializer: the extractor (taxonomy, default the shipped one, + spaCy pipeline),
    once per process. With default settings it is the shared one, which a worker forked from the
    preloaded server (`skillgap.extract.warm`) already holds. With ``assessing`` the worker also
    compares what it reads, with the job it prepares itself on first need (`work`)."""
    global _WORKER, _ASSESSING, _JOB, _ASSESSOR
    from .extract.pipeline import SkillExtractor, default_extractor

    _WORKER = SkillExtractor(taxonomy, **options) if options else default_extractor(taxonomy)
    _ASSESSING, _JOB, _ASSESSOR = assessing, None, None


def _worker_job(job: JobInput, weights: PostingWeights) -> PreparedJob:
    """The job prepared in this worker, once (what preparing it raised, raised again each time)."""
    global _JOB
    if _JOB is None:
        try:
            _JOB = prepare_job(job, extractor=_WORKER, weights=weights)
        except Exception as exc:  # noqa: BLE001 - kept: the job item reports it, candidates' items become errors
            _JOB = exc
    if isinstance(_JOB, Exception):
        raise _JOB
    return _JOB


def _worker_assessor() -> Assessor:
    """This worker's `Assessor`, built on its first candidate."""
    global _ASSESSOR
    if _ASSESSOR is None:
        assert _ASSESSING is not None
        job, weights, credits, as_of, matching = _ASSESSING
        _ASSESSOR = Assessor(_worker_job(job, weights), credits, as_of, matching)
    return _ASSESSOR


def work(payload: tuple[Any, ...]) -> tuple[Any, ...]:
    """One candidate in a worker: read and extract it, and read its career (the comparison needs
    it; reading it here keeps that work out of the collecting process);
    ``("profile", document, mentions, career)`` or ``("error", message)``; a worker set up to
    compare (`init_worker`) sends ``("assessed", (row, match item))`` instead of the profile. A
    ``("job", job, weights)`` payload is prepared instead: ``("prepared", PreparedJob)`` or ``("raised", exception)``;
    any other payload (an input's error, an already-extracted profile's marker) comes back as it is."""
    assert _WORKER is not None, "init_worker was not run in this process"
    if payload[0] == "job":
        try:
            return ("prepared", _worker_job(payload[1], payload[2]))
        except Exception as exc:  # noqa: BLE001 - raised again by the process that asked (`_prepared`)
            return ("raised", exc)
    if payload[0] != "read":
        return payload  # type: ignore[return-value]
    _, candidate, source = payload
    got = _read(candidate, source)
    if isinstance(got, str):
        return ("error", got)
    try:
        profile = _WORKER.extract(got)
        assess = _worker_assessor() if _ASSESSING is not None else None
    except Exception as exc:  # noqa: BLE001 - becomes the candidate's error row
        return ("error", one_line(exc, source))
    if assess is not None:
        return ("assessed", assess(profile, source))
    return ("profile", profile.document, profile.mentions, profile.career)


def rank_candidates(
    candidates: DocumentInput | Iterable[DocumentInput],
    job: JobInput,
    *,
    by: str = "match",
    match_weights: MatchWeights | None = None,
    progress: Callable[[], object] | None = None,
    **options: Any,
) -> Ranking:
    """Score candidates against a job (as `score_candidates`, same options), add the match model's
    parts (`with_matches`; ``match_weights`` default: the shipped, fitted ones) and rank them ``by``.
    ``progress`` is called once per candidate as its result comes (e.g. to advance a progress bar)."""
    return _ranking(candidates, job, by, match_weights, options, progress=progress)


def _ranking(
    candidates: DocumentInput | Iterable[DocumentInput],
    job: JobInput,
    by: str,
    match_weights: MatchWeights | None,
    options: dict[str, Any],
    meanwhile: Callable[[], object] | None = None,
    progress: Callable[[], object] | None = None,
) -> Ranking:
    """`rank_candidates`, with ``meanwhile`` run while worker processes start (see `_scoring`)."""
    check_rank_by(by)
    prepared, scored = _scoring(candidates, job, **options, meanwhile=meanwhile, matching=Matching(match_weights))
    results, matches = _merged(scored if progress is None else _reported(scored, progress), prepared, match_weights)
    return Ranking(tuple(replace(r, match=m) for r, m in zip(results, matches)), by=by, warnings=prepared.warnings)


def _reported(results: Iterable[Assessed], progress: Callable[[], object]) -> Iterator[Assessed]:
    """The results as they come, ``progress()`` called after each."""
    for result in results:
        yield result
        progress()


def _merged(assessed: Iterable[Assessed], job: PreparedJob, weights: MatchWeights | None) -> tuple[list[Any], list[Match | None]]:
    """The firsts of the pairs (results or rows, input order) and their `Match`es, from the pairs'
    match items: the lexical part needs every candidate's counts, so this is where a ranking
    stops streaming."""
    from .match import MatchBuilder

    kept = []
    builder = MatchBuilder(job.text, weights)
    for first, item in assessed:
        builder.add_item(item)
        kept.append(first)
    return kept, builder.matches()


def with_matches(results: Iterable[CandidateResult], job: PreparedJob, weights: MatchWeights | None = None) -> tuple[CandidateResult, ...]:
    """The results of candidates for ``job`` (input order) with their `Match`: the lexical part
    needs every candidate's text, so this is where a ranking stops streaming."""
    assess = Assessor(job, matching=Matching(weights))
    kept, matches = _merged(((r, assess.item(r) if r.report is not None else None) for r in results), job, weights)
    return tuple(replace(r, match=m) for r, m in zip(kept, matches))


def match_jobs(
    resume: DocumentInput,
    postings: DocumentInput | Iterable[DocumentInput],
    *,
    taxonomy: Taxonomy | None = None,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    weights: PostingWeights = PostingWeights(),
    match_weights: MatchWeights | None = None,
    by: str = "match",
    batch_size: int = 64,
    as_of: date | None = None,
) -> Ranking:
    """Rank jobs for one candidate: every posting (paths, folders, texts, documents or profiles)
    compared to the résumé with the same match model as `rank` (the résumé's text is the lexical
    query, the postings are its documents). One result per posting, named by it (``item="job"``);
    a posting that cannot be read is an error row; one in which the taxonomy finds no skill is
    ranked on the other parts and named in ``warnings``. A résumé that cannot be read raises.
    ``as_of`` is the date current positions run to (default: the résumé's own, see `compare`).
    """
    check_rank_by(by)
    if extractor is None:
        extractor = default_extractor(taxonomy or (resume.taxonomy if isinstance(resume, SkillProfile) else load_taxonomy()))
    from .match import MatchBuilder

    profile = profile_of(resume, "resume", extractor, extractor.taxonomy)
    builder = MatchBuilder(profile.document.text, match_weights)
    titles = candidate_titles(profile.document, profile.career)
    results, warnings = [], []
    for index, posting, got in profiles_here(enumerate(expand_candidates(postings)), extractor, batch_size, kind="posting"):
        source = source_name(posting, index)
        try:
            if isinstance(got, str):
                raise _Failed(got)
            job = prepare_job(got, weights=weights)
            report = compare_prepared(profile, replace(job, name=source), credits=credits, as_of=as_of)
        except Exception as exc:  # noqa: BLE001 - one bad posting must not stop the ranking; its row says what happened
            results.append(CandidateResult(source, None, str(exc) if isinstance(exc, _Failed) else one_line(exc, source)))
            builder.add(None, "", "", ())
            continue
        warnings.extend(job.warnings)
        results.append(CandidateResult(source, report))
        builder.add(report, job.text, job.title, titles, job.asks)
    matched = tuple(replace(r, match=m) for r, m in zip(results, builder.matches()))
    return Ranking(matched, by=by, item="job", warnings=tuple(warnings))


class _Failed(Exception):
    """A posting that could not be read or extracted (its one-line error already written)."""


def rank(
    candidates: DocumentInput | Iterable[DocumentInput],
    job: JobInput,
    *,
    taxonomy: Taxonomy | None = None,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    weights: PostingWeights = PostingWeights(),
    match_weights: MatchWeights | None = None,
    by: str = "match",
    n_process: int | None = 1,
    timeout: float | None = None,
    batch_size: int = 64,
    as_of: date | None = None,
) -> pd.DataFrame:
    """Rank candidates (paths, folders, texts, documents or profiles) against a posting or role.

    One row per input: rank, candidate, match (the match model's score, 0..100, `skillgap.match`),
    score (coverage, 0..100), required and preferred coverage (0..1), relevance (0..1), fit
    (0..100), the match parts skills, title and lexical (0..1), number of matched requirements,
    missing required skills (comma-joined labels) and the error. Sorted by ``by`` (one of
    `RANK_BY`, default the match; highest first; ties keep input order and share a rank); inputs
    that failed come last with NaN figures and their error. ``n_process``, ``timeout`` and
    ``batch_size`` stream the batch as in `score_candidates`. The job's warnings (a posting with
    no known skill) are in ``frame.attrs["warnings"]``; ``as_of`` is the date current positions
    run to (default: each résumé's own, see `compare`). This is ``rank_candidates(...).to_frame()``,
    built from the rows alone (with worker processes each worker compares its candidates and
    sends their rows: the module docstring); with worker processes the job is prepared by them,
    with their extractor (taxonomy and fuzzy settings), as the candidates are.
    """
    check_rank_by(by)
    options = dict(taxonomy=taxonomy, extractor=extractor, credits=credits, weights=weights, n_process=n_process, timeout=timeout, batch_size=batch_size, as_of=as_of)
    prepared, rows = _scoring(candidates, job, **options, meanwhile=_import_later_steps, matching=Matching(match_weights, rows=True))
    kept, matches = _merged(rows, prepared, match_weights)
    return ranking_table(({**row, **match_row(m)} for row, m in zip(kept, matches)), by=by, warnings=prepared.warnings)


def _import_later_steps() -> None:
    """Import pandas (with numpy), which the table needs, and the match model while worker
    processes start: after the last result pandas would be the batch's longest serial step (0.6 s
    of CPU), and before the first item numpy and the match model cost 0.15 s."""
    import pandas  # noqa: F401

    from . import match  # noqa: F401


def ranking_frame(results: Iterable[CandidateResult], *, by: str = "score") -> pd.DataFrame:
    """The ranking table of results in input order: ``Ranking(results, by).to_frame()``."""
    return Ranking(tuple(results), by=by).to_frame()
