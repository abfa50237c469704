"""Page size does not grow with the corpus: the navigation stays bounded and listings paginate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from tests.conftest import mkdocs_build

SMALL, LARGE = 60, 240
# Listing pages may differ a little (more page links, longer numbers); nothing may grow with N.
TOLERANCE = 1.10
SLACK_BYTES = 2048
# The longest list a page may hold: a page of briefs, plus the few fixed links around it.
MAX_LIST_ITEMS = 120


ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def build_site(root: Path, count: int) -> dict[str, str]:
    """Build a generated corpus of `count` articles with MkDocs; every HTML page's text by path."""
    write_corpus(root / "seeds", count)
    (root / "briefs").mkdir()
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


Pages = dict[str, str]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, new_project) -> tuple[Pages, Pages]:
    small = build_site(new_project(tmp_path_factory.mktemp("small") / "project"), SMALL)
    large = build_site(new_project(tmp_path_factory.mktemp("large") / "project"), LARGE)
    return small, large


def chrome(html: str) -> int:
    """The size of a page around its content: header, navigation, sidebars, footer."""
    return len(ARTICLE.sub("", html))


def test_navigation_and_page_chrome_do_not_grow(sites: tuple[Pages, Pages]) -> None:
    small, large = sites
    largest_small = max(chrome(html) for html in small.values())
    grown = {path: chrome(html) for path, html in large.items() if chrome(html) > largest_small + SLACK_BYTES}
    assert grown == {}


def test_brief_pages_do_not_grow_with_the_corpus(sites: tuple[Pages, Pages]) -> None:
    small, large = sites
    briefs = [path for path in small.keys() & large.keys() if path.startswith("briefs/")]
    assert briefs
    grown = {
        path: (len(small[path]), len(large[path]))
        for path in briefs
        if len(large[path]) > len(small[path]) * TOLERANCE + SLACK_BYTES
    }
    assert grown == {}


def test_every_listing_page_holds_a_bounded_number_of_items(sites: tuple[Pages, Pages]) -> None:
    _, large = sites
    listings = {
        path: ARTICLE.search(html).group().count("<li>")  # type: ignore[union-attr]
        for path, html in large.items()
        if not path.startswith("briefs/")
    }
    assert max(listings.values()) <= MAX_LIST_ITEMS, sorted(listings.items(), key=lambda kv: -kv[1])[:3]


def test_long_listings_are_split_into_pages(sites: tuple[Pages, Pages]) -> None:
    _, large = sites
    assert any(path.startswith("topics/") and path.count("/") == 3 for path in large), "no second topic page"
