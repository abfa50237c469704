"""Which figures of a brief get a card, and whether a change is good news, bad news, or neither.

A card is for a figure a reader can use on its own: an amount with its unit or what it counts, and
what it measures. Of those, the key ones come first (stated in the summary or the title, with a
source, a change or a share); a handful are shown, the rest stay in the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.extract.lexicon import (
    COURTESY_TITLES,
    DECREASE_WORDS,
    DETERMINERS,
    GROUP_WORDS,
    INCREASE_WORDS,
    JOINING_WORDS,
    NUMBER_WORDS,
    PARTY_ADJECTIVES,
    PEOPLE_BODIES,
    PEOPLE_NOUNS,
    QUALIFIERS,
    SCALES,
    TITLE_HEADS,
    words,
)
from generator.extract.measure import is_verb
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
# Words that end a measure but name no quantity: comparisons and adjectives standing alone.
NOT_HEADS = (
    words(
        """more less fewer greater larger smaller bigger higher lower longer shorter overall versus vs
        short long upper white black average total"""
    )
    | COURTESY_TITLES
    | PARTY_ADJECTIVES
)
RIGHT_QUOTE = "\u2019"
# Nouns of a person (besides titles and -man, -woman): a card about them says who, not what.
PERSON_NOUNS = words(
    "frontrunner front-runner challenger incumbent rival opponent mogul tycoon magnate billionaire"
)
AGES = words("age ages")
# Plural nouns of people after a name: 'Ruiz supporters' is a group, 'Ruiz leads' a clause.
PEOPLE_PLURALS = (
    frozenset(noun + "s" for noun in PEOPLE_NOUNS) | GROUP_WORDS | PEOPLE_BODIES | words("supporters backers")
)
NUMBER_PARTS = frozenset(SCALES) | words("half halves third thirds quarter quarters")
ADJECTIVE_ENDINGS = ("ive", "ous", "ful", "able", "ible", "ic")
# What a figure comes from, not what it measures: 'the latest poll', 'campaign finance records'.
SOURCE_NOUNS = words(
    "poll polls polling survey surveys study studies report reports records documents data estimates tally"
)
# Verbs that join a subject to its level or its change ('was 5%', 'rose 7%', 'stood at 40').
LEVEL_VERBS = (
    words(
        """is are was were be been being stood stands stand reached reaches hit hits totaled totalled
        totals averaged averages amounted amounts topped tops exceeded exceeds remained remains has have
        had"""
    )
    | INCREASE_WORDS
    | DECREASE_WORDS
)
SUBJECT_VERB_REACH = 8


def key_figures(extraction: Extraction) -> list[Figure]:
    """At most KEY_FIGURES figures worth a card, the most key chosen first, shown in text order. A
    measure that is the name of an actor says who, not what; one that is only the subject of the
    figure's clause, or a single word, needs the figure to be key besides."""
    actors = {name.lower() for actor in extraction.actors for name in (actor.name, *actor.aliases)}
    name_words = {word for name in actors for word in name.split()}
    scored = [
        (score, i)
        for i, figure in enumerate(extraction.figures)
        if is_card_worthy(figure)
        and is_noun_phrase(figure.measure, name_words)
        and not is_who(extraction, figure, actors)
        and not is_group(extraction, figure)
        and is_what_is_measured(extraction, figure)
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
    if measure.split()[0] == figure.unit.lower().split()[0] or measure in PRONOUNS | GENERIC_MEASURES:
        return False  # "36% — rate": of what, the card does not say; "20 veterans — veterans at home"
    if measure in CHANGE_NOUNS:
        return False  # "a $5 million increase — increase"
    if HYPHENED.search(figure.text):
        return False  # "a 30-second spot", "a 46-page report": an adjective, not a figure of the story
    if figure.measure_is_subject and " " not in measure:
        return False  # one word before a verb ("found", "Officials") rarely says what is measured
    if figure.unit.lower() in TIME_UNITS:
        return False  # how long something took or lasted is the story's detail, not its figure
    return not is_spelled_count(figure)


def is_noun_phrase(measure: str, name_words: set[str]) -> bool:
    """A measure a reader takes as the name of a quantity: no verb or clause inside it ('Ana leads
    Bo', 'voters strongly agree', 'residents want the park'), not opened by a participle ('helping
    the firm'), not a pollster's instrument ('the latest survey'), and ending in a noun, not in an
    adjective or an adverb ('fewer', 'unfavorable', 'overall')."""
    words = measure.replace(RIGHT_QUOTE, "'").strip("?!").split()
    lowered = [word.lower() for word in words]
    if lowered[0].endswith("ing") or lowered[-1] in NOT_HEADS or any(w in SOURCE_NOUNS for w in lowered):
        return False
    if lowered[-1].endswith(ADJECTIVE_ENDINGS) or lowered[-1].endswith("ly") or len(lowered[-1]) == 1:
        return False  # ... or a name cut short ('the U')
    if lowered[-1] in TIME_UNITS or lowered[-1] in AGES:
        return False  # when ('donors in recent years'), or an age ('at the age of 90')
    if any(is_number_word(word) for word in lowered):
        return False  # another amount, not what this one measures ('million borrowers', 'one-half')
    return not any(is_clause_at(words, i, name_words) for i in range(len(words)))


def is_number_word(word: str) -> bool:
    """'70', 'million', 'one-half'; not a number in an adjective ('three-day')."""
    parts = word.split("-")
    is_spelled = all(part in NUMBER_WORDS or part in NUMBER_PARTS for part in parts)
    return is_spelled or any(c.isdigit() for c in word)


def is_clause_at(words: list[str], i: int, name_words: set[str]) -> bool:
    """words[i] is a verb or starts a clause: a known verb or pronoun after the first word, an adverb
    in -ly before another word, a lower-case word (not a preposition) before a determiner or a name,
    or a name followed by a lower-case word in -s ('Ana leads Bo')."""
    word, lowered = words[i], words[i].lower()
    following = words[i + 1] if i + 1 < len(words) else ""
    if lowered.partition("'")[0] in PRONOUNS or (i and is_verb(word)):
        return True
    if following and lowered.endswith("ly"):
        return True
    is_lower_before = following and word.islower() and lowered not in JOINING_WORDS
    if is_lower_before and (following.lower() in DETERMINERS or following[:1].isupper()):
        return True
    if not word[:1].isupper() or lowered.endswith("'s") or following.lower() in PEOPLE_PLURALS:
        return False  # 'Ruiz voters' counts voters
    if i == 0 and i + 2 == len(words) and lowered not in name_words:
        return False  # 'Bus fares': a capitalised first word, no name, before the head
    return following.endswith("ing") or (
        following.islower() and following.endswith("s") and not following.endswith("ss")
    )


def is_what_is_measured(extraction: Extraction, figure: Figure) -> bool:
    """A subject is what its figure measures only when a verb of level or change joins them ('Coal
    use rose 7%', 'the rate was 5%'), not any verb ('Ana leads with 48%', 'the poll shows 48%'). A
    single word right after the figure is a noun it modifies only after a determiner ('a 30%
    premium', 'the city's 4% tax'), not a predicate ('41% undecided', '39% blame the council')."""
    sentence = extraction.sentences[figure.span.sentence].text
    if not figure.measure_is_subject:
        after = sentence[figure.span.end :].split(maxsplit=1)
        if " " in figure.measure or after[:1] != [figure.measure]:
            return True
        before = sentence[: figure.span.start].lower().replace(RIGHT_QUOTE, "'").split()
        while before and before[-1] in QUALIFIERS:
            before.pop()  # 'a roughly 30% premium'
        return bool(before) and (before[-1] in DETERMINERS or before[-1].endswith("'s"))
    at = sentence.rfind(figure.measure, 0, figure.span.start)
    between = sentence[at + len(figure.measure) : figure.span.start].lower().split()
    if between[:1] == ["to"]:
        return False  # 'the board hopes to add 300 berths': the subject ends in a verb
    return at >= 0 and len(between) <= SUBJECT_VERB_REACH and any(word in LEVEL_VERBS for word in between)


def is_who(extraction: Extraction, figure: Figure, actors: set[str]) -> bool:
    """The measure names who acts, not what is measured: an actor, with any title before the name
    ('Senator Carlos Ruiz', 'retired surgeon Ana Ruiz'), a person by a title or a person noun ('the
    state senator', 'the businessman'), or a capitalised subject not at the start of its sentence
    ('... the Democratic nominee won 48%')."""
    measure = figure.measure.lower().replace(RIGHT_QUOTE, "'")
    if any(measure == name or measure.endswith(" " + name) for name in actors):
        return True
    name_words = {word for name in actors for word in name.split()}
    if figure.measure.istitle() and all(word in name_words for word in measure.split()):
        return True  # a part of an actor's name ('Ruiz' of Ana Ruiz)
    head = measure.split()[-1]
    if head in TITLE_HEADS | PEOPLE_NOUNS | PERSON_NOUNS or head.endswith(("man", "woman", "men", "women")):
        return True
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
