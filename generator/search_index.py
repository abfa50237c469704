"""Pagefind, the search for large sites: indexes the built site so that a query loads a few small files.

Used by the MkDocs hook after `mkdocs build` when mkdocs.yml sets `extra: {briefs_search: pagefind}`.
Pagefind comes from PyPI (`pip install "pagefind[bin]"`, or this project's `search` extra); its
binary indexes only the elements marked `data-pagefind-body` (the theme marks the main content of
brief and actor pages) and writes the index and its UI into `<site>/pagefind/`.

Pagefind holds every page it indexes in memory until it writes the index (about 0.15 MB per brief
page: 1.5 GB at 10,000 briefs). A large site is therefore indexed in parts of at most
`PAGES_PER_INDEX` pages, one Pagefind run and one bundle each (`pagefind/`, `pagefind-2/`, ...),
which the search box merges into one list of results (`MANIFEST` names the others).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "pagefind"
"""Where Pagefind writes its bundle, relative to the site; the theme loads its UI from there."""

MANIFEST = "briefs-bundles.json"
"""In the first bundle: the site's other bundles, which the search box merges (see theme/assets)."""
PAGES_PER_INDEX = 5000
"""The most pages one Pagefind run indexes (at most about 0.75 GB of memory); mkdocs.yml's
`extra.briefs_search_pages_per_index` sets another bound."""

# Inside the indexed content, what is not worth finding: permalink signs, link labels to the sentence
# a figure or quote came from, and what names other briefs and actors (an actor page's network and
# co-appearing actors, a brief's related briefs), which would make every neighbour's page match.
EXCLUDE_SELECTORS = (".headerlink", ".provenance", ".actor-network", ".co-actors", ".related-briefs")

INSTALL_HINT = 'install it with `pip install "pagefind[bin]"` (or `pip install -e ".[search]"`)'


class SearchIndexError(Exception):
    """Pagefind is missing or failed."""


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind wrote: its bundle folders, how many pages it indexed, and in how many seconds."""

    bundles: tuple[Path, ...]
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


def build_search_index(
    site_dir: Path, pages: Sequence[str] = (), per_index: int = PAGES_PER_INDEX
) -> SearchIndex:
    """Index `pages` of the built site in `site_dir` (paths relative to it, in parts of at most
    `per_index`; none given: the whole site in one part) with Pagefind, into `site_dir/pagefind/`
    and, for each further part, `site_dir/pagefind-N/`."""
    executable = pagefind_executable()
    start = time.perf_counter()
    parts = [pages[first : first + per_index] for first in range(0, len(pages), per_index)]
    bundles = tuple(site_dir / bundle_name(number) for number in range(max(1, len(parts))))
    if not parts:
        run_pagefind(executable, site_dir, bundles[0])
    for part, bundle in zip(parts, bundles, strict=True):
        with linked_pages(site_dir, part) as root:
            run_pagefind(executable, root, bundle)
    merged = [f"{bundle.name}/" for bundle in bundles[1:]]
    (bundles[0] / MANIFEST).write_text(json.dumps({"merge": merged}) + "\n", "utf-8")
    pages_indexed = sum(map(indexed_pages, bundles))
    return SearchIndex(bundles, pages_indexed, time.perf_counter() - start)


def bundle_name(number: int) -> str:
    """The folder of the bundle of part `number` (from 0), in the site."""
    return BUNDLE_DIR if number == 0 else f"{BUNDLE_DIR}-{number + 1}"


@contextlib.contextmanager
def linked_pages(site_dir: Path, pages: Sequence[str]) -> Iterator[Path]:
    """A folder beside the site holding these pages at their paths in it (hard links, so no copying),
    for Pagefind to index as if it were the site: its result URLs are the same."""
    root = Path(tempfile.mkdtemp(prefix=".briefs-pagefind-", dir=site_dir.parent))
    try:
        for page in pages:
            target = root / page
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site_dir / page, target)
            except OSError:  # another file system, or no hard links there
                shutil.copyfile(site_dir / page, target)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_pagefind(executable: Path, site_dir: Path, bundle: Path) -> None:
    command = [str(executable), "--site", str(site_dir), "--output-path", str(bundle), "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"Pagefind ({executable}) could not be run: {error}") from error
    if result.returncode != 0:
        output = (result.stderr + result.stdout).strip()
        raise SearchIndexError(f"Pagefind failed (exit {result.returncode}): {output}")


def indexed_pages(bundle: Path) -> int:
    """The number of pages in a Pagefind bundle, from its `pagefind-entry.json`."""
    entry = bundle / "pagefind-entry.json"
    try:
        data = json.loads(entry.read_text("utf-8"))
        return sum(int(language["page_count"]) for language in data["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SearchIndexError(f"Pagefind wrote no readable index at {entry}: {error}") from error
