"""The unit of a quantity: a percent, a currency, a unit of measurement, or the things it counts.

The word after a number is its unit only when it is one: a unit of measurement ("150 hp", "3 hours"),
letters glued to the number ("64GB"), or a noun phrase ending in a plural ("40 new classrooms");
never a verb or a name ("300 rallied", "9 Lite"). A rate ("per share", "a day") belongs to the unit.
"""

from __future__ import annotations

import re

from generator.extract import lexicon
from generator.extract.measure import is_verb
from generator.extract.quantities import Quantity

CURRENCIES = {
    "$": "$",
    "us$": "$",
    "usd": "$",
    "€": "€",
    "eur": "€",
    "£": "£",
    "gbp": "£",
    "¥": "¥",
    "y=": "¥",
    "hk$": "HK$",
    "a$": "A$",
    "au$": "A$",
    "c$": "C$",
    "mxn": "MXN",
    "aud": "AUD",
    "cad": "CAD",
    "cny": "CNY",
    "jpy": "JPY",
    "inr": "INR",
    "chf": "CHF",
    "rs": "Rs",
}
MEASUREMENT_UNITS = lexicon.MEASUREMENT_UNITS
# Words that end in s but are not plural nouns: verbs and the like after a count.
NOT_PLURALS = lexicon.words(
    """is was has does says gets makes takes goes comes puts sets runs sells costs pays means stands
    remains seems needs this thus plus us its his yes less unless across"""
)
# A rate after the unit: "per share", "a day", "an ounce" (a|an only before these nouns; "a year
# earlier" says when, not how often).
RATE = re.compile(
    r"\s+(?P<rate>per\s+(?:sq(?:uare)?\.?\s+)?[^\W\d_]+|an?\s+(?P<noun>[a-z]+)\b)(?!\s+(?:earlier|ago|before|after|later))"
)
RATE_NOUNS = lexicon.words(
    """day week month year hour minute second night ounce pound kilo kilogram gallon litre liter
    barrel share head person piece unit square mile kilometre kilometer"""
)
# Units of two words or written with a space or a sign.
COMPOUND_UNITS = re.compile(
    r"\s?(?P<unit>degrees? (?:celsius|fahrenheit|kelvin|centigrade)|(?:square|cubic)[- ][a-z]+|years?[- ]old"
    r"|m\.p\.h\.?|sq\.? ?(?:m|ft|km|mi)\b|sqm\b|m2\b|km2\b|parts per (?:million|billion)|lb-ft|km/h)",
    re.IGNORECASE,
)
HYPHENED_RATE = re.compile(r"(?P<unit>[a-z]+)-(?:a|an|per)-[a-z]+")
GLUED = re.compile(r"(?P<unit>[^\W\d_]+)\b")
WORD = re.compile(r"\s+(?P<word>[^\W\d_](?:[\w'/-]*\w)?)")
HYPHENED = re.compile(r"-(?P<unit>years?-old|(?:square|cubic)-[a-z]+|[^\W\d_]+)\b")
COUNT_WORDS = 4
ONE_COUNT_WORDS = 2
PRIME_UNITS = {"'": "foot", "\u2032": "foot", "\u2033": "inch"}
SINGLE_QUOTE_OPENING = re.compile(r"(?:^|\s)['\u2018]\w")
STOP_WORDS = lexicon.words(
    """reported by since until by which that who as while compared according when where after
    before during from than said says is are was were will would has have had to"""
)


def unit_of(text: str, quantity: Quantity) -> tuple[str, int]:
    """The unit of `quantity` and where its text ends."""
    if quantity.percent:
        return percent_unit(quantity.percent), quantity.end
    if quantity.currency:
        code = re.sub(r"\s", "", quantity.currency)
        return with_rate(text, CURRENCIES.get(code.lower().rstrip("."), code), quantity.end)
    written = written_unit(text, quantity)
    if written is None:
        return "", quantity.end
    return with_rate(text, *written)


def percent_unit(percent: str) -> str:
    lowered = percent.lower()
    if lowered.startswith("percentage"):
        return "percentage points"
    return "basis points" if lowered.startswith("basis") else "%"


def written_unit(text: str, quantity: Quantity) -> tuple[str, int] | None:
    """A unit written after the number: a prime, a hyphened or glued unit, a compound, one word of
    measurement, or the plural noun phrase of what is counted."""
    end = quantity.end
    prime = text[end : end + 1]
    if is_prime(text, quantity, prime):
        return PRIME_UNITS[prime], end + 1
    # After a scale ("4.2m", "3 billion") letters glued on are not a unit: "3bn" is no unit "bn".
    for pattern in (HYPHENED, COMPOUND_UNITS) if quantity.scale else (HYPHENED, COMPOUND_UNITS, GLUED):
        match = pattern.match(text, end)
        if match:
            return match.group("unit").replace(".", ""), match.end()  # "m.p.h." is "mph"
    word = WORD.match(text, end)
    if word and is_measurement(word.group("word")):
        return word.group("word"), word.end()
    is_one = quantity.number.lower() == "one" and not quantity.scale
    return counted(text, end) or (counted_one(text, end) if is_one else None)


def is_prime(text: str, quantity: Quantity, prime: str) -> bool:
    """Feet and inches written with primes (30'); a straight ' only where no single quote is open."""
    if prime not in PRIME_UNITS or text[quantity.end + 1 : quantity.end + 2].isalnum():
        return False
    return not (prime == "'" and SINGLE_QUOTE_OPENING.search(text, 0, quantity.start))


def counted(text: str, end: int) -> tuple[str, int] | None:
    """'125 new positions', '40 Acme and Zenith buses': the words up to the last plural noun."""
    words: list[re.Match[str]] = []
    position = end
    while len(words) < COUNT_WORDS:
        word = WORD.match(text, position)
        if word is None:
            break
        if is_stop(word.group("word"), first=not words) and not is_adjective(text, word):
            break
        words.append(word)
        position = word.end()
    while words and not is_plural(words[-1].group("word")):
        words.pop()
    if not words:
        return None
    return text[words[0].start("word") : words[-1].end()], words[-1].end()


def counted_one(text: str, end: int) -> tuple[str, int] | None:
    """'one hand', 'one course meal': after 'one', the singular noun (of one or two lower-case words)
    that it counts; not a verb, an adverb or a function word ('one said', 'one another')."""
    words: list[re.Match[str]] = []
    while len(words) < ONE_COUNT_WORDS:
        word = WORD.match(text, words[-1].end() if words else end)
        if word is None or not is_singular_noun(word.group("word"), first=not words):
            break
        words.append(word)
    if not words:
        return None
    return text[words[0].start("word") : words[-1].end()], words[-1].end()


def is_singular_noun(word: str, *, first: bool) -> bool:
    if not word.islower() or is_plural(word) or word.endswith(("ly", "ing")) or is_verb(word):
        return False
    return not is_stop(word, first=first)


def is_stop(word: str, *, first: bool) -> bool:
    lowered = word.lower()
    if lowered == "and":
        return first
    if lowered in ("other", "more"):
        return False  # "eight other employees", "40 more buses"
    return lowered in lexicon.FUNCTION_WORDS or lowered in STOP_WORDS or lowered.endswith("ed")


def is_adjective(text: str, word: re.Match[str]) -> bool:
    """A word in -ed that is hyphened or comes before a plural ('20 coal-fired plants', '12 armed
    guards'), not a verb ('300 rallied')."""
    lowered = word.group("word").lower()
    if not lowered.endswith("ed") or lowered in STOP_WORDS:
        return False
    following = WORD.match(text, word.end())
    return "-" in lowered or (following is not None and is_plural(following.group("word")))


def is_plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in lexicon.IRREGULAR_PLURALS or lowered.endswith("men"):
        return True
    return lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")) and lowered not in NOT_PLURALS


def is_measurement(unit: str) -> bool:
    """A unit of measurement, also as a rate written with hyphens ('barrel-a-day')."""
    lowered = unit.lower()
    if lowered in MEASUREMENT_UNITS or COMPOUND_UNITS.fullmatch(unit):
        return True
    rate = HYPHENED_RATE.fullmatch(lowered)
    return rate is not None and rate.group("unit") in MEASUREMENT_UNITS


def with_rate(text: str, unit: str, end: int) -> tuple[str, int]:
    """'$ per gallon', 'barrels a day': a rate after the unit is part of it."""
    rate = RATE.match(text, end)
    if rate is None or (rate.group("noun") and rate.group("noun") not in RATE_NOUNS):
        return unit, end
    return f"{unit} {' '.join(rate.group('rate').split())}", rate.end()
