"""Broken and hostile files, generated once per test session in a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reliability_corpus import Hostile, build_broken_pdfs, build_hostile_files

#: How many broken PDFs the fuzz tests derive from the real résumés (seeded; CI default 300).
FUZZ_COUNT = int(os.environ.get("SKILLGAP_FUZZ_COUNT", "300"))


@pytest.fixture(scope="session")
def broken_pdfs(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build_broken_pdfs(shared_data / "resumes_pdf", tmp_path_factory.mktemp("broken"), FUZZ_COUNT)


@pytest.fixture(scope="session")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Hostile]:
    return build_hostile_files(tmp_path_factory.mktemp("hostile"))
