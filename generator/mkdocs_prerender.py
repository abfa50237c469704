"""A second core for `mkdocs build`: MkDocs reads and converts its pages one after another, in one
process; here a forked process converts the pages MkDocs will reach last, starting from the end,
while MkDocs works from the start, until the two meet.

At 10,000 briefs, reading front matter and converting Markdown is nearly nine tenths of a build. The
worker does for each page exactly what MkDocs would (read the source, run the plugins'
`on_page_markdown`, convert with MkDocs' own `Page.render`), and MkDocs takes its result only when
the page's source and Markdown are, byte for byte, those the worker converted; otherwise, or when
the worker has not reached the page, MkDocs converts it itself. Warnings the conversion logged (a
broken link) are logged again by MkDocs' own process, so `--strict` counts them.

Used by the MkDocs hook for `mkdocs build` only (never under `mkdocs serve`, whose server threads a
fork would not carry), and for the pages outside the navigation (every brief, actor and listing
page): the hook replaces MkDocs' page of each, still unread, with a `PrerenderedPage`.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import mmap
import os
import pickle
import shutil
import signal
import struct
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta as front_matter

from generator.parallel import available_cores, can_fork

CHUNK = 25
"""Pages the worker hands over at a time: MkDocs can take a page once its chunk is written."""
MINIMUM_PAGES = 4 * CHUNK
"""Below this, forking costs more than it saves."""
PROGRESS = struct.Struct("q")
"""How far MkDocs has come (an index into the pages given to `start`), shared with the worker."""


@dataclass(frozen=True)
class Prerendered:
    """What the worker read and converted for one page, and the digests that say it still applies."""

    source_digest: bytes
    markdown: str
    meta: dict[str, Any]
    markdown_digest: bytes
    content: str
    toc: Any
    title: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    records: tuple[logging.LogRecord, ...]


def digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Prerender:
    """The worker converting pages from the end of `order`, and the chunks it wrote so far."""

    def __init__(self, order: Sequence[str], folder: Path, progress: mmap.mmap, pid: int) -> None:
        self.position = {uri: index for index, uri in enumerate(order)}
        self.folder = folder
        self.progress = progress
        self.pid = pid
        self.chunks: dict[int, dict[str, Prerendered]] = {}

    def take(self, src_uri: str) -> Prerendered | None:
        """The worker's result for the page, if it has written it; tells the worker how far MkDocs is."""
        index = self.position.get(src_uri)
        if index is None:
            return None
        self.progress[:] = PROGRESS.pack(index)
        chunk = index // CHUNK
        if chunk not in self.chunks:
            path = self.folder / f"{chunk}.pickle"
            if not path.is_file():
                return None
            with path.open("rb") as file:
                self.chunks = {chunk: pickle.load(file)}  # earlier chunks are done with
            path.unlink()
        return self.chunks[chunk].get(src_uri)

    def stop(self) -> None:
        """End the worker and remove what it wrote."""
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.chunks = {}


class PrerenderedPage(Page):
    """A page outside the navigation that takes the worker's reading and conversion when they apply."""

    prerender: Prerender | None = None
    prerendered: Prerendered | None = None

    def read_source(self, config: MkDocsConfig) -> None:
        found = self.prerender.take(self.file.src_uri) if self.prerender else None
        if found is None:
            super().read_source(config)
            return
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = self.file.content_string
        if digest(source) == found.source_digest:
            self.markdown, self.meta = found.markdown, found.meta
            self.prerendered = found
        else:
            self.markdown, self.meta = front_matter.get_data(source)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        found, self.prerendered = self.prerendered, None
        if found is None or self.markdown is None or digest(self.markdown) != found.markdown_digest:
            super().render(config, files)
            return
        self.content = found.content
        self.toc = found.toc
        self._title_from_render = found.title
        self.present_anchor_ids = found.present_anchor_ids
        if found.links_to_anchors is not None:
            self.links_to_anchors = {
                target: anchors
                for uri, anchors in found.links_to_anchors.items()
                if (target := files.get_file_from_path(uri)) is not None
            }
        for record in found.records:
            logging.getLogger(record.name).handle(record)


def start(
    config: MkDocsConfig, files: Files, order: Sequence[File], in_nav: Sequence[Page]
) -> Prerender | None:
    """Make `PrerenderedPage`s of the pages outside the navigation (`in_nav`: those in it) and fork the
    worker that converts `order` (the pages in the order MkDocs reads them) from its end; None when
    not worth it."""
    # Without fork (Windows) or a second core, MkDocs converts every page itself, as it always does.
    if len(order) < MINIMUM_PAGES or not can_fork() or available_cores() < 2:
        return None
    listed = set(map(id, in_nav))
    for file in order:
        if file.page is None or id(file.page) not in listed:
            PrerenderedPage(None, file, config)  # MkDocs' own page of it, with nothing read yet
    folder = Path(tempfile.mkdtemp(prefix="briefs-prerender-"))
    progress = mmap.mmap(-1, PROGRESS.size)
    progress[:] = PROGRESS.pack(-1)
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # The worker: never returns into MkDocs, and ends with it (or on Ctrl-C, as it does).
        try:
            convert_from_the_end(config, files, order, folder, progress, parent)
        finally:
            os._exit(0)
    prerender = Prerender([file.src_uri for file in order], folder, progress, pid)
    for file in order:
        if isinstance(file.page, PrerenderedPage):
            file.page.prerender = prerender
    return prerender


def convert_from_the_end(
    config: MkDocsConfig, files: Files, order: Sequence[File], folder: Path, progress: mmap.mmap, parent: int
) -> None:
    """The worker: chunk after chunk from the last, until MkDocs has reached the chunk (or is gone)."""
    with captured_logs() as records:
        for chunk in range((len(order) - 1) // CHUNK, -1, -1):
            first = chunk * CHUNK
            results = {}
            for file in order[first : first + CHUNK]:
                if PROGRESS.unpack(progress[:])[0] >= first or os.getppid() != parent:
                    return
                if isinstance(file.page, PrerenderedPage):
                    results[file.src_uri] = convert(file.page, config, files, records)
            temporary = folder / f".{chunk}.pickle"
            with temporary.open("wb") as out:
                pickle.dump(results, out, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(folder / f"{chunk}.pickle")


def convert(page: Page, config: MkDocsConfig, files: Files, records: list[logging.LogRecord]) -> Prerendered:
    """Read and convert one page as MkDocs would, and let go of it again."""
    source = config.plugins.on_page_read_source(page=page, config=config)
    if source is None:
        source = page.file.content_string
    markdown, meta = front_matter.get_data(source)
    page.markdown, page.meta = markdown, copied(meta)  # plugins may change it; MkDocs gets it as read
    page.markdown = config.plugins.on_page_markdown(markdown, page=page, config=config, files=files)
    del records[:]
    Page.render(page, config, files)
    links = page.links_to_anchors
    result = Prerendered(
        digest(source),
        markdown,
        meta,
        digest(page.markdown),
        page.content or "",
        page.toc,
        page._title_from_render,
        page.present_anchor_ids,
        None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
        tuple(records),
    )
    page.markdown = page.content = None
    return result


def copied(meta: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of front matter (plain data), faster than `copy.deepcopy`."""
    value: dict[str, Any] = pickle.loads(pickle.dumps(meta, protocol=pickle.HIGHEST_PROTOCOL))
    return value


@contextlib.contextmanager
def captured_logs() -> Iterator[list[logging.LogRecord]]:
    """In the worker: what MkDocs would log, kept (as plain messages) for MkDocs' own process."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            record.msg, record.args, record.exc_info = record.getMessage(), None, None
            records.append(record)

    logger = logging.getLogger("mkdocs")
    logger.handlers = [Keep()]
    logger.propagate = False
    yield records
