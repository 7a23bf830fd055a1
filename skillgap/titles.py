"""Title similarity: how close the candidate's headline (and past job titles) are to the job's title.

A recruiter reads a résumé's top line ("Java Backend Developer", "PURCHASE MANAGER") and the
titles of its positions against the job's title before anything else. The job's title is the
first line of the posting without the years it asks (`job_title`; a role's label for a role profile); the candidate's titles are the
lines above the résumé's first section heading (the headline, at most `HEADLINE_LINES` of them,
masked names and contact lines skipped) and the titles of the positions the career reader found
(`candidate_titles`: a buyer who now heads sales is still a buyer to a purchasing job). Words are compared by their first `STEM` letters, so "Developer" meets "Development"
and "Logistics" meets "Logistic":

    title = 1 - 0.5 ** |stems(job title) & stems(candidate titles)|

(0..1: each title word the two share halves the distance to 1; words of one or two letters and
numbers are left out). It counts shared words rather than the share of the job title's words,
so a long, specific title ("Junior Backend Java Developer") is not worth less than a short
generic one ("Developer") to a candidate it describes: on the Vanetik tuning CVs the share
ranked the vacancies at Spearman -0.30 and the count at +0.08.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .documents.asks import YearsStatement
from .documents.career import Career
from .documents.model import Document
from .words import words

#: Lines above the first section heading read as the candidate's headline.
HEADLINE_LINES = 3
#: Characters of a line kept (a headline is short; a paragraph above the first heading is not one).
LINE_CHARS = 120
#: Letters of a word compared (a crude, language-light stem).
STEM = 5

_CONTACT = re.compile(r"@|https?:|www\.|linkedin|phone|e-mail|email|\+?\d[\d ()-]{6,}", re.IGNORECASE)


def headline(document: Document) -> str:
    """The résumé's top lines (above its first section), skipping masked names and contact lines."""
    end = document.sections[0].start if document.sections else len(document.text)
    kept: list[str] = []
    for line in document.text[: max(end, 1)].splitlines() or document.text.splitlines()[:1]:
        line = line.strip()[:LINE_CHARS]
        if not _has_letters(line, 3) or _CONTACT.search(line):
            continue
        kept.append(line)
        if len(kept) == HEADLINE_LINES:
            break
    return "\n".join(kept)


def _has_letters(line: str, n: int) -> bool:
    """Whether ``line`` holds at least ``n`` letters, read only as far as the ``n``-th (a line of
    a résumé is tested once per candidate, and most reach it in a few characters)."""
    for c in line:
        if c.isalpha():
            n -= 1
            if n <= 0:
                return True
    return n <= 0


def candidate_titles(document: Document, career: Career) -> tuple[str, ...]:
    """The résumé's headline, then the titles of its positions (in the résumé's order)."""
    return (headline(document), *(p.title for p in career.positions if p.title))


def job_title(document: Document, years: Iterable[YearsStatement] = ()) -> str:
    """The posting's first line with letters (its title), at most `LINE_CHARS` characters, without
    the years asks printed in it (``years``: the posting's statements, `skillgap.documents.asks`;
    each cut from its number to the end of its connectives): "Junior Developer (1-4 years experience)"
    names the role "Junior Developer", and the years are an ask, so a headline saying "5 years of
    experience" shares no title word with it."""
    offset = 0
    for line in document.text.splitlines(keepends=True):
        if _has_letters(line, 2):
            end = offset + len(line.rstrip("\r\n"))
            cuts = [(s.start, min(s.tail_end, end)) for s in years if offset <= s.start < end]
            if not cuts:
                return line.strip()[:LINE_CHARS]
            kept, at = [], offset
            for start, stop in sorted(cuts):
                kept.append(document.text[at:max(at, start)])
                at = max(at, stop)
            kept.append(document.text[at:end])
            return " ".join("".join(kept).split())[:LINE_CHARS]
        offset += len(line)
    return ""


def stems(text: str) -> frozenset[str]:
    """The words of a text cut to `STEM` letters, without numbers and words shorter than three letters."""
    return frozenset(w[:STEM] for w in words(text) if len(w) > 2 and not w[0].isdigit())


def title_similarity(job: str, candidate_titles: Iterable[str]) -> tuple[float, tuple[str, ...]]:
    """``1 - 0.5 ** shared`` for the number of stems the job title and the candidate's titles share, and the job-title words that matched."""
    have = frozenset().union(*(stems(t) for t in candidate_titles))
    shared = stems(job) & have
    matched = tuple(dict.fromkeys(w for w in words(job) if w[:STEM] in shared))
    return 1.0 - 0.5 ** len(shared), matched
