"""Resolve actors across all articles: one slug per actor, and everything that links to them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import NamedTuple, Protocol

from generator.extract import lexicon
from generator.identity import Identities, identify
from generator.model import Actor, ActorType, Extraction, Figure, Quote
from generator.registry import Registry
from generator.slugs import RESERVED_SLUGS

SLUG_MAX_LENGTH = 80
# An actor's page shows its newest figures only: a profile keeps no more.
FIGURES_KEPT = 20
EMPTY_REGISTRY = Registry.of([])


@dataclass(frozen=True)
class Brief:
    """An article's extraction with its page slug and, per actor name, the actor's site-wide slug."""

    slug: str
    extraction: Extraction
    actor_slugs: dict[str, str]

    @property
    def title(self) -> str:
        return self.extraction.article.title

    @property
    def key(self) -> str:
        """What pages show of the brief stands for in their signatures, when its article was read
        from a file: the article's version (see `Article.version`); else empty."""
        return self.extraction.article.version


class Appearance(NamedTuple):
    """One brief in which an actor appears, with the role it was given there (a named tuple: there is
    one per actor of every brief, made on every build)."""

    brief: Brief
    actor: Actor


@dataclass(frozen=True)
class ActorProfile:
    """Everything the site knows of one actor, gathered over all briefs."""

    slug: str
    name: str
    type: ActorType
    aliases: tuple[str, ...]
    description: str
    curated_roles: tuple[str, ...]
    appearances: tuple[Appearance, ...]
    quotes: tuple[tuple[Brief, Quote], ...]
    figures: tuple[tuple[Brief, Figure], ...]


@dataclass(frozen=True)
class Site:
    """All briefs, newest first, and all actor profiles, by name."""

    briefs: tuple[Brief, ...]
    actors: tuple[ActorProfile, ...]


def slugify(text: str, fallback: str) -> str:
    """A safe, stable path segment: ASCII letters, digits and hyphens, never a Windows device name.

    Text with no ASCII letter or digit in it (`..`, `北京`, an emoji) gets `fallback` and a short hash
    of the text, so that such names neither share a slug nor depend on one another.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_MAX_LENGTH].strip("-")
    if not slug:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return f"{fallback}-{digest[:8]}"
    return f"{slug}-1" if slug in RESERVED_SLUGS else slug


def resolve_site(
    extractions: Sequence[Extraction],
    registry: Registry = EMPTY_REGISTRY,
    figures: Figures | None = None,
) -> Site:
    """Give every brief and actor a unique slug and collect each actor's briefs, quotes and figures.
    `figures` gives the figures of briefs, for light extractions (default: their own).
    A brief's `actor_slugs` holds the actors that have a page (see `identity.paged_keys`)."""
    identities = identify(extractions, registry)
    slug_of_text = unique_slugs(sorted(set(identities.slug_texts.values())), "actor")
    slug_of_key = {key: slug_of_text[text] for key, text in identities.slug_texts.items()}
    brief_slugs = unique_slugs([e.article.id for e in extractions], "brief")
    briefs = [
        Brief(brief_slugs[e.article.id], e, paged_slugs(position, e, identities, slug_of_key))
        for position, e in enumerate(extractions)
    ]
    briefs.sort(key=lambda b: (-b.extraction.article.published.timestamp(), b.slug))
    names = {slug_of_key[key]: name for key, name in identities.names.items() if key in identities.paged}
    newest = newest_figures(briefs, figures or OwnFigures())
    return Site(tuple(briefs), profiles(briefs, names, registry, newest))


def paged_slugs(
    position: int, extraction: Extraction, identities: Identities, slug_of_key: Mapping[str, str]
) -> dict[str, str]:
    """The slug of each actor of the brief that has a page, by the actor's name in the brief."""
    found = {actor.name: identities.keys[(position, actor.name)] for actor in extraction.actors}
    return {name: slug_of_key[key] for name, key in found.items() if key in identities.paged}


def unique_slugs(names: Sequence[str], fallback: str) -> dict[str, str]:
    """A unique slug for each name. When names clash, one that is its own slug keeps it (a file `a-b.txt`
    stays `a-b` when `a b.txt` is added); the others get -2, -3... in sorted order of the names."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    bases = {name: slugify(name, fallback) for name in names}
    for name in sorted(bases, key=lambda name: (bases[name] != name, name)):
        base = bases[name]
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        slugs[name] = slug
    return slugs


def profiles(
    briefs: Sequence[Brief],
    names: Mapping[str, str],
    registry: Registry,
    figures: Mapping[str, list[tuple[Brief, Figure]]],
) -> tuple[ActorProfile, ...]:
    """Each paged actor's appearances and quotes, its newest `figures`, and what the registry says of
    it; `names` gives each actor's display name by slug."""
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    quotes: dict[str, list[tuple[Brief, Quote]]] = defaultdict(list)
    for brief in briefs:  # newest first
        extraction, slugs = brief.extraction, brief.actor_slugs
        for actor in extraction.actors:
            if actor.name in slugs:
                appearances[slugs[actor.name]].append(Appearance(brief, actor))
        for quote in extraction.quotes:
            if quote.speaker and quote.is_certain and quote.kind != "term":
                quotes[slugs[quote.speaker]].append((brief, quote))
    result = []
    for slug, seen in sorted(appearances.items()):
        name = names[slug]
        entry = registry.find(name)
        actors = list(map(itemgetter(1), seen))  # C-level loops: there is one per actor of every brief
        kind = (entry and entry.type) or most_common(list(map(attrgetter("type"), actors)))
        # 'the president' names whoever holds the post in one brief: not an alias across briefs.
        forms = set(map(attrgetter("name", "aliases"), actors))
        written = {
            written_form(alias)
            for first, others in forms
            for alias in (first, *others)
            if alias[:1].isupper()
        }
        written = {form for form in written if not is_name_after_a_word(form, name)}
        aliases = sorted(written.union(entry.aliases if entry else ()) - {name})
        result.append(
            ActorProfile(
                slug,
                entry.name if entry else name,
                kind,
                tuple(aliases),
                entry.description if entry else "",
                entry.roles if entry else (),
                tuple(seen),
                tuple(quotes.get(slug, ())),
                tuple(figures.get(slug, ())),
            )
        )
    return tuple(result)


def is_name_after_a_word(form: str, name: str) -> bool:
    """'Billionaire Ana Ruiz', 'Republican Ana Ruiz', 'Former Ana Ruiz': the name after a word that
    is no title (a sentence's first word, a word said of the actor), which no one writes as the
    actor's name; 'Sen. Ana Ruiz' and 'Mr. Ana Ruiz' are ways it is written."""
    word, _, rest = form.partition(" ")
    return rest == name and word.lower() not in lexicon.TITLE_HEADS


# What may cling to a name where the text quotes it or ends a clause on it ("Ana Ruiz,'", "Ruiz's").
CLINGING_MARKS = ",;:!?'\"\u2019\u201d"
POSSESSIVE_ENDS = ("'s", "\u2019s")


def written_form(name: str) -> str:
    """A name as an actor page lists it among the ways it is written: without the quote marks,
    punctuation and possessive the text leaves on it. A final period goes where a quote ends on
    it or after a long word ('Ruiz Montero.'), not after an abbreviation ('Acme Corp.', 'Jr.')."""
    form = name.rstrip(CLINGING_MARKS)
    form = form[:-2] if form.endswith(POSSESSIVE_ENDS) else form
    last = form.rsplit(" ", 1)[-1]
    if last.endswith(".") and (form != name or (len(last) > 5 and not last.isupper())):
        return form[:-1]
    return form


class Figures(Protocol):
    """Where the figures of briefs are read (see `newest_figures`)."""

    def sources(self, brief: Brief) -> Sequence[str]:
        """The source of each figure of `brief` that has one, in the order of its text."""

    def read(self, briefs: Sequence[Brief]) -> Mapping[str, tuple[Figure, ...]]:
        """The figures of `briefs`, by slug."""


class OwnFigures:
    """The figures of briefs as their extractions hold them."""

    def sources(self, brief: Brief) -> Sequence[str]:
        return [figure.source for figure in brief.extraction.figures if figure.source]

    def read(self, briefs: Sequence[Brief]) -> Mapping[str, tuple[Figure, ...]]:
        return {brief.slug: brief.extraction.figures for brief in briefs}


def newest_figures(briefs: Sequence[Brief], figures: Figures) -> dict[str, list[tuple[Brief, Figure]]]:
    """Each paged actor's newest FIGURES_KEPT figures (those it is the source of), by slug, newest
    brief first, in the order of each text.

    An actor's page shows no more: the figures of only the briefs holding one of these are read (at
    ten thousand briefs, a few hundred; reading every figure took a tenth of a rebuild)."""
    counts: dict[str, int] = defaultdict(int)
    wanted = []
    for brief in briefs:  # newest first
        slugs = [brief.actor_slugs.get(source) for source in figures.sources(brief)]
        sourced = [slug for slug in slugs if slug]
        if any(counts[slug] < FIGURES_KEPT for slug in sourced):
            wanted.append(brief)
        for slug in sourced:
            counts[slug] += 1
    read = figures.read(wanted)
    kept: dict[str, list[tuple[Brief, Figure]]] = defaultdict(list)
    for brief in wanted:
        for figure in read[brief.slug]:
            holder = brief.actor_slugs.get(figure.source or "")
            if holder and len(shown := kept[holder]) < FIGURES_KEPT:
                shown.append((brief, figure))
    return kept


def most_common(values: list[ActorType]) -> ActorType:
    """The value most often in `values`; of those as often, the first seen."""
    return max(dict.fromkeys(values), key=values.count)
