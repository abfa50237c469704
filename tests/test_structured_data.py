"""schema.org typings of a brief's JSON-LD: only a person or an organisation is a quotation's creator."""

from __future__ import annotations

from datetime import UTC, datetime

from generator.model import Actor, ActorType, Article, Extraction, Quote, Span
from generator.provenance import Origin
from generator.records import structured_data


def extraction_with_speaker(kind: ActorType) -> Extraction:
    """An invented article with one certain quote whose speaker is of type `kind`."""
    article = Article("a", "seeds/a.txt", (), datetime(2026, 3, 1, tzinfo=UTC), "Port Reopens", "", ())
    speaker = Actor("Valdoria", kind, None, (), 2, 0)
    quote = Quote("We are open again", "Valdoria", "full", Span(0, 1, 18), confidence=0.99)
    return Extraction(article, (), (speaker,), (quote,), ())


def test_a_place_or_country_is_never_a_quotations_creator() -> None:
    for kind in ("country", "place"):
        data = structured_data(extraction_with_speaker(kind), Origin())
        assert data["hasPart"] == [{"@type": "Quotation", "text": "We are open again"}]
        assert data["mentions"][0]["@type"] in {"Country", "Place"}


def test_a_person_or_organisation_is_the_creator() -> None:
    for kind, typed in (("person", "Person"), ("organization", "Organization"), ("group", "Organization")):
        data = structured_data(extraction_with_speaker(kind), Origin())
        assert data["hasPart"][0]["creator"] == {"@type": typed, "name": "Valdoria"}
