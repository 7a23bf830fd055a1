"""Surface variants of a skill name: the spellings people write for the same term.

"scikit-learn" is also written "scikit learn" and "scikitlearn", "Node.js" also "NodeJS" and
"Node JS", "Power BI" also "PowerBI", "TensorFlow" also "Tensor Flow", "API" also "APIs".
The extractor adds these to its phrase matcher so the taxonomy lists only real aliases.
"""

from __future__ import annotations

import re

_SEP = re.compile(r"[\s\-._]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
#: Joiners tried between the parts of a multi-part name.
_JOINERS = (" ", "-", "", ".")


def term_variants(term: str, *, plural: bool = True, function_words: frozenset[str] = frozenset()) -> set[str]:
    """The term itself plus its separator, camel-case and (if ``plural``) plural variants, case kept.

    Soft skills take no plural: "Team Work" must not become the verb phrase "team works"; nor is
    a name split at its camel case when the split opens with one of ``function_words``: "InDesign"
    split is the phrase "in design" ("experience in design and implementation").
    """
    term = " ".join(term.split())
    out = {term}
    parts = [p for p in _SEP.split(term) if p]
    if 2 <= len(parts) <= 4 and all(any(c.isalnum() for c in p) for p in parts):
        for joiner in _JOINERS:
            if joiner == "." and "." not in term:
                continue  # a dot joins only names that have one ("Node.js" <-> "Node js")
            out.add(joiner.join(parts))
    if " " not in term and _CAMEL.search(term):
        split = _CAMEL.sub(" ", term)
        if split.split(" ", 1)[0].lower() not in function_words:
            out.add(split)
    for form in list(out) if plural else ():
        many = _plural(form)
        if many:
            out.add(many)
    return {v for v in out if v}


def _plural(term: str) -> str | None:
    """English plural of the last word for names that can take one ("API" -> "APIs", "t-test" -> "t-tests")."""
    last = term.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
    if len(last) < 3 or not last.isalpha() or last[-1] in "sSxX" or last[-1] == "y":
        return None
    return f"{term}s"
