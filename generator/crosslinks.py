"""Cross-links over the whole corpus: co-appearing actors, related briefs, topics and the archive."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC

from generator.resolve import ActorProfile, Brief, Site, slugify

CO_ACTORS_SHOWN = 10
RELATED_SHOWN = 5
# An actor in more briefs than `common_limit` is too common to find related briefs by (every brief
# mentions the United States); it still adds to the score of briefs found otherwise.
COMMON_ACTOR_SCALE = 3
COMMON_ACTOR_FLOOR = 50
CANDIDATES_PER_ACTOR = 60
TOPIC_WEIGHT = 0.25


@dataclass(frozen=True)
class CoActor:
    """An actor seen in the same briefs as another, and in how many."""

    profile: ActorProfile
    briefs: int


@dataclass(frozen=True)
class Related:
    """A brief related to another, with what they share (actor profiles and topic names)."""

    brief: Brief
    actors: tuple[ActorProfile, ...]
    topics: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class Topic:
    """A section label and its briefs, newest first."""

    slug: str
    name: str
    briefs: tuple[Brief, ...]


@dataclass(frozen=True)
class Month:
    """The briefs published in one month, newest first."""

    year: int
    month: int
    briefs: tuple[Brief, ...]

    @property
    def slug(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Links:
    """Everything derived from the corpus as a whole, computed once before rendering."""

    co_actors: dict[str, tuple[CoActor, ...]]
    related: dict[str, tuple[Related, ...]]
    topics: tuple[Topic, ...]
    months: tuple[Month, ...]


def link_site(site: Site) -> Links:
    """Compute the cross-links of the site."""
    topics = group_topics(site.briefs)
    return Links(
        co_actors=co_appearances(site.actors),
        related=related_briefs(site),
        topics=topics,
        months=group_months(site.briefs),
    )


def actor_slugs_of(brief: Brief) -> tuple[str, ...]:
    """The distinct actor slugs of a brief, in a fixed order."""
    return tuple(sorted(set(brief.actor_slugs.values())))


def co_appearances(profiles: Sequence[ActorProfile]) -> dict[str, tuple[CoActor, ...]]:
    """For each actor, the actors that appear in the most of the same briefs (most first, then name)."""
    by_slug = {profile.slug: profile for profile in profiles}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    briefs = {a.brief.slug: a.brief for profile in profiles for a in profile.appearances}
    for brief in briefs.values():
        slugs = actor_slugs_of(brief)
        for slug in slugs:
            counts[slug].update(other for other in slugs if other != slug)
    return {
        slug: tuple(
            CoActor(by_slug[other], count)
            for other, count in sorted(
                counter.items(), key=lambda item: (-item[1], by_slug[item[0]].name, item[0])
            )[:CO_ACTORS_SHOWN]
        )
        for slug, counter in sorted(counts.items())
    }


def related_briefs(site: Site) -> dict[str, tuple[Related, ...]]:
    """For each brief, the briefs sharing the most, and the rarest, actors and topics.

    An actor shared adds its inverse document frequency, so a rare actor weighs more than a common
    one; a shared topic adds a smaller fixed weight. Ties go to the newer brief, then the slug.
    Candidates are found through the actors that are not common (see `common_limit`), which keeps
    the work per brief bounded however large the corpus.
    """
    slugs = {brief.slug: actor_slugs_of(brief) for brief in site.briefs}
    postings: dict[str, list[Brief]] = defaultdict(list)
    places: dict[tuple[str, str], int] = {}
    for brief in site.briefs:
        for slug in slugs[brief.slug]:
            places[(slug, brief.slug)] = len(postings[slug])
            postings[slug].append(brief)
    total = len(site.briefs)
    weight = {slug: math.log((1 + total) / (1 + len(briefs))) + 1 for slug, briefs in postings.items()}
    rare = {slug for slug, briefs in postings.items() if len(briefs) <= common_limit(total)}
    profiles = {profile.slug: profile for profile in site.actors}
    corpus = Corpus(slugs, postings, places, weight, rare, profiles)
    return {brief.slug: rank_related(brief, corpus) for brief in site.briefs}


def common_limit(total: int) -> int:
    """How many briefs an actor may appear in and still find related briefs: grows with the square
    root of the corpus, so that candidates per brief stay few at tens of thousands of briefs."""
    return max(COMMON_ACTOR_FLOOR, int(COMMON_ACTOR_SCALE * math.sqrt(total)))


@dataclass(frozen=True)
class Corpus:
    """What ranking related briefs needs to know of the whole corpus, computed once."""

    slugs: dict[str, tuple[str, ...]]
    postings: dict[str, list[Brief]]
    places: dict[tuple[str, str], int]
    weight: dict[str, float]
    rare: set[str]
    profiles: dict[str, ActorProfile]


def nearest(briefs: list[Brief], place: int) -> list[Brief]:
    """The briefs nearest in time to the one at `place` of a newest-first list: each actor offers
    a bounded number of candidates, so ranking stays linear in the corpus."""
    start = max(0, min(place - CANDIDATES_PER_ACTOR // 2, len(briefs) - CANDIDATES_PER_ACTOR))
    return briefs[start : start + CANDIDATES_PER_ACTOR]


def rank_related(brief: Brief, corpus: Corpus) -> tuple[Related, ...]:
    own = corpus.slugs[brief.slug]
    candidates = {
        other.slug: other
        for slug in own
        if slug in corpus.rare
        for other in nearest(corpus.postings[slug], corpus.places[(slug, brief.slug)])
        if other.slug != brief.slug
    }
    own_set, topics = set(own), set(brief.extraction.article.sections)
    ranked = []
    for other in candidates.values():
        shared = [slug for slug in corpus.slugs[other.slug] if slug in own_set]
        shared_topics = tuple(t for t in other.extraction.article.sections if t in topics)
        score = sum(corpus.weight[slug] for slug in shared) + TOPIC_WEIGHT * len(shared_topics)
        ranked.append((round(score, 9), other, shared, shared_topics))
    best = heapq.nsmallest(
        RELATED_SHOWN,
        ranked,
        key=lambda r: (-r[0], -r[1].extraction.article.published.timestamp(), r[1].slug),
    )
    return tuple(
        Related(other, tuple(corpus.profiles[slug] for slug in shared), shared_topics, score)
        for score, other, shared, shared_topics in best
    )


def group_topics(briefs: Iterable[Brief]) -> tuple[Topic, ...]:
    """One topic per section label (by slug, so 'Politics' and 'politics' are one), sorted by name."""
    grouped: dict[str, list[Brief]] = defaultdict(list)
    names: dict[str, str] = {}
    for brief in briefs:
        for section in dict.fromkeys(brief.extraction.article.sections):
            slug = slugify(section, "topic")
            names.setdefault(slug, section)
            grouped[slug].append(brief)
    return tuple(Topic(slug, names[slug], tuple(grouped[slug])) for slug in sorted(grouped))


def group_months(briefs: Iterable[Brief]) -> tuple[Month, ...]:
    """Briefs by year and month of publication (UTC), newest month first."""
    grouped: dict[tuple[int, int], list[Brief]] = defaultdict(list)
    for brief in briefs:
        published = brief.extraction.article.published.astimezone(UTC)
        grouped[(published.year, published.month)].append(brief)
    return tuple(
        Month(year, month, tuple(grouped[(year, month)])) for year, month in sorted(grouped, reverse=True)
    )
