"""Rules made exact while extraction was made faster: the words a name or figure may start from."""

from __future__ import annotations

import re

import pytest

from generator.extract.actors import is_written_alone
from generator.extract.names import PRECEDING_REACH, PRECEDING_WORD, capitalized_runs, preceding_word


def runs(text):
    return [" ".join(token.text for token in run) for run in capitalized_runs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Bank of the Philippines lent more.", ["The Bank of the Philippines"]),
        ("Juan Ram\u00f3n de la Fuente spoke.", ["Juan Ram\u00f3n de la Fuente"]),
        (
            "She met \u00c9lodie Martin and \u0416\u0435\u043d\u044f Petrov.",
            ["She", "\u00c9lodie Martin", "\u0416\u0435\u043d\u044f Petrov"],
        ),
        ("Mayor Hall's office of Planning", ["Mayor Hall", "Planning"]),
        ("x-Ray and o'Neill are glued to lower-case words", []),
        ("a -Mexico link and 'Twas", ["Mexico", "Twas"]),
        ("U.S.-Mexico talks, Sen. Jane Doe.", ["U.S.-Mexico", "Sen. Jane Doe"]),
        ("Hall of, of the Fame", ["Hall", "Fame"]),
    ],
)
def test_runs_of_capitalised_words_and_connectors(text, expected):
    assert runs(text) == expected


@pytest.mark.parametrize("word", ["tenants", "Tennessee", "tenure", "tensions", "oneself", "tenor"])
def test_number_word_inside_a_longer_word_is_no_figure(extract_body, word):
    assert extract_body(f"The {word} of the harbor board met again.").figures == ()


def test_number_words_as_whole_words_are_still_figures(extract_body):
    [figure] = extract_body("The repairs took twenty-five days.").figures
    assert (figure.value, figure.unit) == (25.0, "days")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the former mayor Velt", "mayor"),
        ("The Velt", "the"),
        ("spoke to a Velt", "to"),
        ("a rep.  Velt", "rep"),
        ("talks in the Velt", "in"),
        ("she told a Velt", "told"),
        ("Velt", ""),
        ("data from  \u2014 Velt", "from"),
        ("a firm_name Velt", "firm_name"),
        ("bathe Velt", "bathe"),
        (f"{'x' * 90} Velt", ""),
        (f"{'x' * 80} the Velt", "the"),
    ],
)
def test_the_word_before_a_name_is_the_one_the_full_search_finds(text, expected):
    start = text.index("Velt")
    full = PRECEDING_WORD.search(text, max(0, start - PRECEDING_REACH), start)
    assert preceding_word(text, start) == (full.group(1).lower() if full else "") == expected


@pytest.mark.parametrize(
    ("word", "text", "expected"),
    [
        ("velta", "the velta board", True),
        ("velta", "velta", True),
        ("velta", "veltas and orsk-velta_x", False),
        ("velta", "xvelta velta.", True),
        ("orsk-tel", "an orsk-tel phone", True),
        ("orsk-tel", "an orsk-tells", False),
    ],
)
def test_a_word_written_alone_is_found_as_the_regex_finds_it(word, text, expected):
    assert is_written_alone(word, text) is expected
    assert (re.search(rf"\b{re.escape(word)}\b", text) is not None) is expected
