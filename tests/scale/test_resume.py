"""The resume journal: whole entries survive a kill mid-line; profiles come back as they went in."""

from __future__ import annotations

from pathlib import Path

from skillgap.batch import CandidateResult, score_candidates
from skillgap.journal import Journal, content_hash, journal_path
from skillgap.taxonomy import load_taxonomy


def test_journal_path_and_content_hash(tmp_path: Path):
    assert journal_path(tmp_path / "ranking.html") == tmp_path / "ranking.html.partial.jsonl"
    (tmp_path / "a.txt").write_bytes(b"abc")
    assert content_hash(tmp_path / "a.txt") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert content_hash(tmp_path) is None and content_hash(tmp_path / "missing.pdf") is None


def test_a_journal_cut_short_keeps_every_whole_entry(tmp_path: Path):
    path, taxonomy = tmp_path / "out.csv.partial.jsonl", load_taxonomy()
    journal = Journal(path, taxonomy)
    journal.record("a" * 64, CandidateResult("one.pdf", None, "one.pdf: broken"))
    journal.close(finished=False)
    with path.open("a") as handle:
        handle.write('{"sha256": "0f3a')  # killed mid-line
    journal = Journal(path, taxonomy, resume=True)
    journal.record("b" * 64, CandidateResult("two.pdf", None, "two.pdf: broken"))
    journal.close(finished=False)
    again = Journal(path, taxonomy, resume=True)
    assert len(again) == 2 and again.lookup("b" * 64, "two.pdf").error == "two.pdf: broken"
    assert again.lookup("c" * 64, "three.pdf") is None
    again.close(finished=True)
    assert not path.exists()


def test_a_journalled_profile_scores_exactly_as_the_original(tmp_path: Path):
    text = "Skills: Python, PyTorch, SQL, Docker\nExperience: five years of deep learning on AWS."
    taxonomy = load_taxonomy()
    [original] = score_candidates([text], "ml-engineer", taxonomy=taxonomy)
    journal = Journal(tmp_path / "j.jsonl", taxonomy)
    journal.record("d" * 64, original)
    journal.close(finished=False)
    profile = Journal(tmp_path / "j.jsonl", taxonomy, resume=True).lookup("d" * 64, "<text>")
    assert profile.document == original.report.candidate.document and profile.mentions == original.report.candidate.mentions
    [again] = score_candidates([profile], "ml-engineer", taxonomy=taxonomy)
    assert again.report.results == original.report.results and again.report.score == original.report.score


def test_entries_of_another_taxonomy_are_not_reused(tmp_path: Path):
    yaml = "skills:\n  - {id: python, label: Python, category: languages}\n"
    (tmp_path / "a.yaml").write_text(yaml)
    (tmp_path / "b.yaml").write_text(yaml + "  - {id: sql, label: SQL, category: languages}\n")
    first, second = load_taxonomy(tmp_path / "a.yaml"), load_taxonomy(tmp_path / "b.yaml")
    journal = Journal(tmp_path / "j.jsonl", first)
    journal.record("e" * 64, CandidateResult("cv.pdf", None, "cv.pdf: broken"))
    journal.close(finished=False)
    assert len(Journal(tmp_path / "j.jsonl", load_taxonomy(tmp_path / "a.yaml"), resume=True)) == 1
    assert Journal(tmp_path / "j.jsonl", second, resume=True).lookup("e" * 64, "cv.pdf") is None


def test_score_candidates_with_a_journal_resumes_without_reading_again(tmp_path: Path, monkeypatch):
    import skillgap.documents
    import skillgap.journal

    files = []
    for i, text in enumerate(["Skills: Python, SQL and Docker.", "Skills: Java and Kotlin.", "Skills: Excel, accounting."]):
        files.append(tmp_path / f"cv{i}.txt")
        files[-1].write_text(text, encoding="utf-8")
    journal = tmp_path / "run.jsonl"
    first = list(score_candidates(files[:2], "ml-engineer", journal=journal))
    assert len(journal.read_text(encoding="utf-8").splitlines()) == 2
    read: list[str] = []
    real = skillgap.documents.read_document
    monkeypatch.setattr(skillgap.documents, "read_document", lambda source, **kw: read.append(str(source)) or real(source, **kw))
    again = list(score_candidates(files, "ml-engineer", journal=journal, resume=True))
    assert read == [str(files[2])]  # the two journalled files are not read again
    assert [r.report.score for r in again[:2]] == [r.report.score for r in first] and [r.source for r in again] == [str(f) for f in files]
    assert len(journal.read_text(encoding="utf-8").splitlines()) == 3
    skillgap.journal.discard(journal)
    assert not journal.exists()


def test_the_old_module_names_still_import_with_a_deprecation_warning():
    import importlib
    import sys

    import pytest

    for old, new in (("skillgap.resume", "skillgap.journal"), ("skillgap.dask", "skillgap.distributed")):
        if old == "skillgap.dask":
            pytest.importorskip("dask")
        sys.modules.pop(old, None)
        with pytest.warns(DeprecationWarning, match=rf"{old} is renamed {new}"):
            module = importlib.import_module(old)
        assert module.rank is importlib.import_module(new).rank if old == "skillgap.dask" else module.Journal is importlib.import_module(new).Journal
