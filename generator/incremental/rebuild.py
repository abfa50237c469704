"""What the pipeline asks of the last build: which extractions it may reuse, which pages it need not
render, what to remember for the next. `build` holds one `Rebuild`; the stages it calls only see
what it hands them (outcomes, a `Figures`, a `with_text`, a page `Reuse`, memos), the same whether
the build is cold or warm.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from generator.corpus import (
    EXTRACTION_FAILED,
    Extracted,
    FileStat,
    Inputs,
    Outcome,
    gather,
    map_tasks,
    read_task,
)
from generator.incremental.extractions import ExtractionCache, content_key, version_key
from generator.incremental.fingerprint import RACY_NS, code_fingerprint, hash_inputs
from generator.incremental.pages import PageReuse
from generator.incremental.record import (
    FILES_FILE,
    BuildState,
    forget_memos,
    forget_state,
    is_up_to_date,
    read_memo,
    read_state,
    stat_outputs,
    write_memo,
    write_state,
)
from generator.model import Figure, LightExtraction, Problem
from generator.project import CACHE_FOLDER, Project
from generator.resolve import Brief
from generator.write import MANIFEST

Memo = TypeVar("Memo")
# An article file as last seen: its size and modification time, and the cache key of its bytes.
FileKey = tuple[int, int, str]


class CacheError(Exception):
    """The extraction cache lost entries during a build (deleted or damaged meanwhile): building again
    extracts them anew."""


@dataclass(frozen=True)
class Reported:
    """What a build reported, to record for the next (see `Rebuild.recording`)."""

    built: int
    skip_reasons: tuple[str, ...]
    problems: tuple[Problem, ...]


class Rebuild:
    """The last build's record, its memos and the extraction cache, as one build uses them."""

    def __init__(self, project: Project, inputs: Inputs, config_files: Iterable[Path]) -> None:
        self.project = project
        self.folder = project.cache_dir
        self.code = code_fingerprint()
        self.digest, self.is_racy = hash_inputs(
            project.root, inputs.stats, config_files, project.out_dir, self.code
        )
        self.last = read_state(self.folder)
        self.cache = ExtractionCache(None)
        self.kept: dict[str, object] = {}

    def unchanged(self) -> BuildState | None:
        """The last build's record when it read these inputs and left every file as it still is:
        nothing to do."""
        if is_up_to_date(self.last, self.digest, self.project.out_dir):
            return self.last
        return None

    @contextlib.contextmanager
    def opened(self) -> Iterator[Rebuild]:
        """This, with the extraction cache open."""
        with ExtractionCache.open(self.folder) as self.cache:
            yield self

    def forget(self) -> None:
        """Forget the cache, the memos and the record: what they lost is computed again."""
        self.cache.clear()
        forget_memos(self.folder)
        self.last = None
        self.kept.clear()

    def recall(self, name: str, kind: type[Memo]) -> Memo | None:
        """What the last build kept in `name` for this one (see `keep`)."""
        return read_memo(self.folder, name, self.code, kind)

    def keep(self, name: str, value: object) -> None:
        """Keep `value` for the next build, once this one has written its pages."""
        self.kept[name] = value

    def extract(self, inputs: Inputs, jobs: int | None) -> Extracted:
        """Every article extracted (see `corpus.extract_all`): those the cache holds are read back
        light (see `extractions.lighten`), the others extracted and stored."""
        return gather(extract_outcomes(self, inputs.seeds, inputs.stats, jobs))

    def page_reuse(self) -> PageReuse:
        return PageReuse(self.code, self.last, self.project.out_dir)

    def with_text(self, briefs: Sequence[Brief]) -> list[Brief]:
        return with_text(self.cache, briefs)

    @property
    def figures(self) -> CachedFigures:
        return CachedFigures(self.cache)

    @contextlib.contextmanager
    def recording(self, reported: Reported, written: Iterable[str], reuse: PageReuse) -> Iterator[None]:
        """Around writing the docs folder: no record while it changes (an interrupted build is never
        taken for a complete one), then the record of this build and what it kept."""
        forget_state(self.folder)
        yield
        # Pages kept were found as the last build left them: only the others are looked at again.
        files = {**reuse.kept_stats, **stat_outputs(self.project.out_dir, [*written, MANIFEST])}
        # After reading an article too new to trust its time, only the page digests are recorded.
        digest = "" if self.is_racy else self.digest
        state = BuildState(
            digest, files, reported.built, reported.skip_reasons, reported.problems, reuse.digests
        )
        write_state(self.folder, state)
        for name, value in self.kept.items():
            write_memo(self.folder, name, self.code, value)


def extract_outcomes(
    rebuild: Rebuild, paths: list[Path], stats: Mapping[str, FileStat | None], jobs: int | None
) -> list[Outcome]:
    """The outcome of reading and extracting each file, in the order of `paths`; the cache key of
    each file read is kept for the next build.

    A file whose size and modification time are those known from the last build is not read
    again when its outcome is in the cache (as `git status` trusts its index).
    """
    cache = rebuild.cache
    known: Mapping[str, FileKey] = rebuild.recall(FILES_FILE, dict) or {}
    seen = {i: stats[path.name] for i, path in enumerate(paths)}
    trusted = {
        i: entry[2]
        for i, path in enumerate(paths)
        if (entry := known.get(path.name)) and seen[i] == entry[:2]
    }
    found = cache.get_many(set(trusted.values()), light=True)
    keys = {i: key for i, key in trusted.items() if key in found}
    read = {i: read_task(rebuild.project, path) for i, path in enumerate(paths) if i not in keys}
    keys.update({i: content_key(r[1], r[2]) for i, r in read.items() if not isinstance(r, Outcome)})
    found.update(cache.get_many({keys[i] for i in read if i in keys} - found.keys(), light=True))
    missing = [i for i in read if i in keys and keys[i] not in found]
    tasks = [r for i in missing if not isinstance(r := read[i], Outcome)]
    computed = dict(zip(missing, map_tasks(tasks, jobs, rebuild.folder), strict=True))
    cache.put_many({keys[i]: o for i, o in computed.items() if o.skip_reason != EXTRACTION_FAILED})
    outcomes: list[Outcome] = []
    for i in range(len(paths)):
        if i in keys:
            outcomes.append(computed[i] if i in computed else found[keys[i]])
        elif isinstance(unreadable := read[i], Outcome):
            outcomes.append(unreadable)
    # A file changed within the clock's resolution may change again unseen: not trusted next time.
    settled = time.time_ns() - RACY_NS
    rebuild.keep(
        FILES_FILE,
        {
            path.name: (*stat, keys[i])
            for i, path in enumerate(paths)
            if i in keys and (stat := seen[i]) is not None and stat[1] < settled
        },
    )
    return outcomes


def with_text(cache: ExtractionCache, briefs: Sequence[Brief]) -> list[Brief]:
    """The briefs with their article's text, read from the cache for those read without it."""
    light = {b.slug: version_key(b.key) for b in briefs if isinstance(b.extraction, LightExtraction)}
    found = {
        key: outcome.extraction
        for key, outcome in cache.get_many(light.values()).items()
        if outcome.extraction
    }
    if lost := set(light.values()) - found.keys():
        raise lost_entries(lost)
    return [replace(b, extraction=found[light[b.slug]]) if b.slug in light else b for b in briefs]


@dataclass(frozen=True)
class CachedFigures:
    """The figures of briefs (see `resolve.Figures`): those of light extractions, which leave them
    out, read from the cache; the others' their own."""

    cache: ExtractionCache

    def sources(self, brief: Brief) -> Sequence[str]:
        if isinstance(brief.extraction, LightExtraction):
            return brief.extraction.figure_sources
        return [figure.source for figure in brief.extraction.figures if figure.source]

    def read(self, briefs: Sequence[Brief]) -> dict[str, tuple[Figure, ...]]:
        light = {b.slug: version_key(b.key) for b in briefs if isinstance(b.extraction, LightExtraction)}
        found = self.cache.get_figures(light.values())
        if lost := set(light.values()) - found.keys():
            raise lost_entries(lost)
        return {b.slug: found[light[b.slug]] if b.slug in light else b.extraction.figures for b in briefs}


def lost_entries(lost: Set[str]) -> CacheError:
    return CacheError(f"{len(lost)} extraction(s) damaged or missing in {CACHE_FOLDER.as_posix()}/")
