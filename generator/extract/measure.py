"""What a figure measures: the noun phrase that governs the quantity or that it modifies.

Tried in order, the first found wins: the noun phrase the figure is "of", "to", "at" or "by" ("a
budget of $3 million", "its capacity to 2m tons", "raised fares by 5%"), the phrase after it ("60% of
voters", "a 5% rise in rents"), the noun it modifies ("a 300 kWh battery"), the subject of its
clause ("Rents rose 7%"; for "which" or "that", the noun before it), and the subject of the
sentence's first verb ("The tunnel will be 3.2 km long").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from generator.extract import lexicon

PHRASE_REACH = 300
YEAR = re.compile(r"^(1[89]|20)\d\d$")
# An amount as one word ("$5", "4.5%", "3bn"); "5G" or "F-150" is a name.
NUMBERISH = re.compile("[$\u20ac\u00a3\u00a5+~\u2212-]*[0-9][0-9.,]*(?:%|[mbk]n?|s)?[,.;:]?")
# 'Harbour 40 -0.8% Valley +1.2%': in a list of market moves, the name right before a signed figure.
NAME_BEFORE_SIGN = re.compile(r"(?:^|[\s:;,])(?P<name>[A-Z][\w&/.]*(?:\s+(?:[A-Z][\w&/.]*|\d+))*)\s+\+?$")
QUALIFIERS_LONGEST_FIRST = tuple(sorted(lexicon.QUALIFIERS, key=len, reverse=True))
MEASURE_MAX_WORDS = 8
CHANGE_NOUNS = lexicon.words(
    """reduction drop decline decrease fall cut cuts loss plunge slump dip contraction slide increase
    rise growth gain jump hike surge boost spike expansion climb improvement share"""
)
# 'of school buildings', 'rise in traffic deaths': the phrase after the figure that says what it counts.
PHRASE_AFTER = re.compile(
    r"\s*(?:(?P<noun>[a-z]+)\s+(?:of|in)|(?P<link>of|for))\s+(?P<phrase>[^,.;:()\u2013\u2014]+?)(?=\s+-\s|[,.;:()\u2013\u2014]|$)"
)
# The words right after a figure, before any punctuation: the noun it modifies.
MODIFIED = re.compile(r"[ \t]+(?P<phrase>[^\W\d_][^,.;:()\d]*)")
# '... a range of', '... its output to': a noun phrase ending right before the figure.
GOVERNOR = re.compile(r"(?P<phrase>[\w'\u2019&/-]+(?:\s+[\w'\u2019&/-]+){0,3})\s+(?P<link>of|to|at|by)\s*$")
LINKS = ("of", "to", "at", "by")
FROM_AMOUNT = re.compile(r"\bfrom\s+\S*\d")
CLAUSE_MARKS = ",.;:()\u2014"
CLAUSE_MARKS_OUTSIDE_NUMBERS = ";:()\u2014"
CLAUSE_WORDS = re.compile(
    r"\b(?:and|while|but|whereas|although|though|because|as|after|before|if|when|that|which|who"
    r"|said|says|told|stated|added)\s"
)
RELATIVES = lexicon.words("which who that whose")
# Function words that end or cut a measure: not the nouns the lexicon lists only because they open
# sentences capitalised ('64% of independent voters' measures independent voters).
PHRASE_BREAKS = (
    lexicon.FUNCTION_WORDS
    - lexicon.PEOPLE_BODIES
    - lexicon.GROUP_WORDS
    - frozenset(word for word in lexicon.FUNCTION_WORDS if word.removesuffix("s") in lexicon.PEOPLE_NOUNS)
    - lexicon.words("sources officials critics supporters analysts experts observers")
)
ADVERBIAL_OPENERS = lexicon.words("on in at for after before during since with without by from despite under")
PRONOUNS = lexicon.words("it they he she we i you this these those there")
OBJECT_PRONOUNS = lexicon.words("him them us me")
PREPOSITIONS = lexicon.words("in on at by with without for from into over through under within")
COPULAS = lexicon.words("is are was were be been being")
MODALS = lexicon.words("can could will would shall should may might must to")
# Unions made once: a set operator in a condition builds a new set each time it runs.
OPENING_FUNCTION_WORDS = lexicon.FUNCTION_WORDS - RELATIVES - PRONOUNS  # what a subject does not start with
FUNCTION_WORDS_OR_PRONOUNS = lexicon.FUNCTION_WORDS | PRONOUNS
# Adjectives that end a phrase before "at": "impressive at 37 degrees" is no measure.
ADJECTIVE_ENDINGS = ("ive", "ous", "ful", "able", "ible", "al")
ADJECTIVE_SUFFIXES = (*ADJECTIVE_ENDINGS, "all", "ic", "est")
# A word after a unit that describes the amount, not a thing: "90 miles wide".
DIMENSIONS = lexicon.words("long wide high tall deep old away thick across apart ago later earlier")
# Verbs (and the adverbs before them) that end a subject; so do words ending in -ed and every
# change and speech verb.
VERBS = lexicon.words(
    """is are was were be been being will would could should might must may can has have had do does
    did stands stand hit hits reach reaches totals totalled totaled averages averaged
    produces produce sold sells sell employs holds hold gets get makes make takes take pays pay earns
    accounts represents means shows show showed shown suggests finds indicates
    comes goes needs requires includes contains offers expects stood says said
    told reported estimated saw sees see took made got gave paid won spent built bought brought kept
    left met ran went came put set became began drew grew fell rose hits totalling found wrote thought
    knew felt held led allows exceeds far now also still
    just only already currently recently nearly
    almost about around roughly approximately"""
)
# Words ending in -ed that are no past tense.
NOT_PAST_TENSES = lexicon.words("speed seed greed breed feed need deed weed bed red shed hundred sled")
AMOUNT_WORDS = lexicon.words("percent cent pc pct points point million billion thousand trillion")
# Single words that come where a measure stands but name none: times, adverbs, adjectives.
NOT_MEASURES = lexicon.words(
    """time times year years day days week weeks month months minutes hours worth out total wrong
    right low high top mark sits heard support likely annually offshore record maximum minimum peak
    sum amount number level tally"""
)


def measure_of(text: str, start: int, end: int, unit: str) -> tuple[str, bool]:
    """What the figure at text[start:end] measures ('' when the sentence does not say), and whether
    that is only the subject of its clause or sentence: the weakest guess, not one for a card alone."""
    clause = text[clause_start(text, start) : start]
    listed = listed_name(text, start)
    if listed:
        return listed, False
    tried: tuple[tuple[Callable[[], str], bool], ...] = (
        (lambda: joined(noun_phrase(governor(clause)), *phrase_after(text, end)), False),
        (lambda: modified(text, end, unit), False),
        (lambda: subject(text, clause, start, needs_verb=False), True),
        (lambda: subject(text, text[max(0, start - PHRASE_REACH) : start], start, needs_verb=True), True),
    )
    for rule, is_subject in tried:  # in order, each only when those before found nothing
        measure = noun_phrase(rule())
        if measure and not is_not_measure(measure):
            return measure, is_subject
    return "", False


def listed_name(text: str, start: int) -> str:
    """The name a signed figure follows directly: 'Harbour 40 -0.8%' measures Harbour 40."""
    if text[start : start + 1] not in ("-", "\u2212") and text[start - 1 : start] != "+":
        return ""
    found = NAME_BEFORE_SIGN.search(text, max(0, start - 40), start)
    return found.group("name") if found else ""


def is_not_measure(measure: str) -> bool:
    """Words that stand where a measure would but name none ('annually', 'worth', 'late May')."""
    lowered = measure.lower()
    words = lowered.split()
    if any(is_time(word) and not word.isdigit() for word in words) or YEAR.match(words[-1]):
        return True  # "late August", "early 2019": when, not what ("Index 100" is a name)
    return lowered in NOT_MEASURES or (" " not in lowered and lowered.endswith("ly"))


def joined(governing: str, link: str, after: str) -> str:
    """'the seizure of up to 320 tons of cocaine': the seizure of cocaine, both halves kept."""
    after = noun_phrase(after)
    if governing and after:
        return f"{governing} {link} {after}"
    return governing or after


def phrase_after(text: str, end: int) -> tuple[str, str]:
    """The phrase after the figure, with the word linking it ('of', 'for'); ('', '') if none."""
    after = PHRASE_AFTER.match(text, end, min(len(text), end + PHRASE_REACH))
    if after is None or (after.group("noun") and after.group("noun") not in CHANGE_NOUNS):
        return "", ""
    if is_time_phrase(after.group("phrase")):
        return "", ""
    return after.group("link") or "of", after.group("phrase")


def governor(clause: str) -> str:
    """The noun phrase the figure is 'of', or that it is raised 'to' (not a verb: 'rose to')."""
    stripped = strip_qualifier(clause)
    if stripped[-2:] not in LINKS or not stripped[-3:-2].isspace():
        return ""  # most figures follow no link word: the search below is the costly part
    found = GOVERNOR.search(stripped[-80:])
    if found is None:
        return ""
    if found.group("phrase").split()[-1].lower() in ("ahead", "behind"):
        return ""  # "ahead by 4 points": a lead, of no noun
    if found.group("link") == "to" and FROM_AMOUNT.search(stripped[-80:]):
        return ""  # "from 31% in the spring survey to 29%": the level a change ends at, no phrase of it
    words = found.group("phrase").split()
    is_noun = found.group("link") == "of" or is_after_determiner(words)  # "a yearly fare increase of"
    if is_verb(words[-1]) and not is_noun:
        return ""
    if found.group("link") == "at" and words[-1].lower().endswith(ADJECTIVE_ENDINGS):
        return ""
    if found.group("link") in ("at", "by") and is_plural_subject_and_verb(words):
        return ""  # 'the numbers vary by 5%', 'fees start at $100': a clause's verb, no noun
    kept: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if any(c.isdigit() for c in word) or word.lower() in AMOUNT_WORDS:
            return ""  # the phrase of an amount before it: "rose 5 percent to 6,300"
        if word.lower() == "of" and kept and i and words[i - 1].lower() not in lexicon.FUNCTION_WORDS:
            kept.insert(0, word)  # 'a share of income of 30%'
            continue
        if word.lower() in lexicon.FUNCTION_WORDS or (is_verb(word) and not (is_noun and not kept)):
            break  # a change noun heads the phrase ('a fare increase of'); a verb before its head ends it
        kept.insert(0, word)
    if found.group("link") == "by" and any(a.islower() and b[:1].isupper() for a, b in pairwise(kept)):
        return ""  # 'raised fares by 5%' measures fares; 'Ana leads Bo by 5 points' is a verb's clause
    before = words[-len(kept) - 1].lower() if 0 < len(kept) < len(words) else ""
    if len(kept) == 1 and (before in PREPOSITIONS or (before in COPULAS and found.group("link") != "of")):
        return ""  # 'in need of 40 nurses', 'is unpopular at 38%': an idiom or a predicate, no noun
    if before in MODALS and len(kept) > 1:
        kept.pop(0)  # 'can accept gifts of': the word after a modal or 'to' is a verb
    return " ".join(kept)


def is_plural_subject_and_verb(words: list[str]) -> bool:
    """'numbers vary', 'fees start': a plural noun and a word that is no plural after it."""
    if len(words) < 2:
        return False
    subject, verb = words[-2].lower(), words[-1].lower()
    is_plural = subject.endswith("s") and not subject.endswith(("ss", "us", "is", "'s", "\u2019s"))
    return is_plural and verb.isalpha() and not verb.endswith("s")


def is_after_determiner(words: list[str]) -> bool:
    """'the rise', 'an overall cut': a change word right after a determiner, or after a determiner
    and an adjective, is a noun ('the quarter rose' is a verb)."""
    before = [word.lower() for word in words[-3:-1]]
    if before[-1:] and before[-1] in lexicon.DETERMINERS:
        return True
    return len(before) == 2 and before[0] in lexicon.DETERMINERS and before[1].endswith(ADJECTIVE_SUFFIXES)


def is_verb_in_phrase(word: str, *, first: bool, last: bool = False) -> bool:
    """A verb, except a change noun ('growth', 'cut') that starts a sentence's phrase or ends one."""
    if not is_verb(word):
        return False
    is_change_noun = word.lower() not in VERBS and not word.lower().endswith("ed")
    return not (is_change_noun and (last or (first and word[:1].isupper())))


def modified(text: str, end: int, unit: str) -> str:
    """'a 300 kWh battery': the noun after a unit of measurement, currency or percent."""
    if unit and unit[:1].islower() and is_counted_noun(unit):
        return ""  # what is counted is itself the measure; a word after it starts the clause's verb
    after = MODIFIED.match(text, end, min(len(text), end + PHRASE_REACH))
    if after is None:
        return ""
    first = after.group("phrase").split()[0]
    if not first.islower() or first in lexicon.FUNCTION_WORDS or first in DIMENSIONS or is_verb(first):
        return ""
    if first.endswith("ing") and not is_noun_after(after.group("phrase")):
        return ""  # "60% saying they ...": a clause of its own; "a 5% operating margin" is a noun
    phrase = after.group("phrase").removeprefix("worth of ")
    if text[
        after.end() : after.end() + 1
    ].isdigit():  # with the next amount, a verb before it ends the phrase
        phrase += text[after.end() :].split(maxsplit=1)[0]
    return noun_phrase(phrase, up_to_preposition=True)


def is_counted_noun(unit: str) -> bool:
    """'new classrooms', 'protesters': a noun phrase or a plural noun is what the number counts, the
    head of its phrase; a unit of measurement ('a 300 kWh battery', '800 square feet of space', '15
    miles east of the port') may be followed by what it describes."""
    if " " in unit:
        return not unit.startswith(("square", "cubic", "degree", "sq"))
    if unit in lexicon.MEASUREMENT_UNITS:
        return False
    is_plural = len(unit) > 3 and unit.endswith("s") and not unit.endswith(("ss", "'s", "\u2019s"))
    return unit in lexicon.IRREGULAR_PLURALS or is_plural


def is_noun_after(phrase: str) -> bool:
    """The word after the first is a content word, so the first modifies it."""
    second = phrase.split()[1:2]
    return bool(second) and second[0].lower() not in FUNCTION_WORDS_OR_PRONOUNS


def subject(text: str, clause: str, start: int, *, needs_verb: bool) -> str:
    """The words that start the figure's clause up to its verb; for 'which' the noun before it.
    Of the sentence's first clause (the fallback) only when a verb ends it."""
    head = clause if needs_verb else clause_head(clause)
    words = head.split()
    if needs_verb and words and words[0].lower() in ADVERBIAL_OPENERS:
        return ""  # "On the positive side, ...": a sentence opening with a preposition has no subject there
    while words and (words[0].lower() in OPENING_FUNCTION_WORDS or is_time(words[0])):
        words.pop(0)
    if not words:
        return ""
    if is_complement_that(words):
        words.pop(0)
    elif words[0].lower() in RELATIVES:
        return antecedent(text, start - len(head))
    taken: list[str] = []
    for word in words:
        if is_verb_in_phrase(word, first=not taken) or word[-1] in CLAUSE_MARKS:
            break
        taken.append(word)
    if not needs_verb and is_verb_before_amount(taken, len(strip_qualifier(" ".join(words)).split())):
        taken.pop()  # 'The new sedan delivers 250 hp': the word right before the amount is the verb
    if not taken or taken[0].lower() in PRONOUNS or (needs_verb and len(taken) == len(words)):
        return ""
    if taken[0].lower().endswith("ing") or taken[0].lower() in ("everything", "something", "anything"):
        return ""  # "Following ...", "doubling it to": a participle's clause has no subject
    return " ".join(taken)


def is_verb_before_amount(taken: list[str], reach: int) -> bool:
    """The subject's words, a plain noun phrase, run up to the amount (or its qualifier), and the last
    is a lower-case word after another: a verb the lexicon does not know ('delivers', 'weighs',
    'carry'), since a noun phrase does not end next to its clause's amount. A phrase with a function
    word may end in a noun before an amount of time ('a pier for the ferry fleet ten years ago')."""
    if len(taken) < 2 or len(taken) != reach or any(w.lower() in lexicon.FUNCTION_WORDS for w in taken):
        return False
    last = taken[-1]
    return last.isalpha() and last.islower()


def is_complement_that(words: list[str]) -> bool:
    """'said that fares rose 5%': 'that' before a noun starts a clause with its own subject; before a
    verb or a pronoun ('shares that fell', 'the car that she bought') it is a relative."""
    if len(words) < 2 or words[0].lower() != "that":
        return False
    second = words[1].lower()
    is_function = second in lexicon.FUNCTION_WORDS and second not in lexicon.DETERMINERS
    return not (is_verb(second) or second in PRONOUNS or is_function)


def clause_head(clause: str) -> str:
    """The clause from its last conjunction on ('... while the index rose'), a relative included."""
    marks = list(CLAUSE_WORDS.finditer(clause))
    if not marks:
        return clause
    last = marks[-1]
    return clause[last.start() :] if last.group().strip() in RELATIVES else clause[last.end() :]


def antecedent(text: str, before: int) -> str:
    """The last words before a relative clause: 'a run on ferry shares, which ...' -> 'ferry shares'."""
    kept: list[str] = []
    for word in reversed(text[max(0, before - 80) : before].rstrip(" ,").split()):
        if word.lower() in lexicon.FUNCTION_WORDS or word[-1:] in CLAUSE_MARKS:
            break
        kept.insert(0, word)
    return " ".join(kept)


def clause_start(text: str, end: int) -> int:
    """Where the stretch before `end` free of ,.;:() starts: no phrase before a figure reaches further
    (nor further back than PHRASE_REACH, which keeps the work per figure bounded). The point or comma
    inside a number ("4.5", "1,200") ends no clause."""
    reach = max(0, end - PHRASE_REACH)
    start = max(reach, *[text.rfind(mark, reach, end) + 1 for mark in CLAUSE_MARKS_OUTSIDE_NUMBERS])
    return max(start, mark_before(text, ".", start, end) + 1, mark_before(text, ",", start, end) + 1)


def mark_before(text: str, mark: str, reach: int, end: int) -> int:
    """The last `mark` in text[reach:end] that is not a decimal point or a thousands comma; -1 if none."""
    position = text.rfind(mark, reach, end)
    while position >= 0 and mark in ".," and text[position + 1 : position + 2].isdigit():
        position = text.rfind(mark, reach, position)
    return position


def strip_qualifier(clause: str) -> str:
    lowered = clause.lower().rstrip()
    for qualifier in QUALIFIERS_LONGEST_FIRST:
        if lowered.endswith(" " + qualifier):
            return clause.rstrip()[: -len(qualifier)].rstrip()
    return clause.rstrip()


def is_verb(word: str) -> bool:
    lowered = word.lower().strip(",.;:'\u2019")
    return (
        lowered in VERBS
        or lowered in lexicon.INCREASE_WORDS
        or lowered in lexicon.DECREASE_WORDS
        or (lowered.endswith(("ed", "n't", "n\u2019t")) and lowered not in NOT_PAST_TENSES)
        or lowered.removesuffix("s") in lexicon.SPEECH_VERBS
    )


def is_time(word: str) -> bool:
    lowered = word.lower().strip(",.")
    return lowered.isdigit() or lowered in lexicon.MONTHS or lowered in lexicon.WEEKDAYS


def is_time_phrase(phrase: str) -> bool:
    """'March', 'the first quarter of 2024', '2023': when, not what."""
    words = phrase.split()
    return bool(words) and (is_time(words[0]) or bool(YEAR.match(words[0])))


def is_amount_word(word: str) -> bool:
    return bool(word) and (word[0].isdigit() or word[0] in "$\u20ac\u00a3\u00a5")


def is_verb_before(word: str, previous: str) -> bool:
    """A lower-case word before an amount, not after a determiner ('the richest 1 percent')."""
    return word.isalpha() and word.islower() and previous.lower() not in lexicon.DETERMINERS


def noun_phrase(phrase: str, *, up_to_preposition: bool = False) -> str:
    """The phrase cut where a clause of its own starts (a verb, a relative, a pronoun), without a
    leading article: a measure a reader can take in at a glance."""
    if not phrase:
        return ""
    words: list[str] = []
    written = phrase.split()[:MEASURE_MAX_WORDS]
    for i, word in enumerate(written):
        lowered = word.lower()
        last = len(words) + 1 == len(written)
        if word in OBJECT_PRONOUNS and len(words) > 1:  # as written: 'US' is a country
            words.pop()  # 'backing gives them': the word before an object pronoun is a verb
            break
        if lowered in RELATIVES or lowered in PRONOUNS or is_verb_in_phrase(word, first=not words, last=last):
            break
        if words and is_time(word) and words[-1].lower() in lexicon.FUNCTION_WORDS:
            break  # "shares of the firm on Monday": when, not what
        if NUMBERISH.fullmatch(word) and not (words and words[-1][:1].isupper() and word.isdigit()):
            break  # an amount ends the phrase; a number after a name is the name's ("Index 100")
        following = written[i + 1] if i + 1 < len(written) else ""
        if lowered in ("and", "or") and (len(words) > 3 or is_amount_word(following)):
            break  # ... or before another amount: '8GB of memory and 256GB of storage'
        if words and is_amount_word(following) and is_verb_before(word, words[-1]):
            break  # 'battery supports 65W charging': a verb the lexicon does not know
        if words and lowered in ("than", "by", "from", "to", "out"):
            break
        if words and lowered.endswith("ing") and len(words) + 1 < len(phrase.split()):
            break  # "voters saying they ...": a clause of its own, not "school spending"
        if words and up_to_preposition and lowered in PHRASE_BREAKS and lowered != "of":
            break
        words.append(word)
    while words and words[0].lower() in lexicon.DETERMINERS:
        words.pop(0)
    while words and words[-1].lower() in PHRASE_BREAKS:
        words.pop()
    return " ".join(word.strip("'\u2018\u2019\"") for word in words if any(c.isalnum() for c in word))
