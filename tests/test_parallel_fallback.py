"""The platform calls behind parallel work have fallbacks that give the same results: no
`os.sched_getaffinity` (macOS, Windows), no `os.fork` (Windows)."""

from __future__ import annotations

import os

import pytest

from generator import parallel


def square(shared: int, index: int) -> int:
    return shared * index * index


def test_without_affinity_every_core_counts(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert parallel.available_cores() == 3


def test_without_fork_work_runs_in_this_process_alike(monkeypatch: pytest.MonkeyPatch):
    expected = parallel.fork_map(square, 2, 500, jobs=2)
    monkeypatch.delattr(os, "fork")
    assert not parallel.can_fork()
    assert parallel.fork_map(square, 2, 500, jobs=2) == expected == [2 * i * i for i in range(500)]
