"""rank / score_candidates stream: worker processes give the same table, a hung candidate
becomes a timed-out row, and inputs are taken from the iterable only as they are needed."""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest
from skillgap.batch import rank, rank_candidates, score_candidates
from skillgap.errors import DocumentError
from skillgap.taxonomy import load_taxonomy

TEXT = "Skills: Python, SQL, Docker and AWS.\nExperience: five years of ETL pipelines in Python."


def test_rank_in_worker_processes_equals_rank_in_this_process(shared_data: Path, tmp_path: Path):
    pdfs = sorted((shared_data / "resumes_pdf").glob("*.pdf"))[:6]
    docx = sorted((shared_data / "pairs" / "vanetik_vacancy_resume" / "CV").glob("*.docx"))[:3]
    bad, missing, empty = tmp_path / "bad.pdf", tmp_path / "missing.pdf", tmp_path / "empty"
    bad.write_bytes(b"%PDF-1.4 broken")
    empty.mkdir()
    candidates = [*pdfs, bad, *docx, missing, TEXT, empty]
    job = shared_data / "gold" / "postings" / "001.txt"
    here = rank(candidates, job)
    there = rank(candidates, job, n_process=2, timeout=60)
    pd.testing.assert_frame_equal(here, there)
    assert here["candidate"].tolist()[-3:] == [str(bad), str(missing), f"{empty}"]
    assert here["error"].tolist()[-3:] == [
        f"{bad}: corrupt or unreadable PDF (Failed to load document (PDFium: Data format error).) (fix: re-save or re-export the PDF)",
        f"{missing}: no such file (fix: check the path)",
        f"{empty}: folder holds no files",
    ]
    assert here["error"].isna().sum() == len(candidates) - 3 and "text #12" in here["candidate"].tolist()


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_one_worker_two_workers_and_this_process_rank_the_examples_alike():
    # with workers, the posting is prepared by one of them (this process builds no pipeline)
    job = EXAMPLES / "jobs" / "ml-engineer-posting.md"
    resumes = sorted((EXAMPLES / "resumes").iterdir())
    here = rank_candidates(resumes, job)
    one, two = rank_candidates(resumes, job, n_process=1, timeout=60), rank_candidates(resumes, job, n_process=2)
    pd.testing.assert_frame_equal(here.to_frame(), one.to_frame())
    pd.testing.assert_frame_equal(here.to_frame(), two.to_frame())
    assert [r.report.candidate.career for r in here] == [r.report.candidate.career for r in two]  # read in the workers
    assert [r.report.candidate.mentions for r in here] == [r.report.candidate.mentions for r in two]
    assert here.warnings == two.warnings and len(here) == len(resumes)


def test_an_extracted_profile_among_files_scores_alike_with_workers():
    # the profile stays in this process (only a marker keeps its place among the workers' items)
    from skillgap import SkillExtractor, read_document

    job = EXAMPLES / "jobs" / "ml-engineer-posting.md"
    resumes = sorted((EXAMPLES / "resumes").iterdir())
    profile = SkillExtractor().extract(read_document(resumes[0], kind="resume"))
    candidates = [resumes[1], profile, *resumes[2:]]
    here, two = list(score_candidates(candidates, job)), list(score_candidates(candidates, job, n_process=2))
    assert [r.source for r in here] == [r.source for r in two] and len(two) == len(resumes)
    assert [r.report.score for r in here] == [r.report.score for r in two]
    assert two[1].report.candidate is profile


def test_rank_workers_send_each_candidates_table_row_and_match_item_not_its_document():
    # init_worker and work are what each worker process of `rank` runs; run here to see the reply
    import pickle

    from skillgap.batch import Assessor, Matching, init_worker, work
    from skillgap.gap import Credits, PostingWeights
    from skillgap.ranking import report_row

    job = EXAMPLES / "jobs" / "ml-engineer-posting.md"
    resumes = sorted((EXAMPLES / "resumes").iterdir())
    init_worker(None, {}, (job, PostingWeights(), Credits(), None, Matching(rows=True)))
    try:
        reply = work(("read", resumes[0], str(resumes[0])))
        _, prepared = work(("job", job, PostingWeights()))
    finally:
        init_worker(None, {})
    (result,) = score_candidates(resumes[:1], job)  # in this process, with its report and document
    kind, (row, item) = reply
    assert kind == "assessed" and row == report_row(result) and row["candidate"] == str(resumes[0])
    assert item == Assessor(prepared, matching=Matching()).item(result)
    profile = result.report.candidate
    assert len(pickle.dumps(reply)) * 3 < len(pickle.dumps((profile.document, profile.mentions, profile.career)))
    pd.testing.assert_frame_equal(rank(resumes, job, n_process=2), rank_candidates(resumes, job).to_frame())


def test_a_job_that_cannot_be_read_raises_the_same_error_with_workers(tmp_path: Path):
    from skillgap.errors import DocumentError

    missing = tmp_path / "missing.txt"
    with pytest.raises(DocumentError) as here:
        rank([TEXT], missing)
    with pytest.raises(DocumentError) as there:
        rank([TEXT], missing, n_process=2)
    assert str(here.value) == str(there.value) == f"{missing}: no such file (fix: check the path)"


def test_a_worker_prepares_the_job_as_the_first_item_of_the_candidates_stream(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    # one stream, the job first: the other workers read candidates while one prepares the job
    from skillgap.parallel import WorkerPool

    streams: list[list[str]] = []
    imap = WorkerPool.imap

    def spied(pool: WorkerPool, items):
        kinds: list[str] = []
        streams.append(kinds)
        return imap(pool, (kinds.append(item[0]) or item for item in items))

    monkeypatch.setattr(WorkerPool, "imap", spied)
    job = EXAMPLES / "jobs" / "ml-engineer-posting.md"
    resumes = sorted((EXAMPLES / "resumes").iterdir())
    two = rank(resumes, job, n_process=2)
    assert streams == [["job"] + ["read"] * len(resumes)]
    pd.testing.assert_frame_equal(two, rank(resumes, job))
    journal = tmp_path / "run.jsonl"
    for n_process, before in ((2, None), (2, "an earlier run's\n"), (1, "an earlier run's\n")):  # a job that cannot be read leaves the journal as it was
        if before is not None:
            journal.write_text(before)
        with pytest.raises(DocumentError):
            list(score_candidates(resumes, tmp_path / "missing.txt", n_process=n_process, journal=journal))
        assert (journal.read_text() if journal.exists() else None) == before


def hanging_taxonomy(folder: Path) -> Path:
    """A user taxonomy whose token pattern backtracks exponentially on a long run of a's."""
    folder.mkdir()
    (folder / "skills.yaml").write_text(
        "skills:\n"
        "  - {id: python, label: Python, category: languages}\n"
        "  - id: trap\n    label: Trap Skill\n    category: languages\n"
        "    patterns: [[{TEXT: {REGEX: '^(a+)+b$'}}]]\n"
    )
    (folder / "role.yaml").write_text("id: dev\nlabel: Developer\nareas: [{name: code, skills: [python, trap]}]\n")
    return folder


def test_a_hung_candidate_becomes_a_timed_out_row_and_the_rest_are_scored(tmp_path: Path):
    taxonomy = load_taxonomy(hanging_taxonomy(tmp_path / "taxonomy"))
    candidates = ["Skills:\nI write Python every day.", "Skills:\nPython and " + "a" * 40 + "c", "Skills:\nPython, mostly."]
    frame = rank(candidates, "dev", taxonomy=taxonomy, n_process=2, timeout=3, by="score")
    assert frame["candidate"].tolist() == ["text #1", "text #3", "text #2"]
    assert frame["score"].tolist()[:2] == [50.0, 50.0] and pd.isna(frame["score"].iloc[2])
    assert frame["error"].tolist()[2] == "text #2: timed out after 3 s; its worker process was stopped"


def test_inputs_are_taken_only_as_needed():  # (the worker pool's window is tested in test_parallel)
    taken = []

    def endless():
        for i in itertools.count():
            taken.append(i)
            yield TEXT

    results = score_candidates(endless(), "ml-engineer", batch_size=4)
    first = list(itertools.islice(results, 3))
    results.close()
    assert [r.source for r in first] == ["text #1", "text #2", "text #3"] and all(r.error is None for r in first)
    assert len(taken) == 4  # one batch of 4, never the whole stream



def test_a_one_line_text_too_long_for_a_file_name_is_scored_not_a_crash():
    text = "Skills: Python, SQL, Docker and Kubernetes; " * 20  # one line of 880 characters
    frame = rank([text, text + "\n"], "ml-engineer")  # the second is a text by its line break
    assert frame["candidate"].tolist() == ["text #1", "text #2"] and frame["error"].isna().all()
    assert frame["score"].iloc[0] == frame["score"].iloc[1] > 0


def test_extract_many_in_workers_raises_a_document_error_for_a_bad_file(tmp_path: Path):
    from skillgap.errors import DocumentError
    from skillgap.extract import SkillExtractor

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    profiles = SkillExtractor().extract_many([TEXT, TEXT, bad, TEXT], batch_size=2, n_process=2)
    assert [p.document.text for p in itertools.islice(profiles, 2)] == [TEXT, TEXT]
    with pytest.raises(DocumentError, match=rf"^documents 3-4 of the batch: {bad}: corrupt or unreadable PDF"):
        next(profiles)


@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_can_record_a_bad_file_in_its_place_and_go_on(tmp_path: Path, n_process: int):
    from skillgap.extract import SkillExtractor
    from skillgap.extract.pipeline import FailedDocument

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    got = list(SkillExtractor().extract_many([TEXT, bad, TEXT], batch_size=2, n_process=n_process, errors="record"))
    assert [type(g).__name__ for g in got] == ["SkillProfile", "FailedDocument", "SkillProfile"]
    assert got[1] == FailedDocument(str(bad), f"{bad}: corrupt or unreadable PDF (Failed to load document (PDFium: Data format error).) (fix: re-save or re-export the PDF)")
    assert got[0].skill_ids == got[2].skill_ids == ("python", "sql", "docker", "aws", "etl")


def test_extract_many_refuses_an_unknown_errors_mode():
    from skillgap.errors import UsageError
    from skillgap.extract import SkillExtractor

    with pytest.raises(UsageError, match=r"errors='ignore' is not a choice \(fix: pass errors=\"raise\" or errors=\"record\"\)"):
        next(SkillExtractor().extract_many([TEXT], errors="ignore"))  # type: ignore[arg-type]
