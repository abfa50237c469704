"""`mkdocs serve` picks up an article added to or removed from seeds/ without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from generator.build import Project, build
from tests.conftest import article_text

WAIT_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def wait_for(url: str, expected: int) -> int:
    deadline = time.monotonic() + WAIT_SECONDS
    code = status(url)
    while code != expected and time.monotonic() < deadline:
        time.sleep(0.5)
        code = status(url)
    return code


@pytest.fixture
def served(seed_project: Path) -> Iterator[str]:
    """The base URL of `mkdocs serve` running on the seed project, built once as a user would first."""
    build(Project.at(seed_project))
    port = free_port()
    config = yaml.safe_load((seed_project / "mkdocs.yml").read_text("utf-8").split("\nhooks:")[0])
    base = f"http://127.0.0.1:{port}{urlparse(config['site_url']).path}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=seed_project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(base, 200) == 200, "mkdocs serve did not come up"
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_regenerates_when_an_article_is_added_and_removed(seed_project: Path, served: str) -> None:
    article = seed_project / "seeds" / "late_news.txt"
    article.write_text(article_text(title="A Late Article Arrives"), "utf-8")

    assert wait_for(f"{served}briefs/late-news/", 200) == 200
    with urllib.request.urlopen(served, timeout=5) as response:
        assert "A Late Article Arrives" in response.read().decode("utf-8")

    article.unlink()
    assert wait_for(f"{served}briefs/late-news/", 404) == 404
    assert not (seed_project / "briefs" / "briefs" / "late-news.md").exists()
