"""The words of a text as the lexical (BM25) and title parts of the match model read them.

A module of its own, without numpy, so that code which only compares titles (`skillgap.titles`,
and through it `skillgap.gap`) loads no array library.
"""

from __future__ import annotations

import re

#: A word: letters and digits, with inner ``+ # . -`` kept (C++, C#, node.js, e-commerce).
WORD = re.compile(r"[^\W_][\w+#]*(?:[.\-][^\W_][\w+#]*)*")  # no per-character alternation: a third faster


def words(text: str) -> list[str]:
    """The lowercased words of a text, in order (`WORD`)."""
    return WORD.findall(text.lower())
