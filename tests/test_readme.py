"""The README shows what the code prints: the "Set up" command is run as written and its output compared."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The terminal width the README's output was printed at (the width of its table).
WIDTH = 100


def setup_block() -> tuple[list[str], list[str]]:
    """The "Set up" console block of the README: the skillgap command's words and the output lines below it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", section, re.S)
    assert block is not None, "no console block under Set up"
    command, *output = block.group(1).rstrip("\n").split("\n")
    assert command.startswith("$ pip install -e . && skillgap "), command
    return shlex.split(command.split("&& ", 1)[1])[1:], output


def normalised(lines: list[str]) -> list[str]:
    return [" ".join(line.split()) for line in lines if line.strip()]


def test_the_readme_setup_output_is_what_the_command_prints(tmp_path: Path) -> None:
    args, shown = setup_block()
    (tmp_path / "examples").symlink_to(ROOT / "examples")  # the README's relative paths, its output written here
    env = {**os.environ, "COLUMNS": str(WIDTH), "PYTHONPATH": str(ROOT), "TERM": "dumb"}
    env.pop("FORCE_COLOR", None)
    proc = subprocess.run([sys.executable, "-m", "skillgap", *args], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    printed = proc.stdout.splitlines() + proc.stderr.splitlines()
    assert normalised(printed) == normalised(shown)
    assert len(max(shown, key=len)) == WIDTH  # the README's table is as wide as the terminal it is checked at
