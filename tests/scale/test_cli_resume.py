"""skillgap rank --out journals each résumé as it finishes; --resume skips what it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import skillgap.batch
import skillgap.documents
from skillgap.cli import app
from skillgap.journal import journal_path

runner = CliRunner()


@pytest.fixture
def resumes(shared_data: Path, tmp_path: Path) -> list[str]:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 cut short")
    pdfs = sorted((shared_data / "resumes_pdf").glob("livecareer__*.pdf"))[:4]
    return [str(p) for p in (*pdfs[:2], bad, *pdfs[2:])]


def test_an_interrupted_rank_resumes_without_rereading_and_writes_the_same_output(resumes: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    whole = tmp_path / "whole.csv"
    result = runner.invoke(app, ["rank", *resumes, "--role", "ml-engineer", "--out", str(whole), "--jobs", "2", "--timeout", "60", "--quiet"])
    assert result.exit_code == 1, result.output  # the broken file is an error row
    assert whole.is_file() and not journal_path(whole).exists()

    out = tmp_path / "ranking.csv"
    real_score, calls = skillgap.batch.score_candidate, []

    def interrupted(*args, **kwargs):
        if len(calls) == 2:  # stop on the fourth input (the third one is the broken file)
            raise KeyboardInterrupt
        calls.append(1)
        return real_score(*args, **kwargs)

    monkeypatch.setattr(skillgap.batch, "score_candidate", interrupted)
    result = runner.invoke(app, ["rank", *resumes, "--role", "ml-engineer", "--out", str(out), "--quiet"])
    assert result.exit_code == 130 and not out.exists()  # Ctrl-C
    assert len(journal_path(out).read_text().splitlines()) == 3  # two scored, one error, all kept
    with journal_path(out).open("a") as journal:
        journal.write('{"sha256": "0f3a')  # a line cut short by a kill is ignored

    monkeypatch.setattr(skillgap.batch, "score_candidate", real_score)
    read, real_read = [], skillgap.documents.read_document
    monkeypatch.setattr(skillgap.documents, "read_document", lambda source, **kw: read.append(str(source)) or real_read(source, **kw))
    result = runner.invoke(app, ["rank", *resumes, "--role", "ml-engineer", "--out", str(out), "--resume", "--quiet"])
    assert result.exit_code == 1, result.output
    assert read == resumes[3:]  # only what the interrupted run had not finished
    assert out.read_text() == whole.read_text() and not journal_path(out).exists()


def test_resume_needs_an_output(resumes: list[str]):
    result = runner.invoke(app, ["rank", *resumes, "--role", "ml-engineer", "--resume"])
    assert result.exit_code == 2 and "--resume needs the --out of the interrupted run" in result.output
