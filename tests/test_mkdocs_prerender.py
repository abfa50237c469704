"""`mkdocs build` on two cores (generator/mkdocs_prerender.py): real in-process builds of a small
project, with chunks made small enough that the worker converts a good share of its pages."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator import mkdocs_hook, mkdocs_prerender
from generator.build import Project
from generator.build import build as build_briefs
from tests.conftest import article_text, create_project

NAMES = ("Peter Hall", "Ana Lopez", "Farid Haddad", "Grace Okafor", "Hugo Brandt", "Irene Novak")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Twelve articles whose speakers overlap: briefs, actor pages and listings, about fifty pages."""
    root = create_project(tmp_path / "project")
    for number in range(12):
        first, second = NAMES[number % 6], NAMES[(number + 1) % 6]
        body = (
            f'"We will rebuild bridge {number}," {first} said.',
            f"{second} said costs rose 12% this year.",
        )
        text = article_text(
            title=f"Council Debates Bridge {number}",
            timestamp=f"2026-0{1 + number % 9}-1{number % 10}T08:00:00+00:00",
            summary=f"{first} and {second} spoke about bridge {number}.",
            body=body,
        )
        (root / "seeds" / f"article-{number:02}.txt").write_text(text, "utf-8")
    build_briefs(Project.at(root))
    return root


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mkdocs_prerender, "CHUNK", 2)
    monkeypatch.setattr(mkdocs_prerender, "MINIMUM_PAGES", 4)


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages MkDocs took from the worker, as the build goes."""
    pages: list[str] = []
    take = mkdocs_prerender.Prerender.take

    def counted(self: mkdocs_prerender.Prerender, src_uri: str) -> mkdocs_prerender.Prerendered | None:
        found = take(self, src_uri)
        if found is not None:
            pages.append(src_uri)
        return found

    monkeypatch.setattr(mkdocs_prerender.Prerender, "take", counted)
    return pages


def mkdocs(root: Path, site: str, *hooks: Path) -> Path:
    """`mkdocs build --strict` in this process (so that the tests' patches apply), with more `hooks`."""
    config_file = root / "mkdocs.yml"
    text = config_file.read_text("utf-8")
    config_file.write_text(
        text.replace("hooks:\n", "hooks:\n" + "".join(f"  - {h}\n" for h in hooks)), "utf-8"
    )
    try:
        build(load_config(str(config_file), site_dir=str(root / site), strict=True))
    finally:
        config_file.write_text(text, "utf-8")
    return root / site


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()
    }


def test_with_a_second_process_the_site_is_the_same_byte_for_byte(
    project: Path, small_chunks: None, taken: list[str], monkeypatch: pytest.MonkeyPatch
):
    two_cores = mkdocs(project, "site-two")
    pages = len(list(two_cores.rglob("index.html")))
    # How many pages the worker takes depends on how busy the machine is; that it takes some does not.
    assert taken, f"the worker converted none of {pages} pages"
    monkeypatch.setattr(mkdocs_prerender, "MINIMUM_PAGES", 10**9)
    taken.clear()
    one_core = mkdocs(project, "site-one")
    assert not taken
    assert files_of(two_cores) == files_of(one_core)


def test_a_warning_about_a_page_the_worker_converted_fails_a_strict_build(
    project: Path, small_chunks: None, taken: list[str], caplog: pytest.LogCaptureFixture
):
    # A hand-written page in the docs folder's last folder: the worker starts from the end.
    notes = project / "briefs" / "zz-notes" / "index.md"
    notes.parent.mkdir()
    notes.write_text("# Notes\n\nSee [the minutes](minutes.md).\n", "utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort, match="1 warning"):
        mkdocs(project, "site")
    assert "zz-notes/index.md" in taken
    assert "'minutes.md'" in caplog.text


def test_a_page_whose_markdown_differs_in_mkdocs_process_is_converted_there(
    project: Path, small_chunks: None, taken: list[str], tmp_path: Path
):
    """The worker ran the same plugins; one that changes pages only in MkDocs' own process shows that
    a result is taken only for the very Markdown it was converted from."""
    hook = tmp_path / "parent_only.py"
    hook.write_text(
        "import os\n"
        "def on_page_markdown(markdown, page, config, files):\n"
        f"    if os.getpid() == {os.getpid()}:\n"
        "        return markdown + '\\n\\nAdded in the build process.\\n'\n"
        "    return markdown\n",
        "utf-8",
    )
    site = mkdocs(project, "site", hook)
    assert taken, "the worker converted no page: nothing was tested"
    pages = list(site.rglob("index.html"))
    assert all("Added in the build process." in page.read_text("utf-8") for page in pages)


def test_the_worker_ends_with_the_build_and_leaves_nothing_behind(
    project: Path, small_chunks: None, monkeypatch: pytest.MonkeyPatch
):
    workers: list[int] = []
    start = mkdocs_prerender.start

    def started(*args: Any) -> mkdocs_prerender.Prerender | None:
        prerender = start(*args)
        workers.extend([prerender.pid] if prerender else [])
        return prerender

    monkeypatch.setattr(mkdocs_prerender, "start", started)
    before = set(Path(tempfile.gettempdir()).glob("briefs-prerender-*"))
    mkdocs(project, "site")
    assert workers, "no worker was started: nothing was tested"
    assert set(Path(tempfile.gettempdir()).glob("briefs-prerender-*")) == before
    with pytest.raises(ProcessLookupError):  # ended and reaped: no zombie left
        os.kill(workers[0], 0)


@pytest.mark.parametrize(("command", "dirty"), [("serve", False), ("build", True)])
def test_mkdocs_serve_and_dirty_builds_convert_in_one_process(
    command: str, dirty: bool, monkeypatch: pytest.MonkeyPatch
):
    """The live server runs threads, which a fork would not carry; a dirty build reads only the pages
    that changed."""
    started: list[Callable[..., object]] = []
    monkeypatch.setattr(mkdocs_prerender, "start", lambda *args: started.append(args))
    mkdocs_hook.on_startup(command=command, dirty=dirty)
    try:
        mkdocs_hook.on_nav(object(), object(), object())
    finally:
        mkdocs_hook.on_startup(command="build", dirty=False)
    assert not started


def test_a_dirty_build_has_pagefind_index_the_whole_site_at_the_end(monkeypatch: pytest.MonkeyPatch):
    """MkDocs then writes only the pages that changed, the only ones an indexer fed page by page would see."""
    monkeypatch.setattr(mkdocs_hook, "SearchIndexer", lambda *args: pytest.fail("no indexer as pages go"))
    config = SimpleNamespace(extra={"briefs_search": "pagefind"}, site_dir="site")
    mkdocs_hook.on_startup(command="serve", dirty=True)
    try:
        mkdocs_hook.on_env(None, config, None)
    finally:
        mkdocs_hook.on_startup(command="build", dirty=False)
    assert mkdocs_hook.Running.indexer is None


@pytest.mark.parametrize("missing", ["fork", "sched_getaffinity"])
def test_where_the_system_lacks_a_call_the_build_falls_back_and_is_the_same(
    project: Path, small_chunks: None, taken: list[str], monkeypatch: pytest.MonkeyPatch, missing: str
):
    """macOS has no `os.sched_getaffinity`, Windows no `os.fork` either: the site is the same."""
    two_cores = mkdocs(project, "site-two")
    taken.clear()
    monkeypatch.delattr(os, missing, raising=False)
    elsewhere = mkdocs(project, "site-elsewhere")
    assert bool(taken) == (missing == "sched_getaffinity" and (os.cpu_count() or 1) > 1)
    assert files_of(elsewhere) == files_of(two_cores)
