"""The record of the last build, so that a build with nothing to do stops before reading any article.

The record holds a hash of every input (the names, sizes and modification times of the articles, the
registry, mkdocs.yml, the generator's own code) and the size and modification time of every file the
build left in the docs folder, with the report to repeat. When the inputs hash the same and every
output is still as written, the docs folder is already what a build would make. When something
changed, the digest of what each page shows says which pages need rendering again, and memos
(`read_memo`) keep what the next build may reuse: the cross-links and each article file's key. Like
the extraction cache, all of it lives under `.cache/briefs/` and is safe to delete.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import pickle
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from generator.model import Problem

log = logging.getLogger(__name__)

STATE_FILE = "state.json"
# What a build keeps for the next so as to compute only what changed: cross-links, files' keys, the
# lines of the export index, what lists show of each brief.
LINKS_FILE = "links.pickle"
FILES_FILE = "files.pickle"
INDEX_FILE = "index.pickle"
DIGESTS_FILE = "digests.pickle"
Memo = TypeVar("Memo")


@dataclass(frozen=True)
class BuildState:
    """What the last build read (as one hash), what it wrote, and what it reported."""

    inputs: str
    outputs: dict[str, tuple[int, int, int]]
    built: int
    skip_reasons: tuple[str, ...]
    problems: tuple[Problem, ...]
    # A digest of what each page shows (see PageReuse), to know which need no rendering.
    pages: dict[str, str]


def stat_outputs(out_dir: Path, rel_paths: Iterable[str]) -> dict[str, tuple[int, int, int]]:
    """Size, modification time and inode of each output file that exists."""
    stats = {}
    # Strings, not paths: there are ten thousand or more, and making a Path costs more than the stat.
    folder = os.fspath(out_dir)
    for rel_path in rel_paths:
        try:
            info = os.stat(f"{folder}/{rel_path}")  # noqa: PTH116
        except OSError:
            continue
        stats[rel_path] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return stats


def is_up_to_date(state: BuildState | None, inputs: str, out_dir: Path) -> bool:
    """Whether the last build read these inputs and every file it wrote is still as it left it."""
    if state is None or state.inputs != inputs:
        return False
    return stat_outputs(out_dir, state.outputs) == state.outputs


def read_state(folder: Path) -> BuildState | None:
    """The record of the last build; None when there is none, or it cannot be read (said once: the
    build that follows replaces it)."""
    path = folder / STATE_FILE
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        state = BuildState(
            data["inputs"],
            {path: (size, mtime, inode) for path, (size, mtime, inode) in data["outputs"].items()},
            data["built"],
            tuple(data["skip_reasons"]),
            tuple(Problem(**problem) for problem in data["problems"]),
            dict(data["pages"]),
        )
        if not is_well_formed(state):
            raise TypeError("a value of the wrong type")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("briefs: %s: not a build record (%s); ignored, everything is checked again", path, error)
        return None
    return state


def is_well_formed(state: BuildState) -> bool:
    """Whether every value of a record read back has the type a build record has."""
    return (
        isinstance(state.inputs, str)
        and type(state.built) is int
        and all(isinstance(v, str) for v in (*state.skip_reasons, *state.pages, *state.pages.values()))
        and all(type(n) is int for stat in state.outputs.values() for n in stat)
        and all(isinstance(p.source, str) and type(p.line) is int for p in state.problems)
    )


def write_state(folder: Path, state: BuildState) -> None:
    """Record the build (a file that cannot be written only costs the next build its shortcut)."""
    data = {
        "inputs": state.inputs,
        "outputs": state.outputs,
        "built": state.built,
        "skip_reasons": state.skip_reasons,
        "problems": [asdict(problem) for problem in state.problems],
        "pages": state.pages,
    }
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{STATE_FILE}.{os.getpid()}"
        temporary.write_text(json.dumps(data, sort_keys=True), "utf-8")
        temporary.replace(folder / STATE_FILE)


def forget_state(folder: Path) -> None:
    """Remove the record before writing, so that an interrupted build is never taken as complete."""
    with contextlib.suppress(OSError):
        (folder / STATE_FILE).unlink()


def forget_memos(folder: Path) -> None:
    """Remove the record and everything kept for the next build: a build after it computes all anew."""
    forget_state(folder)
    for name in (LINKS_FILE, FILES_FILE, INDEX_FILE):
        with contextlib.suppress(OSError):
            (folder / name).unlink()


def read_memo(folder: Path, name: str, code: str, kind: type[Memo]) -> Memo | None:
    """What the last build kept in `name` for the next, if the same code computed it."""
    try:
        with (folder / name).open("rb") as file:
            written_by, value = pickle.load(file)
    except Exception:  # missing, truncated, or from another version: compute everything again
        return None
    return value if written_by == code and isinstance(value, kind) else None


def write_memo(folder: Path, name: str, code: str, value: object) -> None:
    """Keep `value` for the next build (one that cannot be written costs it time, no more)."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{name}.{os.getpid()}"
        with temporary.open("wb") as file:
            pickle.dump((code, value), file, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(folder / name)
