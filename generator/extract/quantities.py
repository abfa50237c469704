"""The number grammar of figures: where a quantity is written, its value, and ranges of two values.

A quantity is an optional sign or currency, a number in digits or words, an optional scale ("4.2
billion", "4 hundred million", "$3bn") and an optional percent sign or word. Two quantities joined
by "to", a dash, or "between ... and" are one range.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, groupby
from typing import NamedTuple

from generator.extract import lexicon

# Symbols and ISO codes; any other two or three capitals glued to an amount ("AUD1.5m") are a code too.
CURRENCY = (
    r"(?-i:(?:(?:US|HK|NZ|AU|NT)\s?|A|C|R|S)\$|[$€£¥₹]|Y=|USD|EUR|GBP|MXN|AUD|CAD|CNY|JPY|INR|CHF|Rs\.?|RM(?=\d)"
    r"|[A-Z]{2,3}(?=\d{1,3}(?:,\d{3})+|\d+\.\d|\d+(?:bn|m|k)\b))"
)
BIG_SCALE = "thousand|million|billion|trillion"


def spelled(low: int, high: int, step: int = 1) -> str:
    """The number words of values low <= value < high (multiples of `step`), as regex alternatives."""
    found = {word for word, value in lexicon.NUMBER_WORDS.items() if low <= value < high and not value % step}
    return "|".join(sorted(found - {"dozen"}, key=len, reverse=True))


# A number in words, by its grammar, so that only well-formed ones are read: 'twenty-five', 'three
# hundred and ten', 'two dozen', 'forty thousand six hundred'. A scale word ends it unless more
# number words follow ('five thousand' is five with the scale 'thousand', as '5 thousand').
UNDER_TEN = spelled(1, 10)
TEENS = spelled(10, 20)
TENS = spelled(20, 100, step=10)
UNDER_HUNDRED = rf"(?:(?:{TENS})(?:[- ](?:{UNDER_TEN})\b)?|{TEENS}|{UNDER_TEN})\b"
HUNDRED_REST = rf"hundred\b(?:(?: and |[- ]){UNDER_HUNDRED})?"
UNDER_THOUSAND = rf"(?:{UNDER_HUNDRED}(?:[- ]{HUNDRED_REST}|[- ]dozen\b)?|{HUNDRED_REST}|dozen\b)"
# Led by a look at its first letter, which most places a figure is searched for fail at once.
FIRST_LETTERS = "".join(sorted({word[0] for word in lexicon.NUMBER_WORDS} | {"a"}))
SCALED_GROUP = rf"[- ](?:{BIG_SCALE})(?:,? and |,?[- ]){UNDER_THOUSAND}"
SPELLED = rf"(?=[{FIRST_LETTERS}])(?:a |an )?{UNDER_THOUSAND}(?:{SCALED_GROUP})*"
MULTIPLIERS = {"hundred": 100.0, "dozen": 12.0}
SCALE_WORD = rf"\s?(?:hundred(?:\s(?:{BIG_SCALE}))?|{BIG_SCALE}|bn|mn|tn)|m|k|b"
SCALES = {**lexicon.SCALES, "hundred": 100.0}
BODY = (
    r"(?P<sign>-(?=\d)|\u2212|minus[- ])?"
    rf"(?P<currency>{CURRENCY})?\s?"
    r"(?P<number>\d/\d{1,2}(?=\s[a-z])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    rf"|{SPELLED})"
    r"(?:(?:\s?\u00d7\s?10\^?|\s?[x*]\s?10\^)(?P<exponent>[-\u2212]?\d{1,2}))?"
    rf"(?:(?P<scale>(?:{SCALE_WORD}))\b)?"
    r"(?:\s?(?P<percent>%|percent\b|per cent\b|pct\b|pc\b|percentage points?\b|basis points?\b))?"
    r"(?P<currency_after>€|£|\$)?"
)
# Not inside a word, a number or a date; "sub-300" is a figure all the same.
FIGURE = re.compile(rf"(?:(?<![\w.,/:-])|(?<=sub-)){BODY}", re.IGNORECASE)
# "tens of thousands": a range of an order of magnitude, written without a digit.
ORDERS = re.compile(rf"\b(?P<order>tens|hundreds) of (?P<scale>{BIG_SCALE})s\b", re.IGNORECASE)
ORDER_SIZES = {"tens": 10.0, "hundreds": 100.0}
# "two-thirds of", "half the", "a quarter of": a share written in words.
FRACTION = re.compile(
    r"\b(?:(?P<count>a|one|two|three|four)[- ])?(?P<part>half|thirds?|quarters?|fifths?)(?= of | the )",
    re.IGNORECASE,
)
# 'grew by a third', 'cut by two-fifths': a share of a change, after 'by'.
BY_FRACTION = re.compile(
    r"(?<=\bby )(?P<count>a|one|two|three|four)[- ](?P<part>thirds?|quarters?|fifths?)\b(?! of | the )",
    re.IGNORECASE,
)
PARTS = {"half": 2.0, "third": 3.0, "quarter": 4.0, "fifth": 5.0}
# What joins the two ends of a range: "to", a dash, or "and" after "between".
# A dash with a space on one side only is a minus sign ("index 50 -1.3%"), not a range.
RANGE_JOIN = re.compile(r"(?:\s+(?:to|and)\s+|\s*[\u2013\u2014]\s*|-|\s+-\s+)~?", re.IGNORECASE)
RANGE_END = re.compile(BODY, re.IGNORECASE)
# 'from (about) 30 mpg in 2015 to 41 mpg': 'from' before the first level, and up to four words (or
# a year) before the 'to' of the second; no clause between ('from 5 stores and cut prices to ...').
FROM_REACH = 30
FROM_BEFORE = re.compile(
    rf"\bfrom\s+(?:(?:{'|'.join(map(re.escape, lexicon.QUALIFIERS))})\s+)?$", re.IGNORECASE
)
FROM_TO_GAP = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|to)\b)(?:[^\W\d_][\w.'\u2019-]*|(?:1[89]|20)\d\d\b)){0,4}\s+to\s+",
    re.IGNORECASE,
)
# After an 'm' glued to a number with no currency, a word that says the 'm' is metres: a dimension
# ('37m long', '12m-wide') or a race run over that distance ('the 400m hurdles').
METRES_AFTER = re.compile(
    r"[- ](?:long|wide|high|tall|deep|away|across|apart|race|sprint|dash|relay|hurdles|freestyle"
    r"|backstroke|breaststroke|butterfly|medley)\b"
)
# Every figure holds a digit or a number word, at most 12 characters after its start ("minus US $5").
FIGURE_REACH = 12
YEAR = re.compile(r"^(1[89]|20)\d\d$")


class Quantity(NamedTuple):
    """A number as written: its value, where it stands, and what is glued to it."""

    value: float
    start: int
    end: int
    currency: str
    percent: str
    scale: str
    number: str


def anchor_pattern(number_words: frozenset[str]) -> re.Pattern[str]:
    """Digit runs and whole number words (lower case), each branch led by its first character.

    Branches that all start with a literal let the regex engine skip ahead in C to a possible start;
    a number word is checked to be a whole word only once its first letter is found.
    """
    branches = [f"{digit}[0-9]*" for digit in "0123456789"]
    for first, group in groupby(sorted(number_words), key=lambda word: word[0]):
        rests = sorted((word[1:] for word in group), key=len, reverse=True)
        branches.append(rf"{first}(?<!\w{first})(?:{'|'.join(rests)})\b")
    return re.compile("|".join(branches))


FIGURE_ANCHOR = anchor_pattern(frozenset(lexicon.NUMBER_WORDS))


def has_number(text: str) -> bool:
    """Whether `text` may hold a figure written with a digit or a number word (FIGURE or 'one of')."""
    folded = text.casefold()
    return len(folded) != len(text) or FIGURE_ANCHOR.search(folded) is not None


def figure_matches(text: str) -> Iterator[re.Match[str]]:
    """FIGURE.finditer(text), but tried only near a digit or number word: most of a text has none.

    Every figure holds one within FIGURE_REACH of its start, so the next match after an anchor's
    reach is the next match of the text: it is searched for from there, the characters before it
    never tried.
    """
    folded = text.casefold()
    if len(folded) != len(text):
        yield from FIGURE.finditer(text)
        return
    position = 0
    for anchor in FIGURE_ANCHOR.finditer(folded):
        if anchor.start() < position:
            continue
        match = FIGURE.search(text, max(position, anchor.start() - FIGURE_REACH))
        if match is None:
            return
        yield match
        position = match.end()


def quantity_of(match: re.Match[str]) -> Quantity | None:
    """The quantity a FIGURE or RANGE_END match writes, or None when its number does not parse."""
    scale, end = match.group("scale") or "", match.end()
    if scale == "m" and not match.group("currency") and METRES_AFTER.match(match.string, end):
        scale, end = "", end - 1  # '37m long': the 'm' is its unit, metres, not a million
    value = number_value(match.group("number"), scale)
    if value is None:
        return None
    if match.group("exponent"):  # '6.02 x 10^23', or with a times sign and a minus sign
        exponent = int(match.group("exponent").replace("\u2212", "-"))
        value = float(f"{value * 10.0**exponent:.12g}")
    if match.group("sign"):
        value = -value
    return Quantity(
        value=value,
        start=match.start() + len(match.group()) - len(match.group().lstrip()),
        end=end,
        currency=match.group("currency") or match.group("currency_after") or "",
        percent=match.group("percent") or "",
        scale=scale,
        number=match.group("number"),
    )


def number_value(number: str, scale: str | None) -> float | None:
    words = number.lower().removeprefix("a ").removeprefix("an ").replace("-", " ").replace(",", "").split()
    if words and words[0] in lexicon.NUMBER_WORDS:
        value = spelled_value(words)
    else:
        numerator, _, denominator = number.replace(",", "").partition("/")
        try:
            value = float(numerator) / float(denominator or 1)
        except (ValueError, ZeroDivisionError):
            return None
    if not scale:
        return value
    for word in scale.lower().split():
        value *= SCALES[word]
    return float(f"{value:.12g}")  # 4.1 million is 4100000, not 4099999.9999999995


def spelled_value(words: list[str]) -> float:
    """The value of a number SPELLED matched, as words: 'forty one thousand six hundred'."""
    total = group = 0.0
    for word in words:
        if word in MULTIPLIERS:
            group = (group or 1.0) * MULTIPLIERS[word]
        elif word in SCALES:
            total, group = total + (group or 1.0) * SCALES[word], 0.0
        elif word != "and":
            group += lexicon.NUMBER_WORDS[word]
    return total + group


def range_end(text: str, first: Quantity, position: int) -> Quantity | None:
    """The quantity that ends a range starting with `first`, joined at `position` (after the first
    end's unit) by "to", a dash, or "and" after "between" ("5 to 7", "16-18", "between 5 and 7"):
    both ends written alike, in digits or in words."""
    join = RANGE_JOIN.match(text, position)
    if join is None or (join.group().strip().lower() == "and" and not is_after_between(text, first)):
        return None
    return second_end(text, first, join.end())


def change_end(text: str, first: Quantity, position: int) -> Quantity | None:
    """The level a change 'from' `first` ends at, a few words after it ('from $12 last spring to
    $15', 'from 30 mpg in 2015 to 41 mpg'), written alike; None if there is none."""
    reach = max(0, first.start - FROM_REACH)
    if "rom" not in text[reach : first.start] or not FROM_BEFORE.search(text, reach, first.start):
        return None  # a literal first: most amounts follow no 'from'
    gap = FROM_TO_GAP.match(text, position)
    return second_end(text, first, gap.end()) if gap else None


def second_end(text: str, first: Quantity, position: int) -> Quantity | None:
    end = RANGE_END.match(text, position)
    second = quantity_of(end) if end else None
    if second is None or (YEAR.match(first.number) and len(second.number) != len(first.number)):
        return None  # a season or a year and an amount, not a range: "2014-15", "2018 to 3.9m"
    return second if first.number[:1].isdigit() == second.number[:1].isdigit() else None


def is_after_between(text: str, first: Quantity) -> bool:
    return text[max(0, first.start - 9) : first.start].lower().split()[-1:] == ["between"]


def fractions(text: str) -> Iterator[tuple[float, int, int]]:
    """'two-thirds of the votes' as 2/3 and where it is written."""
    # Literal parts of those words: most sentences have none, and `in` finds a literal in C at once
    # (a regex of them is tried at every 'a' and 'i' of the text, a generator costs more than the test).
    if not ("alf" in text or "hird" in text or "uarter" in text or "ifth" in text):
        return
    for match in chain(FRACTION.finditer(text), BY_FRACTION.finditer(text)):
        count = match.group("count") or "a"
        if match.group("part").lower() == "half" and count.lower() not in ("a", "one"):
            continue
        parts = PARTS[match.group("part").lower().removesuffix("s")]
        numerator = 1.0 if count.lower() in ("a", "one") else float(lexicon.NUMBER_WORDS[count.lower()])
        yield numerator / parts, match.start(), match.end()


def order_ranges(text: str) -> Iterator[tuple[float, float, int, int]]:
    """'tens of thousands' as (10,000, 100,000) and where it is written."""
    if "s of " not in text:
        return
    for match in ORDERS.finditer(text):
        size = ORDER_SIZES[match.group("order").lower()] * SCALES[match.group("scale").lower()]
        yield size, size * 10, match.start(), match.end()
