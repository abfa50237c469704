"""Straight single quotes that double as apostrophes: constructions where a mark could be read two ways."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        # a nested quote ending in s closes the nested quote, not the outer one
        (
            "'We never promised 'new roads' to anyone,' Mayor Lena Brook said.",
            "We never promised 'new roads' to anyone",
            "Lena Brook",
        ),
        # left-out letters before a full stop are no quote mark
        (
            "'I would vote for 'em. Every one of them,' Councillor Tom Reyes said.",
            "I would vote for 'em. Every one of them",
            "Tom Reyes",
        ),
    ],
)
def test_an_apostrophe_like_mark_inside_a_quote_does_not_end_it(extract_body, body, text, speaker):
    [quote] = extract_body(body).quotes
    assert (quote.text, quote.speaker) == (text, speaker)


def test_quote_going_on_over_a_line_that_opens_with_a_mark(extract_body):
    extraction = extract_body(
        "'The ferry is late,' Mayor Lena Brook said. 'The harbour needs a new pier.\n"
        "'We will ask the council for the money,' she said. 'It cannot wait.'"
    )
    assert [q.text for q in extraction.quotes] == [
        "The ferry is late",
        "The harbour needs a new pier. We will ask the council for the money",
        "It cannot wait.",
    ]


def test_space_between_nested_and_outer_closing_marks(extract_body):
    extraction = extract_body(
        "'He said the board would be 'above the rules,' ' Councillor Ana Ruiz said. 'That is wrong.'"
    )
    assert [q.text for q in extraction.quotes] == [
        "He said the board would be 'above the rules,'",
        "That is wrong.",
    ]


def test_clause_of_short_words_is_speech_not_a_title(extract_body):
    extraction = extract_body("After the vote, Mayor Lena Brook told the crowd: 'We did it.'")
    [quote] = extraction.quotes
    assert (quote.text, quote.kind, quote.speaker) == ("We did it.", "full", "Lena Brook")


def test_title_case_short_words_stay_a_title(extract_body):
    extraction = extract_body("Mayor Lena Brook was a guest on 'Big Day.' on Sunday.")
    assert [q.kind for q in extraction.quotes] == ["term"]


@pytest.mark.parametrize("marks", ["\u201c\u201d", "''"], ids=["curly double", "straight single"])
@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        # the closing mark of a quote ends the words the cue of the next one may reach
        (
            "Mayor Peter Hall and Governor Maria Lopez spoke. Hall said he'd keep the ferry \u201cafloat "
            "all winter,\u201d at the least, and Lopez promised to \u201cbuild a new pier\u201d by May.",
            ["Peter Hall", "Maria Lopez"],
        ),
        (
            "Mayor Peter Hall met the clerk. \u201cWe counted every ballot twice,\u201d said clerk Ana Ruiz. "
            "\u201c[Hall] never asked for a recount.\u201d",
            ["Ana Ruiz", "Ana Ruiz"],
        ),
    ],
)
def test_a_cue_is_read_the_same_in_either_typography(extract_body, marks, body, speakers):
    typed = body.replace("\u201c", marks[0]).replace("\u201d", marks[1])
    assert [q.speaker for q in extract_body(typed).quotes] == speakers
