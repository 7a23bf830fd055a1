"""Exact matching: labels, aliases, generated variants, tokenizer special cases, overlaps, spans."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.extract import SkillExtractor, context
from skillgap.extract.pipeline import SPANS_KEY, Match, default_extractor, held, resolve, without_cutting_patterns
from skillgap.extract.variants import term_variants


def test_variants_of_names() -> None:
    assert term_variants("scikit-learn") == {"scikit-learn", "scikit learn", "scikitlearn", "scikit-learns", "scikit learns", "scikitlearns"}
    assert term_variants("t-test") == {"t-test", "t test", "ttest", "t-tests", "t tests", "ttests"}
    assert term_variants("Node.js") == {"Node.js", "Node js", "Node-js", "Nodejs"}
    assert term_variants("Power BI") == {"Power BI", "Power-BI", "PowerBI", "PowerBIs"}
    assert term_variants("TensorFlow") == {"TensorFlow", "Tensor Flow", "TensorFlows", "Tensor Flows"}
    assert term_variants("API") == {"API", "APIs"}
    assert term_variants("C++") == {"C++"}
    # a camel-case split that opens with a function word is a phrase of English, not the name
    assert term_variants("InDesign", plural=False, function_words=frozenset({"in", "now"})) == {"InDesign"}
    assert term_variants("ServiceNow", plural=False, function_words=frozenset({"in", "now"})) == {"ServiceNow", "Service Now"}


def test_a_name_split_into_a_phrase_of_english_is_none() -> None:
    # dev texts: "Experience in design and implementation of ...", 9 times InDesign, all wrong; "Service Now" (5, right) stays
    shipped = SkillExtractor(verify=False)
    assert shipped.extract("Experience in design and implementation of machine learning solutions.").skill_ids == ("machine-learning",)
    assert shipped.extract("Tools: MS Office, Service Now, ITSM").skill_ids == ("microsoft-office", "it-service-management")


def test_labels_aliases_and_variants_match_case_insensitively(ids) -> None:
    # posting 010: "Tools: Spark, Pandas, SciKit-Learn, TensorFlow, Keras, SQL"
    assert ids("Tools: Spark, Pandas, SciKit-Learn, TensorFlow, Keras, SQL") == ["apache-spark", "scikit-learn", "tensorflow", "sql"]
    # "node js" also names JS (an alias of JavaScript) inside it: both are kept
    assert ids("sklearn, scikit learn and NodeJS; node js; nodejs") == ["scikit-learn", "node-js", "javascript"]
    assert ids("We build REST APIs on kubernetes (k8s) and POSTGRES") == ["rest-api", "kubernetes", "postgresql"]


def test_tokenizer_keeps_punctuated_names_whole(ids, extractor: SkillExtractor) -> None:
    text = "Languages: C++, C#, .NET (C++). CI/CD, A/B testing, TensorFlow2 and Python3."
    assert [t.text for t in extractor.nlp("C++, C#, .NET TensorFlow2 CI/CD")] == ["C++", ",", "C#", ",", ".NET", "TensorFlow", "2", "CI/CD"]
    assert ids(text) == ["cpp", "csharp", "dotnet", "ci-cd", "ab-testing", "tensorflow", "python"]


def test_glued_brackets_split(ids, extractor: SkillExtractor) -> None:
    # résumé OmkarResume: "Backend Technologies: Django, Flask(Python), Laravel(PHP)" printed without spaces
    assert [t.text for t in extractor.nlp("Flask(Python),Laravel(PHP)")] == ["Flask", "(", "Python", ")", ",", "Laravel", "(", "PHP", ")"]
    assert ids("Microsoft Excel(R) and Python(3 years)") == ["excel", "python"]


def test_glued_bullet_dash_and_comma_after_symbol_split(extractor: SkillExtractor) -> None:
    # résumé Prashant_Bhat: "-Supervised and unsupervised learning"; Amruta_B: "Core Java,C#,Asp.Net"
    assert [t.text for t in extractor.nlp("-Supervised and")] == ["-", "Supervised", "and"]
    assert [t.text for t in extractor.nlp("Java,C#,Asp C++,Go")] == ["Java", ",", "C#", ",", "Asp", "C++", ",", "Go"]
    # a hyphen inside a word or before a digit stays
    assert [t.text for t in extractor.nlp("C-suite -5")] == ["C", "-", "suite", "-5"]


def test_trailing_dash_before_a_space_split(extractor: SkillExtractor) -> None:
    # dotin / DataTurks résumés: "French- Intermediate", "version control tool GIT- Creating branches"
    assert [t.text for t in extractor.nlp("GIT- Creating pre- and post-processing")] == ["GIT", "-", "Creating", "pre", "-", "and", "post", "-", "processing"]
    found = [(m.skill_id, m.text) for m in SkillExtractor().extract("Experience on version control tool GIT- Creating branches, ITIL- Incident Management", kind="resume").mentions]
    assert found == [("git", "version control"), ("git", "GIT"), ("it-service-management", "ITIL"), ("it-service-management", "Incident Management")]


def test_a_pattern_of_another_skill_on_the_same_span_is_kept() -> None:
    # résumé awesomecv: "API microservices in Node.js Koa"; the gold counts any "X.js" as JavaScript
    mentions = SkillExtractor().extract("Implemented API microservices in Node.js and D3.js").mentions
    assert [(m.skill_id, m.text, m.method) for m in mentions if m.skill_id in ("node-js", "javascript", "d3-js")] == [
        ("node-js", "Node.js", "exact"), ("javascript", "Node.js", "pattern"), ("d3-js", "D3.js", "exact"), ("javascript", "D3.js", "pattern"),
    ]


def test_longest_match_wins(extractor: SkillExtractor) -> None:
    # posting 022: "data science tools (Python, apache spark, TensorFlow)"
    profile = extractor.extract("employing various data science tools (Python, apache spark, TensorFlow) and techniques")
    spark = profile.mentions_of("apache-spark")
    assert [(m.text, m.method, m.score) for m in spark] == [("apache spark", "exact", 100.0)]
    # "Microsoft Azure" is one mention, not "Azure" inside it; "MS Excel" is sure without context
    assert [(m.skill_id, m.text) for m in extractor.extract("Microsoft Azure and MS Excel").mentions] == [("azure", "Microsoft Azure"), ("excel", "MS Excel")]


def test_nested_mention_of_another_skill_is_kept(extractor: SkillExtractor) -> None:
    # posting 015: "C/C++" is a pattern of C holding C++; posting 017: "unsupervised machine learning"
    mentions = extractor.extract("SQL, Java or C/C++.").mentions
    assert [(m.skill_id, m.text, m.method) for m in mentions if m.method != "implied"] == [
        ("sql", "SQL", "exact"), ("java", "Java", "pattern"), ("c", "C/C++", "pattern"), ("cpp", "C++", "exact"),
    ]
    text = "supervised and unsupervised machine learning techniques"
    assert [(m.skill_id, m.text) for m in extractor.extract(text).mentions] == [
        ("unsupervised-learning", "unsupervised machine learning"), ("machine-learning", "machine learning"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `hides`: a longer term whose words name another skill without meaning it (dev texts: 27
        # "regression testing", 29 "Amazon Web Services", 18 "data warehousing" of 529), and twins
        ("Performed smoke testing and Regression testing; wrote regression tests.", ["software-testing"]),
        ("Experience with Amazon Web Services (EC2, S3) and Python", ["aws", "aws-ec2", "aws-s3", "python"]),
        ("Basic knowledge of data warehousing, data marts and SQL", ["data-warehousing", "sql"]),
        ("Search Engine Optimization (SEO) and Google Ads", ["digital-marketing"]),
        ("Languages: Java Script, HTML; linear programming; non-relational databases", ["javascript", "html", "optimization", "nosql"]),
        ("Fitted linear regression models; SOAP web services; warehousing and logistics", ["regression", "web-services", "supply-chain"]),
        # a field of engineering holds no soft skill (DataTurks dev résumés: "Electronics & Communications Engineering")
        ("B.S. in Electronics & Communications Engineering; data communication systems", ["electrical-engineering"]),
    ],
)
def test_a_longer_term_hides_the_skills_its_words_do_not_mean(text: str, expected: list[str]) -> None:
    assert list(default_extractor().extract(text, kind="resume").skill_ids) == expected  # the shipped taxonomy


def test_a_match_inside_a_longer_one_the_verifier_drops() -> None:
    """Its words were read as the longer term: another skill's match there goes unless the longer
    term would hold it as a nested mention (a sure name it does not hide); a shorter form of the
    same skill stands."""
    hides = {"data-warehousing": frozenset({"supply-chain"})}
    ab = Match(0, 3, "hypothesis-testing", "exact")  # "A/B Testing", dropped
    testing = Match(2, 3, "software-testing", "pattern", ambiguous=True)
    assert held([testing], [ab], hides) == [] and held([testing], [], hides) == [testing]
    apache_kafka, kafka = Match(0, 2, "apache-kafka", "exact"), Match(1, 2, "apache-kafka", "exact")
    assert held([kafka], [apache_kafka], hides) == [kafka]
    dwh, warehousing = Match(0, 2, "data-warehousing", "exact"), Match(1, 2, "supply-chain", "exact")
    assert held([warehousing], [dwh], {}) == [warehousing]  # a sure name nested in it
    assert held([warehousing], [dwh], hides) == [] and held([dwh, warehousing], [], hides) == [dwh]
    assert held([warehousing], [Match(0, 2, "data-warehousing", "fuzzy")], {}) == [warehousing]  # a fuzzy guess reads nothing


def test_a_pattern_cutting_through_a_name_of_its_own_skill_yields_to_it() -> None:
    """"Unit Testing, Integration Testing" is two names of Software Testing, not the stage pattern
    "Testing, Integration" that cuts them; a pattern holding the name, or another skill's, stands,
    and so does one cut by a name read across a line wrap."""
    space = [t.is_space for t in spacy.blank("en")("Unit Testing , Integration Testing")]
    unit, integration = Match(0, 2, "software-testing", "exact"), Match(3, 5, "software-testing", "exact")
    stage = Match(1, 4, "software-testing", "pattern", score=100.0)
    assert without_cutting_patterns([unit, stage, integration], space) == [unit, integration]
    holding = Match(0, 5, "software-testing", "pattern", score=100.0)
    assert resolve(without_cutting_patterns([unit, holding, integration], space)) == [holding]
    other = Match(1, 4, "agile", "pattern", score=100.0)
    assert without_cutting_patterns([unit, other, integration], space) == [unit, other, integration]
    wrapped = [t.is_space for t in spacy.blank("en")("Fluent\nGerman (basic)")]
    german = Match(2, 6, "languages-german", "pattern", score=100.0)
    assert without_cutting_patterns([Match(0, 3, "languages-german", "exact"), german], wrapped)[-1] == german


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gold traps (postings 003, 006, 020; résumé awesomecv) and their skill-naming twins
        ("help Analysis Group in maintaining our leadership position in terms of advancing methodology", []),
        ("hanging out in one of our collaboration spaces", []),
        ("Certified Kubernetes Application Developer (CKAD), The Linux Foundation", ["kubernetes"]),
        ("You'll report directly to Triplebytes' Head of Machine Learning", []),
        ("Experience with machine learning and Linux; strong leadership", ["machine-learning", "linux", "leadership"]),
        # no phrase needed: other people ("with executive leadership"), an ambiguous name out of context
        ("Partner with executive leadership to ensure alignment; gain support from executive leadership.", []),
        ("an internal project for the company using Python and SQL for testing purposes", ["python", "sql"]),
        ("Skills: Executive leadership, Python", ["leadership", "python"]),
        ("Worked on software testing of the Python service", ["software-testing", "python"]),
    ],
)
def test_not_skill_phrases_and_job_titles(ids, text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_soft_skills_take_no_plural_variant(ids) -> None:
    # posting 013: "Our team works closely with our business partners" is no "Team Work"
    assert ids("Our team works closely with our business partners. Team Work matters.") == ["collaboration"]
    assert ids("Team Work") == ["collaboration"]
    assert ids("data warehouses") == ["data-warehousing"]


def test_matches_are_kept_in_doc_spans_with_skill_ids(extractor: SkillExtractor) -> None:
    doc = extractor.nlp("Proficient in Java or Scala and MySQL")
    document = extractor.extract("Proficient in Java or Scala and MySQL").document
    extractor.mentions(document, doc)
    assert [(s.text, s.id_, s.label_) for s in doc.spans[SPANS_KEY]] == [("Java", "java", "pattern"), ("Scala", "scala", "pattern"), ("MySQL", "mysql", "exact")]


def test_pattern_field_gives_sure_forms(extractor: SkillExtractor) -> None:
    mentions = extractor.extract("Dashboards built in R Shiny.").mentions
    assert [(m.skill_id, m.text, m.method) for m in mentions] == [("r", "R Shiny", "pattern")]


def test_one_pipeline_per_taxonomy(fixture_taxonomy) -> None:
    a, b = SkillExtractor(fixture_taxonomy), SkillExtractor(fixture_taxonomy, fuzzy=False)
    assert a.pipeline is b.pipeline is default_extractor(fixture_taxonomy).pipeline
    assert a.nlp.pipe_names == []


def test_mention_evidence_fields(extractor: SkillExtractor) -> None:
    text = "Summary\nStrong SQL skills.\n3+ years of experience with Python and Hadoop."
    mentions = extractor.extract(text).mentions
    assert [(m.skill_id, m.text, m.start, m.end, m.method, m.score, m.page, m.negated, m.years) for m in mentions] == [
        ("sql", "SQL", 15, 18, "exact", 100.0, 1, False, None),
        ("python", "Python", 55, 61, "exact", 100.0, 1, False, 3.0),
        ("hadoop", "Hadoop", 66, 72, "exact", 100.0, 1, False, 3.0),
    ]
    assert text[55:61] == "Python"


_MATCHES = st.lists(
    st.builds(
        lambda start, length, skill, method, ambiguous: Match(start, start + length, skill, method, ambiguous),
        st.integers(0, 12), st.integers(1, 4), st.sampled_from("abc"), st.sampled_from(["exact", "pattern", "fuzzy"]), st.booleans(),
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_MATCHES)
def test_resolving_resolved_matches_changes_nothing(matches: list[Match]) -> None:
    """The extractor skips the second resolve when fuzzy matching adds nothing: that must be a no-op."""
    once = resolve(matches)
    assert resolve(once) == once


def test_extraction_leaves_no_reference_cycles() -> None:
    """A document's view, features and list items are freed when extraction ends, not left to the
    cyclic garbage collector (whose passes over a batch's live objects cost time, mostly with the verifier)."""
    import gc

    extractor = default_extractor()
    text = "Skills: Python, R and SQL; Go, Spark.\nYou will work in a small team. Experience with Tableou."
    extractor.extract(text, kind="posting")  # warm: caches filled once are no garbage
    gc.collect()
    gc.disable()
    try:
        profile = extractor.extract(text, kind="posting")
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert {"python", "r", "sql", "collaboration"} <= {m.skill_id for m in profile.mentions}


def test_a_name_broken_by_a_line_wrap_is_matched() -> None:
    # DataTurks résumé: "Product Roadmap (2 years), Stakeholder" / "Management (10+ years)"; a blank line ends a name
    text = "SKILLS\nAgile Methodologies (6 years), Product Roadmap (2 years), Stakeholder\nManagement (10+ years), Configuration\nmanagement, Machine\n\nLearning\n"
    found = [(m.skill_id, m.text, m.start) for m in SkillExtractor().extract(text, kind="resume").mentions if m.method != "implied"]
    assert found == [
        ("agile", "Agile Methodologies", 7), ("product-management", "Product Roadmap", 38),
        ("stakeholder-management", "Stakeholder\nManagement", 65), ("configuration-management", "Configuration\nmanagement", 101),
    ]  # fmt: skip


def test_wrapped_names_read_from_the_clauses_columns_are_those_read_from_the_doc() -> None:
    # the extractor hands the clauses' LOWER and IS_SPACE columns over; a blank line, and a line that goes on with no word, end a name
    pipeline = SkillExtractor().pipeline
    doc = pipeline.doc("Stakeholder\nManagement, Configuration\nmanagement, Machine\n\nLearning, Python\n2+ years, Six  Sigma\n")
    array = context.Clauses(doc).array
    given = pipeline.wrapped(doc, array[:, 1], array[:, 2])
    assert given == pipeline.wrapped(doc)
    assert [(m.skill_id, doc[m.start : m.end].text) for m in given] == [
        ("stakeholder-management", "Stakeholder\nManagement"), ("configuration-management", "Configuration\nmanagement"), ("six-sigma", "Six  Sigma"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dev résumés: three "functional, regression and smoke testing" kinds of coordination, all Regression wrong
        ("Involved in functional, regression and smoke testing.", ()),
        ("Responsible for regression and Manual testing of routers.", ("software-testing",)),
        ("Conducting functional, regression and end to end testing.", ("software-testing",)),
        ("Regression and Functional Testing", ("software-testing",)),
        # no other item names a kind of software test: the statistics stand
        ("Statistics: linear regression and hypothesis testing.", ("statistics", "regression", "hypothesis-testing")),
        ("Used regression, clustering and statistical testing.", ("regression", "unsupervised-learning", "hypothesis-testing")),
        ("Automation for regression and feature testing.", ("regression",)),
    ],
)
def test_a_head_shared_by_a_coordination_hides_as_the_whole_name_does(text: str, expected: tuple[str, ...]) -> None:
    assert SkillExtractor(verify=False).extract(text).skill_ids == expected
