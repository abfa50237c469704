"""Extraction on small hand-written articles: quotes and speakers, figures, actors."""

from __future__ import annotations

import pytest


def only(items):
    assert len(items) == 1, items
    return items[0]


def actor_named(extraction, name):
    return next(a for a in extraction.actors if a.name == name)


# Quotes and speakers


def test_quote_with_she_said_goes_to_the_previous_woman(extract_body):
    extraction = extract_body(
        'Governor Maria Lopez met Senator Carlos Ruiz in the capital. "We found common ground," she said.'
    )
    quote = only(extraction.quotes)
    assert quote.text == "We found common ground"
    assert quote.speaker == "Maria Lopez"
    assert quote.kind == "full"


def test_quote_with_he_said_goes_to_the_previous_man(extract_body):
    extraction = extract_body(
        'Senator Carlos Ruiz met Governor Maria Lopez in the capital. "The talks went well," he said.'
    )
    assert only(extraction.quotes).speaker == "Carlos Ruiz"


def test_name_then_said_colon_before_the_quote(extract_body):
    extraction = extract_body('Peter Hall said: "We will rebuild the bridge."')
    quote = only(extraction.quotes)
    assert quote.speaker == "Peter Hall"
    assert quote.text.startswith("We will rebuild the bridge")


def test_said_and_name_after_the_quote(extract_body):
    extraction = extract_body('"The budget is balanced," said Peter Hall.')
    assert only(extraction.quotes).speaker == "Peter Hall"


def test_according_to_after_the_quote(extract_body):
    extraction = extract_body(
        'The report came out on Friday. "Costs are rising fast," according to the Harbor Authority.'
    )
    quote = only(extraction.quotes)
    assert quote.speaker == "Harbor Authority"
    assert actor_named(extraction, "Harbor Authority").type == "organization"


def test_according_to_before_the_quote(extract_body):
    extraction = extract_body('According to Peter Hall, "the bridge is safe."')
    assert only(extraction.quotes).speaker == "Peter Hall"


def test_single_quote_style_keeps_apostrophes_inside_words(extract_body):
    extraction = extract_body(
        "Officials praised Mexico's new plan. 'Mexico's plan is working,' Peter Hall said."
    )
    quote = only(extraction.quotes)
    assert quote.text == "Mexico's plan is working"
    assert quote.speaker == "Peter Hall"


def test_quote_text_drops_the_comma_before_the_closing_mark(extract_body):
    extraction = extract_body("'The agreement protects our farmers,' Luis Ortega said.")
    assert only(extraction.quotes).text == "The agreement protects our farmers"


def test_two_word_scare_quote_is_a_term(extract_body):
    extraction = extract_body("The plan, a 'paper tiger' to its critics, passed on Monday.")
    quote = only(extraction.quotes)
    assert (quote.text, quote.kind) == ("paper tiger", "term")


def test_few_words_in_a_sentence_reporting_speech_are_a_partial_quote(extract_body):
    extraction = extract_body("Critics called the plan a 'paper tiger' during the debate.")
    quote = only(extraction.quotes)
    assert (quote.text, quote.kind) == ("paper tiger", "partial")


def test_quoted_fragment_inside_a_sentence_is_partial(extract_body):
    extraction = extract_body(
        "Peter Hall said the new bridge would be 'safer for everyone who crosses it' soon."
    )
    quote = only(extraction.quotes)
    assert quote.kind == "partial"
    assert quote.speaker == "Peter Hall"


def test_quote_repeated_in_summary_and_body_is_kept_once(extract_body):
    sentence = '"The budget is balanced," Peter Hall said.'
    extraction = extract_body(sentence, "Nothing else happened.", summary=sentence)
    quote = only(extraction.quotes)
    assert quote.text == "The budget is balanced"
    assert quote.span.sentence == 0


def test_quote_span_points_at_the_quoted_words(extract_body):
    extraction = extract_body('The vote was close. "We won," Peter Hall said.')
    quote = only(extraction.quotes)
    sentence = extraction.sentences[quote.span.sentence]
    assert sentence.text[quote.span.start : quote.span.end] == "We won,"


def test_unclosed_quote_is_reported_with_its_line(extract_body):
    extraction = extract_body("The vote was close.", 'Peter Hall said "we will be back next year.')
    problem = only(extraction.problems)
    assert problem.source == "seeds/test.txt"
    assert problem.line == 9
    assert problem.message.startswith("quote opened but never closed: 'we will be back")
    assert extraction.quotes == ()


def test_unclosed_quote_names_the_line_of_the_paragraph_where_it_opens(extract_body):
    # A paragraph of three lines of the file (a block without blank lines): the quote opens on the third.
    extraction = extract_body(
        "The vote was close.", 'Turnout was high.\nMany stayed home.\nShe said "no more.'
    )
    problem = only(extraction.problems)
    assert problem.line == 11
    assert problem.message.startswith("quote opened but never closed: 'no more.")


def test_doubled_apostrophes_closing_a_nested_quote_close_it(extract_body):
    extraction = extract_body("The director, ''won me over with 'trust,''' Ms. Lane wrote.")
    assert extraction.problems == ()
    assert only(extraction.quotes).text == "won me over with 'trust,'"


def test_short_quote_with_a_speaker_is_partial_not_a_term(extract_body):
    extraction = extract_body("Peter Hall called the toll plan 'daylight robbery' on Monday.")
    quote = only(extraction.quotes)
    assert (quote.text, quote.kind, quote.speaker) == ("daylight robbery", "partial", "Peter Hall")


def test_quoted_word_between_determiner_and_noun_is_a_term(extract_body):
    extraction = extract_body("Peter Hall criticized the council's 'temporary' budget on Monday.")
    assert only(extraction.quotes).kind == "term"


def test_fragment_repeating_an_earlier_quote_is_kept_once(extract_body):
    extraction = extract_body(
        "Mayor Ann Weber said the works were 'far ahead of schedule' this spring.",
        "Later the mayor called the works 'far ahead' again.",
    )
    assert [q.text for q in extraction.quotes] == ["far ahead of schedule"]


def test_speech_verb_in_a_new_clause_after_the_quote_is_not_its_cue(extract_body):
    extraction = extract_body(
        "Peter Hall met Ann Weber at the port.",
        '"We can pay for it," Peter Hall said later, and the film shows him saying "We can pay" when Weber '
        "questioned the cost.",
    )
    quote = next(q for q in extraction.quotes if q.text == "We can pay")
    assert quote.speaker != "Ann Weber"


def test_subject_with_appositives_joined_by_and(extract_body):
    extraction = extract_body(
        "Ann Weber, an adviser on roads and bridges and a lecturer at Lakeside College, said that "
        "the council was 'looking hard' at the tolls."
    )
    assert only(extraction.quotes).speaker == "Ann Weber"


def test_as_name_put_it(extract_body):
    extraction = extract_body(
        "As Ann Weber, a planner at the port, once put it, \u201cWho pays for the bridge?\u201d"
    )
    assert only(extraction.quotes).speaker == "Ann Weber"


def test_gerund_after_a_preposition_takes_the_sentence_subject(extract_body):
    extraction = extract_body(
        "Ann Weber waved to Peter Hall before asking him, \u201cWhere is the money?\u201d"
    )
    assert only(extraction.quotes).speaker == "Ann Weber"


@pytest.mark.parametrize(
    "sentence",
    [
        "In March, Peter Hall dismissed the survey as 'a wish list' for developers.",
        "Another critic, Peter Hall, likened the survey to 'a wish list' for developers.",
    ],
)
def test_quote_without_a_cue_goes_to_the_sentence_subject(extract_body, sentence):
    extraction = extract_body("The survey came out on Friday.", sentence)
    assert only(extraction.quotes).speaker == "Peter Hall"


def test_transcript_turns_are_separate_quotes_with_their_speakers(extract_body):
    extraction = extract_body(
        "Governor Ann Weber spoke to the host, Tom Reyes, on Sunday.",
        '"REYES: Will the bridge open this year?',
        '"(CROSSTALK.)',
        '"WEBER: It will open in the spring, and it will be paid for.',
        '"REYES: Thank you, Governor."',
    )
    assert [(q.text[:12], q.speaker) for q in extraction.quotes] == [
        ("REYES: Will ", "Tom Reyes"),
        ("WEBER: It wi", "Ann Weber"),
        ("REYES: Thank", "Tom Reyes"),
    ]


def test_dateline_in_capitals_is_not_a_speaker(extract_body):
    extraction = extract_body(
        "LAKESIDE -- The mayor, opening the new bridge on Saturday, said it was "
        "\u201ca bridge for everyone who lives here.\u201d"
    )
    assert only(extraction.quotes).speaker is None
    assert "LAKESIDE" not in {a.name for a in extraction.actors}


def test_cue_of_a_reported_clause_is_the_verb_before_it(extract_body):
    extraction = extract_body(
        "Mayor Ann Weber, opening the bridge on Saturday, told guests it would stand as a story of "
        "\u201cpatience and hard work by the whole town.\u201d"
    )
    assert only(extraction.quotes).speaker == "Ann Weber"


# Figures


def test_percent_with_reduction_is_a_decrease(extract_body):
    figure = only(extract_body("The city saw a 12% reduction in traffic deaths.").figures)
    assert (figure.value, figure.unit, figure.text) == (12.0, "%", "12%")
    assert figure.change == "decrease"
    assert figure.measure == "traffic deaths"


def test_percent_rise_is_an_increase(extract_body):
    figure = only(extract_body("Rents rose 7 percent in the capital last year.").figures)
    assert (figure.value, figure.unit, figure.change) == (7.0, "%", "increase")


def test_up_to_is_a_qualifier(extract_body):
    figure = only(extract_body("Officials seized up to 45 tons of cocaine.").figures)
    assert (figure.value, figure.unit, figure.qualifier) == (45.0, "tons", "up to")
    assert figure.measure == "cocaine"


def test_dollar_billions(extract_body):
    figures = extract_body("The program will cost $1.2 billion to build.").figures
    figure = only(figures)
    assert figure.value == 1.2e9
    assert figure.unit == "$"
    assert figure.text == "$1.2 billion"


def test_thousands_separator(extract_body):
    figure = only(extract_body("The port handled 2,500 containers on Monday.").figures)
    assert (figure.value, figure.unit) == (2500.0, "containers")


def test_years_and_dates_are_not_figures(extract_body):
    extraction = extract_body("In 2024 the council met on March 3 and again on 12 June.")
    assert extraction.figures == ()


def test_times_of_day_are_not_figures(extract_body):
    assert extract_body("The council met at 9 a.m. and again at 10:30 on Monday.").figures == ()


def test_spelled_count_of_things_is_a_count_of_those_things(extract_body):
    figure = only(extract_body("The mayor announced three concrete steps.").figures)
    assert (figure.value, figure.unit) == (3.0, "concrete steps")


def test_spelled_number_without_what_it_counts_is_not_a_figure(extract_body):
    assert extract_body("Three of the members voted against it.").figures == ()


def test_spelled_number_with_a_unit_is_a_figure(extract_body):
    figure = only(extract_body("The meeting lasted three hours.").figures)
    assert (figure.value, figure.unit, figure.text) == (3.0, "hours", "three hours")


def test_figure_source_after_reported_by(extract_body):
    extraction = extract_body("Exports fell 8 percent in the quarter, as reported by the Central Bank.")
    figure = only(extraction.figures)
    assert figure.source == "Central Bank"


def test_figure_repeated_in_summary_and_body_is_kept_once(extract_body):
    extraction = extract_body(
        "Officials reported a 12% reduction in traffic deaths.",
        summary="Traffic deaths fell 12% this year.",
    )
    figure = only(extraction.figures)
    assert (figure.value, figure.change) == (12.0, "decrease")


def test_figure_span_points_at_its_text(extract_body):
    extraction = extract_body("The city saw a 12% reduction in traffic deaths.")
    figure = only(extraction.figures)
    sentence = extraction.sentences[figure.span.sentence]
    assert sentence.text[figure.span.start : figure.span.end] == figure.text


# Actors


def test_title_and_demonym_become_role_and_country(extract_body):
    extraction = extract_body("Mexican President Ana Torres opened the summit.")
    person = actor_named(extraction, "Ana Torres")
    assert person.type == "person"
    assert person.role == "Mexican President"
    assert "Mexican President Ana Torres" in person.aliases
    assert actor_named(extraction, "Mexico").type == "country"
    assert len(extraction.actors) == 2


def test_surname_alone_joins_the_full_name(extract_body):
    extraction = extract_body("Peter Hall opened the meeting. Later, Hall closed it.")
    person = only(extraction.actors)
    assert person.name == "Peter Hall"
    assert person.aliases == ("Hall",)
    assert person.mentions == 2


def test_acronym_defined_after_it_gives_one_organisation(extract_body):
    extraction = extract_body(
        "Agents of the FBI (Federal Bureau of Investigation) searched the office. "
        "The FBI declined to comment."
    )
    organisation = only(extraction.actors)
    assert organisation.name == "Federal Bureau of Investigation"
    assert organisation.type == "organization"
    assert organisation.aliases == ("FBI",)
    assert organisation.mentions == 2


def test_acronym_defined_before_it_gives_one_organisation(extract_body):
    extraction = extract_body(
        "The Federal Bureau of Investigation (FBI) searched the office. The FBI declined to comment."
    )
    organisation = only(extraction.actors)
    assert organisation.name == "Federal Bureau of Investigation"
    assert organisation.aliases == ("FBI",)


def test_acronym_in_its_only_definition_is_an_alias(extract_body):
    extraction = extract_body("Agents of the FBI (Federal Bureau of Investigation) searched the office.")
    assert only(extraction.actors).aliases == ("FBI",)


@pytest.mark.parametrize("opener", ["Meanwhile", "First", "However", "Still"])
def test_sentence_initial_function_word_is_not_an_actor(extract_body, opener):
    extraction = extract_body(f"{opener}, the council met again. {opener} Peter Hall spoke.")
    assert [a.name for a in extraction.actors] == ["Peter Hall"]


def test_country_name_is_a_country(extract_body):
    extraction = extract_body("Officials from Brazil and Chile met in the capital.")
    assert {(a.name, a.type) for a in extraction.actors} == {("Brazil", "country"), ("Chile", "country")}


def test_every_speaker_is_one_of_the_actors(extract_body):
    extraction = extract_body(
        "The hearing ran late into the night.",
        "Said Ellis: \u201cWe will not give up on this plan.\u201d",
    )
    names = {actor.name for actor in extraction.actors}
    assert extraction.quotes
    assert all(quote.speaker is None or quote.speaker in names for quote in extraction.quotes)


def test_lone_name_before_administration_is_a_person(extract_body):
    extraction = extract_body("The plan was backed by the Halvorsen administration last year.")
    assert (only(extraction.actors).name, only(extraction.actors).type) == ("Halvorsen", "person")


def test_lone_name_before_an_organisation_noun_is_an_organisation(extract_body):
    extraction = extract_body("The Brightwater newspaper chain lodged an appeal on Monday.")
    assert (only(extraction.actors).name, only(extraction.actors).type) == ("Brightwater", "organization")


@pytest.mark.parametrize("name", ["VoteCounter", "AFL-CIO"])
def test_brand_and_hyphenated_acronym_are_organisations(extract_body, name):
    extraction = extract_body(f"The numbers came from {name} this week.")
    assert (only(extraction.actors).name, only(extraction.actors).type) == (name, "organization")


def test_surname_prefix_is_not_a_brand(extract_body):
    extraction = extract_body("The numbers came from McAllister this week.")
    assert (only(extraction.actors).name, only(extraction.actors).type) == ("McAllister", "person")


def test_lone_name_inside_prose_is_an_actor(extract_body):
    extraction = extract_body("The numbers came from Velto this week, and Anna agreed.")
    assert [(a.name, a.type) for a in extraction.actors] == [("Velto", "organization"), ("Anna", "person")]


@pytest.mark.parametrize("word", ["Bonds", "We've", "C-4", "Harbor-based"])
def test_lone_word_that_is_no_plain_name_is_no_actor(extract_body, word):
    assert extract_body(f"The numbers came from {word} this week.").actors == ()


def test_lone_word_in_a_title_case_line_is_no_actor(extract_body):
    assert extract_body("Harbor Numbers Slip, Velto to Stay").actors == ()


def test_people_of_a_place_are_a_group(extract_body):
    extraction = extract_body("The plan angered the Europeans at the summit.")
    assert (only(extraction.actors).name, only(extraction.actors).type) == ("Europeans", "group")


def test_source_after_according_to_a_survey_is_an_actor(extract_body):
    extraction = extract_body("Turnout fell, according to a recent Kestrel survey of voters.")
    assert [a.name for a in extraction.actors] == ["Kestrel"]


def test_plural_noun_opening_a_sentence_is_not_made_a_speaker(extract_body):
    extraction = extract_body("Residents called the toll 'a disaster' at the meeting.")
    assert extraction.actors == ()


def test_transcript_label_is_the_person_named_in_full(extract_body):
    extraction = extract_body(
        "Senator Ruth Okafor spoke on the radio.", '"OKAFOR: We will vote for the bridge."'
    )
    assert only(extraction.quotes).speaker == "Ruth Okafor"
    assert [a.name for a in extraction.actors] == ["Ruth Okafor"]


def test_state_before_a_title_is_part_of_the_role(extract_body):
    extraction = extract_body("New Mexico Gov. Rosa Villanueva signed the bill.")
    person = only([a for a in extraction.actors if a.type == "person"])
    assert (person.name, person.role) == ("Rosa Villanueva", "New Mexico Gov.")


def test_state_of_several_words_is_a_place_not_a_person(extract_body):
    extraction = extract_body("The storm reached West Virginia on Sunday. It moved on later.")
    assert [(a.name, a.type) for a in extraction.actors] == [("West Virginia", "place")]


def test_capitalised_words_joined_by_a_function_word_are_no_person(extract_body):
    extraction = extract_body("Ann Weber ran on the slogan Build Back With Pride last year.")
    assert [a.name for a in extraction.actors] == ["Ann Weber"]


def test_the_title_alone_resolves_to_its_only_holder(extract_body):
    extraction = extract_body("Mayor Ann Weber opened the bridge.", "Later the mayor thanked the builders.")
    assert only(extraction.actors).mentions == 2


def test_weekday_after_a_name_is_not_part_of_it(extract_body):
    extraction = extract_body("Peter Hall Tuesday rejected the plan.")
    assert [a.name for a in extraction.actors] == ["Peter Hall"]


def test_place_named_as_a_venue_is_not_an_actor(extract_body):
    extraction = extract_body("Peter Hall spoke in Lakeside County on Friday.")
    assert [a.name for a in extraction.actors] == ["Peter Hall"]


def test_titles_of_local_councillors_are_roles(extract_body):
    extraction = extract_body("Councillor Maria Okafor voted against the plan.")
    [person] = [a for a in extraction.actors if a.type == "person"]
    assert (person.name, person.role) == ("Maria Okafor", "Councillor")


def test_figure_measure_is_the_object_of_a_change_verb(extract_body):
    extraction = extract_body("The council raised bus fares by 5% in March.")
    [figure] = extraction.figures
    assert (figure.measure, figure.change) == ("bus fares", "increase")


def test_a_source_that_only_reports_is_an_organisation(extract_body):
    extraction = extract_body("Tax receipts fell sharply last year, Bloombury reported on Monday.")
    assert ("Bloombury", "organization") in [(a.name, a.type) for a in extraction.actors]


def test_a_hyphenated_demonym_is_a_group(extract_body):
    extraction = extract_body("Turnout among African-American voters rose in the city.")
    assert ("African-American", "group") in [(a.name, a.type) for a in extraction.actors]


def test_a_direction_before_a_state_is_a_place_and_based_is_no_name(extract_body):
    extraction = extract_body("Lena Brandt, a South Florida-based organizer, said North Florida gained most.")
    names = {a.name: a.type for a in extraction.actors}
    assert "South Florida-based" not in names
    assert names["North Florida"] == "place"
