"""The one answer to "is this input a file path or a text?", for the reader and every caller."""

from __future__ import annotations

import os
from pathlib import Path

#: Suffixes that make a one-line string a file name even when no such file exists (so a missing
#: "cv.pdf" fails as missing instead of being read as the text "cv.pdf").
DOC_SUFFIXES = (".pdf", ".docx", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".doc", ".rtf", ".odt")
#: Longest string taken for a path (Linux PATH_MAX); longer one-line strings are texts.
MAX_PATH_CHARS = 4096


def as_path(source: object) -> Path | None:
    """``source`` as a path when it names one, else None.

    A path object is one; a ``str`` is one when it is a single non-blank line of at most
    `MAX_PATH_CHARS` characters that names an existing file or folder or ends in a document
    suffix (`DOC_SUFFIXES`) with no space in its last 8 characters. Anything else (bytes, a
    stream, a text) is not.
    """
    if isinstance(source, os.PathLike):
        return Path(source)
    if not isinstance(source, str) or "\n" in source or not source.strip() or len(source) > MAX_PATH_CHARS:
        return None
    path = Path(source)
    try:
        if path.exists():
            return path
    except (OSError, ValueError):  # a one-line text longer than a file name may be, or holding NUL
        return None
    stripped = source.strip()
    return path if stripped.lower().endswith(DOC_SUFFIXES) and " " not in stripped[-8:] else None
