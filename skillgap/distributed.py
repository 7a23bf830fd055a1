"""Rank résumés on a Dask cluster (optional extra ``dask``: ``pip install "skillgap[dask]"``).

:func:`rank` scores a Dask bag, a Dask DataFrame column or a Dask Series of paths or texts
against one job, on whatever cluster the current ``dask.distributed.Client`` points at, and
returns the same table as :func:`skillgap.rank`. The job is prepared once on the client and
sent to each worker once (it is a single task every partition depends on); each worker
process builds its extractor (taxonomy + spaCy pipeline) on its first partition and keeps it
for the next ones, so the per-document cost is the same as on one machine. Paths must be
readable where the workers run (a shared file system), or pass the texts themselves.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .batch import JobInput, expand_candidates, extractor_options, profiles_here, results_of
from .errors import UsageError
from .gap import Credits, PostingWeights, PreparedJob, prepare_job
from .ranking import check_rank_by, frame_of_rows, ranking_row
from .taxonomy import Taxonomy

if TYPE_CHECKING:
    import pandas as pd
    from dask.bag import Bag

    from .extract import SkillExtractor

__all__ = ["rank", "rows"]


@dataclass(frozen=True)
class ClusterJob:
    """What every worker needs: the prepared job, the comparison credits and extractor settings."""

    prepared: PreparedJob
    credits: Credits = Credits()
    extractor_options: dict[str, Any] = field(default_factory=dict)
    batch_size: int = 64
    token: str = field(default_factory=lambda: uuid.uuid4().hex)


def rows(
    candidates: Any,
    job: JobInput,
    *,
    taxonomy: Taxonomy | None = None,
    column: str | None = None,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    weights: PostingWeights = PostingWeights(),
    batch_size: int = 64,
) -> Bag:
    """A lazy Dask bag of ranking rows (`skillgap.ranking.ranking_row`), one per input, in input order.

    ``candidates``: a Dask bag, Dask Series, or Dask DataFrame (``column`` names the column of
    paths or texts; needed when there are several), or any iterable (made into a bag here).
    Folders are expanded as in `skillgap.rank`. Only ``extractor``'s taxonomy and fuzzy
    settings travel to the workers.
    """
    import dask
    import dask.bag as db

    parts = _as_bag(candidates, column).to_delayed()
    prepared = prepare_job(job, taxonomy=taxonomy, extractor=extractor, weights=weights)
    state = dask.delayed(ClusterJob(prepared, credits, extractor_options(extractor), batch_size), pure=False)
    # Texts are named by their position in the whole input ("text #12"), so each partition
    # needs the number of inputs before it: counted from the same partitions, read once.
    counts = [dask.delayed(_count)(part) for part in parts]
    starts = dask.delayed(_starts)(counts)
    scored = [dask.delayed(_score_partition)(part, state, starts, i) for i, part in enumerate(parts)]
    return db.from_delayed(scored)


def rank(candidates: Any, job: JobInput, *, by: str = "score", **options: Any) -> pd.DataFrame:
    """Rank candidates on the Dask cluster: the table of `skillgap.rank` (sorted ``by``, default
    the coverage score; other options as in `rows`), without the match model: its columns
    (match, skills, title, lexical) are NaN, since its lexical part needs every text in one place."""
    check_rank_by(by)
    return frame_of_rows(rows(candidates, job, **options).compute(), by=by)


def _as_bag(candidates: Any, column: str | None) -> Bag:
    """A bag of the inputs; Dask DataFrames and Series are recognised without importing
    ``dask.dataframe`` (it needs pyarrow, which a bag-only install does not have)."""
    import dask.bag as db

    if isinstance(candidates, db.Bag):
        return candidates
    if hasattr(candidates, "columns") and hasattr(candidates, "to_bag"):  # a Dask DataFrame
        if column is None:
            if len(candidates.columns) != 1:
                raise UsageError(f"the DataFrame has columns {list(candidates.columns)}", fix="pass column= naming the one with paths or texts")
            column = candidates.columns[0]
        candidates = candidates[column]
    if hasattr(candidates, "to_bag"):  # a Dask Series
        return candidates.to_bag()
    items = list(candidates)
    return db.from_sequence(items, npartitions=max(1, min(len(items), 64)))


def _count(part: Iterable[Any]) -> int:
    return sum(1 for _ in expand_candidates(part))


def _starts(counts: list[int]) -> list[int]:
    return [0, *itertools.accumulate(counts)]


#: Extractors built in this worker process, by job token (one job at a time is the usual case).
_EXTRACTORS: dict[str, SkillExtractor] = {}


def _extractor(state: ClusterJob) -> SkillExtractor:
    """This process's extractor for the job: built on the first partition, reused after."""
    if state.token not in _EXTRACTORS:
        from .extract import SkillExtractor

        _EXTRACTORS.clear()
        _EXTRACTORS[state.token] = SkillExtractor(state.prepared.taxonomy, **state.extractor_options)
    return _EXTRACTORS[state.token]


def _score_partition(part: Iterable[Any], state: ClusterJob, starts: list[int], index: int) -> list[dict[str, Any]]:
    items = enumerate(expand_candidates(part), start=starts[index])
    profiled = profiles_here(items, _extractor(state), state.batch_size)
    return [ranking_row(r) for r in results_of(profiled, state.prepared, state.credits)]
