"""Load a taxonomy folder in a worker with capped memory (spawned workers import this by name)."""

from __future__ import annotations

import resource

from skillgap.errors import TaxonomyError
from skillgap.taxonomy import load_taxonomy


def cap_memory(max_bytes: int = 1024**3) -> None:
    """Initializer: 1 GB of address space is plenty for a small taxonomy and stops a bomb early."""
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def load_outcome(folder: str) -> str:
    """``loaded`` or ``TaxonomyError: <message>``; anything else propagates as the outcome's error."""
    try:
        load_taxonomy(folder)
    except TaxonomyError as exc:
        return f"TaxonomyError: {exc}"
    return "loaded"
