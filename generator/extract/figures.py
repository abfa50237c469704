"""Find key figures: a number with its unit, what it measures, its change, and who reported it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from generator.extract import lexicon
from generator.extract.actors import Cast
from generator.extract.measure import RELATIVES, clause_start, is_verb, measure_of
from generator.extract.quantities import (
    BODY,
    YEAR,
    Quantity,
    figure_matches,
    fractions,
    has_number,
    number_value,
    order_ranges,
    quantity_of,
    range_end,
)
from generator.extract.units import MEASUREMENT_UNITS, counted, unit_of
from generator.model import Change, Figure, Sentence, Span

SPELLED_FIGURE_MIN = 10
SHARES = frozenset({"%", "percentage points", "basis points"})
# How far apart (characters) a bare number and the amount whose unit it borrows may stand.
BORROW_REACH = 50
COMPARISON_WORDS = lexicon.words("from to versus vs vs. against than compared and or while")
COMPARISON_WORDS_BEFORE = COMPARISON_WORDS | {"of"}  # '40 million of the 90 million crowns'
ENUMERATION_OPENERS = lexicon.words("first firstly one")
# Between a source cue and the name of who reports: lower-case words or a year ('the nonpartisan').
SOURCE_GAP = re.compile(r"\s*(?:(?:[a-z]+|\d{4})\s+){0,3}")
REPORTER_WORDS = re.compile(r"[^,.;:()\u2014\u201d\"]*")
REPORTER_MAX_WORDS = 6
SOURCE_CUES = ("reported by", "according to", "data from", "figures from", "estimates from", "published by")
CHANGE_VERBS_WINDOW = 4
# How far around a figure its qualifier and change are looked for (characters).
NEAR = 120
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
ORDINAL_OR_TIME = re.compile(r"^(?:st|nd|rd|th|s)\b|^:\d\d|^[ap]\.?m\b")
LOWER_WORD = re.compile(r"[a-z]+")
# A number right after a name is part of the name: "Match 4", "Gate 7", "Phone 11", "FTSE 100".
# "one of the largest ports": one of a plural.
ONE_OF = re.compile(r"\b[Oo]ne of (?:the|its|his|her|their|our|my|your)(?: most)?(?= )")
OR_NUMBER = re.compile(rf"\s+or\s+{BODY}", re.IGNORECASE)
NOT_NAMES = lexicon.JOINING_WORDS | lexicon.DETERMINERS | lexicon.SUBORDINATORS
NAME_BEFORE = re.compile(r"(?:^|[\s(])(?P<name>[A-Z][\w&/]*|[a-z]+[A-Z][\w&/]*)\s$")


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


@dataclass(frozen=True)
class Amount:
    """A quantity with its unit, or a range of two ("5 to 7 percent"), as found in a sentence."""

    value: float
    range_end: float | None
    unit: str
    start: int
    end: int


def amounts_in(text: str) -> Iterator[Amount]:
    """The amounts of a sentence in text order: numbers that are names, dates or prose left out."""
    numbered = has_number(text)  # most sentences have none: they cost one scan
    if numbered:
        yield from numbers_in(text)
    for low, high, start, end in order_ranges(text):
        yield Amount(low, high, counted_after_of(text, end), start, end)
    for share, start, end in fractions(text):
        yield Amount(share, None, "", start, end)
    if numbered:
        yield from ones_of(text)


def numbers_in(text: str) -> Iterator[Amount]:
    """The amounts written with a digit or a number word."""
    taken_until = 0
    for match in figure_matches(text):
        first = quantity_of(match)
        if first is None or first.start < taken_until or is_date_or_time(text, match):
            continue
        unit, end = unit_of(text, first)
        unit = unit or unit_of_alternative(text, end)
        amount = ranged(text, first, unit, end) or Amount(first.value, None, unit, first.start, end)
        taken_until = amount.end  # a range left out is left out whole
        if is_amount(text, first, amount):
            yield amount


def ones_of(text: str) -> Iterator[Amount]:
    """'one of the largest ports': a count of one of a plural."""
    for one in ONE_OF.finditer(text):
        plural = counted(text, one.end())
        if plural:
            yield Amount(1.0, None, plural[0], one.start(), plural[1])


def with_borrowed_units(text: str, amounts: list[Amount]) -> list[Amount]:
    """A bare number compared with an amount that has a unit counts in that unit: 'rose to 4.1 million
    tickets from 3.2 million', '300 flats by lottery and 120 by auction', '40 million of the 90 million
    crowns'. A share is no unit to borrow: 'rose 2% to 1,450' is a level, not a share."""
    borrowed = [
        amount.unit or (borrowed_unit(text, amounts, i) if text[amount.start].isdigit() else "")
        for i, amount in enumerate(amounts)
    ]
    return [
        replace(amount, unit=unit) if unit != amount.unit else amount
        for amount, unit in zip(amounts, borrowed, strict=True)
    ]


def borrowed_unit(text: str, amounts: list[Amount], index: int) -> str:
    """The unit of the nearest amount before (else after) amounts[index], joined to it by a
    comparison word; '' if there is none."""
    bare = amounts[index]
    before = reversed(amounts[:index])
    after = amounts[index + 1 :]
    for other, between, words in [(o, text[o.end : bare.start], COMPARISON_WORDS) for o in before] + [
        (o, text[bare.end : o.start], COMPARISON_WORDS_BEFORE) for o in after
    ]:
        if other.unit and other.unit not in SHARES and is_comparison(between, words):
            return other.unit
    return ""


def is_comparison(between: str, words: frozenset[str]) -> bool:
    """Words between two amounts that compare them, short and with no other number or clause; 'of'
    only before the amount compared with ('40 million of the 90 million crowns', not 'the age of 21')."""
    if len(between) > BORROW_REACH or any(c.isdigit() or c in ";()" for c in between):
        return False
    return not words.isdisjoint(between.lower().replace(",", " ").split())


def unit_of_alternative(text: str, end: int) -> str:
    """'six or seven euros', '6 or $7': the first number has the unit of the second."""
    alternative = OR_NUMBER.match(text, end)
    second = quantity_of(alternative) if alternative else None
    return unit_of(text, second)[0] if second else ""


def is_amount(text: str, first: Quantity, amount: Amount) -> bool:
    """Not a year, not part of a name ("Match 4", "2021 Harvest Festival"), not a small count in words."""
    if first.currency or first.percent:
        return True
    unit = amount.unit
    if YEAR.match(first.number) and unit.lower() not in MEASUREMENT_UNITS:
        return False  # "in 1995 state filings": a year (a count that size is written with a comma)
    if not unit and is_before_name(text, amount.end):
        return False
    if amount.range_end is not None and text[max(0, first.start - 5) : first.start].lower() == "aged ":
        return False  # "riders aged 16 to 24": who is counted, not a figure
    if "/" in first.number and unit.lower() not in MEASUREMENT_UNITS:
        return False  # "9/11 victims": a fraction only of a unit of measurement ("1/2 pound")
    if unit.lower() not in MEASUREMENT_UNITS and is_after_name(text, first.start):
        return False
    return not is_spelled_count(text, first, amount)


def is_after_name(text: str, start: int) -> bool:
    name = NAME_BEFORE.search(text, max(0, start - 40), start)
    if name is None:
        return False
    word = name.group("name").lower()
    is_first = not text[: name.start("name")].strip(" \"'\u201c\u2018(")
    if is_first and not any(c.isupper() or c == "&" for c in name.group("name")[1:]):
        return False  # maybe capitalised only because it starts the sentence: "Nearly 2,000"
    return word not in lexicon.MONTHS and word not in NOT_NAMES


def is_before_name(text: str, end: int) -> bool:
    after = text[end : end + 2]
    return len(after) == 2 and after[0] == " " and after[1].isupper()


def ranged(text: str, first: Quantity, unit: str, end: int) -> Amount | None:
    """The range that `first` starts, when the second end has the same unit or the first has none;
    a first end written without the scale of the second takes it ("four to five thousand")."""
    second = range_end(text, first, end)
    if second is None:
        return None
    second_unit, second_end = unit_of(text, second)
    if unit and second_unit != unit and not second_unit.startswith(unit + " "):
        return None
    low = first.value
    written = number_value(second.number, None) or 0.0
    if second.scale and not first.scale and low <= written * 10:
        low = number_value(first.number, second.scale) or low
    return Amount(low, second.value, second_unit, first.start, second_end)


def counted_after_of(text: str, end: int) -> str:
    """'tens of thousands of pilgrims': the plural after 'of'."""
    rest = re.match(r" of ([a-z]+)", text[end : end + 40])
    return rest.group(1) if rest and rest.group(1).endswith("s") else ""


def is_date_or_time(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - NEAR) : match.start()].rstrip().rstrip(".").rsplit(maxsplit=1)
    after = text[match.end() : match.end() + NEAR].lstrip()
    previous = before[-1].lower().lstrip("(") if before else ""
    if previous in lexicon.MONTHS or previous in ("no", "number", "no.", "a.d.", "ad", "bc"):
        return True
    following = after.split(maxsplit=1)[0].lower().rstrip(".,") if after else ""
    if following in lexicon.MONTHS or following in ("a.m", "p.m", "am", "pm", "a.m.", "p.m."):
        return True
    return bool(ORDINAL_OR_TIME.match(text[match.end() : match.end() + 4]))


def is_spelled_count(text: str, quantity: Quantity, amount: Amount) -> bool:
    """A small number in words is a figure only with what it counts ('three new schools', 'two
    hours'), not alone ('three of them') nor in an adjective ('a three-year plan')."""
    if quantity.number[:1].isdigit():
        return False
    if text[quantity.end : quantity.end + 1] == "-":
        return True
    largest = max(amount.value, amount.range_end or 0.0)
    return largest < SPELLED_FIGURE_MIN and not amount.unit


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
