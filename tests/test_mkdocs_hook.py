"""The MkDocs hook's page handlers: Material's search index left empty with Pagefind, and the memory a
page holds let go once it is used. A real build of the seed site covers the rest (test_mkdocs_build.py,
test_browser_pagefind.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator import mkdocs_hook
from generator.build import CacheError

BRIEF = "---\ntitle: Harbor bridge approved\n---\n\n# Harbor bridge approved\n\nThe council voted.\n"
UNTITLED = "# Council minutes, page 2\n\nThe council voted.\n"


def config_with(search: str) -> Any:
    return SimpleNamespace(extra={"briefs_search": search})


def page_with(meta: dict[str, Any]) -> Any:
    return SimpleNamespace(meta=meta)


def test_with_pagefind_every_page_is_left_out_of_materials_index():
    page = page_with({"title": "A brief"})
    assert mkdocs_hook.on_page_markdown("# A brief", page, config_with("pagefind"), None) == "# A brief"
    assert page.meta == {"title": "A brief", "search": {"exclude": True}}


def test_with_pagefind_a_pages_own_search_settings_are_kept():
    page = page_with({"search": {"boost": 2}})
    mkdocs_hook.on_page_markdown("", page, config_with("pagefind"), None)
    assert page.meta["search"] == {"boost": 2, "exclude": True}


def test_with_materials_search_pages_are_indexed_as_they_are():
    page = page_with({"title": "A brief", "search": {"boost": 2}})
    mkdocs_hook.on_page_markdown("", page, config_with("material"), None)
    assert page.meta == {"title": "A brief", "search": {"boost": 2}}


@pytest.mark.parametrize(
    ("source", "title"), [(BRIEF, "Harbor bridge approved"), (UNTITLED, "Council minutes, page 2")]
)
def test_a_page_keeps_its_title_once_its_markdown_and_html_are_let_go(
    tmp_path: Path, source: str, title: str
):
    """Other pages' navigation reads a page's title after it is built: from its front matter, or its h1."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(source, "utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(docs)})
    config.validate()
    page = Page(None, File("page.md", str(docs), str(tmp_path / "site"), use_directory_urls=True), config)
    page.read_source(config)
    page.render(config, files=SimpleNamespace(get_file_from_path=lambda path: None))
    html = mkdocs_hook.on_page_content(page.content or "", page, config, None)
    assert "The council voted." in html
    assert mkdocs_hook.on_post_page("<html>", page, config) == "<html>"
    assert (page.markdown, page.content) == ("", "")
    assert page.title == title


def test_a_build_that_cannot_finish_is_a_mkdocs_error_not_a_traceback(monkeypatch: pytest.MonkeyPatch):
    def lost(project: object) -> None:
        raise CacheError("3 extraction(s) missing from the cache in .cache/briefs")

    monkeypatch.setattr(mkdocs_hook, "build", lost)
    monkeypatch.setattr(mkdocs_hook, "project_of", lambda config: None)
    with pytest.raises(PluginError, match="briefs: 3 extraction"):
        mkdocs_hook.on_pre_build(config_with("material"))


@pytest.mark.parametrize("value", [0, -5, "many", 2.5, True])
def test_a_bad_number_of_pages_per_search_index_is_a_clear_error(value: object):
    config = SimpleNamespace(extra={"briefs_search": "pagefind", "briefs_search_pages_per_index": value})
    with pytest.raises(
        PluginError, match=r"extra.briefs_search_pages_per_index in mkdocs.yml is .*at least 1"
    ):
        mkdocs_hook.pages_per_index(config)


def test_pages_per_search_index_default_to_a_bound_pagefind_holds_in_memory():
    assert mkdocs_hook.pages_per_index(SimpleNamespace(extra={})) == 2500
