"""Which figures get a card on a brief page, and when a change is coloured as good or bad news."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.key_figures import KEY_FIGURES, change_tone, key_figures
from generator.markup import format_amount


def cards(extraction):
    return [figure.text for figure in key_figures(extraction)]


def test_a_figure_whose_measure_is_its_unit_gets_no_card(extract_body):
    extraction = extract_body("Officials said 30 volunteers came.")
    assert extraction.figures and cards(extraction) == []


def test_a_count_of_people_gets_no_card_for_the_verb_after_it(extract_body):
    extraction = extract_body("Police said 40 protesters oppose harsh curfew rules.")
    assert extraction.figures and cards(extraction) == []


def test_a_change_with_what_it_measures_gets_a_card(extract_body):
    assert cards(extract_body("The city saw a 12% reduction in traffic deaths.")) == ["12%"]


def test_an_age_gets_no_card(extract_body):
    assert cards(extract_body("A 40-year-old driver of the bus was arrested.")) == []


def test_a_figure_in_the_summary_is_chosen_before_others(extract_body):
    body = " ".join(f"The depot added {n} new buses of the electric fleet." for n in range(11, 18))
    extraction = extract_body(body, summary="Bus fares rose 5% this year.")
    chosen = key_figures(extraction)
    assert len(chosen) == KEY_FIGURES
    assert chosen[0].text == "5%"


def test_a_fall_in_deaths_is_good_news(extract_body):
    [figure] = extract_body("The city saw a 12% reduction in traffic deaths.").figures
    assert change_tone(figure) == "good"
    assert change_tone(replace(figure, change="increase")) == "bad"


def test_a_change_in_a_poll_has_no_colour(extract_body):
    [figure] = extract_body("Support for the mayor fell 4% in the latest survey.").figures
    assert (figure.change, change_tone(figure)) == ("decrease", "")


def test_a_level_a_change_starts_from_has_no_direction(extract_body):
    figures = extract_body("Her support fell to 41% from 46% in June.").figures
    assert [f.change for f in figures] == [None, None]


def test_a_range_is_shown_with_a_dash(extract_body):
    [figure] = extract_body("Turnout moved from 4.5 percent to 3.9 percent.").figures
    assert format_amount(figure) == "4.5\u20133.9%"


def test_a_duration_gets_no_card(extract_body):
    assert cards(extract_body("The bridge repairs of the east span lasted 14 months.")) == []


def test_a_measure_that_names_an_actor_gets_no_card(extract_body):
    extraction = extract_body("Senator Carlos Ruiz won 52% in the runoff.")
    assert [f.measure for f in extraction.figures] == ["Senator Carlos Ruiz"]
    assert cards(extraction) == []


def test_a_loss_of_jobs_is_bad_news_and_a_loss_of_money_has_no_colour(extract_body):
    [jobs] = extract_body("The closure would cause the loss of 1,200 factory jobs.").figures
    [money] = extract_body("The ferry line reported a loss of $3 million.").figures
    assert (jobs.change, change_tone(jobs)) == ("decrease", "bad")
    assert (money.change, change_tone(money)) == ("decrease", "")


def test_a_comparison_or_a_phrasal_verb_is_no_change(extract_body):
    lower = extract_body("The new levy is far lower than the old 30 percent charge.").figures
    make_up = extract_body("Students make up nearly 40 percent of all riders.").figures
    assert [f.change for f in (*lower, *make_up)] == [None, None]


def test_a_group_named_by_a_share_gets_no_card(extract_body):
    extraction = extract_body("Under the plan the top 5 percent of earners would pay more.")
    assert extraction.figures and cards(extraction) == []


def test_the_card_names_who_reports_the_figure(extract_body):
    named = extract_body("Fares rose 8% in May, according to the regional Transit Board.")
    unnamed = extract_body("Fares rose 8% in May, according to the latest survey.")
    assert [f.source for f in (*named.figures, *unnamed.figures)] == ["Transit Board", "the latest survey"]


def test_a_generic_measure_alone_gets_no_card(extract_body):
    assert cards(extract_body("Short stays would face a 22 percent rate.")) == []
    assert cards(extract_body("Short stays would face a 22 percent rate of city tax.")) == ["22 percent"]


def test_the_whole_a_share_is_of_gets_no_card(extract_body):
    every = extract_body("About $4 of every $5 of bus fares paid for fuel.")
    assert [f.measure for f in every.figures] == ["", "bus fares"]
    assert cards(every) == []


def test_worth_of_is_no_measure(extract_body):
    [figure] = extract_body("The port handled $2 million worth of grain.").figures
    assert figure.measure == "grain"


@pytest.mark.parametrize(
    "text",
    [
        "In the runoff, Mayor Ana Ruiz leads Tomas Berg by 12 points.",
        "Retired surgeon Ana Ruiz won 52% in the runoff.",
        "The survey found 41% undecided about the levy.",
        "The latest city survey shows 48% support for the levy.",
        "Donors gave tens of thousands of crowns last week to the choir.",
        "The harbour fees start at $100 a berth.",
        "The clinic is in need of 40 nurses.",
        "The levy is unpopular at 38 percent.",
        "Their 28% backing gives them a lead over the field.",
        "The harbour board hopes to add 300 berths.",
        "The levy is backed by donors in recent years worth $300,000.",
    ],
)
def test_a_figure_without_a_meaningful_measure_gets_no_card(extract_body, text):
    assert cards(extract_body(text)) == []


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("The harbour tax rate rose to 4.5% this year.", "4.5%"),
        ("The port charges a 12% harbour levy on imported cars.", "12%"),
        (
            "Bus fares rose from $2 last spring to $2.40 in May, according to the transit agency.",
            "$2 last spring to $2.40",
        ),
    ],
)
def test_a_figure_with_what_it_measures_gets_a_card(extract_body, text, card):
    assert cards(extract_body(text)) == [card]


def test_a_currency_with_a_rate_is_written_before_the_number(extract_body):
    [figure] = extract_body("Cleaners earn $15 an hour at the depot.").figures
    assert format_amount(figure) == "$15 an hour"
