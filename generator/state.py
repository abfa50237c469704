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
import hashlib
import io
import json
import logging
import os
import pickle
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from generator.model import Problem

log = logging.getLogger(__name__)

STATE_FILE = "state.json"
# What a build keeps for the next so as to compute only what changed: cross-links, files' keys, the
# lines of the export index.
LINKS_FILE = "links.pickle"
FILES_FILE = "files.pickle"
INDEX_FILE = "index.pickle"
Memo = TypeVar("Memo")
PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("jinja2", "PyYAML", "pycountry", "gender-guesser")
FORMAT = 2
# An article changed this recently might change again within the same tick of the file system's clock,
# keeping its size and modification time: a build that read one is not recorded.
RACY_NS = 2_000_000_000


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


def hash_inputs(
    root: Path, seeds: Mapping[str, tuple[int, int] | None], files: Iterable[Path], out_dir: Path
) -> tuple[str, bool]:
    """One hash of everything a build reads: articles by name, size and modification time (`seeds`,
    None for a file that cannot be read), the other `files` by content, the generator's code and
    libraries, and where it writes; and whether an article changed too recently for its modification
    time to be trusted."""
    now = time.time_ns()
    is_racy = False
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{code_fingerprint()}\0".encode())
    digest.update(f"{root.resolve()}\0{out_dir.resolve()}\0".encode("utf-8", "surrogateescape"))
    for name, stat in seeds.items():
        if stat is None:
            is_racy = True  # unreadable: the build reports it, and must run again to report it again
            continue
        size, mtime = stat
        is_racy = is_racy or mtime > now - RACY_NS
        digest.update(f"{name}\0{size}\0{mtime}\0".encode("utf-8", "surrogateescape"))
    for path in files:
        digest.update(f"\1{path.name}\0".encode())
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest(), is_racy


def code_fingerprint() -> str:
    """A hash of the generator's code, templates and data, and of the libraries that shape its output."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".txt"}:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}=={metadata.version(name)}\0".encode())
    return digest.hexdigest()


class PageReuse:
    """Which pages need no rendering: those that show what they showed at the last build (the same
    digest of their signature and of the code) and whose files are still as it wrote them. Records
    the digest of every page asked about, for the next build."""

    def __init__(self, code: str, last: BuildState | None, out_dir: Path) -> None:
        self.code = code.encode()
        self.last = last
        self.out_dir = out_dir
        self.digests: dict[str, str] = {}
        self.kept: set[str] = set()
        # The size, time and inode of each kept page, as the last build left it and as it still is.
        self.kept_stats: dict[str, tuple[int, int, int]] = {}

    def __call__(self, paths: Sequence[str], signature: object) -> bool:
        digest = signature_digest(self.code, signature)
        self.digests.update(dict.fromkeys(paths, digest))
        last = self.last
        if last is None or any(last.pages.get(path) != digest for path in paths):
            return False
        stats = stat_outputs(self.out_dir, paths)
        if any(path not in last.outputs or stats.get(path) != last.outputs[path] for path in paths):
            return False
        self.kept.update(paths)
        self.kept_stats.update(stats)
        return True


def signature_digest(code: bytes, signature: object) -> str:
    """A digest of what a page shows, by content only: pickled without a memo, so that equal strings
    give the same bytes whether they are one object or several (records read back from a memo
    share fewer objects than records just computed)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(signature)
    return hashlib.sha256(code + buffer.getvalue()).hexdigest()


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
