"""Country names, short forms and demonyms, and first names with their usual gender."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Literal

import gender_guesser.detector  # type: ignore[import-untyped]
import pycountry

Gender = Literal["male", "female", "unknown"]
STATE_COUNTRIES = ("US", "CA", "AU", "MX", "IN")


@cache
def country_forms() -> dict[str, str]:
    """Every form of a country name (folded to lower case) mapped to its display name."""
    forms: dict[str, str] = {}
    display_by_code: dict[str, str] = {}
    for line in files("generator").joinpath("data/countries.txt").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, display, *others = line.split("|")
        display_by_code[code] = display
        for form in (display, *others):
            forms[form.casefold()] = display
    for country in pycountry.countries:
        common: str | None = getattr(country, "common_name", None)
        display = display_by_code.get(country.alpha_2) or common or country.name
        for form in (country.name, common or display, display):
            if "," not in form:
                forms.setdefault(form.casefold(), display)
    return forms


def country_of(name: str) -> str | None:
    """The display name of the country `name` names, or None."""
    return country_forms().get(name.casefold().removeprefix("the "))


@cache
def region_names() -> frozenset[str]:
    """Names of states and provinces ('West Virginia', 'Nuevo León', 'Ohio'), folded: those of several
    words of every country; of one word only in countries whose states news names constantly, and not
    when the word is also a first name ('Victoria', 'Georgia')."""
    several = {s.name.casefold() for s in pycountry.subdivisions if " " in s.name}
    single = {
        s.name.casefold()
        for code in STATE_COUNTRIES
        for s in pycountry.subdivisions.get(country_code=code) or ()  # type: ignore[no-untyped-call]
        if " " not in s.name and first_name_gender(s.name) is None
    }
    return frozenset(several | single)


def is_region(name: str) -> bool:
    return name.casefold() in region_names()


@cache
def detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


@cache
def first_name_gender(word: str) -> Gender | None:
    """The usual gender of a first name; None when `word` is not a known first name."""
    guess = detector().get_gender(word)
    if guess in ("male", "mostly_male"):
        return "male"
    if guess in ("female", "mostly_female"):
        return "female"
    if guess == "andy":
        return "unknown"
    return None
