"""The gap on real inputs: gold postings, real résumés, a ranking with unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap import SkillExtractor, compare, load_taxonomy, rank
from skillgap.batch import score_candidates
from skillgap.gap import prepare_job


@pytest.fixture(scope="module")
def extractor() -> SkillExtractor:
    return SkillExtractor(load_taxonomy())


@pytest.fixture(scope="module")
def gold(shared_data: Path, extractor: SkillExtractor) -> dict:
    """Gold postings by file name, with their skills mapped to our ids; ``vocab``: ids the gold vocabulary covers."""
    taxonomy = extractor.taxonomy
    vocab = set()
    for line in (shared_data / "gold" / "vocab.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            vocab |= {s.id for s in map(taxonomy.lookup, (t.strip() for t in line.split("|"))) if s}
    postings = {}
    for line in (shared_data / "gold" / "postings.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        required = {taxonomy.lookup(n).id for n in entry["required"]}
        postings[Path(entry["doc"]).name] = (required, {taxonomy.lookup(n).id for n in entry["preferred"]} - required)
    return {"vocab": vocab, "postings": postings}


@pytest.mark.parametrize("name", ["001.txt", "005.txt", "010.txt"])
def test_required_and_preferred_on_gold_postings(name, shared_data, extractor, gold):
    job = prepare_job(shared_data / "gold" / "postings" / name, extractor=extractor)
    required, preferred = gold["postings"][name]
    ours = {r.skill_id: r.importance for r in job.requirements if r.skill_id in gold["vocab"]}
    assert {s for s, imp in ours.items() if imp == "preferred"} == preferred
    assert {s for s, imp in ours.items() if imp == "required"} == required


def test_posting_weights_and_job_evidence(shared_data, extractor):
    job = prepare_job(shared_data / "gold" / "postings" / "005.txt", extractor=extractor)
    reqs = {r.skill_id: r for r in job.requirements}
    # "one or more programming languages; preferably Python, SAS or R": preferred, named once
    # (0.5), and one of three choices -> 0.5 / 3 each, any of them accepted for the others
    assert [(reqs[s].importance, reqs[s].weight) for s in ("python", "r", "sas")] == [("preferred", 0.5 / 3)] * 3
    assert {s: sorted(job.alternatives[s]) for s in ("python", "r", "sas")} == {"python": ["r", "sas"], "r": ["python", "sas"], "sas": ["python", "r"]}
    assert reqs["sql"].importance == "required"
    assert [m.text for m in job.job_evidence["sas"]] == ["SAS"]


def test_real_resume_against_the_ml_engineer_role(shared_data, extractor):
    report = compare(shared_data / "resumes_pdf" / "gh_resumematcher__Prashant_Bhat.pdf", "ml-engineer", extractor=extractor)
    status = {r.skill_id: r.status for r in report.results}
    assert report.job == "Machine Learning Engineer"
    assert list(report.coverage) == [
        "Mathematics & Statistics", "Programming", "Data Handling", "Machine Learning & Deep Learning",
        "Software Engineering Practices", "Soft Skills", "Responsibilities",
    ]  # fmt: skip
    assert [status[s] for s in ("python", "machine-learning", "deep-learning", "tensorflow", "sql")] == ["matched"] * 4 + ["missing"]
    assert next((r.status, r.via) for r in report.results if r.skill_id == "pytorch") == ("transferable", "tensorflow")
    python = next(r for r in report.results if r.skill_id == "python")
    assert python.evidence and all(m.skill_id == "python" and not m.negated for m in python.evidence)
    frame = report.to_frame()
    assert len(frame) == len(report.results) == len(extractor.taxonomy.role("ml-engineer").requirements)
    assert frame["score"].sum() == pytest.approx(report.score)
    assert 0 < report.score < 100


def test_rank_real_files_with_error_rows(tmp_path, shared_data, extractor):
    cv = shared_data / "pairs" / "vanetik_vacancy_resume" / "CV"
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\nthis is not a real pdf")
    missing = tmp_path / "missing.docx"
    empty = tmp_path / "empty"
    empty.mkdir()
    java_text = "Java developer. Skills: Java, Spring Boot, SQL, Eclipse, Apache Tomcat, C#."
    inputs = [cv / "1.docx", corrupt, str(missing), empty, cv / "5.docx", java_text]
    frame = rank(inputs, "software-developer", extractor=extractor)
    assert len(frame) == len(inputs)
    good = frame[frame["error"].isna()]
    bad = frame[frame["error"].notna()]
    assert set(good["candidate"]) == {str(cv / "1.docx"), str(cv / "5.docx"), "text #6"}
    assert bad["candidate"].tolist() == [str(corrupt), str(missing), str(empty)]  # input order, after all scored rows
    assert bad["score"].isna().all() and bad["rank"].isna().all()
    assert all(err.startswith(name) for name, err in zip(bad["candidate"], bad["error"]))
    assert good["match"].tolist() == sorted(good["match"], reverse=True)  # ranked by the match model
    assert good["rank"].tolist() == [1, 2, 3]
    assert bad["error"].tolist()[1:] == [f"{missing}: no such file (fix: check the path)", f"{empty}: folder holds no files"]


def test_score_candidates_streams_one_result_per_input(shared_data, extractor):
    cv = shared_data / "pairs" / "vanetik_vacancy_resume" / "CV"
    results = list(score_candidates(cv, "software-developer", extractor=extractor))
    assert [r.source for r in results] == [str(p) for p in sorted(cv.iterdir())]
    assert all(r.error is None and r.report is not None for r in results)


def test_vanetik_backend_vacancy_asks_for_drupal_not_wordpress_nor_its_company_leadership(shared_data, extractor):
    """'Drupal' is its own CMS (WordPress transfers to it), and "World renown leadership" describes the company."""
    import csv

    folder = shared_data / "pairs" / "vanetik_vacancy_resume"
    with (folder / "5_vacancies.csv").open(encoding="utf-8") as f:
        backend = next(v for v in csv.DictReader(f) if v["id"] == "207")
    job = prepare_job(backend["job_description"], extractor=extractor)
    asked = {r.skill_id: r for r in job.requirements}
    assert "wordpress" not in asked and "leadership" not in asked
    assert (asked["drupal"].importance, round(asked["drupal"].weight, 3)) == ("required", 2.585)  # named 3 times
    report = compare(folder / "CV" / "2.docx", job, extractor=extractor)  # the CV names WordPress, not Drupal
    drupal = next(r for r in report.results if r.skill_id == "drupal")
    assert (drupal.status, drupal.via, drupal.credit) == ("transferable", "wordpress", 0.25)
