"""Machine-readable outputs published with the site: RSS, JSON Feed, and the export of all briefs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape

from generator.records import extraction_record
from generator.resolve import Brief, Site

FEED_ITEMS = 50
EXPORT_PATH = "briefs.json"
RSS_PATH = "feed.xml"
JSON_FEED_PATH = "feed.json"


def render_feeds(site: Site, site_url: str | None, title: str) -> dict[str, str]:
    """briefs.json always; the feeds only with a `site_url`, since feed readers need absolute links."""
    outputs = {EXPORT_PATH: export_json(site.briefs, site_url)}
    if site_url:
        base = site_url.rstrip("/") + "/"
        latest = site.briefs[:FEED_ITEMS]
        outputs[RSS_PATH] = rss(latest, base, title)
        outputs[JSON_FEED_PATH] = json_feed(latest, base, title)
    return outputs


def brief_url(brief: Brief, base: str) -> str:
    return f"{base}briefs/{brief.slug}/"


def export_json(briefs: Sequence[Brief], site_url: str | None) -> str:
    """Every brief, newest first, with the fields of `briefs extract --json` and the page's path."""
    records = []
    for brief in briefs:
        record: dict[str, Any] = extraction_record(brief.extraction, brief.actor_slugs)
        record["page"] = f"briefs/{brief.slug}/"
        if site_url:
            record["url"] = brief_url(brief, site_url.rstrip("/") + "/")
        records.append(record)
    # One brief per line: json's C encoder writes it (it cannot indent), and a diff shows which changed.
    return "[\n" + ",\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n]\n"


def rss(briefs: Sequence[Brief], base: str, title: str) -> str:
    """An RSS 2.0 feed of the latest briefs."""
    items = "".join(
        "  <item>\n"
        f"    <title>{escape(b.title)}</title>\n"
        f"    <link>{escape(brief_url(b, base))}</link>\n"
        f'    <guid isPermaLink="true">{escape(brief_url(b, base))}</guid>\n'
        f"    <pubDate>{format_datetime(b.extraction.article.published)}</pubDate>\n"
        f"    <description>{escape(b.extraction.article.summary)}</description>\n"
        + "".join(f"    <category>{escape(s)}</category>\n" for s in b.extraction.article.sections)
        + "  </item>\n"
        for b in briefs
    )
    updated = format_datetime(briefs[0].extraction.article.published) if briefs else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        f"  <title>{escape(title)}</title>\n  <link>{escape(base)}</link>\n"
        f"  <description>{escape(title)}: the latest briefs</description>\n"
        f"  <lastBuildDate>{updated}</lastBuildDate>\n{items}</channel>\n</rss>\n"
    )


def json_feed(briefs: Sequence[Brief], base: str, title: str) -> str:
    """A JSON Feed 1.1 of the latest briefs."""
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
            }
            for b in briefs
        ],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
