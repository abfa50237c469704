"""Render the site into Markdown pages: {relative path: text}, nothing written yet."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from typing import Any

import jinja2
import yaml

from generator.crosslinks import CoActor, Links, Month, Related
from generator.listings import BRIEFS_PER_PAGE, QUOTES_PER_PAGE, page_path, paginate
from generator.model import Actor, Extraction, Figure, Quote
from generator.network import network_svg
from generator.records import front_matter
from generator.resolve import ActorProfile, Brief, Site, slugify

MARKDOWN_SPECIALS = frozenset("\\`*_{}[]<>&#|")
LIST_MARKER = re.compile(r"^(\d+)([.)])|^([-+])(?=\s)")
LATEST_BRIEFS = 20
FIGURES_SHOWN = 20
ACTORS_SHOWN = 20
KEY_FIGURES = 6
SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CURRENCY_PREFIXES = frozenset({"$", "€", "£", "¥", "₹", "HK$", "A$", "C$", "NZ$", "R$"})
MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ACTOR_TYPE_NAMES = {
    "person": "Person",
    "organization": "Organisation",
    "country": "Country",
    "place": "Place",
    "group": "Group",
}
ACTOR_TYPE_TITLES = {
    "person": "People",
    "organization": "Organisations",
    "country": "Countries",
    "place": "Places",
    "group": "Groups",
}


# Characters that open block syntax at the start of a line: rules (---), lists, admonitions (!!!)...
BLOCK_STARTERS = frozenset("-+=!:~?%")
LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# Front matter keys that MkDocs themes insert into HTML unescaped (<title>, <meta content="...">, nav).
HTML_KEYS = frozenset({"title", "description", "tags"})


def escape_markdown(text: str) -> str:
    """Article text as inert Markdown: HTML escaped, Markdown syntax turned into entities.

    The result is one line (line breaks become spaces) that opens no block, wherever it stands.
    """
    text = inert_text(text).strip()
    escaped = "".join(f"&#{ord(c)};" if c in MARKDOWN_SPECIALS else c for c in text)
    if escaped[:1] in BLOCK_STARTERS:
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return LIST_MARKER.sub(lambda m: f"{m.group(1) or ''}&#{ord(m.group(2) or m.group(3))};", escaped)


def escape_attribute(text: str) -> str:
    """Article text as HTML text or a quoted attribute value, on one line."""
    return html.escape(inert_text(text), quote=True)


def inert_text(text: str) -> str:
    """Line breaks as spaces; control characters (Python-Markdown's own markers among them) as U+FFFD."""
    return CONTROLS.sub("\ufffd", LINE_BREAKS.sub(" ", text))


class FrontMatterDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, but text with any character other than a printable one or a space is
    double-quoted, the one style that escapes them: plain and single-quoted styles lose a trailing
    no-break space, and fold on U+0085, U+2028 and U+2029 as if they were line breaks."""


def represent_text(dumper: yaml.representer.SafeRepresenter, text: str) -> yaml.ScalarNode:
    is_plain = all(c.isprintable() or c == " " for c in text)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=None if is_plain else '"')


FrontMatterDumper.add_representer(str, represent_text)


class FastFrontMatterDumper(yaml.CSafeDumper):
    """The same dumper over libyaml's emitter, ten times faster. The two write the same bytes for text
    that is printable and within the Basic Multilingual Plane; outside it they fold long lines and
    escape astral characters differently, so such documents go to FrontMatterDumper."""


FastFrontMatterDumper.add_representer(str, represent_text)


def is_fast_dumpable(value: Any) -> bool:
    """Whether every string in `value` (keys too) is one that both dumpers write alike."""
    if isinstance(value, str):
        return value.isprintable() and (not value or max(value) < "\U00010000")
    if isinstance(value, dict):
        # An empty key is written `? ''` by one and `'': ` by the other.
        return all(k != "" and is_fast_dumpable(k) and is_fast_dumpable(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(map(is_fast_dumpable, value))
    return True


def dump_front_matter(metadata: Mapping[str, Any]) -> str:
    """The YAML front matter block of a page, from a dict, with what themes show as HTML escaped.

    `frontmatter.loads` and MkDocs both load it back to exactly `front_matter_values(metadata)`.
    """
    values = front_matter_values(metadata)
    text = yaml.dump(
        values,
        Dumper=FastFrontMatterDumper if is_fast_dumpable(values) else FrontMatterDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
    )
    return f"---\n{text}---\n"


def escape_html(text: str) -> str:
    """&, <, > and " as entities: inert as HTML text and inside a double-quoted attribute."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def front_matter_values(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata as written: the values of HTML_KEYS escaped (html.unescape gives them back exactly),
    since themes print them unescaped."""
    return {key: escape_html_values(value) if key in HTML_KEYS else value for key, value in metadata.items()}


def escape_html_values(value: Any) -> Any:
    """A string escaped, or each string of a list (the tags)."""
    if isinstance(value, str):
        return escape_html(value)
    if isinstance(value, list):
        return [escape_html(v) if isinstance(v, str) else v for v in value]
    return value


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
    env.filters["amount"] = format_amount
    return env


def render_site(site: Site, links: Links, kept: Set[str] = frozenset()) -> dict[str, str]:
    """Every generated page of the site by its path relative to the docs folder ('/'-separated),
    but the brief pages in `kept` (known to be as they would be rendered)."""
    pages = {"index.md": render_home(site)}
    for brief in site.briefs:
        path = f"briefs/{brief.slug}.md"
        if path not in kept:
            pages[path] = render_brief(brief, links.related[brief.slug])
    groups = actor_groups(site)
    pages["actors/index.md"] = render_page(
        "actors.md.j2", {"title": "Actors"}, "actors/index.md", groups=groups, shown=ACTORS_SHOWN
    )
    for kind, title, members in groups:
        intro = f"All {len(members)} {title.lower()} named in the briefs, by number of briefs."
        pages.update(render_listing(f"actor-types/{kind}", title, intro, members, "actor-list.md.j2"))
    for profile in site.actors:
        pages.update(render_actor(profile, links.co_actors.get(profile.slug, ())))
    pages["topics/index.md"] = render_page(
        "topics.md.j2", {"title": "Topics"}, "topics/index.md", topics=links.topics
    )
    for topic in links.topics:
        intro = f"Briefs filed under {topic.name}, newest first."
        pages.update(render_listing(f"topics/{topic.slug}", topic.name, intro, topic.briefs))
    pages["archive/index.md"] = render_page(
        "archive.md.j2",
        {"title": "Archive"},
        "archive/index.md",
        years=archive_years(links.months),
        month_names=MONTH_NAMES,
    )
    for month in links.months:
        heading = f"{MONTH_NAMES[month.month]} {month.year}"
        pages.update(
            render_listing(f"archive/{month.slug}", heading, f"Briefs published in {heading}.", month.briefs)
        )
    return pages


def render_home(site: Site) -> str:
    return render_page(
        "home.md.j2", {}, "index.md", briefs=site.briefs[:LATEST_BRIEFS], total=len(site.briefs)
    )


def render_listing(
    base: str, heading: str, intro: str, items: Sequence[Any], template: str = "listing.md.j2"
) -> dict[str, str]:
    """A listing (of briefs, or of actors), as many pages as it takes."""
    return {
        pager.path: render_page(
            template, {"title": heading}, pager.path, heading=heading, intro=intro, pager=pager
        )
        for pager in paginate(base, items, BRIEFS_PER_PAGE)
    }


def archive_years(months: Sequence[Month]) -> list[tuple[int, list[Month]]]:
    years: dict[int, list[Month]] = {}
    for month in months:
        years.setdefault(month.year, []).append(month)
    return list(years.items())


def render_page(template: str, metadata: Mapping[str, Any], path: str, **context: Any) -> str:
    """A page at `path`: YAML front matter dumped from a dict (never templated), then the body."""
    rel = partial(relative_from, posixpath.dirname(path) or ".")
    body = environment().get_template(template).render(rel=rel, **context)
    if not metadata:
        return body
    return f"{dump_front_matter(metadata)}\n{body.rstrip()}\n"


@lru_cache(maxsize=1 << 16)
def relative_from(folder: str, to_path: str) -> str:
    """`listings.relative` by the page's folder: pages share folders, so most links are computed once."""
    return posixpath.relpath(to_path, folder)


def render_brief(brief: Brief, related: Sequence[Related]) -> str:
    extraction = brief.extraction
    article = extraction.article
    cards = key_figures(extraction.figures)
    return render_page(
        "brief.md.j2",
        front_matter(extraction, brief.actor_slugs),
        f"briefs/{brief.slug}.md",
        brief=brief,
        article=article,
        date=article.published.date().isoformat(),
        paragraphs=source_paragraphs(extraction),
        key_figures=cards,
        more_figures=[f for f in extraction.figures if f not in cards],
        quote_groups=quote_groups(extraction),
        actors=sorted(extraction.actors, key=lambda a: (-a.mentions, a.name)),
        related=related,
        topic_slug=lambda section: slugify(section, "topic"),
    )


def key_figures(figures: Sequence[Figure]) -> list[Figure]:
    """The figures worth a card: those saying what they measure, the most complete first, in text order."""
    ranked = sorted(figures, key=lambda f: -sum(map(bool, (f.measure, f.change, f.source, f.unit))))
    chosen = set(map(id, ranked[:KEY_FIGURES]))
    return [f for f in figures if id(f) in chosen]


def quote_groups(extraction: Extraction) -> list[tuple[Actor | None, list[Quote]]]:
    """Key quotes by speaker in order of first quote, the unattributed last: positions side by side."""
    actors = {actor.name: actor for actor in extraction.actors}
    groups: dict[str | None, list[Quote]] = {}
    for quote in extraction.quotes:
        if quote.kind != "term":
            groups.setdefault(quote.speaker, []).append(quote)
    ordered = sorted(groups.items(), key=lambda item: item[0] is None)
    return [(actors[name] if name else None, quotes) for name, quotes in ordered]


def source_paragraphs(extraction: Extraction) -> list[dict[str, Any]]:
    """The article's paragraphs, each a list of its sentences, so every sentence gets an anchor."""
    paragraphs: list[dict[str, Any]] = [
        {"is_summary": p.is_summary, "sentences": []} for p in extraction.article.paragraphs
    ]
    for sentence in extraction.sentences:
        paragraphs[sentence.paragraph]["sentences"].append(sentence)
    return paragraphs


@dataclass(frozen=True)
class StatedRole:
    """A role as written in the briefs: its latest brief, and in how many briefs it was stated."""

    text: str
    brief: Brief
    count: int


def render_actor(profile: ActorProfile, co_actors: Sequence[CoActor]) -> dict[str, str]:
    """The actor's page, with further pages when its briefs or quotes fill more than one."""
    base = f"actors/{profile.slug}"
    briefs = paginate(base, profile.appearances, BRIEFS_PER_PAGE)
    quotes = paginate(base, profile.quotes, QUOTES_PER_PAGE)
    count = max(len(briefs), len(quotes))
    pages = {}
    for number in range(1, count + 1):
        pager = briefs[number - 1] if number <= len(briefs) else replace(briefs[0], items=(), number=number)
        pager = replace(pager, paths=tuple(page_path(base, n) for n in range(1, count + 1)))
        pages[pager.path] = render_page(
            "actor.md.j2",
            {"title": profile.name, "actor": {"slug": profile.slug, "type": profile.type}},
            pager.path,
            profile=profile,
            pager=pager,
            quotes=quotes[number - 1] if number <= len(quotes) else replace(quotes[0], items=()),
            roles=stated_roles(profile),
            co_actors=co_actors,
            network=network_svg(profile, co_actors, lambda slug: f"../{slug}/"),
            figures_shown=FIGURES_SHOWN,
            type_title=ACTOR_TYPE_NAMES[profile.type],
        )
    return pages


def stated_roles(profile: ActorProfile) -> list[StatedRole]:
    """Each distinct role once, with the newest brief that states it (appearances are newest first)."""
    roles: dict[str, StatedRole] = {}
    for appearance in profile.appearances:
        role = appearance.actor.role
        if role:
            known = roles.get(role.casefold())
            roles[role.casefold()] = (
                replace(known, count=known.count + 1) if known else StatedRole(role, appearance.brief, 1)
            )
    return list(roles.values())


def actor_groups(site: Site) -> list[tuple[str, str, list[ActorProfile]]]:
    """(type, title, actors) per type, each group ordered by number of briefs, then name."""
    groups = []
    for kind, title in ACTOR_TYPE_TITLES.items():
        members = [p for p in site.actors if p.type == kind]
        members.sort(key=lambda p: (-len(p.appearances), p.name.casefold(), p.slug))
        if members:
            groups.append((kind, title, members))
    return groups


def format_amount(figure: Figure) -> str:
    """'$1.2 billion', '40%', '320 tons': large amounts in words, currencies before the number."""
    value, scale = figure.value, ""
    for size, word in SCALE_WORDS:
        if abs(value) >= size and figure.unit not in ("%", "percentage points"):
            value, scale = value / size, f" {word}"
            break
    number = format_number(round(value, 6)) + scale
    if figure.unit in CURRENCY_PREFIXES or (figure.unit.isupper() and 1 < len(figure.unit) <= 3):
        return f"{figure.unit}{number}" if figure.unit in CURRENCY_PREFIXES else f"{figure.unit} {number}"
    if figure.unit == "%":
        return f"{number}%"
    return f"{number} {figure.unit}".strip()


def format_number(value: float) -> str:
    """12000000.0 -> '12,000,000'; 4.28 -> '4.28'; never locale-dependent."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
