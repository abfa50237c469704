"""Split paragraphs into sentences that survive abbreviations, initials and quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.model import Paragraph, Sentence

# Words that end in a period without ending the sentence (compared without the period, lower case).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "gov",
        "sen",
        "rep",
        "reps",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "rev",
        "hon",
        "pres",
        "supt",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "bros",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "assn",
        "ave",
        "blvd",
        "rd",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
# Abbreviations that stand before a number ("No. 2", "Vol. 3").
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "art", "p", "pp", "fig", "op"})
# After an abbreviation with inner periods (U.S., a.m.), these words start a new sentence.
SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "so",
        "yet",
        "or",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "however",
        "meanwhile",
        "still",
        "also",
        "then",
    ]
)
# Tried only where a run of end marks starts (the lookbehind, after its first mark, rejects the
# others), and never backtracking into it: a long run of periods must not be tried again from each
# of its characters. Starting on a class of marks lets the regex engine scan for them in C.
BOUNDARY = re.compile(
    r"[.!?](?<![.!?][.!?])[.!?]*+[\"'\u201d\u2019)\]]*+(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])"
)
WORD_BEFORE = re.compile(r"(?<![\w.])([\w.]+)$")
WORD_BEFORE_REACH = 80
NEXT_WORD = re.compile(r"\s*(\S*)")
INNER_PERIODS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")


def split_sentences(paragraphs: Sequence[Paragraph]) -> tuple[Sentence, ...]:
    """Number the sentences of all paragraphs in reading order."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        for start, end in sentence_bounds(paragraph.text):
            sentence = Sentence(len(sentences), number, start, end, paragraph.text[start:end])
            sentences.append(sentence)
    return tuple(sentences)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, whitespace trimmed."""
    bounds = []
    start = 0
    for match in BOUNDARY.finditer(text):
        if is_boundary(text, match):
            bounds.append(trimmed(text, start, match.end()))
            start = match.end()
    bounds.append(trimmed(text, start, len(text)))
    return [(start, end) for start, end in bounds if end > start]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """`start` and `end` moved past the white space at either end (equal when all is white space)."""
    kept = text[start:end].lstrip()  # str.strip's white space is str.isspace's
    start = end - len(kept)
    return start, start + len(kept.rstrip())


def is_boundary(text: str, match: re.Match[str]) -> bool:
    """Whether the punctuation at `match` ends a sentence."""
    if match.group()[0] != "." or match.group().startswith(".."):
        return True
    reach = max(0, match.start() - WORD_BEFORE_REACH)
    # The word holds no space: looking for it from the last space tries fewer starts.
    before = WORD_BEFORE.search(text, max(reach, text.rfind(" ", reach, match.start()) + 1), match.start())
    if before is None:
        return True
    word = before.group(1)
    if INNER_PERIODS.match(word):
        return next_word(text, match.end()).lower() in SENTENCE_STARTERS
    key = word.lower()
    if key in ABBREVIATIONS:
        return False
    if key in NUMBER_ABBREVIATIONS and not word.isupper():  # 'Ana P. Ruiz': an initial, not 'p. 5'
        return not next_word(text, match.end())[:1].isdigit()
    return not (len(word) == 1 and word.isupper())


def next_word(text: str, position: int) -> str:
    """The word after `position`, without the quote mark or bracket opening it."""
    return word_after(text, position).strip("\"'\u201c\u2018([")


def word_after(text: str, position: int) -> str:
    """The first word after `position`, whitespace skipped."""
    match = NEXT_WORD.match(text, position)
    return match.group(1) if match else ""
