"""Work spread over processes that share the parent's data by forking: the corpus is not pickled
over to them, only their results come back."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Shared = TypeVar("Shared")
Result = TypeVar("Result")
# Below this many items, starting processes costs more than it saves.
MINIMUM = 200
CHUNKS_PER_JOB = 4
# What a forked process works on: set in it as it starts (see `fork_map`), never in the parent, so
# that two calls in one process (a second build, a call inside a call) cannot see each other's work.
work: tuple[Callable[[Any, int], Any], Any] | None = None


def available_cores() -> int:
    """The cores this process may run on: its affinity where the system tells it (Linux), else every
    core of the machine (macOS and Windows have no `os.sched_getaffinity`)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def can_fork() -> bool:
    """Whether processes can be forked here (not on Windows; macOS can, though spawn is its default)."""
    return hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


def fork_map(
    function: Callable[[Shared, int], Result], shared: Shared, count: int, jobs: int | None = None
) -> list[Result]:
    """`[function(shared, i) for i in range(count)]`, over `jobs` processes (default: one per core)
    where processes can be forked, else in this one."""
    jobs = jobs or available_cores()
    if jobs == 1 or count < MINIMUM or not can_fork():
        return [function(shared, i) for i in range(count)]
    size = -(-count // (jobs * CHUNKS_PER_JOB))
    chunks = [range(start, min(start + size, count)) for start in range(0, count, size)]
    context = multiprocessing.get_context("fork")
    # A forked process starts with its parent's memory: `shared` is handed over, never pickled.
    with ProcessPoolExecutor(jobs, context, initializer=set_work, initargs=(function, shared)) as pool:
        return [result for part in pool.map(run_chunk, chunks) for result in part]


def set_work(function: Callable[[Any, int], Any], shared: object) -> None:
    """In a process forked by `fork_map`, as it starts: what `run_chunk` works on."""
    global work
    work = (function, shared)


def run_chunk(indices: Sequence[int]) -> list[Any]:
    """In a forked process: the work set by `fork_map` for these indices."""
    assert work is not None, "run_chunk runs in a process forked by fork_map"
    function, shared = work
    return [function(shared, i) for i in indices]
