"""Pagination of long lists: bounded pages whose contents stay put as the list grows."""

from __future__ import annotations

from generator.listings import paginate


def pages_of(items: list[int], size: int = 3) -> dict[str, tuple[int, ...]]:
    return {pager.path: pager.items for pager in paginate("topic.md", "topic", items, size)}


def test_the_first_page_holds_the_newest_and_older_pages_count_from_the_oldest() -> None:
    items = list(range(10, 0, -1))  # newest first: 10 is the newest, 1 the oldest
    assert pages_of(items) == {
        "topic.md": (10, 9, 8),
        "topic/3.md": (7,),
        "topic/2.md": (6, 5, 4),
        "topic/1.md": (3, 2, 1),
    }


def test_a_new_item_changes_the_first_page_and_the_newest_older_page_only() -> None:
    before = pages_of(list(range(10, 0, -1)))
    after = pages_of(list(range(11, 0, -1)))
    changed = {path for path in after if before.get(path) != after[path]}
    assert changed == {"topic.md", "topic/3.md"}


def test_pages_link_to_their_neighbours_and_the_ends() -> None:
    pagers = {pager.path: pager for pager in paginate("topic.md", "topic", list(range(10)), 3)}
    first, middle, oldest = pagers["topic.md"], pagers["topic/2.md"], pagers["topic/1.md"]
    assert (first.newest, first.newer, first.older, first.oldest) == (None, None, "topic/3.md", "topic/1.md")
    assert (middle.newest, middle.newer, middle.older, middle.oldest) == (
        "topic.md",
        "topic/3.md",
        "topic/1.md",
        None,
    )
    assert (oldest.newer, oldest.older, oldest.number) == ("topic/2.md", None, 1)


def test_a_short_or_empty_list_is_one_page() -> None:
    assert pages_of([2, 1]) == {"topic.md": (2, 1)}
    assert pages_of([]) == {"topic.md": ()}
    assert paginate("t.md", "t", [], 3)[0].older is None
