"""Work on every core, results in input order: what `check --jobs` and `corpus --jobs` share."""
from __future__ import annotations

import os
import signal
from collections import deque
from typing import Callable, Iterable, Iterator, TypeVar

Item = TypeVar("Item")
_context = None  # in a worker process: what it was given once at start (a Linter, a Cleaner)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ordered_map(work: Callable, items: Iterable[Item], jobs: int, context,
                send: Callable = lambda item: item) -> Iterator[tuple[Item, object]]:
    """(item, work(context, send(item))) in the order of `items`. With jobs > 1 the work runs in a pool of
    processes that each receive `context` once, with at most two items per process in flight, so memory
    stays bounded however many items come. `work` must be a module-level function."""
    if jobs <= 1:
        for item in items:
            yield item, work(context, send(item))
        return
    from concurrent.futures import ProcessPoolExecutor  # only when there is a pool to start

    with ProcessPoolExecutor(max_workers=jobs, initializer=_start, initargs=(context,)) as pool:
        pending: deque = deque()
        try:
            for item in items:
                pending.append((item, pool.submit(_run, work, send(item))))
                if len(pending) >= 2 * jobs:
                    item, future = pending.popleft()
                    yield item, future.result()
            while pending:
                item, future = pending.popleft()
                yield item, future.result()
        finally:
            for _, future in pending:
                future.cancel()


def map_all(work: Callable, items: list, jobs: int, context, cost: Callable[[Item], float]) -> list:
    """[work(context, item) for item in items] in a pool of `jobs` processes that each receive `context` once.
    For callers that keep every result anyway: all items are in flight at once, the costliest first, so that
    neither a long item at the head of the order holds the other processes up nor one at its end runs alone."""
    from concurrent.futures import ProcessPoolExecutor

    order = sorted(range(len(items)), key=lambda i: -cost(items[i]))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start, initargs=(context,)) as pool:
        futures = {}
        try:
            for i in order:
                futures[i] = pool.submit(_run, work, items[i])
            return [futures[i].result() for i in range(len(items))]
        finally:
            for future in futures.values():
                future.cancel()


def _start(context) -> None:
    global _context
    _context = context
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C between tasks: the main process reports it, once


def _run(work: Callable, payload):
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # a task in progress may be interrupted
    try:
        return work(_context, payload)
    finally:
        signal.signal(signal.SIGINT, previous)
