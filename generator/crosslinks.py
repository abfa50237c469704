"""Cross-links over the whole corpus: co-appearing actors, related briefs, topics and the archive."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC

from generator.model import ActorType
from generator.parallel import fork_map
from generator.resolve import ActorProfile, Brief, Site, slugify
from generator.slugs import spell_symbols

CO_ACTORS_SHOWN = 10
RELATED_SHOWN = 5
# Each actor offers as candidates the briefs nearest in time among its own: work per brief is bounded
# however large the corpus, and a change to one brief reaches only the briefs near it.
CANDIDATES_PER_ACTOR = 40
# An actor shared adds the bits of its rarity (RARITY_BITS less those of its number of briefs): a rare
# actor weighs more than a common one, and the weight only changes when that number crosses a power of
# two, so that adding a brief does not reorder the related briefs of every other.
RARITY_BITS = 20
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
    related: Mapping[str, tuple[Related, ...]]
    topics: tuple[Topic, ...]
    months: tuple[Month, ...]
    state: LinkState


@dataclass(frozen=True)
class RankInput:
    """What ranking related briefs reads of one brief: when it was published, its actors and topics."""

    timestamp: float
    actors: tuple[str, ...]
    topics: tuple[str, ...]


# A related brief as recorded: its slug, the actor slugs and topics shared, the score.
RelatedRecord = tuple[str, tuple[str, ...], tuple[str, ...], float]


@dataclass(frozen=True)
class LinkState:
    """What the cross-links were computed from and what they were, as plain data: the next build
    recomputes only what its changes reach (see `link_site`)."""

    inputs: dict[str, RankInput]
    actor_names: dict[str, tuple[str, ActorType]]
    related: dict[str, tuple[RelatedRecord, ...]]
    co_actors: dict[str, tuple[tuple[str, int], ...]]


def link_site(site: Site, previous: LinkState | None = None, jobs: int | None = 1) -> Links:
    """Compute the cross-links of the site; with the state of a previous computation, reuse what
    no change reached, which gives exactly what computing everything would. Related briefs are
    ranked over `jobs` processes (None: one per core)."""
    inputs = {brief.slug: rank_input(brief) for brief in site.briefs}
    actor_names = {profile.slug: (profile.name, profile.type) for profile in site.actors}
    postings = postings_of(inputs)
    if previous is None:
        related: dict[str, tuple[RelatedRecord, ...]] = {}
        co_actors: dict[str, tuple[tuple[str, int], ...]] = {}
        stale_briefs, stale_actors = set(inputs), set(postings)
    else:
        stale_briefs, stale_actors = stale(previous, inputs, postings, actor_names)
        related = {slug: previous.related[slug] for slug in inputs.keys() - stale_briefs}
        co_actors = {slug: previous.co_actors[slug] for slug in postings.keys() - stale_actors}
    if ranked := sorted(stale_briefs):
        corpus = Corpus.of(inputs, postings)
        related.update(
            zip(ranked, fork_map(rank_related_at, (ranked, corpus), len(ranked), jobs), strict=True)
        )
    co_actors.update({slug: co_actors_of(slug, postings[slug], inputs, actor_names) for slug in stale_actors})
    return links_of(site, LinkState(inputs, actor_names, related, co_actors))


def links_of(site: Site, state: LinkState) -> Links:
    """The cross-links as the renderer uses them: records turned back into briefs and profiles."""
    briefs = {brief.slug: brief for brief in site.briefs}
    profiles = {profile.slug: profile for profile in site.actors}
    return Links(
        co_actors={
            slug: tuple(CoActor(profiles[other], count) for other, count in counts)
            for slug, counts in state.co_actors.items()
            if counts
        },
        related=RelatedBriefs(state.related, briefs, profiles),
        topics=group_topics(site.briefs),
        months=group_months(site.briefs),
        state=state,
    )


class RelatedBriefs(Mapping[str, tuple[Related, ...]]):
    """The related briefs of each brief by slug, made from their records when asked for: only the
    pages rendered again show them (a rebuild renders a few of ten thousand)."""

    def __init__(
        self,
        records: Mapping[str, tuple[RelatedRecord, ...]],
        briefs: Mapping[str, Brief],
        profiles: Mapping[str, ActorProfile],
    ) -> None:
        self.records = records
        self.briefs = briefs
        self.profiles = profiles

    def __getitem__(self, slug: str) -> tuple[Related, ...]:
        return tuple(
            Related(self.briefs[other], tuple(self.profiles[a] for a in actors), topics, score)
            for other, actors, topics, score in self.records[slug]
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)


def rank_input(brief: Brief) -> RankInput:
    article = brief.extraction.article
    return RankInput(article.published.timestamp(), actor_slugs_of(brief), article.sections)


def actor_slugs_of(brief: Brief) -> tuple[str, ...]:
    """The distinct actor slugs of a brief, in a fixed order."""
    return tuple(sorted(set(brief.actor_slugs.values())))


def postings_of(inputs: dict[str, RankInput]) -> dict[str, list[str]]:
    """For each actor, the slugs of its briefs, newest first (then by slug)."""
    postings: dict[str, list[str]] = defaultdict(list)
    for slug in sorted(inputs, key=lambda slug: (-inputs[slug].timestamp, slug)):
        for actor in inputs[slug].actors:
            postings[actor].append(slug)
    return dict(postings)


def stale(
    previous: LinkState,
    inputs: dict[str, RankInput],
    postings: dict[str, list[str]],
    actor_names: dict[str, tuple[str, ActorType]],
) -> tuple[set[str], set[str]]:
    """The briefs whose related briefs, and the actors whose co-actors, a change may have changed.

    A brief's ranking reads its own input, its candidates (the windows of `nearest` in each of its
    actors' postings), their inputs, and the weights of its actors. All of these stay the same for a
    brief unless it changed, or one of its actors is in a changed brief (before or after the change)
    and, in that actor's postings, the weight, the brief's window, or a brief in the window changed.
    """
    changed = {
        slug
        for slug in previous.inputs.keys() | inputs.keys()
        if previous.inputs.get(slug) != inputs.get(slug)
    }
    touched = {
        actor
        for slug in changed
        for side in (previous.inputs, inputs)
        if slug in side
        for actor in side[slug].actors
    }
    stale_briefs = changed & inputs.keys()
    old_postings = postings_of(previous.inputs)
    for actor in touched:
        new, old = postings.get(actor, []), old_postings.get(actor, [])
        if rarity_weight(len(new)) != rarity_weight(len(old)):
            stale_briefs.update(new)
            continue
        old_places = {slug: place for place, slug in enumerate(old)}
        for place, slug in enumerate(new):
            window = nearest(new, place)
            old_place = old_places.get(slug)
            if old_place is None or nearest(old, old_place) != window or not changed.isdisjoint(window):
                stale_briefs.add(slug)
    # Co-actors are ordered by name: an actor now shown under another name moves in the lists it is in.
    renamed = {slug for slug, name in actor_names.items() if previous.actor_names.get(slug, name) != name}
    beside_renamed = {actor for slug in renamed for brief in postings[slug] for actor in inputs[brief].actors}
    return stale_briefs, (touched | beside_renamed) & postings.keys()


def rarity_weight(briefs: int) -> int:
    """The weight of an actor in `briefs` briefs: 20 for one brief, one less each time it doubles."""
    return max(1, RARITY_BITS + 1 - briefs.bit_length())


@dataclass(frozen=True)
class Corpus:
    """What ranking related briefs needs to know of the whole corpus, computed once."""

    inputs: dict[str, RankInput]
    postings: dict[str, list[str]]
    places: dict[tuple[str, str], int]
    actor_sets: dict[str, frozenset[str]]
    weights: dict[str, int]

    @classmethod
    def of(cls, inputs: dict[str, RankInput], postings: dict[str, list[str]]) -> Corpus:
        return cls(
            inputs,
            postings,
            {(actor, slug): place for actor, slugs in postings.items() for place, slug in enumerate(slugs)},
            {slug: frozenset(rank.actors) for slug, rank in inputs.items()},
            {actor: rarity_weight(len(slugs)) for actor, slugs in postings.items()},
        )


def nearest(briefs: list[str], place: int) -> list[str]:
    """The briefs nearest in time to the one at `place` of a newest-first list."""
    start = max(0, min(place - CANDIDATES_PER_ACTOR // 2, len(briefs) - CANDIDATES_PER_ACTOR))
    return briefs[start : start + CANDIDATES_PER_ACTOR]


def rank_related_at(shared: tuple[list[str], Corpus], index: int) -> tuple[RelatedRecord, ...]:
    slugs, corpus = shared
    return rank_related(slugs[index], corpus)


def rank_related(slug: str, corpus: Corpus) -> tuple[RelatedRecord, ...]:
    """The briefs sharing the most, and the rarest, actors and topics with `slug`.

    An actor shared adds its `rarity_weight`; a shared topic adds a smaller fixed weight. Ties go to
    the newer brief, then the slug.
    """
    own = corpus.inputs[slug]
    candidates = {
        other
        for actor in own.actors
        for other in nearest(corpus.postings[actor], corpus.places[(actor, slug)])
    }
    candidates.discard(slug)
    own_actors, weights = corpus.actor_sets[slug], corpus.weights
    ranked = []
    for other in candidates:
        rank = corpus.inputs[other]
        shared = sorted(own_actors & corpus.actor_sets[other])
        shared_topics = tuple(t for t in rank.topics if t in own.topics)
        score = sum(weights[actor] for actor in shared) + TOPIC_WEIGHT * len(shared_topics)
        ranked.append((-score, -rank.timestamp, other, tuple(shared), shared_topics))
    return tuple(
        (other, shared, shared_topics, -negated)
        for negated, _, other, shared, shared_topics in heapq.nsmallest(RELATED_SHOWN, ranked)
    )


def co_actors_of(
    slug: str, briefs: list[str], inputs: dict[str, RankInput], actor_names: dict[str, tuple[str, ActorType]]
) -> tuple[tuple[str, int], ...]:
    """The actors seen in the most of the briefs of `slug` (most first, then by name), with how many."""
    counts = Counter(actor for brief in briefs for actor in inputs[brief].actors if actor != slug)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], actor_names[item[0]][0], item[0]))
    return tuple(ranked[:CO_ACTORS_SHOWN])


def topic_slug(section: str) -> str:
    """The slug of a section label's topic: labels that differ in case or punctuation only are one
    topic, but `C++` and `C#` are two (see `slugs.spell_symbols`)."""
    return slugify(spell_symbols(section), "topic")


def group_topics(briefs: Iterable[Brief]) -> tuple[Topic, ...]:
    """One topic per section label (by slug, so 'Politics' and 'politics' are one), sorted by name."""
    grouped: dict[str, list[Brief]] = defaultdict(list)
    names: dict[str, str] = {}
    for brief in briefs:
        for section in dict.fromkeys(brief.extraction.article.sections):
            slug = topic_slug(section)
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
