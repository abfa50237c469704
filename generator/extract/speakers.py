"""Attribute a quote to its speaker from the cue around it (`, she added`, `X stated that`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.extract import lexicon
from generator.extract.actors import Cast
from generator.extract.gazetteer import first_name_gender
from generator.model import Actor, Mention, Sentence

WORD = re.compile(r"\w[\w'\u2019-]*|[,;:()\u2014\u2013\"\u201c\u201d]")
CLAUSE_BREAK = frozenset(";()\u2014\u2013\"\u201c\u201d")
MAX_CUE_WORDS = 10
PRONOUN_LOOKBACK_SENTENCES = 6


@dataclass(frozen=True)
class Speaker:
    """Who said a quote: an actor's name, or a capitalised word not yet known as an actor."""

    name: str
    is_known: bool


def is_speech_verb(word: str) -> bool:
    word = word.lower()
    if word in lexicon.IRREGULAR_SPEECH_FORMS:
        return True
    stems = (word, word[:-1], word[:-2], word[:-3], word[:-3] + "y", word[:-3] + "e")
    suffixed = word.endswith(("s", "ed", "ing"))
    return word in lexicon.SPEECH_VERBS or (suffixed and any(s in lexicon.SPEECH_VERBS for s in stems[1:]))


@dataclass(frozen=True)
class Position:
    """A place in the article: a sentence and an offset inside it."""

    sentence: int
    offset: int


class Attributor:
    """Finds speakers using the article's sentences and the mentions of its actors."""

    def __init__(self, sentences: Sequence[Sentence], cast: Cast) -> None:
        self.sentences = sentences
        self.cast = cast
        self.actors = {actor.name: actor for actor in cast.actors}

    def speaker_after(self, end: Position) -> Speaker | None:
        """`, she said` / `, said Sheinbaum` / `, according to CBP` right after the closing mark."""
        text = self.sentences[end.sentence].text
        tail = text[end.offset :]
        words = [(m.group(), m.start() + end.offset) for m in WORD.finditer(tail)][:MAX_CUE_WORDS]
        if not words:
            return None
        if [w.lower() for w, _ in words[:2]] == ["according", "to"] or (
            words[0][0] == "," and [w.lower() for w, _ in words[1:3]] == ["according", "to"]
        ):
            start = next(o for w, o in words if w.lower() == "to") + 2
            return self.subject_at(Position(end.sentence, start), forward=True)
        for index, (word, offset) in enumerate(words):
            if word in CLAUSE_BREAK or (word == "," and index > 0):
                return None
            if is_speech_verb(word):
                before = self.subject_between(end.sentence, end.offset, offset)
                if before is not None:
                    return before
                return self.subject_at(Position(end.sentence, offset + len(word)), forward=True)
        return None

    def speaker_before(self, start: Position) -> Speaker | None:
        """`X stated that '...'` / `According to X, '...'` / `X said: '...'` before the opening mark."""
        text = self.sentences[start.sentence].text[: start.offset]
        words = [(m.group(), m.start()) for m in WORD.finditer(text)]
        for index in range(len(words) - 1, -1, -1):
            word, offset = words[index]
            if word.lower() == "according" and index + 1 < len(words) and words[index + 1][0] == "to":
                return self.subject_at(Position(start.sentence, words[index + 1][1] + 2), forward=True)
            if is_speech_verb(word) and not word[0].isupper():
                clause_start = clause_start_before(words, index)
                return self.subject_between(start.sentence, clause_start, offset)
        return None

    def subject_between(self, sentence: int, start: int, end: int) -> Speaker | None:
        """The nearest actor, pronoun or capitalised name between two offsets of a sentence."""
        mentions = [m for m in self.mentions_in(sentence) if start <= m.span.start and m.span.end <= end]
        text = self.sentences[sentence].text[start:end]
        words = list(WORD.finditer(text))
        for match in reversed(words):
            offset = start + match.start()
            mention = next((m for m in mentions if m.span.start <= offset < m.span.end), None)
            if mention is not None:
                return Speaker(mention.name, is_known=True)
            word = match.group().lower()
            if word in ("he", "she", "it"):
                return self.resolve_pronoun(word, Position(sentence, offset))
        return None

    def subject_at(self, position: Position, *, forward: bool) -> Speaker | None:
        """The actor named right at `position` (after `said`, `according to`)."""
        rest = self.sentences[position.sentence].text[position.offset :]
        lead = len(rest) - len(rest.lstrip())
        for mention in self.mentions_in(position.sentence):
            if mention.span.start >= position.offset and mention.span.start - position.offset - lead < 14:
                return Speaker(mention.name, is_known=True)
        first = WORD.match(rest.lstrip())
        if forward and first and first.group().lower() in ("he", "she"):
            return self.resolve_pronoun(first.group().lower(), position)
        if forward and first and first.group()[0].isupper() and first.group().lower() not in lexicon.FUNCTION_WORDS:
            return Speaker(first.group().rstrip(".,"), is_known=False)
        return None

    def mentions_in(self, sentence: int) -> list[Mention]:
        return [m for m in self.cast.mentions if m.span.sentence == sentence]

    def resolve_pronoun(self, pronoun: str, position: Position) -> Speaker | None:
        """The most recent actor the pronoun can stand for: a person of that gender, or an organisation."""
        wanted = lexicon.PRONOUNS[pronoun]
        earlier = [
            m
            for m in self.cast.mentions
            if position.sentence - PRONOUN_LOOKBACK_SENTENCES <= m.span.sentence
            and (m.span.sentence, m.span.start) < (position.sentence, position.offset)
        ]
        for mention in reversed(earlier):
            actor = self.actors[mention.name]
            if fits_pronoun(actor, wanted):
                return Speaker(actor.name, is_known=True)
        return None


def fits_pronoun(actor: Actor, wanted: str) -> bool:
    if wanted == "thing":
        return actor.type == "organization"
    if actor.type != "person":
        return False
    gender = first_name_gender(actor.name.split()[0]) if " " in actor.name else None
    return gender in (None, "unknown", wanted)


def clause_start_before(words: Sequence[tuple[str, int]], index: int) -> int:
    """Offset where the clause holding words[index] starts: after the last break before it."""
    for back in range(index - 1, -1, -1):
        word, offset = words[back]
        if word in CLAUSE_BREAK or word.lower() in ("that", "while", "but", "and", "because"):
            return offset + len(word)
    return 0
