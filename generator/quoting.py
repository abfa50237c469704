"""How a quote reads on a page: a full quote as said; a partial one inside its sentence, the quoted
words marked, so that a reader sees what was said about what rather than a bare fragment."""

from __future__ import annotations

from collections.abc import Sequence

from generator.markup import escape_markdown
from generator.model import Article, Extraction, Quote, Sentence

OPENING_QUOTES = frozenset("\"'\u2018\u201c\u00ab\u201e\u201a\u2039")
# Private-use characters stand where the marks will go: article text keeps none (see `mark_span`).
OPEN, CLOSE = "\ue000", "\ue001"


def quote_markup(extraction: Extraction, quote: Quote) -> str:
    """The quote as inert Markdown: a partial quote's sentence with the quoted words in <mark>, any
    other quote (or a partial one whose sentence is not at hand) as its words alone."""
    sentence = sentence_at(extraction.sentences, quote.span.sentence)
    if quote.kind != "partial" or sentence is None:
        return escape_markdown(quote.text)
    return mark_span(sentence.text, quote.span.start, quote.span.end)


def sentence_at(sentences: Sequence[Sentence], index: int) -> Sentence | None:
    """The sentence numbered `index`: at its place in a whole extraction, looked for in a light one
    (which keeps only the sentences of its partial quotes)."""
    if index < len(sentences) and sentences[index].index == index:
        return sentences[index]
    return next((sentence for sentence in sentences if sentence.index == index), None)


def mark_span(text: str, start: int, end: int) -> str:
    """`text` as inert Markdown with `text[start:end]` in <mark>: the text escaped whole (so that its
    start is checked for block syntax once), then the marks put in place of two stand-ins."""
    text = text.replace(OPEN, "\ufffd").replace(CLOSE, "\ufffd")
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if start >= end:
        return escape_markdown(text)
    escaped = escape_markdown(f"{text[:start]}{OPEN}{text[start:end]}{CLOSE}{text[end:]}")
    return escaped.replace(OPEN, '<mark class="quoted">').replace(CLOSE, "</mark>")


def shown_summary(article: Article) -> str:
    """The summary a brief shows in its box: none when it opens with a quote. That is mostly an
    article without a summary of its own, whose first paragraph stands in for one (see
    `read.split_summary`): someone's words, not a summary. The paragraph is still shown in the text."""
    summary = article.summary
    return "" if summary[:1] in OPENING_QUOTES else summary
