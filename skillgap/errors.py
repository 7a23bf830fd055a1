"""Exceptions raised by skillgap: each one says which input, what is wrong and what to do.

Every error carries three parts so that a batch can turn it into a readable error row and
a CLI can print it on one line (`one_line`): ``source`` (the file or entry), ``problem`` and
``fix``. The command line's exit code follows the error's type (`exit_code`).
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


class UsageError(SkillgapError, ValueError):
    """A bad argument from the caller (an option value out of range, an unknown choice); also a
    ``ValueError``, which these arguments raised before."""


#: Exit code of the command line for each error type (the first class in the exception's MRO
#: found here wins): bad usage and bad taxonomies are the caller's to fix (2), a bad input
#: document is one of the inputs that failed (1).
EXIT_CODES: dict[type[BaseException], int] = {UsageError: 2, TaxonomyError: 2, SkillgapError: 1}


def exit_code(exc: BaseException) -> int:
    """The command line's exit code for an error: by its type (`EXIT_CODES`), 1 for anything else."""
    return next((EXIT_CODES[k] for k in type(exc).__mro__ if k in EXIT_CODES), 1)


def one_line(exc: BaseException, source: str | None = None, *, unexpected: bool = True) -> str:
    """An error as one line: skillgap's own errors as they read; others with their type, after
    ``source`` and marked "unexpected" (a bug, not a bad input) unless ``unexpected=False``."""
    if isinstance(exc, SkillgapError):
        text = str(exc)
    else:
        detail = str(exc)
        text = f"{f'{source}: ' if source else ''}{'unexpected ' if unexpected else ''}{type(exc).__name__}{f': {detail}' if detail else ''}"
    return " ".join(text.split()) or type(exc).__name__
