"""The extractor's rules as a value (cues=), choice lists on Mention.choice, and the one extractor cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.extract import SkillExtractor
from skillgap.extract.pipeline import MAX_SHARED, _SHARED, default_extractor
from skillgap.rules import load_rules
from skillgap.taxonomy import Taxonomy


def _choices(extractor: SkillExtractor, text: str, kind: str = "posting") -> list[tuple[str, tuple[str, ...]]]:
    return [(m.skill_id, m.choice) for m in extractor.extract(text, kind=kind).mentions]


def test_choice_lists_are_found_by_the_extractor(extractor: SkillExtractor) -> None:
    assert _choices(extractor, "You know Python, Java or Scala. SQL is required.") == [
        ("python", ("java", "scala")), ("java", ("python", "scala")), ("scala", ("python", "java")), ("sql", ()),
    ]  # fmt: skip
    assert _choices(extractor, "Experience with one of: Python, Java, SQL") == [("python", ("java", "sql")), ("java", ("python", "sql")), ("sql", ("python", "java"))]
    assert _choices(extractor, "Python, SQL and Java.") == [("python", ()), ("sql", ()), ("java", ())]


def test_a_resume_offers_no_choices(extractor: SkillExtractor) -> None:
    assert _choices(extractor, "I used Python, Java or Scala.", kind="resume") == [("python", ()), ("java", ()), ("scala", ())]


def test_a_negated_skill_is_no_item_of_a_choice(extractor: SkillExtractor) -> None:
    assert _choices(extractor, "No experience with Java needed. Python or SQL.") == [("java", ()), ("python", ("sql",)), ("sql", ("python",))]


def test_cues_of_your_own(fixture_taxonomy: Taxonomy, tmp_path: Path) -> None:
    shipped = (Path(load_rules().source)).read_text(encoding="utf-8")
    path = tmp_path / "sections.yaml"
    mine_text = shipped.replace("  alternative_words: [or]", "  alternative_words: [or, either]").replace('"or", "•"', '"or", "either", "•"').replace("    - without\n", "")
    assert mine_text.count("either") == 2
    path.write_text(mine_text, encoding="utf-8")
    mine = SkillExtractor(fixture_taxonomy, cues=path)
    assert mine.rules is load_rules(path) and mine.pipeline is not SkillExtractor(fixture_taxonomy).pipeline
    text = "Python without SQL."
    assert [m.negated for m in SkillExtractor(fixture_taxonomy).extract(text, kind="resume").mentions] == [False, True]
    assert [m.negated for m in mine.extract(text, kind="resume").mentions] == [False, False]
    assert _choices(mine, "Python either SQL.") == [("python", ("sql",)), ("sql", ("python",))]
    assert mine.cues.alternative_words == frozenset({"or", "either"}) and mine.cues.bullets >= {"•", "▪", "●"}


def test_the_vocabulary_of_the_rules_reads_the_documents(fixture_taxonomy: Taxonomy, tmp_path: Path) -> None:
    path = tmp_path / "sections.yaml"
    path.write_text("resume:\n  headings:\n    skills: [toolbox]\nposting:\n  headings:\n    about: [hello]\n", encoding="utf-8")
    profile = SkillExtractor(fixture_taxonomy, cues=path).extract("Jane\nTOOLBOX\nPython", kind="resume")
    assert [(m.skill_id, m.section) for m in profile.mentions] == [("python", "skills")]


def test_one_cache_shared_by_every_extractor_of_a_taxonomy_and_rules(fixture_taxonomy: Taxonomy) -> None:
    shared = default_extractor(fixture_taxonomy)
    assert default_extractor(fixture_taxonomy, load_rules()) is shared
    assert SkillExtractor(fixture_taxonomy, fuzzy=False).pipeline is SkillExtractor(fixture_taxonomy, fuzzy_cutoff=80).pipeline is shared.pipeline


def test_the_cache_stays_small(tmp_path: Path) -> None:
    from skillgap.taxonomy import load_taxonomy

    for i in range(MAX_SHARED + 2):
        (tmp_path / f"t{i}.yaml").write_text(f"category: X\nskills:\n  - {{id: s{i}, label: Skill{i}}}\n", encoding="utf-8")
        default_extractor(load_taxonomy(tmp_path / f"t{i}.yaml"))
    assert len(_SHARED) == MAX_SHARED


def test_a_shared_pipeline_freezes_what_is_alive_and_an_eviction_lets_the_frozen_cycles_go(tmp_path: Path) -> None:
    """The shared extractor's objects (and the process's before them) skip the cyclic collector's passes
    (`gc.freeze`); once the cache drops a pipeline, the frozen objects are unfrozen and their cycles collected."""
    import gc
    import weakref

    from skillgap.taxonomy import load_taxonomy

    class Node:
        pass

    def shared(i: int) -> SkillExtractor:
        (tmp_path / f"f{i}.yaml").write_text(f"category: X\nskills:\n  - {{id: f{i}, label: Frozen{i}}}\n", encoding="utf-8")
        return default_extractor(load_taxonomy(tmp_path / f"f{i}.yaml"))

    node = Node()
    node.cycle = node  # type: ignore[attr-defined]
    alive = weakref.ref(node)
    pipeline = shared(0).pipeline
    assert gc.is_tracked(pipeline) and id(pipeline) not in {id(o) for o in gc.get_objects()}  # frozen
    del node, pipeline
    gc.collect()
    assert alive() is not None  # a frozen cycle is never collected...
    for i in range(1, MAX_SHARED + 1):
        shared(i)  # ...until the cache drops a pipeline (the fifth new one here at the latest)
    assert alive() is None


def test_a_batch_is_extracted_with_the_cyclic_collector_paused_and_the_setting_comes_back(extractor: SkillExtractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """No collection runs while a batch's mentions are made (its objects live together until then);
    the collector is on again after it, also when extraction raises, and stays off when it was off."""
    import gc

    seen: list[bool] = []
    found_many = extractor._found_many

    def spy(views, collect=None):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return found_many(views, collect)

    monkeypatch.setattr(extractor, "_found_many", spy)
    assert gc.isenabled()
    profiles = list(extractor.extract_many(["Python and SQL.", "PostgreSQL."] * 3, kind="posting"))
    assert [p.skill_ids for p in profiles] == [("python", "sql"), ("postgresql",)] * 3
    assert seen == [False] * 6 and gc.isenabled()  # (unverified: one document at a time)

    def broken(views, collect=None):  # type: ignore[no-untyped-def]
        raise RuntimeError("broken batch")

    monkeypatch.setattr(extractor, "_found_many", broken)
    with pytest.raises(RuntimeError, match="broken batch"):
        extractor.extract("Python.")
    assert gc.isenabled()
    monkeypatch.setattr(extractor, "_found_many", spy)
    gc.disable()
    try:
        assert extractor.extract("Python.").skill_ids == ("python",)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False] * 7
