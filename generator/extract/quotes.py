"""Find the words an article puts in quote marks, across sentences and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from generator.model import Paragraph, Problem

DOUBLE_OPENERS = "\u201c\u00ab\u201e"
DOUBLE_CLOSERS = "\u201d\u00bb"
SINGLE_OPENERS = "\u2018"
SINGLE_CLOSERS = "\u2019"
STRAIGHT = {'"': "double", "'": "single"}
OPEN_CONTEXT = " \t([{\u2014\u2013-/\"\u201c\u2018'"
CLOSE_CONTEXT = " \t)]}.,;:!?\u2014\u2013-\"\u201d\u2019'"
TRAILING_PUNCTUATION = ",;: "
# "6'2": a height in feet and inches, whose inch mark is no quote mark.
FEET_AND_INCHES = re.compile(r"\d['\u2019]\d{1,2}$")
# What a quote ends on before a curly closing mark typed with no space after it.
GLUED_CLOSE_CONTEXT = ",.!?"
# 'PENCE: Well, look, ...': a transcript names who speaks in capitals before a colon.
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'\u2019-]+(?: [A-Z][A-Z'\u2019-]+)?):\s")
ELISION = re.compile(r"\d\d|(?:em|til|n|cause)\b")
STAGE_DIRECTION = re.compile(r"[(\[][^()\[\]]*[)\]][.,]?")
# The characters that may be a mark of each style; a doubled apostrophe is one double mark.
MARK_CANDIDATES = {
    # In three apostrophes, the doubled pair is the one on the outside of the nested single quote:
    # the first two after a space ('''word), the last two otherwise (word,'''). Every branch
    # starts with its character, which the regex engine then scans for in C (a branch starting with a
    # lookbehind is tried at every position of the text).
    "double": re.compile(
        "'(?:(?<![^\\s([{]')'|'(?!'))|" + "|".join(map(re.escape, '"' + DOUBLE_OPENERS + DOUBLE_CLOSERS))
    ),
    "single": re.compile("['" + SINGLE_OPENERS + SINGLE_CLOSERS + "]"),
}


class Piece(NamedTuple):
    """The inner text of a quote inside one paragraph (offsets exclude the marks)."""

    paragraph: int
    start: int
    end: int


class QuoteSpan(NamedTuple):
    """A quotation as found: one piece, or several when it runs over paragraphs."""

    pieces: tuple[Piece, ...]
    text: str


class Mark(NamedTuple):
    position: int
    is_open: bool
    width: int = 1
    # "the voters' choice": a closing mark that may be a plural possessive's apostrophe.
    is_doubtful: bool = False


def find_quote_spans(paragraphs: Sequence[Paragraph], source: str) -> tuple[list[QuoteSpan], list[Problem]]:
    """Quotes of the article's main quote style; single quotes nested in double ones stay inside."""
    style = quote_style(paragraphs)
    spans: list[QuoteSpan] = []
    problems: list[Problem] = []
    open_pieces: list[Piece] = []
    for number, paragraph in enumerate(paragraphs):
        marks = list(quote_marks(paragraph.text, style))
        if open_pieces and not (marks and marks[0].is_open and marks[0].position == 0):
            problems.append(unclosed(paragraphs, open_pieces[0], source))
            open_pieces = []
        position_open: int | None = None
        if open_pieces:
            position_open, marks = marks[0].position + marks[0].width, marks[1:]
            if TRANSCRIPT_LABEL.match(paragraph.text, position_open):
                spans.append(make_span(open_pieces, paragraphs))
                open_pieces = []
        # Only single marks nest ('He said 'wait' and left'); a double mark of the same kind
        # inside a double quote is a typing error, not a quote inside a quote.
        nesting = style == "single"
        depth = 1 if position_open is not None else 0
        for index, mark in enumerate(marks):
            if position_open is not None and depth == 1 and reopens_line(mark, paragraph):
                open_pieces = [*open_pieces, Piece(number, position_open, mark.position)]
                position_open = mark.position + mark.width
            elif mark.is_open and (position_open is None or nesting):
                position_open = mark.position + mark.width if position_open is None else position_open
                depth += 1
            elif not mark.is_open and position_open is not None:
                if depth == 1 and is_possessive(marks, index):
                    continue
                depth -= 1
                if depth > 0:
                    continue
                spans.append(
                    make_span([*open_pieces, Piece(number, position_open, mark.position)], paragraphs)
                )
                open_pieces, position_open = [], None
        if position_open is not None:
            open_pieces = [*open_pieces, Piece(number, position_open, len(paragraph.text))]
    if open_pieces:
        problems.append(unclosed(paragraphs, open_pieces[0], source))
    return [s for s in spans if s.text], problems


def unclosed(paragraphs: Sequence[Paragraph], piece: Piece, source: str) -> Problem:
    paragraph = paragraphs[piece.paragraph]
    opening = paragraph.text[piece.start : piece.start + 40]
    return Problem(
        source,
        paragraph.line_at(piece.start),
        f"quote opened but never closed: {opening!r}",
        "quote skipped; close it or remove the stray quote mark",
    )


def make_span(pieces: list[Piece], paragraphs: Sequence[Paragraph]) -> QuoteSpan:
    """The quote of `pieces`; a piece all in parentheses ('(CROSSTALK.)') is a stage direction, left out."""
    spoken = [p for p in pieces if not STAGE_DIRECTION.fullmatch(piece_text(p, paragraphs))] or pieces
    text = " ".join(piece_text(p, paragraphs) for p in spoken)
    return QuoteSpan(tuple(spoken), text.strip().rstrip(TRAILING_PUNCTUATION))


def piece_text(piece: Piece, paragraphs: Sequence[Paragraph]) -> str:
    return paragraphs[piece.paragraph].text[piece.start : piece.end].strip()


def quote_style(paragraphs: Sequence[Paragraph]) -> str:
    """ "double" when the article quotes in double marks, or in doubled apostrophes more often than
    in single marks (''...'' is a double quote; a nested quote next to its outer one is also '')."""
    text = "\n".join(p.text for p in paragraphs)
    if any(c in text for c in DOUBLE_OPENERS + DOUBLE_CLOSERS + '"'):
        return "double"
    doubled = sum(1 for _ in quote_marks(text, "double"))
    single = sum(1 for _ in quote_marks(text.replace("''", "  "), "single"))
    return "double" if doubled and doubled >= single else "single"


def reopens_line(mark: Mark, paragraph: Paragraph) -> bool:
    """A quote still open at the end of a line goes on in the next one, which opens with a mark of its
    own (a paragraph of the source that the reader joined to the one before): not a nested quote."""
    return mark.is_open and mark.position in paragraph.breaks


def is_possessive(marks: Sequence[Mark], index: int) -> bool:
    """A doubtful mark that would end the outer quote is a plural possessive when a closing mark follows
    it before an opening one: in "'the voters' choice,' she said" the quote ends at the second mark.
    Inside a nested quote ("'we never promised 'new roads' to anyone,' she said") it ends the nested one."""
    following = marks[index + 1] if index + 1 < len(marks) else None
    return marks[index].is_doubtful and following is not None and not following.is_open


def quote_marks(text: str, style: str) -> Iterator[Mark]:
    """The opening and closing marks of one style, apostrophes left out."""
    for match in MARK_CANDIDATES[style].finditer(text):
        position = match.start()
        mark = classify_mark(text, position, match.end() - position, style)
        if mark is not None:
            yield mark


def classify_mark(text: str, position: int, width: int, style: str) -> Mark | None:
    char = text[position] if width == 1 else '"'
    openers, closers = (
        (DOUBLE_OPENERS, DOUBLE_CLOSERS) if style == "double" else (SINGLE_OPENERS, SINGLE_CLOSERS)
    )
    before = text[position - 1] if position else " "
    after = text[position + width] if position + width < len(text) else " "
    if (
        before.isdigit()
        and style == "double"
        and FEET_AND_INCHES.search(text, max(0, position - 6), position)
    ):
        return None  # "he's 6'2\u201d tall": the mark of inches
    if char in openers:
        # 'unusual,“ said': an opening mark typed where a closing one belongs closes the quote.
        is_closing = before not in OPEN_CONTEXT and not before.isspace() and after in CLOSE_CONTEXT
        return Mark(position, is_open=not is_closing, width=width)
    if char in closers and before in GLUED_CLOSE_CONTEXT and after.isalpha():
        return Mark(position, is_open=False, width=width)  # 'paranoia,\u201dHall said': no space typed
    if char in closers or STRAIGHT.get(char) == style:
        if before.isalnum() and after.isalnum():
            return None
        if before in OPEN_CONTEXT and not after.isspace():
            return None if is_elision(text, position + width) else Mark(position, True, width)
        if after in CLOSE_CONTEXT and (not before.isspace() or follows_closing(text, position)):
            doubtful = style == "single" and before == "s" and after == " "
            return Mark(position, is_open=False, width=width, is_doubtful=doubtful)
    return None


def follows_closing(text: str, position: int) -> bool:
    """ "'the board is 'above the rules,' ' he said": a space typed between a nested closing mark and the
    outer one; the outer mark still closes."""
    return position >= 2 and text[position - 1].isspace() and text[position - 2] in "'\"" + SINGLE_CLOSERS


def is_elision(text: str, start: int) -> bool:
    """'90s, 'em, 'til: an apostrophe that stands for left-out letters, not a quote ('asked 'em.' too)."""
    return ELISION.match(text, start) is not None
