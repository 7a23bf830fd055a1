"""BM25 of one query over the documents of a ranking (skillgap.lexical)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from skillgap.lexical import Bm25, LexicalIndex, relative, words


def test_words_keep_inner_marks_and_drop_punctuation():
    assert words("C++, C# and node.js; e-commerce (SQL).") == ["c++", "c#", "and", "node.js", "e-commerce", "sql"]


def test_bm25_matches_the_formula_by_hand():
    index = LexicalIndex("Python SQL python")
    for text in ("python python java", "SQL", "cooking"):
        index.add(text)
    idf = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))  # each query word is in one of the three documents
    avgdl = 5 / 3

    def term(tf: int, length: int) -> float:
        return idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / avgdl))

    assert index.scores() == pytest.approx([term(2, 3), term(1, 1), 0.0])
    assert index.evidence() == [("python",), ("sql",), ()]
    assert index.query == ("python", "sql")  # distinct query words, in order


def test_documents_keep_only_counts_of_query_words():
    index = LexicalIndex("data")
    index.add("data " * 3 + "other words here")
    assert index._rows == [{0: 3}] and index._lengths == [6]


def test_counts_made_by_another_index_of_the_same_query_score_as_the_texts():
    # a worker process tokenises with its own index of the query and sends the counts
    query, texts = "Python and SQL, Python", ["python python sql", "SQL only here", "nothing"]
    here, there = LexicalIndex(query, Bm25(query_counts=True)), LexicalIndex(query, Bm25(query_counts=True))
    for text in texts:
        here.add(text)
    counts = [LexicalIndex(query).counts(text) for text in texts]
    assert counts == [({0: 2, 2: 1}, 3), ({2: 1}, 3), ({}, 1)]  # columns: python, and, sql
    assert [there.add_counts(*c) for c in counts] == [0, 1, 2]
    assert there.scores().tolist() == here.scores().tolist() and there.evidence() == here.evidence()


def test_b_zero_ignores_length():
    index = LexicalIndex("sql", Bm25(k1=1.2, b=0.0))
    index.add("sql")
    index.add("sql " + "filler " * 50)
    first, second = index.scores()
    assert first == pytest.approx(second)


def test_empty_index_and_relative_scale():
    assert LexicalIndex("anything").scores().tolist() == []
    assert relative(np.asarray([2.0, 1.0, 0.0])).tolist() == [1.0, 0.5, 0.0]
    assert relative(np.asarray([0.0, 0.0])).tolist() == [0.0, 0.0]


def test_query_counts_weigh_each_query_word_by_its_count_in_the_query():
    plain, counted = LexicalIndex("purchase, purchase planning, purchase executive"), LexicalIndex("purchase, purchase planning, purchase executive", Bm25(query_counts=True))
    for index in (plain, counted):
        for text in ("purchase orders", "planning orders", "cooking"):
            index.add(text)
    assert counted.query == plain.query == ("purchase", "planning", "executive")
    purchase, planning = plain.scores()[:2]
    assert purchase == pytest.approx(planning)  # same tf, same df, same length: Lucene's BM25 counts the query word once
    assert counted.scores().tolist() == pytest.approx([3 * purchase, planning, 0.0])
