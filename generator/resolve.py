"""Resolve actors across all articles: one slug per actor, and everything that links to them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import NamedTuple

from generator.model import Actor, ActorType, Extraction, Figure, Quote
from generator.registry import Registry

WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
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
    # A hash of the article's file and of the extraction code, when known: names what was extracted.
    key: str = ""

    @property
    def title(self) -> str:
        return self.extraction.article.title


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
    return f"{slug}-1" if slug in WINDOWS_RESERVED else slug


def resolve_site(
    extractions: Sequence[Extraction],
    registry: Registry = EMPTY_REGISTRY,
    keys: Mapping[str, str] | None = None,
) -> Site:
    """Give every brief and actor a unique slug and collect each actor's briefs, quotes and figures.
    `keys` gives, by article id, the key of each extraction in the cache (see `Brief.key`)."""
    canonical = canonical_names(extractions, registry)
    actor_slugs = unique_slugs(sorted(set(canonical.values())), "actor")
    slug_of = {name: actor_slugs[full] for name, full in canonical.items()}
    brief_slugs = unique_slugs([e.article.id for e in extractions], "brief")
    briefs = [
        Brief(
            brief_slugs[e.article.id],
            e,
            {a.name: slug_of[a.name] for a in e.actors},
            keys.get(e.article.id, "") if keys else "",
        )
        for e in extractions
    ]
    briefs.sort(key=lambda b: (-b.extraction.article.published.timestamp(), b.slug))
    return Site(tuple(briefs), profiles(briefs, canonical, actor_slugs, registry))


def canonical_names(extractions: Sequence[Extraction], registry: Registry) -> dict[str, str]:
    """Each actor name mapped to its site-wide name: the registry's, else a lone surname joins the
    one full name ending in it."""
    names = {actor.name: actor.type for e in extractions for actor in e.actors}
    curated = {
        actor.name: entry.name
        for e in extractions
        if registry.entries  # no registry (the usual case): no name to look up
        for actor in e.actors
        if (entry := next(filter(None, map(registry.find, (actor.name, *actor.aliases))), None))
    }
    by_last_word: dict[str, set[str]] = {}
    for name, kind in names.items():
        if kind == "person" and " " in name:
            by_last_word.setdefault(name.split()[-1], set()).add(name)
    canonical = {}
    for name, kind in names.items():
        owners = by_last_word.get(name, set())
        canonical[name] = next(iter(owners)) if kind == "person" and len(owners) == 1 else name
    return {name: curated.get(name) or curated.get(full, full) for name, full in canonical.items()}


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
    briefs: Sequence[Brief], canonical: dict[str, str], slugs: dict[str, str], registry: Registry
) -> tuple[ActorProfile, ...]:
    """Each actor's appearances, quotes and newest figures (FIGURES_KEPT: all its page shows), with
    what the registry says of it."""
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    quotes: dict[str, list[tuple[Brief, Quote]]] = defaultdict(list)
    figures: dict[str, list[tuple[Brief, Figure]]] = defaultdict(list)
    for brief in briefs:  # newest first
        extraction = brief.extraction
        for actor in extraction.actors:
            appearances[canonical[actor.name]].append(Appearance(brief, actor))
        for quote in extraction.quotes:
            if quote.speaker and quote.kind != "term":
                quotes[canonical[quote.speaker]].append((brief, quote))
        for figure in extraction.figures:
            if figure.source and len(kept := figures[canonical[figure.source]]) < FIGURES_KEPT:
                kept.append((brief, figure))
    result = []
    for name, seen in sorted(appearances.items(), key=lambda item: slugs[item[0]]):
        entry = registry.find(name)
        actors = list(map(itemgetter(1), seen))  # C-level loops: there is one per actor of every brief
        kind = (entry and entry.type) or most_common(list(map(attrgetter("type"), actors)))
        # 'the president' names whoever holds the post in one brief: not an alias across briefs.
        forms = set(map(attrgetter("name", "aliases"), actors))
        written = {alias for first, others in forms for alias in (first, *others) if alias[:1].isupper()}
        aliases = sorted(written.union(entry.aliases if entry else ()) - {name})
        result.append(
            ActorProfile(
                slugs[name],
                name,
                kind,
                tuple(aliases),
                entry.description if entry else "",
                entry.roles if entry else (),
                tuple(seen),
                tuple(quotes.get(name, ())),
                tuple(figures.get(name, ())),
            )
        )
    return tuple(result)


def most_common(values: list[ActorType]) -> ActorType:
    """The value most often in `values`; of those as often, the first seen."""
    return max(dict.fromkeys(values), key=values.count)
