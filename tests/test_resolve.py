"""Actor profiles: each actor's newest figures, read from the briefs holding them only, are those that
a look at every figure of every brief finds."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from generator import resolve
from generator.model import Actor, Article, Extraction, Figure, Paragraph, Span
from generator.resolve import Brief, OwnFigures, resolve_site

NAMES = ["Ana Torres", "Ben Ray", "Ray", "Carla Diaz", "Water Authority", "Dan Ode", "Eva Lund"]


def random_extraction(rng: random.Random, number: int) -> Extraction:
    published = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=rng.randint(0, 2000))
    article = Article(f"a{number}", f"seeds/a{number}.txt", (), published, "Title", "", (Paragraph("x", 5),))
    names = rng.sample(NAMES, rng.randint(0, 4))
    actors = tuple(Actor(name, "person", None, (), 1, 0) for name in names)
    figures = tuple(
        Figure(float(i), "%", f"{i}%", "", None, None, rng.choice([None, *names]), Span(i, 0, 2))
        for i in range(rng.randint(0, 6))
    )
    return Extraction(article, (), actors, (), figures)


def every_figure(site_briefs: Sequence[Brief], name_of: dict[str, str]) -> dict[str, list[tuple[str, float]]]:
    """Each actor's newest figures, from every figure of every brief (what a profile holds)."""
    figures: dict[str, list[tuple[str, float]]] = {}
    for brief in site_briefs:
        for figure in brief.extraction.figures:
            if figure.source:
                kept = figures.setdefault(name_of[brief.actor_slugs[figure.source]], [])
                if len(kept) < resolve.FIGURES_KEPT:
                    kept.append((brief.slug, figure.value))
    return figures


@pytest.mark.parametrize("seed", range(30))
def test_newest_figures_are_those_a_look_at_every_brief_finds(monkeypatch, seed: int) -> None:
    monkeypatch.setattr(resolve, "FIGURES_KEPT", 5)
    rng = random.Random(seed)
    extractions = [random_extraction(rng, number) for number in range(rng.randint(0, 60))]
    figures = CountedFigures()
    site = resolve_site(extractions, figures=figures)
    name_of = {profile.slug: profile.name for profile in site.actors}
    shown = {p.name: [(b.slug, f.value) for b, f in p.figures] for p in site.actors if p.figures}
    expected = every_figure(site.briefs, name_of)
    assert shown == {name: kept for name, kept in expected.items() if kept}
    # Only the briefs holding a figure shown are read.
    assert sorted(figures.read_slugs) == sorted({slug for kept in expected.values() for slug, _ in kept})


class CountedFigures(OwnFigures):
    def __init__(self) -> None:
        self.read_slugs: list[str] = []

    def read(self, briefs: Sequence[Brief]) -> Mapping[str, tuple[Figure, ...]]:
        self.read_slugs.extend(brief.slug for brief in briefs)
        return super().read(briefs)
