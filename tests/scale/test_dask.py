"""skillgap.dask on a two-process LocalCluster gives exactly the single-process rank table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("dask.distributed")

import dask.bag as db  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

import skillgap.distributed  # noqa: E402
from skillgap.batch import rank  # noqa: E402

TEXTS = [
    "Skills: Python, PyTorch, Docker, Kubernetes\nExperience: trained deep learning models.",
    "Experience:\nSales associate; customer service and Excel reports.",
]


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


#: The match model's columns: the Dask adapter does not compute them (the lexical part needs every text in one place).
MATCH_COLUMNS = ["match", "skills", "title", "lexical"]


def test_dask_rank_equals_rank(client: Client, shared_data: Path, tmp_path: Path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    candidates = [*map(str, sorted((shared_data / "resumes_pdf").glob("*.pdf"))[:5]), TEXTS[0], str(bad), TEXTS[1], str(tmp_path / "none.pdf")]
    expected = rank(candidates, "ml-engineer", by="score").drop(columns=MATCH_COLUMNS)
    got = skillgap.distributed.rank(db.from_sequence(candidates, npartitions=4), "ml-engineer").drop(columns=MATCH_COLUMNS)
    pd.testing.assert_frame_equal(got, expected)
    pd.testing.assert_frame_equal(
        skillgap.distributed.rank(db.from_sequence(candidates, npartitions=3), "ml-engineer", by="fit").drop(columns=MATCH_COLUMNS),
        rank(candidates, "ml-engineer", by="fit").drop(columns=MATCH_COLUMNS),
    )
    assert {"text #6", "text #8"} <= set(got["candidate"]) and got["error"].notna().sum() == 2
    # each worker that scored a partition holds one extractor for this job, kept for its later partitions
    cached = [v for v in client.run(lambda: sorted(__import__("skillgap.distributed", fromlist=["_EXTRACTORS"])._EXTRACTORS)).values() if v]
    assert cached and all(len(v) == 1 for v in cached) and len({v[0] for v in cached}) == 1


def test_dask_dataframe_column_of_texts(client: Client):
    dd = pytest.importorskip("dask.dataframe", reason="Dask DataFrames need pyarrow")
    frame = dd.from_pandas(pd.DataFrame({"id": [1, 2], "text": TEXTS}), npartitions=2)
    with pytest.raises(ValueError, match="pass column="):
        skillgap.distributed.rank(frame, "ml-engineer")
    pd.testing.assert_frame_equal(
        skillgap.distributed.rank(frame, "ml-engineer", column="text").drop(columns=MATCH_COLUMNS), rank(TEXTS, "ml-engineer", by="score").drop(columns=MATCH_COLUMNS)
    )
