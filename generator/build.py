"""The pipeline: read every article, extract, resolve actors across them, render, write."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence, Set
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path

from generator.cache import CACHE_FOLDER, ExtractionCache, Outcome, content_key, is_light
from generator.citation import Publication
from generator.crosslinks import LinkState, link_site
from generator.digests import DIGESTS_FILE, read_briefs
from generator.feeds import render_feeds
from generator.model import Extraction, Figure, Problem
from generator.parallel import available_cores
from generator.provenance import SIDECAR_SUFFIX, Origin, read_origin, sidecar_path
from generator.read import (
    ArticleError,
    decode,
    parse_article,
    printable_name,
    read_file_bytes,
)
from generator.registry import load_registry
from generator.render import render_site
from generator.resolve import Brief, resolve_site
from generator.site_config import read_site_settings
from generator.state import (
    FILES_FILE,
    INDEX_FILE,
    LINKS_FILE,
    RACY_NS,
    BuildState,
    PageReuse,
    code_fingerprint,
    forget_memos,
    forget_state,
    hash_inputs,
    is_up_to_date,
    read_memo,
    read_state,
    stat_outputs,
    write_memo,
    write_state,
)
from generator.subjects import load_lexicon
from generator.write import (
    MANIFEST,
    Changes,
    WriteError,
    apply_changes,
    lock_docs_folder,
    os_error_message,
    plan_changes,
    write_problem_list,
)

log = logging.getLogger(__name__)

PROBLEMS_FILE = "briefs-problems.txt"


@dataclass(frozen=True)
class Project:
    """Where the articles are read from and the pages written to; `root` names files in messages."""

    root: Path
    seeds_dir: Path
    out_dir: Path

    @classmethod
    def at(cls, root: Path) -> Project:
        return cls(root, root / "seeds", root / "briefs")

    @property
    def cache_dir(self) -> Path:
        """Where extraction results and the record of the last build are kept; safe to delete."""
        return self.root / CACHE_FOLDER

    @property
    def registry_path(self) -> Path:
        return self.root / "actors.yml"

    @property
    def subjects_path(self) -> Path:
        """The owner's curation of subjects (see `subjects.load_lexicon`)."""
        return self.root / "subjects.yml"

    @property
    def problems_path(self) -> Path:
        """The list of the last build's article problems, for a site owner to read (see `build`)."""
        return self.root / PROBLEMS_FILE

    def name_of(self, path: Path) -> str:
        """A path as messages show it: relative to the project when inside it, always printable."""
        try:
            target = resolved(path)
        except (OSError, RuntimeError):  # a link loop: named by where it is
            target = resolved_folder(path.parent) / path.name
        try:
            return printable_name(target.relative_to(resolved(self.root)).as_posix())
        except ValueError:
            return printable_name(path.as_posix())


def resolved(path: Path) -> Path:
    """`path.resolve()`, with the folder resolved once for all the files in it."""
    return path.resolve() if path.is_symlink() else resolved_folder(path.parent) / path.name


@lru_cache(maxsize=64)
def resolved_folder(folder: Path) -> Path:
    return folder.resolve()


@dataclass(frozen=True)
class BuildReport:
    """What a build did: briefs built, articles skipped, warnings, and the changes to the docs folder."""

    built: int
    skipped: int
    problems: tuple[Problem, ...]
    changes: Changes
    skip_reasons: tuple[str, ...] = ()

    @property
    def why_skipped(self) -> str:
        """'2 empty file, 1 binary data': how many articles were skipped for each reason."""
        counts = sorted(Counter(self.skip_reasons).items(), key=lambda item: (-item[1], item[0]))
        return ", ".join(f"{count} {reason}" for reason, count in counts)


def build(project: Project, *, check: bool = False, jobs: int | None = None) -> BuildReport:
    """Regenerate the docs folder from the articles; with `check`, only report what would change.

    Extraction results are cached under `.cache/briefs/` and computed over `jobs` processes (default:
    one per core); when nothing was changed since the last build, nothing is read again.

    A problem with an article is not a problem of the site: it is reported, and listed in
    `briefs-problems.txt` (no such file when there is none), and the other articles are built.

    Raises RegistryError when actors.yml has problems, SubjectsError when subjects.yml has,
    ConfigError when mkdocs.yml cannot be read, WriteError when a page cannot be written safely.
    """
    try:
        # Fail at once rather than interleave writes with another build of the same docs folder.
        with lock_docs_folder(project.out_dir, shared=check), paused_garbage_collection():
            report = build_locked(project, check=check, jobs=jobs)
        if not check:
            write_problem_list(project.problems_path, [str(problem) for problem in report.problems])
    except OSError as error:  # disk full, a read-only folder: the pages written so far are whole
        raise WriteError(os_error_message(error, project.name_of)) from error
    return report


@contextlib.contextmanager
def paused_garbage_collection() -> Iterator[None]:
    """No cyclic garbage collection during a build: it makes millions of objects that live to its end
    and hold no cycles worth collecting, and each full collection walks all of them (on 10,000 articles
    that made loading the cached extractions several times slower)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_locked(project: Project, *, check: bool, jobs: int | None) -> BuildReport:
    """`build`, once the docs folder is held."""
    stats = scan_seeds(project.seeds_dir, project.name_of(project.seeds_dir))
    sidecars = scan_sidecars(project.seeds_dir)
    # Read whole, as the registry is: a sidecar edited within the clock's resolution is still seen.
    config_files = (project.registry_path, project.subjects_path, project.root / "mkdocs.yml", *sidecars)
    digest, is_racy = hash_inputs(project.root, stats, config_files, project.out_dir)
    # Nothing changed since the last build, which left every file as it wrote it: nothing to do.
    last = read_state(project.cache_dir)
    if is_up_to_date(last, digest, project.out_dir) and last is not None:
        unchanged = len(last.outputs) - (MANIFEST in last.outputs)
        changes = Changes((), (), (), unchanged)
        return BuildReport(last.built, len(last.skip_reasons), last.problems, changes, last.skip_reasons)
    with ExtractionCache.open(project.cache_dir) as cache:
        seeds = [project.seeds_dir / name for name in stats]
        inputs = Inputs(seeds, stats, digest, is_racy, frozenset(path.name for path in sidecars))
        try:
            return build_from(project, inputs, cache, last, check=check, jobs=jobs)
        except CacheError as error:
            # The cache is disposable: what it lost is extracted again, from the articles themselves.
            log.warning("briefs: %s; the cache is discarded and every article read again", error)
            cache.clear()
            forget_memos(project.cache_dir)
            return build_from(project, inputs, cache, None, check=check, jobs=jobs)


def scan_sidecars(folder: Path) -> list[Path]:
    """The articles' sidecars in `folder` (see `provenance`), by name; none when it cannot be listed
    (`scan_seeds` says why)."""
    try:
        with os.scandir(folder) as entries:
            return sorted(folder / entry.name for entry in entries if entry.name.endswith(SIDECAR_SUFFIX))
    except OSError:
        return []


def read_origins(project: Project, inputs: Inputs) -> tuple[dict[str, Origin], list[Problem]]:
    """The origin of each article that has a sidecar, by article id, and the sidecars' problems."""
    origins: dict[str, Origin] = {}
    problems: list[Problem] = []
    for path in inputs.seeds:
        sidecar = sidecar_path(path)
        if sidecar.name in inputs.sidecars:
            origin, found = read_origin(sidecar, project.name_of(sidecar))
            problems += found
            if origin:
                origins[printable_name(path.stem)] = origin
    return origins, problems


def scan_seeds(folder: Path, name: str = "seeds") -> dict[str, FileStat | None]:
    """The articles in `folder` (`*.txt`), by name in order, with their size and modification time
    (None: it cannot be read); one look at each, shared by every step that needs it.

    A folder that cannot be listed is an error, not an empty corpus: a missing `seeds/` (or a
    mistyped `--root`) would otherwise remove every page of the site.
    """
    try:
        with os.scandir(folder) as entries:
            found = sorted((entry.name, entry) for entry in entries if entry.name.endswith(".txt"))
    except OSError as error:
        raise SeedsError(
            f"{name}/: cannot list the articles ({error.strerror}); nothing was changed. Check --root "
            "(the project folder holding seeds/ and mkdocs.yml), or create seeds/ and make it readable"
        ) from error
    stats: dict[str, FileStat | None] = {}
    for name, entry in found:
        try:
            info = entry.stat()
            stats[name] = (info.st_size, info.st_mtime_ns)
        except OSError:
            stats[name] = None
    return stats


@dataclass(frozen=True)
class Inputs:
    """The articles as the build found them (see `scan_seeds`), a hash of all it reads, and whether
    an article changed too recently for its time to be trusted (see `hash_inputs`)."""

    seeds: list[Path]
    stats: dict[str, FileStat | None]
    digest: str
    is_racy: bool
    # The names of the articles' sidecars (see `provenance`).
    sidecars: frozenset[str] = frozenset()


def build_from(
    project: Project,
    inputs: Inputs,
    cache: ExtractionCache,
    last: BuildState | None,
    *,
    check: bool,
    jobs: int | None,
) -> BuildReport:
    """`build`, once it is known that there is something to do."""
    # 0. The curated registry is configuration: a problem there stops the build before any work.
    registry = load_registry(project.registry_path, project.name_of(project.registry_path))
    lexicon = load_lexicon(project.subjects_path, project.name_of(project.subjects_path))
    # 1. Read and extract every article before writing anything: articles extracted before are read
    # back from the cache without their text, which only the pages rendered again need.
    code = code_fingerprint()
    known = read_memo(project.cache_dir, FILES_FILE, code, dict)
    extracted = extract_all(
        project, inputs.seeds, jobs=jobs, cache=cache, light=True, known=known, stats=inputs.stats
    )
    extractions, problems, skipped = extracted.extractions, extracted.problems, extracted.skipped
    if not extractions and skipped and set(skipped) == {UNREADABLE}:
        raise SeedsError(
            f"{project.name_of(project.seeds_dir)}/: none of the {len(skipped)} article(s) can be read "
            f"(first: {problems[0]}); nothing was changed"
        )
    # 2. Resolve actors across all briefs.
    site = resolve_site(extractions, registry, extracted.keys, CachedFigures(cache, extracted.cached))
    # 3. Cross-link the corpus: co-appearances, related briefs, topics, months; from the last build's
    # cross-links, only what the changes reach is computed again.
    links = link_site(site, read_memo(project.cache_dir, LINKS_FILE, code, LinkState), jobs)
    # 4. Render every page, the feeds and the export in memory; not the pages that the last build
    # rendered from the same inputs and that are still as it wrote them.
    reuse = PageReuse(code, last, project.out_dir)
    with_briefs_text = partial(with_text, cache)
    settings = read_site_settings(project.root / "mkdocs.yml")
    origins, origin_problems = read_origins(project, inputs)
    problems += origin_problems
    publication = Publication(settings.name, settings.url, origins)
    # What lists show of each brief (its summary line, lead figure, subjects), kept between builds.
    digests = read_memo(project.cache_dir, DIGESTS_FILE, code, dict) or {}
    reading = read_briefs(site.briefs, lexicon, digests, with_briefs_text, has_feeds=bool(settings.url))
    pages = render_site(site, links, reuse, with_briefs_text, jobs, publication, reading)
    lines = read_memo(project.cache_dir, INDEX_FILE, code, dict) or {}
    feeds = render_feeds(
        site,
        links.months,
        settings.url,
        settings.name,
        reuse,
        with_briefs_text,
        index_lines=lines,
        origins=origins,
        reading=reading,
        topics=links.topics,
    )
    pages.update(feeds)
    # 5. Write only what changed (or, for a check, nothing at all).
    changes = plan_changes(project.out_dir, pages, reuse.kept)
    report = BuildReport(len(extractions), len(skipped), tuple(problems), changes, tuple(skipped))
    if not check:
        forget_state(project.cache_dir)
        apply_changes(project.out_dir, pages, changes, reuse.kept)
        # Pages kept were found as the last build left them: only the others are looked at again.
        outputs = {**reuse.kept_stats, **stat_outputs(project.out_dir, [*pages, MANIFEST])}
        # After reading an article too new to trust its time, only the page digests are recorded.
        digest = "" if inputs.is_racy else inputs.digest
        state = BuildState(digest, outputs, *report_facts(report), reuse.digests)
        write_state(project.cache_dir, state)
        write_memo(project.cache_dir, LINKS_FILE, code, links.state)
        write_memo(project.cache_dir, FILES_FILE, code, extracted.file_keys)
        write_memo(project.cache_dir, INDEX_FILE, code, lines)
        write_memo(project.cache_dir, DIGESTS_FILE, code, digests)
    return report


def with_text(cache: ExtractionCache, briefs: Sequence[Brief]) -> list[Brief]:
    """The briefs with their article's text, read from the cache for those read without it."""
    light = {brief.key for brief in briefs if brief.key and is_light(brief.extraction)}
    found = {key: outcome.extraction for key, outcome in cache.get_many(light).items() if outcome.extraction}
    if lost := light - found.keys():
        raise lost_entries(lost)
    return [replace(brief, extraction=found[brief.key]) if brief.key in found else brief for brief in briefs]


@dataclass(frozen=True)
class CachedFigures:
    """The figures of briefs (see `resolve.Figures`): those of light extractions, which leave them
    out, read from the cache; the others' their own."""

    cache: ExtractionCache
    # The sources of the figures of each extraction read from the cache, by key.
    cached: Mapping[str, tuple[str, ...]]

    def is_light(self, brief: Brief) -> bool:
        return brief.key in self.cached and is_light(brief.extraction)

    def sources(self, brief: Brief) -> Sequence[str]:
        if self.is_light(brief):
            return self.cached[brief.key]
        return [figure.source for figure in brief.extraction.figures if figure.source]

    def read(self, briefs: Sequence[Brief]) -> dict[str, tuple[Figure, ...]]:
        light = {brief.key for brief in briefs if self.is_light(brief)}
        found = self.cache.get_figures(light)
        if lost := light - found.keys():
            raise lost_entries(lost)
        return {b.slug: found[b.key] if b.key in light else b.extraction.figures for b in briefs}


class SeedsError(Exception):
    """The articles cannot be read at all: the build stops before it removes any page."""


class CacheError(Exception):
    """The extraction cache lost entries during a build (deleted or damaged meanwhile): building again
    extracts them anew."""


def lost_entries(lost: Set[str]) -> CacheError:
    return CacheError(f"{len(lost)} extraction(s) damaged or missing in {CACHE_FOLDER.as_posix()}/")


def report_facts(report: BuildReport) -> tuple[int, tuple[str, ...], tuple[Problem, ...]]:
    return report.built, report.skip_reasons, report.problems


# An article file as last seen: its size and modification time, and the cache key of its bytes.
FileKey = tuple[int, int, str]
FileStat = tuple[int, int]


@dataclass(frozen=True)
class Extracted:
    """What reading and extracting the articles gave, in the order of their files: the extractions,
    the problems, why each skipped file was skipped, the cache key of each extraction by article id,
    the key of each file by name (see `extract_outcomes`), and the keys of the extractions read
    from the cache (light ones when asked for: see `lighten`) with the sources of their figures."""

    extractions: list[Extraction]
    problems: list[Problem]
    skipped: list[str]
    keys: dict[str, str]
    file_keys: dict[str, FileKey]
    cached: dict[str, tuple[str, ...]] = field(default_factory=dict)


def extract_all(
    project: Project,
    paths: list[Path],
    *,
    jobs: int | None = None,
    cache: ExtractionCache | None = None,
    light: bool = False,
    known: Mapping[str, FileKey] | None = None,
    stats: Mapping[str, FileStat | None] | None = None,
) -> Extracted:
    """Every readable article extracted; an unreadable one is reported and skipped, the rest go on.

    Outcomes found in `cache` are reused (`light` ones, see `lighten`, when that is enough); the
    others are computed over `jobs` processes (default: one per core) and stored. `stats` are the
    files' sizes and times by name, when already known.
    """
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    skipped: list[str] = []
    keys: dict[str, str] = {}
    outcomes, file_keys, cached = extract_outcomes(
        project, paths, jobs=jobs, cache=cache, light=light, known=known, stats=stats
    )
    sources: dict[str, str] = {}
    for key, outcome in outcomes:
        problems += outcome.problems
        if outcome.extraction is None:
            skipped.append(outcome.skip_reason or "not an article")
            continue
        article = outcome.extraction.article
        if article.id in sources:
            problems.append(same_id_problem(article.source, sources[article.id]))
            skipped.append(SAME_ID)
            continue
        extractions.append(outcome.extraction)
        keys[article.id] = key
        sources[article.id] = article.source
    return Extracted(extractions, problems, skipped, keys, file_keys, cached)


SAME_ID = "same name as another"


def same_id_problem(source: str, first: str) -> Problem:
    """Two file names that read as one (bytes that are not UTF-8 both shown as U+FFFD): one page."""
    return Problem(
        source,
        1,
        f"its name reads as the name of {first}, whose brief it would replace; skipped",
        "rename it (its name has bytes that are not UTF-8: use UTF-8 file names)",
    )


def extract_outcomes(
    project: Project,
    paths: list[Path],
    *,
    jobs: int | None,
    cache: ExtractionCache | None,
    light: bool,
    known: Mapping[str, FileKey] | None = None,
    stats: Mapping[str, FileStat | None] | None = None,
) -> tuple[list[tuple[str, Outcome]], dict[str, FileKey], dict[str, tuple[str, ...]]]:
    """The cache key (empty for a file that could not be read) and the outcome of reading and
    extracting each file, in the order of `paths`; the key of each file read, by name; and the keys
    of the outcomes found in the cache, with the sources of their figures when light.

    A file whose size and modification time are those `known` from the last build is not read
    again when its outcome is in the cache (as `git status` trusts its index).
    """
    seen = {i: stats[path.name] if stats else file_stat(path) for i, path in enumerate(paths)}
    trusted = {
        i: entry[2]
        for i, path in enumerate(paths)
        if (entry := (known or {}).get(path.name)) and seen[i] == entry[:2]
    }
    found = cache.get_many(set(trusted.values()), light=light) if cache else {}
    keys = {i: key for i, key in trusted.items() if key in found}
    read = {i: read_task(project, path) for i, path in enumerate(paths) if i not in keys}
    keys.update({i: content_key(r[1], r[2]) for i, r in read.items() if not isinstance(r, Outcome)})
    if cache:
        found.update(cache.get_many({keys[i] for i in read if i in keys} - found.keys(), light=light))
    missing = [i for i in read if i in keys and keys[i] not in found]
    tasks = [r for i in missing if not isinstance(r := read[i], Outcome)]
    computed = dict(zip(missing, map_tasks(tasks, jobs, project.cache_dir if cache else None), strict=True))
    if cache:
        cache.put_many({keys[i]: o for i, o in computed.items() if o.skip_reason != EXTRACTION_FAILED})
    outcomes: list[tuple[str, Outcome]] = []
    for i in range(len(paths)):
        if i in keys:
            outcomes.append((keys[i], computed[i] if i in computed else found[keys[i]]))
        elif isinstance(unreadable := read[i], Outcome):
            outcomes.append(("", unreadable))
    # A file changed within the clock's resolution may change again unseen: not trusted next time.
    settled = time.time_ns() - RACY_NS
    file_keys = {
        path.name: (*stat, keys[i])
        for i, path in enumerate(paths)
        if i in keys and (stat := seen[i]) is not None and stat[1] < settled
    }
    return outcomes, file_keys, {key: outcome.figure_sources for key, outcome in found.items()}


def file_stat(path: Path) -> FileStat | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


# A file to extract: its id, its name in messages, and its bytes.
Task = tuple[str, str, bytes]
EXTRACTION_FAILED = "extraction failed"
UNREADABLE = "unreadable"
# Below this many articles to extract, starting processes costs more than it saves.
PARALLEL_MINIMUM = 16


def read_task(project: Project, path: Path) -> Task | Outcome:
    """The file's bytes to extract, or the outcome of a file that cannot even be read."""
    source = project.name_of(path)
    try:
        return printable_name(path.stem), source, read_file_bytes(path, source)
    except ArticleError as error:
        return Outcome(None, (error.problem,), error.reason)
    except OSError as error:
        problem = Problem(
            source, 1, f"cannot read file: {error.strerror}", "check that it is a readable file"
        )
        return Outcome(None, (problem,), UNREADABLE)


def map_tasks(tasks: list[Task], jobs: int | None, store: Path | None = None) -> list[Outcome]:
    """`extract_task` over every task, in order: in this process, or over `jobs` processes. The
    gazetteer's tables are kept in `store` (see `gazetteer.stored_in`)."""
    if not tasks:
        return []
    # Imported here: a rebuild that extracts nothing does not load the extractors (a twentieth of a second).
    from generator.extract import gazetteer

    jobs = jobs or available_cores()
    with gazetteer.stored_in(store) if store else contextlib.nullcontext():
        if jobs == 1 or len(tasks) < PARALLEL_MINIMUM:
            return list(map(extract_task, tasks))
        gazetteer.tables()  # loaded once here, not once in each process (which forking shares them with)
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
            return list(pool.map(extract_task, tasks, chunksize=max(1, len(tasks) // (jobs * 8))))


def extract_task(task: Task) -> Outcome:
    """Read and extract one file's bytes; a problem is an outcome, never an exception."""
    from generator.extract import extract_article  # see `map_tasks`

    article_id, source, data = task
    try:
        read_problems: list[Problem] = []
        article = parse_article(decode(data, source, read_problems), article_id, source)
    except ArticleError as error:
        return Outcome(None, (error.problem,), error.reason)
    try:
        extraction = extract_article(article)
    except Exception as error:
        # A bug, not a bad article: one article must not stop the build of all the others.
        log.debug("extraction of %s failed", source, exc_info=True)
        problem = Problem(
            source,
            1,
            f"extraction failed ({type(error).__name__}: {error})",
            "this is a bug in briefs: please report it with this file",
        )
        return Outcome(None, (problem,), EXTRACTION_FAILED)
    return Outcome(extraction, (*read_problems, *extraction.problems))
