"""Turn quote spans into quotes: located in sentences, classified, given their speakers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from itertools import islice, pairwise

from generator.extract import lexicon
from generator.extract.actors import Cast
from generator.extract.confidence import confidence_of, evidence_key
from generator.extract.cues import is_speech_verb
from generator.extract.names import Candidate
from generator.extract.quotes import QuoteSpan
from generator.extract.speakers import Attributor, Position, Speaker
from generator.model import ActorType, Quote, QuoteKind, Sentence, Span

WORDS = re.compile(r"[\w'\u2019-]+")
WORD_CHARACTER = re.compile(r"\w")
BARE_WORDS = re.compile(r"\w(?:[\w'\u2019-]*\w)?")
TERM_MAX_WORDS = 2
TITLE_MAX_WORDS = 6
SENTENCE_ENDS = (".", "!", "?")
SINGLE_NAME = re.compile(r"[A-Z][a-z]+[A-Z]?[a-z]*")
CUE_AFTER_NAME = re.compile(rf" ([a-z]+(?:s|ed)|{'|'.join(lexicon.IRREGULAR_SPEECH_FORMS)})\b")
# Verbs of publishing rather than speaking: their single-word subjects are mostly organisations.
REPORTING_VERBS = lexicon.words(
    "reported reports published publishes found finds showed shows estimated estimates"
)
SOURCE_BEFORE_NAME = re.compile(
    r"(?:according to (?:an? |the )?(?:[a-z]+ )?|(?:report|survey|poll|study|analysis) (?:by|from) )$"
)
SINGLE_MARKS = frozenset("'\u2018\u2019")
NOT_SOURCES = lexicon.FUNCTION_WORDS | lexicon.WEEKDAYS | lexicon.MONTHS | lexicon.PARTY_ADJECTIVES


def attribute_quotes(
    spans: Sequence[QuoteSpan], sentences: Sequence[Sentence], cast: Cast
) -> tuple[list[Quote], frozenset[str]]:
    """Quotes with speakers, and the capitalised words found speaking that are not actors."""
    starts = [(s.paragraph, s.start) for s in sentences]
    attributor = Attributor(with_double_marks(sentences, starts, spans), cast)
    quotes: list[Quote] = []
    unknown: set[str] = set()
    reporting: dict[int, bool] = {}
    narrators: dict[int, Speaker] = {}
    for span in spans:
        start = locate(sentences, starts, span.pieces[0].paragraph, span.pieces[0].start)
        end = locate(sentences, starts, span.pieces[-1].paragraph, span.pieces[-1].end)
        speaker = attributor.find_speaker(start, end, span.text)
        if speaker is not None and not speaker.is_known:
            unknown.add(speaker.name)
        name = speaker.name if isinstance(speaker, Speaker) else None
        sentence = sentences[start.sentence]
        if name is None and start.sentence not in reporting:  # once a sentence, whatever its quotes
            reporting[start.sentence] = reports_speech(sentence.text)
        is_said = name is not None or reporting[start.sentence]
        kind = kind_of(span.text, sentence, start.offset, is_said=is_said)
        if (
            kind == "partial"
            and end.sentence == start.sentence
            and is_modifier(sentences[start.sentence], start, end)
        ):
            kind = "term"
        location = Span(start.sentence, start.offset, end.offset)
        quote = Quote(span.text, name, kind, location)
        if speaker is not None:
            rivals = attributor.rivals(start.sentence, speaker.name)
            key = evidence_key(speaker, kind=kind, rivals=rivals)
            quote = Quote(span.text, name, kind, location, confidence_of(key), key)
        elif kind == "full" and (narrator := attributor.speaker_narrated(start, end)) is not None:
            narrators[len(quotes)] = narrator
        quotes.append(quote)
    carried = carry_paragraph_speakers(quotes, attributor, narrators)
    return drop_repeats(carried), frozenset(unknown)


def with_double_marks(
    sentences: Sequence[Sentence], starts: Sequence[tuple[int, int]], spans: Sequence[QuoteSpan]
) -> Sequence[Sentence]:
    """The sentences with the single marks that open and close quotes written as double ones
    ('Hall said 'no,' and Lopez vowed to 'try'' reads as with \u201c \u201d): a cue is then looked
    for the same way in either typography, a quote's closing mark ending the words it may reach.
    """
    marks: dict[int, list[tuple[int, str]]] = {}
    for span in spans:
        for piece in span.pieces:
            for offset, outside, double in ((piece.start - 1, -1, "\u201c"), (piece.end, 1, "\u201d")):
                if offset < 0:
                    continue  # a piece going on from the paragraph before, with no mark of its own
                position = locate(sentences, starts, piece.paragraph, offset)
                text = sentences[position.sentence].text
                mark = text[position.offset : position.offset + 1]
                if mark in SINGLE_MARKS and not is_doubled(text, position.offset, outside):
                    marks.setdefault(position.sentence, []).append((position.offset, double))
    if not marks:
        return sentences
    marked = list(sentences)
    for index, changes in marks.items():
        characters = list(sentences[index].text)
        for offset, double in changes:
            characters[offset] = double
        marked[index] = replace(sentences[index], text="".join(characters))
    return marked


def is_doubled(text: str, offset: int, outside: int) -> bool:
    """Whether the apostrophe at `offset` is one of two ('' is a double mark), the other on its
    `outside` (-1: before it, 1: after it)."""
    other = offset + outside
    return 0 <= other < len(text) and text[other] == "'"


def cue_subjects(sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> dict[str, ActorType]:
    """Single names that report or say something ('Reuters reported', 'Politifact says', 'according
    to a Reuters survey'): sources, though their words do not show their type. One that only ever
    reports ('Politico reported', 'according to Gallup') is taken for an organisation; one that
    says or tells, for a person."""
    found: dict[str, ActorType] = {}
    for candidate in candidates:
        name = candidate.name
        if " " in name or not SINGLE_NAME.fullmatch(name) or name.lower() in NOT_SOURCES:
            continue
        if candidate.is_initial and name.endswith("s"):
            continue  # 'Witnesses said': a plural noun opening the sentence
        text = sentences[candidate.sentence].text
        verb = CUE_AFTER_NAME.match(text, candidate.end)
        if verb and is_speech_verb(verb.group(1)):
            kind: ActorType = "organization" if verb.group(1) in REPORTING_VERBS else "person"
        elif SOURCE_BEFORE_NAME.search(text, max(0, candidate.start - 40), candidate.start):
            kind = "organization"
        else:
            continue
        found[name] = "person" if found.get(name) == "person" else kind
    return found


def locate(
    sentences: Sequence[Sentence], starts: Sequence[tuple[int, int]], paragraph: int, offset: int
) -> Position:
    """The sentence holding a paragraph offset, and the offset inside it (`starts`: where each
    sentence starts, as (paragraph, offset))."""
    index = bisect_right(starts, (paragraph, offset)) - 1
    holder = sentences[index] if index >= 0 and sentences[index].paragraph == paragraph else sentences[0]
    return Position(holder.index, max(0, min(offset - holder.start, len(holder.text))))


def kind_of(text: str, sentence: Sentence, offset: int, *, is_said: bool) -> QuoteKind:
    """A term (scare quote, title of a work) or a key quote, full or partial.

    A few lower-case words in quote marks are a scare quote, unless the sentence reports speech:
    'Reid called him a "spoiled brat"' quotes Reid, and so does 'she said the plan was "doomed"'.
    """
    words = [m.group() for m in islice(WORDS.finditer(text), TITLE_MAX_WORDS + 1)]  # enough to tell
    at_start = not WORD_CHARACTER.search(sentence.text, 0, max(offset - 1, 0))
    if not at_start and len(words) <= TERM_MAX_WORDS and not text[:1].isupper():
        return "partial" if is_said else "term"
    if not at_start and 0 < len(words) <= TITLE_MAX_WORDS and is_title(text, words, is_said=is_said):
        return "term"
    return "full" if at_start or text[:1].isupper() else "partial"


def is_title(text: str, words: Sequence[str], *, is_said: bool) -> bool:
    """Every long word capitalised, as in a title ('The Long Night'). Short words and a capital that
    only opens the sentence tell little: in title case they are a title ('Big Dog.'), otherwise
    ('We won it.', 'This is it!') only when not a whole clause, neither ending like a sentence nor
    reported as said."""
    if not all(w[0].isupper() for w in words if len(w) > 3):
        return False
    if any(len(w) > 3 for w in words[1:]) or all(w[0].isupper() for w in words):
        return True
    return not is_said and not text.rstrip().endswith(SENTENCE_ENDS)


def reports_speech(text: str) -> bool:
    """Whether a sentence reports speech: a lower-case speech verb anywhere in it."""
    return any(word[0].islower() and is_speech_verb(word) for word in WORDS.findall(text))


def is_modifier(sentence: Sentence, start: Position, end: Position) -> bool:
    """ "Mexico's 'gradual' approach": one quoted word between a determiner and its noun is a scare quote."""
    before = BARE_WORDS.findall(sentence.text[max(0, start.offset - 30) : start.offset])
    after = BARE_WORDS.findall(sentence.text[end.offset : end.offset + 30])
    inner = BARE_WORDS.findall(sentence.text[start.offset : end.offset])
    return (
        len(inner) == 1
        and bool(before and after)
        and (before[-1].lower() in lexicon.DETERMINERS or before[-1].endswith(("'s", "\u2019s")))
        and after[0].islower()
        and after[0] not in lexicon.FUNCTION_WORDS
        and not is_speech_verb(after[0])
    )


def carry_paragraph_speakers(
    quotes: list[Quote], attributor: Attributor, narrators: dict[int, Speaker]
) -> list[Quote]:
    """A quote with no cue of its own (or only a capitalised word no actor has) goes on the words of
    the quote before it in the paragraph, or in the paragraph before when it opens its own paragraph;
    else on the words of the quote after it; else on those of its narrator (`narrators`, by the
    quote's index: see `Attributor.speaker_narrated`).

    News prose names a speaker once and lets the following quotes run on, over paragraphs too; a run
    of quotes may also end on the one cue that names its speaker. A title in quote marks between them
    ('he told NBC's "Today"') is no quote of anyone's and does not break the run.
    """
    spoken = [index for index, quote in enumerate(quotes) if quote.kind != "term"]
    carried = list(quotes)
    pairs = list(pairwise(spoken))  # (a quote, the next one)
    for neighbours in ([(b, a) for a, b in pairs], reversed(pairs)):
        for index, other_index in neighbours:
            other = carried[other_index]
            if carried[index].speaker not in attributor.actors and other.speaker in attributor.actors:
                carried[index] = carry(carried[index], other, attributor) or carried[index]
    for index, narrator in narrators.items():
        if carried[index].speaker not in attributor.actors:
            carried[index] = with_speaker(carried[index], narrator, attributor)
    return carried


def carry(quote: Quote, other: Quote, attributor: Attributor) -> Quote | None:
    """The quote on the words of `other`'s speaker, when the two are next to each other."""
    sentences = attributor.sentences
    if is_next_to(quote, other, sentences):
        evidence = "carried"
    elif other.span.sentence < quote.span.sentence and is_run_on(quote, other, attributor):
        evidence = "run-on"
    else:
        return None
    speaker = Speaker(other.speaker or "", True, evidence)
    return with_speaker(quote, speaker, attributor, at_most=other.confidence)


def with_speaker(quote: Quote, speaker: Speaker, attributor: Attributor, at_most: float = 1.0) -> Quote:
    """The quote credited to `speaker`, with the confidence of that evidence (no more than `at_most`)."""
    rivals = attributor.rivals(quote.span.sentence, speaker.name)
    key = evidence_key(speaker, kind=quote.kind, rivals=rivals)
    confidence = min(at_most, confidence_of(key))
    return replace(quote, speaker=speaker.name, confidence=confidence, evidence=key)


def is_next_to(quote: Quote, other: Quote, sentences: Sequence[Sentence]) -> bool:
    return sentences[quote.span.sentence].paragraph == sentences[other.span.sentence].paragraph


def is_run_on(quote: Quote, previous: Quote, attributor: Attributor) -> bool:
    """A quote that opens its paragraph, right after a paragraph holding the quote before it, or two
    paragraphs after it when the paragraph between names no one else."""
    sentences = attributor.sentences
    sentence = sentences[quote.span.sentence]
    opens = sentence.start == 0 and not WORD_CHARACTER.search(sentence.text, 0, quote.span.start)
    gap = sentence.paragraph - sentences[previous.span.sentence].paragraph
    if not opens or gap not in (1, 2):
        return False
    between = range(previous.span.sentence + 1, quote.span.sentence)
    return gap == 1 or all(
        attributor.rivals(index, previous.speaker or "") == 0
        for index in between
        if sentences[index].paragraph == sentence.paragraph - 1
    )


def drop_repeats(quotes: list[Quote]) -> list[Quote]:
    """A quote repeated word for word (the summary repeating the body) is kept once.

    So is a partial quote that repeats part of an earlier one by the same speaker ('very substantial'
    after 'very substantial results').
    """
    kept: dict[str, Quote] = {}
    for quote in quotes:
        words = normalized(quote.text)
        if quote.kind != "partial" or not any(
            f" {words} " in f" {earlier} " and other.speaker == quote.speaker
            for earlier, other in kept.items()
        ):
            kept.setdefault(words, quote)
    return list(kept.values())


def normalized(text: str) -> str:
    return " ".join(WORDS.findall(text.casefold()))
