"""Figures: the number grammar (ranges, scales, signs, names that hold numbers), units and measures."""

from __future__ import annotations

import pytest


def amounts(extraction):
    return [(f.value, f.range_end, f.unit) for f in extraction.figures]


# Numbers and ranges


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout moved from 4.5 percent to 3.9 percent.", (4.5, 3.9, "%")),
        ("Organisers expect four to five thousand walkers.", (4000.0, 5000.0, "walkers")),
        ("The repairs will take 16-18 months.", (16.0, 18.0, "months")),
        ("Each kiosk costs $2 million to $3 million.", (2e6, 3e6, "$")),
        ("Fares cost $1,500 to $2 million.", (1500.0, 2e6, "$")),
        ("Bus fares went from $2 last spring to $2.40.", (2.0, 2.4, "$")),
        ("The harvest fell from 40 tonnes in 2021 to 31 tonnes.", (40.0, 31.0, "tonnes")),
        ("Mileage rose from 30 miles per gallon to 41 mpg.", (30.0, 41.0, "miles per gallon")),
        ("Rents went from 900 euros a month to 850.", (900.0, 850.0, "euros a month")),
        ("The festival drew tens of thousands of visitors.", (1e4, 1e5, "visitors")),
    ],
)
def test_range_is_one_figure(extract_body, text, expected):
    assert amounts(extract_body(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ferry shares rose $1.20 to $45.20.", [(1.2, None, "$"), (45.2, None, "$")]),
        ("The port cut its fleet by 40 to 260 boats.", [(40.0, None, "boats"), (260.0, None, "boats")]),
        ("The port will cut 40 to 260 boats.", [(40.0, 260.0, "boats")]),
        ("Fares are set to rise 5 to 7 percent.", [(5.0, 7.0, "%")]),
    ],
)
def test_a_change_and_the_level_it_reached_are_no_range(extract_body, text, expected):
    assert amounts(extract_body(text)) == expected


def test_amounts_with_different_units_are_no_range(extract_body):
    extraction = extract_body("The index rose 2 percent to 1,450 on Friday.")
    assert amounts(extraction) == [(2.0, None, "%"), (1450.0, None, "")]


def test_a_change_from_a_level_with_a_clause_between_is_no_range(extract_body):
    extraction = extract_body("Prices rose from $2 and the council cut fares to $3 on Monday.")
    assert amounts(extraction) == [(2.0, None, "$"), (3.0, None, "$")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Twenty-five volunteers cleaned the beach.", 25.0),
        ("The village has three hundred residents.", 300.0),
        ("The club sold two dozen boats.", 24.0),
        ("Some three hundred and fifty thousand fans came.", 350000.0),
        ("About forty-one thousand six hundred twelve pupils enrolled.", 41612.0),
        ("The fund raised two million dollars.", 2e6),
    ],
)
def test_numbers_in_words(extract_body, text, value):
    [figure] = extract_body(text).figures
    assert figure.value == value


def test_a_decimal_written_without_its_zero_is_a_figure(extract_body):
    assert [f.value for f in extract_body("The club hopes to finish with a .500 record.").figures] == [0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new yacht is 37m long.", (37.0, None, "m")),
        ("She won the 400m hurdles in record time.", (400.0, None, "m")),
        ("The firm sold 37m phones last year.", (37e6, None, "phones")),
    ],
)
def test_an_m_before_a_dimension_or_a_race_is_metres(extract_body, text, expected):
    assert amounts(extract_body(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sample holds 4.2 x 10^15 cells.", (4.2e15, None, "cells")),
        ("The drift is 3.1\u00d710\u22126 metres per second.", (3.1e-6, None, "metres per second")),
    ],
)
def test_a_power_of_ten_scales_the_number(extract_body, text, expected):
    assert amounts(extract_body(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Half a million pilgrims came to the fair.", (5e5, None, "pilgrims")),
        ("The bank raised its rate by half a percentage point.", (0.5, None, "percentage points")),
        ("The ferry fleet shrank by a fifth.", (0.2, None, "")),
    ],
)
def test_a_half_of_a_scale_and_a_share_of_a_change_are_figures(extract_body, text, expected):
    assert amounts(extract_body(text)) == [expected]


def test_scale_words_multiply(extract_body):
    assert amounts(extract_body("The region has 4 hundred million trees.")) == [(4e8, None, "trees")]


def test_minus_sign_makes_a_negative_value(extract_body):
    assert amounts(extract_body("Markets at noon: Tokyo -2.5% and Seoul flat.")) == [(-2.5, None, "%")]


@pytest.mark.parametrize(
    "text",
    [
        "She drove the Model 3 sedan to work.",
        "The bus took Route 66 into town.",
        "He bought a Phone 11 Pro last week.",
        "The 2021 Harvest Festival opened on Friday.",
        "The office moved to 12-14 Harbour Street.",
    ],
)
def test_numbers_inside_names_are_no_figures(extract_body, text):
    assert extract_body(text).figures == ()


def test_a_number_after_a_hyphened_name_is_the_name_s(extract_body):
    extraction = extract_body("The router has 4 antennas and Wi-Fi 7 support.")
    assert amounts(extraction) == [(4.0, None, "antennas")]


def test_a_name_before_a_unit_of_measurement_keeps_the_figure(extract_body):
    assert amounts(extract_body("The Tablet Max 11 inch costs less.")) == [(11.0, None, "inch")]


def test_a_letter_m_of_a_currency_amount_is_million(extract_body):
    assert amounts(extract_body("The club paid \u00a34.5m for the striker.")) == [(4.5e6, None, "\u00a3")]


# Units


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The plant pumps 2,000 barrels a day.", "barrels a day"),
        ("Apples sold at $4.50 per kilo.", "$ per kilo"),
        ("The district opened 12 new classrooms.", "new classrooms"),
        ("The car has a 300 kWh battery.", "kWh"),
        ("A 40-year-old man was arrested.", "year-old"),
        ("The square is 800 sq m.", "sq m"),
        ("The firm built a 7,500-square-foot depot.", "square-foot"),
        ("The firm rents a 900 square-foot shop.", "square-foot"),
        ("The tower is 120 metres tall.", "metres"),
        ("Scores rose by 30 basis points.", "basis points"),
        ("The ferry sails at 25 m.p.h. in calm water.", "mph"),
        ("The plant makes 3 nanometer chips.", "nanometer"),
        ("The agency hired eight other inspectors.", "other inspectors"),
        ("The town has one 8,000 barrel-a-day mill.", "barrel-a-day"),
        ("Streaming costs 7.50 Canadian dollars per month.", "Canadian dollars per month"),
        ("The plan costs RM45 a month.", "RM a month"),
        ("The clinic treats 40 patients a day.", "patients a day"),
        ("The mayor won by one vote.", "vote"),
        ("The port has one busy refinery.", "busy refinery"),
        ("Guards stopped 12 armed smugglers.", "armed smugglers"),
        ("The utility runs 20 coal-fired plants.", "coal-fired plants"),
    ],
)
def test_unit_after_the_number(extract_body, text, unit):
    [figure] = extract_body(text).figures
    assert figure.unit == unit


def test_a_verb_after_a_number_is_no_unit(extract_body):
    [figure] = extract_body("A crowd of 150 gathered outside.").figures
    assert (figure.unit, figure.measure) == ("", "crowd")


def test_a_number_in_words_hyphened_to_a_unit_is_a_figure(extract_body):
    assert amounts(extract_body("The mayor began a five-year term.")) == [(5.0, None, "year")]
    assert extract_body("The island has a two-party system.").figures == ()


@pytest.mark.parametrize("text", ["No one came.", "One said the plan failed.", "They helped one another."])
def test_one_as_a_pronoun_is_no_figure(extract_body, text):
    assert extract_body(text).figures == ()


def test_a_bare_number_nothing_explains_is_no_figure(extract_body):
    assert extract_body("He said it was 150, give or take.").figures == ()


def test_a_share_in_words(extract_body):
    [figure] = extract_body("Two-thirds of the tenants signed the letter.").figures
    assert (round(figure.value, 3), figure.measure) == (0.667, "tenants")


def test_a_count_the_next_sentence_lists_is_no_figure(extract_body):
    extraction = extract_body("The mayor named two priorities. First, the buses must run on time.")
    assert extraction.figures == ()


def test_a_time_after_a_rate_is_not_part_of_it(extract_body):
    [figure] = extract_body("Sales reached $9 million a year earlier.").figures
    assert figure.unit == "$"


# What it measures


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The length of the new tunnel will be 3.2 kilometres.", "length of the new tunnel"),
        ("Ticket sales rose 12% in May.", "Ticket sales"),
        ("The town set a budget of $3 million for roads.", "budget for roads"),
        ("The car has a 300 kWh battery.", "battery"),
        ("Buyers chased shares in the ferry company, which fell 4%.", "ferry company"),
        ("About 45% of the nurses voted to strike.", "nurses"),
        ("The port wants to raise its capacity to 2m tons by 2030.", "capacity"),
        ("The old ferry is slow: it took 9 hours.", "old ferry"),
        ("The scheme will extend the cycling network by 12 km.", "cycling network"),
        ("Nurses use a 10% saline solution.", "saline solution"),
        ("Growth in exports slowed to 3 percent.", "Growth in exports"),
        ("The ministers backed a total cut of 5,000 tonnes.", "total cut"),
        ("Orbis on Tuesday cut 400 jobs.", "Orbis"),
        ("The mayor told reporters that the tram fleet would cost $90 million.", "tram fleet"),
        ("The drive is fast, with 2TB of flash storage.", "flash storage"),
        ("Rent took a share of income of 30% in the port town.", "share of income"),
        ("Turnout reached 64% of independent voters.", "independent voters"),
        ("Ports logged a 30% rise in cattle imports via US docks.", "cattle imports via US docks"),
        ("The new ferry carries about 400 cars.", "new ferry"),
        ("The plan includes harbour grants of $6 million.", "harbour grants"),
        ("The fund can accept gifts of up to $5,000.", "gifts"),
        ("Buyers want sub-200 sq m shop floors near the port.", "shop floors"),
    ],
)
def test_what_a_figure_measures(extract_body, text, measure):
    [figure] = extract_body(text).figures
    assert figure.measure == measure


@pytest.mark.parametrize(
    "text",
    ["About 70 officers fought the fire.", "Some 45 employees live in the town.", "Nearly 30 people walk."],
)
def test_a_verb_after_a_counted_plural_is_no_measure(extract_body, text):
    """A count measures the plural it counts: the word after the plural is the clause's verb."""
    [figure] = extract_body(text).figures
    assert figure.measure == ""


def test_a_verb_before_the_next_amount_ends_a_measure(extract_body):
    extraction = extract_body("The 4,000mAh battery lasts 20 hours.")
    assert [f.measure for f in extraction.figures][:1] == ["battery"]


def test_a_measure_ends_before_the_next_amount(extract_body):
    extraction = extract_body("The tablet has 8GB of memory and 256GB of storage.")
    assert [f.measure for f in extraction.figures] == ["memory", "storage"]


def test_one_of_a_plural_is_a_count_of_one(extract_body):
    assert amounts(extract_body("It is one of the oldest harbour cranes.")) == [
        (1.0, None, "oldest harbour cranes")
    ]


def test_the_first_of_two_alternatives_takes_the_unit_of_the_second(extract_body):
    assert amounts(extract_body("A ticket costs six or seven euros.")) == [
        (6.0, None, "euros"),
        (7.0, None, "euros"),
    ]


def test_an_age_bracket_is_no_figure(extract_body):
    assert amounts(extract_body("Half the riders aged 16 to 24 walk.")) == [(0.5, None, "")]


def test_a_dash_spaced_on_one_side_is_a_minus_sign(extract_body):
    assert amounts(extract_body("At noon: Harbour 40 index -0.8% on the day.")) == [(-0.8, None, "%")]


def test_a_signed_figure_in_a_list_measures_the_name_before_it(extract_body):
    extraction = extract_body("Markets at noon: Harbour 40 -0.8% Coastal +1.2% Valley Index -0.1%.")
    assert [f.measure for f in extraction.figures] == ["Harbour 40", "Coastal", "Valley Index"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose to 4.1 million tickets from 3.2 million.", [(4.1e6, "tickets"), (3.2e6, "tickets")]),
        ("The city sold 300 flats by lottery and 120 by auction.", [(300.0, "flats"), (120.0, "flats")]),
        ("The club has raised 40 million of the 90 million crowns.", [(4e7, "crowns"), (9e7, "crowns")]),
        ("The Valley Index rose 12.5 points to 3,410.20.", [(12.5, "points"), (3410.2, "points")]),
        (
            "The Valley Index lost 52.4 points, or 1.2%, to close at 4,310.5.",
            [(52.4, "points"), (1.2, "%"), (4310.5, "points")],
        ),
    ],
)
def test_a_bare_number_compared_with_an_amount_takes_its_unit(extract_body, text, expected):
    assert [(f.value, f.unit) for f in extract_body(text).figures] == expected


def test_a_level_after_a_share_does_not_take_the_share_as_unit(extract_body):
    extraction = extract_body("The Valley Index rose 2 percent to 1,450.")
    assert [(f.value, f.unit) for f in extraction.figures] == [(2.0, "%"), (1450.0, "")]


def test_a_decimal_point_ends_no_clause(extract_body):
    extraction = extract_body("The Harbour 40 index gained 0.5 percent to 1,250.70.")
    assert [f.measure for f in extraction.figures] == ["Harbour 40 index", "Harbour 40 index"]


def test_an_amount_in_brackets_after_another_measures_the_same(extract_body):
    extraction = extract_body("The port paid a fee of 90 million crowns ($9 million) last year.")
    assert [(f.unit, f.measure) for f in extraction.figures] == [("crowns", "fee"), ("$", "fee")]


def test_a_bare_number_explained_only_by_the_subject_is_no_figure(extract_body):
    assert extract_body("The old ferry line is proud of its 48.").figures == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Valley Index rose 2 percent to 1,450.", 1450.0),
        ("The harbour fund is worth over 3 billion.", 3e9),
    ],
)
def test_a_level_or_a_large_bare_number_keeps_the_subject_as_measure(extract_body, text, value):
    assert value in [f.value for f in extract_body(text).figures]
