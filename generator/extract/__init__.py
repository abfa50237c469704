"""Extraction stage: from an article to its sentences, actors, quotes and figures."""

from __future__ import annotations

from generator.extract.actors import resolve_actors
from generator.extract.attribute import attribute_quotes, cue_subjects
from generator.extract.figures import extract_figures
from generator.extract.names import find_candidates
from generator.extract.quotes import find_quote_spans
from generator.extract.speakers import SPEAKER_TYPES
from generator.model import Article, Extraction
from generator.sentences import split_sentences


def extract_article(article: Article) -> Extraction:
    """Everything the brief of `article` shows, each item pointing at its sentence."""
    sentences = split_sentences(article.paragraphs)
    spans, problems = find_quote_spans(article.paragraphs, article.source)
    candidates = find_candidates(sentences)
    sources = cue_subjects(sentences, candidates)
    cast = resolve_actors(candidates, sentences, sources)
    quotes, speakers = attribute_quotes(spans, sentences, cast)
    # A name seen only speaking is a person: resolve again when attribution found a new one, but
    # not a word that only ever opens a sentence ('Following', 'Check').
    found = (speakers & {c.name for c in candidates if not c.is_initial}) - set(sources)
    # Only a name whose words tell no type is resolved differently once known to speak.
    if any(c.type is None and c.name in found for c in candidates):
        cast = resolve_actors(candidates, sentences, {**dict.fromkeys(found, "person"), **sources})
        quotes, _ = attribute_quotes(spans, sentences, cast)
    known = {actor.name for actor in cast.actors if actor.type in SPEAKER_TYPES}
    quotes = [q if q.speaker in known else q.without_speaker() for q in quotes]
    figures = extract_figures(sentences, cast)
    return Extraction(article, sentences, cast.actors, tuple(quotes), tuple(figures), tuple(problems))
