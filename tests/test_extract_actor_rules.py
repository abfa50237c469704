"""Actor rules for names whose words alone do not tell what they name, each on a small example."""

from __future__ import annotations

import pytest


def actors(extraction):
    return {actor.name: actor for actor in extraction.actors}


def test_platform_before_a_noun_of_its_users_is_an_organisation(extract_body):
    extraction = extract_body("As one Chirper user pointed out, the harbor plan is late.")
    assert actors(extraction)["Chirper"].type == "organization"


def test_a_platform_noun_after_the_first_word_of_a_sentence_makes_no_organisation(extract_body):
    extraction = extract_body("\u201cNotice the delays. Crate user?\u201d the mayor wrote.")
    assert "Crate" not in actors(extraction)


def test_possessive_before_a_persons_work_is_a_person(extract_body):
    extraction = extract_body("As stated in Okonkwo's commentary, the bridge plan is late.")
    assert actors(extraction)["Okonkwo"].type == "person"


def test_members_named_after_an_organisation_of_the_article_are_a_group(extract_body):
    extraction = extract_body(
        "He joined the Harbor Guild Society at twenty. Guilders distrusted the port authority."
    )
    assert actors(extraction)["Guilders"].type == "group"


def test_plural_opening_a_sentence_is_no_group_without_a_name_it_comes_from(extract_body):
    extraction = extract_body("Welders distrusted the port authority, the report says.")
    assert "Welders" not in actors(extraction)


def test_surname_of_a_full_name_no_first_name_list_holds_joins_it_when_it_is_a_persons(extract_body):
    extraction = extract_body(
        "Minyon Okafor runs the harbor council.",
        "\u201cWe will rebuild the pier,\u201d Ms. Okafor said.",
    )
    assert actors(extraction)["Minyon Okafor"].aliases == ("Okafor", "Ms. Okafor")
    assert [q.speaker for q in extraction.quotes] == ["Minyon Okafor"]


def test_a_common_noun_ending_a_name_is_not_taken_for_its_surname(extract_body):
    extraction = extract_body(
        "Visitors crowded the Harbor Mall on Sunday. Lights filled the Mall at night, a guide said."
    )
    assert "Mall" not in actors(extraction)["Harbor Mall"].aliases


def test_a_state_of_one_word_before_a_title_is_part_of_the_role(extract_body):
    extraction = extract_body("Ohio Gov. Rosa Villanueva signed the bill.")
    person = actors(extraction)["Rosa Villanueva"]
    assert person.role == "Ohio Gov."


def test_a_party_or_people_before_a_persons_name_is_said_of_the_person_and_is_no_role(extract_body):
    extraction = extract_body(
        "Republican Donald Hale met German Angela Vogt. Later, Hale said the talks went well."
    )
    found = actors(extraction)
    assert (found["Donald Hale"].type, found["Angela Vogt"].type) == ("person", "person")
    assert (found["Donald Hale"].role, found["Angela Vogt"].role) == (None, None)
    assert found["Germany"].type == "country"
    assert "Republican Donald Hale" not in found


def test_words_before_a_courtesy_title_are_no_part_of_a_role(extract_body):
    extraction = extract_body(
        "Tomas Brandvik opened the pier. Friends of Mr. Brandvik cheered.",
        "Support for Mr. Brandvik grew, and Witness Mr. Brandvik spoke.",
    )
    found = actors(extraction)
    assert found["Tomas Brandvik"].role is None
    assert set(found["Tomas Brandvik"].aliases) == {"Brandvik", "Mr. Brandvik"}
    assert list(found) == ["Tomas Brandvik"]


@pytest.mark.parametrize("tag", ["(D-Ore.)", "(R-Texas)", "(I-VT)", "(R-N.H.)", ", D-W.Va.,"])
def test_a_lawmakers_party_and_state_is_no_actor(extract_body, tag):
    extraction = extract_body(f"Sen. Tomas Brandvik {tag} opened the pier on Monday.")
    assert [(a.name, a.type) for a in extraction.actors] == [("Tomas Brandvik", "person")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Certainly Tomas Brandvik knows the pier.",
        "Rival Tomas Brandvik spoke of the pier.",
        "Billionaire Tomas Brandvik spoke of the pier.",
    ],
)
def test_a_word_glued_before_a_full_name_is_no_part_of_it(extract_body, sentence):
    """The word opens the sentence, or is said of the person: the article names the person without it,
    here by the surname alone."""
    extraction = extract_body(
        sentence,
        "Brandvik, a rival of the mayor, certainly had a plan; the billionaire paid for it.",
    )
    found = actors(extraction)
    assert found["Tomas Brandvik"].type == "person"
    assert set(found) == {"Tomas Brandvik"}


def test_a_word_glued_before_a_name_written_elsewhere_without_it_is_dropped(extract_body):
    extraction = extract_body(
        "The harbor reopened.",
        "Tomas Brandvik opened the pier.",
        "On Monday, Proud Tomas Brandvik cut the ribbon.",
    )
    assert set(actors(extraction)) == {"Tomas Brandvik"}


def test_a_place_before_a_first_name_is_no_stray_word(extract_body):
    """'New York': the words of a place, then a body's name that a surname alone would fit."""
    extraction = extract_body(
        "The harbor reopened.",
        "The New York Fed raised its rates on Monday.",
        "The Fed said more would follow.",
    )
    assert actors(extraction)["New York Fed"].type == "organization"


def test_a_name_that_only_looks_glued_stays_whole(extract_body):
    """'Velta Warner Cable': no lower-case 'velta', no 'Warner Cable' nor 'Cable' alone."""
    extraction = extract_body("Velta Warner Cable raised its prices on Monday.")
    assert "Velta Warner Cable" in actors(extraction)


def test_a_country_that_is_also_a_first_name_stays_in_the_name(extract_body):
    extraction = extract_body("Jordan Michael Peterson spoke at the harbor.")
    assert "Jordan Michael Peterson" in actors(extraction)


def test_a_persons_account_of_events_makes_no_organisation(extract_body):
    extraction = extract_body("Ann Weber spoke first. The Weber account of the meeting was short.")
    assert [(a.name, a.type) for a in extraction.actors] == [("Ann Weber", "person")]


def test_a_lone_name_told_something_is_an_actor(extract_body):
    extraction = extract_body("A port official told Velto on Monday that the pier is closed.")
    assert actors(extraction)["Velto"].type == "organization"


def test_a_post_before_or_after_a_name_makes_a_person(extract_body):
    extraction = extract_body(
        "The party leader Zorvan Kelt met Quilla Marrow, former editor of the Harbor Times."
    )
    found = actors(extraction)
    assert (found["Zorvan Kelt"].type, found["Quilla Marrow"].type) == ("person", "person")


def test_a_name_of_words_that_tell_no_type_and_never_a_persons_is_an_organisation(extract_body):
    extraction = extract_body("Traders bought Zorvik Standard after Orsk Vantage cut its prices.")
    found = actors(extraction)
    assert (found["Zorvik Standard"].type, found["Orsk Vantage"].type) == ("organization", "organization")


def test_partners_joined_by_an_ampersand_are_one_firm(extract_body):
    extraction = extract_body("The deal was advised by Quist & Borrow Co on Monday.")
    assert actors(extraction)["Quist & Borrow Co"].type == "organization"


def test_a_word_naming_a_kind_of_body_that_opens_a_sentence_is_no_actor(extract_body):
    assert extract_body("Police closed the harbor road on Monday.").actors == ()


def test_capitals_of_a_subheading_are_no_name(extract_body):
    extraction = extract_body("MOVING THE PIER OUT OF THE BAY Harbor Council members said they would wait.")
    assert [a.name for a in extraction.actors] == ["Harbor Council"]


def test_a_plural_of_a_persons_surname_is_the_family(extract_body):
    extraction = extract_body("Ana Okafor spoke first. The Okafors left the harbor on Monday.")
    assert actors(extraction)["Okafors"].type == "group"


def test_a_former_country_is_a_country(extract_body):
    extraction = extract_body("Trade with Zaire grew that year.")
    assert actors(extraction)["Zaire"].type == "country"


def test_a_post_named_after_its_body_comes_before_the_name_and_names_the_body(extract_body):
    extraction = extract_body("Harbor Safety Administration Director Zorvan Kelt closed the pier.")
    found = actors(extraction)
    assert found["Zorvan Kelt"].role == "Harbor Safety Administration Director"
    assert found["Harbor Safety Administration"].type == "organization"


def test_a_post_of_a_body_before_a_first_name_is_a_title(extract_body):
    extraction = extract_body("The Secretary of State Anna Kelt met the mayor.")
    assert actors(extraction)["Anna Kelt"].role == "Secretary of State"


def test_a_post_alone_is_no_actor(extract_body):
    assert extract_body("He was the Director of Intelligence for years.").actors == ()


def test_events_laws_and_plans_are_no_actors(extract_body):
    extraction = extract_body("The Harbor Power Plan and the Orsk War shaped the Zorvik Act.")
    assert extraction.actors == ()


def test_a_person_of_an_organisation_is_a_person_and_the_organisation(extract_body):
    extraction = extract_body("Anna Kelt of the Harbor Fire Department closed the pier.")
    assert actors(extraction)["Anna Kelt"].type == "person"


def test_a_country_an_organisation_is_of_is_named(extract_body):
    extraction = extract_body("Orsk Steel Corp of Chile opened a plant.")
    assert actors(extraction)["Chile"].type == "country"


def test_a_lone_name_speaking_with_nothing_personal_is_a_body(extract_body):
    extraction = extract_body("Zorvik said it would close the pier. The port is old.")
    assert actors(extraction)["Zorvik"].type == "organization"


def test_a_lone_name_speaking_then_he_is_a_person(extract_body):
    extraction = extract_body("Zorvik said he would close the pier.")
    assert actors(extraction)["Zorvik"].type == "person"


def test_words_in_quote_marks_name_a_work(extract_body):
    assert extract_body('She starred in "Harbor Lights" last year.').actors == ()


def test_a_word_after_a_dash_opens_a_clause(extract_body):
    assert extract_body("Traders said - Police closed the pier at noon.").actors == ()


def test_a_surname_in_a_capitals_subheading_is_the_persons(extract_body):
    extraction = extract_body("Anna Kelt spoke first.", "WHY KELT WAITS FOR THE TIDE.")
    assert actors(extraction)["Anna Kelt"].aliases == ("Kelt",)


def test_a_describing_compound_before_a_name_is_not_part_of_it(extract_body):
    extraction = extract_body("Orsk-based Anna Kelt opened a plant.")
    assert [a.name for a in extraction.actors] == ["Anna Kelt"]


def test_a_lone_name_after_the_is_a_name(extract_body):
    extraction = extract_body("The Zorvik first reported the closure.")
    assert actors(extraction)["Zorvik"].type == "organization"


def test_a_partys_word_before_its_people_is_a_group_and_else_no_actor(extract_body):
    extraction = extract_body("Several Republican lawmakers and a Democratic mayor met Republican donors.")
    assert [(a.name, a.type) for a in extraction.actors] == [("Republican", "group")]


def test_a_plural_noun_opening_a_sentence_before_a_name_is_not_part_of_it(extract_body):
    extraction = extract_body("Critics Anna Kelt and Ben Ode left the harbor.")
    assert [a.name for a in extraction.actors] == ["Anna Kelt", "Ben Ode"]


def test_courtesy_titles_are_no_roles(extract_body):
    extraction = extract_body("Anna Kelt spoke first. Later, Mrs. Kelt left the harbor.")
    assert actors(extraction)["Anna Kelt"].role is None


def test_a_lone_word_the_article_also_writes_in_lower_case_is_no_name(extract_body):
    extraction = extract_body("The plan reached the harbor. It came from World this week, the world said.")
    assert extraction.actors == ()


def test_a_first_name_alone_is_the_person_the_article_names_in_full(extract_body):
    extraction = extract_body("Marta Kelt spoke first. Later, Marta left the harbor.")
    assert actors(extraction)["Marta Kelt"].aliases == ("Marta",)


def test_a_post_alone_in_capitals_is_no_actor(extract_body):
    assert extract_body("The numbers came from the CEO this week.").actors == ()


def test_a_speech_verb_opening_a_sentence_is_not_part_of_the_name_after_it(extract_body):
    extraction = extract_body(
        "Tomas Brell chairs the harbor board.",
        "\u201cThe pier is late.\u201d Said Brell: \u201cWe will rebuild it.\u201d",
        "Continued Brell: \u201cIt will cost more.\u201d",
    )
    assert [(a.name, a.aliases) for a in extraction.actors] == [("Tomas Brell", ("Brell",))]


def test_a_name_owning_a_post_is_a_persons_and_stays_one_elsewhere(extract_body):
    extraction = extract_body(
        "Omar Veltrin, Zorvan Kelt's chief strategist, spoke first. Zorvan Kelt lost the race."
    )
    assert actors(extraction)["Zorvan Kelt"].type == "person"


def test_a_name_typed_by_an_age_once_is_a_persons_where_nothing_types_it(extract_body):
    extraction = extract_body("Zorvan Kelt, 54, lost the race. Zorvan Kelt spoke later at the harbor.")
    assert actors(extraction)["Zorvan Kelt"].type == "person"


def test_a_name_suffix_set_off_by_commas_is_no_actor(extract_body):
    extraction = extract_body(
        "Peter Halloran, Jr., chairs the harbor board.", "\u201cWe need the pier,\u201d Halloran said."
    )
    assert [a.name for a in extraction.actors] == ["Peter Halloran"]
    assert [q.speaker for q in extraction.quotes] == ["Peter Halloran"]


def test_a_word_dating_a_post_before_a_surname_is_not_part_of_it(extract_body):
    extraction = extract_body("Zorvan Kelt ran the harbor. Former Kelt aide Omar Veltrin spoke first.")
    assert [(a.name, a.aliases) for a in extraction.actors] == [
        ("Zorvan Kelt", ("Kelt",)),
        ("Omar Veltrin", ()),
    ]


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("ORSK VALE, Ohio \u2014", "ORSK VALE"),
        ("VELTAMOR, March 3 (Reuters) -", "VELTAMOR"),
        ("ORSKAVA, Zorvinia, Jan. 5 (AP) \u2014", "ORSKAVA"),
        ("KELTBURG, Ohio, Sept. 12, 2016 --", "KELTBURG"),
        ("VELTA HILL (Harbor Wire) \u2013", "VELTA HILL"),
    ],
)
def test_a_place_in_capitals_opening_a_story_is_no_actor(extract_body, dateline, place):
    extraction = extract_body(f"{dateline} The harbor plan is late, the mayor said.")
    assert place not in actors(extraction)


def test_a_word_in_capitals_before_a_dash_alone_is_no_dateline(extract_body):
    extraction = extract_body("NATO - the alliance - is late with the harbor plan, the mayor said.")
    assert "NATO" in actors(extraction)


@pytest.mark.parametrize(
    ("full_name", "later"),
    [
        ("Ana de la Cruz", "De la Cruz"),
        ("Marc Le Roux", "Le Roux"),
        ("Pieter van Dijk", "Van Dijk"),
        ("Ludwig von Berg", "Von Berg"),
        ("Omar bin Hassan", "Bin Hassan"),
    ],
)
def test_a_surname_opened_by_a_particle_used_alone_is_the_person_named_in_full(
    extract_body, full_name, later
):
    extraction = extract_body(
        f"{full_name} runs the harbor council.",
        f"\u201cWe will rebuild the pier,\u201d {later} told reporters.",
    )
    assert [(a.name, a.aliases) for a in extraction.actors] == [(full_name, (later,))]
    assert [q.speaker for q in extraction.quotes] == [full_name]


def test_a_particle_surname_no_one_in_the_article_bears_in_full_stays_its_own_person(extract_body):
    extraction = extract_body(
        "Ana Ruiz runs the harbor council.",
        "\u201cWe will rebuild the pier,\u201d Le Roux told reporters.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Le Roux"]


def test_a_post_of_a_state_with_no_name_after_it_is_no_actor(extract_body):
    extraction = extract_body("The former Ohio Gov. and harbor chairman Zorvan Kelt spoke.")
    assert "Ohio Gov." not in actors(extraction)


def test_a_noun_of_a_trade_opening_a_sentence_is_not_part_of_the_name_after_it(extract_body):
    extraction = extract_body("Sculptor Tomas Brell spoke first. Director Ana Kelt spoke next.")
    assert [(a.name, a.type, a.role) for a in extraction.actors] == [
        ("Tomas Brell", "person", None),
        ("Ana Kelt", "person", "Director"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker", "actors"),
    [
        # a body a person's possessive names speaks for itself, and the person stays an actor
        (
            "Mrs. Lopez's campaign answered on Tuesday that \u201cthe governor has nothing to hide.\u201d",
            "Maria Lopez campaign",
            {("Maria Lopez", "person"), ("Maria Lopez campaign", "organization")},
        ),
        (
            "\u201cThe mayor never wrote that letter,\u201d Lopez\u2019s office wrote in an email.",
            "Maria Lopez office",
            {("Maria Lopez", "person"), ("Maria Lopez office", "organization")},
        ),
        # a word after the body that is no verb makes it part of a noun: the slogan is hers
        (
            "Maria Lopez's campaign slogan, \u201cA harbor for every family,\u201d was her own idea.",
            "Maria Lopez",
            {("Maria Lopez", "person")},
        ),
    ],
)
def test_a_body_a_persons_possessive_names_is_an_organisation(extract_body, sentence, speaker, actors):
    extraction = extract_body("Governor Maria Lopez spoke on Monday.", sentence)
    assert [q.speaker for q in extraction.quotes] == [speaker]
    assert {(a.name, a.type) for a in extraction.actors} == actors
