"""The built seed site in a real browser, used as a reader uses it.

Playwright for Python drives Debian's Chromium (or the browser that BRIEFS_CHROMIUM names); nothing is
downloaded. axe-core is the copy that the PyPI package axe-playwright-python ships, injected into the page.
Locally the module is skipped when the browser or a package is missing; in CI (CI=true) that is a failure.
Screenshots and the printed PDF are written to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import functools
import importlib.resources
import importlib.util
import io
import os
import re
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from tests.conftest import mkdocs_build

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path(os.environ.get("BRIEFS_CHROMIUM", "/usr/bin/chromium"))
IN_CI = os.environ.get("CI") == "true"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
A4 = (595.3, 841.9)  # points
# Ships axe.min.js; the tests inject that file and call axe.run() themselves.
AXE_PACKAGE = "axe_playwright_python"

SEED_SLUG = "000-43ebc112e8ca7426"
BRIEF_TITLE = "Sheinbaum Defends Cooperation with US, Points to Need for Their Action"
ACTOR_SLUG = "claudia-sheinbaum"
ACTOR_NAME = "Claudia Sheinbaum"
BRIEF = f"briefs/{SEED_SLUG}/"
ACTOR = f"actors/{ACTOR_SLUG}/"
# Text of the page chrome that a printed brief leaves out.
SCREEN_ONLY_TEXT = ("Search", "Table of contents", "Made with", "Archive", "Permanent link")


def find_missing() -> str | None:
    """What the browser tests lack on this machine, or None."""
    if not CHROMIUM.exists():
        return f"no browser at {CHROMIUM} (apt-get install chromium, or set BRIEFS_CHROMIUM)"
    for module in ("playwright", "pypdf", AXE_PACKAGE):
        if importlib.util.find_spec(module) is None:
            return f"the Python package {module} is missing (pip install -e '.[test]')"
    return None


MISSING = find_missing()
pytestmark = pytest.mark.skipif(MISSING is not None and not IN_CI, reason=f"browser tests skipped: {MISSING}")

if MISSING is None:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Locator,
        Page,
        Request,
        Response,
        Route,
        expect,
    )
    from pypdf import PdfReader


def site_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    return config


@pytest.fixture(scope="session")
def served_root(tmp_path_factory, new_project) -> Path:
    """The seed project built by MkDocs into WWW/<site_url's path>, so WWW serves it at its real URLs."""
    root = new_project(tmp_path_factory.mktemp("browser") / "project", with_seeds=True)
    return build_to_serve(root)


def build_to_serve(root: Path) -> Path:
    """MkDocs' build of the project at `root` into WWW/<site_url's path>; WWW is returned."""
    (root / "briefs").mkdir()
    www = root / "www"
    prefix = urlparse(site_config()["site_url"]).path.strip("/")
    result = mkdocs_build(root, "-d", str(www / prefix))
    assert result.returncode == 0, result.stdout + result.stderr
    return www


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(served_root: Path) -> Iterator[str]:
    """The site's home page on 127.0.0.1, at the path site_url gives it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=served_root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    path = urlparse(site_config()["site_url"]).path
    yield f"http://127.0.0.1:{server.server_port}{path}"
    server.shutdown()
    server.server_close()


def repository_api() -> str:
    """Where Material's header asks for the repository's stars and latest release (from repo_url)."""
    return "https://api.github.com/repos" + urlparse(site_config()["repo_url"]).path


def watch(context: BrowserContext, base_url: str, problems: list[str]) -> None:
    """Record console errors, page errors, failed requests and requests that leave the site.

    The only request allowed out is Material's look-up of the repository (repo_url), answered here with
    a stand-in so that the test stays offline.
    """
    site = urlparse(base_url)
    site_origin = f"{site.scheme}://{site.netloc}/"

    def handle(route: Route) -> None:
        url = route.request.url
        if url.startswith(site_origin):
            route.continue_()
        elif url.startswith(repository_api()):
            route.fulfill(json={"stargazers_count": 0, "forks_count": 0, "tag_name": "v0.1.0"})
        else:
            problems.append(f"request outside the site: {url}")
            route.abort()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text} ({message.location['url']})")

    def on_request_failed(request: Request) -> None:
        # Chromium cancels what is still loading (the favicon, say) when a click leaves the page.
        if request.failure != "net::ERR_ABORTED":
            problems.append(f"request failed: {request.url} {request.failure}")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    context.route("**/*", handle)
    context.on("console", on_console)
    context.on("weberror", lambda error: problems.append(f"page error: {error.error}"))
    context.on("requestfailed", on_request_failed)
    context.on("response", on_response)


@pytest.fixture
def open_context(browser: Browser, base_url: str) -> Iterator[Callable[..., BrowserContext]]:
    """`open_context(**options)`: a fresh browser context; every page visited in it must stay clean."""
    contexts: list[BrowserContext] = []
    problems: list[str] = []

    def open_(**options: Any) -> BrowserContext:
        context = browser.new_context(viewport=VIEWPORT, **options)
        watch(context, base_url, problems)
        contexts.append(context)
        return context

    yield open_
    for context in contexts:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(open_context: Callable[..., BrowserContext]) -> Page:
    return open_context().new_page()


def computed_style(locator: Locator, name: str) -> str:
    return str(locator.evaluate("(element, name) => getComputedStyle(element)[name]", name))


def assert_highlighted(page: Page, target: str) -> None:
    """The sentence `target` (`#sN`) is in view, below the header, and set apart from the other sentences."""
    sentence = page.locator(target)
    expect(sentence).to_be_in_viewport()
    ordinary = page.locator(".sentence:not(:target)").first
    assert computed_style(sentence, "backgroundColor") != computed_style(ordinary, "backgroundColor")
    header = page.locator(".md-header").bounding_box()
    box = sentence.bounding_box()
    assert header is not None and box is not None
    assert box["y"] >= header["y"] + header["height"], "the sentence is hidden under the header"


def normalise(text: str) -> str:
    return " ".join(text.split())


def save_screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """A screenshot in test-artifacts/, taken once Material's transitions have run to their end."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path


# --- Search ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["Sheinbaum", "mutual respect", "intentional homicides"],
    ids=["actor name", "words of a quote", "measure of a figure"],
)
def test_search_finds_the_brief_and_opens_it(page, base_url, query):
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    result = page.locator(f".md-search-result__item a.md-search-result__link[href*='{BRIEF}']").first
    expect(result).to_be_visible()
    expect(result).to_contain_text(BRIEF_TITLE)
    result.click()
    expect(page).to_have_url(re.compile(re.escape(base_url + BRIEF)))
    expect(page.locator("h1")).to_contain_text(BRIEF_TITLE)


# --- Provenance -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "link", [".figure-card a.provenance", ".brief-quote a.provenance"], ids=["figure", "quote"]
)
def test_provenance_link_scrolls_to_its_highlighted_sentence(page, base_url, link):
    page.goto(base_url + BRIEF)
    provenance = page.locator(link).first
    target = provenance.get_attribute("href")
    assert target is not None and re.fullmatch(r"#s\d+", target), target
    provenance.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    assert_highlighted(page, target)


def test_highlighted_sentence_screenshot(page, base_url):
    """The view a reader gets after following a figure's provenance link, for a person to look at."""
    page.goto(base_url + BRIEF)
    page.locator(".figure-card a.provenance").first.click()
    page.wait_for_load_state("networkidle")
    assert save_screenshot(page, "brief-provenance.png", full_page=False).stat().st_size > 10_000


# --- Speakers -------------------------------------------------------------------------------------------


def test_speaker_link_opens_the_actor_page_and_back_returns_to_the_brief(page, base_url):
    page.goto(base_url + BRIEF)
    speaker = page.locator(".position h3 a, .quote-by a:not(.provenance)").first
    expect(speaker).to_have_text(ACTOR_NAME)
    speaker.click()
    expect(page).to_have_url(base_url + ACTOR)
    expect(page.locator("h1")).to_contain_text(ACTOR_NAME)
    expect(page.locator(f"a[href$='{BRIEF}']").first).to_be_visible()
    page.go_back()
    expect(page).to_have_url(base_url + BRIEF)
    expect(page.locator("h1")).to_contain_text(BRIEF_TITLE)


# --- Print ----------------------------------------------------------------------------------------------


@pytest.fixture
def printed_brief(page, base_url) -> tuple[Page, str]:
    """The brief page and the text of its PDF printed on A4 (the PDF is kept in test-artifacts/)."""
    page.goto(base_url + BRIEF)
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "brief.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    for printed in reader.pages:
        assert abs(float(printed.mediabox.width) - A4[0]) < 2, printed.mediabox
        assert abs(float(printed.mediabox.height) - A4[1]) < 2, printed.mediabox
    return page, normalise(" ".join(p.extract_text() for p in reader.pages))


def test_printed_brief_holds_the_figures_and_quotes(printed_brief):
    page, text = printed_brief
    figures = [normalise(value) for value in page.locator(".figure-value").all_inner_texts()]
    quotes = [normalise(quote) for quote in page.locator(".brief-quote blockquote").all_inner_texts()]
    assert figures and quotes
    for item in [BRIEF_TITLE, *figures, *quotes]:
        assert item in text


def test_printed_brief_shows_provenance_targets_as_text(printed_brief):
    page, text = printed_brief
    targets = page.locator("a.provenance").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert targets
    for target in targets:
        assert f"({target})" in text
        # The target sentence is marked with the same id, so a reader of the paper can find it.
        sentence = normalise(page.locator(target).inner_text())
        assert normalise(f"{target} {sentence[:40]}") in text


def test_printed_brief_leaves_out_search_and_navigation(printed_brief):
    _, text = printed_brief
    for chrome in SCREEN_ONLY_TEXT:
        assert chrome not in text


# --- Screenshots ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "name"), [(BRIEF, "brief.png"), (ACTOR, "actor.png")])
def test_screenshot(page, base_url, path, name):
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert save_screenshot(page, name).stat().st_size > 10_000


# --- Accessibility --------------------------------------------------------------------------------------


def axe_violations(page: Page, **options: Any) -> list[dict[str, Any]]:
    """axe-core's violations once the page has settled: Material fades in the repository facts, and a
    half-faded text fails the contrast rule."""
    page.wait_for_load_state("networkidle")
    page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished))")
    page.evaluate((importlib.resources.files(AXE_PACKAGE) / "axe.min.js").read_text("utf-8"))
    result: list[dict[str, Any]] = page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)",
        {"resultTypes": ["violations"], **options},
    )
    return result


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}: {[node['target'] for node in v['nodes']]}"
        for v in violations
    )


@pytest.mark.parametrize(
    "path", ["", "actors/", BRIEF, ACTOR], ids=["home", "actors index", "brief", "actor page"]
)
def test_no_serious_accessibility_violation(page, base_url, path):
    page.goto(base_url + path)
    violations = [v for v in axe_violations(page) if v["impact"] in {"serious", "critical"}]
    assert not violations, describe(violations)


def test_network_svg_has_no_nested_interactive_controls(page, base_url):
    page.goto(base_url + ACTOR)
    violations = axe_violations(page, runOnly=["nested-interactive"])
    assert not violations, describe(violations)


# --- Without JavaScript ---------------------------------------------------------------------------------


@pytest.fixture
def page_without_js(open_context: Callable[..., BrowserContext]) -> Page:
    return open_context(java_script_enabled=False).new_page()


def test_brief_without_javascript_shows_figures_quotes_and_highlights(page_without_js, base_url):
    page = page_without_js
    page.goto(base_url + BRIEF)
    expect(page.locator(".figure-card").first).to_be_visible()
    expect(page.locator(".figure-value").first).not_to_be_empty()
    expect(page.locator(".brief-quote blockquote").first).to_be_visible()
    expect(page.locator("a.actor-chip").first).to_be_visible()
    provenance = page.locator(".figure-card a.provenance").first
    target = provenance.get_attribute("href")
    assert target is not None
    provenance.click()
    assert_highlighted(page, target)


def test_actor_page_without_javascript_shows_the_network(page_without_js, base_url):
    page = page_without_js
    page.goto(base_url + ACTOR)
    network = page.locator(".actor-network svg")
    expect(network).to_be_visible()
    box = network.bounding_box()
    assert box is not None and box["width"] > 300
    expect(network.locator("a")).not_to_have_count(0)
