"""Lists too long for one page (briefs of a topic, of a month, of an actor; actors of a type) split
into pages whose contents stay put as the list changes.

A list is newest first. Its first page holds the newest items; the older ones are split where the
items themselves say, not every so many items: walking from the oldest, a page ends at an item whose
stable hash is the smallest of the items around it (within half a page either way). Whether an item
ends a page depends only on its neighbours, so adding or removing an item anywhere moves the ends of
at most a few pages: at ten thousand briefs, one more brief, however old, rewrites a handful of pages
of each list it is in, not every page after it. Pages are named by their oldest item (the oldest page
by a fixed name), never by a number that shifts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

Item = TypeVar("Item")
BRIEFS_PER_PAGE = 50
QUOTES_PER_PAGE = 20
# A run of items with no page end in it is cut every so many pages' worth (rare: see `page_ends`).
LONGEST_PAGE = 2
OLDEST_PAGE = "oldest"


@dataclass(frozen=True)
class Pager(Generic[Item]):
    """One page of a list: its items and path, what it holds in words ('' on the first page: the
    newest items), and the pages around it (None: there is none)."""

    items: tuple[Item, ...]
    path: str
    label: str
    newest: str | None
    newer: str | None
    older: str | None
    oldest: str | None


def paginate(
    first_path: str,
    older_base: str,
    items: Sequence[Item],
    size: int,
    *,
    key: Callable[[Item], str],
    label: Callable[[Item, Item], str],
    name: Callable[[Item], str] | None = None,
) -> list[Pager[Item]]:
    """The pages of `items` (newest first): the first at `first_path` with the newest `size` items, the
    older ones at `older_base/oldest.md` (the oldest) and `older_base/from-NAME.md`, NAME being the
    `name` of the page's oldest item (default: its `key`).

    `key` tells an item from the others of the list and must not change while the item stays in it;
    `name` is as unique, a path segment (letters, digits, hyphens); `label(oldest, newest)` says
    what a page holds."""
    oldest_first = tuple(items[size:])[::-1]
    ends = page_ends([stable_rank(key(item)) for item in oldest_first], size)
    chunks = [oldest_first[start:end] for start, end in zip([0, *ends], ends, strict=False)]
    names = page_names([(name or key)(chunk[0]) for chunk in chunks[1:]]) if chunks else []
    older = [(f"{older_base}/{name}.md", chunk) for name, chunk in zip(names, chunks, strict=True)][::-1]
    pages = [(first_path, tuple(items[:size]), ""), *((p, c[::-1], label(c[0], c[-1])) for p, c in older)]
    paths = [path for path, _, _ in pages]
    return [
        Pager(
            page_items,
            path,
            page_label,
            newest=first_path if place > 1 else None,
            newer=paths[place - 1] if place > 0 else None,
            older=paths[place + 1] if place + 1 < len(paths) else None,
            oldest=paths[-1] if place + 2 < len(paths) else None,
        )
        for place, (path, page_items, page_label) in enumerate(pages)
    ]


def page_names(starts: Sequence[str]) -> list[str]:
    """The names of the older pages, oldest first, from the names of their oldest items but the
    first's. An item listed twice (an actor named twice in one brief) may start two pages: the newer
    gets a number after an underscore, which no slug holds."""
    names = [OLDEST_PAGE]
    taken = set(names)
    for start in starts:
        name, number = f"from-{start}", 1
        while name in taken:
            number += 1
            name = f"from-{start}_{number}"
        names.append(name)
        taken.add(name)
    return names


def page_ends(ranks: Sequence[int], size: int) -> list[int]:
    """Where the pages of a list (oldest first) end: the index after each page's last item, the last
    one `len(ranks)`.

    An item ends a page when its rank is below those of the `size // 2` items on each side (an
    item nearer either end of the list than that never does). Such items are at least half a page
    apart and on average a page apart; whether an item is one reads only its neighbours. A run of
    more than LONGEST_PAGE pages' worth of items without one is cut every LONGEST_PAGE pages, counted
    from its oldest item, so that the newest page (which has no such item yet) does not move either
    as items are added to it.
    """
    reach, longest = max(1, size // 2), LONGEST_PAGE * size
    ends: list[int] = []
    start = 0
    # The newest item ends the last page.
    for last in [*local_minima(ranks, reach), len(ranks) - 1] if ranks else []:
        ends.extend(range(start + longest, last + 1, longest))
        start = last + 1
        ends.append(start)
    return ends


def local_minima(ranks: Sequence[int], reach: int) -> list[int]:
    """The indices, in order, whose rank is below the ranks of the `reach` indices on either side;
    none nearer an end than `reach`."""
    minima = []
    index = reach
    last = len(ranks) - reach
    while index < last:
        rank = ranks[index]
        lowest_after = min(ranks[index + 1 : index + reach + 1])
        if lowest_after <= rank:
            # Nothing from here up to that lower (or equal) rank can be a minimum: skip to it.
            index = ranks.index(lowest_after, index + 1)
            continue
        if rank < min(ranks[index - reach : index]):
            minima.append(index)
            index += reach + 1
        else:
            index += 1
    return minima


@lru_cache(maxsize=1 << 17)
def stable_rank(key: str) -> int:
    """A number for `key` that is the same in every process and every run (unlike `hash`), spread
    evenly."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")
