"""Module-level functions for the process-pool tests (spawned workers import them by name)."""

from __future__ import annotations

import os
import signal
import time

_INITS = 0


def init_counter() -> None:
    """Count initialiser runs in this process."""
    global _INITS
    _INITS += 1


def pid_and_inits(_item: object) -> tuple[int, int]:
    time.sleep(0.02)  # long enough that both workers are up before the batch ends
    return os.getpid(), _INITS


def failing_init() -> None:
    raise RuntimeError("no taxonomy here")


def behave(item: object) -> object:
    """Return the item, or misbehave as the item says."""
    if item == "raise":
        raise ValueError("bad input")
    if item == "exit":
        os._exit(3)
    if item == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    if item == "hang":
        time.sleep(3600)
    if item == "memory":
        bytearray(1 << 60)
    if item == "unpicklable":
        return lambda: None
    if isinstance(item, float):
        time.sleep(item)
    return item


def preloaded(_item: object) -> tuple[int, int, bool]:
    """What a worker found in memory before its initializer: `skillgap.extract.warm`'s thread count at
    the fork (0: not preloaded), how many shared extractors were already built, and whether the
    garbage collector runs (the preload pauses it)."""
    import gc
    import sys

    warm = sys.modules.get("skillgap.extract.warm")
    pipeline = sys.modules.get("skillgap.extract.pipeline")
    return (warm.THREADS if warm else 0), (len(pipeline._SHARED) if pipeline else 0), gc.isenabled()
