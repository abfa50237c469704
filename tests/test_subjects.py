"""Subjects found from a brief's words, the owner's curation of them, and what search finds first."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.subjects import DEFAULT_LEXICON, SubjectsError, load_lexicon, without_names

BUDGET = (
    "The council's budget raises taxes on fuel. Tariffs on imports fall, and the deficit narrows, "
    "the finance office said. Inflation slowed while unemployment rose."
)
CLINIC = "The new hospital adds beds for patients, and nurses said the clinic will treat cancer."


def test_a_text_on_taxes_and_deficits_is_about_the_economy() -> None:
    assert DEFAULT_LEXICON.subjects_of("Council Raises Fuel Tax", "", BUDGET)[0] == "economy"


def test_a_brief_gets_at_most_three_subjects_and_only_those_it_is_about() -> None:
    found = DEFAULT_LEXICON.subjects_of("Hospital Budget Raises Taxes", CLINIC, BUDGET + " " + CLINIC)
    assert set(found) == {"economy", "health"}
    assert len(DEFAULT_LEXICON.subjects_of("x", "", BUDGET + CLINIC * 3)) <= 3


def test_a_capitalised_word_inside_a_name_is_not_a_subject_word() -> None:
    # 'Bill' of a person's name is no bill of a parliament; a sentence's first word still counts.
    assert DEFAULT_LEXICON.subjects_of("", "", "Bill Norbury and Bill Quentin met. Bill Ortega spoke.") == ()
    title = without_names("Bill Norbury Visits Harbor", ["Bill Norbury"])
    assert title == "Visits Harbor"


@pytest.mark.parametrize(
    ("title", "text", "subject"),
    [
        # A story of a singer, a film or a ball game is about culture, however near to politics.
        (
            "Singer Backs the Mayor",
            "The singer played songs from her new album at a concert; fans of the band cheered the mayor.",
            "culture-sport-and-celebrity",
        ),
        (
            "Harbor Film Opens",
            "The movie, shot by a Hollywood studio, stars an actor who played the governor in a sitcom.",
            "culture-sport-and-celebrity",
        ),
        # An accusation of rape or sexual assault is a crime.
        (
            "Accuser Speaks Out",
            "She said the councillor raped her in 1990 and assaulted a friend; two more women described "
            "sexual assaults.",
            "crime-and-policing",
        ),
        # Black and Hispanic voters' grievances are society's.
        (
            "Outreach to Voters",
            "He spoke to black pastors and Hispanic leaders about African-American neighbourhoods.",
            "civil-rights-and-society",
        ),
    ],
)
def test_stories_beyond_policy_have_a_subject_too(title: str, text: str, subject: str) -> None:
    assert DEFAULT_LEXICON.subjects_of(title, "", text)[:1] == (subject,)


def test_a_text_about_nothing_known_has_no_subject() -> None:
    assert DEFAULT_LEXICON.subjects_of("Sunny Weekend Ahead", "", "The weather stays mild and dry.") == ()


def test_curation_renames_merges_hides_and_adds(tmp_path: Path) -> None:
    path = tmp_path / "subjects.yml"
    path.write_text(
        "- name: Money\n  from: [Economy, Business and labour]\n"
        "- name: Health\n  hide: true\n"
        "- name: Space\n  keywords: [rocket*, orbit*]\n",
        "utf-8",
    )
    lexicon = load_lexicon(path, "subjects.yml")
    slugs = {s.slug for s in lexicon.subjects}
    assert {"money", "space"} <= slugs and not {"economy", "business-and-labour"} & slugs
    assert lexicon.subjects_of("Rockets Reach Orbit", "", "The rocket reached orbit.") == ("space",)
    assert lexicon.subjects_of("", "", BUDGET)[0] == "money"
    assert "health" not in lexicon.subjects_of("Hospital Opens", CLINIC, CLINIC)
    assert lexicon.fingerprint != DEFAULT_LEXICON.fingerprint


def test_every_problem_of_the_curation_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "subjects.yml"
    path.write_text(
        "- name: Money\n  from: [Nothing]\n- colour: red\n- name: New\n- name: Odd\n  keywords: ['%%']\n",
        "utf-8",
    )
    with pytest.raises(SubjectsError) as raised:
        load_lexicon(path, "subjects.yml")
    lines = str(raised.value).splitlines()
    assert [line.split(":")[1] for line in lines] == ["1", "3", "3", "4", "5", "5"]
    assert "no built-in subject" in lines[0] and "without keywords" in lines[3]


def test_no_curation_file_is_the_built_in_subjects(tmp_path: Path) -> None:
    assert load_lexicon(tmp_path / "subjects.yml", "subjects.yml") is DEFAULT_LEXICON
