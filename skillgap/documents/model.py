"""The `Document` and `Section` records that every reader produces."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

DocumentKind = Literal["resume", "posting"]


@dataclass(frozen=True)
class Section:
    """A titled part of a document: canonical ``name`` (e.g. ``skills``), the heading as printed, char span."""

    name: str
    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """Plain text of one résumé or posting in reading order, with page starts and sections.

    ``pages`` holds the char offset at which each page starts (``pages[0] == 0``);
    ``sections`` are sorted by ``start`` and do not overlap. ``format`` is the detected input
    format (``pdf``, ``docx``, ``text``, ``html``) and ``warnings`` what the reader had to guess.
    """

    source: str
    kind: DocumentKind
    text: str
    pages: tuple[int, ...] = (0,)
    sections: tuple[Section, ...] = ()
    format: str = "text"
    warnings: tuple[str, ...] = field(default=())
    created: date | None = None
    created_source: str | None = None

    def page_at(self, offset: int) -> int:
        """1-based page number of the char at ``offset``."""
        return max(1, bisect.bisect_right(self.pages, offset))

    def section_at(self, offset: int) -> Section | None:
        """The section holding the char at ``offset``, or None above the first heading."""
        starts = [s.start for s in self.sections]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.sections[i].end:
            return self.sections[i]
        return None
