"""Machine-readable outputs published with the site: RSS, JSON Feed, and the export of all briefs
(an index, briefs.json, and a file of full records per month)."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from generator.crosslinks import Month, Topic
from generator.digests import Reading
from generator.provenance import Origin
from generator.records import extraction_record
from generator.render import Reuse, brief_item_signature, feed_path, never_reuse
from generator.resolve import Brief, Site

FEED_ITEMS = 50
LIST_FEED_ITEMS = 20
LANGUAGE = "en"
EXPORT_PATH = "briefs.json"
EXPORTS_FOLDER = "exports"
RSS_PATH = "feed.xml"
JSON_FEED_PATH = "feed.json"
# Material for MkDocs takes every <link rel="alternate"> of a page for a translation of the site and
# fetches the sitemap.xml of its folder: a folder of feeds holds one that lists no page, as no page
# has a translation there (and the feeds stay discoverable: readers want rel exactly "alternate").
FOLDER_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def render_feeds(
    site: Site,
    months: Sequence[Month],
    site_url: str | None,
    title: str,
    reuse: Reuse = never_reuse,
    with_text: Callable[[Sequence[Brief]], Sequence[Brief]] = list,
    index_lines: IndexLines | None = None,
    origins: Mapping[str, Origin] | None = None,
    reading: Reading | None = None,
    topics: Sequence[Topic] = (),
) -> dict[str, str]:
    """The export (briefs.json and a file per month), always; the feeds only with a `site_url`, since
    feed readers need absolute links. A month's file that `reuse` finds already written is left out;
    the others need their briefs' text (`with_text`). `index_lines` are the lines of briefs.json (see
    `export_lines`), when already made."""
    lines = index_lines if index_lines is not None else export_lines(site.briefs, months, site_url, {})
    outputs = {EXPORT_PATH: index_text(lines)}
    for month in months:
        path = export_path(month)
        shown = [(b.key or b.extraction.article, b.slug, sorted(b.actor_slugs.items())) for b in month.briefs]
        if not reuse((path,), ("export", site_url, shown)):
            outputs[path] = json_lines(export_record(brief, site_url) for brief in with_text(month.briefs))
    if site_url:
        base = site_url.rstrip("/") + "/"
        latest = site.briefs[:FEED_ITEMS]
        origins = origins or {}
        outputs[RSS_PATH] = rss(latest, Channel(base, RSS_PATH, title), origins)
        outputs[JSON_FEED_PATH] = json_feed(latest, base, title, origins)
        outputs.update(
            list_feeds(site, topics, reading or Reading({}), Channel(base, "", title), reuse, origins)
        )
    return outputs


def list_feeds(
    site: Site,
    topics: Sequence[Topic],
    reading: Reading,
    channel: Channel,
    reuse: Reuse,
    origins: Mapping[str, Origin],
) -> dict[str, str]:
    """An RSS feed per actor, subject and topic, of its latest briefs: follow one minister, one
    subject; and the empty sitemap of each folder of feeds. A feed that `reuse` finds already
    written is left out."""
    lists = [
        *(
            (f"actors/{p.slug}", p.name, distinct_briefs(a.brief for a in p.appearances)[:LIST_FEED_ITEMS])
            for p in site.actors
        ),
        *(
            (f"subjects/{g.subject.slug}", g.subject.name, g.briefs[:LIST_FEED_ITEMS])
            for g in reading.subjects
        ),
        *((f"topics/{t.slug}", t.name, t.briefs[:LIST_FEED_ITEMS]) for t in topics),
    ]
    feeds = {f"{posixpath.dirname(feed_path(name))}/sitemap.xml": FOLDER_SITEMAP for name, _, _ in lists}
    for name, heading, briefs in lists:
        path = feed_path(name)
        shown = [
            (brief_item_signature(b), reading.digests.get(b.slug), origins.get(b.extraction.article.id))
            for b in briefs
        ]
        if not reuse((path,), ("feed", channel.base, channel.title, heading, shown)):
            page = f"{name}/"
            feeds[path] = rss(
                briefs, Channel(channel.base, path, f"{heading} · {channel.title}", page), origins, reading
            )
    return feeds


def distinct_briefs(briefs: Iterable[Brief]) -> list[Brief]:
    """Each brief once, in order: an actor written two ways in one brief appears there twice, and
    a feed names an item once (validators reject a repeated guid)."""
    return list({brief.slug: brief for brief in briefs}.values())


@dataclass(frozen=True)
class Channel:
    """An RSS channel: the site's address, the feed's path in the site, its title, and the page it
    follows (relative to the site; '': the home page)."""

    base: str
    path: str
    title: str
    page: str = ""


def brief_url(brief: Brief, base: str) -> str:
    return f"{base}briefs/{brief.slug}/"


def export_path(month: Month) -> str:
    return f"{EXPORTS_FOLDER}/{month.slug}.json"


# A line of briefs.json by brief slug, with what it was made from: the brief's key (which names its
# article as extracted), the monthly file and the site's address.
IndexLine = tuple[tuple[str, str, str | None], str]
IndexLines = dict[str, IndexLine]


def export_index(
    briefs: Sequence[Brief], months: Sequence[Month], site_url: str | None, known: IndexLines | None = None
) -> str:
    """briefs.json: every brief, newest first, with its page and the monthly file holding its record
    (see `export_lines` for `known`)."""
    return index_text(export_lines(briefs, months, site_url, known or {}))


def export_lines(
    briefs: Sequence[Brief], months: Sequence[Month], site_url: str | None, known: Mapping[str, IndexLine]
) -> IndexLines:
    """The lines of briefs.json, by brief slug. A line of `known` made from the same brief key, month
    and site address is reused (ten thousand records made and encoded again took a tenth of a second
    on every rebuild)."""
    month_of = {brief.slug: export_path(month) for month in months for brief in month.briefs}
    lines: IndexLines = {}
    for brief in briefs:
        made_from = (brief.key, month_of[brief.slug], site_url)
        found = known.get(brief.slug)
        if brief.key and found and found[0] == made_from:
            lines[brief.slug] = found
        else:
            lines[brief.slug] = (
                made_from,
                json.dumps(index_record(brief, made_from[1], site_url), ensure_ascii=False),
            )
    return lines


def index_text(lines: IndexLines) -> str:
    return "[\n" + ",\n".join(line for _, line in lines.values()) + "\n]\n"


def index_record(brief: Brief, export: str, site_url: str | None) -> dict[str, Any]:
    return {
        "id": brief.extraction.article.id,
        "title": brief.title,
        "published": brief.extraction.article.published.isoformat(),
        "sections": list(brief.extraction.article.sections),
        **page_fields(brief, site_url),
        "export": export,
    }


def export_record(brief: Brief, site_url: str | None) -> dict[str, Any]:
    """A brief's record in its month's file: the fields of `briefs extract --json`, and its page."""
    return {**extraction_record(brief.extraction, brief.actor_slugs), **page_fields(brief, site_url)}


def page_fields(brief: Brief, site_url: str | None) -> dict[str, str]:
    fields = {"page": f"briefs/{brief.slug}/"}
    if site_url:
        fields["url"] = brief_url(brief, site_url.rstrip("/") + "/")
    return fields


def json_lines(records: Iterable[dict[str, Any]]) -> str:
    """A JSON array with one record per line: json's C encoder writes it (it cannot indent), and a
    diff shows which records changed."""
    return "[\n" + ",\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n]\n"


def rss(
    briefs: Sequence[Brief], channel: Channel, origins: Mapping[str, Origin], reading: Reading | None = None
) -> str:
    """An RSS 2.0 feed of the latest briefs, naming its own address (atom:link) as validators ask;
    an item's description is its summary line when `reading` has it, else its summary, then where
    the article was first published; its `source` is the original article, when its sidecar gives
    its address."""
    items = "".join(rss_item(b, channel.base, origins.get(b.extraction.article.id), reading) for b in briefs)
    updated = format_datetime(briefs[0].extraction.article.published) if briefs else ""
    self_link = quoteattr(channel.base + channel.path)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"  <title>{escape(channel.title)}</title>\n  <link>{escape(channel.base + channel.page)}</link>\n"
        f"  <description>{escape(channel.title)}: the latest briefs</description>\n"
        f"  <language>{LANGUAGE}</language>\n"
        f'  <atom:link href={self_link} rel="self" type="application/rss+xml"/>\n'
        + (f"  <lastBuildDate>{updated}</lastBuildDate>\n" if updated else "")
        + f"{items}</channel>\n</rss>\n"
    )


def rss_item(brief: Brief, base: str, origin: Origin | None, reading: Reading | None) -> str:
    article = brief.extraction.article
    return (
        "  <item>\n"
        f"    <title>{escape(brief.title)}</title>\n"
        f"    <link>{escape(brief_url(brief, base))}</link>\n"
        f'    <guid isPermaLink="true">{escape(brief_url(brief, base))}</guid>\n'
        f"    <pubDate>{format_datetime(article.published)}</pubDate>\n"
        f"    <description>{escape(description(brief, reading, origin))}</description>\n"
        + source(origin)
        + "".join(f"    <category>{escape(s)}</category>\n" for s in article.sections)
        + "  </item>\n"
    )


def description(brief: Brief, reading: Reading | None, origin: Origin | None = None) -> str:
    digest = reading.digests.get(brief.slug) if reading else None
    text = digest.line if digest else brief.extraction.article.summary
    credit = [origin.outlet, f"by {origin.author}" if origin.author else ""] if origin else []
    said = ", ".join(part for part in credit if part)
    return f"{text} (Original article: {said}.)".lstrip() if said else text


def source(origin: Origin | None) -> str:
    """An item's `source`: the original article's address, named by its outlet (else its host)."""
    if not origin or not origin.url:
        return ""
    name = origin.outlet or urlsplit(origin.url).netloc
    return f"    <source url={quoteattr(origin.url)}>{escape(name)}</source>\n"


def json_feed(briefs: Sequence[Brief], base: str, title: str, origins: Mapping[str, Origin]) -> str:
    """A JSON Feed 1.1 of the latest briefs; an item's `external_url` is its original article's
    address, when its sidecar gives one (see `provenance`)."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": base,
        "feed_url": base + JSON_FEED_PATH,
        "items": [
            {
                "id": brief_url(b, base),
                "url": brief_url(b, base),
                "title": b.title,
                "summary": b.extraction.article.summary,
                "content_text": b.extraction.article.summary or b.title,
                "date_published": b.extraction.article.published.isoformat(),
                "tags": list(b.extraction.article.sections),
                **original_url(origins.get(b.extraction.article.id)),
            }
            for b in briefs
        ],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def original_url(origin: Origin | None) -> dict[str, str]:
    return {"external_url": origin.url} if origin and origin.url else {}
