"""Machine-readable outputs published with the site: RSS, JSON Feed, and the export of all briefs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape

from generator.records import extraction_record
from generator.resolve import Brief, Site

FEED_ITEMS = 50
EXPORT_PATH = "briefs.json"
RSS_PATH = "feed.xml"
JSON_FEED_PATH = "feed.json"


def render_feeds(
    site: Site, site_url: str | None, title: str, export_lines: Mapping[str, str] | None = None
) -> dict[str, str]:
    """briefs.json always; the feeds only with a `site_url`, since feed readers need absolute links.
    `export_lines` are those of `export_json_lines`, when already known."""
    if export_lines is None:
        export_lines = export_json_lines(site.briefs, site_url)
    outputs = {EXPORT_PATH: export_text(export_lines.values())}
    if site_url:
        base = site_url.rstrip("/") + "/"
        latest = site.briefs[:FEED_ITEMS]
        outputs[RSS_PATH] = rss(latest, base, title)
        outputs[JSON_FEED_PATH] = json_feed(latest, base, title)
    return outputs


def brief_url(brief: Brief, base: str) -> str:
    return f"{base}briefs/{brief.slug}/"


def export_json_lines(
    briefs: Sequence[Brief],
    site_url: str | None,
    previous: Mapping[str, str] | None = None,
    with_text: Callable[[Sequence[Brief]], Sequence[Brief]] = list,
) -> dict[str, str]:
    """The line of each brief in briefs.json (newest first), by a key naming what it holds: the lines
    of `previous` with the same key are reused, the others need the briefs' text (`with_text`).

    A line holds the fields of `briefs extract --json` and the page's path (and URL).
    """
    # A brief without a key (extracted outside of a build) is named by its slug: never reused.
    previous = previous or {}
    keys = [export_key(brief, site_url) if brief.key else brief.slug for brief in briefs]
    missing = [brief for brief, key in zip(briefs, keys, strict=True) if not brief.key or key not in previous]
    fresh = dict(
        zip(
            [export_key(b, site_url) if b.key else b.slug for b in missing],
            [export_line(brief, site_url) for brief in with_text(missing)],
            strict=True,
        )
    )
    return {key: fresh[key] if key in fresh else previous[key] for key in keys}


def export_text(lines: Iterable[str]) -> str:
    """briefs.json: a JSON array, one brief per line (json.dumps writes no line break inside one)."""
    return "[\n" + ",\n".join(lines) + "\n]\n"


def read_export_lines(text: str) -> list[str]:
    """The lines of briefs.json as `export_text` wrote them."""
    if not text.startswith("[\n") or not text.endswith("\n]\n"):
        raise ValueError("not an export written by briefs")
    body = text[2:-3]
    return body.split(",\n") if body else []


def export_key(brief: Brief, site_url: str | None) -> str:
    """What a brief's line depends on: its extraction (by key), its actors' slugs, its page, and the
    site's address."""
    shown = (brief.key, brief.slug, sorted(brief.actor_slugs.items()), site_url)
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()


def export_line(brief: Brief, site_url: str | None) -> str:
    record: dict[str, Any] = extraction_record(brief.extraction, brief.actor_slugs)
    record["page"] = f"briefs/{brief.slug}/"
    if site_url:
        record["url"] = brief_url(brief, site_url.rstrip("/") + "/")
    return json.dumps(record, ensure_ascii=False)


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
