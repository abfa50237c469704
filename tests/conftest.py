"""Shared fixtures: an article-text factory, parsed articles, and temporary project folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from generator.build import Project
from generator.extract import extract_article
from generator.model import Article, Extraction
from generator.read import parse_article

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
HOOK = "generator/mkdocs_hook.py"

DEFAULT_TITLE = "Harbor Council Approves New Bridge Plan"
DEFAULT_SUMMARY = "Mayor Peter Hall said the council approved the bridge plan on Tuesday."
DEFAULT_BODY = (
    "The harbor council voted on Tuesday to replace the old bridge.",
    '"We will rebuild the bridge," Mayor Peter Hall said.',
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/goldens/ from the current output.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def article_text(
    *,
    sections: str | None = "Politics Economy",
    timestamp: str = "2026-01-16T19:22:08+00:00",
    title: str = DEFAULT_TITLE,
    summary: str | None = DEFAULT_SUMMARY,
    repeat_title: bool = True,
    body: Sequence[str] = DEFAULT_BODY,
    newline: str = "\n",
) -> str:
    """The text of an article file; `summary=None` leaves the summary out, `sections=None` the labels."""
    header = f"{sections} {timestamp}" if sections else timestamp
    blocks = [header, title]
    if summary is not None:
        blocks.append(summary)
    if repeat_title:
        blocks.append(title)
    blocks += list(body)
    return (newline * 2).join(blocks) + newline


@pytest.fixture
def make_article_text() -> Callable[..., str]:
    """`make_article_text(**overrides)`: article file text, every part overridable."""
    return article_text


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """`make_article(**overrides)`: an Article parsed from `make_article_text(**overrides)`."""

    def make(article_id: str = "test", **overrides: Any) -> Article:
        return parse_article(article_text(**overrides), article_id, f"seeds/{article_id}.txt")

    return make


@pytest.fixture
def extract_body() -> Callable[..., Extraction]:
    """`extract_body(*paragraphs)`: the extraction of an article with just these body paragraphs."""

    def extract(*paragraphs: str, summary: str | None = None) -> Extraction:
        text = article_text(summary=summary, repeat_title=True, body=paragraphs)
        return extract_article(parse_article(text, "test", "seeds/test.txt"))

    return extract


def create_project(root: Path, *, with_seeds: bool = False) -> Path:
    """A project folder: seeds/ (empty, or a copy of the seed corpus), mkdocs.yml and theme/ copied."""
    (root / "seeds").mkdir(parents=True)
    if with_seeds:
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copy2(path, root / "seeds" / path.name)
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    assert HOOK in config, "mkdocs.yml no longer names the hook this fixture points at the repo"
    # The hook is the repo's own file: a generator/ folder in the copy would shadow the package.
    (root / "mkdocs.yml").write_text(config.replace(HOOK, (REPO / HOOK).as_posix()), "utf-8")
    shutil.copytree(REPO / "theme", root / "theme")
    return root


@pytest.fixture(scope="session")
def new_project() -> Callable[..., Path]:
    """`new_project(root, with_seeds=False)`, for fixtures of a wider scope than `project_dir`."""
    return create_project


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A temporary project folder with empty seeds/, a copy of mkdocs.yml and theme/."""
    return create_project(tmp_path / "project")


@pytest.fixture
def project(project_dir: Path) -> Project:
    return Project.at(project_dir)


@pytest.fixture
def seed_project(tmp_path: Path) -> Path:
    """A temporary project folder holding a copy of every article of the seed corpus."""
    return create_project(tmp_path / "project", with_seeds=True)


def mkdocs_build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` of the project at `root` (extra `args`, e.g. `-d DIR`)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), *args],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The one Chromium of the browser tests (tests/test_browser*.py): Playwright's sync API runs once
    per process, so every module shares it. The launch settings and skip rules are tests/test_browser.py's."""
    from tests.test_browser import CHROMIUM, LAUNCH_ARGS, MISSING

    if MISSING is not None:
        pytest.fail(f"CI must run the browser tests: {MISSING}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()
