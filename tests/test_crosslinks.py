"""Cross-links over small hand-made corpora: co-appearances, related briefs, topics, the archive."""

from __future__ import annotations

from datetime import UTC, datetime

from generator.crosslinks import co_appearances, group_months, group_topics, link_site, related_briefs
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
    counts = co_appearances(corpus().actors)
    assert [(c.profile.name, c.briefs) for c in counts["ana-torres"]] == [
        ("Ben Ray", 2),
        ("Carla Diaz", 1),
        ("Dan Ode", 1),
    ]
    assert [(c.profile.name, c.briefs) for c in counts["dan-ode"]] == [("Ana Torres", 1), ("Carla Diaz", 1)]


def test_related_briefs_rank_rare_shared_actors_first_and_name_them() -> None:
    related = related_briefs(corpus())
    ranked = related["a"]
    assert [r.brief.slug for r in ranked] == ["b", "d", "c"]
    assert [p.name for p in ranked[0].actors] == ["Ana Torres", "Ben Ray"]
    assert [p.name for p in ranked[1].actors] == ["Carla Diaz"]
    assert ranked[1].topics == ("Politics",)


def test_related_briefs_never_include_the_brief_itself_and_are_deterministic() -> None:
    first, second = related_briefs(corpus()), related_briefs(corpus())
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
