"""Shared test fixtures: where the real dev data lives, and a skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: Real résumés, postings and gold annotations (read-only, never copied into the repo).
SHARED_DATA = Path(os.environ.get("SKILLGAP_SHARED_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data")).resolve()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ``../shared/data`` folder; tests that need it skip where it is absent (a user's clone)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real dev data not found at {SHARED_DATA} (set SKILLGAP_SHARED_DATA to run these tests)")
    return SHARED_DATA
