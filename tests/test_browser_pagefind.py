"""Search with Pagefind (`extra: {briefs_search: pagefind}`): the index the hook writes, and its UI in a
real browser.

The browser tests reuse tests/test_browser.py's browser, its clean-page watch (no console error, no
failed request, nothing fetched from outside the site) and its skip rules; the index tests need only
the `pagefind` package (in the `test` extra): skipped locally without it, a failure in CI.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import mkdocs_build
from tests.test_browser import (
    ACTOR,
    ACTOR_NAME,
    ARTIFACTS,
    BRIEF,
    BRIEF_TITLE,
    IN_CI,
    MISSING,
    axe_violations,
    describe,
    save_screenshot,
    site_config,
)

# Fixtures, re-exported: here they serve and visit this module's Pagefind site.
from tests.test_browser import base_url as base_url
from tests.test_browser import open_context as open_context
from tests.test_browser import page as page
from tests.test_browser import page_without_js as page_without_js

PAGEFIND_MISSING = (
    None
    if importlib.util.find_spec("pagefind") is not None
    else "the Python package pagefind is missing (pip install -e '.[test]')"
)
needs_pagefind = pytest.mark.skipif(
    PAGEFIND_MISSING is not None and not IN_CI, reason=f"Pagefind tests skipped: {PAGEFIND_MISSING}"
)
needs_browser = pytest.mark.skipif(
    (MISSING or PAGEFIND_MISSING) is not None and not IN_CI,
    reason=f"browser tests skipped: {MISSING or PAGEFIND_MISSING}",
)
pytestmark = needs_pagefind

SETTING = "briefs_search: material"
# What a first query may load from pagefind/ before its first result (the target: 1 MB).
FIRST_QUERY_BUDGET = 1_000_000

if MISSING is None:
    from playwright.sync_api import Page, Response, expect


def use_pagefind(root: Path) -> None:
    """Switch the project at `root` to Pagefind, the way a user does: one line of mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert SETTING in text, "mkdocs.yml no longer carries the search setting this test switches"
    config.write_text(text.replace(SETTING, "briefs_search: pagefind"), "utf-8")


PAGES_PER_INDEX = 4
"""Small parts for the seed site, as a large site has them: its brief (sorted last) and its actors'
pages land in different bundles, which the search box must merge."""


def split_index(root: Path, pages: int) -> None:
    """Index the project at `root` in parts of at most `pages` pages (one Pagefind bundle each)."""
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    setting = "\n  briefs_search: pagefind\n"
    assert setting in text, "mkdocs.yml no longer carries the search setting this test extends"
    config.write_text(text.replace(setting, f"{setting}  briefs_search_pages_per_index: {pages}\n"), "utf-8")


@pytest.fixture(scope="session")
def served_root(tmp_path_factory, new_project) -> Path:
    """The seed project with Pagefind, its index in parts, built into WWW/<site_url's path> (see
    tests/test_browser.py)."""
    if PAGEFIND_MISSING is not None:
        pytest.fail(f"CI must run the Pagefind tests: {PAGEFIND_MISSING}")
    root = new_project(tmp_path_factory.mktemp("pagefind") / "project", with_seeds=True)
    use_pagefind(root)
    split_index(root, PAGES_PER_INDEX)
    (root / "briefs").mkdir()
    www = root / "www"
    prefix = urlparse(site_config()["site_url"]).path.strip("/")
    result = mkdocs_build(root, "-d", str(www / prefix))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Pagefind indexed" in result.stderr, result.stderr
    return www


@pytest.fixture(scope="session")
def site(served_root: Path) -> Path:
    return served_root / urlparse(site_config()["site_url"]).path.strip("/")


def fragments(bundle: Path) -> list[dict[str, Any]]:
    """Pagefind's page records: gzip, a signature, then JSON."""
    records = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        records.append(json.loads(data[len(b"pagefind_dcd") :]))
    return records


# --- The index (no browser) -----------------------------------------------------------------------------


def bundles(site: Path) -> list[Path]:
    """The site's Pagefind bundles: the first, then those its manifest names for the search box to merge."""
    first = site / "pagefind"
    merged = json.loads((first / "briefs-bundles.json").read_text("utf-8"))["merge"]
    return [first, *(site / folder for folder in merged)]


def test_pagefind_indexes_the_brief_actor_subject_and_topic_pages_only_in_parts(site):
    lists = [
        f"/{p.parent.relative_to(site).as_posix()}/"
        for kind in ("actors", "subjects", "topics")
        for p in (site / kind).glob("*/index.html")
        if p.parent.name != "page"
    ]
    expected = sorted([f"/{BRIEF}", *lists])
    parts = bundles(site)
    assert len(parts) == -(-len(expected) // PAGES_PER_INDEX)
    assert sorted(path.name for path in site.glob("pagefind*")) == sorted(path.name for path in parts)
    urls = []
    for bundle in parts:
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        records = [record["url"] for record in fragments(bundle)]
        assert entry["languages"]["en"]["page_count"] == len(records) <= PAGES_PER_INDEX
        urls += records
    assert sorted(urls) == expected
    brief = next(record for part in parts for record in fragments(part) if record["url"] == f"/{BRIEF}")
    assert brief["meta"]["title"] == BRIEF_TITLE
    assert "mutual respect" in brief["content"]
    # Nothing of the pages beside it: the folders Pagefind indexed the parts from are gone.
    assert not list(site.parent.glob(".briefs-pagefind-*"))
    # Material's index is not published: no page would load it.
    assert not (site / "search" / "search_index.json").exists()
    home = (site / "index.html").read_text("utf-8")
    assert "data-pagefind-body" not in home
    assert 'name="search"' not in home and "pagefind/pagefind-ui.js" in home


def test_a_site_small_enough_is_one_bundle(tmp_path, new_project):
    root = new_project(tmp_path / "project", with_seeds=True)
    use_pagefind(root)
    (root / "briefs").mkdir()
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert bundles(root / "site") == [root / "site" / "pagefind"]
    assert not list((root / "site").glob("pagefind-*"))


def test_a_part_is_indexed_in_the_background_as_soon_as_its_pages_are_written(site, tmp_path):
    from generator.search_index import SearchIndexer

    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind*"))
    pages = sorted(path.relative_to(copy).as_posix() for path in copy.glob("actors/*/index.html"))[:3]
    indexer = SearchIndexer(copy, per_index=2)
    for path in pages:
        indexer.add(path)
    indexer.written()
    assert indexer.running is not None and indexer.bundles == [copy / "pagefind"]
    index = indexer.finish()
    assert index.bundles == (copy / "pagefind", copy / "pagefind-2") and index.pages == 3
    assert bundles(copy) == list(index.bundles)
    assert not list(tmp_path.glob(".briefs-pagefind-*"))


SLOW_PAGEFIND = """#!/bin/sh
# Stands in for Pagefind: takes a second, then writes an entry counting the pages it was given.
while [ "$1" ]; do case "$1" in --site) site="$2";; --output-path) out="$2";; esac; shift; done
sleep 1
mkdir -p "$out"
count=$(find "$site" -name index.html | wc -l)
echo "{\\"languages\\": {\\"en\\": {\\"page_count\\": $count}}}" > "$out/pagefind-entry.json"
"""


def test_mkdocs_goes_on_writing_while_a_part_is_indexed(tmp_path, monkeypatch):
    """A part ready while Pagefind still runs the one before waits in a queue; MkDocs does not wait."""
    from generator import search_index

    fake = tmp_path / "pagefind"
    fake.write_text(SLOW_PAGEFIND, "utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(search_index, "pagefind_executable", lambda: fake)
    site = tmp_path / "site"
    pages = [f"briefs/b{number}/index.html" for number in range(5)]
    for path in pages:
        (site / path).parent.mkdir(parents=True)
        (site / path).write_text("<html></html>", "utf-8")
    indexer = search_index.SearchIndexer(site, per_index=2)
    for path in pages:
        indexer.add(path)
    indexer.written()
    assert indexer.running is not None and indexer.running[0].poll() is None  # still indexing
    assert indexer.parts == [pages[2:4]] and indexer.waiting == pages[4:]
    first = indexer.running[0]
    while not indexer.ended(first):  # the first run ends while MkDocs writes: the next page starts the next
        time.sleep(0.1)
    indexer.written()
    assert indexer.parts == [] and indexer.running is not None and indexer.running[0] is not first
    index = indexer.finish()
    assert [bundle.name for bundle in index.bundles] == ["pagefind", "pagefind-2", "pagefind-3"]
    assert index.pages == 5 and index.peak_mb is not None  # sampled while the runs went on


def test_a_failing_pagefind_run_is_a_clear_error(site, tmp_path, monkeypatch):
    from generator import search_index

    monkeypatch.setattr(search_index, "pagefind_executable", lambda: Path("/bin/false"))
    indexer = search_index.SearchIndexer(tmp_path, per_index=2)
    with pytest.raises(search_index.SearchIndexError, match=r"Pagefind failed \(exit 1\)"):
        indexer.finish()


def test_first_query_payload_is_small(site):
    """What a first query fetches, at most: from the first bundle, Pagefind's UI, script, worker and
    wasm, once (merged bundles use them too: the browser test records it); from every bundle, its entry,
    language meta and one index chunk per word (the largest, here); then one fragment per result shown
    (five). Recorded in test-artifacts/pagefind-first-query.json."""

    def size(bundle: Path, pattern: str) -> int:
        return max(path.stat().st_size for path in bundle.glob(pattern))

    first = site / "pagefind"
    once = {
        name: size(first, name)
        for name in ("pagefind-ui.js", "pagefind-ui.css", "briefs-bundles.json", "pagefind.js")
    }
    once |= {"pagefind-worker.js": size(first, "pagefind-worker.js"), "wasm": size(first, "wasm.en.pagefind")}
    per_bundle = {
        bundle.name: {
            "pagefind-entry.json": size(bundle, "pagefind-entry.json"),
            "language meta (.pf_meta)": size(bundle, "*.pf_meta"),
            "largest index chunk": size(bundle, "index/*.pf_index"),
        }
        for bundle in bundles(site)
    }
    fragment = max(size(bundle, "fragment/*.pf_fragment") for bundle in bundles(site))
    first_query = (
        sum(once.values()) + sum(sum(files.values()) for files in per_bundle.values()) + 5 * fragment
    )
    record = {"loaded once": once, "per bundle": per_bundle, "first query, at most": first_query}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "pagefind-first-query.json").write_text(json.dumps(record, indent=2) + "\n", "utf-8")
    print(json.dumps(record, indent=2))
    assert all(sum(files.values()) < 50_000 for files in per_bundle.values())
    assert fragment < 20_000
    assert first_query < FIRST_QUERY_BUDGET


SNOOP_HOOK = """
import shutil
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-50)  # after Material's search writes its index, before the briefs hook deletes it
def on_post_build(config):
    site = Path(config.site_dir)
    shutil.copyfile(site / "search" / "search_index.json", site.parent / "material-index.json")
"""


def test_materials_search_indexes_no_page(tmp_path, new_project):
    """The search plugin stays on for the header's box, but with Pagefind it parses no page."""
    root = new_project(tmp_path / "project", with_seeds=True)
    use_pagefind(root)
    (root / "briefs").mkdir()
    (root / "snoop.py").write_text(SNOOP_HOOK, "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("hooks:\n", "hooks:\n  - snoop.py\n"), "utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert json.loads((root / "material-index.json").read_text("utf-8"))["docs"] == []
    assert not (root / "site" / "search").exists()


def test_unknown_search_setting_is_a_clear_error(tmp_path, new_project):
    root = new_project(tmp_path / "project", with_seeds=True)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(SETTING, "briefs_search: lunr"), "utf-8")
    (root / "briefs").mkdir()
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "extra.briefs_search in mkdocs.yml is 'lunr'; use one of: material, pagefind" in result.stderr


def test_missing_pagefind_is_a_clear_error(monkeypatch):
    import pagefind.service
    from mkdocs.exceptions import PluginError

    from generator import mkdocs_hook

    monkeypatch.setattr(pagefind.service, "get_executable", lambda: None)

    search_plugin = SimpleNamespace(config=SimpleNamespace(enabled=True))
    config = SimpleNamespace(extra={"briefs_search": "pagefind"}, plugins={"material/search": search_plugin})
    expected = r"Pagefind binary was not found; install it with .*pagefind\[bin\]"
    with pytest.raises(PluginError, match=expected):
        mkdocs_hook.on_config(config)


# --- In the browser -------------------------------------------------------------------------------------


@pytest.fixture
def pagefind_requests(page) -> Iterator[list[Response]]:
    """The responses the page received from the site's pagefind/ folder."""
    responses: list[Response] = []
    bundle = re.compile(r"/pagefind(-\d+)?/")
    page.on("response", lambda response: responses.append(response) if bundle.search(response.url) else None)
    yield responses


def search(page: Page, query: str) -> None:
    field = page.locator(".briefs-search input.pagefind-ui__search-input")
    expect(field).to_be_visible()
    field.click()
    page.keyboard.type(query)


@needs_browser
def test_pagefind_search_finds_the_brief_by_an_actor_and_opens_it(page, base_url, pagefind_requests, site):
    page.goto(base_url)
    # Material's own search is absent: no form for its script, so its index is never requested.
    expect(page.locator("form[name=search], .md-search")).to_have_count(0)
    search(page, ACTOR_NAME)
    result = page.locator(f".pagefind-ui__result-link[href$='/{BRIEF}']")
    expect(result).to_be_visible()
    expect(result).to_contain_text(BRIEF_TITLE)
    # Each result says what it is; a brief's says its date too.
    expect(result).to_have_text(re.compile(r"^Brief · \d{4}-\d\d-\d\d — "))
    actor = page.locator(f".pagefind-ui__result-link[href$='/{ACTOR}']")
    expect(actor).to_have_text(re.compile(r"^Actor — "))
    # Counted by kind, briefs first, not as Pagefind's count of pages.
    counts = page.locator(".briefs-search .briefs-counts")
    expect(counts).to_have_text(re.compile(r"^\d+ briefs?, \d+ actors?(, |$)"))
    expect(page.locator(".briefs-search .pagefind-ui__message")).to_be_hidden()
    save_screenshot(page, "pagefind-results.png", full_page=False)
    loaded = {
        re.sub(r"^.*?/(pagefind(-\d+)?/)", r"\1", urlparse(r.url).path): len(r.body())
        for r in pagefind_requests
    }
    # Results from every bundle (the brief is in the last, its actors in the first), and Pagefind's
    # script, worker and wasm from the first only.
    assert {name.split("/")[0] for name in loaded} == {bundle.name for bundle in bundles(site)}, loaded
    assert {name for name in loaded if name.endswith(("pagefind.js", "worker.js", ".pagefind"))} == {
        "pagefind/pagefind.js",
        "pagefind/pagefind-worker.js",
        "pagefind/wasm.en.pagefind",
    }, loaded
    (ARTIFACTS / "pagefind-first-query-browser.json").write_text(
        json.dumps({"files": loaded, "total": sum(loaded.values())}, indent=2) + "\n", "utf-8"
    )
    assert sum(loaded.values()) < FIRST_QUERY_BUDGET, loaded
    assert not any("search_index.json" in r.url for r in pagefind_requests)
    result.click()
    expect(page).to_have_url(re.compile(re.escape(base_url + BRIEF)))
    expect(page.locator("h1")).to_contain_text(BRIEF_TITLE)


@needs_browser
def test_pagefind_results_take_material_colours(page, base_url):
    page.goto(base_url)
    search(page, "Sheinbaum")
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    colours = page.evaluate(
        """() => {
            const css = getComputedStyle(document.body);
            const drawer = getComputedStyle(document.querySelector('.pagefind-ui__drawer'));
            const probe = document.createElement('span');
            probe.style.color = 'var(--md-default-bg-color)';
            document.body.append(probe);
            const background = getComputedStyle(probe).color;
            probe.remove();
            return {drawer: drawer.backgroundColor, page: background};
        }"""
    )
    assert colours["drawer"] == colours["page"], colours


@needs_browser
def test_pagefind_search_on_a_narrow_screen_opens_from_the_header(page, base_url):
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(base_url + ACTOR)
    field = page.locator(".briefs-search input.pagefind-ui__search-input")
    expect(field).to_be_hidden()
    page.locator(".md-header__button[for='__search']").click()
    expect(field).to_be_focused()
    page.keyboard.type("homicides")
    # The results are in view; the brief is among them (after the subject and topic pages that list it).
    expect(page.locator(".pagefind-ui__result-link").first).to_be_in_viewport()
    expect(page.locator(f".pagefind-ui__result-link[href$='/{BRIEF}']")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(field).to_be_hidden()


@needs_browser
def test_pagefind_results_have_no_serious_accessibility_violation(page, base_url):
    page.goto(base_url)
    search(page, "Sheinbaum")
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    violations = [v for v in axe_violations(page) if v["impact"] in {"serious", "critical"}]
    assert not violations, describe(violations)


@needs_browser
def test_without_javascript_the_page_works_and_search_is_absent(page_without_js, base_url):
    page = page_without_js
    page.goto(base_url + BRIEF)
    expect(page.locator("h1")).to_contain_text(BRIEF_TITLE)
    expect(page.locator(".figure-card").first).to_be_visible()
    expect(page.locator(".briefs-search")).to_be_hidden()
    expect(page.locator(".md-header__button[for='__search']")).to_be_hidden()
