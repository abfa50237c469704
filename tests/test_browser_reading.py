# ruff: noqa: F811 (the fixtures of test_browser.py, imported, are the parameters of these tests)
"""The seed site read in a real browser: quotes inside their sentences, the light/dark toggle, every page
type on a desktop and a phone (nothing wider than the screen, axe-core clean in both schemes, a
screenshot of each in test-artifacts/), and a brief printed on as few pages as its content needs.

Uses the browser, server and axe set-up of test_browser.py (skipped, as it is, without a browser).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from tests.test_browser import (  # noqa: F401 (fixtures)
    ACTOR,
    ARTIFACTS,
    BRIEF,
    MISSING,
    axe_violations,
    base_url,
    describe,
    normalise,
    open_context,
    page,
    save_screenshot,
    served_root,
)

pytestmark = pytest.mark.skipif(MISSING is not None, reason=f"browser tests skipped: {MISSING}")

if MISSING is None:
    from playwright.sync_api import BrowserContext, Page, expect
    from pypdf import PdfReader

PHONE = {"width": 375, "height": 740}
# One page of each type the generator makes.
PAGE_TYPES = {
    "home": "",
    "brief": BRIEF,
    "actor": ACTOR,
    "actors-index": "actors/",
    "actor-type-list": "actor-types/person/",
    "topics-index": "topics/",
    "topic": "topics/politics/",
    "archive": "archive/",
    "archive-month": "archive/2026-01/",
}


@pytest.fixture
def phone(open_context: Callable[..., BrowserContext]) -> Page:
    page = open_context(has_touch=True).new_page()
    page.set_viewport_size(PHONE)
    return page


def test_partial_quote_is_shown_inside_its_sentence(page, base_url):
    page.goto(base_url + BRIEF)
    marked = page.locator(".brief-quote blockquote mark.quoted").first
    expect(marked).to_be_visible()
    words, sentence = normalise(marked.inner_text()), normalise(marked.locator("xpath=..").inner_text())
    assert words in sentence and len(sentence) > len(words) + 20, sentence
    link = marked.locator("xpath=ancestor::div[1]//a[contains(@class, 'provenance')]")
    assert sentence == normalise(page.locator(link.get_attribute("href") or "").inner_text())


def test_actor_quotes_are_grouped_by_brief_with_its_title_once(page, base_url):
    page.goto(base_url + ACTOR)
    headings = page.locator(f"h2#quotes + section h3 a[href$='{BRIEF}']")
    expect(headings).to_have_count(1)
    assert page.locator(".quote-brief-date time").count() == 1
    quotes = page.locator(".brief-quote").all_inner_texts()
    kinds = ["partial" in quote for quote in quotes]
    assert kinds == sorted(kinds), "full quotes come before partial ones"
    assert any(kinds), "the seed's actor has a partial quote, shown in its sentence"


def test_dark_toggle_switches_the_scheme_and_stays_accessible(page, base_url):
    page.goto(base_url + BRIEF)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label[for='__palette_1']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    violations = [v for v in axe_violations(page) if v["impact"] in {"serious", "critical"}]
    assert not violations, describe(violations)
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")


def overflow(page: Page) -> list[str]:
    """Elements of the content that stand out of the screen on the right (none may widen the page)."""
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('.md-content *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .filter(e => !e.closest('.md-typeset__scrollwrap, .more-figures, pre'))
            .map(e => e.tagName.toLowerCase() + '.' + e.className)"""
    )
    return found


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_on_a_phone_fits_the_screen(phone, base_url, name):
    phone.goto(base_url + PAGE_TYPES[name])
    phone.wait_for_load_state("networkidle")
    width: Any = phone.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width[0] <= width[1], f"the page is {width[0]}px wide on a {width[1]}px screen"
    assert not overflow(phone)
    assert save_screenshot(phone, f"phone-{name}.png").stat().st_size > 5_000


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_is_accessible_with_a_desktop_screenshot(open_context, base_url, name, scheme):
    page = open_context(color_scheme=scheme).new_page()
    page.goto(base_url + PAGE_TYPES[name])
    violations = [v for v in axe_violations(page) if v["impact"] in {"serious", "critical"}]
    assert not violations, describe(violations)
    assert save_screenshot(page, f"desktop-{name}-{scheme}.png").stat().st_size > 10_000


def test_phone_layout_of_the_actor_page_lists_co_actors_instead_of_the_picture(phone, base_url):
    phone.goto(base_url + ACTOR)
    expect(phone.locator(".actor-network")).to_be_hidden()
    expect(phone.locator(".co-actors li").first).to_be_visible()


def printed(page: Page) -> list[tuple[str, float]]:
    """Each printed A4 page's text and how far down it reaches (0: top, 1: bottom)."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    pages = []
    for sheet in reader.pages:
        lowest: list[float] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any, lowest: list[float] = lowest) -> None:
            if text.strip():
                lowest.append(cm[3] * tm[5] + cm[5])

        text = sheet.extract_text(visitor_text=visit)
        height = float(sheet.mediabox.height)
        pages.append((text, 1 - min(lowest, default=height) / height))
    return pages


@pytest.mark.parametrize("name", ["home", "brief", "actor"])
def test_printed_pages_have_no_empty_half_page(page, base_url, name):
    page.goto(base_url + PAGE_TYPES[name])
    sheets = printed(page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"print-{name}.txt").write_text(
        "\n".join(f"page {i + 1}: reaches {depth:.0%} down" for i, (_, depth) in enumerate(sheets)), "utf-8"
    )
    assert all(text.strip() for text, _ in sheets), "an empty printed page"
    for number, (_, depth) in enumerate(sheets[:-1], start=1):
        assert depth > 0.5, f"page {number} of {len(sheets)} is more than half empty ({depth:.0%} used)"
    if name == "home":
        assert len(sheets) == 1
