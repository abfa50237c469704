"""Speakers found by construction where no listed cue stands next to the quote (invented examples)."""

from __future__ import annotations

import pytest


def speakers(extraction):
    return [(q.text, q.speaker) for q in extraction.quotes if q.kind != "term"]


def test_a_title_in_quote_marks_does_not_break_a_run_of_quotes(extract_body):
    extraction = extract_body(
        "\u201cThe river is rising,\u201d Mayor Peter Hall told the \u201cMorning Ledger\u201d on Monday. "
        "\u201cWe will open the shelters tonight.\u201d"
    )
    assert speakers(extraction) == [
        ("The river is rising", "Peter Hall"),
        ("We will open the shelters tonight.", "Peter Hall"),
    ]


def test_any_verb_after_a_quote_closed_on_a_comma_is_its_cue(extract_body):
    extraction = extract_body(
        "Governor Maria Lopez spoke after the vote. \u201cThey gave us nothing,\u201d Lopez fumed."
    )
    assert speakers(extraction) == [("They gave us nothing", "Maria Lopez")]


def test_a_verb_after_a_quote_not_closed_on_a_comma_is_no_cue(extract_body):
    extraction = extract_body("The \u201cHarbor Plan\u201d Maria Lopez drafted was approved by the council.")
    assert all(q.speaker is None for q in extraction.quotes)


def test_a_sentence_opening_on_a_speech_verb_names_its_speaker_after_it(extract_body):
    extraction = extract_body(
        "Mayor Peter Hall and Governor Maria Lopez met on Monday.",
        "Continued Lopez: \u201cThe budget is sound.\u201d",
    )
    assert speakers(extraction) == [("The budget is sound.", "Maria Lopez")]


def test_a_quote_standing_alone_is_the_subject_of_the_sentence_before(extract_body):
    extraction = extract_body(
        "Governor Maria Lopez praised the volunteers on Monday. \u201cThey worked through the night.\u201d"
    )
    assert speakers(extraction) == [("They worked through the night.", "Maria Lopez")]


def test_a_sentence_ending_on_a_cue_credits_the_quotes_before_it(extract_body):
    extraction = extract_body(
        "Mayor Peter Hall visited the dam. "
        "The repairs were \u201cfar too slow,\u201d and the water kept rising, Governor Maria Lopez said."
    )
    assert speakers(extraction) == [("far too slow", "Maria Lopez")]


def test_the_cue_after_a_clause_that_follows_the_quote(extract_body):
    extraction = extract_body(
        "\u201cWe counted every vote,\u201d since the count had been close, said Ana Ruiz, a clerk, "
        "who didn't expect a recount."
    )
    assert speakers(extraction) == [("We counted every vote", "Ana Ruiz")]


def test_the_person_holding_a_post_speaks_not_the_one_the_post_serves(extract_body):
    extraction = extract_body(
        "Mayor Peter Hall announced the plan on Monday.",
        "Hall campaign spokesman Tomas Berg replied on radio, calling the criticism \u201cunfair.\u201d",
    )
    assert speakers(extraction) == [("unfair.", "Tomas Berg")]


def test_the_reporter_of_a_speech_verb_is_the_speaker(extract_body):
    extraction = extract_body(
        "Governor Maria Lopez said Mayor Peter Hall begged her to \u201ckeep the harbor open.\u201d"
    )
    assert speakers(extraction) == [("keep the harbor open.", "Maria Lopez")]


def test_a_gerund_goes_with_the_speech_verb_before_it(extract_body):
    extraction = extract_body(
        "Mayor Peter Hall's plan was rejected, Governor Maria Lopez said on Monday, noting the plan "
        "\u201ccosts too much.\u201d"
    )
    assert speakers(extraction) == [("costs too much.", "Maria Lopez")]


def test_a_name_labelling_a_quote_after_a_dash(extract_body):
    extraction = extract_body(
        "Mayor Peter Hall spoke on Monday.",
        "HARBOR WILL REOPEN - Peter Hall: \u201cThe repairs are done.\u201d",
    )
    assert speakers(extraction) == [("The repairs are done.", "Peter Hall")]


def test_a_capitalised_opening_word_does_not_stop_a_run_of_quotes(extract_body):
    extraction = extract_body(
        "Speaking after the vote, Governor Maria Lopez said the plan was \u201cdone\u201d and the money "
        "\u201calready spent.\u201d"
    )
    assert [speaker for _, speaker in speakers(extraction)] == ["Maria Lopez", "Maria Lopez"]


def test_a_run_of_quotes_may_end_on_its_cue(extract_body):
    extraction = extract_body(
        "The council met on Monday.",
        "\u201cWe waited too long.\u201d \u201cWe lost the bridge.\u201d \u201cThe river rose,\u201d "
        "Mayor Peter Hall said.",
    )
    assert [speaker for _, speaker in speakers(extraction)] == ["Peter Hall"] * 3


def test_a_phrase_after_a_quote_holds_no_subject_of_the_cue(extract_body):
    extraction = extract_body(
        "Governor Maria Lopez said the plan was \u201cunfair\u201d to Mayor Peter Hall and warned of delays."
    )
    assert speakers(extraction) == [("unfair", "Maria Lopez")]


def test_the_agent_of_a_passive_speech_verb_speaks(extract_body):
    extraction = extract_body(
        "Governor Maria Lopez was asked by Ana Ruiz, a reporter, whether the plan would "
        "\u201ccost too much.\u201d"
    )
    assert speakers(extraction) == [("cost too much.", "Ana Ruiz")]


def test_a_sentence_introducing_a_quote_with_a_colon_names_its_speaker(extract_body):
    extraction = extract_body(
        "When the dam broke, Mayor Peter Hall issued this statement:",
        "\u201cWe will rebuild the dam.\u201d",
    )
    assert speakers(extraction) == [("We will rebuild the dam.", "Peter Hall")]


def test_a_verb_added_with_but_shares_the_subject_of_the_verb_before(extract_body):
    extraction = extract_body(
        "Speaking at Acme Corporation headquarters, Governor Maria Lopez said the vote was close but added, "
        "\u201cWe won it fairly.\u201d"
    )
    assert speakers(extraction) == [("We won it fairly.", "Maria Lopez")]


def test_any_verb_after_a_described_name_after_a_quote_closed_on_a_comma(extract_body):
    extraction = extract_body(
        "Mayor Peter Hall spoke first. \u201cThe harbor will stay open,\u201d an angry Hall bristled."
    )
    assert speakers(extraction) == [("The harbor will stay open", "Peter Hall")]


def test_a_long_appositive_between_subject_and_verb(extract_body):
    extraction = extract_body(
        "On Monday, Governor Maria Lopez, a candidate for the Senate who has made the harbor and its "
        "bridges the centre of her campaign, admired the \u201cquiet courage\u201d of the crews."
    )
    assert speakers(extraction) == [("quiet courage", "Maria Lopez")]


def test_a_pronoun_stands_for_the_subject_before_a_nearer_name(extract_body):
    extraction = extract_body(
        "Governor Maria Lopez met Mayor Ana Ruiz on Monday. \u201cThe harbor will reopen,\u201d she said."
    )
    assert speakers(extraction) == [("The harbor will reopen", "Maria Lopez")]


def test_a_speech_verb_bare_after_a_name_is_the_noun_of_a_post(extract_body):
    extraction = extract_body(
        "\u201cThe bridge is safe,\u201d Acme Corporation press secretary Tomas Berg said Tuesday."
    )
    assert speakers(extraction) == [("The bridge is safe", "Tomas Berg")]


def test_a_gerund_right_after_a_quote_goes_with_the_subject_of_the_sentence(extract_body):
    extraction = extract_body(
        "Governor Maria Lopez welcomed the plan of Mayor Peter Hall as \u201ca fair deal,\u201d suggesting "
        "he would win the vote."
    )
    assert speakers(extraction) == [("a fair deal", "Maria Lopez")]


# Who speaks where a name stands inside the words around the speaker's (invented sentences).
SPEAKER_CASES = [
    pytest.param(
        "Governor Maria Lopez was not moved by Mayor Peter Hall's remarks, telling reporters, "
        "\u201cThe plan is late.\u201d",
        "Maria Lopez",
        id="a-noun-of-who-does-it-is-no-speech-verb",
    ),
    pytest.param(
        "Mayor Tomas Wills spoke first. "
        "Governor Maria Lopez was not moved by Wills' comments, telling them, \u201cThe plan is late.\u201d",
        "Maria Lopez",
        id="a-plural-possessive-makes-a-speech-verb-a-noun",
    ),
    pytest.param(
        "Mayor Peter Hall visited the dam. "
        "\u201cThe count was fair,\u201d said Harbour Watch director Ana Ruiz.",
        "Ana Ruiz",
        id="a-capitalised-function-word-inside-a-name",
    ),
    pytest.param(
        "\u201cThe dam will hold,\u201d Mayor Peter Hall's chief of staff, Tomas Berg, told reporters.",
        "Tomas Berg",
        id="a-named-persons-post-set-off-by-commas",
    ),
    pytest.param(
        "On Monday, Mayor Peter Hall's press aide, Tomas Berg, dismissed the report as "
        "\u201cpure fiction.\u201d",
        "Tomas Berg",
        id="a-post-set-off-by-commas-after-an-opening-phrase",
    ),
    pytest.param(
        "Mayor Peter Hall was charged on Monday. "
        "Hall's lawyer, Tomas Berg, went further: the charge was \u201ca stretch\u201d at best.",
        "Tomas Berg",
        id="a-quote-without-cue-in-a-sentence-opened-by-someones-post",
    ),
    pytest.param(
        "Ana Ruiz, a fellow at the Institute for Trade and Urban Studies, said, "
        "\u201cThe port is too small.\u201d",
        "Ana Ruiz",
        id="and-inside-a-name-starts-no-clause",
    ),
    pytest.param(
        "Ana Ruiz, a lawyer and Mayor Peter Hall's chief of staff, said the plan was \u201ca mistake.\u201d",
        "Ana Ruiz",
        id="and-joining-appositives-of-the-subject",
    ),
    pytest.param(
        "Mayor Peter Hall was away on Monday. Hall spokesman Tomas Berg met the press. "
        "\u201cThe plan is ready,\u201d he said.",
        "Tomas Berg",
        id="a-pronoun-stands-for-the-holder-of-the-post-opening-the-sentence-before",
    ),
    pytest.param(
        "\u201cThe talks went well,\u201d Ana Ruiz, deputy head of state protocol, said on Monday.",
        "Ana Ruiz",
        id="a-speech-verbs-form-after-of-is-a-noun",
    ),
    pytest.param(
        "The turnout did not surprise pollster Ana Ruiz: \u201cThe young voted early.\u201d",
        "Ana Ruiz",
        id="a-person-named-right-before-the-colon-opening-a-quote",
    ),
    pytest.param(
        "The lesson of the flood, says Ana Ruiz, a historian at Salem College, is that the town was "
        "\u201cnever ready.\u201d",
        "Ana Ruiz",
        id="a-cue-set-off-by-commas-inside-the-sentence",
    ),
    pytest.param(
        "The plan failed (Ana Ruiz, who drafted it, later said, \u201cWe were too slow.\u201d).",
        "Ana Ruiz",
        id="a-cue-in-parentheses-around-the-quote",
    ),
    pytest.param(
        "Ana Ruiz of Salem, Oregon says the mayor keeps \u201cmissing the point.\u201d",
        "Ana Ruiz",
        id="a-place-after-the-name-of-the-subject",
    ),
    pytest.param(
        "Mayor Peter Hall spoke first. "
        "\u201cThe count was fair,\u201d said former Salem Mayor and Harbour Party Chair Ana Ruiz.",
        "Ana Ruiz",
        id="and-joining-the-posts-of-a-name-after-the-cue",
    ),
    pytest.param(
        "Mayor Peter Hall spoke first. \u201cThe count was fair,\u201dAna Ruiz said. "
        "\u201cWe checked every box.\u201d",
        "Ana Ruiz",
        id="a-closing-mark-typed-without-the-space-after-it",
    ),
    pytest.param(
        "And after the council refused to reopen the harbour bridge, Mayor Peter Hall blamed the "
        "council's \u201cshort memory.\u201d",
        "Peter Hall",
        id="the-subject-past-a-long-opening-clause",
    ),
    pytest.param(
        "Filling in for Governor Maria Lopez at the fair, Mayor Peter Hall took a swipe at "
        "\u201cthe old guard.\u201d",
        "Peter Hall",
        id="the-subject-past-an-opening-gerund-clause",
    ),
    pytest.param(
        "The talks stalled after Mayor Peter Hall, asked about the dam, had said, \u201cIt will hold.\u201d",
        "Peter Hall",
        id="the-subject-in-the-clause-opening-the-sentence",
    ),
    pytest.param(
        "Ana Ruiz, president and CEO of Salem Harbour Trust stated, \u201cThe port will grow.\u201d",
        "Ana Ruiz",
        id="a-post-after-the-name-that-no-comma-closes",
    ),
    pytest.param(
        "72-year-old Ana Ruiz, a nurse who backed Mayor Peter Hall, said of the race: "
        "\u201cThere is only one choice.\u201d",
        "Ana Ruiz",
        id="an-age-before-the-subjects-name",
    ),
    pytest.param(
        "Governor Maria Lopez scoffed at Mayor Peter Hall's claim that the bridge is "
        "\u201cas good as new.\u201d",
        "Peter Hall",
        id="the-owner-of-the-words-a-quote-is-said-to-be",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKER_CASES)
def test_the_speaker_among_other_names(extract_body, text, speaker):
    quotes = [q for q in extract_body(text).quotes if q.kind != "term"]
    assert [q.speaker for q in quotes] == [speaker] * len(quotes) != []


# Constructions with more than one quote: (paragraphs, the speaker of each quote in order).
QUOTE_RUN_CASES = [
    pytest.param(
        (
            "\u201cThe river is rising,\u201d Mayor Peter Hall said on Monday. The water reached the bridge "
            "by noon. The schools closed early. The roads were shut. The trains stopped. "
            "\u201cWe will open the shelters tonight.\u201d",
        ),
        ["Peter Hall", "Peter Hall"],
        id="a-quote-goes-on-the-words-of-the-quote-before-in-its-paragraph-however-far",
    ),
    pytest.param(
        (
            "\u201cThe river is rising,\u201d Mayor Peter Hall said on Monday.",
            "The water reached the bridge by noon.",
            "\u201cWe will open the shelters tonight.\u201d",
        ),
        ["Peter Hall", "Peter Hall"],
        id="a-run-of-quotes-goes-over-a-paragraph-naming-no-one",
    ),
    pytest.param(
        (
            "\u201cThe river is rising,\u201d Mayor Peter Hall said on Monday.",
            "The water reached the house of Governor Maria Lopez by noon.",
            "\u201cWe will open the shelters tonight.\u201d",
        ),
        ["Peter Hall", None],
        id="a-paragraph-naming-someone-else-breaks-a-run-of-quotes",
    ),
    pytest.param(
        (
            "Mayor Peter Hall and Governor Maria Lopez met on Monday, Hall saying he was \u201chopeful\u201d "
            "and Lopez calling it \u201ca start.\u201d",
        ),
        ["Peter Hall", "Maria Lopez"],
        id="the-name-right-before-a-gerund-is-its-subject",
    ),
    pytest.param(
        (
            "Governor Maria Lopez accuses Hall of \u201cdragging his feet\u201d and Mayor Peter Hall says "
            "she is \u201cplaying politics.\u201d",
        ),
        ["Maria Lopez", "Peter Hall"],
        id="a-cue-after-and-is-the-next-clauses-not-the-quotes-before",
    ),
    pytest.param(
        (
            "After Mayor Peter Hall said the plan was \u201ctoo costly,\u201d Governor Maria Lopez said: "
            "\u201cWe will pay for it.\u201d",
        ),
        ["Peter Hall", "Maria Lopez"],
        id="a-cue-before-a-colon-is-the-next-quotes",
    ),
    pytest.param(
        (
            "In a Harbour Ledger interview, Governor Maria Lopez said the vote would be \u201cclose,\u201d "
            "adding, \u201cWe will see.\u201d",
        ),
        ["Maria Lopez", "Maria Lopez"],
        id="a-gerund-goes-with-the-subject-past-an-opening-phrase",
    ),
    pytest.param(
        (
            "Governor Maria Lopez replied to Mayor Peter Hall's letter on Facebook writing, "
            "\u201cWe are ready.\u201d",
        ),
        ["Maria Lopez"],
        id="a-gerund-after-a-name-goes-with-the-subject",
    ),
    pytest.param(
        ("Governor Maria Lopez faulted Mayor Peter Hall for not calling the flood \u201ca disaster.\u201d",),
        ["Maria Lopez"],
        id="a-gerund-after-not-goes-with-the-subject",
    ),
    pytest.param(
        (
            "Governor Maria Lopez repeated claims that Mayor Peter Hall recites the same lines, calling "
            "him \u201ca tired act.\u201d",
        ),
        ["Maria Lopez"],
        id="a-gerund-goes-with-no-verb-inside-a-that-clause",
    ),
    pytest.param(
        (
            "The Harbor Trust would not comment on \u201cthe mayor's scheme,\u201d telling Radio Salem "
            "that its members care only about \u201cclean water for every village.\u201d",
        ),
        ["Harbor Trust", "Harbor Trust"],
        id="a-gerund-after-a-quote-is-the-subject's-not-its-object's",
    ),
    pytest.param(
        (
            "Once the Harbor board could not agree on a ruling about Mayor Peter Hall's proposal to delay "
            "the ferry tax by several months, Governor Maria Lopez said the stalemate has \u201cspared "
            "the town\u201d so far before claiming that the proposal is \u201csplitting the town.\u201d",
        ),
        ["Maria Lopez", "Maria Lopez"],
        id="a-gerund-goes-with-the-speech-verb-before-a-quote-between",
    ),
    pytest.param(
        (
            "The gloom showed on Wednesday when Council Speaker Peter Hall of Oregon lamented the "
            "\u201cdreary\u201d state of the ferry debate and denounced the \u201ccheap tricks\u201d seen "
            "in the race for the Harbor Trust chair.",
        ),
        ["Peter Hall", "Peter Hall"],
        id="a-speech-verb's-form-after-a-quoted-adjective-is-a-noun",
    ),
    pytest.param(
        (
            "Governor Maria Lopez spoke first. On Friday, Mayor Peter Hall \u2014 whom the Salem Ledger "
            "calls the favourite to chair the harbor board \u2014 told Ana Ruiz of Radio Salem that "
            "\u201cthe board needs a steady hand.\u201d",
        ),
        ["Peter Hall"],
        id="the-subject-before-an-aside-set-off-by-dashes",
    ),
    pytest.param(
        (
            "Mayor Peter Hall met Governor Maria Lopez. Hall, a former ferry pilot, also decried Lopez's "
            "renewed calls to sell the harbor, noting she has \u201cnever worked a day\u201d on the water.",
        ),
        ["Peter Hall"],
        id="a-speech-verb's-form-after-a-possessive-and-an-adjective-is-a-noun",
    ),
    pytest.param(
        (
            "Mayor Peter Hall met the press. Former Hall fundraiser Ana Ruiz backed the ferry tax as "
            "\u201cthe only honest plan.\u201d",
        ),
        ["Ana Ruiz"],
        id="the-person-holding-a-post-a-noun-of-a-doer-names-speaks",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), QUOTE_RUN_CASES)
def test_the_speakers_of_a_run_of_quotes(extract_body, paragraphs, expected):
    quotes = [q for q in extract_body(*paragraphs).quotes if q.kind != "term"]
    assert [q.speaker for q in quotes] == expected
