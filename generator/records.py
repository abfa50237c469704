"""Extractions as plain data: the JSON of `briefs extract --json` and the front matter of brief pages.

Both hold the same fields; the JSON names actors by name (for scripts and the scorer), the front
matter by slug (an actor's identity on the site).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict
from typing import Any

from generator.model import Actor, Extraction, Figure, Quote
from generator.provenance import Origin
from generator.quoting import sentence_at

ActorRef = Callable[[str], str | None]  # an actor's slug; None: the actor has no page
# schema.org lets a Quotation's creator be a Person or an Organization only: a place does not speak.
SPEAKER_TYPES = frozenset({"Person", "Organization"})
SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "country": "Country",
    "place": "Place",
    "group": "Organization",
}


def extraction_record(extraction: Extraction, actor_slugs: Mapping[str, str]) -> dict[str, Any]:
    """One article's record: actors by name (with their slugs), every item with its sentence index."""
    article = extraction.article
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat(),
        "sections": list(article.sections),
        "summary": article.summary,
        "figures": [figure_record(f, str) for f in extraction.figures],
        "quotes": [quote_record(q, str) for q in extraction.quotes],
        "actors": [actor_record(a, actor_slugs) for a in extraction.actors],
        "sentences": [s.text for s in extraction.sentences],
    }


# The files of a brief's data, by what they add to its slug (see `data_files`).
DATA_SUFFIXES = (".json", "-quotes.csv", "-figures.csv")
QUOTE_COLUMNS = ("sentence", "kind", "speaker", "certain", "confidence", "text", "in_sentence")
FIGURE_COLUMNS = (
    "sentence",
    "value",
    "range_end",
    "unit",
    "text",
    "measure",
    "change",
    "qualifier",
    "source",
)


def data_files(extraction: Extraction, actor_slugs: Mapping[str, str], origin: Origin) -> dict[str, str]:
    """A brief's data to download, by file name suffix: its record as JSON (with the original
    article's origin), its quotes and its figures as CSV (one row each, in the order of the text)."""
    record = {**extraction_record(extraction, actor_slugs), "origin": asdict(origin) if origin else None}
    quotes = [quote_row(extraction, quote) for quote in extraction.quotes]
    figures = list(map(figure_row, extraction.figures))
    texts = (
        json.dumps(record, ensure_ascii=False, indent=1) + "\n",
        csv_text(QUOTE_COLUMNS, quotes),
        csv_text(FIGURE_COLUMNS, figures),
    )
    return dict(zip(DATA_SUFFIXES, texts, strict=True))


def quote_row(extraction: Extraction, quote: Quote) -> tuple[object, ...]:
    sentence = sentence_at(extraction.sentences, quote.span.sentence)
    speaker, confidence = quote.speaker or "", round(quote.confidence, 3)
    text = sentence.text if sentence else ""
    return quote.span.sentence, quote.kind, speaker, quote.is_certain, confidence, quote.text, text


def figure_row(figure: Figure) -> tuple[object, ...]:
    end = "" if figure.range_end is None else figure.range_end
    return (
        figure.span.sentence,
        figure.value,
        end,
        figure.unit,
        figure.text,
        figure.measure,
        figure.change or "",
        figure.qualifier or "",
        figure.source or "",
    )


def csv_text(columns: tuple[str, ...], rows: Iterable[tuple[object, ...]]) -> str:
    """RFC 4180 CSV with a header row, every field quoted where it needs to be, LF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def front_matter(
    extraction: Extraction, actor_slugs: Mapping[str, str], origin: Origin | None = None
) -> dict[str, Any]:
    """A brief page's front matter: the same facts, actors referred to by slug."""
    article = extraction.article
    return {
        "title": article.title,
        "description": article.summary or (extraction.sentences[0].text if extraction.sentences else ""),
        "date": article.published.isoformat(),
        "id": article.id,
        "source": article.source,
        "tags": list(dict.fromkeys(article.sections)),
        # Searchable as tags; shown as links to the topic pages in the body instead of as plain chips.
        "hide": ["tags"],
        "summary": article.summary,
        "actors": [actor_record(a, actor_slugs) for a in extraction.actors],
        "figures": [figure_record(f, actor_slugs.get) for f in extraction.figures],
        "quotes": [quote_record(q, actor_slugs.get) for q in extraction.quotes],
        "schema": structured_data(extraction, origin or Origin()),
    }


def structured_data(extraction: Extraction, origin: Origin) -> dict[str, Any]:
    """schema.org JSON-LD for the page head: the article, the actors it mentions, its quotations, and
    the original article it is based on when that is known."""
    article = extraction.article
    types = {actor.name: SCHEMA_TYPES[actor.type] for actor in extraction.actors}
    return {
        **({"isBasedOn": original_article(origin)} if origin else {}),
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published.isoformat(),
        # A brief changes only with its article: generated again, it says the same.
        "dateModified": article.published.isoformat(),
        "description": article.summary,
        "keywords": list(dict.fromkeys(article.sections)),
        "mentions": [{"@type": types[a.name], "name": a.name} for a in extraction.actors],
        "hasPart": [
            {
                "@type": "Quotation",
                "text": q.text,
                **(
                    {"creator": {"@type": types[q.speaker], "name": q.speaker}}
                    if q.is_certain and q.speaker and types[q.speaker] in SPEAKER_TYPES
                    else {}
                ),
            }
            for q in extraction.quotes
            if q.kind != "term"
        ],
    }


def actor_record(actor: Actor, actor_slugs: Mapping[str, str]) -> dict[str, Any]:
    return {
        "name": actor.name,
        "slug": actor_slugs.get(actor.name),
        "type": actor.type,
        "role": actor.role,
        "aliases": list(actor.aliases),
        "mentions": actor.mentions,
    }


def figure_record(figure: Figure, actor_ref: ActorRef) -> dict[str, Any]:
    return {
        "value": figure.value if figure.range_end is None else [figure.value, figure.range_end],
        "unit": figure.unit,
        "text": figure.text,
        "measure": figure.measure,
        "change": figure.change,
        "qualifier": figure.qualifier,
        "source": actor_ref(figure.source) if figure.source else None,
        "sentence": figure.span.sentence,
    }


def quote_record(quote: Quote, actor_ref: ActorRef) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": actor_ref(quote.speaker) if quote.speaker else None,
        "kind": quote.kind,
        "confidence": round(quote.confidence, 3),
        "certain": quote.is_certain,
        "sentence": quote.span.sentence,
    }


def original_article(origin: Origin) -> dict[str, Any]:
    """The original article as a schema.org NewsArticle: only what its sidecar says."""
    return {
        "@type": "NewsArticle",
        **({"url": origin.url} if origin.url else {}),
        **({"publisher": {"@type": "Organization", "name": origin.outlet}} if origin.outlet else {}),
        **({"author": {"@type": "Person", "name": origin.author}} if origin.author else {}),
        **({"datePublished": origin.published} if origin.published else {}),
    }
