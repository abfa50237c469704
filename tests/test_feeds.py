"""Feeds and the export of all briefs, published with the site."""

from __future__ import annotations

import json
from dataclasses import replace
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

from generator.build import Project, build
from generator.crosslinks import group_months
from generator.extract import extract_article
from generator.feeds import IndexLines, distinct_briefs, export_index, export_lines
from generator.model import Extraction
from generator.read import parse_article
from generator.resolve import Brief
from tests.conftest import article_text


def make_extraction(article_id: str, timestamp: str, version: str = "") -> Extraction:
    text = article_text(timestamp=timestamp)
    article = replace(parse_article(text, article_id, f"seeds/{article_id}.txt"), version=version)
    return extract_article(article)


def two_articles(project: Project) -> None:
    (project.seeds_dir / "older.txt").write_text(
        article_text(title="Older Budget <Talks> & More", timestamp="2026-01-10T08:00:00Z"), "utf-8"
    )
    (project.seeds_dir / "newer.txt").write_text(
        article_text(title="Newer Bridge Vote", timestamp="2026-01-12T08:00:00Z"), "utf-8"
    )


def test_rss_lists_the_newest_brief_first_with_absolute_links(project: Project) -> None:
    two_articles(project)
    build(project)
    channel = ElementTree.parse(project.out_dir / "feed.xml").getroot().find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Newer Bridge Vote", "Older Budget <Talks> & More"]
    assert items[0].findtext("link") == "https://example.github.io/policy-briefs/briefs/newer/"
    published = parsedate_to_datetime(items[1].findtext("pubDate") or "")
    assert published.isoformat() == "2026-01-10T08:00:00+00:00"


def test_rss_items_name_their_original_article_where_a_sidecar_gives_it(project: Project) -> None:
    two_articles(project)
    (project.seeds_dir / "newer.meta.yml").write_text(
        "outlet: The Daily Example\nauthor: Mira Holt\nurl: https://news.example.org/2026/bridge?a=1&b=2\n",
        "utf-8",
    )
    (project.seeds_dir / "older.meta.yml").write_text("author: Tove Lund\n", "utf-8")
    build(project)
    feeds = [project.out_dir / "feed.xml", *sorted((project.out_dir / "feeds" / "topics").glob("*.xml"))]
    for feed in [path for path in feeds if path.name != "sitemap.xml"]:
        channel = ElementTree.parse(feed).getroot().find("channel")
        assert channel is not None
        items = {i.findtext("title"): i for i in channel.findall("item")}
        newer, older = items["Newer Bridge Vote"], items["Older Budget <Talks> & More"]
        source = newer.find("source")
        assert source is not None and source.text == "The Daily Example", feed
        assert source.get("url") == "https://news.example.org/2026/bridge?a=1&b=2"
        assert (newer.findtext("description") or "").endswith(
            " (Original article: The Daily Example, by Mira Holt.)"
        )
        # An author without an address: said in the description; RSS's source needs an address.
        assert older.find("source") is None
        assert (older.findtext("description") or "").endswith(" (Original article: by Tove Lund.)")


def test_each_folder_of_feeds_holds_a_sitemap_that_lists_no_page(project: Project) -> None:
    """Material fetches the sitemap beside a page's alternate (feed) link; it finds one, empty."""
    two_articles(project)
    build(project)
    folders = sorted(p.name for p in (project.out_dir / "feeds").iterdir())
    assert folders == ["actors", "subjects", "topics"]
    for folder in folders:
        sitemap = ElementTree.parse(project.out_dir / "feeds" / folder / "sitemap.xml").getroot()
        assert sitemap.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
        assert list(sitemap) == []


def test_json_feed_is_valid_json_feed_1_1(project: Project) -> None:
    two_articles(project)
    build(project)
    feed = json.loads((project.out_dir / "feed.json").read_text("utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["url"] for item in feed["items"]] == [
        "https://example.github.io/policy-briefs/briefs/newer/",
        "https://example.github.io/policy-briefs/briefs/older/",
    ]


def test_export_lists_every_brief_and_holds_its_record_in_a_file_per_month(project: Project) -> None:
    two_articles(project)
    (project.seeds_dir / "march.txt").write_text(article_text(timestamp="2026-03-02T08:00:00Z"), "utf-8")
    build(project)
    index = json.loads((project.out_dir / "briefs.json").read_text("utf-8"))
    assert [(b["id"], b["export"]) for b in index] == [
        ("march", "exports/2026-03.json"),
        ("newer", "exports/2026-01.json"),
        ("older", "exports/2026-01.json"),
    ]
    assert index[1]["url"] == "https://example.github.io/policy-briefs/briefs/newer/"
    january = json.loads((project.out_dir / "exports" / "2026-01.json").read_text("utf-8"))
    assert [record["id"] for record in january] == ["newer", "older"]
    assert {"title", "published", "sections", "summary", "figures", "quotes", "actors", "sentences"} <= set(
        january[0]
    )
    assert january[0]["page"] == "briefs/newer/"


def test_a_change_rewrites_the_export_of_its_month_only(project: Project) -> None:
    two_articles(project)
    (project.seeds_dir / "march.txt").write_text(article_text(timestamp="2026-03-02T08:00:00Z"), "utf-8")
    build(project)
    (project.seeds_dir / "march.txt").write_text(
        article_text(title="March Vote Delayed", timestamp="2026-03-02T08:00:00Z"), "utf-8"
    )
    report = build(project)
    assert "exports/2026-03.json" in report.changes.changed
    assert "exports/2026-01.json" not in report.changes.changed


def test_without_a_site_url_only_the_export_is_written(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_url:", "# site_url:"), "utf-8")
    two_articles(project)
    build(project)
    assert (project.out_dir / "briefs.json").exists()
    assert not (project.out_dir / "feed.xml").exists()
    assert "url" not in json.loads((project.out_dir / "briefs.json").read_text("utf-8"))[0]


def test_the_export_index_reuses_only_lines_made_from_the_same_brief_month_and_address() -> None:
    briefs = [
        Brief("a", make_extraction("a", "2026-01-02T08:00:00Z", version="key-a"), {}),
        Brief("b", make_extraction("b", "2026-01-01T08:00:00Z"), {}),
    ]
    months = group_months(briefs)
    known: IndexLines = export_lines(briefs, months, "https://x.org/", {})
    fresh = export_index(briefs, months, "https://x.org/")
    assert set(known) == {"a", "b"}
    # Lines marked as made from the same inputs are taken as they are; others are made again.
    marked = {slug: (made, line.replace('"id"', '"reused"')) for slug, (made, line) in known.items()}
    again = export_index(briefs, months, "https://x.org/", dict(marked))
    assert again == fresh.replace('{"id": "a"', '{"reused": "a"')
    moved = export_index(briefs, months, "https://y.org/", dict(marked))
    assert moved == export_index(briefs, months, "https://y.org/")


def test_the_export_index_leaves_the_lines_it_is_given_as_they_were() -> None:
    briefs = [Brief("a", make_extraction("a", "2026-01-02T08:00:00Z", version="key-a"), {})]
    months = group_months(briefs)
    known = export_lines(briefs, months, "https://x.org/", {})
    given = dict(known)
    export_index(briefs, months, "https://y.org/", given)
    assert given == known


def test_a_feed_names_each_brief_once_where_an_actor_appears_twice_in_it() -> None:
    """An actor written two ways in one brief appears there twice; its feed's guids stay unique."""
    a = Brief("a", make_extraction("a", "2026-01-02T08:00:00Z"), {})
    b = Brief("b", make_extraction("b", "2026-01-01T08:00:00Z"), {})
    assert [brief.slug for brief in distinct_briefs([a, a, b, a])] == ["a", "b"]
