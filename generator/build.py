"""The pipeline: read every article, extract, resolve actors across them, link, render, write.

What makes a rebuild cheap lives in `incremental`: `build` asks its `Rebuild` what it may reuse and
hands the stages what it answers; the stages run the same whether the build is cold or warm.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from generator.citation import Publication
from generator.corpus import UNREADABLE, Inputs, SeedsError, read_origins, scan_seeds, scan_sidecars
from generator.crosslinks import LinkState, link_site
from generator.digests import known_digests, read_briefs
from generator.feeds import export_lines, render_feeds
from generator.incremental.rebuild import CacheError, Rebuild, Reported
from generator.incremental.record import DIGESTS_FILE, INDEX_FILE, LINKS_FILE
from generator.model import Problem
from generator.project import Project, resolved_folder
from generator.registry import load_registry
from generator.render import render_site
from generator.resolve import resolve_site
from generator.site_config import read_site_settings
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

__all__ = ["BuildReport", "CacheError", "Project", "SeedsError", "build"]


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
    resolved_folder.cache_clear()  # a folder moved or relinked since the last build of this process
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
    inputs = Inputs([project.seeds_dir / name for name in stats], stats, frozenset(p.name for p in sidecars))
    # Read whole, as the registry is: a sidecar edited within the clock's resolution is still seen.
    config_files = (project.registry_path, project.subjects_path, project.mkdocs_path, *sidecars)
    rebuild = Rebuild(project, inputs, config_files)
    if last := rebuild.unchanged():  # the docs folder is what a build would make: nothing to do
        changes = Changes((), (), (), len(last.outputs) - (MANIFEST in last.outputs))
        return BuildReport(last.built, len(last.skip_reasons), last.problems, changes, last.skip_reasons)
    with rebuild.opened():
        try:
            return build_from(project, inputs, rebuild, check=check, jobs=jobs)
        except CacheError as error:
            # The cache is disposable: what it lost is extracted again, from the articles themselves.
            log.warning("briefs: %s; the cache is discarded and every article read again", error)
            rebuild.forget()
            return build_from(project, inputs, rebuild, check=check, jobs=jobs)


def build_from(
    project: Project, inputs: Inputs, rebuild: Rebuild, *, check: bool, jobs: int | None
) -> BuildReport:
    """`build`, once it is known that there is something to do."""
    # 0. The curated registry is configuration: a problem there stops the build before any work.
    registry = load_registry(project.registry_path, project.name_of(project.registry_path))
    lexicon = load_lexicon(project.subjects_path, project.name_of(project.subjects_path))
    # 1. Read and extract every article before writing anything.
    extracted = rebuild.extract(inputs, jobs)
    extractions, problems, skipped = extracted.extractions, extracted.problems, extracted.skipped
    if not extractions and skipped and set(skipped) == {UNREADABLE}:
        raise SeedsError(
            f"{project.name_of(project.seeds_dir)}/: none of the {len(skipped)} article(s) can be read "
            f"(first: {problems[0]}); nothing was changed"
        )
    # 2. Resolve actors across all briefs.
    site = resolve_site(extractions, registry, rebuild.figures)
    # 3. Cross-link the corpus: co-appearances, related briefs, topics, months.
    links = link_site(site, rebuild.recall(LINKS_FILE, LinkState), jobs)
    # 4. Render every page, the feeds and the export in memory, but those `reuse` finds unchanged.
    reuse = rebuild.page_reuse()
    settings = read_site_settings(project.mkdocs_path)
    origins, origin_problems = read_origins(project, inputs)
    problems += origin_problems
    publication = Publication(settings.name, settings.url, origins)
    digests = rebuild.recall(DIGESTS_FILE, dict) or {}
    reading = read_briefs(site.briefs, lexicon, digests, rebuild.with_text, has_feeds=bool(settings.url))
    pages = render_site(site, links, reuse, rebuild.with_text, jobs, publication, reading)
    lines = export_lines(site.briefs, links.months, settings.url, rebuild.recall(INDEX_FILE, dict) or {})
    pages |= render_feeds(
        site,
        links.months,
        settings.url,
        settings.name,
        reuse,
        rebuild.with_text,
        index_lines=lines,
        origins=origins,
        reading=reading,
        topics=links.topics,
    )
    # 5. Write only what changed (or, for a check, nothing at all).
    changes = plan_changes(project.out_dir, pages, reuse.kept)
    report = BuildReport(len(extractions), len(skipped), tuple(problems), changes, tuple(skipped))
    if not check:
        rebuild.keep(LINKS_FILE, links.state)
        rebuild.keep(INDEX_FILE, lines)
        rebuild.keep(DIGESTS_FILE, known_digests(site.briefs, reading, lexicon))
        with rebuild.recording(Reported(report.built, report.skip_reasons, report.problems), pages, reuse):
            apply_changes(project.out_dir, pages, changes, reuse.kept)
    return report
