"""Actor profiles: each actor's newest figures, read from the briefs holding them only, are those that
a look at every figure of every brief finds."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from generator import identity, resolve
from generator.model import Actor, Article, Extraction, Figure, Paragraph, Quote, Span
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
            if figure.source in brief.actor_slugs:  # a source named once has no page to show it
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


def brief_of(number: int, *actors: tuple[str, str | None], quoted: str | None = None) -> Extraction:
    """An extraction naming people (name, role), the one named `quoted` speaking."""
    published = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=number)
    article = Article(f"b{number}", f"seeds/b{number}.txt", (), published, "Title", "", (Paragraph("x", 5),))
    cast = tuple(Actor(name, "person", role, (), 1, 0) for name, role in actors)
    quotes = (Quote("We will see.", quoted, "full", Span(0, 0, 5)),) if quoted else ()
    return Extraction(article, (), cast, quotes, ())


def slug_of(site, number: int, name: str) -> str | None:
    return next(b for b in site.briefs if b.slug == f"b{number}").actor_slugs.get(name)


def test_forms_of_a_name_are_one_actor_named_by_its_most_frequent_full_form() -> None:
    site = resolve_site(
        [
            brief_of(1, ("Ana M. Ruiz", None)),
            brief_of(2, ("Ana Ruiz", None)),
            brief_of(3, ("Ana Ruiz's", None)),
            brief_of(4, ("ANa Ruiz", None)),
            brief_of(5, ("Beloved Ana Ruiz", None)),
        ]
    )
    assert [(p.slug, p.name, len(p.appearances)) for p in site.actors] == [("ana-ruiz", "Ana Ruiz", 5)]


def test_a_slug_stays_when_an_article_adds_forms_that_become_the_most_frequent() -> None:
    before = resolve_site([brief_of(1, ("Ana Ruiz", None)), brief_of(2, ("Ana Ruiz", None))])
    added = [brief_of(n, ("Ana Q. Ruiz", None)) for n in (3, 4, 5)]
    after = resolve_site([brief_of(1, ("Ana Ruiz", None)), brief_of(2, ("Ana Ruiz", None)), *added])
    assert [p.slug for p in before.actors] == [p.slug for p in after.actors] == ["ana-ruiz"]
    assert after.actors[0].name == "Ana Q. Ruiz"


@pytest.mark.parametrize(
    ("forms", "slug"),
    [
        (("Marc Le Roux", "Marc A. Le Roux"), "marc-le-roux"),
        (("Ana de la Cruz", "Ana María de la Cruz"), "ana-de-la-cruz"),
        (("Pieter van Dijk", "Pieter van Dijk Jr."), "pieter-van-dijk"),
    ],
)
def test_a_surname_a_particle_opens_is_whole_in_the_page_address(forms: tuple[str, str], slug: str) -> None:
    surname = forms[0].split()[-1]
    site = resolve_site([brief_of(n, (form, None)) for n, form in enumerate((*forms, surname), 1)])
    assert [(p.slug, len(p.appearances)) for p in site.actors] == [(slug, 3)]


def test_a_surname_alone_goes_to_the_bearer_its_role_or_title_fits_else_the_most_named() -> None:
    site = resolve_site(
        [
            *(brief_of(n, ("Ana Ruiz", None)) for n in (1, 2, 3)),
            brief_of(4, ("Juan Ruiz", "former President")),
            brief_of(5, ("Ruiz", "President")),
            brief_of(6, ("Ruiz", None)),
            brief_of(7, ("Ruiz", "Mr.")),
        ]
    )
    assert [slug_of(site, n, "Ruiz") for n in (5, 6, 7)] == ["juan-ruiz", "ana-ruiz", "juan-ruiz"]


def test_a_surname_written_with_a_courtesy_title_goes_to_a_bearer_of_its_gender() -> None:
    """'Mrs. Ruiz' is kept as a form of the name 'Ruiz', not as its role: it still rules out Juan."""
    wife = Extraction(brief_of(5).article, (), (Actor("Ruiz", "person", None, ("Mrs. Ruiz",), 1, 0),), (), ())
    site = resolve_site(
        [*(brief_of(n, ("Juan Ruiz", None)) for n in (1, 2, 3)), brief_of(4, ("Ana Ruiz", None)), wife]
    )
    assert slug_of(site, 5, "Ruiz") == "ana-ruiz"


def bodies_of(number: int, *names: str) -> Extraction:
    """An extraction naming bodies (or names the extraction took for bodies)."""
    cast = tuple(Actor(name, "organization", None, (), 3, 0) for name in names)
    return replace(brief_of(number), actors=cast)


def test_a_bodys_name_is_whole_but_a_party_said_of_a_surname_is_not() -> None:
    site = resolve_site(
        [
            bodies_of(1, "Home Office", "Office"),
            bodies_of(2, "Federal Court", "Court"),
            *(brief_of(n, ("Ana Ruiz", None)) for n in (3, 4)),
            bodies_of(5, "Republican Ruiz"),
        ]
    )
    assert [slug_of(site, 1, "Home Office"), slug_of(site, 1, "Office")] == ["home-office", "office"]
    assert [slug_of(site, 2, "Federal Court"), slug_of(site, 2, "Court")] == ["federal-court", "court"]
    assert slug_of(site, 5, "Republican Ruiz") == "ana-ruiz"


def test_a_body_named_by_one_word_is_shown_by_that_word() -> None:
    """'House Orsk Party' taken for a person with a title: the forms are one body's, named as it is."""
    briefs = [bodies_of(n, "OPP") for n in (1, 2, 3)]
    site = resolve_site([*briefs, brief_of(4, ("House OPP", None)), brief_of(5, ("House OPP", None))])
    assert [(p.slug, p.name) for p in site.actors] == [("opp", "OPP")]


def test_a_surname_shared_by_people_named_as_often_stays_apart() -> None:
    site = resolve_site(
        [brief_of(1, ("Ana Ruiz", None)), brief_of(2, ("Juan Ruiz", None)), brief_of(3, ("Ruiz", None))]
    )
    assert slug_of(site, 3, "Ruiz") is None  # its own actor, named once: no page


def test_a_first_name_alone_goes_to_the_person_known_by_it() -> None:
    site = resolve_site([brief_of(1, ("Marta Kelt", None)), brief_of(2, ("Marta", None))])
    assert slug_of(site, 2, "Marta") == "marta-kelt"


def test_an_actor_named_once_has_a_page_only_when_quoted() -> None:
    site = resolve_site([brief_of(1, ("Ana Ruiz", None), ("Ben Ode", None), quoted="Ben Ode")])
    assert [p.slug for p in site.actors] == ["ben-ode"]
    assert slug_of(site, 1, "Ana Ruiz") is None


def test_an_actor_named_often_in_its_one_brief_has_a_page() -> None:
    extraction = brief_of(1, ("Ana Ruiz", None))
    often = replace(
        extraction, actors=(replace(extraction.actors[0], mentions=identity.MENTIONS_FOR_A_PAGE),)
    )
    assert [p.slug for p in resolve_site([often]).actors] == ["ana-ruiz"]


def test_a_name_typed_otherwise_in_one_brief_joins_the_person_other_briefs_know() -> None:
    body = brief_of(3, ("Zorvan Kelt", None))
    taken = replace(body, actors=(replace(body.actors[0], type="organization"),))
    site = resolve_site([brief_of(1, ("Zorvan Kelt", None)), brief_of(2, ("Zorvan Kelt", None)), taken])
    assert [(p.slug, len(p.appearances), p.type) for p in site.actors] == [("zorvan-kelt", 3, "person")]


def test_a_body_named_by_a_noun_and_words_said_of_names_joins_no_person_nor_other_body() -> None:
    """'Progressive National Convention' is not 'Convention' alone, whose bearer would be any 'person'
    mistyped with that noun last, nor the Conservative one; 'Progressives' is no one's surname."""

    def body(number: int, name: str) -> Extraction:
        extraction = brief_of(number, (name, None))
        return replace(extraction, actors=(replace(extraction.actors[0], type="organization"),))

    site = resolve_site(
        [
            *(brief_of(n, ("Orla Convention", None)) for n in (1, 2)),
            *(body(n, "Progressive National Convention") for n in (3, 4)),
            *(body(n, "Conservative National Convention") for n in (5, 6)),
            *(brief_of(n, ("Tarn Progressives", None)) for n in (7, 8)),
            *(body(n, "Progressives") for n in (9, 10)),
        ]
    )
    assert sorted(p.slug for p in site.actors) == [
        "conservative-national-convention",
        "orla-convention",
        "progressive-national-convention",
        "progressives",
        "tarn-progressives",
    ]


def test_names_the_same_but_for_case_punctuation_or_a_word_said_of_them_are_one_actor() -> None:
    site = resolve_site(
        [
            brief_of(1, ("Ana Ruiz", None)),
            brief_of(2, ("Ana Ruiz.'", None)),
            brief_of(3, ("Former Ruiz", None)),
        ]
    )
    assert [(p.slug, len(p.appearances)) for p in site.actors] == [("ana-ruiz", 3)]
    bodies = [brief_of(n, (name, None)) for n, name in ((5, "Velta-Co"), (6, "Velta Co"))]
    bodies = [replace(b, actors=(replace(b.actors[0], type="organization"),)) for b in bodies]
    assert [p.slug for p in resolve_site(bodies).actors] == ["velta-co"]


def test_the_ways_a_name_is_written_leave_out_what_the_text_leaves_on_it() -> None:
    site = resolve_site(
        [
            brief_of(1, ("Ana Ruiz", None), ("Ruiz Montero", None)),
            brief_of(2, ("Ana Ruiz.\u2019", None), ("Ruiz Montero's", None)),
            brief_of(3, ("Ana Ruiz'", None), ("Ruiz Montero.", None)),
        ]
    )
    aliases = {profile.name: profile.aliases for profile in site.actors}
    assert aliases == {"Ana Ruiz": (), "Ruiz Montero": ()}
    # A word before the whole name that is no title is no way of writing it.
    titled = brief_of(1, ("Ana Ruiz", "Sen."), quoted="Ana Ruiz")
    forms = ("Sen. Ana Ruiz", "Former Ana Ruiz", "Beloved Ana Ruiz", "Republican Ana Ruiz")
    titled = replace(titled, actors=(replace(titled.actors[0], aliases=forms),))
    assert resolve_site([titled]).actors[0].aliases == ("Sen. Ana Ruiz",)
    # A period that belongs to the name stays.
    assert [resolve.written_form(name) for name in ("Acme Corp.", "Ana Ruiz Jr.", "U.S.")] == [
        "Acme Corp.",
        "Ana Ruiz Jr.",
        "U.S.",
    ]
