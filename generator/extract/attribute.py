"""Turn quote spans into quotes: located in sentences, classified, given their speakers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.extract import lexicon
from generator.extract.actors import Cast
from generator.extract.quotes import QuoteSpan
from generator.extract.speakers import Attributor, Position, Speaker
from generator.model import Quote, QuoteKind, Sentence, Span

WORDS = re.compile(r"[\w'\u2019-]+")
TERM_MAX_WORDS = 2
TITLE_MAX_WORDS = 6
CARRY_MAX_SENTENCES = 3
CUE_VERBS = r"(?:said|says|reported|reports|told|wrote|writes|tweeted)\b"
CUE_VERB = re.compile(CUE_VERBS)
CUE_SUBJECT = re.compile(rf"\b([A-Z][a-z]+[A-Z]?[a-z]*) {CUE_VERBS}")


def attribute_quotes(
    spans: Sequence[QuoteSpan], sentences: Sequence[Sentence], cast: Cast
) -> tuple[list[Quote], frozenset[str]]:
    """Quotes with speakers, and the capitalised words found speaking that are not yet actors."""
    attributor = Attributor(sentences, cast)
    quotes: list[Quote] = []
    unknown: set[str] = set()
    for span in spans:
        start = locate(sentences, span.pieces[0].paragraph, span.pieces[0].start)
        end = locate(sentences, span.pieces[-1].paragraph, span.pieces[-1].end)
        kind = kind_of(span.text, sentences[start.sentence], start.offset)
        speaker = attributor.find_speaker(start, end, span.text)
        if speaker is not None and not speaker.is_known:
            unknown.add(speaker.name)
        name = speaker.name if isinstance(speaker, Speaker) else None
        quotes.append(Quote(span.text, name, kind, Span(start.sentence, start.offset, end.offset)))
    unknown.update(cue_subjects(sentences) - {mention.text for mention in cast.mentions})
    return drop_repeats(carry_paragraph_speakers(quotes, sentences)), frozenset(unknown)


def cue_subjects(sentences: Sequence[Sentence]) -> set[str]:
    """Single names that report or say something ('Reuters reported', 'Politifact says'): sources too."""
    found = set()
    for sentence in sentences:
        if not CUE_VERB.search(sentence.text):
            continue
        for match in CUE_SUBJECT.finditer(sentence.text):
            word = match.group(1).lower()
            if (
                word not in lexicon.FUNCTION_WORDS
                and word not in lexicon.WEEKDAYS
                and word not in lexicon.MONTHS
            ):
                found.add(match.group(1))
    return found


def locate(sentences: Sequence[Sentence], paragraph: int, offset: int) -> Position:
    """The sentence holding a paragraph offset, and the offset inside it."""
    holder = sentences[0]
    for sentence in sentences:
        if sentence.paragraph == paragraph and sentence.start <= offset:
            holder = sentence
        elif sentence.paragraph > paragraph:
            break
    return Position(holder.index, max(0, min(offset - holder.start, len(holder.text))))


def kind_of(text: str, sentence: Sentence, offset: int) -> QuoteKind:
    """A term (scare quote, title of a work) or a key quote, full or partial."""
    words = WORDS.findall(text)
    at_start = not re.search(r"[\w]", sentence.text[: max(offset - 1, 0)])
    if not at_start and len(words) <= TERM_MAX_WORDS and not text[:1].isupper():
        return "term"
    if (
        not at_start
        and 0 < len(words) <= TITLE_MAX_WORDS
        and all(w[0].isupper() for w in words if len(w) > 3)
    ):
        return "term"
    return "full" if at_start or text[:1].isupper() else "partial"


def carry_paragraph_speakers(quotes: list[Quote], sentences: Sequence[Sentence]) -> list[Quote]:
    """A quote with no cue of its own goes on the words of the quote before it in the paragraph.

    News prose names a speaker once and lets the following quotes of the paragraph run on; only
    when no quote precedes does the cue of the next one serve.
    """
    carried = list(quotes)
    for index, quote in enumerate(quotes):
        if quote.speaker is not None or quote.kind == "term":
            continue
        previous = carried[index - 1] if index else None
        following = quotes[index + 1] if index + 1 < len(quotes) else None
        for other in (previous, following):
            if (
                other is not None
                and other.speaker
                and other.kind != "term"
                and is_next_to(quote, other, sentences)
            ):
                carried[index] = Quote(quote.text, other.speaker, quote.kind, quote.span)
                break
    return carried


def is_next_to(quote: Quote, other: Quote, sentences: Sequence[Sentence]) -> bool:
    same_paragraph = sentences[quote.span.sentence].paragraph == sentences[other.span.sentence].paragraph
    return same_paragraph and abs(quote.span.sentence - other.span.sentence) <= CARRY_MAX_SENTENCES


def drop_repeats(quotes: list[Quote]) -> list[Quote]:
    """A quote repeated word for word (the summary repeating the body) is kept once."""
    kept: dict[str, Quote] = {}
    for quote in quotes:
        kept.setdefault(normalized(quote.text), quote)
    return list(kept.values())


def normalized(text: str) -> str:
    return " ".join(WORDS.findall(text.casefold()))
