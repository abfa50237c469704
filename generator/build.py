"""The pipeline: read every article, extract, resolve actors across them, render, write."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.crosslinks import link_site
from generator.extract import extract_article
from generator.feeds import render_feeds
from generator.model import Extraction, Problem
from generator.read import ArticleError, printable_name, read_article
from generator.registry import load_registry
from generator.render import render_site
from generator.resolve import resolve_site
from generator.site_config import read_site_settings
from generator.write import Changes, apply_changes, lock_docs_folder, plan_changes

log = logging.getLogger(__name__)


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
    def registry_path(self) -> Path:
        return self.root / "actors.yml"

    def name_of(self, path: Path) -> str:
        """A path as messages show it: relative to the project when inside it, always printable."""
        try:
            return printable_name(path.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            return printable_name(path.as_posix())


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


def build(project: Project, *, check: bool = False) -> BuildReport:
    """Regenerate the docs folder from the articles; with `check`, only report what would change.

    Raises RegistryError when actors.yml has problems, ConfigError when mkdocs.yml cannot be
    read, WriteError when a page cannot be written safely.
    """
    # Fail at once rather than interleave writes with another build of the same docs folder.
    with lock_docs_folder(project.out_dir, shared=check):
        return build_locked(project, check=check)


def build_locked(project: Project, *, check: bool) -> BuildReport:
    """`build`, once the docs folder is held."""
    # 0. The curated registry is configuration: a problem there stops the build before any work.
    registry = load_registry(project.registry_path, project.name_of(project.registry_path))
    # 1. Read and extract every article before writing anything.
    extractions, problems, skipped = extract_all(project, sorted(project.seeds_dir.glob("*.txt")))
    # 2. Resolve actors across all briefs.
    site = resolve_site(extractions, registry)
    # 3. Cross-link the corpus: co-appearances, related briefs, topics, months.
    links = link_site(site)
    # 4. Render every page, the feeds and the export in memory.
    pages = render_site(site, links)
    settings = read_site_settings(project.root / "mkdocs.yml")
    pages.update(render_feeds(site, settings.url, settings.name))
    # 5. Write only what changed (or, for a check, nothing at all).
    changes = plan_changes(project.out_dir, pages)
    if not check:
        apply_changes(project.out_dir, pages, changes)
    return BuildReport(len(extractions), len(skipped), tuple(problems), changes, tuple(skipped))


def extract_all(project: Project, paths: list[Path]) -> tuple[list[Extraction], list[Problem], list[str]]:
    """Every readable article extracted; an unreadable one is reported and skipped, the rest go on.

    Returns the extractions, the problems, and the reason each skipped article was skipped.
    """
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    skipped: list[str] = []
    for path in paths:
        source = project.name_of(path)
        try:
            article, read_problems = read_article(path, source)
        except ArticleError as error:
            problems.append(error.problem)
            skipped.append(error.reason)
            continue
        except OSError as error:
            problems.append(
                Problem(source, 1, f"cannot read file: {error.strerror}", "check that it is a readable file")
            )
            skipped.append("unreadable")
            continue
        try:
            extraction = extract_article(article)
        except Exception as error:
            # A bug, not a bad article: one article must not stop the build of all the others.
            log.debug("extraction of %s failed", source, exc_info=True)
            problems.append(
                Problem(
                    source,
                    1,
                    f"extraction failed ({type(error).__name__}: {error})",
                    "this is a bug in briefs: please report it with this file",
                )
            )
            skipped.append("extraction failed")
            continue
        problems += read_problems
        problems += extraction.problems
        extractions.append(extraction)
    return extractions, problems, skipped
