"""Headlines of résumés, titles of postings and their similarity (skillgap.titles)."""

from __future__ import annotations

import pytest

from skillgap import read_document
from skillgap.documents.career import read_career
from skillgap.titles import candidate_titles, headline, job_title, stems, title_similarity


def test_headline_skips_masked_names_and_contact_lines():
    doc = read_document(
        "****************\nJava full stack developer\nphone: +972 54 123 4567\njane@example.com\n\nExperience\nAcme Corp, 2019 - 2023\n", kind="resume"
    )
    assert headline(doc) == "Java full stack developer"


def test_job_title_is_the_first_line_with_letters():
    doc = read_document("\n  --  \nBackend Software Developer\nWe build things.\n", kind="posting")
    assert job_title(doc) == "Backend Software Developer"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Junior Level Software Developer (1-4 years experience)\nWe build things.\n", "Junior Level Software Developer ("),  # to the end of the connectives
        ("Senior Accountant (5+ years)\nYou will close the books.\n", "Senior Accountant ()"),
        ("Data Analyst, 3+ years of experience with SQL\nWe build things.\n", "Data Analyst, SQL"),  # the skill after the connectives stays
        ("Backend Software Developer\nAt least 3 years of experience with Java\n", "Backend Software Developer"),  # a years ask below the title
    ],
)
def test_the_job_title_leaves_out_the_years_it_asks(text, title):
    from skillgap.documents.asks import read_asks

    doc = read_document(text, kind="posting")
    assert job_title(doc, read_asks(doc).years) == title


def test_stems_cut_words_and_drop_short_ones_and_numbers():
    assert stems("Sr. Developer (1-4 years) in IT") == frozenset({"devel", "years"})


@pytest.mark.parametrize(
    ("job", "titles", "value", "matched"),
    [
        ("Logistics Manager", ["LOGISTIC MANAGER"], 0.75, ("logistics", "manager")),
        ("Backend Software Developer", ["Java backend development"], 0.75, ("backend", "developer")),
        ("Purchase Executive", ["Chef"], 0.0, ()),
        ("", ["Chef"], 0.0, ()),
    ],
)
def test_title_similarity_counts_shared_words(job, titles, value, matched):
    assert title_similarity(job, titles) == (pytest.approx(value), matched)


def test_a_long_specific_title_is_not_worth_less_than_a_short_one():
    titles = ["Junior Java Backend Developer"]
    assert title_similarity("Junior Backend Java Developer", titles)[0] > title_similarity("Developer", titles)[0]


def test_candidate_titles_are_the_headline_then_the_positions_titles():
    doc = read_document(
        "SALES AGENT\n\nExperience\nSales Agent Jan 2019 to Current\nAcme Corp\nSold things.\n"
        "Subcontracts Administrator/Buyer Mar 2012 to Dec 2018\nBeta Inc\nBought things.\n",
        kind="resume",
    )
    career = read_career(doc)
    assert candidate_titles(doc, career) == ("SALES AGENT", "Sales Agent", "Subcontracts Administrator/Buyer")
    assert title_similarity("Purchase Executive, Buyer", candidate_titles(doc, career)) == (0.5, ("buyer",))
