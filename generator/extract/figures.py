"""Find key figures: a number with its unit, what it measures, its change, and who reported it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from generator.extract import lexicon
from generator.extract.actors import Cast
from generator.extract.amounts import (
    NEAR,
    SHARES,
    SPELLED_FIGURE_MIN,
    Amount,
    amounts_in,
    with_borrowed_units,
)
from generator.extract.measure import RELATIVES, clause_start, is_verb, measure_of
from generator.model import Change, Figure, Sentence, Span

ENUMERATION_OPENERS = lexicon.words("first firstly one")
# Between a source cue and the name of who reports: lower-case words or a year ('the nonpartisan').
SOURCE_GAP = re.compile(r"\s*(?:(?:[a-z]+|\d{4})\s+){0,3}")
REPORTER_WORDS = re.compile(r"[^,.;:()\u2014\u201d\"]*")
REPORTER_MAX_WORDS = 6
SOURCE_CUES = ("reported by", "according to", "data from", "figures from", "estimates from", "published by")
CHANGE_VERBS_WINDOW = 4
# Nouns that, right after a figure, give its direction: "a 50% reduction", "a 3% rise".
CHANGE_NOUNS: dict[str, Change] = {
    **dict.fromkeys(
        lexicon.words(
            "reduction drop decline decrease fall cut cuts loss plunge slump dip contraction slide"
        ),
        "decrease",
    ),
    **dict.fromkeys(
        lexicon.words("increase rise growth gain jump hike surge boost spike expansion climb"), "increase"
    ),
}
QUALIFIERS_LONGEST_FIRST = tuple(sorted(lexicon.QUALIFIERS, key=len, reverse=True))
# Verbs with which 'up' or 'down' is part of the verb, not a direction: "make up 80%".
PHRASAL_VERBS = lexicon.words("make makes made making come comes came coming set sets pick picks picked")
LOWER_WORD = re.compile(r"[a-z]+")


def extract_figures(sentences: Sequence[Sentence], cast: Cast) -> list[Figure]:
    """The figures of the article, the same figure stated twice (summary and body) kept once."""
    found = [
        figure
        for sentence in sentences
        for figure in figures_in(sentence, cast)
        if not is_enumeration(figure, sentences)
    ]
    return merge_repeats(found)


def is_enumeration(figure: Figure, sentences: Sequence[Sentence]) -> bool:
    """'She named three goals. First, ...': a small count in words of what the text then lists one
    by one is the text's structure, not a figure."""
    if not figure.text[:1].isalpha() or figure.value >= SPELLED_FIGURE_MIN:
        return False
    following = figure.span.sentence + 1
    if following >= len(sentences):
        return False
    first_word = sentences[following].text.split(maxsplit=1)[:1]
    return bool(first_word) and first_word[0].lower().strip(",:") in ENUMERATION_OPENERS


def figures_in(sentence: Sentence, cast: Cast) -> Iterator[Figure]:
    text = sentence.text
    source: str | None = None
    has_source = False  # looked up once, when the sentence has a figure
    amounts = list(amounts_in(text))
    if not amounts:
        return
    amounts = with_borrowed_units(text, amounts)
    for amount, (measure, measure_is_subject) in zip(amounts, measures_of(text, amounts), strict=True):
        if not (amount.unit or amount.value < 1 or is_explained(text, amount, measure, measure_is_subject)):
            continue  # a bare number nothing in the sentence explains (a share in words is one)
        qualifier = qualifier_before(text, amount.start)
        if not has_source:
            source, has_source = source_in(sentence, cast), True
        yield Figure(
            value=amount.value,
            unit=amount.unit,
            text=text[amount.start : amount.end].strip(),
            measure=measure,
            measure_is_subject=measure_is_subject,
            change=change_near(text, amount.start, amount.end, qualifier),
            qualifier=qualifier,
            source=source,
            span=Span(sentence.index, amount.start, amount.end),
            range_end=amount.range_end,
        )


def is_explained(text: str, amount: Amount, measure: str, measure_is_subject: bool) -> bool:
    """A bare number with a measure that governs it; with only the subject of its clause, a level a
    change ends at ('rose 5% to 1,450'), a range or a number with a scale ('2 billion')."""
    if not measure or not measure_is_subject:
        return bool(measure)
    written = text[amount.start : amount.end]
    is_level = text[max(0, amount.start - 4) : amount.start] in (" to ", " at ")
    return is_level or amount.range_end is not None or any(c.isalpha() for c in written)


def measures_of(text: str, amounts: list[Amount]) -> list[tuple[str, bool]]:
    """What each amount measures; an amount in brackets right after another ('9 billion yuan ($1.3
    billion)', '150 kW (204 hp)') is the same quantity in another unit and measures the same."""
    measures: list[tuple[str, bool]] = []
    for i, amount in enumerate(amounts):
        previous = amounts[i - 1] if i else None
        if previous and measures[-1][0] and is_conversion(text, previous, amount):
            measures.append(measures[-1])
        else:
            measures.append(measure_of(text, amount.start, amount.end, amount.unit))
    return measures


def is_conversion(text: str, previous: Amount, amount: Amount) -> bool:
    between = text[previous.end : amount.start].strip()
    is_share = amount.unit in SHARES and previous.unit not in SHARES
    return between in ("(", "/") and previous.end <= amount.start and not is_share


def qualifier_before(text: str, start: int) -> str | None:
    before = " ".join(text[max(0, start - NEAR) : start].lower().split()[-3:])
    for qualifier in QUALIFIERS_LONGEST_FIRST:
        if before.endswith(qualifier) and (
            len(before) == len(qualifier) or before[-len(qualifier) - 1] == " "
        ):
            return qualifier
    return None


def change_near(text: str, start: int, end: int, qualifier: str | None) -> Change | None:
    """Direction of change from the noun right after the figure (a 5% drop), else from a change word
    before it in its clause, after any other number; none for the level a change starts from or ends
    at ('down from 58%', 'rose to 12')."""
    after = LOWER_WORD.findall(text[end : end + NEAR].lower())[:1]
    if after and after[0] in CHANGE_NOUNS:
        return CHANGE_NOUNS[after[0]]
    lead = text[clause_start(text, start) : start].lower().rstrip().removesuffix(qualifier or "")
    words = lead.split()[-CHANGE_VERBS_WINDOW:]
    if words and words[-1] in ("from", "to"):
        return None
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if any(c.isdigit() for c in word):
            return None
        if words[i + 1 : i + 2] == ["than"] or (word in ("up", "down") and is_after(words, i, PHRASAL_VERBS)):
            continue  # "lower than 33%" compares; "make up 80%" is no rise
        if word in lexicon.INCREASE_WORDS:
            return "increase"
        if word in lexicon.DECREASE_WORDS:
            return "decrease"
    return None


def is_after(words: list[str], index: int, before: frozenset[str]) -> bool:
    return index > 0 and words[index - 1] in before


def source_in(sentence: Sentence, cast: Cast) -> str | None:
    """Who the sentence says reports its figures: the actor named after 'according to', 'reported
    by' (and the like), a few lower-case words between ('the nonpartisan Budget Office'); else the
    words after the first such cue ('according to the poll', 'data from the census')."""
    lowered = sentence.text.lower()
    cues = [position + len(cue) for cue in SOURCE_CUES if (position := lowered.find(cue)) >= 0]
    if not cues:
        return None
    mentions = cast.by_sentence.get(sentence.index, ())
    for after in cues:
        for mention in mentions:
            if mention.span.start >= after and SOURCE_GAP.fullmatch(sentence.text, after, mention.span.start):
                return mention.name
    return reporter_phrase(sentence.text, cues[0]) or None


def reporter_phrase(text: str, after: int) -> str:
    """'the poll', 'federal data': the words after a source cue, up to punctuation or a verb."""
    words: list[str] = []
    stretch = REPORTER_WORDS.match(text, after)  # matches always, maybe empty
    for word in (stretch.group() if stretch else "").split()[:REPORTER_MAX_WORDS]:
        if is_verb(word) or word.lower() in RELATIVES:
            break
        words.append(word)
    while words and words[-1].lower() in lexicon.FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


def merge_repeats(figures: Sequence[Figure]) -> list[Figure]:
    """One figure per value and unit: the most complete statement, gaps filled from the others."""
    groups: dict[tuple[float, float | None, str], list[Figure]] = {}
    for figure in figures:
        groups.setdefault((figure.value, figure.range_end, figure.unit.lower()), []).append(figure)
    merged = []
    for group in groups.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        best = max(group, key=completeness)
        for other in group:
            best = replace(
                best,
                measure=best.measure or other.measure,
                change=best.change or other.change,
                qualifier=best.qualifier or other.qualifier,
                source=best.source or other.source,
            )
        merged.append(best)
    return sorted(merged, key=lambda f: (f.span.sentence, f.span.start))


def completeness(figure: Figure) -> tuple[int, int]:
    filled = sum(bool(x) for x in (figure.measure, figure.change, figure.qualifier, figure.source))
    return filled, len(figure.measure)
