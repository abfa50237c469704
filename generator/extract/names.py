"""Find the stretches of a sentence that name someone: runs of capitalised words, typed and titled."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from generator.extract import lexicon
from generator.extract.cues import is_speech_verb
from generator.extract.gazetteer import country_of, first_name_gender, is_region
from generator.extract.quotes import TRANSCRIPT_LABEL
from generator.model import ActorType, Sentence

TOKEN_END = r"(?![\w.&'\u2019-])"


def capital_letters() -> str:
    """A regex class of the capital letters of the Basic Multilingual Plane, as ranges."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


# A capitalised word not glued to a letter or digit before it: a class of literal letters first,
# which the regex engine scans for in C, and most of the text (lower-case words) is never tried.
CAPITALIZED_WORD = re.compile(rf"[{capital_letters()}](?<![^\W_].)[\w.&'\u2019-]*")
WORD_PUNCTUATION = "_.&'\u2019-"
# What may stand between two words of one name: a space, or an ampersand ('Lund & Berg Co').
JOINING_GAPS = (" ", " & ")
# A connector right after a word of a name, one space between ('Bank of', 'Juan Ramón de').
CONNECTOR_AFTER = re.compile(
    rf" ((?:{'|'.join(sorted(lexicon.NAME_CONNECTORS, key=len, reverse=True))})[.'\u2019s-]*){TOKEN_END}"
)
# A space and a connector's first letter: where looking for a connector is worth a regex match.
CONNECTOR_STARTS = frozenset(f" {connector[0]}" for connector in lexicon.NAME_CONNECTORS)
APOSTROPHES = "'\u2019"
INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")
ACRONYM = re.compile(r"^(?:[A-Z]{2,6}(?:-[A-Z]{2,6})?|(?:[A-Z]\.){2,4})$")
# 'PolitiFact', 'RealClearPolitics': a capital inside a word is a brand's, unless it follows a
# surname prefix ('McConnell', 'DeSantis', 'MacArthur').
BRAND = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|St)[A-Z])[A-Z][a-z]+[A-Z][a-z]")
NEXT_WORDS = re.compile(r"(?:['\u2019]s?)? ((?:[a-z]+ ){0,2}[a-z]+)")
# 'Europeans', 'African-Americans': the people of a place, a group.
DIRECTIONS = lexicon.words(
    "north south east west northern southern eastern western central upstate downstate"
)
PEOPLE_OF_PLACE = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:ic|e|i)ans$")
# After a name: an age or 'who' (group 1), or the first words of an apposition (group 2).
APPOSITION = re.compile(r", (?:(\d{1,3},|who\b)|((?:[a-z-]+(?: |\b)){1,3}))")
DEFINITION_AFTER = re.compile(
    r"\b([A-Z][\w.&-]*(?:\s+(?:[A-Z][\w.&-]*|of|and|for|the|de|on)){1,8})\s+\(([A-Z]{2,8})\)"
)
DEFINITION_BEFORE = re.compile(r"\b([A-Z]{2,8})\s+\(([A-Z][^()]{3,80})\)")
# 'Harbor-based', 'Republican-controlled', 'Orsk-registered': a compound ending in lower case describes.
DESCRIBING_COMPOUND = re.compile(r"-[a-z]+$")
FIRST_WORD = re.compile(r"[^\W_]")
POSSESSIVE_ENDS = ("'s ", "\u2019s ")
NUMBER_AFTER = re.compile(r" \d")
LOWER_WORD_AFTER = re.compile(r" [a-z]")
OPENING_QUOTES = '"\u201c'
TITLE_END = re.compile(r"(?: \d+)?[,.]?[\"\u201d]")
# What ends a clause inside a sentence, and what may stand between it and the next word.
BREAKS = (".", "!", "?", ":", ";", "-", "\u2013", "\u2014")
OPENERS = " \"'\u201c\u2018("
PRECEDING_WORD = re.compile(r"\b(\w+)\W*(?:(?:the|a|an)\s+)?$")
PRECEDING_REACH = 80
ARTICLES = ("the", "a", "an")  # as PRECEDING_WORD writes them
# Read backwards: the characters up to the start of the last two words.
TWO_WORDS_BACKWARDS = re.compile(r"\W*\w*\W*\w*")
DATE_WORDS = lexicon.MONTHS | lexicon.WEEKDAYS
PARTY_LABELS = lexicon.PARTY_ADJECTIVES | lexicon.words("democrat gop independent")
# Unions made once: a set operator in a condition builds a new set each time it runs.
TITLE_WORDS = lexicon.TITLE_HEADS | lexicon.TITLE_MODIFIERS
PEOPLE_HEADS = lexicon.TITLE_HEADS | lexicon.PEOPLE_NOUNS
BODY_WORDS = lexicon.ORGANIZATION_WORDS | lexicon.PEOPLE_BODIES
VENUE_PREPOSITIONS = lexicon.words("in at near outside inside across throughout from to into")
# Before a lone name that nothing types, these tell a place: 'data from Velta' may name a company.
PLACE_PREPOSITIONS = lexicon.words("in at near outside inside across throughout")
DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish")
# After a place in capitals opening a story, then a dash: its state or country ('ORSK, Ohio —'), the
# date ('ORSK, March 3 -', 'ORSK, Ohio, Jan. 5, 2016 —'), the wire ('ORSK (Reuters) -'), at least one.
DATELINE_AFTER = re.compile(
    r"(?=[,(]| \()(?:,(?: [A-Z][\w.]*){1,3}){0,2}"
    rf"(?:, (?i:{'|'.join(sorted(lexicon.MONTHS, key=len, reverse=True))})\.? \d{{1,2}}(?:, \d{{4}})?)?"
    r"(?: ?\([A-Z][\w.&' -]{0,30}\))? ?(?:\u2014|\u2013|--|-) "
)
AGENT_SUFFIXES = ("ist", "er", "or", "ess", "ian")
POST_TIMES = lexicon.words("former acting interim outgoing incoming")
# '(D-Ore.)', 'R-Texas', 'I-VT': a lawmaker's party and state, said of the name before it; no actor.
PARTY_STATE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*(?:-[A-Z][A-Za-z.]*)?$")


class Token(NamedTuple):
    """A word of a sentence (a tuple: made for every capitalised word, so cheap to build)."""

    text: str
    start: int
    end: int
    possessive: bool
    is_capitalized: bool


class Candidate(NamedTuple):
    """A name as written in one sentence; `type` is None when the words alone cannot tell.

    A tuple, as Token: one is made for most runs of capitalised words.
    """

    sentence: int
    start: int
    end: int
    name: str
    type: ActorType | None
    role: str | None = None
    acronym: str | None = None
    is_initial: bool = False
    is_venue: bool = False  # a place after 'in', 'at', 'from': where something happens
    is_bare: bool = False  # a lone plain word inside running prose, typed by nothing: a name there


def find_candidates(sentences: Sequence[Sentence]) -> list[Candidate]:
    """Every name in the sentences, in reading order."""
    found: list[Candidate] = []
    kinds: dict[str, ActorType | None] = {}  # an article names the same few actors again and again
    for sentence in sentences:
        text = sentence.text
        first = first_word_start(text)
        defined = [*find_definitions(sentence)] if "(" in text else []
        if ":" in text:
            defined += find_label(sentence, first)
        taken = [(c.start, c.end) for c in defined]
        found += defined
        for run in capitalized_runs(text):
            run_start, run_end = run[0].start, run[-1].end
            if taken and any(run_start < end and start < run_end for start, end in taken):
                continue
            if is_quoted_title(text, run_start, run_end):
                continue
            is_initial = run_start == first or opens_after_break(text, run_start)
            found += analyze_run(sentence, run, kinds, is_initial=is_initial)
    return found


def is_quoted_title(text: str, start: int, end: int) -> bool:
    """'the film "Harbor Lights"', 'his novel "Orsk 166"': words in quote marks name a work or a term."""
    return text[start - 1 : start] in OPENING_QUOTES and bool(TITLE_END.match(text, end))


def opens_after_break(text: str, start: int) -> bool:
    """'FRANCE - Bond futures', 'Orsk Co. "Whoever wants', '1990: Troops': a word after a dash, a
    colon or a sentence's end the splitter kept inside the sentence is capitalised as a first word."""
    return text[max(0, start - 4) : start].rstrip(OPENERS).endswith(BREAKS)


def capitalized_runs(text: str) -> list[list[Token]]:
    """Maximal runs of capitalised words, with up to two connectors (of, de, la) inside, one space
    between words: punctuation, a lower-case word or a possessive ends a run."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    pending: list[Token] = []  # the connectors after the run's last word, joining it if a word follows
    joined_end = -1  # where the run's last word, or the last connector after it, ends; -1: no run
    for match in CAPITALIZED_WORD.finditer(text):
        start = match.start()
        if start and text[start - 1] in WORD_PUNCTUATION and is_inside_word(text, start):
            continue
        word = match.group()
        # Most words are letters only: nothing to cut off, and a capital starts every match.
        token = Token(word, start, match.end(), False, True) if word.isalpha() else make_token(word, start)
        if token is None:
            continue
        if joined_end >= 0 and text[joined_end:start] in JOINING_GAPS:
            run += [*pending, token] if pending else [token]
        else:
            if run:
                runs.append(run)
            run = [token]
        if pending:
            pending = []
        if token.possessive:
            runs.append(run)  # a possessive ends a name: the words after it cannot join it
            run, joined_end = [], -1
            continue
        joined_end = token.end
        while text[joined_end : joined_end + 2] in CONNECTOR_STARTS:
            connector = CONNECTOR_AFTER.match(text, joined_end)
            following = make_token(connector.group(1), connector.start(1)) if connector else None
            if following is None:
                break
            if len(pending) == 2:
                runs.append(run)  # three connectors in a row join no name
                run, pending, joined_end = [], [], -1
                break
            pending.append(following)
            joined_end = following.end
            if following.possessive:
                break
    if run:
        runs.append(run)
    return runs


def is_inside_word(text: str, start: int) -> bool:
    """'x-Ray', "o'Neill": a capital after punctuation glued to a word is inside that word."""
    position = start
    while position and text[position - 1] in WORD_PUNCTUATION:
        position -= 1
    return position > 0 and text[position - 1].isalnum()


def make_token(word: str, start: int) -> Token | None:
    """The token a word makes once a possessive or a final period is cut off; None for other words."""
    if word.isalpha():
        if word[0].isupper() or word.lower() in lexicon.NAME_CONNECTORS:
            return Token(word, start, start + len(word), False, word[0].isupper())
        return None
    possessive = len(word) > 2 and (word[-1] in APOSTROPHES or (word[-1] == "s" and word[-2] in APOSTROPHES))
    if possessive:
        word = word[: -2 if word[-1] == "s" else -1]
    elif word[-1] == "." and not is_dotted(word):
        word = word.rstrip(".")
    word = word.rstrip("-")
    if word and (word[0].isupper() or word.lower() in lexicon.NAME_CONNECTORS):
        return Token(word, start, start + len(word), possessive, word[0].isupper())
    return None


def is_dotted(word: str) -> bool:
    """U.S., Sen., Dr.: a period that belongs to the word."""
    return bool(INITIALS.match(word)) or word.lower() in lexicon.TITLE_HEADS


def analyze_run(
    sentence: Sentence, run: list[Token], kinds: dict[str, ActorType | None], *, is_initial: bool
) -> list[Candidate]:
    """Strip what is not part of the name (sentence-initial words, titles, leading demonyms); a
    person's origin ('Bernie Sanders of Vermont') is a name of its own.

    `kinds` holds the type the words of each name already read in the article show.
    """
    if run[0].text[1:2] == "-" and PARTY_STATE.match(run[0].text):
        return []
    if is_initial and is_dateline(sentence.text, run):
        return [
            Candidate(
                sentence.index, run[0].start, run[-1].end, join(sentence.text, run), "place", is_venue=True
            )
        ]
    if len(run) == 1:
        return analyze_word(sentence, run[0], kinds, is_initial=is_initial)
    found: list[Candidate] = []
    if is_heading(run):
        end = last_capitals(run) + 1
        found += heading_words(sentence, run[:end])
        run = drop_leading_connectors(run[end:])  # 'MARKETS WRAP Harbor Trust'
        if not run:
            return found
    while run:
        if (
            opens_clause(run[0], is_initial=is_initial)
            or DESCRIBING_COMPOUND.search(run[0].text)
            or (is_initial and is_noun_before_name(run))
            or is_time_of_post(run)
        ):
            run = drop_leading_connectors(run[1:])
            is_initial = False
            if len(run) == 1:  # 'the Velta', 'Orsk-based Velta': a lone name
                return found + analyze_word(sentence, run[0], kinds, is_initial=False)
        run = cut_at_dates(run)
        if not run:
            break
        role_tokens, name_tokens = split_title(run)
        if (role_tokens and not name_tokens) or is_post_of_place(name_tokens):
            break
        if role_tokens:
            found += countries_in(sentence, role_tokens)
            found += bodies_in(sentence, role_tokens)
        kind = "person" if role_tokens else classify_once(name_tokens, kinds)
        if kind != "person" and is_event(name_tokens):
            run, is_initial = [], False
            continue  # 'the Harbor Act', 'Velta War': an event, a law, a plan, not an actor
        if kind != "person" and is_person_with_origin(name_tokens, kinds):
            kind = "person"
        if kind == "organization":
            found += countries_named_in(sentence, name_tokens)
        if kind is None and len(name_tokens) == 1:
            kind = kind_from_next_word(sentence.text, name_tokens[0], is_initial=is_initial)
        if kind is None and is_said_of_person(sentence.text, name_tokens[0].start, name_tokens[-1].end):
            kind = "person"
        if kind is None and name_tokens[-1].possessive and len(name_tokens) > 1:
            kind = possessor_kind(sentence.text, name_tokens[-1])
        name_tokens, rest = split_origin(name_tokens) if kind == "person" else (name_tokens, [])
        lead = leading_origin(name_tokens) if kind is None else []
        if lead:  # 'Former U.S. Velta Day', 'Orskian Nationalist': words said of the rest
            run, is_initial = name_tokens[len(lead) :], False
            continue
        if kind is None and not is_prose(sentence.text):
            run, is_initial = rest, False
            continue  # 'Use of Proceeds' in a table, 'Stars Over the Harbor' in a title: no name
        found.append(
            Candidate(
                sentence=sentence.index,
                start=name_tokens[0].start,
                end=name_tokens[-1].end,
                name=join(sentence.text, name_tokens),
                type=kind,
                role=join(sentence.text, role_tokens) if is_post(role_tokens) else None,
                is_initial=is_initial and not role_tokens,
                is_venue=kind == "place"
                and preceding_word(sentence.text, run[0].start) in VENUE_PREPOSITIONS,
            )
        )
        run, is_initial = rest, False
    return found


def is_post(tokens: Sequence[Token]) -> bool:
    """Words before a name that hold a post ('Harbor Council President', 'Sen.'), not only a party or
    a people said of the person ('Republican', 'Orskian'), which make no role."""
    return any(t.text.lower() in lexicon.TITLE_HEADS for t in tokens)


def is_post_of_place(tokens: Sequence[Token]) -> bool:
    """'the former Ohio Gov.', 'a Texas Senator': a post of a state or a country, no one named."""
    return (
        len(tokens) > 1
        and tokens[-1].text.lower() in lexicon.TITLE_HEADS
        and is_place(" ".join([t.text for t in tokens[:-1]]))
    )


def is_dateline(text: str, run: Sequence[Token]) -> bool:
    """'ORSK, Ohio — The mayor said', 'VELTA HILL, March 3 (Reuters) -': a place in capitals opening a
    story says where it was written, even where its words look like an acronym's or a person's; no one
    to quote."""
    return (
        is_capitals(run[0])  # most runs fail here, before a generator is made
        and all(is_capitals(t) for t in run)
        and bool(DATELINE_AFTER.match(text, run[-1].end))
    )


def is_heading(run: Sequence[Token]) -> bool:
    """'SIX WAYS THROUGH THE MAZE', 'MARKETS ROUND-UP STOCKS METALS': capitals that set off a
    subheading or a label, not a name. A name in capitals is short and has no grammatical words."""
    capitals = [t for t in run if len(t.text) > 1 and t.text.isupper()]  # is_capitals, run for every run
    return len(capitals) > 2 or (
        len(capitals) > 1 and any(t.text.lower() in lexicon.JOINING_WORDS for t in capitals)
    )


def heading_words(sentence: Sentence, run: Sequence[Token]) -> Iterator[Candidate]:
    """The words of a subheading in capitals, in the usual case and of no type: a country, or a
    person's surname the article gives in full elsewhere ('WHY OKAFOR WAITS'), is named there."""
    for token in run:
        if is_capitals(token) and token.text.isalpha() and token.text.lower() not in lexicon.FUNCTION_WORDS:
            name = token.text.title()
            kind: ActorType | None = "country" if country_of(name) else None
            yield Candidate(sentence.index, token.start, token.end, name, kind, is_initial=True)


def is_capitals(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper()


def last_capitals(run: Sequence[Token]) -> int:
    return max(position for position, token in enumerate(run) if is_capitals(token))


def is_noun_before_name(run: Sequence[Token]) -> bool:
    """'Critics Ana Ruiz and ...', 'Neighbours Ana Ruiz', 'Actress Ana Ruiz': a plural noun or a noun
    of someone's trade opening the sentence before a person's name."""
    return (
        len(run) > 2
        and (is_plural_noun(run[0].text) or is_trade_noun(run[0].text))
        and first_name_gender(run[1].text) is not None
    )


def is_trade_noun(word: str) -> bool:
    """'Sculptor', 'Comedian', 'Actress': a word of an agent's ending that is no first name, nor a
    title, which `split_title` keeps as the person's role."""
    lowered = word.lower()
    return lowered.endswith(AGENT_SUFFIXES) and lowered not in TITLE_WORDS and first_name_gender(word) is None


def is_time_of_post(run: Sequence[Token]) -> bool:
    """'Former Velt aide ...', 'Outgoing Ana Ruiz': a word that dates a post, before a name and no
    title in capitals, says when the post after the name was held; it is no part of the name."""
    return run[0].text.lower() in POST_TIMES and not any(t.text.lower() in lexicon.TITLE_HEADS for t in run)


def opens_clause(token: Token, *, is_initial: bool) -> bool:
    """A word that is capitalised because it opens the sentence ('Despite Harbor Trust's...', 'Said
    Ruiz: ...', 'Continued Ruiz:'), or that is an article or a preposition, which no name starts with
    ('In Velta', 'A Share')."""
    lowered = token.text.lower()
    if is_initial and is_inflected_speech_verb(lowered):
        return True
    return lowered in lexicon.FUNCTION_WORDS and (is_initial or lowered in lexicon.JOINING_WORDS)


def is_inflected_speech_verb(word: str) -> bool:
    """'said', 'continued', 'writes': a speech verb's past or present form, which opens an inverted
    cue ('Added Ruiz: ...') and starts no name; a bare form may ('Post', 'Press')."""
    return word in lexicon.IRREGULAR_SPEECH_FORMS or (word.endswith(("ed", "s")) and is_speech_verb(word))


def analyze_word(
    sentence: Sentence, token: Token, kinds: dict[str, ActorType | None], *, is_initial: bool
) -> list[Candidate]:
    """`analyze_run` for a run of one word, most runs: it has no title, no origin, no date after it."""
    lowered = token.text.lower()
    word = lowered.rstrip(".")
    if (is_initial and lowered in lexicon.FUNCTION_WORDS) or word in DATE_WORDS:
        return []
    if word in lexicon.NAME_SUFFIXES:
        return []  # 'Tom Ruiz, Jr.,': the suffix of the name before, set off by a comma
    if lowered in lexicon.PARTY_ADJECTIVES:
        return party_members(sentence, token)
    if word in lexicon.TITLE_HEADS and not (is_initial and lowered in lexicon.TITLE_GENDERS):
        return []  # 'the CEO', 'Senator' alone: a post, no one named
    if token.text not in kinds:
        kinds[token.text] = classify_word(token.text)
    kind = kinds[token.text]
    if kind is None:
        kind = kind_from_next_word(sentence.text, token, is_initial=is_initial)
    if kind is None:
        kind = kind_from_previous_word(sentence.text, token)
    is_venue = kind == "place" and preceding_word(sentence.text, token.start) in VENUE_PREPOSITIONS
    is_bare = (
        kind is None
        and not is_initial
        and is_plain_name(token.text)
        and is_prose(sentence.text)
        and not is_thing_name(sentence.text, token)
    )
    if is_bare and preceding_word(sentence.text, token.start) in PLACE_PREPOSITIONS:
        kind, is_bare, is_venue = "place", False, True  # 'in Orsk', 'near Velta': where, not who
    return [
        Candidate(
            sentence.index,
            token.start,
            token.end,
            token.text,
            kind,
            is_initial=is_initial,
            is_venue=is_venue,
            is_bare=is_bare,
        )
    ]


def party_members(sentence: Sentence, token: Token) -> list[Candidate]:
    """'Republican lawmakers', 'some Democratic senators': the party's people, a group named by the
    party's word; 'a Democratic senator', 'Republican plans': a party said of someone or of
    something, no actor."""
    following = NEXT_WORDS.match(sentence.text, token.end)
    noun = following.group(1).split()[0] if following else ""
    if not noun.endswith("s") or noun[:-1] not in PEOPLE_HEADS:
        return []
    return [Candidate(sentence.index, token.start, token.end, token.text, "group")]


def is_thing_name(text: str, token: Token) -> bool:
    """'Velta's List', 'Highway 95', 'Orsk 7': after a possessive or before a number, a capitalised
    word names a thing (a title, a road, a model); 'the Orskian town': a people's adjective."""
    if token.text.endswith(DEMONYM_SUFFIXES) and LOWER_WORD_AFTER.match(text, token.end):
        return True
    return text[token.start - 3 : token.start] in POSSESSIVE_ENDS or bool(NUMBER_AFTER.match(text, token.end))


def is_plain_name(word: str) -> bool:
    """'Velta', 'Orsk-Tel': a word that may be a name; not a letter, a contraction ("We've"), a code
    ('C-4'), nor a compound with a word in lower case ('Harbor-based', 'News-stand')."""
    return (
        len(word) > 1
        and word.lower() not in DIRECTIONS
        and word.lower() not in PARTY_LABELS
        and not is_plural_noun(word)
        and (
            word[0].isupper() and word.isalpha()
            if "-" not in word
            else all(part[:1].isupper() and part.isalpha() for part in word.split("-"))
        )
    )


def is_plural_noun(word: str) -> bool:
    """'Troops', 'Bonds', 'Stripes': a capitalised plural tells a common noun more often than a name
    ('Veltons' is typed by what surrounds it: 'told Veltons', 'Veltons reported')."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and not word.isupper()


@lru_cache(maxsize=256)
def is_prose(text: str) -> bool:
    """A sentence in sentence case: in a headline or a title written in title case ('Stars Over the
    Harbor'), or a table, every word is capitalised and a capital tells nothing."""
    capitalized = len(CAPITALIZED_WORD.findall(text))
    return capitalized * 3 < (text.count(" ") + 1) * 2


def kind_from_next_word(text: str, token: Token, *, is_initial: bool) -> ActorType | None:
    """'the Obama administration', 'Obama's former strategist', 'Davis' commentary': a person; 'the
    Gannett newspaper chain', 'a Twitter user': an organisation. A lone name takes the type of what
    the next words make of it ('Coke user?' opening a sentence is no platform's)."""
    if text[token.end : token.end + 1] not in " '\u2019":
        return None  # punctuation follows ('Trump, who'), or nothing
    following = NEXT_WORDS.match(text, token.end)
    words = following.group(1).split() if following else []
    heads = [w for w in words if w not in lexicon.TITLE_MODIFIERS]
    if not heads:
        return None
    if (
        words[0] in lexicon.PERSON_ATTRIBUTES
        or heads[0] in lexicon.PERSON_ATTRIBUTES
        or (token.possessive and (heads[0] in lexicon.TITLE_HEADS or heads[0] in lexicon.PERSON_WORKS))
    ):
        return "person"
    if not token.possessive and (
        heads[0] in lexicon.ORGANIZATION_WORDS
        or (heads[0] in lexicon.PLATFORM_NOUNS and not is_initial)
        or (heads[0] in lexicon.TITLE_HEADS and not is_initial)
    ):
        return "organization"  # 'the Velta newspaper', 'Velta chairman Ana Ruiz': a body's post
    return None


def is_said_of_person(text: str, start: int, end: int) -> bool:
    """'party leader Ana Velt', 'Ana Velt, 24,', 'Ana Velt, who', 'Ana Velt, former editor of':
    a post written in lower case before a name, or an age, 'who' or a post in apposition after it,
    makes it a person's, whether or not its first name is a known one."""
    if text[start - 2 : start - 1].islower() and preceding_word(text, start) in lexicon.TITLE_HEADS:
        return True
    if text[end : end + 2] != ", ":
        return False
    apposition = APPOSITION.match(text, end)
    return apposition is not None and (
        apposition.group(1) is not None
        or any(word in lexicon.TITLE_HEADS for word in apposition.group(2).split())
    )


def possessor_kind(text: str, token: Token) -> ActorType | None:
    """'Zora Velt's chief of staff', 'Zora Velt's memoir': a name whose words tell no type, owning a
    post or a person's work, is a person's; what else the next words show is left to the article."""
    return "person" if kind_from_next_word(text, token, is_initial=False) == "person" else None


def kind_from_previous_word(text: str, token: Token) -> ActorType | None:
    """'the former president Ortiz': a title in lower case before a lone name makes it a person's;
    'told Velta' names whom something was told, a news agency or a person: a person only when the
    word is a first name."""
    if is_said_of_person(text, token.start, token.end):
        return "person"
    before = text[max(0, token.start - 8) : token.start].split()
    if before and before[-1] in lexicon.TELLING_VERBS:
        return "person" if first_name_gender(token.text) else "organization"
    return None


def split_origin(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """'Tove Lund of Oregon', 'Ms. Ortiz of the Harbor Trust': a person, then where from."""
    for position, token in enumerate(tokens[1:], start=1):
        if token.text == "of":
            return tokens[:position], drop_leading_connectors(tokens[position:])
    return tokens, []


def is_event(tokens: Sequence[Token]) -> bool:
    """'Velta War Two', 'Harbor Day': a word of an event after the first one ('War Department' is a body)."""
    return any(t.text.lower() in lexicon.EVENT_WORDS for t in tokens[1:])


def is_person_with_origin(tokens: list[Token], kinds: dict[str, ActorType | None]) -> bool:
    """'Ana Ruiz of the Harbor Fire Department': a person's name, then where the person is from."""
    name, origin = split_origin(tokens)
    return bool(origin) and len(name) > 1 and classify_once(name, kinds) == "person"


def countries_named_in(sentence: Sentence, tokens: list[Token]) -> Iterator[Candidate]:
    """'Orsk Steel Corp of Chile', 'Harbor Bank of Peru': the country an organisation
    is said to be of is named too."""
    _, origin = split_origin(tokens)
    origin = drop_leading_connectors(origin)
    if origin and not any(t.text == "of" for t in origin):
        country = country_of(join(sentence.text, origin))
        if country:
            yield Candidate(sentence.index, origin[0].start, origin[-1].end, country, "country")


def leading_origin(tokens: Sequence[Token]) -> list[Token]:
    """The modifiers and country words a name of no type starts with, when there is a country and
    they are not the whole name but for one word."""
    position = 0
    while position < len(tokens) and (
        tokens[position].text.lower() in lexicon.TITLE_MODIFIERS or country_of(tokens[position].text)
    ):
        position += 1
    lead = list(tokens[:position])
    if len(tokens) - position == 1:
        return []  # 'USA Today', 'American Crossroads': one word after a country's is a name with it
    return lead if any(country_of(t.text) for t in lead) else []


def bodies_in(sentence: Sentence, role: Sequence[Token]) -> Iterator[Candidate]:
    """'Harbor Safety Administration Director': the body a post is held in is named too."""
    body = list(role)
    while body and body[-1].text.lower() in TITLE_WORDS:
        body.pop()
    body = trim_connectors(body)
    if len(body) > 1 and any(t.text.lower() in lexicon.ORGANIZATION_WORDS for t in body):
        yield Candidate(
            sentence.index, body[0].start, body[-1].end, join(sentence.text, body), "organization"
        )


def countries_in(sentence: Sentence, tokens: Sequence[Token]) -> Iterator[Candidate]:
    for token in tokens:
        country = country_of(token.text)
        if country:
            yield Candidate(sentence.index, token.start, token.end, country, "country")


def first_word_start(text: str) -> int:
    if text[:1].isalnum():
        return 0
    match = FIRST_WORD.search(text)
    return match.start() if match else 0


def preceding_word(text: str, start: int) -> str:
    """The word before `start`, an article (the, a) skipped."""
    reach = max(0, start - PRECEDING_REACH)
    word = plain_word_before(text, reach, start)
    if word:
        return word.lower()
    match = PRECEDING_WORD.search(text, last_two_words(text, reach, start), start)
    return match.group(1).lower() if match else ""


def plain_word_before(text: str, reach: int, start: int) -> str:
    """The word of letters and the space right before `start`, most names' case, when it is what
    `PRECEDING_WORD` finds (no article, inside the reach): read directly; else ''."""
    if text[start - 1 : start] != " ":
        return ""
    space = text.rfind(" ", reach, start - 1)
    word = text[space + 1 : start - 1]
    return word if word.isalpha() and word not in ARTICLES and (space >= 0 or not reach) else ""


def last_two_words(text: str, reach: int, end: int) -> int:
    """Where the last two words before `end` start (not before `reach`): `PRECEDING_WORD` can only
    match there, and searching from there spares trying every position of the reach."""
    backwards = TWO_WORDS_BACKWARDS.match(text[reach:end][::-1])
    return end - backwards.end() if backwards else end


def drop_leading_connectors(run: list[Token]) -> list[Token]:
    while run and not run[0].is_capitalized:
        run = run[1:]
    return run


def cut_at_dates(run: list[Token]) -> list[Token]:
    """Months and weekdays end a name: 'Clinton Sunday' is Clinton."""
    for position, token in enumerate(run):
        if token.text.lower().rstrip(".") in DATE_WORDS:
            return trim_connectors(run[:position])
    return trim_connectors(run)


def trim_connectors(run: list[Token]) -> list[Token]:
    while run and not run[-1].is_capitalized:
        run = run[:-1]
    return run


def split_title(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """('Chilean Foreign Minister', 'Pedro de la Vega') from the whole run; a leading state
    ('Idaho Gov. Ana Perez', 'Utah Gov. Will Dunn') is part of the title."""
    if len(run) == 1:
        return [], run  # a title always comes before a name
    start = 0  # 'Former Idaho Gov. Ana Perez': a modifier may come before the state
    while start < len(run) - 2 and run[start].text.lower() in lexicon.TITLE_MODIFIERS:
        start += 1
    position = region_title_end(run, start)
    while position < len(run) and country_of(run[position].text) and position + 1 < len(run):
        position += 1
    has_head = False
    while position < len(run) - 1:
        word = run[position].text.lower()
        if word in lexicon.TITLE_HEADS:
            has_head = True
        elif word not in lexicon.TITLE_MODIFIERS:
            break
        position += 1
    if not has_head:
        return split_inner_title(run) or split_label(run)
    if not run[position].is_capitalized:
        return split_post_of(run, position)
    name, _ = split_origin(run[position:])
    if any(t.text.lower() in lexicon.ORGANIZATION_WORDS for t in name):
        return [], run
    return run[:position], drop_leading_connectors(run[position:])


def region_title_end(run: list[Token], start: int) -> int:
    """Where a title after the state it is of ('Idaho Gov.', 'New South Wales Premier') starts at
    `start` of the run, the state in up to three words, ends; 0 when none does."""
    for size in (3, 2, 1):
        if (
            start + size + 1 < len(run)
            and run[start + size].text.lower() in lexicon.TITLE_HEADS
            and is_region(" ".join([t.text for t in run[start : start + size]]))
        ):
            return start + size
    return 0


def split_post_of(run: list[Token], position: int) -> tuple[list[Token], list[Token]]:
    """('Secretary of State', 'Ana Ruiz'), ('Speaker of the Harbor Council', 'Ruiz'): a post of a
    body, then a name that starts with a first name or follows the body's name; else a post alone
    ('Director of Intelligence')."""
    for start in range(position + 1, len(run)):
        if run[start - 1].is_capitalized and first_name_gender(run[start].text) is not None:
            return run[:start], run[start:]
    if len(run) - position > 2 and run[-2].text.lower() in BODY_WORDS:
        return run[:-1], run[-1:]
    return run, []


def split_inner_title(run: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """('Velta Council President', 'Ana Ruiz'), ('Bosnian President', 'Ana Ruiz'): a post named
    after its body or its country, the name after the post's last word."""
    for position in range(len(run) - 2, 0, -1):
        if run[position].text.lower() in lexicon.TITLE_HEADS and run[position + 1].is_capitalized:
            if run[position].text.lower().rstrip(".") in lexicon.COURTESY_TITLES:
                return run[position : position + 1], run[position + 1 :]  # 'Friends of Mr. Velt'
            name, _ = split_origin(run[position + 1 :])
            if any(t.text.lower() in lexicon.ORGANIZATION_WORDS for t in name):
                return None
            return run[: position + 1], run[position + 1 :]
    return None


def split_label(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """('Republican', 'Donald Trump'), ('German', 'Angela Merkel'): a party or a people written before
    a name that a first name shows to be a person's is said of that person, as a title is."""
    position = 0
    while position < len(run) - 2 and is_label(run[position].text):
        position += 1
    if position and first_name_gender(run[position].text) is not None:
        return run[:position], run[position:]
    return [], run


def is_label(word: str) -> bool:
    """A party ('Republican') or a demonym ('German'); not a country's own name, which may be a first
    name ('Jordan Michael Peterson')."""
    country = country_of(word)
    return word.lower() in PARTY_LABELS or (country is not None and country.casefold() != word.casefold())


def classify_once(tokens: Sequence[Token], kinds: dict[str, ActorType | None]) -> ActorType | None:
    text = " ".join([t.text for t in tokens])
    if text not in kinds:
        kinds[text] = classify(tokens, text)
    return kinds[text]


def classify(tokens: Sequence[Token], text: str) -> ActorType | None:
    """The type that the words of a name (`text`, the words joined) show, or None when they show none."""
    if len(tokens) == 1:
        return classify_word(text)
    words = [t.text.lower().rstrip(".") for t in tokens]
    if country_of(text):
        return "country"
    if any(w in lexicon.ORGANIZATION_WORDS for w in words) or has_ampersand(tokens):
        return "organization"
    if len(tokens) == 1 and (ACRONYM.match(tokens[0].text) or BRAND.match(tokens[0].text)):
        return "organization"
    if words[-1] in lexicon.PLACE_WORDS or (len(words) > 2 and words[0] in lexicon.PLACE_WORDS):
        return "place"
    if is_region(text) or (len(words) > 1 and words[0] in DIRECTIONS and is_place(" ".join(words[1:]))):
        return "place"
    if len(tokens) == 1 and is_hyphenated_demonym(tokens[0].text):
        return "group"
    if len(words) == 1 and (words[0] in lexicon.GROUP_WORDS or PEOPLE_OF_PLACE.match(tokens[0].text)):
        return "group"
    if len(tokens) > 1 and first_name_gender(tokens[0].text) is not None:
        return "person"
    return None


def has_ampersand(tokens: Sequence[Token]) -> bool:
    """'Lund & Berg': partners joined by an ampersand name a firm."""
    return any(following.start - token.end > 1 for token, following in pairwise(tokens))


def classify_word(word: str) -> ActorType | None:
    """`classify` for a name of one word; each pattern tried only where a cheap test allows it."""
    if country_of(word):
        return "country"
    lowered = word.lower().rstrip(".")
    if lowered in lexicon.ORGANIZATION_WORDS:
        return "organization"
    if (("." in word or word.isupper()) and ACRONYM.match(word)) or (
        not word.istitle() and BRAND.match(word)
    ):
        return "organization"
    if lowered in lexicon.PLACE_WORDS or is_region(word):
        return "place"
    if "-" in word and is_hyphenated_demonym(word):
        return "group"
    if lowered in lexicon.GROUP_WORDS or (word.endswith("ans") and PEOPLE_OF_PLACE.match(word)):
        return "group"
    return None


def is_place(name: str) -> bool:
    return is_region(name) or country_of(name) is not None


def is_hyphenated_demonym(word: str) -> bool:
    """'African-American', 'Mexican-Americans': a people named by a compound of demonyms."""
    *first, last = word.split("-")
    country = country_of(last.removesuffix("s")) if first else None
    return country is not None and country.casefold() != last.casefold()


def join(text: str, tokens: Sequence[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def find_definitions(sentence: Sentence) -> Iterator[Candidate]:
    """'CBP (Customs and Border Protection)' and 'Customs and Border Protection (CBP)'."""
    for match in DEFINITION_BEFORE.finditer(sentence.text):
        acronym, expansion = match.group(1), match.group(2).strip()
        if initials(expansion) == acronym:
            yield Candidate(
                sentence.index, match.start(), match.end(), expansion, "organization", acronym=acronym
            )
    for match in DEFINITION_AFTER.finditer(sentence.text):
        words, acronym = match.group(1).split(), match.group(2)
        for first in range(len(words)):
            expansion = " ".join(words[first:])
            if initials(expansion) == acronym:
                start = match.start(1) + len(" ".join(words[:first])) + (1 if first else 0)
                yield Candidate(
                    sentence.index, start, match.end(), expansion, "organization", acronym=acronym
                )
                break


def find_label(sentence: Sentence, first: int) -> Iterator[Candidate]:
    """'PENCE: Well, ...': the person a transcript line names, in the usual case ('Pence')."""
    label = TRANSCRIPT_LABEL.match(sentence.text, first)
    if label and label.group(1).lower() not in lexicon.FUNCTION_WORDS:
        name = label.group(1).title()
        yield Candidate(sentence.index, label.start(1), label.end(1), name, "person")


def initials(expansion: str) -> str:
    return "".join(w[0] for w in expansion.split() if w[0].isupper())
