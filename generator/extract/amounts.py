"""Where the amounts of a sentence stand: numbers with their units, ranges, shares in words, and the
numbers left out because they are names, dates, times or prose ("Match 4", "in 1995", "three of them").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from generator.extract import lexicon
from generator.extract.quantities import (
    BODY,
    YEAR,
    Quantity,
    change_end,
    figure_matches,
    fractions,
    has_number,
    number_value,
    order_ranges,
    quantity_of,
    range_end,
)
from generator.extract.units import MEASUREMENT_UNITS, counted, is_measurement, unit_of

SPELLED_FIGURE_MIN = 10
SHARES = frozenset({"%", "percentage points", "basis points"})
# How far apart (characters) a bare number and the amount whose unit it borrows may stand.
BORROW_REACH = 50
COMPARISON_WORDS = lexicon.words("from to versus vs vs. against than compared and or while")
# ', or 1.2%' after an amount: the same change as a share, set aside.
SHARE_ASIDE = re.compile(r",\s*or\s+(?:about\s+|nearly\s+|almost\s+)?$")
COMPARISON_WORDS_BEFORE = COMPARISON_WORDS | {"of"}  # '40 million of the 90 million crowns'
# How far around a figure a date, its qualifier and its change are looked for (characters).
NEAR = 120
# A change and the level it reached ('rose $1.20 to $45.20'): the level is this many times the change.
LEVEL_RATIO = 3.0
CHANGE_WORDS = lexicon.INCREASE_WORDS | lexicon.DECREASE_WORDS
SINGLE_QUALIFIERS = frozenset(q for q in lexicon.QUALIFIERS if " " not in q)
ORDINAL_OR_TIME = re.compile(r"^(?:st|nd|rd|th|s)\b|^:\d\d|^[ap]\.?m\b")
# A number right after a name is part of the name: "Match 4", "Gate 7", "Phone 11", "FTSE 100".
# "one of the largest ports": one of a plural.
ONE_OF = re.compile(r"\b[Oo]ne of (?:the|its|his|her|their|our|my|your)(?: most)?(?= )")
# Half of a scale word or of a point of a share, written in words.
HALF = re.compile(r"\b[Hh]alf an? (?P<scale>thousand|million|billion|trillion|percentage point)\b")
OR_NUMBER = re.compile(rf"\s+or\s+{BODY}", re.IGNORECASE)
NOT_NAMES = lexicon.JOINING_WORDS | lexicon.DETERMINERS | lexicon.SUBORDINATORS
NAME_BEFORE = re.compile(r"(?:^|[\s(])(?P<name>[A-Z][\w&/-]*|[a-z]+[A-Z][\w&/-]*)\s$")


class Amount(NamedTuple):
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
    yield from halves(text)
    if numbered:
        yield from ones_of(text)


def halves(text: str) -> Iterator[Amount]:
    """'half a million people' as 500,000 people, 'half a percentage point' as 0.5 percentage points."""
    if "alf a" not in text:
        return
    for half in HALF.finditer(text):
        scale = half.group("scale").lower()
        if scale == "percentage point":
            yield Amount(0.5, None, "percentage points", half.start(), half.end())
            continue
        unit, end = counted(text, half.end()) or ("", half.end())
        yield Amount(0.5 * lexicon.SCALES[scale], None, unit, half.start(), end)


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
    in_text_order = sorted(amounts, key=lambda amount: amount.start)
    borrowed = {
        i: borrowed_unit(text, in_text_order, i)
        for i, amount in enumerate(in_text_order)
        if not amount.unit and text[amount.start].isdigit()
    }
    units = {id(in_text_order[i]): unit for i, unit in borrowed.items() if unit}
    return [a._replace(unit=units[id(a)]) if id(a) in units else a for a in amounts]


def borrowed_unit(text: str, amounts: list[Amount], index: int) -> str:
    """The unit of the nearest amount before (else after) amounts[index] (in text order), joined to
    it by a comparison word; '' if there is none. Only amounts within BORROW_REACH are looked at, so
    a sentence of many numbers costs time in proportion to its length."""
    bare = amounts[index]
    aside = ""
    for other in reversed(amounts[:index]):
        if bare.start - other.end > BORROW_REACH:
            break
        share_aside = SHARE_ASIDE.search(text, max(0, other.start - NEAR), other.start)
        if other.unit in SHARES and share_aside and not aside:
            aside = text[share_aside.start() : other.end]
            continue  # 'lost 52 points, or 1.2%, to 4,310': the level is in points
        if lends_unit(other, text[other.end : bare.start].replace(aside, "", 1), COMPARISON_WORDS):
            return other.unit
    for other in amounts[index + 1 :]:
        if other.start - bare.end > BORROW_REACH:
            break
        if lends_unit(other, text[bare.end : other.start], COMPARISON_WORDS_BEFORE):
            return other.unit
    return ""


def lends_unit(other: Amount, between: str, words: frozenset[str]) -> bool:
    return bool(other.unit) and other.unit not in SHARES and is_comparison(between, words)


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
    a first end written without the scale of the second takes it ("four to five thousand"). Else
    the level a change from `first` ends at."""
    second = range_end(text, first, end)
    if second is None:
        return changed(text, first, unit, end)
    second_unit, second_end = unit_of(text, second)
    if unit and second_unit != unit and not second_unit.startswith(unit + " "):
        return changed(text, first, unit, end)
    if is_change_and_level(text, first, second, has_unit=bool(unit)):
        return None
    low = first.value
    written = number_value(second.number, None) or 0.0
    if second.scale and not first.scale and low <= written * 10:
        low = number_value(first.number, second.scale) or low
    return Amount(low, second.value, second_unit, first.start, second_end)


def is_change_and_level(text: str, first: Quantity, second: Quantity, *, has_unit: bool) -> bool:
    """'rose $1.20 to $45.20', 'cut by 5,000 to 20,000': an amount after 'by', or with its unit after
    a word of change, and a far larger one joined by 'to' are the change and the level it reached,
    not a range, whose ends are of one size ('rise 5 to 7 percent') or share the unit written last
    ('cut 5,000 to 20,000 jobs')."""
    if abs(second.value) <= LEVEL_RATIO * abs(first.value):
        return False
    before = text[max(0, first.start - NEAR) : first.start].lower().split()
    while before and before[-1] in SINGLE_QUALIFIERS:
        before.pop()
    return bool(before) and (before[-1] == "by" or (has_unit and before[-1] in CHANGE_WORDS))


def changed(text: str, first: Quantity, unit: str, end: int) -> Amount | None:
    """A level and the level it changes to, a few words apart ('from $12 last spring to $15'), as one
    figure, a range; the second may leave out the unit, or give it another name ('30 miles per
    gallon ... to 41 mpg')."""
    second = change_end(text, first, end)
    if second is None:
        return None
    second_unit, second_end = unit_of(text, second)
    if second_unit and second_unit != unit and not (is_measured(unit) and is_measured(second_unit)):
        return None
    return Amount(first.value, second.value, unit or second_unit, first.start, second_end)


def is_measured(unit: str) -> bool:
    return bool(unit) and is_measurement(unit.rsplit(maxsplit=1)[-1])


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
    hours', 'a five-year term' of five years), not alone ('three of them') nor in an adjective
    that measures nothing ('a two-party system', 'two-thirds')."""
    if not quantity.number[:1].isalpha():
        return False  # '12', '.500'
    if text[quantity.end : quantity.end + 1] == "-":
        return amount.unit.lower() not in MEASUREMENT_UNITS  # 'a five-year journey' lasts 5 years
    largest = max(amount.value, amount.range_end or 0.0)
    return largest < SPELLED_FIGURE_MIN and not amount.unit
