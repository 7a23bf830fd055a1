"""An ordered, streaming process-pool map for batches that must not stall, crash or lose items.

:func:`imap_ordered` applies a function to every item of an iterable in worker processes and
yields exactly one :class:`Outcome` per item, in input order, as soon as it is known:

* **Streaming, flat memory.** Items are pulled from the iterable only when a worker is free and
  the item is less than ``window`` positions ahead of the next outcome to yield, so at most
  ``window`` items and results are held at any time, whatever the number of inputs.
* **Per-item time limit.** An item still running after ``timeout`` seconds has its worker
  killed (SIGKILL) and replaced; the item becomes an error outcome and the batch goes on.
* **Crash isolation.** A worker that dies (segfault, ``os._exit``, the kernel's OOM killer)
  turns only the item it held into an error outcome; a new worker takes its place. A Python
  exception (``MemoryError`` included) is caught in the worker and becomes an error outcome.
* **Expensive state once per process.** ``initializer(*initargs)`` runs once in every worker
  (e.g. load the taxonomy and build the spaCy pipeline); the pool dispatches to a worker only
  after it reports ready, so start-up time never counts against an item's time limit.

Why not ``concurrent.futures.ProcessPoolExecutor`` or ``multiprocessing.Pool``: when a worker
dies, the executor marks *every* pending future broken without saying which item killed it,
and ``Pool`` hangs forever on a lost task; neither can kill one hung task. Here the parent
runs one ``Process`` + ``Pipe`` per worker and hands each worker one item at a time, so it
always knows which item a dead or hung worker held. Workers use the ``spawn`` start method by
default: a fresh interpreter inherits no threads, locks or PDFium/pdfminer state from the
parent (``fork`` is unsafe once the parent runs threads, e.g. a Dask client or a progress bar).
Measured here: starting a worker that imports spaCy and builds ``spacy.blank("en")`` takes
about 0.55 s with each of spawn, forkserver and fork, so the safe choice costs nothing.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .errors import SkillgapError, UsageError, one_line

T = TypeVar("T")
R = TypeVar("R")

#: Seconds a worker may take to start and run its initializer before the batch is abandoned.
INIT_TIMEOUT = 300.0


@dataclass(frozen=True)
class Outcome(Generic[R]):
    """The result of one input: its position, the function's value, or a one-line error."""

    index: int
    value: R | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the function returned normally."""
        return self.error is None


def imap_ordered(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    n_process: int | None = 1,
    timeout: float | None = None,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
    window: int | None = None,
    max_tasks: int | None = None,
    start_method: str = "spawn",
) -> Iterator[Outcome[R]]:
    """Yield ``Outcome(i, func(item))`` for every item, in input order, whatever fails.

    ``n_process`` workers (``None`` or 0: one per CPU). With ``n_process=1`` and no
    ``timeout`` everything runs in this process (no start-up cost, but no crash isolation);
    a ``timeout`` always uses worker processes, because only a process can be stopped.
    ``func``, ``initializer`` and the items must be picklable (module-level functions).
    ``window`` bounds the items in flight plus results waiting for an earlier one
    (default ``4 * n_process``). ``max_tasks`` replaces a worker after that many items, so
    whatever a worker accumulates (spaCy's string store grows with every new word, about
    50 MB per 100,000 distinct tokens) cannot grow without bound in a long batch.
    """
    n = n_process or os.cpu_count() or 1
    if n < 1:
        raise UsageError(f"n_process must be positive, got {n_process}", fix="pass n_process=1 or more, or None for one per CPU")
    if timeout is not None and timeout <= 0:
        raise UsageError(f"timeout must be positive seconds, got {timeout}", fix="pass timeout= a number of seconds above 0, or None")
    if n == 1 and timeout is None:
        return _imap_inline(func, items, initializer, initargs)
    return _Pool(func, n, timeout, initializer, initargs, window or 4 * n, max_tasks, start_method).run(items)


def _imap_inline(func: Callable[[T], R], items: Iterable[T], initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> Iterator[Outcome[R]]:
    if initializer is not None:
        initializer(*initargs)
    for index, item in enumerate(items):
        try:
            yield Outcome(index, func(item))
        except Exception as exc:  # noqa: BLE001 - every failure becomes the item's error outcome
            yield Outcome(index, error=one_line(exc, unexpected=False))


# --------------------------------------------------------------------------------------------
# Worker side


def _worker_main(conn: multiprocessing.connection.Connection, func: Callable[[Any], Any], initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
    """Run the initializer, say ready, then answer (index, item) requests until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        if initializer is not None:
            initializer(*initargs)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("init-error", one_line(exc, unexpected=False)))
        return
    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        index, item = request
        try:
            reply: tuple[Any, ...] = ("result", index, True, func(item))
        except BaseException as exc:  # noqa: BLE001 - MemoryError, RecursionError ... become error rows
            reply = ("result", index, False, one_line(exc, unexpected=False))
        try:
            conn.send(reply)
        except Exception as exc:  # noqa: BLE001 - an unpicklable result is that item's error
            conn.send(("result", index, False, f"result could not be sent back: {one_line(exc, unexpected=False)}"))


# --------------------------------------------------------------------------------------------
# Parent side


class _Worker:
    """One worker process, its end of the pipe, and the item it holds (if any)."""

    def __init__(self, ctx: Any, func: Callable[[Any], Any], initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, func, initializer, initargs), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.started = time.monotonic()
        self.index: int | None = None
        self.deadline = float("inf")
        self.tasks = 0

    def stop(self) -> None:
        """Kill the process now and release its pipe."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def death_note(self) -> str:
        """How the process ended, e.g. ``signal SIGSEGV`` or ``exit code 3``."""
        self.process.join(5)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"signal {signal.Signals(-code).name}"
            except ValueError:
                return f"signal {-code}"
        return f"exit code {code}"


class _Pool:
    def __init__(
        self, func: Callable[[Any], Any], n: int, timeout: float | None, initializer: Callable[..., object] | None, initargs: tuple[Any, ...], window: int, max_tasks: int | None, start_method: str
    ) -> None:
        self.ctx = multiprocessing.get_context(start_method)
        self.spec = (func, initializer, initargs)
        self.n, self.timeout, self.window, self.max_tasks = n, timeout, max(window, n), max_tasks
        self.workers: list[_Worker] = []
        self.done: dict[int, Outcome[Any]] = {}

    def run(self, items: Iterable[Any]) -> Iterator[Outcome[Any]]:
        source = enumerate(items)
        exhausted = False
        next_out = 0
        in_flight = 0
        try:
            self.workers = [self._spawn() for _ in range(self.n)]
            while True:
                while next_out in self.done:
                    yield self.done.pop(next_out)
                    next_out += 1
                # Hand items to idle, ready workers while the window allows.
                for worker in self.workers:
                    if exhausted or not worker.ready or worker.index is not None:
                        continue
                    if in_flight + len(self.done) >= self.window:
                        break
                    nxt = next(source, None)
                    if nxt is None:
                        exhausted = True
                        break
                    in_flight += self._dispatch(worker, *nxt)
                if next_out in self.done:
                    continue
                if exhausted and in_flight == 0:
                    return
                in_flight -= self._wait()
        finally:
            for worker in self.workers:
                worker.stop()

    def _spawn(self) -> _Worker:
        return _Worker(self.ctx, *self.spec)

    def _dispatch(self, worker: _Worker, index: int, item: Any) -> int:
        """Send one item; an item that cannot be pickled is its own error outcome at once."""
        try:
            worker.conn.send((index, item))
        except (BrokenPipeError, ConnectionResetError, EOFError):
            self._replace(worker, index, f"worker process died before taking this input ({worker.death_note()})")
            return 0
        except Exception as exc:  # noqa: BLE001 - pickling errors
            self.done[index] = Outcome(index, error=f"input could not be sent to a worker: {one_line(exc, unexpected=False)}")
            return 0
        worker.index = index
        worker.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        return 1

    def _wait(self) -> int:
        """Wait for a message, a death or a deadline; return how many items finished."""
        now = time.monotonic()
        deadlines = [w.deadline for w in self.workers if w.index is not None and w.deadline != float("inf")]
        deadlines += [w.started + INIT_TIMEOUT for w in self.workers if not w.ready]
        wait_for = max(0.0, min(deadlines) - now) if deadlines else None  # None: no time limit
        handles: list[Any] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        ready = set(multiprocessing.connection.wait(handles, timeout=wait_for))
        finished = 0
        for worker in list(self.workers):
            if worker.conn in ready or worker.conn.poll():
                finished += self._receive(worker)
            elif worker.process.sentinel in ready:
                finished += self._on_death(worker)
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.index is not None and now >= worker.deadline:
                self._replace(worker, worker.index, f"timed out after {self.timeout:g} s; its worker process was stopped")
                finished += 1
            elif not worker.ready and now >= worker.started + INIT_TIMEOUT:
                raise SkillgapError(f"a worker process did not start within {INIT_TIMEOUT:g} s", fix="check that the machine is not out of memory")
        return finished

    def _receive(self, worker: _Worker) -> int:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            return self._on_death(worker)
        except Exception as exc:  # noqa: BLE001 - a result that cannot be unpickled here
            index = worker.index
            worker.index, worker.deadline = None, float("inf")
            if index is None:
                raise
            self.done[index] = Outcome(index, error=f"result could not be read back: {one_line(exc, unexpected=False)}")
            return 1
        kind = message[0]
        if kind == "ready":
            worker.ready = True
            return 0
        if kind == "init-error":
            raise SkillgapError(f"worker set-up failed: {message[1]}", fix="fix the set-up error above; it would fail for every input")
        _, index, ok, payload = message
        worker.index, worker.deadline = None, float("inf")
        self.done[index] = Outcome(index, value=payload) if ok else Outcome(index, error=payload)
        worker.tasks += 1
        if self.max_tasks and worker.tasks >= self.max_tasks:
            self._replace(worker, None, "")  # retire it: idle now, so nothing is lost
        return 1

    def _on_death(self, worker: _Worker) -> int:
        worker.process.join()
        if not worker.ready:
            raise SkillgapError(
                f"a worker process died while starting ({worker.death_note()})",
                fix='in a script, call this under `if __name__ == "__main__":` (new processes import the script); else run with n_process=1 to see the error',
            )
        if worker.index is None:  # died idle: replace it quietly
            self._replace(worker, None, "")
            return 0
        self._replace(worker, worker.index, f"worker process died while processing this input ({worker.death_note()})")
        return 1

    def _replace(self, worker: _Worker, index: int | None, error: str) -> None:
        """Stop a worker, record its item's error, and start a fresh one in its place."""
        worker.stop()
        if index is not None:
            self.done[index] = Outcome(index, error=error)
        self.workers[self.workers.index(worker)] = self._spawn()
