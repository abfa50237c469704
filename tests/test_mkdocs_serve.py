"""`mkdocs serve` builds again only what an edit changed, and leaves the site a clean build would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import Files

from benchmarks.corpus import write_corpus
from generator import mkdocs_hook

URL = "http://127.0.0.1:8765/policy-briefs/"

# MkDocs' server, as `mkdocs serve` drives it, without the network: a clean first build, then the
# hook's `on_serve`, then a rebuild for each line read (after the test changed the project).
SERVE = f"""
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

def config():
    loaded = load_config("mkdocs.yml", site_dir=sys.argv[1])
    loaded.site_url = {URL!r}
    return loaded

class Server:
    builder = None
    def watch(self, path):
        pass

first = config()
first.plugins.on_startup(command="serve", dirty=False)
build(first, serve_url={URL!r})
server = first.plugins.on_serve(Server(), config=first, builder=lambda: build(config(), serve_url={URL!r}))
print("built", flush=True)
for line in sys.stdin:
    server.builder()
    print("built", flush=True)
"""


class Serving:
    """A served project: `rebuild()` after changing it, as the server does once it sees a change."""

    def __init__(self, project: Path, site: Path) -> None:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(site)],
            cwd=project,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.wait()

    def wait(self) -> None:
        assert self.process.stdout is not None
        assert self.process.stdout.readline() == "built\n", "the build failed"

    def rebuild(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("rebuild\n")
        self.process.stdin.flush()
        self.wait()

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0


def tree(folder: Path) -> dict[str, bytes]:
    files = (path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


def folders(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_dir()}


@pytest.fixture
def project(project_dir: Path) -> Path:
    write_corpus(project_dir / "seeds", 24)
    (project_dir / "briefs").mkdir()  # as MkDocs wants it before any hook runs
    return project_dir


@pytest.fixture
def served(project: Path, tmp_path: Path) -> Iterator[Serving]:
    serving = Serving(project, tmp_path / "served")
    yield serving
    serving.stop()


def clean_site(project: Path, site: Path) -> dict[str, bytes]:
    """The site of a first `mkdocs serve` build of the project as it is now."""
    Serving(project, site).stop()
    return tree(site)


def retitle(path: Path) -> None:
    path.write_text(path.read_text("utf-8").replace("Report", "Amended Report", 1), "utf-8")


def add_late_article(project: Path) -> None:
    shutil.copyfile(project / "seeds" / "article-00005.txt", project / "seeds" / "article-late.txt")


def add_own_page(project: Path) -> None:
    """A page of the site owner's, beside the generated ones: its title may show on other pages."""
    (project / "briefs" / "about.md").write_text("# About these briefs\n\nMade by hand.\n", "utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "an article changed": lambda project: retitle(project / "seeds" / "article-00010.txt"),
    "an article removed": lambda project: (project / "seeds" / "article-00003.txt").unlink(),
    "an article added": add_late_article,
    "a page of the owner's added": add_own_page,
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_rebuild_leaves_the_site_of_a_clean_build(
    edit: str, project: Path, served: Serving, tmp_path: Path
) -> None:
    EDITS[edit](project)
    served.rebuild()
    assert tree(tmp_path / "served") == clean_site(project, tmp_path / "clean")
    assert folders(tmp_path / "served") == folders(tmp_path / "clean")


def test_a_rebuild_writes_only_the_pages_that_show_the_change(
    project: Path, served: Serving, tmp_path: Path
) -> None:
    site = tmp_path / "served"
    before = {path: path.stat().st_mtime_ns for path in site.rglob("*.html")}
    retitle(project / "seeds" / "article-00010.txt")
    served.rebuild()
    written = {path for path, mtime in before.items() if path.stat().st_mtime_ns != mtime}
    assert site / "briefs" / "article-00010" / "index.html" in written
    assert "Amended Report" in (site / "briefs" / "article-00010" / "index.html").read_text("utf-8")
    assert len(written) < len(before) / 2


def test_nothing_changed_builds_nothing(served: Serving, tmp_path: Path) -> None:
    site = tmp_path / "served"
    before = tree(site)
    stamps = {path: path.stat().st_mtime_ns for path in site.rglob("*")}
    served.rebuild()
    assert tree(site) == before
    assert {path: path.stat().st_mtime_ns for path in site.rglob("*")} == stamps


def test_a_rebuild_that_skips_pages_has_pagefind_index_the_whole_site(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the pages built again are written: an indexer fed page by page would see those only."""
    monkeypatch.setattr(mkdocs_hook, "SearchIndexer", lambda *args: pytest.fail("no indexer as pages go"))
    config = SimpleNamespace(extra={"briefs_search": "pagefind"}, site_dir="site", plugins={})
    mkdocs_hook.on_startup(command="serve", dirty=False)
    session = mkdocs_hook.Running.session
    assert session is not None
    session.is_dirty = True
    try:
        mkdocs_hook.on_env(SimpleNamespace(), config, Files([]))
    finally:
        mkdocs_hook.on_startup(command="build", dirty=False)
    assert mkdocs_hook.Running.indexer is None
