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


@pytest.mark.parametrize("n_process", [2])
def test_workers_get_the_taxonomy_and_rules_pickled(fixture_taxonomy: Taxonomy, tmp_path: Path, n_process: int) -> None:
    path = tmp_path / "sections.yaml"
    path.write_text("resume:\n  headings:\n    skills: [toolbox]\nposting:\n  headings:\n    about: [hello]\n", encoding="utf-8")
    mine = SkillExtractor(fixture_taxonomy, cues=path)
    texts = ["Jane\nTOOLBOX\nPython", "Joe\nSKILLS\nSQL"]
    assert [[(m.skill_id, m.section) for m in p.mentions] for p in mine.extract_many(texts, kind="resume", n_process=n_process, batch_size=1)] == [
        [("python", "skills")], [("sql", None)],
    ]  # fmt: skip
