"""Lists too long for one page (briefs of a topic, of a month, of an actor; actors of a type) split
into pages whose contents stay put as the list grows.

A list is newest first. Its first page holds the newest items; the older ones are split into pages
counted from the oldest, so that page 1 always holds the oldest items and a new item changes the
first page and the newest of the older pages only: at ten thousand briefs, adding one does not
rewrite every page of every list it is in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Item = TypeVar("Item")
BRIEFS_PER_PAGE = 50
QUOTES_PER_PAGE = 20


@dataclass(frozen=True)
class Pager(Generic[Item]):
    """One page of a list: its items and path, and the pages around it (None: there is none).

    `number` is 0 for the first page, else the page's number counted from the oldest.
    """

    items: tuple[Item, ...]
    path: str
    number: int
    newest: str | None
    newer: str | None
    older: str | None
    oldest: str | None


def paginate(first_path: str, older_base: str, items: Sequence[Item], size: int) -> list[Pager[Item]]:
    """The pages of `items` (newest first): the first at `first_path` with the newest `size` items,
    the older ones at `older_base/1.md` (the oldest), `older_base/2.md`..."""
    rest = items[size:]
    count = -(-len(rest) // size)
    paths = [first_path, *(f"{older_base}/{number}.md" for number in range(count, 0, -1))]
    pages = [(0, tuple(items[:size]))]
    for number in range(count, 0, -1):
        end = len(rest) - (number - 1) * size
        pages.append((number, tuple(rest[max(0, end - size) : end])))
    return [
        Pager(
            page_items,
            paths[place],
            number,
            newest=first_path if place > 1 else None,
            newer=paths[place - 1] if place > 0 else None,
            older=paths[place + 1] if place + 1 < len(paths) else None,
            oldest=paths[-1] if place + 2 < len(paths) else None,
        )
        for place, (number, page_items) in enumerate(pages)
    ]
