"""Pagination of long lists: bounded pages whose contents stay put as the list changes anywhere."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.listings import Pager, local_minima, page_ends, paginate, stable_rank

# What a reader sees of a page: its items, what it says it holds, and where it links.
Shown = tuple[tuple[str, ...], str, str | None, str | None, str | None, str | None]
# Inserting or removing one item moves at most two page ends on each side of it; the pages around
# them, and those linking to a renamed one, change: a handful, however long the list.
MOST_PAGES_CHANGED = 8
FEW_PAGES = 5


def pagers(items: list[str], size: int = 3) -> list[Pager[str]]:
    return paginate("topic.md", "topic", items, size, key=str, label=lambda older, newer: f"{older}-{newer}")


def pages_of(items: list[str], size: int = 3) -> dict[str, Shown]:
    return {p.path: (p.items, p.label, p.newest, p.newer, p.older, p.oldest) for p in pagers(items, size)}


def changed_pages(before: list[str], after: list[str], size: int) -> set[str]:
    old, new = pages_of(before, size), pages_of(after, size)
    return {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}


def newest_first(count: int, prefix: str = "i") -> list[str]:
    return [f"{prefix}{number:05d}" for number in range(count, 0, -1)]


def test_the_first_page_holds_the_newest_and_every_item_is_on_one_page() -> None:
    items = newest_first(500)
    pages = pagers(items, 10)
    assert pages[0].path == "topic.md"
    assert pages[0].items == tuple(items[:10])
    assert pages[0].label == ""
    assert [item for page in pages for item in page.items] == items


def test_older_pages_are_named_by_their_oldest_item_and_say_what_they_hold() -> None:
    pages = pagers(newest_first(500), 10)
    assert pages[-1].path == "topic/oldest.md"
    assert pages[-1].items[-1] == "i00001"
    for page in pages[1:-1]:
        assert page.path == f"topic/from-{page.items[-1]}.md"
    for page in pages[1:]:
        assert page.label == f"{page.items[-1]}-{page.items[0]}"


def test_older_pages_hold_about_a_page_each_and_never_too_many() -> None:
    sizes = [len(page.items) for page in pagers(newest_first(20_000), 50)[1:]]
    assert max(sizes) <= 100
    assert 45 <= sum(sizes) / len(sizes) <= 55
    assert sum(size < 25 for size in sizes) <= len(sizes) // 20


def test_a_new_newest_item_changes_the_first_page_and_the_newest_older_one() -> None:
    items = newest_first(1000)
    changed = changed_pages(items, ["new", *items], 10)
    assert "topic.md" in changed
    assert len(changed) <= 3  # the newest older page, and a new page when it splits


def test_an_item_added_among_the_oldest_changes_a_few_pages_not_every_newer_one() -> None:
    # Pages counted from the newest (or numbered from the oldest) would all change here.
    items = newest_first(1000)
    for place in (len(items), len(items) - 1, len(items) - 25, len(items) // 2):
        after = [*items[:place], "added", *items[place:]]
        assert len(changed_pages(items, after, 10)) <= FEW_PAGES


def test_an_item_removed_changes_a_few_pages() -> None:
    items = newest_first(1000)
    for place in (0, 5, 10, 500, 998, 999):
        assert len(changed_pages(items, items[:place] + items[place + 1 :], 10)) <= FEW_PAGES


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(st.integers(0, 10**6), unique=True, max_size=400),
    st.integers(0, 400),
    st.booleans(),
    st.integers(1, 12),
)
def test_one_item_added_or_removed_anywhere_changes_a_handful_of_pages(
    numbers: list[int], place: int, remove: bool, size: int
) -> None:
    items = [f"k{number}" for number in numbers]
    after = list(items)
    if remove and items:
        del after[place % len(items)]
    else:
        after.insert(place % (len(items) + 1), "new")
    assert len(changed_pages(items, after, size)) <= MOST_PAGES_CHANGED


def test_many_random_changes_to_a_long_list_each_change_a_handful_of_pages() -> None:
    chance = random.Random(6)
    items = [f"k{chance.getrandbits(40):x}" for _ in range(3000)]
    counts = []
    for step in range(200):
        after = list(items)
        if chance.random() < 0.5:
            del after[chance.randrange(len(after))]
        else:
            after.insert(chance.randint(0, len(after)), f"new{step}")
        counts.append(len(changed_pages(items, after, 20)))
        items = after
    assert max(counts) <= MOST_PAGES_CHANGED
    assert sum(counts) / len(counts) <= 3


def test_pages_link_to_their_neighbours_and_the_ends() -> None:
    pages = pagers(newest_first(500), 10)
    first, second, middle, oldest = pages[0], pages[1], pages[len(pages) // 2], pages[-1]
    assert (first.newest, first.newer, first.older, first.oldest) == (None, None, second.path, oldest.path)
    place = len(pages) // 2
    assert (middle.newest, middle.newer, middle.older, middle.oldest) == (
        "topic.md",
        pages[place - 1].path,
        pages[place + 1].path,
        oldest.path,
    )
    assert (oldest.newer, oldest.older, oldest.oldest) == (pages[-2].path, None, None)


def test_a_short_or_empty_list_is_one_page() -> None:
    assert pages_of(["b", "a"]) == {"topic.md": (("b", "a"), "", None, None, None, None)}
    assert pages_of([]) == {"topic.md": ((), "", None, None, None, None)}
    assert pagers(["c", "b", "a", "z"])[1].path == "topic/oldest.md"


def test_an_item_listed_twice_never_names_two_pages_alike() -> None:
    # Equal ranks end no page: the run is cut every 2 * size items, here between copies of one item.
    pages = paginate("t.md", "t", ["a"] * 7, 1, key=str, label=min)
    assert [page.path for page in pages] == ["t.md", "t/from-a_2.md", "t/from-a.md", "t/oldest.md"]


def brute_local_minima(ranks: list[int], reach: int) -> list[int]:
    return [
        i
        for i in range(reach, len(ranks) - reach)
        if all(ranks[i] < ranks[j] for j in range(i - reach, i + reach + 1) if j != i)
    ]


@given(st.lists(st.integers(0, 50), max_size=120), st.integers(1, 8))
def test_local_minima_are_those_a_direct_look_finds(ranks: list[int], reach: int) -> None:
    assert local_minima(ranks, reach) == brute_local_minima(ranks, reach)


def test_page_ends_cover_the_list_and_cut_long_runs() -> None:
    assert page_ends([], 10) == []
    assert page_ends(list(range(100)), 10)[-1] == 100
    # Ranks rising from the oldest: no item is below its neighbours; the run is cut every 20.
    assert page_ends(list(range(45)), 10) == [20, 40, 45]


def test_ranks_are_the_same_in_every_run() -> None:
    # Python's own hash of a string changes from one process to the next; page ends must not.
    assert stable_rank("2024-03-09-harbor-council") == 0xD7C70D43DA39FD0
