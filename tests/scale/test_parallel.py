"""The ordered process-pool map: order, one outcome per input, crashes, hangs, memory window."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from parallel_workers import behave, failing_init, init_counter, pid_and_inits, preloaded
from skillgap.errors import SkillgapError
from skillgap.parallel import Outcome, WorkerPool, imap_ordered


def test_every_failure_becomes_its_own_outcome_in_input_order():
    items = [1, "raise", 2, "exit", 3, "segv", "hang", 4, "memory", "unpicklable", 5]
    start = time.monotonic()
    outcomes = list(imap_ordered(behave, items, n_process=2, timeout=1.5))
    elapsed = time.monotonic() - start
    assert [o.index for o in outcomes] == list(range(len(items)))
    assert [o.value for o in outcomes if o.ok] == [1, 2, 3, 4, 5]
    errors = {items[o.index]: o.error for o in outcomes if not o.ok}
    assert errors == {
        "raise": "ValueError: bad input",
        "exit": "worker process died while processing this input (exit code 3)",
        "segv": "worker process died while processing this input (signal SIGSEGV)",
        "hang": "timed out after 1.5 s; its worker process was stopped",
        "memory": "MemoryError",
        "unpicklable": errors["unpicklable"],
    }
    assert errors["unpicklable"].startswith("result could not be sent back: ")
    assert elapsed < 15  # one 1.5 s timeout plus a few worker restarts, not a stall


def test_the_item_waiting_behind_a_hung_or_dying_one_is_run_by_the_next_worker():
    # one worker holds two items: the one it runs and the next; that next one is not lost with it
    outcomes = list(imap_ordered(behave, ["hang", 1, "exit", 2, "x" * 100_000, 3], n_process=1, timeout=1.0))
    assert [(o.value, o.error) for o in outcomes] == [
        (None, "timed out after 1 s; its worker process was stopped"),
        (1, None),
        (None, "worker process died while processing this input (exit code 3)"),
        (2, None),
        ("x" * 100_000, None),  # too big to wait in the pipe: sent when the worker is idle
        (3, None),
    ]


def test_a_pool_started_early_runs_its_initializer_before_the_items_come():
    with WorkerPool(pid_and_inits, n_process=2, timeout=30, initializer=init_counter) as pool:
        time.sleep(0.1)  # this process does other set-up work meanwhile
        outcomes = list(pool.imap(range(6)))
    assert [o.value[1] for o in outcomes] == [1] * 6 and pool.workers == []


def test_initializer_runs_once_per_worker_process():
    outcomes = list(imap_ordered(pid_and_inits, range(40), n_process=2, timeout=30, initializer=init_counter))
    pids = {o.value[0] for o in outcomes}
    assert len(outcomes) == 40 and all(o.ok for o in outcomes)
    assert {o.value[1] for o in outcomes} == {1}
    assert len(pids) == 2 and os.getpid() not in pids


def test_workers_are_replaced_after_max_tasks_and_rerun_the_initializer():
    outcomes = list(imap_ordered(pid_and_inits, range(7), n_process=1, timeout=30, initializer=init_counter, max_tasks=3))
    pids = [o.value[0] for o in outcomes]
    assert [pids.index(p) for p in pids] == [0, 0, 0, 3, 3, 3, 6] and {o.value[1] for o in outcomes} == {1}


def test_inputs_are_pulled_lazily_within_the_window():
    pulled = []

    def source():
        for i in range(1000):
            pulled.append(i)
            yield 1.0 if i == 0 else i

    stream = imap_ordered(behave, source(), n_process=2, timeout=30, window=4)
    first = next(stream)
    assert first == Outcome(0, 1.0) and len(pulled) == 4
    stream.close()


def test_workers_without_a_timeout():
    assert [o.value for o in imap_ordered(behave, [0.2, 0.1, 3, 0.3], n_process=2)] == [0.2, 0.1, 3, 0.3]


def test_single_process_without_timeout_runs_inline():
    outcomes = list(imap_ordered(pid_and_inits, range(3), n_process=1, initializer=init_counter))
    assert {o.value[0] for o in outcomes} == {os.getpid()}
    assert list(imap_ordered(behave, ["raise", 2])) == [Outcome(0, error="ValueError: bad input"), Outcome(1, 2)]


def test_a_failing_initializer_stops_the_batch_with_its_reason():
    with pytest.raises(SkillgapError, match="worker set-up failed: RuntimeError: no taxonomy here"):
        list(imap_ordered(behave, [1, 2], n_process=2, initializer=failing_init))


def test_closing_the_stream_stops_the_workers():
    psutil = pytest.importorskip("psutil")
    def workers():  # multiprocessing's own resource tracker and a batch's fork server (shared by the process) are not workers
        children = psutil.Process().children()
        return [c for c in children if c.status() != psutil.STATUS_ZOMBIE and not any(s in " ".join(c.cmdline()) for s in ("resource_tracker", "forkserver"))]

    stream = imap_ordered(behave, [0.01] * 50, n_process=2, timeout=30)
    next(stream)
    assert len(workers()) == 2
    stream.close()
    assert workers() == []


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError):
        list(imap_ordered(behave, [1], n_process=-1))
    with pytest.raises(ValueError):
        list(imap_ordered(behave, [1], timeout=0))


def test_forkserver_workers_start_with_the_preloaded_extractor_forked_from_a_threadless_server():
    from skillgap.extract import PRELOAD

    with WorkerPool(preloaded, n_process=2, start_method="forkserver", preload=PRELOAD) as pool:
        outcomes = list(pool.imap(range(4)))
    # one thread in the server when it forked; the shipped taxonomy's extractor already built; the collector on again
    assert [o.value for o in outcomes] == [(1, 1, True)] * 4


def test_forkserver_workers_isolate_failures_like_spawned_ones():
    outcomes = list(imap_ordered(behave, [1, "raise", "exit", 2], n_process=2, timeout=30, start_method="forkserver"))
    assert [(o.value, o.error) for o in outcomes] == [
        (1, None),
        (None, "ValueError: bad input"),
        (None, "worker process died while processing this input (exit code 3)"),
        (2, None),
    ]


def test_an_unknown_start_method_is_refused():
    with pytest.raises(SkillgapError, match="start_method must be 'spawn' or 'forkserver', got 'fork'"):
        WorkerPool(behave, n_process=2, start_method="fork")


def test_extract_many_workers_take_the_shared_extractor_for_the_shipped_taxonomy_and_default_settings():
    from skillgap.extract import pipeline

    try:
        pipeline._init_worker(None, None, True, pipeline.DEFAULT_FUZZY_CUTOFF, True, None)  # what a shipped extractor sends
        assert pipeline._WORKER is pipeline.default_extractor()  # the one `skillgap.extract.warm` built in the fork server
        pipeline._init_worker(None, None, False, pipeline.DEFAULT_FUZZY_CUTOFF, True, None)  # other settings: its own extractor, the shared pipeline
        assert pipeline._WORKER is not pipeline.default_extractor() and pipeline._WORKER.fuzzy is False
        assert pipeline._WORKER.pipeline is pipeline.default_extractor().pipeline
    finally:
        pipeline._WORKER = None


def test_extract_many_names_the_shipped_taxonomy_by_none_and_forks_its_workers_from_the_preloaded_server(monkeypatch):
    from skillgap.extract import PRELOAD, pipeline

    sent: dict[str, object] = {}
    monkeypatch.setattr("skillgap.parallel.imap_ordered", lambda func, items, **options: sent.update(options) or iter(()))
    assert list(pipeline.default_extractor().extract_many(["a text"], n_process=2)) == []
    assert (sent["initargs"][:2], sent["start_method"], sent["preload"]) == ((None, None), "forkserver", PRELOAD)
    custom = pipeline.SkillExtractor(pickle.loads(pickle.dumps(pipeline.load_taxonomy())))  # equal, not the shipped object
    list(custom.extract_many(["a text"], n_process=2))
    assert sent["initargs"][0] is custom.taxonomy  # any other taxonomy travels itself
