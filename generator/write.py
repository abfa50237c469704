"""Write generated pages into the docs folder: atomically, only when changed, never over others' files."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MANIFEST = ".briefs-manifest"


class WriteError(Exception):
    """The output cannot be written without harming a file the generator does not own."""


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


def plan_changes(out_dir: Path, pages: Mapping[str, str]) -> Changes:
    """Compare the pages with the docs folder; refuse to overwrite a file the generator did not write."""
    owned = read_manifest(out_dir)
    added, changed, unchanged = [], [], 0
    for rel_path, text in sorted(pages.items()):
        path = safe_path(out_dir, rel_path)
        if not path.exists():
            added.append(rel_path)
        elif rel_path not in owned:
            raise WriteError(
                f"{path}: exists but was not written by briefs; move it away or rename it, "
                "the generator never overwrites files it did not write"
            )
        elif path.read_bytes() != text.encode("utf-8"):
            changed.append(rel_path)
        else:
            unchanged += 1
    removed = sorted(p for p in owned - set(pages) if safe_path(out_dir, p).exists())
    return Changes(tuple(added), tuple(changed), tuple(removed), unchanged)


def apply_changes(out_dir: Path, pages: Mapping[str, str], changes: Changes) -> None:
    """Write added and changed pages, remove pages no longer generated, then update the manifest."""
    for rel_path in (*changes.added, *changes.changed):
        write_atomically(safe_path(out_dir, rel_path), pages[rel_path])
    for rel_path in changes.removed:
        path = safe_path(out_dir, rel_path)
        path.unlink()
        remove_empty_parents(path.parent, out_dir)
    manifest = "".join(f"{p}\n" for p in sorted(pages))
    manifest_path = out_dir / MANIFEST
    if not manifest_path.exists() or manifest_path.read_text("utf-8") != manifest:
        write_atomically(manifest_path, manifest)


def read_manifest(out_dir: Path) -> set[str]:
    path = out_dir / MANIFEST
    if not path.exists():
        return set()
    return {line for line in path.read_text("utf-8").splitlines() if line}


def safe_path(out_dir: Path, rel_path: str) -> Path:
    """The path of a page inside the docs folder; a path that would leave it is an error."""
    parts = PurePosixPath(rel_path).parts
    if not parts or any(part in ("..", "") or part.startswith("/") for part in parts):
        raise WriteError(f"refusing to write outside {out_dir}: {rel_path!r}")
    return out_dir.joinpath(*parts)


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_empty_parents(folder: Path, out_dir: Path) -> None:
    while folder != out_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
