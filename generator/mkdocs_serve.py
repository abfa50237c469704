"""`mkdocs serve` rebuilds what an edit changed, not the whole site, and serves what a clean build would.

MkDocs' server rebuilds the whole site after every change: each page read, converted, rendered and
written again, minutes per saved article on a large corpus. Its `--dirty` builds skip the pages
whose source is older than their HTML, which is what a generated site needs (`briefs build` rewrites
only the pages an edit changed), but leave stale what a page's own source does not say: pages
removed stay served, and Material's search index holds only the pages rebuilt. A `Session` runs
those builds for the server and makes up for both, so that every build leaves the site directory as
a clean build would, byte for byte: after a saved article, the hook's `briefs build` rewrites the
pages that show it, and only those are built again.

A clean build still runs first, and again whenever anything but the articles changed: mkdocs.yml,
the theme's own folder (`custom_dir`), a path mkdocs.yml asks to `watch`, a file of the docs folder
that the hook did not write (a page's title may show on every page). A change that leaves the
articles and the docs folder as the last build left them (the server sees the hook's own writes to
the docs folder) builds nothing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config

log = logging.getLogger("mkdocs.plugins.briefs")

# A folder's files, by path relative to it, with their size and modification time.
Snapshot = dict[str, tuple[int, int]]
SearchEntry = dict[str, Any]


def snapshot(folder: Path) -> Snapshot:
    """Every file under `folder` as it is now; empty when the folder cannot be listed."""
    found: Snapshot = {}
    pending = [(folder, "")]
    while pending:
        current, prefix = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((Path(entry.path), f"{prefix}{entry.name}/"))
                    else:
                        info = entry.stat()
                        found[f"{prefix}{entry.name}"] = (info.st_size, info.st_mtime_ns)
        except OSError:
            continue
    return found


@dataclass
class Session:
    """What `mkdocs serve` keeps between its builds: what the last build wrote and indexed, and what
    it was built from."""

    # The destination of every file of the last build, relative to the site directory.
    outputs: frozenset[str] = frozenset()
    # Material's search entries of each page (by source), and the pages in the order built.
    entries: dict[str, list[SearchEntry]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    # Set while a build of this session skips the pages whose HTML is newer than their source.
    is_dirty: bool = False
    # Entries of the search index before the page being built adds its own (see `page_indexed`).
    indexed: int = 0

    # The theme's templates compiled: MkDocs makes a new template environment for every build.
    templates: CompiledTemplates = field(default_factory=lambda: CompiledTemplates())
    # What the last build was made from (see `rebuild`), and the docs folder as the hook left it.
    built_from: Inputs | None = None
    generated: Snapshot | None = None

    def attach(self, server: Any, config: Any, seeds_dir: Path, clean_build: Callable[[], None]) -> None:
        """Build for `server` from now on; `clean_build` is MkDocs' own (a new configuration, a clean
        site directory), for when the settings change."""
        theme_dir = config.theme.custom_dir
        settings = (
            Path(config.config_file_path),
            *([Path(theme_dir)] if theme_dir else []),
            *(Path(path) for path in config.watch),
        )
        overrides = {
            "site_dir": config.site_dir,
            "dev_addr": f"{config.dev_addr.host}:{config.dev_addr.port}",
            "strict": config.strict,
            "use_directory_urls": config.use_directory_urls,
        }
        watched = Watched(seeds_dir, Path(config.docs_dir), settings)
        served = Served(config.config_file_path, overrides, config.site_url, config.theme.name, watched)
        self.built_from = watched.read()
        server.builder = partial(self.rebuild, served, clean_build)

    def rebuild(self, served: Served, clean_build: Callable[[], None]) -> None:
        """Build nothing when nothing changed since the last build (the server sees the hook's own
        writes to the docs folder), the pages whose source changed when only articles changed, or
        else everything.

        The articles and settings are those seen before the build, the docs folder as the hook left it
        (see `docs_generated`): what changes during a build is built by the next one.
        """
        inputs = served.watched.read()
        if inputs == self.built_from:
            return
        self.generated = None
        config = served.load()
        last = self.built_from
        if (
            last is None
            or (inputs.settings, inputs.docs) != (last.settings, last.docs)
            or config.theme.name != served.theme
        ):
            clean_build()
        else:
            log.info("Building documentation...")
            self.is_dirty = True
            try:
                with quiet_dirty_warning():
                    build(config, serve_url=served.url, dirty=True)
            finally:
                self.is_dirty = False
        if self.generated is not None:
            self.built_from = Inputs(inputs.seeds, self.generated, inputs.settings)

    def docs_generated(self, docs_dir: Path) -> None:
        """The hook has brought the docs folder up to date, before MkDocs reads it."""
        self.generated = snapshot(docs_dir)

    def pages_ready(self, config: Any, files: Any) -> None:
        """Every page is read: remove what the last build wrote that this one does not, and (in a build
        that skips pages) give the search index the entries of every page as the last build indexed
        them; those of a page built again are replaced as it is (see `page_indexed`)."""
        outputs = frozenset(file.dest_uri for file in files)
        site_dir = Path(config.site_dir)
        for dest_uri in sorted(self.outputs - outputs):
            remove_output(site_dir, dest_uri)
        self.outputs = outputs
        self.sources = [file.src_uri for file in files.documentation_pages()]
        index = search_index(config)
        if index is not None and self.is_dirty:
            index.entries = self.ordered_entries()
        self.indexed = len(index.entries) if index is not None else 0

    def page_indexed(self, page: Any, config: Any) -> None:
        """Material's search has indexed `page` (its entries are the last ones): keep them, in place."""
        index = search_index(config)
        if index is None:
            return
        self.entries[page.file.src_uri] = index.entries[self.indexed :]
        if self.is_dirty:
            index.entries = self.ordered_entries()
        self.indexed = len(index.entries)

    def ordered_entries(self) -> list[SearchEntry]:
        return [entry for source in self.sources for entry in self.entries.get(source, ())]


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled by an earlier build, kept in memory; Jinja compiles a template again when its
    source changed (the checksum of its source is part of what is kept)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if code := self.compiled.get(bucket.key):
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def remove_output(site_dir: Path, dest_uri: str) -> None:
    """Remove a file of the site and the folders it leaves empty, as a clean build would not make it."""
    path = site_dir / dest_uri
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == site_dir or not folder.is_relative_to(site_dir) or any(folder.iterdir()):
            return
        folder.rmdir()


@dataclass(frozen=True)
class Inputs:
    """The articles, the docs folder and the settings as they are at one moment."""

    seeds: Snapshot
    docs: Snapshot
    settings: Snapshot


@dataclass(frozen=True)
class Watched:
    """What a build is made from: the articles, the docs folder, and what every page is rendered with
    (mkdocs.yml, the theme's own folder when it has one, the paths mkdocs.yml asks to `watch`)."""

    seeds_dir: Path
    docs_dir: Path
    settings: tuple[Path, ...]

    def read(self) -> Inputs:
        settings: Snapshot = {}
        for path in self.settings:
            if path.is_dir():
                settings.update({f"{path}/{name}": stat for name, stat in snapshot(path).items()})
            else:
                try:
                    info = path.stat()
                    settings[str(path)] = (info.st_size, info.st_mtime_ns)
                except OSError:  # not there (yet)
                    settings[str(path)] = (-1, -1)
        return Inputs(snapshot(self.seeds_dir), snapshot(self.docs_dir), settings)


@dataclass(frozen=True)
class Served:
    """How `mkdocs serve` was started: its configuration file, the settings given on its command line,
    the URL it serves the site at, and the theme."""

    config_file: str
    overrides: dict[str, Any]
    url: str
    theme: str
    watched: Watched

    def load(self) -> Any:
        config = load_config(config_file=self.config_file, **self.overrides)
        config.site_url = self.url
        return config


def search_index(config: Any) -> Any:
    """Material's search index of this build, when its search is on."""
    search = config.plugins.get("material/search")
    if search is None or not getattr(search.config, "enabled", True):
        return None
    return getattr(search, "search_index", None)


class DirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build leaves links and navigation inaccurate: not so here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


@contextmanager
def quiet_dirty_warning() -> Iterator[None]:
    logger = logging.getLogger("mkdocs.commands.build")
    quiet = DirtyWarning()
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)
