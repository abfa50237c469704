"""Work over forked processes gives what one process gives, in the same order."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.corpus import write_corpus
from generator import parallel
from generator.build import Project, build
from generator.parallel import fork_map


def square_plus(shared: int, index: int) -> tuple[int, int]:
    return index * index + shared, os.getpid()


def test_fork_map_returns_what_a_loop_returns_and_uses_other_processes() -> None:
    results = fork_map(square_plus, 7, 1000, jobs=2)
    assert [value for value, _ in results] == [i * i + 7 for i in range(1000)]
    assert os.getpid() not in {pid for _, pid in results}


def cube(shared: int, index: int) -> tuple[int, int]:
    return index**3 + shared, os.getpid()


def test_fork_maps_running_at_once_in_one_process_each_do_their_own_work() -> None:
    """Two builds in one process (as `mkdocs serve` runs them) keep no work in the parent to share."""
    with ThreadPoolExecutor(2) as threads:
        squares = threads.submit(fork_map, square_plus, 1, 600, 2)
        cubes = threads.submit(fork_map, cube, 2, 600, 2)
        assert [value for value, _ in squares.result()] == [i * i + 1 for i in range(600)]
        assert [value for value, _ in cubes.result()] == [i**3 + 2 for i in range(600)]
    assert parallel.work is None


def test_fork_map_stays_in_this_process_for_little_work() -> None:
    results = fork_map(square_plus, 0, parallel.MINIMUM - 1, jobs=2)
    assert {pid for _, pid in results} == {os.getpid()}


def test_pages_rendered_over_processes_are_those_rendered_in_one(
    tmp_path, new_project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MINIMUM", 2)
    outputs = []
    for jobs in (1, 2):
        project = Project.at(new_project(tmp_path / f"jobs-{jobs}"))
        write_corpus(project.seeds_dir, 30)
        build(project, jobs=jobs)
        outputs.append(
            {
                p.relative_to(project.out_dir): p.read_bytes()
                for p in project.out_dir.rglob("*")
                if p.is_file()
            }
        )
    assert outputs[0] == outputs[1]
