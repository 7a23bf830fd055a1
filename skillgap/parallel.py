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
runs one ``Process`` + ``Pipe`` per worker and hands each worker at most two items (the one it
runs and the next, so it never idles waiting for this process), so it always knows which item a
dead or hung worker was running; the one waiting behind it goes to another worker.

**Start methods.** ``spawn`` (the default) starts each worker as a fresh interpreter: it
inherits no threads, locks or PDFium/pdfminer state from this process (plain ``fork`` is unsafe
once this process runs threads, e.g. a Dask client, a progress bar, numpy's BLAS pool), but every
worker pays its own imports and set-up. ``forkserver`` with ``preload`` modules pays them once:
a fresh, single-threaded server interpreter imports the ``preload`` modules (which may build
expensive state, e.g. a spaCy pipeline) and then forks each worker from itself, so a worker
starts with that state already in memory, shared copy-on-write. It is as safe as spawn: the
server never runs this process's threads or code, only the preloaded modules, and it forks
before any item is read; a preload must leave the server without threads of its own (a
thread's locks would be copied held into every worker): `skillgap.extract.warm` sets
``OPENBLAS_NUM_THREADS=1`` there (numpy's BLAS would start a pool at import; a user's own
setting is kept) and freezes the garbage collector's objects so that the workers share their
pages instead of copying them, and a test checks that the server forks with one thread.
Workers replaced after a crash, a time limit or ``max_tasks`` are forked from the same server,
so they start as fast. The pool starts the server at once but creates its workers on the
first `WorkerPool.imap`, because creating one waits until the server has finished its preload:
this process does its own set-up meanwhile. The server is the interpreter's one forkserver,
shared by every pool of the process: the first pool that starts it sets its preload.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.reduction import ForkingPickler
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
    preload: tuple[str, ...] = (),
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
    ``start_method`` is ``"spawn"`` or ``"forkserver"``, whose server imports the ``preload``
    modules once before forking the workers (see the module docstring; spawn where the platform
    has no forkserver).
    """
    n = _check(n_process, timeout)
    if n == 1 and timeout is None:
        return _imap_inline(func, items, initializer, initargs)
    return _pooled(func, items, dict(n_process=n, timeout=timeout, initializer=initializer, initargs=initargs, window=window, max_tasks=max_tasks, start_method=start_method, preload=preload))


def _check(n_process: int | None, timeout: float | None) -> int:
    """The number of workers ``n_process`` asks for; `UsageError` for a bad count or time limit."""
    n = n_process or os.cpu_count() or 1
    if n < 1:
        raise UsageError(f"n_process must be positive, got {n_process}", fix="pass n_process=1 or more, or None for one per CPU")
    if timeout is not None and timeout <= 0:
        raise UsageError(f"timeout must be positive seconds, got {timeout}", fix="pass timeout= a number of seconds above 0, or None")
    return n


def _pooled(func: Callable[[T], R], items: Iterable[T], options: dict[str, Any]) -> Iterator[Outcome[R]]:
    """`WorkerPool.imap`, the workers started on the first ``next`` (a stream never read starts none)."""
    with WorkerPool(func, **options) as pool:
        yield from pool.imap(items)


def _imap_inline(func: Callable[[T], R], items: Iterable[T], initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> Iterator[Outcome[R]]:
    if initializer is not None:
        initializer(*initargs)
    for index, item in enumerate(items):
        try:
            yield Outcome(index, func(item))
        except Exception as exc:  # noqa: BLE001 - every failure becomes the item's error outcome
            yield Outcome(index, error=one_line(exc, unexpected=False))


def _context(start_method: str, preload: tuple[str, ...]) -> Any:
    """The multiprocessing context of ``start_method``; a forkserver (where the platform has one)
    set to import ``preload`` when it starts; `UsageError` for any other method."""
    if start_method not in ("spawn", "forkserver"):
        raise UsageError(f"start_method must be 'spawn' or 'forkserver', got {start_method!r}", fix="pass start_method='spawn' (or 'forkserver')")
    if start_method == "forkserver" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        if preload:
            ctx.set_forkserver_preload(list(preload))
        return ctx
    return multiprocessing.get_context("spawn")


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
    """One worker process, its end of the pipe, and the items it holds (the first one running)."""

    def __init__(self, ctx: Any, func: Callable[[Any], Any], initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, func, initializer, initargs), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.started = time.monotonic()
        self.held: deque[tuple[int, Any]] = deque()  # (index, item) sent and not answered, in order
        self.deadline = float("inf")  # of the first held item
        self.sent = 0

    @property
    def index(self) -> int | None:
        """The item the worker is running (the first it holds), or None when idle."""
        return self.held[0][0] if self.held else None

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


#: Items a worker holds at most: the one it runs and one waiting in its pipe, so that it starts
#: the next as soon as it sends a result instead of idling while this process reads the result
#: and answers (with one worker that round trip was a fifth of the batch's time).
HELD = 2
#: A waiting item is sent ahead only if it pickles to at most this many bytes: it must fit in
#: the pipe's buffer (64 KiB on Linux), or sending it would block this process until the worker
#: finished the item before, and a hung item's time limit could not be enforced meanwhile.
AHEAD_BYTES = 32 * 1024


class WorkerPool:
    """Worker processes started at once, mapped over items later with `imap`: start the pool, do
    other set-up work while the workers import and initialise, then stream items through it.
    Use as a context manager (or call `close`) so the workers stop whatever happens."""

    def __init__(
        self,
        func: Callable[[Any], Any],
        *,
        n_process: int | None = 1,
        timeout: float | None = None,
        initializer: Callable[..., object] | None = None,
        initargs: tuple[Any, ...] = (),
        window: int | None = None,
        max_tasks: int | None = None,
        start_method: str = "spawn",
        preload: tuple[str, ...] = (),
    ) -> None:
        self.workers: list[_Worker] = []
        self.closed = False
        n = _check(n_process, timeout)
        self.ctx = _context(start_method, preload)
        self.spec = (func, initializer, initargs)
        self.n, self.timeout, self.window, self.max_tasks = n, timeout, max(window or 4 * n, n), max_tasks
        self.done: dict[int, Outcome[Any]] = {}
        self.waiting: deque[tuple[int, Any]] = deque()  # taken from the items (or handed back by a dead worker), not yet sent
        if self.ctx.get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()  # returns at once; the workers are forked on the first `imap`
        else:
            self._start()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _start(self) -> None:
        """Start the workers (all at once: they set up in parallel)."""
        try:
            self.workers = [self._spawn() for _ in range(self.n)]
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        self.closed = True
        for worker in self.workers:
            worker.stop()
        self.workers = []

    def __del__(self) -> None:  # a pool dropped unused (its stream never read) stops its workers too
        self.close()

    def imap(self, items: Iterable[Any]) -> Iterator[Outcome[Any]]:
        """Yield one `Outcome` per item, in input order (see `imap_ordered`). The pool stays up for
        the next `imap` when this one ends with every item answered; a stream closed or failed
        early closes the pool (its workers may still hold items)."""
        if self.closed:
            raise UsageError("this worker pool is closed", fix="start a new WorkerPool")
        if not self.workers:
            self._start()
        source = enumerate(items)
        exhausted = False
        next_out = 0
        finished = False
        try:
            while True:
                while next_out in self.done:
                    yield self.done.pop(next_out)
                    next_out += 1
                exhausted = self._hand_out(source, exhausted)
                if next_out in self.done:
                    continue
                if exhausted and not self.waiting and not any(w.held for w in self.workers):
                    finished = True
                    return
                self._wait()
        finally:
            if not finished:
                self.close()

    def _hand_out(self, source: Iterator[tuple[int, Any]], exhausted: bool) -> bool:
        """Send items to ready workers (idle ones first, then one ahead each) while the window allows; True once the items are used up."""
        for ahead in range(HELD):
            for worker in self.workers:
                if not worker.ready or len(worker.held) != ahead or (self.max_tasks and worker.sent >= self.max_tasks):
                    continue
                if not self.waiting:
                    if exhausted or sum(len(w.held) for w in self.workers) + len(self.done) >= self.window:
                        return exhausted
                    nxt = next(source, None)
                    if nxt is None:
                        return True
                    self.waiting.append(nxt)
                self._dispatch(worker, *self.waiting.popleft(), ahead=ahead > 0)
        return exhausted

    def _spawn(self) -> _Worker:
        return _Worker(self.ctx, *self.spec)

    def _dispatch(self, worker: _Worker, index: int, item: Any, *, ahead: bool) -> None:
        """Send one item; one that cannot be pickled is its own error outcome at once; a big one waits for an idle worker."""
        try:
            data = ForkingPickler.dumps((index, item))
        except Exception as exc:  # noqa: BLE001 - pickling errors
            self.done[index] = Outcome(index, error=f"input could not be sent to a worker: {one_line(exc, unexpected=False)}")
            return
        if ahead and len(data) > AHEAD_BYTES:
            self.waiting.appendleft((index, item))
            return
        try:
            worker.conn.send_bytes(data)
        except (BrokenPipeError, ConnectionResetError, EOFError):
            self.waiting.appendleft((index, item))  # not taken: it goes to the next worker
            self._on_death(worker)
            return
        if not worker.held:
            worker.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        worker.held.append((index, item))
        worker.sent += 1

    def _wait(self) -> None:
        """Wait for a message, a death or a deadline, and take it in."""
        now = time.monotonic()
        deadlines = [w.deadline for w in self.workers if w.held and w.deadline != float("inf")]
        deadlines += [w.started + INIT_TIMEOUT for w in self.workers if not w.ready]
        wait_for = max(0.0, min(deadlines) - now) if deadlines else None  # None: no time limit
        handles: list[Any] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        ready = set(multiprocessing.connection.wait(handles, timeout=wait_for))
        for worker in list(self.workers):
            if worker.conn in ready or worker.conn.poll():
                self._receive(worker)
            elif worker.process.sentinel in ready:
                self._on_death(worker)
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.held and now >= worker.deadline:
                self._replace(worker, f"timed out after {self.timeout:g} s; its worker process was stopped")
            elif not worker.ready and now >= worker.started + INIT_TIMEOUT:
                raise SkillgapError(f"a worker process did not start within {INIT_TIMEOUT:g} s", fix="check that the machine is not out of memory")

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            self._on_death(worker)
            return
        except Exception as exc:  # noqa: BLE001 - a result that cannot be unpickled here
            if not worker.held:
                raise
            index, _ = self._finish(worker)
            self.done[index] = Outcome(index, error=f"result could not be read back: {one_line(exc, unexpected=False)}")
            return
        kind = message[0]
        if kind == "ready":
            worker.ready = True
            return
        if kind == "init-error":
            raise SkillgapError(f"worker set-up failed: {message[1]}", fix="fix the set-up error above; it would fail for every input")
        _, index, ok, payload = message
        self._finish(worker)
        self.done[index] = Outcome(index, value=payload) if ok else Outcome(index, error=payload)
        if self.max_tasks and worker.sent >= self.max_tasks and not worker.held:
            self._replace(worker, "")  # retire it: idle now, so nothing is lost

    def _finish(self, worker: _Worker) -> tuple[int, Any]:
        """The worker's running item is answered: the next one it holds starts now."""
        finished = worker.held.popleft()
        worker.deadline = time.monotonic() + self.timeout if worker.held and self.timeout else float("inf")
        return finished

    def _on_death(self, worker: _Worker) -> None:
        worker.process.join()
        if not worker.ready:
            raise SkillgapError(
                f"a worker process died while starting ({worker.death_note()})",
                fix='in a script, call this under `if __name__ == "__main__":` (new processes import the script); else run with n_process=1 to see the error',
            )
        self._replace(worker, f"worker process died while processing this input ({worker.death_note()})")

    def _replace(self, worker: _Worker, error: str) -> None:
        """Stop a worker and start a fresh one in its place: the item it ran gets ``error``, the
        ones waiting behind it (never started) go to the next free worker."""
        worker.stop()
        if worker.held:
            index, _ = worker.held.popleft()
            self.done[index] = Outcome(index, error=error)
            self.waiting.extendleft(reversed(worker.held))
        self.workers[self.workers.index(worker)] = self._spawn()
