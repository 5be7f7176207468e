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
    neither a long item at the head of the order holds the other processes up nor one at its end runs alone.
    Items travel in batches of about 1/BATCHES_PER_JOB of a process's share: each message costs the parent
    process time on a core the workers need. An item's exception is raised as its own result would be."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_start, initargs=(context,)) as pool:
        futures = []
        try:
            where = [(0, 0)] * len(items)  # item -> (its batch, its place in it)
            for batch in _batches(items, cost, jobs * BATCHES_PER_JOB):
                for place, i in enumerate(batch):
                    where[i] = (len(futures), place)
                futures.append(pool.submit(_run, _each, (work, [items[i] for i in batch])))
            results = []
            for b, place in where:
                result = futures[b].result()[place]
                if isinstance(result, _Failed):
                    raise result.error
                results.append(result)
            return results
        finally:
            for future in futures:
                future.cancel()


BATCHES_PER_JOB = 64


def _batches(items: list, cost: Callable, count: int) -> Iterator[list[int]]:
    """Indices of items, costliest first, in runs of about total cost / count (a costlier item alone)."""
    costs = [cost(item) for item in items]
    target, batch, spent = sum(costs) / count, [], 0.0
    for i in sorted(range(len(items)), key=lambda i: -costs[i]):
        batch.append(i)
        spent += costs[i]
        if spent >= target:
            yield batch
            batch, spent = [], 0.0
    if batch:
        yield batch


class _Failed:
    def __init__(self, error: Exception):
        self.error = error


def _each(context, payload) -> list:
    work, batch = payload
    results = []
    for item in batch:
        try:
            results.append(work(context, item))
        except Exception as error:  # raised in the parent, in the order of the items
            results.append(_Failed(error))
    return results


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
