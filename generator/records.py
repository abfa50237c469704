"""An extraction as plain data, the shape `briefs extract --json` prints and `briefs.json` will hold."""

from __future__ import annotations

from typing import Any

from generator.model import Extraction


def extraction_record(extraction: Extraction, actor_slugs: dict[str, str]) -> dict[str, Any]:
    """One article's record: actors by name and slug, every item with its sentence index."""
    article = extraction.article
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat(),
        "sections": list(article.sections),
        "summary": article.summary,
        "figures": [
            {
                "value": f.value,
                "unit": f.unit,
                "text": f.text,
                "measure": f.measure,
                "change": f.change,
                "qualifier": f.qualifier,
                "source": f.source,
                "sentence": f.span.sentence,
            }
            for f in extraction.figures
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "kind": q.kind, "sentence": q.span.sentence}
            for q in extraction.quotes
        ],
        "actors": [
            {
                "name": a.name,
                "slug": actor_slugs[a.name],
                "type": a.type,
                "role": a.role,
                "aliases": list(a.aliases),
                "mentions": a.mentions,
            }
            for a in extraction.actors
        ],
        "sentences": [s.text for s in extraction.sentences],
    }
