"""Atomic output files: write a temp file beside the target, then ``os.replace`` it into place.

An interrupted run (Ctrl-C, a crash, a full disk) never leaves a half-written report where a
complete one is expected: the target either keeps its old content or gets the whole new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import SkillgapError


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temp path in ``path``'s folder to write to; on success it replaces ``path``.

    For writers that want a file name (openpyxl, pandas). On an exception the temp file is
    removed and ``path`` is left as it was.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise SkillgapError("the output folder does not exist", source=str(target), fix=f"create {folder} first")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: str | Path, data: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` (text or bytes) to ``path`` atomically and return the path."""
    with atomic_path(path) as tmp:
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            tmp.write_text(data, encoding=encoding, newline="")
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
    return Path(path)


def _umask() -> int:
    """The process umask (read by setting and restoring it), so output files get normal permissions."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
