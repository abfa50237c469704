"""The pipeline: read every article, extract, resolve actors across them, render, write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.crosslinks import link_site
from generator.extract import extract_article
from generator.model import Extraction, Problem
from generator.read import ArticleError, read_article
from generator.registry import load_registry
from generator.render import render_site
from generator.resolve import resolve_site
from generator.write import Changes, apply_changes, plan_changes


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
        """A path as messages show it: relative to the project when inside it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass(frozen=True)
class BuildReport:
    """What a build did: briefs built, articles skipped, warnings, and the changes to the docs folder."""

    built: int
    skipped: int
    problems: tuple[Problem, ...]
    changes: Changes


def build(project: Project, *, check: bool = False) -> BuildReport:
    """Regenerate the docs folder from the articles; with `check`, only report what would change.

    Raises RegistryError when actors.yml has problems, WriteError when a page cannot be written safely.
    """
    # 0. The curated registry is configuration: a problem there stops the build before any work.
    registry = load_registry(project.registry_path, project.name_of(project.registry_path))
    # 1. Read and extract every article before writing anything.
    extractions, problems, skipped = extract_all(project, sorted(project.seeds_dir.glob("*.txt")))
    # 2. Resolve actors across all briefs.
    site = resolve_site(extractions, registry)
    # 3. Cross-link the corpus: co-appearances, related briefs, topics, months.
    links = link_site(site)
    # 4. Render every page in memory.
    pages = render_site(site, links)
    # 5. Write only what changed (or, for a check, nothing at all).
    changes = plan_changes(project.out_dir, pages)
    if not check:
        apply_changes(project.out_dir, pages, changes)
    return BuildReport(len(extractions), skipped, tuple(problems), changes)


def extract_all(project: Project, paths: list[Path]) -> tuple[list[Extraction], list[Problem], int]:
    """Every readable article extracted; an unreadable one is reported and skipped, the rest go on."""
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    skipped = 0
    for path in paths:
        source = project.name_of(path)
        try:
            article, read_problems = read_article(path, source)
        except ArticleError as error:
            problems.append(error.problem)
            skipped += 1
            continue
        except OSError as error:
            problems.append(
                Problem(source, 1, f"cannot read file: {error.strerror}", "check its permissions")
            )
            skipped += 1
            continue
        extraction = extract_article(article)
        problems += read_problems
        problems += extraction.problems
        extractions.append(extraction)
    return extractions, problems, skipped
