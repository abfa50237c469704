"""Where a project's files are: the articles it reads, the docs folder it writes, its configuration."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.read import printable_name

# Where what makes a rebuild cheap is kept (see `incremental`); safe to delete.
CACHE_FOLDER = Path(".cache/briefs")
PROBLEMS_FILE = "briefs-problems.txt"


@dataclass(frozen=True)
class Project:
    """Where the articles are read from and the pages written to; `root` names files in messages."""

    root: Path
    seeds_dir: Path
    out_dir: Path

    @classmethod
    def at(cls, root: Path) -> Project:
        return cls(root, root / "seeds", root / "briefs")

    @property
    def cache_dir(self) -> Path:
        """Where extraction results and the record of the last build are kept; safe to delete."""
        return self.root / CACHE_FOLDER

    @property
    def registry_path(self) -> Path:
        return self.root / "actors.yml"

    @property
    def subjects_path(self) -> Path:
        """The owner's curation of subjects (see `subjects.load_lexicon`)."""
        return self.root / "subjects.yml"

    @property
    def mkdocs_path(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def problems_path(self) -> Path:
        """The list of the last build's article problems, for a site owner to read (see `build`)."""
        return self.root / PROBLEMS_FILE

    def name_of(self, path: Path) -> str:
        """A path as messages show it: relative to the project when inside it, always printable."""
        try:
            target = resolved(path)
        except (OSError, RuntimeError):  # a link loop: named by where it is
            target = resolved_folder(path.parent) / path.name
        try:
            return printable_name(target.relative_to(resolved(self.root)).as_posix())
        except ValueError:
            return printable_name(path.as_posix())


def resolved(path: Path) -> Path:
    """`path.resolve()`, with the folder resolved once for all the files in it."""
    return path.resolve() if path.is_symlink() else resolved_folder(path.parent) / path.name


@lru_cache(maxsize=64)
def resolved_folder(folder: Path) -> Path:
    return folder.resolve()
