"""More constructions the extraction issue names, each on a small hand-written example."""

from __future__ import annotations

import pytest

from generator.extract.actors import Cast
from generator.extract.speakers import Attributor, Position
from generator.model import Actor, Paragraph
from generator.resolve import resolve_site
from generator.sentences import split_sentences


def test_doubled_apostrophes_are_quote_marks(extract_body):
    extraction = extract_body("''We will not back down,'' said Governor Maria Lopez.")
    [quote] = extraction.quotes
    assert (quote.text, quote.speaker) == ("We will not back down", "Maria Lopez")


def test_quote_running_over_paragraphs_is_one_quote(extract_body):
    extraction = extract_body(
        "Mayor Peter Hall spoke first. \u201cThe bridge is old and the river is rising.",
        "\u201cWe cannot wait another winter,\u201d Hall said.",
    )
    [quote] = [q for q in extraction.quotes if q.kind != "term"]
    assert quote.text.startswith("The bridge is old") and quote.text.endswith("another winter")
    assert quote.speaker == "Peter Hall"


def test_quote_nested_inside_a_quote_stays_inside(extract_body):
    extraction = extract_body(
        "\u201cThey told us \u2018wait until spring,\u2019 and we waited,\u201d Councillor Maria Okafor said."
    )
    [quote] = extraction.quotes
    assert "wait until spring" in quote.text
    assert quote.speaker == "Maria Okafor"


def test_single_quote_nested_in_a_single_quote_stays_inside(extract_body):
    extraction = extract_body(
        "'They told us 'wait until spring,' and we waited,' Councillor Maria Okafor said."
    )
    [quote] = extraction.quotes
    assert quote.text == "They told us 'wait until spring,' and we waited"
    assert quote.speaker == "Maria Okafor"


def test_nested_quote_next_to_its_outer_mark_keeps_single_style(extract_body):
    extraction = extract_body(
        "'The sign read 'closed for winter'' Mayor Peter Hall said. 'We reopen in May,' he added."
    )
    assert [q.text for q in extraction.quotes] == ["The sign read 'closed for winter'", "We reopen in May"]


def test_a_closing_mark_typed_without_a_space_after_it_closes_the_quote(extract_body):
    extraction = extract_body("\u201cThe count was fair,\u201dAna Ruiz said. \u201cWe checked.\u201d")
    assert [q.text for q in extraction.quotes] == ["The count was fair", "We checked."]


def test_an_inch_mark_does_not_close_a_quote(extract_body):
    extraction = extract_body("\u201cThey say I am short, but I am 5\u201911\u201d,\u201d Ana Ruiz said.")
    assert [(q.text, q.speaker) for q in extraction.quotes] == [
        ("They say I am short, but I am 5\u201911\u201d", "Ana Ruiz")
    ]


def test_plural_possessive_does_not_close_a_single_quote(extract_body):
    extraction = extract_body("'We heard the farmers' worries,' Mayor Peter Hall said.")
    [quote] = extraction.quotes
    assert quote.text == "We heard the farmers' worries"


def test_organisation_speaks_in_a_statement(extract_body):
    extraction = extract_body(
        "The Transport Agency published its report on Monday. "
        "In a statement, the agency said that \u201cthe network needs new trains.\u201d"
    )
    [quote] = extraction.quotes
    assert quote.speaker == "Transport Agency"


def test_the_agency_is_not_resolved_when_two_agencies_are_named(extract_body):
    extraction = extract_body(
        "The Transport Agency met the Water Agency on Monday. "
        "In a statement, the agency said that \u201cthe network needs new trains.\u201d"
    )
    [quote] = extraction.quotes
    assert quote.speaker is None


def test_tweeted_is_a_cue(extract_body):
    extraction = extract_body("\u201cA great day for the harbor,\u201d Mayor Peter Hall tweeted.")
    assert [q.speaker for q in extraction.quotes] == ["Peter Hall"]


def test_currency_code_with_scale(extract_body):
    extraction = extract_body("The state will spend MXN 5 million on new schools.")
    [figure] = extraction.figures
    assert (figure.value, figure.unit) == (5_000_000, "MXN")


def test_a_dozen_is_twelve(extract_body):
    extraction = extract_body("The council closed a dozen schools last year.")
    assert [(f.value, f.unit) for f in extraction.figures] == [(12, "schools")]


def test_qualifiers_nearly_and_more_than(extract_body):
    extraction = extract_body("Nearly 2,000 homes lost power and more than 300 roads closed.")
    assert [(f.value, f.qualifier) for f in extraction.figures] == [(2000, "nearly"), (300, "more than")]


def test_range_is_one_figure_with_both_ends(extract_body):
    extraction = extract_body("Officials expect between 40 and 60 buses to run on Sunday.")
    assert [(f.value, f.range_end, f.unit) for f in extraction.figures] == [(40, 60, "buses")]


def test_the_same_actor_has_the_same_slug_in_every_brief(extract_body):
    first = extract_body("Mayor Peter Hall opened the bridge.")
    second = extract_body("Peter Hall, the mayor, closed the road.")
    site = resolve_site([first, second])
    slugs = {brief.actor_slugs["Peter Hall"] for brief in site.briefs}
    assert slugs == {"peter-hall"}


def test_a_less_common_speech_verb_is_a_cue(extract_body):
    extraction = extract_body("\u201cThe harbor never sleeps,\u201d mused Mayor Peter Hall.")
    assert [q.speaker for q in extraction.quotes] == ["Peter Hall"]


def test_the_person_named_last_after_said_speaks_not_the_one_in_the_title(extract_body):
    extraction = extract_body(
        "Governor Maria Lopez toured the port. "
        "\u201cThe port will reopen,\u201d said Lopez campaign manager Ana Ruiz."
    )
    [quote] = extraction.quotes
    assert quote.speaker == "Ana Ruiz"


def test_a_quote_opening_a_paragraph_runs_on_from_the_paragraph_before(extract_body):
    extraction = extract_body(
        "\u201cThe dam is safe,\u201d said engineer Peter Hall. Governor Maria Lopez disagreed.",
        "\u201cWe checked every wall twice.\u201d",
    )
    assert [q.speaker for q in extraction.quotes] == ["Peter Hall", "Peter Hall"]


def test_the_source_reporting_a_cue_is_the_speaker(extract_body):
    extraction = extract_body(
        "\u201cWe will rebuild,\u201d Mayor Peter Hall said, according to the Harbor Gazette."
    )
    [quote] = extraction.quotes
    assert quote.speaker == "Harbor Gazette"


def test_the_person_named_after_a_title_set_off_by_commas_speaks(extract_body):
    extraction = extract_body(
        "Governor Maria Lopez toured the port. "
        "\u201cThe port will reopen,\u201d said Lopez\u2019s deputy campaign manager, Ana Ruiz, on Monday."
    )
    [quote] = extraction.quotes
    assert quote.speaker == "Ana Ruiz"


def test_a_place_does_not_speak(extract_body):
    extraction = extract_body("The treaty was signed. \u201cIt is a fair deal,\u201d a Texas official said.")
    [quote] = extraction.quotes
    assert quote.speaker is None


def test_a_country_named_in_full_speaks_for_its_government(extract_body):
    extraction = extract_body("France signed the treaty. \u201cIt is a fair deal,\u201d France said.")
    [quote] = extraction.quotes
    assert quote.speaker == "France"


def test_every_attribution_has_a_confidence(extract_body):
    extraction = extract_body(
        "\u201cThe dam is safe,\u201d said engineer Peter Hall.",
        "Governor Maria Lopez met Senator Ana Ruiz. \u201cThe talks went well,\u201d she said.",
    )
    named, through_a_pronoun = extraction.quotes
    assert named.is_certain and named.confidence > through_a_pronoun.confidence > 0
    assert through_a_pronoun.speaker and not through_a_pronoun.is_certain


def test_subject_of_a_gerund_past_an_opening_phrase(extract_body):
    extraction = extract_body(
        "Speaking in the harbor town, Mayor Peter Hall went after Maria Lopez, calling her plan "
        "\u201ca bridge to nowhere.\u201d"
    )
    [quote] = extraction.quotes
    assert quote.speaker == "Peter Hall"


def test_inverted_cue_at_the_end_of_a_sentence_that_goes_on_after_the_quote(extract_body):
    extraction = extract_body(
        "\u201cThe vote was close,\u201d since most members abstained, said Councillor Maria Okafor."
    )
    [quote] = extraction.quotes
    assert quote.speaker == "Maria Okafor"


def test_an_opening_mark_typed_for_a_closing_one_closes_the_quote(extract_body):
    extraction = extract_body("\u201cIt is unusual,\u201c said Mayor Peter Hall.")
    [quote] = extraction.quotes
    assert (quote.text, quote.speaker) == ("It is unusual", "Peter Hall")


def test_a_surname_found_speaking_without_a_mention_is_the_actor_of_that_surname():
    sentences = split_sentences([Paragraph("\u201cIt is a mistake,\u201d Okafor said.", 1)])
    cast = Cast((Actor("Ana Okafor", "person", None, (), 1, 0),), ())
    speaker = Attributor(sentences, cast).find_speaker(Position(0, 1), Position(0, 17), "It is a mistake")
    assert speaker is not None and (speaker.name, speaker.is_known) == ("Ana Okafor", True)


@pytest.mark.parametrize(
    ("actor_type", "expected"), [("organization", ("Ana Okafor", True)), ("place", ("Okafor", False))]
)
def test_a_surname_found_speaking_may_be_the_last_word_of_an_organisations_name(actor_type, expected):
    # A person's name typed an organisation for want of evidence still speaks; a place does not.
    sentences = split_sentences([Paragraph("\u201cIt is a mistake,\u201d Okafor said.", 1)])
    cast = Cast((Actor("Ana Okafor", actor_type, None, (), 1, 0),), ())
    speaker = Attributor(sentences, cast).find_speaker(Position(0, 1), Position(0, 17), "It is a mistake")
    assert speaker is not None and (speaker.name, speaker.is_known) == expected


def test_a_verb_with_its_particle_is_a_cue(extract_body):
    extraction = extract_body(
        "After Mayor Peter Hall criticized the budget, Governor Maria Lopez shot back, "
        "\u201cThe budget is sound.\u201d"
    )
    [quote] = extraction.quotes
    assert quote.speaker == "Maria Lopez"


def test_said_an_unnamed_speaker_described_by_a_capitalised_name(extract_body):
    extraction = extract_body("\u201cIt is a fair deal,\u201d said a Vermont Republican.")
    assert [q.speaker for q in extraction.quotes] == ["Vermont Republican"]


def test_a_supporter_is_not_the_voice_of_the_one_supported(extract_body):
    extraction = extract_body(
        "Mayor Peter Hall spoke on Monday. \u201cIt is a fair deal,\u201d wrote one Hall supporter."
    )
    assert [q.speaker for q in extraction.quotes] == [None]
