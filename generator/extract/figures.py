"""Find key figures: a number with its unit, what it measures, its change, and who reported it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import groupby

from generator.extract import lexicon
from generator.extract.actors import Cast
from generator.model import Change, Figure, Sentence, Span

CURRENCIES = {
    "$": "$",
    "us$": "$",
    "usd": "$",
    "€": "€",
    "eur": "€",
    "£": "£",
    "gbp": "£",
    "¥": "¥",
    "hk$": "HK$",
    "a$": "A$",
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
# Units that make a spelled-out small number a measurement ("three hours"), not a count of things.
MEASURE_UNITS = lexicon.words(
    """percent hours hour days day weeks week months month years year minutes minute seconds
    decades decade centuries times tons tonnes kilometers kilometres miles meters metres feet
    million billion trillion thousand hundred dozen"""
)
SPELLED_FIGURE_MIN = 10
NUMBER_WORD = "|".join(sorted(lexicon.NUMBER_WORDS, key=len, reverse=True))
SCALE_WORD = "thousand|million|billion|trillion|bn|mn|tn|m|k|b"
# Symbols and ISO codes; any other two or three capitals glued to an amount ("AUD1.5m") are a code too.
CURRENCY = (
    r"(?:(?:US|HK|NZ|A|C|R)\s?\$|[$€£¥₹]|USD|EUR|GBP|MXN|AUD|CAD|CNY|JPY|INR|CHF|Rs\.?"
    r"|[A-Z]{2,3}(?=\d{1,3}(?:,\d{3})+|\d+\.\d|\d+(?:bn|m|k)\b))"
)
FIGURE = re.compile(
    rf"(?<![\w.,/:-])(?P<currency>{CURRENCY})?\s?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|(?:a |an )?(?:{NUMBER_WORD})\b(?:[- ](?:{NUMBER_WORD})\b)?)"
    rf"(?:\s?(?P<scale>(?:{SCALE_WORD})\b))?"
    r"(?:\s?(?P<percent>%|percent\b|per cent\b|pct\b|pc\b|percentage points?\b))?",
    re.IGNORECASE,
)
# Every figure holds a digit or a number word, at most 8 characters after its start ("US $ 5", "an eight").
FIGURE_REACH = 8
UNIT_WORD = re.compile(r"\s*(?P<unit>[A-Za-z][A-Za-z/-]*)")
# Two-word units whose second word is part of the unit, not the thing measured.
COMPOUND_UNITS = re.compile(
    r"\s*(?P<unit>degrees? (?:celsius|fahrenheit|kelvin|centigrade)|square (?:\w+))", re.I
)
# Feet and inches written with primes (30'); a straight ' only where no single quote is open before it.
PRIME_UNITS = {"'": "foot", "\u2032": "foot", "\u2033": "inch"}
SINGLE_QUOTE_OPENING = re.compile(r"(?:^|\s)['\u2018]\w")
YEAR = re.compile(r"^(1[89]|20)\d\d$")
STOP_WORDS = lexicon.words(
    """reported by since until by which that who as while compared according when where after
    before during from than said says is are was were will would has have had to"""
)
SOURCE_CUES = ("reported by", "according to", "data from", "figures from", "estimates from", "published by")
CHANGE_VERBS_WINDOW = 4
# How far around a figure its qualifier, change and measure are looked for (characters).
NEAR = 120
PHRASE_REACH = 300
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
CHANGE_VERBS = frozenset(
    w
    for w in lexicon.INCREASE_WORDS | lexicon.DECREASE_WORDS
    if w.endswith(("ed", "s")) or w in ("fell", "rose")
)
MEASURE_MAX_WORDS = 8
QUALIFIERS_LONGEST_FIRST = tuple(sorted(lexicon.QUALIFIERS, key=len, reverse=True))
ORDINAL_OR_TIME = re.compile(r"^(?:st|nd|rd|th|s)\b|^:\d\d|^[ap]\.?m\b")
LOWER_WORD = re.compile(r"[a-z]+")
# 'of school buildings': the phrase after the figure that says what it counts.
PHRASE_AFTER = re.compile(r"\s*(?:[a-z]+\s+){0,1}?(?:of|in|for)\s+(?P<phrase>[^,.;:()]+)")
# 'the number of seizures rose to': the phrase before the figure, in a clause leading to it.
PHRASE_BEFORE = re.compile(r"\b(?:in|of)\s+(?P<phrase>[^,.;:()]+?)\s+(?:by|to|of)\s+(?:[a-z]+\s+){0,2}$")
# 'fentanyl seizures rose by': the subject before a change verb at the end of the clause; the
# lookbehind starts it where its run of words starts (no match starts later), which keeps it linear.
CHANGE_SUBJECT = re.compile(
    r"(?<![\w' -])(?P<phrase>[\w' -]+?)\s+(?P<verb>[a-z]+)(?:\s+by)?\s+(?:[a-z]+\s+)?$"
)
# "cuts school spending by 4%": the thing changed is the change verb's object.
CHANGED_OBJECT = re.compile(
    rf"\b(?:{'|'.join(sorted(CHANGE_VERBS))})\s+(?P<phrase>[a-z][\w' -]*?)\s+by\s+(?:[a-z]+\s+){{0,2}}$"
)


def extract_figures(sentences: Sequence[Sentence], cast: Cast) -> list[Figure]:
    """The figures of the article, the same figure stated twice (summary and body) kept once."""
    found = [figure for sentence in sentences for figure in figures_in(sentence, cast)]
    return merge_repeats(found)


def figures_in(sentence: Sentence, cast: Cast) -> Iterator[Figure]:
    text = sentence.text
    source: str | None = None
    has_source = False  # looked up once, when the sentence has a figure
    for match in figure_matches(text):
        value = number_value(match.group("number"), match.group("scale"))
        if value is None or is_date_or_time(text, match):
            continue
        unit, end = unit_of(text, match)
        if not unit and not match.group("currency") and YEAR.match(match.group("number")):
            continue
        if is_spelled_count(match, unit, value):
            continue
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        qualifier = qualifier_before(text, start)
        if not has_source:
            source, has_source = source_in(sentence, cast), True
        yield Figure(
            value=value,
            unit=unit,
            text=text[start:end].strip(),
            measure=measure_of(text, start, end, unit),
            change=change_near(text, start, end, qualifier),
            qualifier=qualifier,
            source=source,
            span=Span(sentence.index, start, end),
        )


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


def number_value(number: str, scale: str | None) -> float | None:
    words = number.lower().removeprefix("a ").removeprefix("an ").replace("-", " ").split()
    if words and all(w in lexicon.NUMBER_WORDS for w in words):
        value = float(sum(lexicon.NUMBER_WORDS[w] for w in words))
    else:
        try:
            value = float(number.replace(",", ""))
        except ValueError:
            return None
    if scale:
        value *= lexicon.SCALES[scale.lower()]
    return value


def unit_of(text: str, match: re.Match[str]) -> tuple[str, int]:
    """The unit and where the figure's text ends."""
    if match.group("percent"):
        percent = match.group("percent").lower()
        return ("percentage points" if percent.startswith("percentage") else "%"), match.end()
    if match.group("currency"):
        code = re.sub(r"\s", "", match.group("currency"))
        return CURRENCIES.get(code.lower().rstrip("."), code), match.end()
    prime = text[match.end() : match.end() + 1]
    if (
        prime in PRIME_UNITS
        and not text[match.end() + 1 : match.end() + 2].isalnum()
        and not (prime == "'" and SINGLE_QUOTE_OPENING.search(text, 0, match.start()))
    ):
        return PRIME_UNITS[prime], match.end() + 1
    if match.group("scale") and match.group("scale").lower() in ("m", "k", "b"):
        return "", match.end()
    compound = COMPOUND_UNITS.match(text, match.end())
    if compound:
        return compound.group("unit"), compound.end()
    word = UNIT_WORD.match(text, match.end())
    if word is not None and word.group("unit").endswith("ing"):
        word = UNIT_WORD.match(text, word.end()) or word
    if (
        word is None
        or word.group("unit").lower() in lexicon.FUNCTION_WORDS
        or word.group("unit").lower() in STOP_WORDS
    ):
        return "", match.end()
    return word.group("unit"), word.end()


def is_date_or_time(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - NEAR) : match.start()].rstrip().rstrip(".").split()
    after = text[match.end() : match.end() + NEAR].lstrip()
    previous = before[-1].lower() if before else ""
    if previous in lexicon.MONTHS or previous in ("no", "number", "no.", "a.d.", "ad", "bc"):
        return True
    following = after.split(maxsplit=1)[0].lower().rstrip(".,") if after else ""
    if following in lexicon.MONTHS or following in ("a.m", "p.m", "am", "pm", "a.m.", "p.m."):
        return True
    return bool(ORDINAL_OR_TIME.match(text[match.end() : match.end() + 4]))


def is_spelled_count(match: re.Match[str], unit: str, value: float) -> bool:
    """'three concrete achievements' is not a key figure (a small count in words is prose); 'three
    hours', 'two million' and 'a dozen schools' are."""
    number = match.group("number").lower()
    if number[:1].isdigit() or match.group("scale") or match.group("percent"):
        return False
    return value < SPELLED_FIGURE_MIN and unit.lower() not in MEASURE_UNITS


def qualifier_before(text: str, start: int) -> str | None:
    before = " ".join(text[max(0, start - NEAR) : start].lower().split()[-3:])
    for qualifier in QUALIFIERS_LONGEST_FIRST:
        if before.endswith(qualifier) and (
            len(before) == len(qualifier) or before[-len(qualifier) - 1] == " "
        ):
            return qualifier
    return None


def change_near(text: str, start: int, end: int, qualifier: str | None) -> Change | None:
    """Direction of change from the noun right after the figure (a 5% drop), else the words before it."""
    after = LOWER_WORD.findall(text[end : end + NEAR].lower())[:1]
    if after and after[0] in CHANGE_NOUNS:
        return CHANGE_NOUNS[after[0]]
    lead = text[max(0, start - NEAR) : start].lower().rstrip().removesuffix(qualifier or "")
    before = LOWER_WORD.findall(lead)[-CHANGE_VERBS_WINDOW:]
    for word in reversed(before):
        if word in lexicon.INCREASE_WORDS:
            return "increase"
        if word in lexicon.DECREASE_WORDS:
            return "decrease"
    return None


def measure_of(text: str, start: int, end: int, unit: str) -> str:
    """What the figure counts: the phrase after 'of'/'in' that follows it, or the one it closes."""
    after = PHRASE_AFTER.match(text[end : end + PHRASE_REACH])
    if after and not is_time_phrase(after.group("phrase")):
        return noun_phrase(after.group("phrase"))
    clause = text[clause_start(text, start) : start]
    subject = CHANGE_SUBJECT.search(clause)
    if subject and subject.group("verb") in CHANGE_VERBS:
        return noun_phrase(" ".join(subject.group("phrase").split()[-4:]))
    before = PHRASE_BEFORE.search(clause)
    if before:
        return noun_phrase(before.group("phrase"))
    changed = CHANGED_OBJECT.search(clause)
    if changed:
        return noun_phrase(changed.group("phrase"))
    return unit if unit not in ("%", "percentage points") and unit.isalpha() else ""


def clause_start(text: str, end: int) -> int:
    """Where the stretch before `end` free of ,.;:() starts: no phrase before a figure reaches further
    (nor further back than PHRASE_REACH, which keeps the work per figure bounded)."""
    reach = max(0, end - PHRASE_REACH)
    return max(reach, *(text.rfind(mark, reach, end) + 1 for mark in ",.;:()"))


def is_time_phrase(phrase: str) -> bool:
    """'March', 'the first quarter of 2024', '2023': when, not what."""
    first = phrase.split()[0].lower().strip(".,") if phrase.split() else ""
    return first in lexicon.MONTHS or first in lexicon.WEEKDAYS or bool(YEAR.match(first))


def noun_phrase(phrase: str) -> str:
    words: list[str] = []
    for word in phrase.split()[:MEASURE_MAX_WORDS]:
        if word.lower() in STOP_WORDS or (words and word.lower() in ("and", "or") and len(words) > 3):
            break
        words.append(word)
    if words and words[-1].lower() in ("and", "or", "the", "a", "an"):
        words.pop()
    return " ".join(words)


def source_in(sentence: Sentence, cast: Cast) -> str | None:
    """The actor named after 'reported by', 'according to' (and the like) in the sentence."""
    if sentence.index not in cast.by_sentence:
        return None
    lowered = sentence.text.lower()
    for cue in SOURCE_CUES:
        position = lowered.find(cue)
        if position < 0:
            continue
        after = position + len(cue)
        for mention in cast.by_sentence.get(sentence.index, ()):
            if 0 <= mention.span.start - after <= 6:
                return mention.name
    return None


def merge_repeats(figures: Sequence[Figure]) -> list[Figure]:
    """One figure per value and unit: the most complete statement, gaps filled from the others."""
    groups: dict[tuple[float, str], list[Figure]] = {}
    for figure in figures:
        groups.setdefault((figure.value, figure.unit.lower()), []).append(figure)
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
