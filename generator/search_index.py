"""Pagefind, the search for large sites: indexes the built site so that a query loads a few small files.

Used by the MkDocs hook during `mkdocs build` when mkdocs.yml sets `extra: {briefs_search: pagefind}`.
Pagefind comes from PyPI (`pip install "pagefind[bin]"`, or this project's `search` extra); its
binary indexes only the elements marked `data-pagefind-body` (the theme marks the main content of
brief and actor pages) and writes the index and its UI into `<site>/pagefind/`.

Pagefind holds every page it indexes in memory until it writes the index (about 0.15 MB per brief
page: 1.5 GB at 10,000 briefs; 0.42 GB for a part of 2,500). A large site is therefore indexed in
parts of at most `PAGES_PER_INDEX` pages, one Pagefind run and one bundle each (`pagefind/`,
`pagefind-2/`, ...), which the search box merges into one list of results (`MANIFEST` names the
others). Each part is indexed as soon as MkDocs has written its pages, on the core MkDocs leaves idle.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

BUNDLE_DIR = "pagefind"
"""Where Pagefind writes its bundle, relative to the site; the theme loads its UI from there."""

MANIFEST = "briefs-bundles.json"
"""In the first bundle: the site's other bundles, which the search box merges (see theme/assets)."""
PAGES_PER_INDEX = 2500
"""The most pages one Pagefind run indexes (at most about 0.4 GB of memory); mkdocs.yml's
`extra.briefs_search_pages_per_index` sets another bound."""

# Inside the indexed content, what is not worth finding: permalink signs, link labels to the sentence
# a figure or quote came from, and what names other briefs and actors (an actor page's network and
# co-appearing actors, a brief's related briefs), which would make every neighbour's page match.
EXCLUDE_SELECTORS = (".headerlink", ".provenance", ".actor-network", ".co-actors", ".related-briefs")

SAMPLE_SECONDS = 0.1
"""How often a run's memory is read, at most: not at every page MkDocs writes."""

INSTALL_HINT = 'install it with `pip install "pagefind[bin]"` (or `pip install -e ".[search]"`)'


class SearchIndexError(Exception):
    """Pagefind is missing or failed."""


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind wrote: its bundle folders, how many pages it indexed, in how many seconds (from
    its first run to its last, beside MkDocs), and the memory of the largest run."""

    bundles: tuple[Path, ...]
    pages: int
    seconds: float
    peak_mb: int | None
    """The peak memory of the largest Pagefind run (None: not known here)."""


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


class SearchIndexer:
    """Pagefind over the pages of a site as MkDocs writes them: each time `per_index` pages are on
    disk they make a part, which one Pagefind run indexes into a bundle of its own in the background
    while MkDocs goes on writing on a single core. One run at a time (each holds its pages in
    memory); MkDocs never waits for one before the end of the build."""

    def __init__(self, site_dir: Path, per_index: int = PAGES_PER_INDEX) -> None:
        self.executable = pagefind_executable()
        self.site_dir = site_dir
        self.per_index = per_index
        self.waiting: list[str] = []
        self.parts: list[Sequence[str]] = []
        self.bundles: list[Path] = []
        self.running: tuple[subprocess.Popen[bytes], IO[bytes], Path] | None = None
        self.began: float | None = None
        self.peak_kb = 0
        self.sampled_at = 0.0

    def add(self, page: str) -> None:
        """A page (its path in the site) to index once it is written."""
        self.waiting.append(page)

    def written(self) -> None:
        """Every page added so far is on disk: those that make a part are queued, and the next part
        starts if Pagefind is idle."""
        while len(self.waiting) >= self.per_index:
            self.parts.append(self.waiting[: self.per_index])
            self.waiting = self.waiting[self.per_index :]
        if self.running is None or self.ended(self.running[0]):
            self.collect()
            if self.parts:
                self.start(self.parts.pop(0))

    def finish(self) -> SearchIndex:
        """Index the pages left (none added at all: the whole site), wait for every run, and write
        the manifest that names the other bundles."""
        if self.waiting or not (self.bundles or self.parts):
            self.parts.append(self.waiting)
            self.waiting = []
        while self.running is not None or self.parts:
            self.collect()
            if self.parts:
                self.start(self.parts.pop(0))
        merged = [f"{bundle.name}/" for bundle in self.bundles[1:]]
        (self.bundles[0] / MANIFEST).write_text(json.dumps({"merge": merged}) + "\n", "utf-8")
        seconds = time.perf_counter() - (self.began or time.perf_counter())
        pages = sum(map(indexed_pages, self.bundles))
        return SearchIndex(tuple(self.bundles), pages, seconds, self.peak_kb // 1024 or None)

    def start(self, pages: Sequence[str]) -> None:
        """Run Pagefind over `pages` (none: the whole site) into the next bundle, in the background."""
        self.began = self.began or time.perf_counter()
        bundle = self.site_dir / bundle_name(len(self.bundles))
        root = linked_pages(self.site_dir, pages) if pages else None
        command = [str(self.executable), "--site", str(root or self.site_dir), "--output-path", str(bundle)]
        for selector in EXCLUDE_SELECTORS:
            command += ["--exclude-selectors", selector]
        output = tempfile.TemporaryFile()  # noqa: SIM115 -- closed by collect() or stop(); not a pipe: read once Pagefind ends
        try:
            process = subprocess.Popen([*command, "--quiet"], stdout=output, stderr=subprocess.STDOUT)
        except OSError as error:
            output.close()
            remove(root)
            raise SearchIndexError(f"Pagefind ({self.executable}) could not be run: {error}") from error
        self.running = (process, output, root or self.site_dir)
        self.bundles.append(bundle)

    def collect(self) -> None:
        """Wait for the Pagefind run under way, if any; a failed run is an error."""
        if self.running is None:
            return
        (process, output, root), self.running = self.running, None
        with output:
            while not self.ended(process):
                time.sleep(0.05)
            output.seek(0)
            text = output.read().decode("utf-8", "replace").strip()
        if root != self.site_dir:
            remove(root)
        if process.returncode != 0:
            raise SearchIndexError(f"Pagefind failed (exit {process.returncode}): {text}")

    def ended(self, process: subprocess.Popen[bytes]) -> bool:
        """Whether the run has ended; its memory noted if not."""
        self.sample(process)
        return process.poll() is not None

    def sample(self, process: subprocess.Popen[bytes]) -> None:
        """Note the run's peak memory so far (VmHWM, which starts anew at exec; the run's rusage would
        count the memory of the MkDocs process it was forked from); nothing where there is no /proc."""
        now = time.monotonic()
        if now - self.sampled_at < SAMPLE_SECONDS:
            return
        self.sampled_at = now
        with contextlib.suppress(OSError, ValueError, IndexError):
            status = Path(f"/proc/{process.pid}/status").read_text("utf-8")
            for line in status.splitlines():
                if line.startswith("VmHWM:"):  # none once the run has ended
                    self.peak_kb = max(self.peak_kb, int(line.split()[1]))

    def stop(self) -> None:
        """End the run under way (the build failed) and remove what it was given."""
        if self.running is not None:
            (process, output, root), self.running = self.running, None
            process.kill()
            process.wait()
            output.close()
            if root != self.site_dir:
                remove(root)


def bundle_name(number: int) -> str:
    """The folder of the bundle of part `number` (from 0), in the site."""
    return BUNDLE_DIR if number == 0 else f"{BUNDLE_DIR}-{number + 1}"


def linked_pages(site_dir: Path, pages: Sequence[str]) -> Path:
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
    except OSError as error:
        remove(root)
        raise SearchIndexError(f"the pages to index could not be gathered in {root}: {error}") from error
    return root


def remove(folder: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def indexed_pages(bundle: Path) -> int:
    """The number of pages in a Pagefind bundle, from its `pagefind-entry.json`."""
    entry = bundle / "pagefind-entry.json"
    try:
        data = json.loads(entry.read_text("utf-8"))
        return sum(int(language["page_count"]) for language in data["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SearchIndexError(f"Pagefind wrote no readable index at {entry}: {error}") from error
