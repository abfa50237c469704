"""The words of attribution cues: speech verbs, the clause around them, appositives and names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from generator.extract import lexicon

WORD = re.compile(r"\w[\w'\u2019-]*|''|[,;:()\u2014\u2013\"\u201c\u201d]")
CLAUSE_BREAK = frozenset([*';()\u2014\u2013"\u201c\u201d', "''"])
CLOSING_MARKS = frozenset(['"', "\u201d", "''"])
OPENING_MARKS = frozenset(['"', "\u201c", "''"])
# 'repeated', 'latest': a lower-case word that may describe the noun after it.
ADJECTIVE_FORM = re.compile(r"[a-z]{2,}(?:ed|est)")
TAIL_STOP = frozenset([*';:"\u201c\u201d', "''"])
SEGMENT_BREAK = re.compile(r"[,\u2014\u2013]|--")
PARENTHESES = re.compile(r"\([^()\"\u201c\u201d]*\)")
PARTY_TAG = re.compile(r"^[RDI]-[A-Z]")
# 'Hall's', 'the Halls'': the endings of a possessive.
POSSESSIVE_ENDINGS = ("'s", "\u2019s", "s'", "s\u2019")
CONJUNCTIONS = frozenset(["as", "and", "but", "so", "while", "when"])
# Words a cue's subject never opens with: a clause or a phrase of its own.
NOT_SUBJECT_OPENERS = lexicon.SUBORDINATORS | lexicon.PHRASE_OPENERS
# Prepositions a noun follows, and a verb's form only as a gerund ('for comment', 'by saying').
NOUN_PREPOSITIONS = frozenset(["of", "for", "with", "from", "about", "at"])
CLAUSE_JOINERS = frozenset(["and", "but"])
MAX_CUE_WORDS = 10
MAX_NAME_WORDS = 12


@cache
def is_speech_verb(word: str) -> bool:
    word = word.lower()
    if word in lexicon.IRREGULAR_SPEECH_FORMS:
        return True
    return word in lexicon.SPEECH_VERBS or any(stem in lexicon.SPEECH_VERBS for stem in verb_stems(word))


def verb_stems(word: str) -> tuple[str, ...]:
    """What a verb's inflected form may stand on: 'argues' argue, 'replies' reply, 'stopped' stop,
    'noting' note ('reporters' is no form of a verb: a noun of who does it)."""
    if word.endswith("ing"):
        return (word[:-3], word[:-3] + "e", word[:-4])
    if word.endswith("ed"):
        return (word[:-1], word[:-2], word[:-3], word[:-3] + "y")
    if word.endswith("s"):
        return (word[:-1], word[:-2], word[:-3] + "y")
    return ()


def cue_verb(words: Sequence[tuple[str, int]]) -> int | None:
    """Index of the speech verb of the cue after a quote, when the words before it can be its subject.

    Up to a few words ('Sen. Jane Doe (D-Mo.) said'), or a name with appositives set off by commas
    ('Jane Doe, 25, a nurse, said'); anything longer is the sentence going on, not a cue.
    """
    for index, (word, _) in enumerate(words):
        if word in TAIL_STOP:
            return None
        if not is_cue_verb(words, index) or is_post_word(words, index):
            continue
        before = [w for w, _ in words[:index]]
        body = before[1:] if before[:1] == [","] else before
        if body and body[0].lower() in NOT_SUBJECT_OPENERS | CLAUSE_JOINERS:
            return None  # '"...," while Hall said' / '"..." and Hall said': another clause's verb
        if "," not in body and len(body) <= MAX_CUE_WORDS:
            return index
        if body and body[0][0].isupper() and body[-1] in (",", ")"):
            return index
        return None
    return None


def is_post_word(words: Sequence[tuple[str, int]], index: int) -> bool:
    """'Acme press secretary': a speech verb's bare form right after a singular name is a noun of a
    post, not the verb of a cue (a singular name says, presses)."""
    word = words[index][0]
    before = words[index - 1][0] if index else ""
    return word in lexicon.SPEECH_VERBS and before[:1].isupper() and not before.endswith("s")


def ends_with_cue(text: str) -> bool:
    """'..., Schiff said.' / 'said Mr. Rubio.': a sentence ending on a cue verb or on the name after it."""
    words = [(m.group(), m.start()) for m in WORD.finditer(text[-80:])][-4:]
    for index in range(len(words) - 1, -1, -1):
        if is_cue_verb(words, index):
            return text.endswith(".")
        if not words[index][0][0].isupper():
            return False
    return False


def is_cue_verb(words: Sequence[tuple[str, int]], index: int) -> bool:
    """A lower-case speech verb used as a verb, 'put it' ('as the memo put it'), or a verb with its
    particle that means speaking ('shot back', 'chimed in')."""
    word = words[index][0]
    following = words[index + 1][0] if index + 1 < len(words) else ""
    if len(word) == 3 and word.lower() == "put":
        return following == "it"
    if (word, following) in lexicon.PHRASAL_SPEECH_FORMS:
        return True
    return not word[0].isupper() and is_speech_verb(word) and not is_noun_use(words, index)


def is_noun_use(words: Sequence[tuple[str, int]], index: int) -> bool:
    """'the states', 'a report', 'Clinton's comments', 'the Ruizes' comments', 'of state': a speech
    verb's form used as a noun; so is one after a word or two in quote marks ('the "sad" state') or an
    adjective in -ed or -est ('Hall's renewed calls', 'the latest reports')."""
    position = index - 1
    if index > 2 and words[position][0] in CLOSING_MARKS:
        marks = [i for i in range(max(0, index - 4), position) if words[i][0] in OPENING_MARKS]
        position = marks[-1] - 1 if marks else position
    elif index > 1 and ADJECTIVE_FORM.fullmatch(words[position][0]):
        position -= 1
    before = words[position][0].lower() if position >= 0 else ""
    if before in NOUN_PREPOSITIONS and not words[index][0].endswith("ing"):
        return True  # 'secretary of state', 'asked for comment'
    return before in lexicon.DETERMINERS or before.endswith(POSSESSIVE_ENDINGS)


def blank_parentheses(text: str) -> str:
    """'Sen. Jane Doe (D-Mo.) said': asides in parentheses blanked out, offsets kept."""
    return PARENTHESES.sub(lambda m: " " * len(m.group()), text)


def segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches between commas and dashes, blank ones left out."""
    bounds, position = [], start
    for match in SEGMENT_BREAK.finditer(text, start, end):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, end))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def is_appositive(text: str) -> bool:
    """', the chief executive,' / ', 25,' / ', R-Wis.,' / ', McCrory's opponent,': said of a name, not one.

    'As Steven Rosenthal, a tax lawyer, put it': a conjunction before a name leaves it a name.
    """
    words = text.split()
    if len(words) > 1 and words[0].lower() in CONJUNCTIONS and words[1][0].isupper():
        words = words[1:]
    first = words[0]
    if first[0].isdigit() and len(words) > 1 and words[1][0].isupper():
        return False  # '81-year-old Ana Ruiz': an age before a name
    return (
        not first[0].isupper()
        or first[0].isdigit()
        or bool(PARTY_TAG.match(first))
        or first.endswith(("'s", "\u2019s"))
        or first.lower() in lexicon.FUNCTION_WORDS
    )


def name_phrase_length(words: Sequence[str]) -> int:
    """How many words after a cue verb name the speaker ('flood survivor Mara Lind'): up to punctuation
    or a function word, unless that word is capitalised inside a name ('Harbour Watch director')."""
    length = 0
    for word in words[:MAX_NAME_WORDS]:
        lowered = word.lower()
        following = words[length + 1] if length + 1 < len(words) else ""
        in_name = (
            length > 0 and words[length - 1][0].isupper() and (word[0].isupper() or following[:1].isupper())
        )
        if not word[0].isalnum() or (
            lowered in lexicon.FUNCTION_WORDS and lowered not in lexicon.NAME_CONNECTORS and not in_name
        ):
            break
        length += 1
    return length


def is_inside_name(before: str, after: str) -> bool:
    return before[0].isupper() and after[0].isupper()


def clause_start_before(words: Sequence[tuple[str, int]], index: int) -> int:
    """Offset where the clause holding words[index] starts: after the last break before it ('and'
    inside a name, as in 'the Centre for Trade and Urban Studies', breaks nothing)."""
    for back in range(index - 1, -1, -1):
        word, offset = words[back]
        if word == "and" and 0 < back < index - 1 and is_inside_name(words[back - 1][0], words[back + 1][0]):
            continue
        if word in CLAUSE_BREAK or word.lower() in ("that", "while", "but", "and", "because"):
            return offset + len(word)
    return 0
