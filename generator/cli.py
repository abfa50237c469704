"""The `briefs` command: build the docs folder, or print what is extracted from articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from generator.build import BuildReport, CacheError, Project, SeedsError, build
from generator.check_site import check_site
from generator.corpus import extract_all
from generator.records import extraction_record
from generator.registry import RegistryError
from generator.resolve import resolve_site
from generator.site_config import ConfigError, read_site_url
from generator.subjects import SubjectsError
from generator.write import WriteError


@click.group()
def main() -> None:
    """Turn news articles into policy briefs for an MkDocs site."""


@main.command(name="build")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Project folder holding seeds/ and briefs/.",
)
@click.option("--strict", is_flag=True, help="Fail at the end if any article had a problem.")
@click.option("--check", is_flag=True, help="Change nothing; fail if briefs/ is not what the articles make.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that extract articles not in the cache (default: one per core; 1: no extra process).",
)
def build_command(root: Path, strict: bool, check: bool, jobs: int | None) -> None:
    """Regenerate briefs/ from seeds/.

    What is extracted from each article is kept in .cache/briefs/ (safe to delete), so a rebuild
    extracts only new and changed articles.
    """
    try:
        report = build(Project.at(root), check=check, jobs=jobs)
    except (WriteError, RegistryError, SubjectsError, ConfigError, CacheError, SeedsError) as error:
        raise click.ClickException(str(error)) from error
    for problem in report.problems:
        click.echo(str(problem), err=True)
    click.echo(summary(report, check=check), err=True)
    if check and not report.changes.is_empty:
        for label, paths in (
            ("added", report.changes.added),
            ("changed", report.changes.changed),
            ("removed", report.changes.removed),
        ):
            for path in paths:
                click.echo(f"  would be {label}: briefs/{path}", err=True)
        raise SystemExit(1)
    if strict and report.problems:
        click.echo(f"--strict: failing because of {len(report.problems)} problem(s) above", err=True)
        raise SystemExit(1)


def summary(report: BuildReport, *, check: bool) -> str:
    changes = report.changes
    verb = "would write" if check else "wrote"
    return (
        f"built {report.built} brief(s), skipped {report.skipped} article(s)"
        f"{f' ({report.why_skipped})' if report.skipped else ''}, "
        f"{len(report.problems)} problem(s); {verb} {len(changes.added)} new, "
        f"{len(changes.changed)} changed, removed {len(changes.removed)}, {changes.unchanged} unchanged"
    )


@main.command(name="extract")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article per line.")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def extract_command(as_json: bool, files: tuple[Path, ...]) -> None:
    """Print what is extracted from FILES (figures, quotes, actors)."""
    extracted = extract_all(Project.at(Path()), list(files))
    extractions, problems = extracted.extractions, extracted.problems
    for problem in problems:
        click.echo(str(problem), err=True)
    briefs = {brief.extraction.article.source: brief for brief in resolve_site(extractions).briefs}
    for extraction in extractions:
        brief = briefs[extraction.article.source]
        record = extraction_record(extraction, brief.actor_slugs)
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(describe(record))
    if problems and not extractions:
        raise SystemExit(1)


def describe(record: dict[str, Any]) -> str:
    """A short human-readable account of one article's record."""
    lines = [f"{record['id']}: {record['title']}"]
    for figure in record["figures"]:
        lines.append(
            f"  figure  {figure['text']!r}: {figure['measure'] or '?'} ({figure['change'] or 'no change'})"
        )
    for quote in record["quotes"]:
        lines.append(f"  quote   {quote['speaker'] or 'unattributed'}: {quote['text'][:70]!r}")
    for actor in record["actors"]:
        lines.append(
            f"  actor   {actor['name']} ({actor['type']}{', ' + actor['role'] if actor['role'] else ''})"
        )
    return "\n".join(lines)


@main.command(name="check-site")
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="MkDocs config whose site_url says where the site is served.",
)
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def check_site_command(config_file: Path, site_dir: Path) -> None:
    """Check a built site: links, anchors, brief metadata, actor pages, sitemap."""
    try:
        site_url = read_site_url(config_file)
    except ConfigError as error:
        raise click.ClickException(str(error)) from error
    problems = check_site(site_dir, site_url=site_url)
    prefix = site_dir.as_posix()
    for problem in problems:
        click.echo(f"{prefix}/{problem}", err=True)
    if problems:
        pages = len({problem.page for problem in problems})
        click.echo(f"{len(problems)} problem(s) in {pages} page(s) of {prefix}/", err=True)
        raise SystemExit(1)
    click.echo(f"{prefix}/: no problems (links, anchors, brief metadata, actor pages, sitemap)", err=True)


if __name__ == "__main__":
    main()
