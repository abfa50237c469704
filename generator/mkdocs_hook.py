"""MkDocs hook: regenerate briefs/ from seeds/ before each build, and have `mkdocs serve` watch seeds/.

For `mkdocs serve` it builds again only the pages an edit changed, and leaves the site as a clean
build would (generator/mkdocs_serve.py). For `mkdocs build` it lends MkDocs the second core: a
forked process reads and converts the pages MkDocs reaches last (generator/mkdocs_prerender.py).

With `extra: {briefs_search: pagefind}` in mkdocs.yml it also indexes the built site with Pagefind
(generator/search_index.py) after the build, and keeps every page out of Material's search index,
which no page then loads; the default, `material`, leaves search to Material.

The only bridge between MkDocs and the generator; the generator itself knows nothing of MkDocs.
Enabled in mkdocs.yml with `hooks: [generator/mkdocs_hook.py]`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, ClassVar

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generator import mkdocs_prerender
from generator.build import CacheError, Project, SeedsError, build
from generator.mkdocs_serve import Session
from generator.registry import RegistryError
from generator.search_index import PAGES_PER_INDEX, SearchIndexer, SearchIndexError, pagefind_executable
from generator.site_config import ConfigError
from generator.subjects import SubjectsError
from generator.write import WriteError

log = logging.getLogger("mkdocs.plugins.briefs")

SEARCH_ENGINES = ("material", "pagefind")
"""Values of `extra.briefs_search`; the first is the default."""


class Running:
    """What this hook keeps between the events of one MkDocs command."""

    serving: ClassVar[bool] = False
    dirty: ClassVar[bool] = False
    prerender: ClassVar[mkdocs_prerender.Prerender | None] = None
    indexer: ClassVar[SearchIndexer | None] = None
    # `mkdocs serve` (without --dirty): what its builds keep for the next one.
    session: ClassVar[Session | None] = None

    @classmethod
    def is_dirty(cls) -> bool:
        """Whether this build writes only the pages whose source changed."""
        return cls.dirty or (cls.session is not None and cls.session.is_dirty)


def project_of(config: Any) -> Project:
    root = Path(config.config_file_path).resolve().parent
    return Project(root, root / "seeds", Path(config.docs_dir).resolve())


def search_engine(config: Any) -> str:
    """`extra.briefs_search` from mkdocs.yml: `material` (the default) or `pagefind`."""
    engine = (config.extra or {}).get("briefs_search", SEARCH_ENGINES[0])
    if engine not in SEARCH_ENGINES:
        raise PluginError(
            f"briefs: extra.briefs_search in mkdocs.yml is {engine!r}; "
            f"use one of: {', '.join(SEARCH_ENGINES)}"
        )
    return str(engine)


def on_startup(command: str, dirty: bool) -> None:
    """Note `mkdocs serve` (its live server runs threads, which a forked process would not carry) and
    `--dirty` (MkDocs then writes only the pages that changed: Pagefind indexes the whole site)."""
    Running.serving = command == "serve"
    Running.dirty = dirty
    Running.session = Session() if Running.serving and not dirty else None


def pages_per_index(config: Any) -> int:
    """`extra.briefs_search_pages_per_index`: the most pages one Pagefind run indexes (its memory)."""
    value = (config.extra or {}).get("briefs_search_pages_per_index", PAGES_PER_INDEX)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise PluginError(
            f"briefs: extra.briefs_search_pages_per_index in mkdocs.yml is {value!r}; "
            f"use a whole number of pages, at least 1 (the default is {PAGES_PER_INDEX})"
        )
    return value


def on_config(config: Any) -> Any:
    """Check the search settings before anything is built: a missing Pagefind fails at once."""
    if search_engine(config) == "pagefind":
        pages_per_index(config)
        search = config.plugins.get("material/search")
        if search is None or not getattr(search.config, "enabled", True):
            raise PluginError(
                "briefs: extra.briefs_search is pagefind, but the search plugin is off; Material puts the "
                "search box (here Pagefind's) in the header only while it is on: keep `- search` in plugins"
            )
        try:
            pagefind_executable()
        except SearchIndexError as error:
            raise PluginError(f"briefs: extra.briefs_search is pagefind, but {error}") from error
    return config


def on_pre_build(config: Any) -> None:
    """Bring briefs/ up to date. A stray quote mark in someone else's article is not a defect of the
    site: article problems are logged as information and listed in `briefs-problems.txt`, never as
    warnings, which `mkdocs build --strict` keeps for the site's own links, anchors and settings
    (`briefs build --strict` fails on article problems)."""
    project = project_of(config)
    try:
        report = build(project)
    except (RegistryError, SubjectsError, WriteError, ConfigError, CacheError, SeedsError) as error:
        raise PluginError(f"briefs: {error}") from error
    if Running.session is not None:
        Running.session.docs_generated(project.out_dir)
    for problem in report.problems:
        log.info("%s", problem)
    if report.problems:
        log.info(
            "briefs: %d problem(s) with articles, listed in %s; the other articles are built",
            len(report.problems),
            project.name_of(project.problems_path),
        )
    changes = report.changes
    if not changes.is_empty:
        log.info(
            "briefs: %d new, %d changed, %d removed page(s)",
            len(changes.added),
            len(changes.changed),
            len(changes.removed),
        )


@event_priority(-100)  # After the other plugins' changes to the files and the navigation.
def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """Start converting pages in a second process, for a build."""
    if not (Running.serving or Running.is_dirty()):  # dirty: MkDocs reads only the changed pages
        Running.prerender = mkdocs_prerender.start(config, files, files.documentation_pages(), nav.pages)
    return nav


@event_priority(100)  # Before the other plugins: every page is read and converted.
def on_env(env: Any, config: Any, files: Any) -> Any:
    """Stop the second process; in `mkdocs serve`, bring the site directory and the search index up
    to the pages of this build and compile each template once per server; with Pagefind, get ready
    to index pages as they are written (all of them, in a clean build)."""
    stop_prerender()
    if Running.session is not None:
        Running.session.pages_ready(config, files)
        env.bytecode_cache = Running.session.templates
    if search_engine(config) == "pagefind" and not Running.is_dirty():
        try:
            Running.indexer = SearchIndexer(Path(config.site_dir), pages_per_index(config))
        except SearchIndexError as error:
            raise PluginError(f"briefs: {error}") from error
    return env


def on_build_error(error: Exception) -> None:
    stop_prerender()
    if Running.indexer is not None:
        Running.indexer.stop()
        Running.indexer = None


def stop_prerender() -> None:
    if Running.prerender is not None:
        Running.prerender.stop()
        Running.prerender = None


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """With Pagefind, leave the page out of Material's search index (Material's own per-page switch).

    The search plugin stays on because Material puts the header's search box (here Pagefind's) only
    where it is; excluded pages keep it from parsing every page into an index (69 MB at 10,000
    briefs) that nothing loads.
    """
    if search_engine(config) == "pagefind":
        search = page.meta.get("search")
        page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
    return markdown


@event_priority(-100)  # After Material's search has indexed the page.
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """In `mkdocs serve`, keep the page's search entries for the builds that skip it."""
    if Running.session is not None:
        Running.session.page_indexed(page, config)
    return context


@event_priority(-100)  # After the other plugins' handlers of the page's HTML.
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Let go of the page's Markdown once it is HTML: MkDocs keeps every page until the end of the
    build, and nothing reads the Markdown again (at 10,000 briefs it held 0.2 GB).

    An empty string, not None: MkDocs takes a page whose Markdown is None for one not yet read.
    """
    page.markdown = ""
    return html


@event_priority(-100)  # After the other plugins' handlers of the written page.
def on_post_page(output: str, page: Any, config: Any) -> str:
    """Let go of the page's HTML body once the page is rendered, for the same reason (0.2 GB); note
    the pages for Pagefind."""
    page.content = ""
    if indexer := Running.indexer:
        try:
            indexer.written()  # the pages before this one
        except SearchIndexError as error:
            raise PluginError(f"briefs: {error}") from error
        if "data-pagefind-body" in output:
            indexer.add(page.file.dest_uri)
    return output


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild (and so regenerate) when an article in seeds/ is added, changed or removed: only the
    pages that changed (see `mkdocs_serve`)."""
    seeds_dir = project_of(config).seeds_dir
    server.watch(str(seeds_dir))
    if Running.session is not None:
        Running.session.attach(server, config, seeds_dir, builder)
    return server


@event_priority(-100)  # After the other plugins: the HTML is final and Material's search index written.
def on_post_build(config: Any) -> None:
    """With Pagefind, index the built site and drop Material's search index, which no page loads."""
    if search_engine(config) != "pagefind":
        return
    site_dir = Path(config.site_dir)
    indexer, Running.indexer = Running.indexer, None
    try:
        index = (indexer or SearchIndexer(site_dir, pages_per_index(config))).finish()
    except SearchIndexError as error:
        raise PluginError(f"briefs: {error}") from error
    material_index = site_dir / "search" / "search_index.json"
    material_index.unlink(missing_ok=True)
    if material_index.parent.is_dir() and not any(material_index.parent.iterdir()):
        material_index.parent.rmdir()
    log.info(
        "briefs: Pagefind indexed %d page(s) into %s in %.1f s (beside MkDocs; largest run %s)",
        index.pages,
        ", ".join(bundle.as_posix() for bundle in index.bundles),
        index.seconds,
        "of unknown memory" if index.peak_mb is None else f"{index.peak_mb} MB",
    )
