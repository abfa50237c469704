"""Which figures of a brief get a card, and whether a change is good news, bad news, or neither.

A card is for a figure a reader can use on its own: an amount with its unit or what it counts, and
what it measures. Of those, the key ones come first (stated in the summary or the title, with a
source, a change or a share); a handful are shown, the rest stay in the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.extract.lexicon import words
from generator.model import Extraction, Figure

KEY_FIGURES = 4
SHARE_UNITS = frozenset({"%", "percentage points", "basis points"})
SPELLED_COUNT_MAX = 10
TIME_UNITS = words(
    "seconds second minutes minute hours hour days day weeks week months month years year decades"
)
# An age describes a person; it is not a figure of the story.
AGE_UNITS = frozenset({"year-old", "years-old", "years old", "year old"})
# What a measure is, by the words it ends with, when more of it is good news or bad news.
GOOD_WHEN_UP = words(
    """jobs job employment wages wage income incomes revenue revenues profit profits sales growth
    exports investment investments literacy vaccinations enrolment enrollment output"""
)
BAD_WHEN_UP = words(
    """deaths death homicides homicide murders killings crime crimes unemployment poverty inflation
    deficit debt emissions pollution casualties injuries overdoses infections"""
)
# Nouns that name a change, not a quantity that can change.
CHANGE_NOUNS = words(
    """loss losses gain gains increase increases rise rises drop drops fall falls decline declines cut
    cuts reduction reductions growth jump surge plunge slump dip"""
)
# "the top 1 percent": a group of people named by a share; "$4 of every $5": a denominator.
GROUP_BEFORE = re.compile(
    r"\b(?:top|bottom|upper|lower|middle|richest|poorest|wealthiest|every)\s+$", re.IGNORECASE
)
HYPHENED = re.compile(r"\d-[a-z]")
# Nouns that need an 'of' to say what they measure: alone they are no measure.
GENERIC_MEASURES = words("rate share level proportion percentage portion ratio amount figure number total")
PRONOUNS = words("it its they them he she him her whom who which this that these those")


def key_figures(extraction: Extraction) -> list[Figure]:
    """At most KEY_FIGURES figures worth a card, the most key chosen first, shown in text order. A
    measure that is the name of an actor says who, not what; one that is only the subject of the
    figure's clause, or a single word, needs the figure to be key besides."""
    actors = {name.lower() for actor in extraction.actors for name in (actor.name, *actor.aliases)}
    scored = [
        (score, i)
        for i, figure in enumerate(extraction.figures)
        if is_card_worthy(figure)
        and not is_who(extraction, figure, actors)
        and not is_group(extraction, figure)
        and ((score := key_score(extraction, figure)) or is_plain_measure(figure))
    ]
    chosen = sorted(i for _, i in sorted(scored, key=lambda s: (-s[0], s[1]))[:KEY_FIGURES])
    return [extraction.figures[i] for i in chosen]


def is_card_worthy(figure: Figure) -> bool:
    """A unit or counted thing, and a measure that says more than the unit ('20 veterans — veterans'
    says nothing) and is not a pronoun; not an age or a duration, not a small count in words."""
    measure = figure.measure.lower()
    if not figure.unit or figure.unit in AGE_UNITS or not measure[:1].isalnum():
        return False
    if measure == figure.unit.lower() or measure in PRONOUNS or measure in GENERIC_MEASURES:
        return False  # "36% — rate": of what, the card does not say
    if HYPHENED.search(figure.text):
        return False  # "a 30-second spot", "a 46-page report": an adjective, not a figure of the story
    if figure.measure_is_subject and " " not in measure:
        return False  # one word before a verb ("found", "Officials") rarely says what is measured
    if figure.unit.lower() in TIME_UNITS:
        return False  # how long something took or lasted is the story's detail, not its figure
    return not is_spelled_count(figure)


def is_who(extraction: Extraction, figure: Figure, actors: set[str]) -> bool:
    """The measure names who acts, not what is measured: an actor ('Senator Carlos Ruiz'), or a
    capitalised subject not at the start of its sentence ('... the Democratic nominee won 48%')."""
    measure = figure.measure.lower()
    if any(measure.endswith(name) and len(measure.split()) <= len(name.split()) + 1 for name in actors):
        return True  # the name, or a title and the name
    if not (figure.measure_is_subject and figure.measure[:1].isupper()):
        return False
    sentence = extraction.sentences[figure.span.sentence].text
    return not sentence.lstrip("\"'\u201c\u2018 ").removeprefix("The ").startswith(figure.measure)


def is_group(extraction: Extraction, figure: Figure) -> bool:
    """'the top 1 percent of earners' names who, as a share of a whole, and 'of every 10 riders' is
    the whole a share is of: neither is a figure of the story."""
    sentence = extraction.sentences[figure.span.sentence].text
    return bool(GROUP_BEFORE.search(sentence, max(0, figure.span.start - 20), figure.span.start))


def is_plain_measure(figure: Figure) -> bool:
    """A measure that governs the figure and says more than one word: 'the cost of the bridge'."""
    return not figure.measure_is_subject and " " in figure.measure


def key_score(extraction: Extraction, figure: Figure) -> int:
    """One point each: stated in the summary or the title, reported by someone, a change or a share."""
    return sum(
        (
            is_in_summary(extraction, figure) or figure.text in extraction.article.title,
            figure.source is not None,
            figure.change is not None or figure.unit in SHARE_UNITS,
        )
    )


def is_in_summary(extraction: Extraction, figure: Figure) -> bool:
    sentence = extraction.sentences[figure.span.sentence]
    paragraphs = extraction.article.paragraphs
    return sentence.paragraph < len(paragraphs) and paragraphs[sentence.paragraph].is_summary


def change_tone(figure: Figure) -> str:
    """'good' or 'bad' where what the figure measures says which way is good (fewer homicides, more
    jobs), else '' (a poll result, a price): colour only where the direction has a meaning. When the
    measure is the change itself ('a loss of 4,000 jobs'), what changes is what the unit counts."""
    if figure.change is None:
        return ""
    words = figure.measure.lower().split()
    if words and words[-1] in CHANGE_NOUNS:
        words = figure.unit.lower().split()
    head = words[-1] if words else ""
    if head in GOOD_WHEN_UP:
        return "good" if figure.change == "increase" else "bad"
    if head in BAD_WHEN_UP:
        return "bad" if figure.change == "increase" else "good"
    return ""


def other_figures(figures: Sequence[Figure], cards: Sequence[Figure]) -> list[Figure]:
    """The figures of the full table: all but the cards and the small counts in words, which are
    prose ('three new schools', 'one of the oldest ports'), not figures a reader looks up."""
    shown = set(map(id, cards))
    return [f for f in figures if id(f) not in shown and not is_spelled_count(f)]


def is_spelled_count(figure: Figure) -> bool:
    return figure.text[:1].isalpha() and 1 <= figure.value < SPELLED_COUNT_MAX
