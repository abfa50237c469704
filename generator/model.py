"""The data that flows through the pipeline: frozen dataclasses (tuples where one is made for every
name), one stage's output the next's input."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal, NamedTuple

ActorType = Literal["person", "organization", "country", "place", "group"]
Change = Literal["increase", "decrease"]
QuoteKind = Literal["full", "partial", "term"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input, located so that a person can fix it."""

    source: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.source}:{self.line}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the article; the summary, when the article has one, is paragraph 0."""

    text: str
    line: int
    is_summary: bool = False
    # Where each line of the file after the first starts in `text` (the lines are joined by spaces),
    # so that a problem found inside a paragraph names its own line.
    breaks: tuple[int, ...] = ()

    def line_at(self, offset: int) -> int:
        """The line of the file holding the character at `offset` of `text`."""
        return self.line + bisect.bisect_right(self.breaks, offset)


@dataclass(frozen=True)
class Article:
    """One input file as read: its header, title, and paragraphs, nothing interpreted yet."""

    id: str
    source: str
    sections: tuple[str, ...]
    published: datetime
    title: str
    summary: str
    paragraphs: tuple[Paragraph, ...]
    # A digest of the file as read (its name in messages and its bytes): the same for every read of
    # the same file, another once it changes; empty for an article not read from a file.
    version: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article; `start`/`end` are offsets into its paragraph's text."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


class Span(NamedTuple):
    """Where an extracted item stands: a sentence and character offsets inside that sentence.

    A tuple, not a frozen dataclass like the others: one is made for every name found, and a tuple is
    built several times faster.
    """

    sentence: int
    start: int
    end: int


class Mention(NamedTuple):
    """A stretch of text that names an actor, before actors are merged (a tuple, as `Span`)."""

    text: str
    span: Span
    name: str
    type: ActorType
    role: str | None = None


@dataclass(frozen=True)
class Actor:
    """An actor of one article: every form it is named by resolved to one display name."""

    name: str
    type: ActorType
    role: str | None
    aliases: tuple[str, ...]
    mentions: int
    first_sentence: int


# An attribution at least this confident is shown as certain; a weaker one as "speaker uncertain".
# The lowest threshold at which the attributions shown as certain on the development articles are
# still right 98 times in 100 (0.97 is required of unseen articles): see benchmarks/extraction.py.
CERTAIN = 0.95


@dataclass(frozen=True)
class Quote:
    """Words in quote marks, with who said them (`speaker` is an actor's name) when that is known, and
    how sure that attribution is (0 to 1; 0 without a speaker): a page names only a certain speaker."""

    text: str
    speaker: str | None
    kind: QuoteKind
    span: Span
    confidence: float = 0.0
    # What the attribution rests on (see `extract.confidence.evidence_key`); empty without a speaker.
    evidence: str = ""

    @property
    def is_certain(self) -> bool:
        return self.speaker is not None and self.confidence >= CERTAIN

    def without_speaker(self) -> Quote:
        """The quote with its attribution dropped (a speaker that is no actor, or cannot speak)."""
        return replace(self, speaker=None, confidence=0.0, evidence="")


@dataclass(frozen=True)
class Figure:
    """A number with what it measures, its unit, direction of change and who reported it.

    A range ("5 to 7 percent", "from 4.8 to 4.7") is one figure: `value` is its first end as
    written and `range_end` its second.
    """

    value: float
    unit: str
    text: str
    measure: str
    change: Change | None
    qualifier: str | None
    source: str | None
    span: Span
    range_end: float | None = None
    # The measure is only the subject of the figure's clause ("Tesla rose 8%"), not a phrase that
    # governs the figure ("a range of 400 km"): enough for the table, not for a card on its own.
    measure_is_subject: bool = False


@dataclass(frozen=True)
class Extraction:
    """All that was extracted from one article, every item pointing at its sentence."""

    article: Article
    sentences: tuple[Sentence, ...]
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    problems: tuple[Problem, ...] = field(default=())


@dataclass(frozen=True)
class LightExtraction(Extraction):
    """An extraction as pages other than its brief's own read it (see
    `incremental.extractions.lighten`): without the article's paragraphs, the sentences that no
    quote shown needs, quotes without a speaker, and figures. Its own type, so that its missing
    figures and text are never taken for none: `figure_sources` names the source of each figure
    left out, and the whole extraction is read again where a page needs it."""

    figure_sources: tuple[str, ...] = ()
