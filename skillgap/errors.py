"""Exceptions raised by skillgap: each one says which input, what is wrong and what to do.

Every error carries three parts so that a batch can turn it into a readable error row and
a CLI can print it on one line: ``source`` (the file or entry), ``problem`` and ``fix``.
"""

from __future__ import annotations


class SkillgapError(Exception):
    """Base class of every error skillgap raises on purpose."""

    def __init__(self, problem: str, *, source: str | None = None, fix: str | None = None) -> None:
        self.problem = problem
        self.source = source
        self.fix = fix
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"{self.source}: {self.problem}" if self.source else self.problem
        return f"{text} (fix: {self.fix})" if self.fix else text


class DocumentError(SkillgapError):
    """A document could not be read: corrupt, encrypted, scanned, empty or of an unknown type."""


class LimitError(DocumentError):
    """A document exceeds a configured limit (pages, bytes, characters, time)."""


class TaxonomyError(SkillgapError):
    """A taxonomy file is invalid; ``entry`` names the offending skill or role."""

    def __init__(
        self, problem: str, *, source: str | None = None, entry: str | None = None, fix: str | None = None
    ) -> None:
        self.entry = entry
        super().__init__(problem, source=source, fix=fix)

    def __str__(self) -> str:
        where = ": ".join(p for p in (self.source, f"entry {self.entry!r}" if self.entry else None) if p)
        text = f"{where}: {self.problem}" if where else self.problem
        return f"{text} (fix: {self.fix})" if self.fix else text
