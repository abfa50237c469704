"""Read and extract the corpus: find the articles, read each file, extract it (over processes when
there are many), and gather the extractions with every file's problems.

This stage does not know about the cache: `incremental.rebuild` decides which files it reads.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from generator.model import Extraction, Problem
from generator.parallel import available_cores
from generator.project import Project
from generator.provenance import SIDECAR_SUFFIX, Origin, read_origin, sidecar_path
from generator.read import ArticleError, decode, parse_article, printable_name, read_file_bytes

log = logging.getLogger(__name__)

# An article file's size and modification time.
FileStat = tuple[int, int]
# A file to extract: its id, its name in messages, and its bytes.
Task = tuple[str, str, bytes]
EXTRACTION_FAILED = "extraction failed"
UNREADABLE = "unreadable"
SAME_ID = "same name as another"
# Below this many articles to extract, starting processes costs more than it saves.
PARALLEL_MINIMUM = 16


class SeedsError(Exception):
    """The articles cannot be read at all: the build stops before it removes any page."""


@dataclass(frozen=True)
class Outcome:
    """What reading and extracting one file gave: an extraction, or the reason the file was skipped."""

    extraction: Extraction | None
    problems: tuple[Problem, ...]
    skip_reason: str | None = None


@dataclass(frozen=True)
class Inputs:
    """The articles as the build found them (see `scan_seeds`) and the names of their sidecars."""

    seeds: list[Path]
    stats: dict[str, FileStat | None]
    sidecars: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Extracted:
    """What reading and extracting the articles gave, in the order of their files: the extractions,
    the problems, and why each skipped file was skipped."""

    extractions: list[Extraction]
    problems: list[Problem]
    skipped: list[str]


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


def extract_all(project: Project, paths: list[Path], *, jobs: int | None = None) -> Extracted:
    """Every readable article extracted, over `jobs` processes (default: one per core); an
    unreadable one is reported and skipped, the rest go on."""
    read = [read_task(project, path) for path in paths]
    tasks = [task for task in read if not isinstance(task, Outcome)]
    computed = iter(map_tasks(tasks, jobs))
    return gather(o if isinstance(o, Outcome) else next(computed) for o in read)


def gather(outcomes: Iterable[Outcome]) -> Extracted:
    """The extractions and problems of `outcomes`, in the order of their files. Of two articles whose
    names read the same, the first is kept."""
    extracted = Extracted([], [], [])
    sources: dict[str, str] = {}
    for outcome in outcomes:
        extracted.problems.extend(outcome.problems)
        if outcome.extraction is None:
            extracted.skipped.append(outcome.skip_reason or "not an article")
            continue
        article = outcome.extraction.article
        if article.id in sources:
            extracted.problems.append(same_id_problem(article.source, sources[article.id]))
            extracted.skipped.append(SAME_ID)
            continue
        extracted.extractions.append(outcome.extraction)
        sources[article.id] = article.source
    return extracted


def same_id_problem(source: str, first: str) -> Problem:
    """Two file names that read as one (bytes that are not UTF-8 both shown as U+FFFD): one page."""
    return Problem(
        source,
        1,
        f"its name reads as the name of {first}, whose brief it would replace; skipped",
        "rename it (its name has bytes that are not UTF-8: use UTF-8 file names)",
    )


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


def file_version(source: str, data: bytes) -> str:
    """An article's version (see `Article.version`): a hash of its name in messages and its bytes."""
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(data)
    return digest.hexdigest()


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
        article = replace(article, version=file_version(source, data))
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
