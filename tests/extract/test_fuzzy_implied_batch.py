"""Fuzzy matching of typos, implied skills, extract_many (order, processes) and to_frame."""

from __future__ import annotations

import pytest

from skillgap.extract import SkillExtractor
from skillgap.extract.fuzzy import FuzzyIndex, candidate_phrases, fuzzy_hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skills: Kubernets, Postgre SQL, sci-kit learn", [("kubernetes", "Kubernets", 94.7), ("postgresql", "Postgre SQL", 100.0), ("scikit-learn", "sci-kit learn", 100.0)]),
        ("Frameworks: Tensorflow 2, Pytorch", [("tensorflow", "Tensorflow 2", 95.2), ("pytorch", "Pytorch", 100.0)]),
        ("Deployed services on Kuberntes clusters", [("kubernetes", "Kuberntes", 94.7)]),
    ],
)
def test_fuzzy_finds_typos_and_variants(extractor: SkillExtractor, text: str, expected: list[tuple[str, str, float]]) -> None:
    stated = [(m.skill_id, m.text, m.score) for m in extractor.extract(text).mentions if m.method != "implied"]
    assert stated == expected


def test_fuzzy_never_matches_short_tokens_and_respects_cutoff(fixture_taxonomy) -> None:
    index = FuzzyIndex([("SQL", "sql"), ("MySQL", "mysql"), ("Kubernetes", "kubernetes")], cutoff=90)
    assert index.lookup("SQ") is None
    assert index.lookup("SQLL") is None  # "sql" is too short to be a fuzzy target
    assert index.lookup("MySQl") == ("mysql", 100.0)
    assert index.lookup("Kubern") is None  # ratio 75 < 90
    plus = FuzzyIndex([("Security+", "comptia"), ("Cybersecurity", "cybersecurity")], cutoff=90)
    assert plus.lookup("Security") is None  # ratio 94, but only a "+" apart: another name
    assert plus.lookup("Security +") == ("comptia", 100.0)
    strict = SkillExtractor(fixture_taxonomy, fuzzy_cutoff=96)
    assert strict.extract("Skills: Kubernets, Hadoopp, Hadop").skill_ids == ()
    assert SkillExtractor(fixture_taxonomy).extract("Skills: Kubernets, Hadoopp, Hadop").skill_ids == ("kubernetes", "hadoop")
    assert SkillExtractor(fixture_taxonomy, fuzzy=False).extract("Skills: Kubernets, Postgre SQL").skill_ids == ("sql",)


def test_an_ambiguous_name_is_no_typo_of_another_skill_and_a_plus_apart_is_another_name() -> None:
    """"Testing" (software testing's ambiguous name, which its context rule judges) is one edit
    from "TestNG" (ratio 92.3); "C++ Programming" is "C Programming" but for two "+"."""
    index = FuzzyIndex([("TestNG", "testing-frameworks"), ("Windows 7", "windows"), ("C Programming", "c")], cutoff=91, spelt=[("testing", "software-testing"), ("Windows", "windows")])
    assert index.lookup("Testing") is None and index.lookup("TESTING") is None
    assert index.lookup("Testng") == ("testing-frameworks", 100.0)  # a misspelt TestNG is still one
    assert index.lookup("Windows") == ("windows", pytest.approx(93.3, abs=0.1))  # its own skill's longer name
    assert index.lookup("C++ Programming") is None and index.lookup("C Programing") == ("c", pytest.approx(95.7, abs=0.1))


def test_a_one_letter_word_of_a_name_is_no_typo() -> None:
    """A phrase must hold a name's one-letter words as words: "Objective" (ratio 94.7) is no
    Objective-C, a machinist's "Cnc Programming" (92.9) no C Programming, whichever spelling of
    the name comes first; a typo elsewhere in the name still matches."""
    for names in ([("Objective-C", "objective-c"), ("ObjectiveC", "objective-c")], [("ObjectiveC", "objective-c"), ("Objective-C", "objective-c")]):
        index = FuzzyIndex([*names, ("C Programming", "c"), ("K-Nearest Neighbors", "knn")], cutoff=91)
        assert index.lookup("Objective") is None and index.lookup("Cnc Programming") is None
        assert index.lookup("Objectve-C") == ("objective-c", pytest.approx(94.7, abs=0.1))
        assert index.lookup("C Programing") == ("c", pytest.approx(95.7, abs=0.1))
        assert index.lookup("K-nearest Neighbor") == ("knn", pytest.approx(97.0, abs=0.1))


def test_length_band_loses_no_match(extractor: SkillExtractor) -> None:
    """Scoring only the names whose length can reach the cut-off finds exactly what scoring all of them finds."""
    names = extractor.pipeline.fuzzy_names
    banded, full = FuzzyIndex(names, cutoff=91), FuzzyIndex(names, cutoff=91)
    full._band = lambda first, length: full._buckets[first]  # type: ignore[method-assign]  # the whole bucket, as before
    keys = sorted({k for first in banded._buckets for k in banded._buckets[first][0]})
    typos = [v for k in keys for v in (k[:-1], k + k[-1], k[: len(k) // 2] + k[len(k) // 2 + 1 :], k + "s", k.upper())]
    assert [banded.lookup(t) for t in typos] == [full.lookup(t) for t in typos]
    assert len(typos) == 5 * len(keys) and sum(f is not None for f in map(banded.lookup, typos)) > 3 * len(keys)
    edge = FuzzyIndex([("Kubernetes", "kubernetes"), ("Kubeflow", "kubeflow")], cutoff=90)
    assert edge._band("k", 12) == (["kubernetes"], ["kubernetes"])  # 8 chars can never reach 90 against 12
    assert edge.lookup("kubernetesss") == ("kubernetes", pytest.approx(100 * 20 / 22))  # 12 vs 10 chars: on the band's edge, still in


def test_extractors_of_one_pipeline_share_the_bands_not_the_phrases(fixture_taxonomy) -> None:
    """A fresh index (`FuzzyIndex.fresh`) remembers no phrase but reads the bands its original
    made, and every extractor of one pipeline and cut-off gets one of the same original."""
    index = FuzzyIndex([("Kubernetes", "kubernetes"), ("Kubeflow", "kubeflow")], cutoff=90)
    assert index.lookup("Kubernets") == ("kubernetes", pytest.approx(94.7, abs=0.1)) and ("k", 9) in index._bands
    twin = index.fresh()
    assert twin._bands is index._bands and twin._memo == {} and twin._items == {}
    assert twin.lookup("Kubernets") == index.lookup("Kubernets") and "Kubernets" in twin._memo
    first, second = SkillExtractor(fixture_taxonomy), SkillExtractor(fixture_taxonomy)
    assert first.pipeline is second.pipeline and first._fuzzy_index is not None and second._fuzzy_index is not None
    assert first._fuzzy_index._bands is second._fuzzy_index._bands and first._fuzzy_index._memo is not second._fuzzy_index._memo
    strict = SkillExtractor(fixture_taxonomy, fuzzy_cutoff=96)._fuzzy_index
    assert strict is not None and strict.cutoff == 96 and strict._bands is not first._fuzzy_index._bands


def test_no_fuzzy_candidate_inside_or_on_a_match_whatever_the_order_of_the_matches() -> None:
    """The resolved matches come longest first at a start ("Regression Testing" before the
    "Regression" it holds): a candidate inside the longer one is covered all the same."""
    text = "Tools • Regression Testing, Testng, Jenkins"  # "Testing" is a capitalised term of its own
    index = FuzzyIndex([("Testing", "testing-frameworks"), ("TestNG", "testng")], cutoff=80)
    longer, inner = (8, 26), (8, 18)  # "Regression Testing", "Regression"
    for covered in ([longer, inner], [inner, longer]):
        assert [(text[h.start : h.end], h.skill_id) for h in fuzzy_hits(text, index, covered)] == [("Testng", "testng")]
    # a candidate holding whole matches still competes with them ("Postgre SQL" holds "SQL")
    assert [(h.start, h.end) for h in fuzzy_hits("DB: Postgre SQL, Redis", FuzzyIndex([("PostgreSQL", "postgresql")], cutoff=90), [(12, 15)])] == [(4, 15)]


def test_candidate_phrases_are_list_items_and_capitalised_terms() -> None:
    text = "Tools: Spark, Pandas and Kubernets / Airflow\nwe deploy with Terraform daily"
    spans = [text[s:e] for s, e in candidate_phrases(text)]
    assert spans == ["Tools", "Spark", "Pandas and Kubernets", "Pandas", "Kubernets", "Airflow", "Terraform"]


def test_implied_skills_are_kept_apart(extractor: SkillExtractor) -> None:
    profile = extractor.extract("Built models with PyTorch and Node.js services.")
    assert profile.skill_ids == ("pytorch", "node-js")
    assert profile.implied_ids == ("deep-learning", "python", "machine-learning", "javascript")
    implied = {m.skill_id: (m.implied_by, m.text, m.method) for m in profile.mentions if m.method == "implied"}
    assert implied == {
        "deep-learning": ("pytorch", "PyTorch", "implied"),
        "python": ("pytorch", "PyTorch", "implied"),
        "machine-learning": ("pytorch", "PyTorch", "implied"),
        "javascript": ("node-js", "Node.js", "implied"),
    }
    # a stated skill is never also implied; a negated one implies nothing
    assert extractor.extract("Python and PyTorch").implied_ids == ("deep-learning", "machine-learning")
    assert extractor.extract("No experience with PyTorch.").implied_ids == ()


TEXTS = [f"Candidate {i}: " + ("Python, SQL and Spark" if i % 3 == 0 else "Kubernets and Java developer" if i % 3 == 1 else "nothing here") for i in range(23)]


def test_extract_many_keeps_order_in_one_and_two_processes(extractor: SkillExtractor) -> None:
    one = [p.skill_ids for p in extractor.extract_many(TEXTS, batch_size=4)]
    assert one == [("python", "sql", "apache-spark") if i % 3 == 0 else ("kubernetes", "java") if i % 3 == 1 else () for i in range(23)]
    two = list(extractor.extract_many(TEXTS, batch_size=4, n_process=2))
    assert [p.skill_ids for p in two] == one
    assert [p.document.text for p in two] == TEXTS
    assert two[0].taxonomy is extractor.taxonomy
    assert [p.mentions for p in two] == [extractor.extract(t).mentions for t in TEXTS]


def test_to_frame_one_row_per_skill(extractor: SkillExtractor) -> None:
    frame = extractor.extract("Skills: Python, Kubernets, PyTorch. More Python.").to_frame()
    assert frame[["skill_id", "count", "best_score", "methods", "implied_only", "evidence"]].values.tolist() == [
        ["python", 2, 100.0, "exact", False, "Python"],
        ["kubernetes", 1, 94.7, "fuzzy", False, "Kubernets"],
        ["pytorch", 1, 100.0, "exact", False, "PyTorch"],
        ["deep-learning", 0, 100.0, "implied", True, "PyTorch"],
        ["machine-learning", 0, 100.0, "implied", True, "PyTorch"],
    ]


def test_bad_file_raises_document_error_in_one_and_two_processes(extractor: SkillExtractor, tmp_path) -> None:
    from skillgap.errors import DocumentError

    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    good = "Skills: Python, SQL"
    for n_process in (1, 2):
        stream = extractor.extract_many([good, bad, good], n_process=n_process, batch_size=1)
        assert next(stream).skill_ids == ("python", "sql")
        with pytest.raises(DocumentError, match="broken.pdf"):
            next(stream)


def test_own_nlp_gets_the_taxonomy_rules(fixture_taxonomy) -> None:
    import spacy

    nlp = spacy.blank("en")
    own = SkillExtractor(fixture_taxonomy, nlp=nlp)
    assert own.nlp is nlp
    assert own.extract("Languages: C#, C++ and Go").skill_ids == ("csharp", "cpp", "go")
