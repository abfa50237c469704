"""Render the site into Markdown pages: {relative path: text}, nothing written yet."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import frontmatter
import jinja2

from generator.model import Extraction, Figure, Quote
from generator.resolve import ActorProfile, Brief, Site

MARKDOWN_SPECIALS = frozenset("\\`*_{}[]<>&#|")
LIST_MARKER = re.compile(r"^(\d+)([.)])|^([-+])(?=\s)")
LATEST_BRIEFS = 20
ACTOR_TYPE_TITLES = {
    "person": "People",
    "organization": "Organisations",
    "country": "Countries",
    "place": "Places",
    "group": "Groups",
}


def escape_markdown(text: str) -> str:
    """Article text as inert Markdown: HTML escaped, Markdown syntax turned into entities."""
    escaped = "".join(f"&#{ord(c)};" if c in MARKDOWN_SPECIALS else c for c in text)
    return LIST_MARKER.sub(lambda m: f"{m.group(1) or ''}&#{ord(m.group(2) or m.group(3))};", escaped)


def escape_attribute(text: str) -> str:
    return html.escape(text, quote=True)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["md"] = escape_markdown
    env.filters["attr"] = escape_attribute
    env.filters["number"] = format_number
    return env


def render_site(site: Site) -> dict[str, str]:
    """Every generated page of the site by its path relative to the docs folder ('/'-separated)."""
    pages = {
        "index.md": render_page("home.md.j2", {}, briefs=site.briefs[:LATEST_BRIEFS], total=len(site.briefs))
    }
    for brief in site.briefs:
        pages[f"briefs/{brief.slug}.md"] = render_brief(brief)
    pages["actors/index.md"] = render_page("actors.md.j2", {"title": "Actors"}, groups=actor_groups(site))
    for profile in site.actors:
        pages[f"actors/{profile.slug}.md"] = render_actor(profile)
    return pages


def render_page(template: str, metadata: Mapping[str, Any], **context: Any) -> str:
    """A page: YAML front matter dumped from a dict (never templated), then the rendered body."""
    body = environment().get_template(template).render(**context)
    if not metadata:
        return body
    post = frontmatter.Post(body, **metadata)
    return frontmatter.dumps(post, sort_keys=False) + "\n"


def render_brief(brief: Brief) -> str:
    article = brief.extraction.article
    return render_page(
        "brief.md.j2",
        brief_metadata(brief),
        brief=brief,
        article=article,
        date=article.published.date().isoformat(),
        paragraphs=source_paragraphs(brief.extraction),
        figures=brief.extraction.figures,
        quotes=[q for q in brief.extraction.quotes if q.kind != "term"],
        actors=sorted(brief.extraction.actors, key=lambda a: (-a.mentions, a.name)),
    )


def brief_metadata(brief: Brief) -> dict[str, Any]:
    """The brief's front matter: actors by slug, every item with the sentence it came from."""
    extraction, slugs = brief.extraction, brief.actor_slugs
    article = extraction.article
    return {
        "title": article.title,
        "description": article.summary or first_sentence(extraction),
        "date": article.published.isoformat(),
        "id": article.id,
        "source": article.source,
        "sections": list(article.sections),
        "summary": article.summary,
        "actors": [actor_record(a, slugs) for a in extraction.actors],
        "figures": [figure_record(f, slugs) for f in extraction.figures],
        "quotes": [quote_record(q, slugs) for q in extraction.quotes],
    }


def first_sentence(extraction: Extraction) -> str:
    return extraction.sentences[0].text if extraction.sentences else ""


def actor_record(actor: Any, slugs: Mapping[str, str]) -> dict[str, Any]:
    return {
        "slug": slugs[actor.name],
        "name": actor.name,
        "type": actor.type,
        "role": actor.role,
        "aliases": list(actor.aliases),
        "mentions": actor.mentions,
    }


def figure_record(figure: Figure, slugs: Mapping[str, str]) -> dict[str, Any]:
    return {
        "value": figure.value,
        "unit": figure.unit,
        "text": figure.text,
        "measure": figure.measure,
        "change": figure.change,
        "qualifier": figure.qualifier,
        "source": slugs[figure.source] if figure.source else None,
        "sentence": figure.span.sentence,
    }


def quote_record(quote: Quote, slugs: Mapping[str, str]) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": slugs[quote.speaker] if quote.speaker else None,
        "kind": quote.kind,
        "sentence": quote.span.sentence,
    }


def source_paragraphs(extraction: Extraction) -> list[dict[str, Any]]:
    """The article's paragraphs, each a list of its sentences, so every sentence gets an anchor."""
    paragraphs: list[dict[str, Any]] = [
        {"is_summary": p.is_summary, "sentences": []} for p in extraction.article.paragraphs
    ]
    for sentence in extraction.sentences:
        paragraphs[sentence.paragraph]["sentences"].append(sentence)
    return paragraphs


def render_actor(profile: ActorProfile) -> str:
    roles = [(a.actor.role, a.brief) for a in profile.appearances if a.actor.role]
    return render_page(
        "actor.md.j2",
        {"title": profile.name, "actor": {"slug": profile.slug, "type": profile.type}},
        profile=profile,
        roles=roles,
        type_title=ACTOR_TYPE_TITLES[profile.type],
    )


def actor_groups(site: Site) -> list[tuple[str, list[ActorProfile]]]:
    """Actors by type, each group ordered by number of briefs, then name."""
    groups = []
    for kind, title in ACTOR_TYPE_TITLES.items():
        members = [p for p in site.actors if p.type == kind]
        members.sort(key=lambda p: (-len(p.appearances), p.name.casefold(), p.slug))
        if members:
            groups.append((title, members))
    return groups


def format_number(value: float) -> str:
    """12000000.0 -> '12,000,000'; 4.28 -> '4.28'; never locale-dependent."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
