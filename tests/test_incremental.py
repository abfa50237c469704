"""Incremental builds: a rebuild after any change writes exactly what a cold build into a fresh folder
writes; the cache and the record of the last build are safe to delete; `--check` never writes briefs/."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import frontmatter
import pytest
from click.testing import CliRunner

from benchmarks.corpus import write_corpus
from generator import render
from generator.build import Project, build
from generator.cli import main
from generator.incremental import extractions as extraction_cache
from generator.incremental import rebuild as rebuild_module
from generator.incremental.pages import signature_digest
from generator.incremental.record import STATE_FILE

ARTICLES = 12
REGISTRY = """\
- name: Ministry of Finance
  type: organization
  aliases: [Finance Ministry]
  description: Keeps the public accounts.
"""


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def stats_of(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_ino)
        for p in folder.rglob("*")
        if p.is_file()
    }


def settle(*paths: Path, age: float = 10.0) -> None:
    """Date files in the past, as articles written before the build started (not racily new)."""
    past = time.time() - age
    for path in paths:
        os.utime(path, (past, past))


@pytest.fixture
def corpus(project: Project) -> Project:
    settle(*write_corpus(project.seeds_dir, ARTICLES), age=20)
    return project


@pytest.fixture
def cold_build(tmp_path: Path, new_project):
    """`cold_build(project)`: the docs folder a first build of the same inputs makes in a fresh project."""

    def make(source: Project) -> dict[str, bytes]:
        fresh = Project.at(new_project(tmp_path / f"cold-{len(list(tmp_path.iterdir()))}"))
        for path in [*source.seeds_dir.glob("*.txt"), *source.seeds_dir.glob("*.meta.yml")]:
            shutil.copy2(path, fresh.seeds_dir / path.name)
        if source.registry_path.exists():
            shutil.copy2(source.registry_path, fresh.registry_path)
        build(fresh, jobs=1)
        return files_of(fresh.out_dir)

    return make


def test_rebuild_after_an_article_changed_is_a_cold_build(corpus: Project, cold_build) -> None:
    build(corpus)
    path = corpus.seeds_dir / "article-00005.txt"
    path.write_text(path.read_text("utf-8").replace("Weighs", "Rejects", 1), "utf-8")
    settle(path)
    report = build(corpus)
    assert "briefs/article-00005.md" in report.changes.changed
    assert files_of(corpus.out_dir) == cold_build(corpus)


@pytest.mark.parametrize("change", ["added", "edited", "removed"])
def test_rebuild_after_a_sidecar_changed_is_a_cold_build(corpus: Project, cold_build, change) -> None:
    sidecar = corpus.seeds_dir / "article-00004.meta.yml"
    if change != "added":
        sidecar.write_text("outlet: The Morning Example\n", "utf-8")
    build(corpus)
    if change == "removed":
        sidecar.unlink()
    else:
        sidecar.write_text("outlet: The Evening Example\nauthor: Ada Quill\n", "utf-8")
    report = build(corpus)
    assert "briefs/article-00004.md" in report.changes.changed
    assert ("The Evening Example" in (corpus.out_dir / "briefs/article-00004.md").read_text("utf-8")) == (
        change != "removed"
    )
    assert files_of(corpus.out_dir) == cold_build(corpus)


def test_rebuild_after_an_article_added_is_a_cold_build(corpus: Project, cold_build) -> None:
    build(corpus)
    added = corpus.seeds_dir / "late-news.txt"
    shutil.copyfile(corpus.seeds_dir / "article-00003.txt", added)
    settle(added)
    report = build(corpus)
    assert "briefs/late-news.md" in report.changes.added
    assert files_of(corpus.out_dir) == cold_build(corpus)


def test_rebuild_after_an_article_removed_is_a_cold_build(corpus: Project, cold_build) -> None:
    build(corpus)
    (corpus.seeds_dir / "article-00007.txt").unlink()
    report = build(corpus)
    assert "briefs/article-00007.md" in report.changes.removed
    assert files_of(corpus.out_dir) == cold_build(corpus)


def test_paginated_lists_after_an_old_article_added_and_one_removed_are_a_cold_build(
    corpus: Project, cold_build, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pages of three briefs (two quotes): the corpus's lists run over several older pages.
    monkeypatch.setattr(render, "BRIEFS_PER_PAGE", 3)
    monkeypatch.setattr(render, "QUOTES_PER_PAGE", 2)
    settle(*write_corpus(corpus.seeds_dir, 40), age=20)
    build(corpus)
    assert len(list((corpus.out_dir / "topics").glob("*/from-*.md"))) >= 4
    added = corpus.seeds_dir / "article-added.txt"
    shutil.copyfile(corpus.seeds_dir / "article-00001.txt", added)  # dated among the oldest
    settle(added)
    build(corpus)
    assert files_of(corpus.out_dir) == cold_build(corpus)
    (corpus.seeds_dir / "article-00020.txt").unlink()
    build(corpus)
    assert files_of(corpus.out_dir) == cold_build(corpus)


def test_rebuild_after_a_registry_change_is_a_cold_build(corpus: Project, cold_build) -> None:
    build(corpus)
    corpus.registry_path.write_text(REGISTRY, "utf-8")
    report = build(corpus)
    assert not report.changes.is_empty
    assert "Keeps the public accounts." in (corpus.out_dir / "actors/ministry-of-finance.md").read_text(
        "utf-8"
    )
    assert files_of(corpus.out_dir) == cold_build(corpus)


def test_rebuild_with_nothing_changed_touches_nothing_and_repeats_the_report(corpus: Project) -> None:
    broken = corpus.seeds_dir / "broken.txt"
    broken.write_text("", "utf-8")
    settle(broken)
    first = build(corpus)
    assert (corpus.cache_dir / STATE_FILE).exists()
    before = stats_of(corpus.out_dir)
    again = build(corpus)
    assert stats_of(corpus.out_dir) == before
    assert again.changes.is_empty
    assert again.changes.unchanged == first.changes.unchanged + len(first.changes.added)
    assert (again.built, again.problems, again.skip_reasons) == (
        first.built,
        first.problems,
        first.skip_reasons,
    )


def test_a_page_edited_by_hand_is_rewritten_by_the_next_build(corpus: Project) -> None:
    build(corpus)
    page = corpus.out_dir / "index.md"
    written = page.read_bytes()
    page.write_bytes(written + b"edited\n")
    report = build(corpus)
    assert report.changes.changed == ("index.md",)
    assert page.read_bytes() == written


def test_deleting_the_cache_changes_nothing(corpus: Project) -> None:
    build(corpus)
    before = stats_of(corpus.out_dir)
    shutil.rmtree(corpus.root / ".cache")
    report = build(corpus)
    assert report.changes.is_empty
    assert stats_of(corpus.out_dir) == before


def test_parallel_extraction_writes_what_one_process_writes(corpus: Project, cold_build) -> None:
    build(corpus, jobs=2)
    assert files_of(corpus.out_dir) == cold_build(corpus)


def test_a_change_to_the_extraction_code_is_a_cache_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    key = extraction_cache.content_key("seeds/a.txt", b"text")
    assert extraction_cache.content_key("seeds/b.txt", b"text") != key
    monkeypatch.setattr(extraction_cache, "code_fingerprint", lambda: "changed")
    assert extraction_cache.content_key("seeds/a.txt", b"text") != key


def test_check_writes_nothing_in_briefs_after_a_change(corpus: Project) -> None:
    build(corpus)
    path = corpus.seeds_dir / "article-00001.txt"
    path.write_text(path.read_text("utf-8") + "\nOne more paragraph.\n", "utf-8")
    before = stats_of(corpus.out_dir)
    result = CliRunner().invoke(main, ["build", "--root", str(corpus.root), "--check"])
    assert result.exit_code == 1
    assert "  would be changed: briefs/briefs/article-00001.md" in result.stderr.splitlines()
    assert stats_of(corpus.out_dir) == before


def test_cli_build_with_jobs(corpus: Project) -> None:
    result = CliRunner().invoke(main, ["build", "--root", str(corpus.root), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert f"built {ARTICLES} brief(s)" in result.stderr


def test_actor_pages_are_rendered_again_only_when_what_they_show_changed(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(corpus)
    rendered: list[str] = []
    original = render.render_page

    def spy(template, metadata, path, **context):  # type: ignore[no-untyped-def]
        if path.startswith("actors/") and path.count("/") == 1 and path != "actors/index.md":
            rendered.append(path.removeprefix("actors/").removesuffix(".md"))
        return original(template, metadata, path, **context)

    monkeypatch.setattr(render, "render_page", spy)
    path = corpus.seeds_dir / "article-00005.txt"
    path.write_text(path.read_text("utf-8").replace("Weighs", "Rejects", 1), "utf-8")
    settle(path)
    build(corpus)
    # The new title shows on the pages of the brief's actors (and co-appearance counts may change on
    # the pages of the actors they appear with); every other actor page is left as it was.
    brief = frontmatter.load(corpus.out_dir / "briefs" / "article-00005.md")
    every_actor = {path.stem for path in (corpus.out_dir / "actors").glob("*.md")} - {"index"}
    paged = {actor["slug"] for actor in brief["actors"] if actor["slug"]}  # None: no page of its own
    assert paged <= set(rendered) < every_actor


def test_a_page_digest_reads_what_a_signature_holds_not_how_its_objects_are_shared() -> None:
    # Records just computed share their strings with the briefs; records read back from a memo hold
    # copies. A digest that told them apart rendered again the pages of every brief ranked again.
    slug = "".join(["minister-", "of-finance"])
    shared = (slug, [(slug, "Minister of Finance")])
    copied = (slug, [("".join(["minister-of-", "finance"]), "Minister of Finance")])
    assert shared == copied and shared[1][0][0] is not copied[1][0][0]
    assert signature_digest(b"code", shared) == signature_digest(b"code", copied)
    assert signature_digest(b"code", shared) != signature_digest(b"other code", shared)


def test_a_rebuild_reads_the_text_of_only_the_briefs_whose_page_or_export_it_writes_again(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Half of the articles a month later: the change below is in that month's export only.
    for path in sorted(corpus.seeds_dir.glob("*.txt"))[ARTICLES // 2 :]:
        lines = path.read_text("utf-8").split("\n")
        path.write_text("\n".join([lines[0].replace("2024-01-", "2024-03-"), *lines[1:]]), "utf-8")
        settle(path)
    build(corpus)
    with_text_of: list[str] = []
    original = rebuild_module.with_text

    def spy(cache, briefs):  # type: ignore[no-untyped-def]
        with_text_of.extend(brief.slug for brief in briefs)
        return original(cache, briefs)

    monkeypatch.setattr(rebuild_module, "with_text", spy)
    path = corpus.seeds_dir / "article-00011.txt"
    path.write_text(path.read_text("utf-8").replace("Weighs", "Rejects", 1), "utf-8")
    settle(path)
    report = build(corpus)
    march = {b["id"] for b in json.loads((corpus.out_dir / "exports" / "2024-03.json").read_text("utf-8"))}
    pages = {path.removeprefix("briefs/").removesuffix(".md") for path in report.changes.changed}
    assert set(with_text_of) <= march | pages
    assert len(march) < ARTICLES


def test_extractions_lost_from_the_cache_during_a_build_are_extracted_again_once(
    corpus: Project, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    build(corpus)
    original = extraction_cache.ExtractionCache.get_many

    def lose_texts(self, keys, *, light=False):  # type: ignore[no-untyped-def]
        return original(self, keys, light=light) if light else {}

    monkeypatch.setattr(extraction_cache.ExtractionCache, "get_many", lose_texts)
    path = corpus.seeds_dir / "article-00005.txt"
    path.write_text(path.read_text("utf-8").replace("Weighs", "Rejects", 1), "utf-8")
    settle(path)
    report = build(corpus)
    # The changed brief was just extracted; its older and newer briefs, whose pages name its new
    # title, are the two whose text is read from the cache, and lost.
    assert [record.getMessage() for record in caplog.records] == [
        "briefs: 2 extraction(s) damaged or missing in .cache/briefs/; the cache is discarded and every "
        "article read again"
    ]
    assert report.built == ARTICLES
    assert build(corpus, check=True).changes.is_empty


def test_a_rebuild_reads_only_the_articles_whose_size_or_time_changed(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(corpus)
    read: list[str] = []
    original = rebuild_module.read_task

    def spy(project, path):  # type: ignore[no-untyped-def]
        read.append(path.name)
        return original(project, path)

    monkeypatch.setattr(rebuild_module, "read_task", spy)
    changed = corpus.seeds_dir / "article-00005.txt"
    changed.write_text(changed.read_text("utf-8").replace("Weighs", "Rejects", 1), "utf-8")
    settle(changed)
    fresh = corpus.seeds_dir / "article-00006.txt"
    fresh.write_text(fresh.read_text("utf-8").replace("Weighs", "Rejects", 1), "utf-8")  # just now
    build(corpus)
    assert read == ["article-00005.txt", "article-00006.txt"]
    # article-00006 changed too recently to trust its time: it is read once more.
    read.clear()
    (corpus.out_dir / "index.md").unlink()  # something to do
    build(corpus)
    assert read == ["article-00006.txt"]


def test_a_light_extraction_keeps_every_speaker_that_earns_an_actor_page() -> None:
    """A cold build gives every speaker of a quote a page, however sure the attribution: a rebuild that
    reads the extraction back light must see the same speakers (it once kept only certain ones)."""
    from datetime import UTC, datetime

    from generator.model import Article, Extraction, Quote, Span

    article = Article("a", "seeds/a.txt", (), datetime(2026, 3, 1, tzinfo=UTC), "Port Reopens", "", ())
    quotes = (
        Quote("We are open", "Ines Varga", "full", Span(0, 1, 12), confidence=0.99),
        Quote("Not yet", "Tomas Reyl", "full", Span(1, 1, 8), confidence=0.6),
        Quote("reopening", "Tomas Reyl", "term", Span(1, 10, 19), confidence=0.9),
        Quote("Maybe", None, "full", Span(2, 1, 6)),
    )
    light = extraction_cache.lighten(extraction_cache.Outcome(Extraction(article, (), (), quotes, ()), ()))
    assert light.extraction is not None
    assert [(q.speaker, q.kind) for q in light.extraction.quotes] == [
        ("Ines Varga", "full"),
        ("Tomas Reyl", "full"),
    ]


def test_a_light_extraction_is_its_own_type_and_names_the_sources_of_the_figures_it_leaves_out() -> None:
    """Its figures are left out, not none: a page that shows figures reads them from the cache."""
    from datetime import UTC, datetime

    from generator.model import Article, Extraction, Figure, LightExtraction, Paragraph, Span

    paragraph = Paragraph("Growth was 4.5 percent, Ines Varga said, and 3 ports reopened.", 3)
    article = Article("a", "seeds/a.txt", (), datetime(2026, 3, 1, tzinfo=UTC), "Ports", "", (paragraph,))
    figures = (
        Figure(4.5, "percent", "4.5 percent", "growth", None, None, "Ines Varga", Span(0, 11, 22)),
        Figure(3, "", "3 ports", "ports", None, None, None, Span(0, 45, 52)),
    )
    whole = Extraction(article, (), (), (), figures)
    light = extraction_cache.lighten(extraction_cache.Outcome(whole, ())).extraction
    assert isinstance(light, LightExtraction) and not isinstance(whole, LightExtraction)
    assert (light.figures, light.figure_sources, light.article.paragraphs) == ((), ("Ines Varga",), ())
