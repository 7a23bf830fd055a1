"""The sorted word table: each word's value, worked out once per word, the table starting over past its limit."""

from __future__ import annotations

import numpy

from skillgap.extract.wordtable import WordTable


def test_values_come_from_one_make_per_new_word() -> None:
    table = WordTable(limit=10)
    asked: list[tuple[list[int], list[int]]] = []

    def make(words: numpy.ndarray, first: numpy.ndarray) -> list[int]:
        asked.append((words.tolist(), first.tolist()))
        return [w * 10 for w in words.tolist()]

    doc = numpy.array([7, 3, 7, 5], dtype=numpy.uint64)
    assert table.of(doc, make).tolist() == [70, 30, 70, 50]
    assert asked == [([3, 5, 7], [1, 3, 0])]  # sorted distinct new words, the token of each one's first occurrence
    assert table.of(numpy.array([5, 9, 3, 9], dtype=numpy.uint64), make).tolist() == [50, 90, 30, 90]
    assert asked[1:] == [([9], [1])]
    assert len(table) == 4


def test_the_table_starts_over_past_its_limit() -> None:
    table = WordTable(limit=3)
    make = lambda words, _first: [int(w) + 1 for w in words.tolist()]  # noqa: E731
    table.of(numpy.array([1, 2], dtype=numpy.uint64), make)
    assert table.of(numpy.array([4, 5, 1], dtype=numpy.uint64), make).tolist() == [5, 6, 2]
    assert len(table) == 3  # 1, 2, 4 and 5 would be four: the table starts over with this document's words
    assert table.of(numpy.array([2], dtype=numpy.uint64), make).tolist() == [3]  # 2 went: worked out again, past the limit once more
    assert len(table) == 1
