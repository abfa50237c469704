"""Pages that list briefs (topics, the archive) split into pages of bounded size."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Item = TypeVar("Item")
BRIEFS_PER_PAGE = 50
QUOTES_PER_PAGE = 20


@dataclass(frozen=True)
class Pager(Generic[Item]):
    """One page of a listing: its items, its number (from 1) and the paths of all its pages."""

    items: tuple[Item, ...]
    number: int
    paths: tuple[str, ...]

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]


def page_path(base: str, number: int) -> str:
    """'topics/politics' -> 'topics/politics.md', then 'topics/politics/2.md', ... ('/'-separated)."""
    return f"{base}.md" if number == 1 else f"{base}/{number}.md"


def pages_needed(count: int, size: int) -> int:
    """How many pages of `size` items hold `count` items; an empty listing still has its first page."""
    return max(1, -(-count // size))


def paginate(base: str, items: Sequence[Item], size: int) -> list[Pager[Item]]:
    """Split `items` into pages of at most `size`."""
    count = pages_needed(len(items), size)
    paths = tuple(page_path(base, number) for number in range(1, count + 1))
    return [Pager(tuple(items[(n - 1) * size : n * size]), n, paths) for n in range(1, count + 1)]


def relative(from_path: str, to_path: str) -> str:
    """A Markdown link from one page to another, both given relative to the docs folder."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
