"""Pagefind, the search for large sites: indexes the built site so that a query loads a few small files.

Used by the MkDocs hook after `mkdocs build` when mkdocs.yml sets `extra: {briefs_search: pagefind}`.
Pagefind comes from PyPI (`pip install "pagefind[bin]"`, or this project's `search` extra); its
binary indexes only the elements marked `data-pagefind-body` (the theme marks the main content of
brief and actor pages) and writes the index and its UI into `<site>/pagefind/`.
"""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "pagefind"
"""Where Pagefind writes its bundle, relative to the site; the theme loads its UI from there."""

# Inside the indexed content, what is not worth finding: permalink signs, and the names of other actors
# on an actor page (the network's labels and the co-appearing actors), which would make every
# neighbour's page match.
EXCLUDE_SELECTORS = (".headerlink", ".actor-network", ".co-actors")

INSTALL_HINT = 'install it with `pip install "pagefind[bin]"` (or `pip install -e ".[search]"`)'


class SearchIndexError(Exception):
    """Pagefind is missing or failed."""


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind wrote: its bundle folder, how many pages it indexed, and in how many seconds."""

    bundle: Path
    pages: int
    seconds: float


def pagefind_executable() -> Path:
    """The Pagefind binary that the PyPI package `pagefind[bin]` provides (or one on PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError as error:
        raise SearchIndexError(f"the Python package pagefind is not installed; {INSTALL_HINT}") from error
    executable = get_executable()
    if executable is None or not executable.is_file():
        raise SearchIndexError(f"the Pagefind binary was not found; {INSTALL_HINT}")
    return executable


def build_search_index(site_dir: Path) -> SearchIndex:
    """Index the built site in `site_dir` with Pagefind; its bundle goes to `site_dir/pagefind/`."""
    executable = pagefind_executable()
    command = [str(executable), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    start = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"Pagefind ({executable}) could not be run: {error}") from error
    if result.returncode != 0:
        output = (result.stderr + result.stdout).strip()
        raise SearchIndexError(f"Pagefind failed (exit {result.returncode}): {output}")
    bundle = site_dir / BUNDLE_DIR
    return SearchIndex(bundle, indexed_pages(bundle), time.perf_counter() - start)


def indexed_pages(bundle: Path) -> int:
    """The number of pages in a Pagefind bundle, from its `pagefind-entry.json`."""
    entry = bundle / "pagefind-entry.json"
    try:
        data = json.loads(entry.read_text("utf-8"))
        return sum(int(language["page_count"]) for language in data["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SearchIndexError(f"Pagefind wrote no readable index at {entry}: {error}") from error
