"""Fast start: the package face and the CLI's --help load no spaCy, pandas or PDF engine; exit codes follow error types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from skillgap.errors import DocumentError, SkillgapError, TaxonomyError, UsageError, exit_code, one_line

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("spacy", "pandas", "pdfplumber", "pypdfium2", "docx", "openpyxl")


def loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint('\\nloaded:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return [m for m in proc.stdout.rsplit("loaded:", 1)[1].strip().split(",") if m]


def test_import_skillgap_and_the_help_load_no_heavy_library() -> None:
    assert loaded_after("import skillgap") == []
    assert loaded_after("import skillgap.cli\ntry:\n    skillgap.cli.main(['--help'])\nexcept SystemExit:\n    pass") == []
    assert loaded_after("import skillgap.batch") == []  # what a worker process imports before its initializer


def test_public_names_load_on_first_use() -> None:
    assert loaded_after("import skillgap\nskillgap.SkillExtractor") == ["spacy"]
    import skillgap

    assert skillgap.rank is __import__("skillgap.batch", fromlist=["rank"]).rank
    with pytest.raises(AttributeError, match="module 'skillgap' has no attribute 'nope'"):
        skillgap.nope  # noqa: B018


@pytest.mark.parametrize(
    ("exc", "code", "line"),
    [
        (UsageError("n_process must be positive, got 0", fix="pass 1 or more"), 2, "n_process must be positive, got 0 (fix: pass 1 or more)"),
        (TaxonomyError("bad id", source="my.yaml", entry="x"), 2, "my.yaml: entry 'x': bad id"),
        (DocumentError("the PDF is\n encrypted", source="cv.pdf"), 1, "cv.pdf: the PDF is encrypted"),
        (SkillgapError("cannot write .txt output"), 1, "cannot write .txt output"),
        (KeyError("k"), 1, "unexpected KeyError: 'k'"),
    ],
)
def test_exit_codes_follow_the_error_type_and_errors_read_as_one_line(exc: BaseException, code: int, line: str) -> None:
    assert exit_code(exc) == code
    assert one_line(exc) == line


def test_one_line_names_the_source_of_an_unexpected_error_and_can_leave_out_the_mark() -> None:
    assert one_line(ZeroDivisionError("division by zero"), "cv.pdf") == "cv.pdf: unexpected ZeroDivisionError: division by zero"
    assert one_line(RuntimeError(), unexpected=False) == "RuntimeError"
    assert isinstance(UsageError("x"), ValueError)  # callers that caught ValueError still do


def test_rank_with_worker_processes_builds_no_pipeline_in_the_cli_process() -> None:
    # the shipped taxonomy is loaded and the posting prepared by a worker forked from the preloaded server
    command = "['rank', 'examples/resumes', '--job', 'examples/jobs/ml-engineer-posting.md', '--jobs', '2', '--quiet']"
    assert "spacy" not in loaded_after(f"import skillgap.cli\ntry:\n    skillgap.cli.main({command})\nexcept SystemExit:\n    pass")


def test_the_batch_engine_loads_no_numpy_so_rank_starts_its_workers_before_importing_it() -> None:
    probe = "import sys\nimport skillgap.batch\nprint('numpy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout.split() == ["False"]
