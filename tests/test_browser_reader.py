"""Reading the site as an analyst does, on an invented corpus: a search for a person finds their page
first and says what each result is; previous and next link the briefs; the feeds a page offers exist.

Reuses tests/test_browser.py's browser, its clean-page watch and its skip rules.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.conftest import REPO
from tests.test_browser import MISSING, axe_violations, build_to_serve, describe, save_screenshot

# Fixtures, re-exported: here they serve and visit this module's site.
from tests.test_browser import base_url as base_url
from tests.test_browser import open_context as open_context
from tests.test_browser import page as page

if MISSING is None:
    from playwright.sync_api import expect

CORPUS = REPO / "tests" / "fixtures" / "corpus3"


@pytest.fixture(scope="session")
def served_root(tmp_path_factory, new_project) -> Path:
    """The invented three-article corpus built by MkDocs at its real URLs."""
    root = new_project(tmp_path_factory.mktemp("reader") / "project")
    for article in sorted(CORPUS.glob("*.txt")):
        shutil.copy2(article, root / "seeds" / article.name)
    return build_to_serve(root)


def search(page, base_url, query):  # type: ignore[no-untyped-def]
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    expect(page.locator(".md-search-result__item .briefs-kind").first).to_be_visible()


def test_a_persons_name_finds_their_page_first_and_results_say_what_they_are(page, base_url):
    search(page, base_url, "Peter Hall")
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"/actors/peter-hall/"))
    expect(first.locator(".briefs-kind")).to_have_text("Actor")
    briefs = page.locator(".md-search-result__item > a[href*='/briefs/'] .briefs-kind")
    expect(briefs.first).to_have_text(re.compile(r"^Brief · 2026-\d\d-\d\d$"))
    # Counted by kind: briefs and actors, not pages or sections.
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^2 briefs, \d+ actors?(, |$)"))
    save_screenshot(page, "reader-search.png", full_page=False)


def test_a_subjects_name_finds_its_page_first(page, base_url):
    search(page, base_url, "Education")
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"/subjects/education/"))
    expect(first.locator(".briefs-kind")).to_have_text("Subject")


def test_words_of_a_quote_find_its_brief_not_the_speakers_page(page, base_url):
    """An actor's page repeats their quotes and their briefs' lines for the reader, not for search: the
    words of a quote find the brief that holds it, and no actor page."""
    search(page, base_url, "patching ninety")
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    expect(results.first).to_have_attribute("href", re.compile(r"/briefs/harbor-bridge/"))
    expect(page.locator(".md-search-result__item > a[href*='/actors/']")).to_have_count(0)


def test_a_phrase_with_small_words_finds_its_brief(page, base_url):
    """Material's search makes every word a prefix: 'in' alone would find 'Ines Duarte' first."""
    search(page, base_url, "the cleanest the river has been in a decade")
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    expect(results.first).to_have_attribute("href", re.compile(r"/briefs/river-cleanup/"))


def test_older_and_newer_link_the_briefs_in_order(page, base_url):
    page.goto(base_url + "briefs/harbor-bridge/")
    page.locator(".brief-pager a[rel=prev]").click()
    expect(page).to_have_url(re.compile(r"/briefs/river-cleanup/$"))
    expect(page.locator(".brief-pager a[rel=prev]")).to_have_count(0)
    page.locator(".brief-pager a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"/briefs/harbor-bridge/$"))


@pytest.mark.parametrize("path", ["", "actors/peter-hall/", "subjects/economy/", "topics/politics/"], ids=str)
def test_feeds_are_linked_where_a_reader_looks_and_exist(page, base_url, path):
    """The page's own feed is the first it offers to feed readers (rel exactly "alternate", as
    browsers' readers ask), then the site's; Material, which fetches a sitemap beside each such link,
    finds one (the page fixture fails on any response of 400 or more)."""
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    linked = urljoin(page.url, page.locator(".feed-link a").get_attribute("href"))
    offered = page.locator("link[type='application/rss+xml']").evaluate_all(
        "links => links.map(link => [link.getAttribute('rel'), link.href])"
    )
    assert {rel for rel, _ in offered} == {"alternate"}
    feeds = [href for _, href in offered]
    assert feeds[0] == linked
    assert feeds[-1] == base_url + "feed.xml"
    assert len(feeds) == (1 if linked == feeds[-1] else 2)
    for feed in feeds:
        response = page.request.get(feed)
        assert response.ok, feed
        assert "<rss" in response.text() and 'rel="self"' in response.text()


def test_lists_show_summary_lead_figure_and_actors(page, base_url):
    page.goto(base_url + "subjects/economy/")
    item = page.locator("article li").first
    expect(item.locator(".brief-line")).to_contain_text("budget")
    expect(item.locator(".brief-lead")).to_contain_text("4%")
    expect(item.locator("a[href*='/actors/']").first).to_be_visible()


@pytest.mark.parametrize("path", ["", "subjects/economy/", "topics/"], ids=["home", "subject", "topics"])
def test_no_serious_accessibility_violation(page, base_url, path):
    page.goto(base_url + path)
    violations = [v for v in axe_violations(page) if v["impact"] in {"serious", "critical"}]
    assert not violations, describe(violations)
