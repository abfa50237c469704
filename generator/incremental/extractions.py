"""A cache of extraction results by content, in an SQLite file under `.cache/briefs/`, safe to delete.

An entry's key is a hash of the extraction code, the article's name in messages and the file's bytes,
so a changed article, a renamed one, or a change to the extractors never reads a stale entry. What is
stored is the whole outcome of reading and extracting one file: the extraction (or None when the file
was skipped), its problems, and why it was skipped; beside it, a light outcome (see `lighten`) and the
figures that the light one leaves out (see `get_figures`).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.corpus import Outcome, file_version
from generator.incremental.fingerprint import GENERATOR
from generator.model import Figure, LightExtraction

log = logging.getLogger(__name__)

# Named by the layout of its table: a cache of an older layout is left alone, never misread.
DATABASE = "extractions-5.sqlite3"
# What extraction depends on: its code, its data, and the versions of the data libraries it reads.
EXTRACTION_CODE = ("model.py", "read.py", "sentences.py", "extract/*.py", "data/*")
DATA_LIBRARIES = ("pycountry", "gender-guesser")
BATCH = 500


@cache
def code_fingerprint() -> str:
    """A hash of everything extraction depends on: a change to any of it invalidates every entry."""
    digest = hashlib.sha256()
    for pattern in EXTRACTION_CODE:
        for path in sorted(GENERATOR.glob(pattern)):
            digest.update(path.relative_to(GENERATOR).as_posix().encode() + b"\0" + path.read_bytes())
    for name in DATA_LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}=={metadata.version(name)}\0".encode())
    return digest.hexdigest()


def content_key(source: str, data: bytes) -> str:
    """The key of one file's outcome: the extraction code, the file's name in messages, its bytes."""
    return version_key(file_version(source, data))


def version_key(version: str) -> str:
    """The key of the outcome of an article of this version (see `Article.version`)."""
    return hashlib.sha256(f"{code_fingerprint()}\0{version}".encode()).hexdigest()


class ExtractionCache:
    """Outcomes by content key. A cache that cannot be opened or read is skipped, never an error."""

    def __init__(self, connection: sqlite3.Connection | None) -> None:
        self.connection = connection

    @classmethod
    @contextlib.contextmanager
    def open(cls, folder: Path) -> Iterator[ExtractionCache]:
        """The cache in `folder` (created); on any SQLite error, a cache that holds nothing."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            try:
                connection = connect(folder / DATABASE)
            except sqlite3.DatabaseError as error:
                if isinstance(error, sqlite3.OperationalError):  # locked, read-only: not damage
                    raise
                log.warning(
                    "%s: damaged (%s); discarded, its articles are read again", folder / DATABASE, error
                )
                (folder / DATABASE).unlink()
                connection = connect(folder / DATABASE)
        except (OSError, sqlite3.Error) as error:
            log.warning("extraction cache in %s not used: %s", folder.as_posix(), error)
            yield cls(None)
            return
        try:
            yield cls(connection)
        finally:
            connection.close()

    def get_many(self, keys: Iterable[str], *, light: bool = False) -> dict[str, Outcome]:
        """The outcomes found for `keys`; an entry that does not unpickle is left out. `light` ones
        leave out the text of the article and its figures (see `lighten`), most of the data to load."""
        return self.select("light" if light else "value", keys)

    def get_figures(self, keys: Iterable[str]) -> dict[str, tuple[Figure, ...]]:
        """The figures that light outcomes leave out, of the outcomes found for `keys`: those with a
        source, which the pages of their sources show (the newest only: a few briefs' worth)."""
        return self.select("figures", keys)

    def select(self, column: str, keys: Iterable[str]) -> dict[str, Any]:
        if self.connection is None:
            return {}
        keys = list(keys)
        found: dict[str, Any] = {}
        try:
            for start in range(0, len(keys), BATCH):
                batch = keys[start : start + BATCH]
                marks = ",".join("?" * len(batch))
                rows = self.connection.execute(
                    f"SELECT key, {column} FROM outcome WHERE key IN ({marks})", batch
                )
                for key, value in rows:
                    with contextlib.suppress(Exception):
                        found[key] = pickle.loads(value)
        except sqlite3.Error as error:
            log.warning("extraction cache not read: %s", error)
        return found

    def clear(self) -> None:
        """Forget every entry (the cache was found damaged)."""
        if self.connection is None:
            return
        try:
            with self.connection:
                self.connection.execute("DELETE FROM outcome")
        except sqlite3.Error as error:
            log.warning("extraction cache not cleared: %s", error)

    def put_many(self, outcomes: dict[str, Outcome]) -> None:
        if self.connection is None or not outcomes:
            return
        rows = [
            (key, freeze(o), freeze(lighten(o)), freeze(sourced_figures(o))) for key, o in outcomes.items()
        ]
        try:
            with self.connection:
                self.connection.executemany("INSERT OR REPLACE INTO outcome VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as error:
            log.warning("extraction cache not written: %s", error)


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=30)
    try:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS outcome (key TEXT PRIMARY KEY, value BLOB, light BLOB, figures BLOB)"
        )
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def freeze(value: object) -> bytes:
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def lighten(outcome: Outcome) -> Outcome:
    """The outcome as pages other than the brief's own read it (those and the export read it whole):
    without the article's paragraphs and sentences (but those of its partial quotes), with only the
    quotes that make an actor's page (those with a speaker), and without figures: an actor's
    page shows its newest figures only, and most of a large corpus's figures would be read for
    nothing (see `get_figures`)."""
    extraction = outcome.extraction
    if extraction is None:
        return outcome
    # Every speaker of a quote earns a page (see `identity.paged_keys`), a certain one shows it there.
    quotes = tuple(q for q in extraction.quotes if q.speaker and q.kind != "term")
    # A partial quote is shown inside its sentence (see `quoting`): those sentences are kept.
    partial = {q.span.sentence for q in quotes if q.kind == "partial" and q.is_certain}
    light = LightExtraction(
        replace(extraction.article, paragraphs=()),
        tuple(s for s in extraction.sentences if s.index in partial),
        extraction.actors,
        quotes,
        (),
        extraction.problems,
        tuple(f.source for f in sourced_figures(outcome) if f.source),
    )
    return replace(outcome, extraction=light)


def sourced_figures(outcome: Outcome) -> tuple[Figure, ...]:
    """The figures an actor's page may show: those with a source."""
    return tuple(f for f in outcome.extraction.figures if f.source) if outcome.extraction else ()
