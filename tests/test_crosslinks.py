"""Cross-links over small hand-made corpora: co-appearances, related briefs, topics, the archive."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from generator import crosslinks
from generator.crosslinks import group_months, group_topics, link_site
from generator.model import Actor, Article, Extraction, Paragraph
from generator.resolve import Site, resolve_site


def make_extraction(
    article_id: str, day: str, actors: list[str], sections: tuple[str, ...] = ("Politics",)
) -> Extraction:
    article = Article(
        id=article_id,
        source=f"seeds/{article_id}.txt",
        sections=sections,
        published=datetime.fromisoformat(day).replace(tzinfo=UTC),
        title=f"Title of {article_id}",
        summary="",
        paragraphs=(Paragraph("Text.", 5),),
    )
    cast = tuple(Actor(name, "person", None, (), 1, 0) for name in actors)
    return Extraction(article, (), cast, (), ())


def corpus() -> Site:
    return resolve_site(
        [
            make_extraction("a", "2026-01-01", ["Ana Torres", "Ben Ray", "Carla Diaz"]),
            make_extraction("b", "2026-01-02", ["Ana Torres", "Ben Ray"], ("Economy",)),
            make_extraction("c", "2026-02-03", ["Ana Torres", "Dan Ode"], ("Politics", "Economy")),
            make_extraction("d", "2025-12-30", ["Carla Diaz", "Dan Ode"]),
        ]
    )


def test_co_appearances_count_the_briefs_two_actors_share() -> None:
    counts = link_site(corpus()).co_actors
    assert [(c.profile.name, c.briefs) for c in counts["ana-torres"]] == [
        ("Ben Ray", 2),
        ("Carla Diaz", 1),
        ("Dan Ode", 1),
    ]
    assert [(c.profile.name, c.briefs) for c in counts["dan-ode"]] == [("Ana Torres", 1), ("Carla Diaz", 1)]


def test_related_briefs_rank_rare_shared_actors_first_and_name_them() -> None:
    # Ana Torres in four briefs weighs less than Carla Diaz in two: d before c, though c is newer.
    extra = make_extraction("e", "2025-11-01", ["Ana Torres"], ("Health",))
    site = resolve_site([*(brief.extraction for brief in corpus().briefs), extra])
    ranked = link_site(site).related["a"]
    assert [r.brief.slug for r in ranked] == ["b", "d", "c", "e"]
    assert [p.name for p in ranked[0].actors] == ["Ana Torres", "Ben Ray"]
    assert [p.name for p in ranked[1].actors] == ["Carla Diaz"]
    assert ranked[1].topics == ("Politics",)


def test_related_briefs_never_include_the_brief_itself_and_are_deterministic() -> None:
    first, second = link_site(corpus()).related, link_site(corpus()).related
    assert all(slug not in [r.brief.slug for r in items] for slug, items in first.items())
    assert {k: [r.brief.slug for r in v] for k, v in first.items()} == {
        k: [r.brief.slug for r in v] for k, v in second.items()
    }


def test_topics_group_briefs_newest_first() -> None:
    topics = group_topics(corpus().briefs)
    assert [(t.name, [b.slug for b in t.briefs]) for t in topics] == [
        ("Economy", ["c", "b"]),
        ("Politics", ["c", "a", "d"]),
    ]


def test_topics_with_the_same_slug_are_one_topic() -> None:
    site = resolve_site(
        [
            make_extraction("a", "2026-01-01", [], ("Politics",)),
            make_extraction("b", "2026-01-02", [], ("politics",)),
        ]
    )
    assert [(t.slug, len(t.briefs)) for t in group_topics(site.briefs)] == [("politics", 2)]


def test_archive_groups_by_month_newest_first() -> None:
    months = group_months(corpus().briefs)
    assert [(m.slug, [b.slug for b in m.briefs]) for m in months] == [
        ("2026-02", ["c"]),
        ("2026-01", ["b", "a"]),
        ("2025-12", ["d"]),
    ]


def test_link_site_covers_every_brief() -> None:
    site = corpus()
    links = link_site(site)
    assert set(links.related) == {b.slug for b in site.briefs}


NAMES = [f"{first} {last}" for first in ("Ana", "Ben", "Carla", "Dan") for last in ("Torres", "Ray", "Ode")]
TOPICS = ("Politics", "Economy", "Health")


def random_extraction(rng: random.Random, article_id: str) -> Extraction:
    day = f"2026-0{rng.randint(1, 3)}-{rng.randint(10, 12)}"
    actors = rng.sample(NAMES, rng.randint(0, 4))
    return make_extraction(article_id, day, actors, tuple(rng.sample(TOPICS, rng.randint(1, 2))))


def shown(site: Site, previous: crosslinks.LinkState | None) -> tuple[object, object]:
    links = link_site(site, previous)
    related = {
        slug: [(r.brief.slug, [p.slug for p in r.actors], r.topics, r.score) for r in items]
        for slug, items in links.related.items()
    }
    co_actors = {
        slug: [(c.profile.slug, c.profile.name, c.briefs) for c in items]
        for slug, items in links.co_actors.items()
    }
    return related, co_actors


@pytest.mark.parametrize("seed", range(40))
def test_cross_links_from_the_last_build_equal_those_computed_afresh(monkeypatch, seed: int) -> None:
    """Whatever changes (articles added, removed, edited, re-dated, actors renamed through a new
    full name), reusing the last cross-links gives exactly what computing everything gives."""
    monkeypatch.setattr(crosslinks, "CANDIDATES_PER_ACTOR", 4)  # small windows: they shift often
    monkeypatch.setattr(crosslinks, "RELATED_SHOWN", 2)
    rng = random.Random(seed)
    articles = {f"a{i}": random_extraction(rng, f"a{i}") for i in range(rng.randint(5, 40))}
    previous = link_site(resolve_site(list(articles.values()))).state
    for _ in range(3):
        for _ in range(rng.randint(1, 3)):
            kind = rng.choice(["add", "remove", "edit", "surname"])
            if kind == "add" or not articles:
                article_id = f"n{rng.randint(0, 10**6)}"
                articles[article_id] = random_extraction(rng, article_id)
            elif kind == "remove":
                del articles[rng.choice(sorted(articles))]
            elif kind == "edit":
                article_id = rng.choice(sorted(articles))
                articles[article_id] = random_extraction(rng, article_id)
            else:  # a lone surname, which joins the one full name ending in it, or stands alone
                article_id = f"s{rng.randint(0, 10**6)}"
                surname = rng.choice(NAMES).split()[-1]
                articles[article_id] = make_extraction(article_id, "2026-02-11", [surname, rng.choice(NAMES)])
        site = resolve_site(list(articles.values()))
        assert shown(site, previous) == shown(site, None)
        previous = link_site(site, previous).state
