"""Sentence splitting: abbreviations and initials hold a sentence together, real ends split it."""

from __future__ import annotations

import pytest

from generator.model import Paragraph
from generator.sentences import split_sentences


def sentences_of(*texts: str) -> list[str]:
    return [s.text for s in split_sentences([Paragraph(text, 1) for text in texts])]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Treasury raised rates on Monday.",
        "Gov. Maria Lopez signed the bill.",
        "The vote is set for Sept. 14 in the capital.",
        "Resolution No. 2 passed easily.",
        "Dr. Alan Reed testified before the panel.",
        "President Donald J. Trump signed the order.",
        "The letter was written by Tomas P. Berg, a clerk.",
        "Prices rose 2.5 percent in the quarter.",
        "Sen. Ruth Park and Mr. Omar Diaz met in St. Louis.",
    ],
)
def test_abbreviations_and_initials_do_not_split(text):
    assert sentences_of(text) == [text]


def test_period_question_and_exclamation_marks_end_sentences():
    assert sentences_of("The plan worked. It was cheap! Was it legal? Nobody knows.") == [
        "The plan worked.",
        "It was cheap!",
        "Was it legal?",
        "Nobody knows.",
    ]


def test_sentence_after_an_abbreviation_is_still_split():
    assert sentences_of("Gov. Maria Lopez signed the bill. It takes effect soon.") == [
        "Gov. Maria Lopez signed the bill.",
        "It takes effect soon.",
    ]


def test_dotted_abbreviation_at_the_end_of_a_sentence_splits_before_a_sentence_starter():
    assert sentences_of("She moved to the U.S. The move was hard.") == [
        "She moved to the U.S.",
        "The move was hard.",
    ]


def test_sentence_may_start_with_a_number():
    assert sentences_of("Ana arrived. 2025 was a hard year.") == ["Ana arrived.", "2025 was a hard year."]


@pytest.mark.parametrize("mark", ["'", '"', "\u201d"])
def test_quote_closing_after_a_period_splits_after_the_quote_mark(mark):
    opener = "\u201c" if mark == "\u201d" else mark
    text = f"{opener}We have very good results.{mark} She said the plan would continue."
    assert sentences_of(text) == [
        f"{opener}We have very good results.{mark}",
        "She said the plan would continue.",
    ]


def test_sentences_do_not_run_across_paragraphs():
    assert sentences_of("A first paragraph without a period", "A second one.") == [
        "A first paragraph without a period",
        "A second one.",
    ]


def test_sentences_are_numbered_across_paragraphs():
    sentences = split_sentences([Paragraph("One. Two.", 1), Paragraph("Three.", 3)])
    assert [(s.index, s.paragraph) for s in sentences] == [(0, 0), (1, 0), (2, 1)]


def test_offsets_point_into_the_paragraph_text():
    paragraphs = [
        Paragraph("  Gov. Maria Lopez spoke.   'It works.' She left!  Then silence", 1),
        Paragraph("Dr. Alan Reed agreed. Nobody else did.", 3),
    ]
    sentences = split_sentences(paragraphs)
    assert len(sentences) == 6
    for sentence in sentences:
        text = paragraphs[sentence.paragraph].text
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_empty_paragraph_has_no_sentences():
    assert sentences_of("   ") == []
