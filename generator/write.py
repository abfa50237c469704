"""Write generated pages into the docs folder: atomically, only when changed, never over others' files.

A page is first staged as a hidden temporary file beside its final path (MkDocs ignores dot-files),
then renamed over it, so a reader never sees half a page. The manifest names a page before the page
exists, so an interrupted build never leaves a file that the next build would not recognise as its own.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MANIFEST = ".briefs-manifest"
STAGING_THREADS = 16
# Up to this many files staged, each is synced on its own rather than the whole file system at once.
SYNC_EACH_MOST = 256
TEMPORARY_SUFFIX = ".briefs-tmp"
# A path segment that is a plain file or folder name on every system: no separators, no hidden or
# relative names, no control characters, no Windows device names, no trailing dot or space.
NOT_IN_NAME = r"/\\:*?\"<>|\x00-\x1f\x7f"
SAFE_SEGMENT = re.compile(rf"[^.{NOT_IN_NAME}](?:[^{NOT_IN_NAME}]*[^. {NOT_IN_NAME}])?")
DEVICE_NAME = re.compile(r"(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?", re.IGNORECASE)

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; builds there are not protected against each other.
    fcntl = None  # type: ignore[assignment]


class WriteError(Exception):
    """The output cannot be written without harming a file the generator does not own."""


def os_error_message(error: OSError, name_of: Callable[[Path], str]) -> str:
    """'briefs/a.md: No space left on device; free some space, then build again': what the system
    refused, where (`name_of` names a path as messages do), and what to do."""
    where = f"{name_of(Path(os.fsdecode(error.filename)))}: " if error.filename is not None else ""
    hint = OS_ERROR_HINTS.get(error.errno or 0, "check that folder, then build again")
    return f"{where}{error.strerror or error}; {hint}"


OS_ERROR_HINTS = {
    errno.ENOSPC: "free some disk space, then build again (the pages written so far are whole)",
    errno.EDQUOT: "free some disk space, then build again (the pages written so far are whole)",
    errno.EACCES: "make it writable for you, then build again",
    errno.EPERM: "make it writable for you, then build again",
    errno.EROFS: "the file system is read-only: build on a writable copy",
}


class LockError(WriteError):
    """Another build holds the docs folder."""


@dataclass(frozen=True)
class Changes:
    """What writing the pages does (or would do) to the docs folder, as '/'-separated paths."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


# The descriptors holding a docs folder's lock in this process (see `close_inherited_locks`).
HELD_LOCKS: set[int] = set()


def close_inherited_locks() -> None:
    """In a process just forked (extraction workers): close its copies of the lock's descriptor.
    The lock lasts while any copy is open, so a worker left behind by a build killed with -9 would
    otherwise hold the docs folder for ever."""
    for descriptor in HELD_LOCKS:
        with contextlib.suppress(OSError):
            os.close(descriptor)
    HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):  # not on Windows, which does not fork
    os.register_at_fork(after_in_child=close_inherited_locks)


@contextlib.contextmanager
def lock_docs_folder(out_dir: Path, *, shared: bool = False) -> Iterator[None]:
    """Hold the docs folder for one build; a second build fails at once instead of interleaving writes.

    The lock is an flock on the folder itself: no lock file to commit or to clean up, and the system
    releases it when its process ends, however it ends. `shared` (for a check, which writes nothing)
    does not create the folder.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise WriteError(
            f"{out_dir.as_posix()}: is a file, not a folder; move it away: the pages are written "
            "into a folder of that name"
        )
    if not shared:
        out_dir.mkdir(parents=True, exist_ok=True)
    if fcntl is None or not out_dir.is_dir():
        yield
        return
    descriptor = os.open(out_dir, os.O_RDONLY)
    HELD_LOCKS.add(descriptor)
    try:
        try:
            fcntl.flock(descriptor, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockError(
                f"another briefs build is running on {out_dir.as_posix()}/; "
                "wait for it to finish, then build again"
            ) from None
        yield
    finally:
        HELD_LOCKS.discard(descriptor)
        os.close(descriptor)


def plan_changes(out_dir: Path, pages: Mapping[str, str], kept: Set[str] = frozenset()) -> Changes:
    """Compare the pages with the docs folder; refuse to overwrite a file the generator did not write.

    `kept` pages were not rendered: the last build wrote them, and they are known to be unchanged.
    """
    resolved_folder.cache_clear()
    owned = read_manifest(out_dir)
    added, changed, unchanged = [], [], len(kept)
    for rel_path, text in sorted(pages.items()):
        path = safe_path(out_dir, rel_path)
        if not path.exists():
            added.append(rel_path)
        elif rel_path not in owned:
            raise WriteError(
                f"{path}: exists but was not written by briefs; move it away or rename it, "
                "the generator never overwrites files it did not write"
            )
        elif not path.is_file():
            raise WriteError(f"{path}: is not a file; move it away, a generated page belongs there")
        elif path.read_bytes() != text.encode("utf-8"):
            changed.append(rel_path)
        else:
            unchanged += 1
    removed = sorted(p for p in owned - set(pages) - kept if safe_path(out_dir, p).is_file())
    return Changes(tuple(added), tuple(changed), tuple(removed), unchanged)


def apply_changes(
    out_dir: Path, pages: Mapping[str, str], changes: Changes, kept: Set[str] = frozenset()
) -> None:
    """Write added and changed pages, remove pages no longer generated, then update the manifest.

    Every page is staged before any is renamed into place, so an interruption while staging leaves
    the folder as it was, and one while renaming leaves whole pages only.
    """
    resolved_folder.cache_clear()
    remove_leftovers(out_dir)
    owned = read_manifest(out_dir)
    # New paths are claimed with the digest of their page: should this build fail before writing
    # one, a file someone puts there later is not taken for ours (see `read_manifest`).
    claimed = {rel_path: page_digest(pages[rel_path]) for rel_path in changes.added}
    update_manifest(out_dir, owned | set(pages) - claimed.keys() | kept, claimed)
    writes = [(rel_path, safe_path(out_dir, rel_path)) for rel_path in (*changes.added, *changes.changed)]
    staged = stage_all([(path, pages[rel_path]) for rel_path, path in writes])
    for temporary, path in staged:
        temporary.replace(path)
    for rel_path in changes.removed:
        path = safe_path(out_dir, rel_path)
        path.unlink(missing_ok=True)
        remove_empty_parents(path.parent, out_dir)
    update_manifest(out_dir, set(pages) | kept)


def read_manifest(out_dir: Path) -> set[str]:
    """The pages the generator wrote: each line of the manifest, and each path claimed by a build
    that did not finish (`path<TAB>digest`) that holds no file or the page that build meant to write."""
    path = out_dir / MANIFEST
    if not path.exists():
        return set()
    owned = set()
    for line in path.read_text("utf-8").splitlines():
        rel_path, _, claim = line.partition("\t")
        if rel_path and (not claim or is_claimed_page(out_dir, rel_path, claim)):
            owned.add(rel_path)
    return owned


def is_claimed_page(out_dir: Path, rel_path: str, claim: str) -> bool:
    path = out_dir / rel_path
    if not path.exists():
        return True
    try:
        return path.is_file() and page_digest(path.read_text("utf-8")) == claim
    except (OSError, UnicodeDecodeError):
        return False


def page_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def update_manifest(out_dir: Path, rel_paths: Set[str], claimed: Mapping[str, str] | None = None) -> None:
    lines = [*rel_paths, *(f"{p}\t{digest}" for p, digest in (claimed or {}).items())]
    manifest = "".join(f"{line}\n" for line in sorted(lines))
    path = out_dir / MANIFEST
    if not path.exists() or path.read_text("utf-8") != manifest:
        write_atomically(path, manifest)


def safe_path(out_dir: Path, rel_path: str) -> Path:
    """The path of a page inside the docs folder; a path that would leave it is an error.

    Each '/'-separated segment must be a plain name (see SAFE_SEGMENT), and no folder on the way
    may be a link that leads out of the docs folder.
    """
    segments = rel_path.split("/")
    if not all(SAFE_SEGMENT.fullmatch(s) and not DEVICE_NAME.fullmatch(s) for s in segments):
        raise WriteError(f"refusing to write outside {out_dir} or to an unsafe name: {rel_path!r}")
    path = out_dir.joinpath(*segments)
    target = path.resolve() if path.is_symlink() else resolved_folder(path.parent) / path.name
    if not target.is_relative_to(resolved_folder(out_dir)):
        raise WriteError(f"refusing to write outside {out_dir}: {rel_path!r} leads to {target}")
    return path


@lru_cache(maxsize=4096)
def resolved_folder(folder: Path) -> Path:
    """A folder resolved once per pass over the pages (`plan_changes`, `apply_changes` forget them)."""
    return folder.resolve()


def stage_all(writes: Sequence[tuple[Path, str]]) -> list[tuple[Path, Path]]:
    """Stage every write, (temporary, final path) in order; on any failure, none stays staged.

    Threads overlap the waits of opening and syncing many files (the system releases the GIL there).
    """
    # Folders first, in order: threads creating the same folder at once would race.
    for folder in dict.fromkeys(path.parent for path, _ in writes):
        folder.mkdir(parents=True, exist_ok=True)
    # One sync of the file system for many files, where there is one: thousands of fsyncs took
    # seconds. For a few, one fsync each: a sync of the whole file system also waits for every other
    # program's writes (a tenth of a second or more of a rebuild on a busy machine). Either way,
    # every file is on disk before any is renamed into place.
    sync_each = len(writes) <= SYNC_EACH_MOST or not hasattr(os, "sync")
    with ThreadPoolExecutor(STAGING_THREADS) as pool:
        futures = [(pool.submit(stage, path, text, sync=sync_each), path) for path, text in writes]
    staged, failures = [], []
    for future, path in futures:
        error = future.exception()
        if error is None:
            staged.append((future.result(), path))
        else:
            failures.append(error)
    if failures:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise failures[0]
    if not sync_each and staged:
        os.sync()
    return staged


def stage(path: Path, text: str, *, sync: bool = True) -> Path:
    """Write `text` to a new hidden temporary file beside `path`, on disk (unless not `sync`: the
    caller then syncs), and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
        try:
            # Created like any new file (the umask applies), unlike mkstemp's owner-only files.
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over: readers never see half a file."""
    stage(path, text).replace(path)


def remove_leftovers(out_dir: Path) -> None:
    """Delete temporary files that an interrupted build left behind (only ever ours: by their name)."""
    if out_dir.is_dir():
        for leftover in out_dir.rglob(f".*{TEMPORARY_SUFFIX}"):
            if leftover.is_file():
                leftover.unlink()


def remove_empty_parents(folder: Path, out_dir: Path) -> None:
    while folder != out_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


PROBLEM_LIST_HEADER = (
    "# Problems with articles found by the last `briefs build`: file:line: what is wrong; how to fix it\n"
)


def write_problem_list(path: Path, lines: Sequence[str]) -> None:
    """Keep the list of article problems beside the project, where a site owner finds it after a
    `mkdocs build` (whose warnings are kept for problems of the site itself); none, no file."""
    if not lines:
        path.unlink(missing_ok=True)
        return
    text = PROBLEM_LIST_HEADER + "".join(f"{line}\n" for line in lines)
    if not path.is_file() or path.read_text("utf-8") != text:
        write_atomically(path, text)
