"""Render the site into Markdown pages: {relative path: text}, nothing written yet."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from operator import attrgetter
from typing import Any, Protocol

import jinja2

from generator.citation import Publication, cite, inert_lines
from generator.crosslinks import CoActor, Links, Month, Related, RelatedRecord, topic_slug
from generator.digests import Reading, main_actors, read_briefs, search_tags
from generator.key_figures import change_tone, key_figures, other_figures
from generator.listings import BRIEFS_PER_PAGE, QUOTES_PER_PAGE, Pager, paginate
from generator.markup import (
    dump_front_matter,
    escape_attribute,
    escape_markdown,
    format_amount,
    format_day,
    format_figure,
    format_number,
)
from generator.model import Actor, ActorType, Extraction, Figure, Quote
from generator.network import network_svg
from generator.parallel import fork_map
from generator.paths import actor_base, brief_file, brief_page, month_base, topic_base
from generator.provenance import Origin
from generator.quoting import quote_markup, shown_summary
from generator.records import DATA_SUFFIXES, data_files, front_matter
from generator.resolve import FIGURES_KEPT, ActorProfile, Appearance, Brief, Site
from generator.subjects import DEFAULT_LEXICON

LATEST_BRIEFS = 20
# A site whose address is not known, and an article whose origin is not (see `citation`).
UNPUBLISHED = Publication()
UNKNOWN_ORIGIN = Origin()
FIGURES_SHOWN = FIGURES_KEPT
ACTORS_SHOWN = 20
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
    env.filters["figure"] = format_figure
    env.filters["tone"] = change_tone
    env.filters["day"] = format_day
    env.globals["quote_markup"] = quote_markup
    return env


class Reuse(Protocol):
    """Whether the pages at `paths`, which show what `signature` says, are already as they would be
    rendered (so need no rendering)."""

    def __call__(self, paths: Sequence[str], signature: object) -> bool: ...


def never_reuse(paths: Sequence[str], signature: object) -> bool:
    return False


def render_site(
    site: Site,
    links: Links,
    reuse: Reuse = never_reuse,
    with_text: Callable[[Sequence[Brief]], Sequence[Brief]] = list,
    jobs: int | None = 1,
    publication: Publication = UNPUBLISHED,
    reading: Reading | None = None,
) -> dict[str, str]:
    """Every generated page of the site by its path relative to the docs folder ('/'-separated), but
    the brief, actor and listing pages that `reuse` finds already rendered. `with_text` gives briefs
    their article's text, which only their own pages show (briefs may be read without it). Brief
    pages (and their data files) are rendered over `jobs` processes (None: one per core);
    `publication` says where they are published and what each is based on, `reading` what lists show
    of each brief (default: found from the briefs' text, with the built-in subjects)."""
    reading = reading or read_briefs(site.briefs, DEFAULT_LEXICON, {}, with_text, has_feeds=False)
    pages = {"index.md": render_home(site, reading)}
    by_slug = {brief.slug: brief for brief in site.briefs}
    names = links.state.actor_names
    records = links.state.related
    around = neighbours(site.briefs)
    stale = [
        b
        for b in site.briefs
        if not reuse(
            brief_outputs(b),
            (
                brief_signature(b, records[b.slug], by_slug, names),
                publication.name,
                publication.url,
                publication.origins.get(b.extraction.article.id),
                [brief_item_signature(other) if other else None for other in around[b.slug]],
                reading.subject_names(b),
            ),
        )
    ]
    briefs = list(with_text(stale))
    shared = BriefShared(briefs, links, publication, reading, around)
    for outputs in fork_map(render_brief_at, shared, len(briefs), jobs):
        pages.update(outputs)
    groups = actor_groups(site)
    pages["actors/index.md"] = render_page(
        "actors.md.j2", {"title": "Actors"}, "actors/index.md", groups=groups, shown=ACTORS_SHOWN
    )
    for kind, title, members in groups:
        intro = (
            f"All {len(members)} {title.lower()} with a page of their own, by number of briefs."
            if len(members) > 1
            else f"The one {ACTOR_TYPE_NAMES[kind].lower()} with a page of their own."
        )
        listing = Listing(
            f"actor-types/{kind}",
            title,
            intro,
            "actor-list.md.j2",
            profile_signature,
            name=attrgetter("slug"),
            label=profiles_label,
        )
        pages.update(render_listing(listing, members, reuse))
    actor_pages = [
        job for p in site.actors for job in actor_jobs(p, links.co_actors.get(p.slug, ()), reading)
    ]
    pages.update(render_jobs(actor_pages, reuse, jobs))
    pages["topics/index.md"] = render_page(
        "topics.md.j2",
        {"title": "Topics"},
        "topics/index.md",
        topics=links.topics,
        subjects=reading.subjects,
    )
    for topic in links.topics:
        intro = f"Briefs filed under {topic.name}, newest first."
        listing = Listing(
            topic_base(topic.slug), topic.name, intro, kind="topic", feed=topic_base(topic.slug)
        )
        pages.update(render_listing(listing, topic.briefs, reuse, reading))
    for group in reading.subjects:
        subject = group.subject
        intro = f"Briefs about {subject.name.lower()}, found from their text, newest first."
        listing = Listing(
            f"subjects/{subject.slug}", subject.name, intro, kind="subject", feed=f"subjects/{subject.slug}"
        )
        pages.update(render_listing(listing, group.briefs, reuse, reading))
    pages["archive/index.md"] = render_page(
        "archive.md.j2",
        {"title": "Archive"},
        "archive/index.md",
        years=archive_years(links.months),
        month_names=MONTH_NAMES,
    )
    for month in links.months:
        heading = f"{MONTH_NAMES[month.month]} {month.year}"
        listing = Listing(month_base(month.slug), heading, f"Briefs published in {heading}.")
        pages.update(render_listing(listing, month.briefs, reuse, reading))
    return pages


def render_home(site: Site, reading: Reading) -> str:
    metadata = {"feed": FEED_PATH} if reading.has_feeds else {}
    return render_page(
        "home.md.j2",
        metadata,
        "index.md",
        briefs=site.briefs[:LATEST_BRIEFS],
        total=len(site.briefs),
        reading=reading,
        main_actors=main_actors,
    )


FEED_PATH = "feed.xml"
FEEDS_FOLDER = "feeds"


def feed_path(name: str) -> str:
    """The RSS feed of a list (`actors/SLUG`, `subjects/SLUG`, `topics/SLUG`), relative to the docs folder."""
    return f"{FEEDS_FOLDER}/{name}.xml"


def neighbours(briefs: Sequence[Brief]) -> dict[str, tuple[Brief | None, Brief | None]]:
    """The newer and the older brief beside each (briefs are newest first)."""
    padded = [None, *briefs, None]
    return {b.slug: (padded[i], padded[i + 2]) for i, b in enumerate(briefs)}


def listed_brief_signature(reading: Reading, brief: Brief) -> object:
    """What a list shows of a brief: its title and date, its digest, its main actors and their pages."""
    actors = main_actors(brief)
    return (
        brief_item_signature(brief),
        reading.digests[brief.slug],
        [(name, brief.actor_slugs[name]) for name in actors],
    )


def brief_item_signature(brief: Brief) -> tuple[object, ...]:
    """What a list shows of a brief: its title and date, which its key names when it has one."""
    if brief.key:
        return brief.slug, brief.key
    return brief.slug, brief.extraction.article.title, brief.extraction.article.published


def profile_signature(profile: ActorProfile) -> tuple[str, str, int]:
    """What a list shows of an actor."""
    return profile.slug, profile.name, len(profile.appearances)


def brief_name(brief: Brief) -> str:
    """A brief as a page name: its day and slug, so that names sort as the briefs do."""
    return f"{format_day(brief.extraction.article.published)}-{brief.slug}"


def briefs_label(oldest: Brief, newest: Brief) -> str:
    """What a page of briefs holds: the days of its oldest and newest."""
    first, last = (format_day(b.extraction.article.published) for b in (oldest, newest))
    return first if first == last else f"{first} to {last}"


def profiles_label(lowest: ActorProfile, highest: ActorProfile) -> str:
    """What a page of actors (those in most briefs first) holds: in how many briefs they are."""
    fewest, most = len(lowest.appearances), len(highest.appearances)
    return f"in {most} brief{'s' * (most != 1)}" if most == fewest else f"in {fewest} to {most} briefs"


@dataclass(frozen=True)
class Listing:
    """A list of briefs (or of actors) over as many pages as it takes: where, titled how, shown how,
    and how its pages are cut and named (see `paginate`)."""

    base: str
    heading: str
    intro: str
    template: str = "listing.md.j2"
    item_signature: Callable[[Any], object] = brief_item_signature
    key: Callable[[Any], str] = attrgetter("slug")
    name: Callable[[Any], str] = brief_name
    label: Callable[[Any, Any], str] = briefs_label
    kind: str = ""
    """What search calls the list's first page (`topic`, `subject`); empty: search leaves it out."""
    feed: str = ""
    """The name of the list's feed (see `feed_path`); empty: none."""


def render_listing(
    listing: Listing, items: Sequence[Any], reuse: Reuse = never_reuse, reading: Reading | None = None
) -> dict[str, str]:
    """The pages of a listing that `reuse` does not find already rendered; a list of briefs shows
    what `reading` says of each."""
    pages = {}
    shows = partial(listed_brief_signature, reading) if reading else listing.item_signature
    feed = feed_path(listing.feed) if listing.feed and reading and reading.has_feeds else ""
    pagers = paginate(
        f"{listing.base}.md",
        listing.base,
        items,
        BRIEFS_PER_PAGE,
        key=listing.key,
        name=listing.name,
        label=listing.label,
    )
    for pager in pagers:
        shown = tuple(map(shows, pager.items))
        described = (listing.template, listing.heading, listing.intro, listing.kind, feed)
        if not reuse((pager.path,), (*described, pager_signature(pager, shown))):
            title = f"{listing.heading} ({pager.label})" if pager.label else listing.heading
            pages[pager.path] = render_page(
                listing.template,
                listing_metadata(listing, title, feed, is_first=not pager.label),
                pager.path,
                heading=listing.heading,
                intro=listing.intro,
                pager=pager,
                reading=reading,
                main_actors=main_actors,
                feed=feed,
            )
    return pages


def listing_metadata(listing: Listing, title: str, feed: str, *, is_first: bool) -> dict[str, Any]:
    """A list page's front matter: its title; on its first page, what search calls it (and a boost,
    so that a subject's or a topic's name finds its page before the briefs), and its feed."""
    metadata: dict[str, Any] = {"title": title}
    if listing.kind and is_first:
        metadata.update(kind=listing.kind, tags=[listing.heading], hide=["tags"], search={"boost": 8})
    if feed:
        metadata["feed"] = feed
    return metadata


@dataclass(frozen=True)
class BriefShared:
    """What every brief page's rendering reads, handed once to the processes that render them."""

    briefs: Sequence[Brief]
    links: Links
    publication: Publication
    reading: Reading
    around: Mapping[str, tuple[Brief | None, Brief | None]]


def render_brief_at(shared: BriefShared, index: int) -> dict[str, str]:
    """The page of a brief and its data files, by path."""
    brief = shared.briefs[index]
    origin = shared.publication.origins.get(brief.extraction.article.id, UNKNOWN_ORIGIN)
    data = data_files(brief.extraction, brief.actor_slugs, origin)
    page = render_brief(
        brief,
        shared.links.related[brief.slug],
        shared.publication,
        origin,
        around=shared.around[brief.slug],
        subjects=shared.reading.subject_names(brief),
    )
    return dict(zip(brief_outputs(brief), (page, *data.values()), strict=True))


def brief_outputs(brief: Brief) -> tuple[str, ...]:
    """The files a brief makes: its page, and its data to download (see `records.data_files`)."""
    return (brief_page(brief.slug), *(brief_file(brief.slug, suffix) for suffix in DATA_SUFFIXES))


def brief_signature(
    brief: Brief,
    related: Sequence[RelatedRecord],
    briefs: Mapping[str, Brief],
    actor_names: Mapping[str, tuple[str, ActorType]],
) -> object:
    """What the page of `brief` shows: its article (extraction makes the same of the same article;
    its key names both), its actors' slugs, and its related briefs as listed (from their records:
    the briefs by slug, and the actors' names)."""
    shown = [
        (brief_item_signature(briefs[other]), topics, score, [(actor_names[a][0], a) for a in actors])
        for other, actors, topics, score in related
    ]
    return (
        brief.slug,
        brief.key or brief.extraction.article,
        sorted(brief.actor_slugs.items()),
        shown,
    )


def pager_signature(pager: Pager[Any], shown: tuple[object, ...]) -> object:
    """What a page of a list shows: its items (as `shown`), what it says it holds, the pages it links to."""
    return shown, pager.path, pager.label, pager.newest, pager.newer, pager.older, pager.oldest


def appearance_signature(appearance: Appearance) -> object:
    brief = appearance.brief
    if brief.key:  # as brief_item_signature, inlined: there is one per actor of every brief
        return brief.slug, brief.key, appearance.actor.role
    return *brief_item_signature(brief), appearance.actor.role


def quote_signature(item: tuple[Brief, Quote]) -> object:
    brief, quote = item
    return *brief_item_signature(brief), item_signature(brief, quote)


def item_signature(brief: Brief, item: Quote | Figure) -> object:
    """A quote or figure of a brief: where it stands, which names it when the brief has a key."""
    return (item.span.sentence, item.span.start) if brief.key else item


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


def render_brief(
    brief: Brief,
    related: Sequence[Related],
    publication: Publication = UNPUBLISHED,
    origin: Origin = UNKNOWN_ORIGIN,
    *,
    around: tuple[Brief | None, Brief | None] = (None, None),
    subjects: Sequence[tuple[str, str]] = (),
) -> str:
    """A brief's page; `around` are the newer and the older brief, `subjects` its (slug, name)."""
    extraction = brief.extraction
    article = extraction.article
    cards = key_figures(extraction)
    citation = cite(brief.slug, article.title, format_day(article.published), origin, publication)
    metadata = front_matter(extraction, brief.actor_slugs, origin)
    metadata["tags"] = [*metadata["tags"], *search_tags(extraction, [name for _, name in subjects])]
    return render_page(
        "brief.md.j2",
        metadata,
        brief_page(brief.slug),
        around=around,
        subjects=subjects,
        brief=brief,
        article=article,
        summary=shown_summary(article),
        date=article.published.date().isoformat(),
        paragraphs=source_paragraphs(extraction),
        anchored=anchored_sentences(extraction),
        key_figures=cards,
        more_figures=other_figures(extraction.figures, cards),
        quote_groups=quote_groups(extraction),
        actors=sorted(extraction.actors, key=lambda a: (-a.mentions, a.name)),
        related=related,
        topic_slug=topic_slug,
        actor_types=present_types,
        actor_type_names=ACTOR_TYPE_NAMES,
        origin=origin,
        citation=citation,
        bibtex=inert_lines(citation.bibtex),
    )


def present_types(actors: Sequence[Actor]) -> list[str]:
    """The types of `actors`, in the order of the legend."""
    kinds: set[str] = {actor.type for actor in actors}
    return [kind for kind in ACTOR_TYPE_NAMES if kind in kinds]


def quote_groups(extraction: Extraction) -> list[tuple[Actor | None, list[Quote]]]:
    """Key quotes by speaker in order of first quote, positions side by side; last, those whose speaker
    is unknown or uncertain: a weak attribution is not shown as a confident name."""
    actors = {actor.name: actor for actor in extraction.actors}
    groups: dict[str | None, list[Quote]] = {}
    for quote in extraction.quotes:
        if quote.kind != "term":
            groups.setdefault(quote.speaker if quote.is_certain else None, []).append(quote)
    ordered = sorted(groups.items(), key=lambda item: item[0] is None)
    return [(actors[name] if name else None, quotes) for name, quotes in ordered]


def anchored_sentences(extraction: Extraction) -> frozenset[int]:
    """The sentences a figure or a quote came from: a set, looked up once per sentence of the text
    (a list made long articles quadratic)."""
    figures = (figure.span.sentence for figure in extraction.figures)
    return frozenset((*figures, *(quote.span.sentence for quote in extraction.quotes)))


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


@dataclass(frozen=True)
class PageJob:
    """A page to render: where, from which template, with what, and a signature of what it shows."""

    path: str
    signature: object
    template: str
    metadata: Mapping[str, Any]
    context: Mapping[str, Any]

    def render(self) -> str:
        return render_page(self.template, self.metadata, self.path, **self.context)


def render_jobs(jobs: Sequence[PageJob], reuse: Reuse, processes: int | None) -> dict[str, str]:
    """The pages of the jobs that `reuse` does not find already rendered, over `processes`."""
    stale = [job for job in jobs if not reuse((job.path,), job.signature)]
    return dict(
        zip([job.path for job in stale], fork_map(render_job_at, stale, len(stale), processes), strict=True)
    )


def render_job_at(jobs: Sequence[PageJob], index: int) -> str:
    return jobs[index].render()


def actor_jobs(
    profile: ActorProfile, co_actors: Sequence[CoActor], reading: Reading | None = None
) -> list[PageJob]:
    """The actor's page, and the pages of its older briefs and quotes; its briefs show what `reading`
    says of them."""
    reading = reading or Reading({})
    base = actor_base(profile.slug)
    briefs = paginate(
        f"{base}.md",
        f"{base}/briefs",
        profile.appearances,
        BRIEFS_PER_PAGE,
        key=appearance_key,
        name=appearance_name,
        label=appearances_label,
    )
    quotes = paginate(
        f"{base}.md",
        f"{base}/quotes",
        full_quotes_first(profile.quotes),
        QUOTES_PER_PAGE,
        key=quote_key,
        name=quote_name,
        label=quotes_label,
    )
    roles = stated_roles(profile)
    appearance_shown = partial(listed_appearance_signature, reading)
    shown_briefs = tuple(map(appearance_shown, briefs[0].items))
    shown_quotes = tuple(map(quote_signature, quotes[0].items))
    signature = (
        (
            profile.slug,
            profile.name,
            profile.type,
            profile.aliases,
            profile.description,
            profile.curated_roles,
        ),
        len(profile.appearances),
        [(role.text, brief_item_signature(role.brief), role.count) for role in roles],
        [
            (*brief_item_signature(brief), item_signature(brief, f))
            for brief, f in profile.figures[:FIGURES_SHOWN]
        ],
        [(c.profile.slug, c.profile.name, c.profile.type, c.briefs) for c in co_actors],
        pager_signature(briefs[0], shown_briefs),
        pager_signature(quotes[0], shown_quotes),
        reading.has_feeds,
    )
    feed = feed_path(base) if reading.has_feeds else ""
    context = {
        "profile": profile,
        "briefs": briefs[0],
        "quotes": quotes[0],
        "roles": roles,
        "co_actors": co_actors,
        # Drawn only for the pages rendered again.
        "network": partial(network_svg, profile, co_actors, lambda slug: f"../{slug}/"),
        "figures_shown": FIGURES_SHOWN,
        "type_title": ACTOR_TYPE_NAMES[profile.type],
        "reading": reading,
        "feed": feed,
    }
    metadata = {
        "title": profile.name,
        "description": actor_description(profile),
        "actor": {"slug": profile.slug, "type": profile.type},
        **actor_search(profile),
        **({"feed": feed} if feed else {}),
    }
    jobs = [PageJob(f"{base}.md", signature, "actor.md.j2", metadata, context)]
    older: list[tuple[str, Pager[Any], Callable[[Any], object]]] = [
        *(("briefs", pager, appearance_shown) for pager in briefs[1:]),
        *(("quotes", pager, quote_signature) for pager in quotes[1:]),
    ]
    for kind, pager, shown in older:
        jobs.append(
            PageJob(
                pager.path,
                (profile.name, kind, pager_signature(pager, tuple(map(shown, pager.items)))),
                "actor-older.md.j2",
                # A copy of what the briefs show: search finds them there.
                {"title": f"{profile.name}: older {kind} ({pager.label})", "search": {"exclude": True}},
                {"profile": profile, "kind": kind, "pager": pager, "reading": reading},
            )
        )
    return jobs


def actor_description(profile: ActorProfile) -> str:
    """What an actor's page is, for search engines and link previews: the registry's description, or
    what the page holds."""
    if profile.description:
        return profile.description
    count = len(profile.appearances)
    said = f", {len(profile.quotes)} quote{'s' * (len(profile.quotes) != 1)}" if profile.quotes else ""
    kind = ACTOR_TYPE_NAMES[profile.type].lower()
    return f"{profile.name} ({kind}): in {count} brief{'s' * (count != 1)}{said}."


def full_quotes_first(quotes: Sequence[tuple[Brief, Quote]]) -> list[tuple[Brief, Quote]]:
    """An actor's quotes brief by brief as they come (newest first), in each brief its full quotes
    before its partial ones: what was said whole reads first."""
    order = {slug: position for position, slug in enumerate(dict.fromkeys(b.slug for b, _ in quotes))}
    return sorted(quotes, key=lambda item: (order[item[0].slug], item[1].kind != "full"))


def actor_search(profile: ActorProfile) -> dict[str, Any]:
    """What makes an actor's name find its page first: the name as a tag (which Material's search
    weighs most) and a boost that grows with the number of its briefs, enough that a name common
    in a corpus ('Lee', in a thousand pages) finds the actor in most briefs before a rare one
    that starts with it ('Leeward Council'), whose rare word search weighs more."""
    boost = 10 + len(profile.appearances)
    return {"tags": [profile.name], "hide": ["tags"], "search": {"boost": boost}}


def listed_appearance_signature(reading: Reading, appearance: Appearance) -> object:
    digest = reading.digests.get(appearance.brief.slug)
    return appearance_signature(appearance), digest


def appearance_key(appearance: Appearance) -> str:
    return appearance.brief.slug


def appearance_name(appearance: Appearance) -> str:
    return brief_name(appearance.brief)


def appearances_label(oldest: Appearance, newest: Appearance) -> str:
    return briefs_label(oldest.brief, newest.brief)


def quote_key(item: tuple[Brief, Quote]) -> str:
    brief, quote = item
    return f"{brief.slug}-{quote.span.sentence}-{quote.span.start}"


def quote_name(item: tuple[Brief, Quote]) -> str:
    """A quote of an actor's list by its brief and where it stands there."""
    brief, quote = item
    return f"{brief_name(brief)}-{quote.span.sentence}-{quote.span.start}"


def quotes_label(oldest: tuple[Brief, Quote], newest: tuple[Brief, Quote]) -> str:
    return briefs_label(oldest[0], newest[0])


def stated_roles(profile: ActorProfile) -> list[StatedRole]:
    """Each distinct role once, with the newest brief that states it (appearances are newest first)."""
    newest: dict[str, Appearance] = {}
    counts: dict[str, int] = {}
    for appearance in profile.appearances:
        if role := appearance.actor.role:
            key = role.casefold()
            if key in counts:
                counts[key] += 1
            else:
                counts[key] = 1
                newest[key] = appearance
    return [StatedRole(a.actor.role or "", a.brief, counts[key]) for key, a in newest.items()]


def actor_groups(site: Site) -> list[tuple[str, str, list[ActorProfile]]]:
    """(type, title, actors) per type, each group ordered by number of briefs, then name."""
    groups = []
    for kind, title in ACTOR_TYPE_TITLES.items():
        members = [p for p in site.actors if p.type == kind]
        members.sort(key=lambda p: (-len(p.appearances), p.name.casefold(), p.slug))
        if members:
            groups.append((kind, title, members))
    return groups
