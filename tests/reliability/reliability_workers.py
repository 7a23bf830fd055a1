"""Functions the reliability tests run in worker processes (spawned workers import them by name)."""

from __future__ import annotations

import resource
import time
from pathlib import Path

from skillgap.documents import read_document
from skillgap.errors import DocumentError, LimitError

#: Address-space cap per worker: a reader that tries to inflate a bomb fails with MemoryError
#: (which the test reports) instead of exhausting the shared machine.
MEMORY_CAP = 3 * 1024**3


def cap_memory(max_bytes: int = MEMORY_CAP) -> None:
    """Initializer: limit this worker's address space."""
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def read_outcome(path: str) -> tuple[str, str, float, float]:
    """(status, detail, seconds, peak RSS MB of this worker so far) of reading one file.

    status is ``document`` (non-empty text), ``empty-document`` (a failure presented as
    success), ``LimitError`` or ``DocumentError``; any other exception propagates and becomes
    the outcome's error.
    """
    start = time.perf_counter()
    try:
        doc = read_document(Path(path))  # a Path: a str naming no regular file would be read as text
        status, detail = ("document" if doc.text.strip() else "empty-document"), f"{len(doc.text)} chars, {len(doc.pages)} pages"
    except LimitError as exc:
        status, detail = "LimitError", str(exc)
    except DocumentError as exc:
        status, detail = "DocumentError", str(exc)
    return status, detail, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
