"""Tokenizer affix rules that skip plain words: spaCy asks every uncached chunk for a prefix, a
suffix and infixes, and most chunks are plain ASCII words ("Python", "experience") in which no
English rule can match: each rule needs punctuation, a symbol, a digit or an apostrophe. Those
look-ups were a fifth of extraction time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en import English
from spacy.language import Language


class PlainWordSkip:
    """A compiled affix regex that answers "no match" for a plain ASCII word without running.

    ``pattern`` is the regex's, so a tokenizer holding these still serialises (spaCy reads
    ``search.__self__.pattern``); read back, it holds the plain regex, with the same results.
    """

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.pattern = regex.pattern

    def search(self, text: str) -> re.Match[str] | None:
        """``regex.search``, skipped for a plain word."""
        return None if text.isalpha() and text.isascii() else self.regex.search(text)

    def search_suffix(self, text: str) -> re.Match[str] | None:
        """``regex.search`` for the suffix rules, with a word plus one ASCII mark ("Python,", "skills.")
        searched only at the mark: no rule that could start inside the word (units, "US$") may
        follow letters, and the leftmost match is the one spaCy takes."""
        if text.isascii():
            if text.isalpha():
                return None
            if text[:-1].isalpha():
                return self.regex.search(text, len(text) - 1)
        return self.regex.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``regex.finditer``, skipped for a plain word."""
        return iter(()) if text.isalpha() and text.isascii() else self.regex.finditer(text)


def english_rules(nlp: Language) -> bool:
    """Whether ``nlp`` tokenizes with spaCy's English affix rules (the ones the skip is proven for)."""
    ours, en = nlp.Defaults, English.Defaults
    return (ours.prefixes, ours.suffixes, ours.infixes) == (en.prefixes, en.suffixes, en.infixes)
