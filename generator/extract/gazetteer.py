"""Country names, short forms and demonyms, and first names with their usual gender.

The first names and the names of states and provinces come from two libraries whose data takes a third
of a second to load, more than extracting an article: a build keeps the tables made from them in its
cache folder (`stored_in`), so that a rebuild extracting one changed article does not pay it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Literal, NamedTuple

Gender = Literal["male", "female", "unknown"]
STATE_COUNTRIES = ("US", "CA", "AU", "MX", "IN")
STORE = "gazetteer.pickle"
# The names asked about most: the extractors ask about each capitalised word several times.
WORDS_CACHED = 8192
# Where the tables are kept between builds (see `stored_in`); None: made from the libraries each time.
store_folder: Path | None = None


class Tables(NamedTuple):
    """What the libraries say, as the extractors read it: region names and first names, folded."""

    regions: frozenset[str]
    genders: dict[str, Gender]


@cache
def country_forms() -> dict[str, str]:
    """Every form of a country name (folded to lower case) mapped to its display name."""
    import pycountry  # here, not above: a build that extracts nothing does not load it

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
    for former in pycountry.historic_countries:  # 'Zaire, Republic of': news of its time names them
        short = former.name.split(",")[0]
        forms.setdefault(short.casefold(), short)
    return forms


@lru_cache(maxsize=WORDS_CACHED)
def country_of(name: str) -> str | None:
    """The display name of the country `name` names, or None."""
    return country_forms().get(name.casefold().removeprefix("the "))


@lru_cache(maxsize=WORDS_CACHED)
def is_region(name: str) -> bool:
    """Whether `name` is the name of a state or province ('West Virginia', 'Nuevo León', 'Ohio'):
    those of several words of every country; of one word only in countries whose states news names
    constantly, and not when the word is also a first name ('Victoria', 'Georgia')."""
    return name.casefold() in tables().regions


@lru_cache(maxsize=WORDS_CACHED)
def first_name_gender(word: str) -> Gender | None:
    """The usual gender of a first name; None when `word` is not a known first name."""
    return tables().genders.get(word.lower())


@contextlib.contextmanager
def stored_in(folder: Path) -> Iterator[None]:
    """Keep the tables in `folder` (a cache folder, safe to delete) while the block runs."""
    global store_folder
    previous, store_folder = store_folder, folder
    try:
        yield
    finally:
        store_folder = previous


@cache
def tables() -> Tables:
    """The tables: read from the store when it holds those of the same libraries and code, else made
    from the libraries and stored."""
    made_by = libraries_fingerprint()
    if store_folder is not None:
        with contextlib.suppress(Exception):  # missing, damaged, or from other libraries: made again
            with (store_folder / STORE).open("rb") as file:
                stored_by, stored = pickle.load(file)
            if stored_by == made_by and isinstance(stored, Tables):
                return stored
    made = tables_from_libraries()
    if store_folder is not None:
        with contextlib.suppress(OSError):  # not stored: the next build makes them again, no more
            store_folder.mkdir(parents=True, exist_ok=True)
            temporary = store_folder / f".{STORE}.{os.getpid()}"
            temporary.write_bytes(pickle.dumps((made_by, made), pickle.HIGHEST_PROTOCOL))
            temporary.replace(store_folder / STORE)
    return made


def libraries_fingerprint() -> str:
    """What the tables are made from: this module's code and the versions of the two libraries."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name in ("pycountry", "gender-guesser"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"\0{name}=={metadata.version(name)}".encode())
    return digest.hexdigest()


def tables_from_libraries() -> Tables:
    import gender_guesser.detector  # type: ignore[import-untyped]
    import pycountry

    detector = gender_guesser.detector.Detector(case_sensitive=False)
    genders: dict[str, Gender] = {}
    for name in detector.names:
        guess = detector.get_gender(name)
        genders[name] = GENDERS[guess]
    several = {s.name.casefold() for s in pycountry.subdivisions if " " in s.name}
    single = {
        s.name.casefold()
        for code in STATE_COUNTRIES
        for s in pycountry.subdivisions.get(country_code=code) or ()  # type: ignore[no-untyped-call]
        if " " not in s.name and s.name.lower() not in genders
    }
    return Tables(frozenset(several | single), genders)


# gender_guesser's guesses for a name it knows, as the extractors use them.
GENDERS: dict[str, Gender] = {
    "male": "male",
    "mostly_male": "male",
    "female": "female",
    "mostly_female": "female",
    "andy": "unknown",
}
