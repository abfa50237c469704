"""Fingerprints of what a build reads: its inputs and the generator's own code.

Two equal fingerprints mean a build would make the same thing again (see `record.is_up_to_date`); a
changed one, that something must be computed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import time
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent
LIBRARIES = ("jinja2", "PyYAML", "pycountry", "gender-guesser")
FORMAT = 2
# An article changed this recently might change again within the same tick of the file system's clock,
# keeping its size and modification time: a build that read one is not recorded.
RACY_NS = 2_000_000_000


def hash_inputs(
    root: Path,
    seeds: Mapping[str, tuple[int, int] | None],
    files: Iterable[Path],
    out_dir: Path,
    code: str,
) -> tuple[str, bool]:
    """One hash of everything a build reads: articles by name, size and modification time (`seeds`,
    None for a file that cannot be read), the other `files` by content, the generator's `code` (see
    `code_fingerprint`), and where it writes; and whether an article changed too recently for its
    modification time to be trusted."""
    now = time.time_ns()
    is_racy = False
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{code}\0".encode())
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
    """A hash of the generator's code, templates and data (all the extraction cache's keys hash, see
    `extractions.code_fingerprint`), and of the libraries that shape its output."""
    digest = hashlib.sha256()
    for path in sorted(GENERATOR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".txt", ".json"}:
            digest.update(path.relative_to(GENERATOR).as_posix().encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}=={metadata.version(name)}\0".encode())
    return digest.hexdigest()
