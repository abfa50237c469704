"""Who each actor of each brief is across all briefs: one key per real actor, its name, and whether
it earns a page of its own.

A person is known by first name and surname: 'Ana Ruiz', 'Ana M. Ruiz', 'ANA Ruiz' and "Beloved Ana
Ruiz's" are one person, whatever the middle initial, case, epithet or possessive. The key holds those
two words only, so that it, and the slug made from it, stays the same when an article adds a new form
of the name. A surname alone ('Ruiz') is the person of that surname whose role it is given ('President
Ruiz': the Ruiz seen elsewhere as a president), else the one named in far more briefs than any other.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from generator.extract import lexicon
from generator.extract.gazetteer import first_name_gender
from generator.model import Actor, Extraction
from generator.registry import Registry, RegistryEntry

# A surname alone goes to its most-named bearer only when that one is in this many times as many briefs.
DOMINANCE = 2
# An actor in this many briefs earns a page, whatever else is known of it.
BRIEFS_FOR_A_PAGE = 2
# An actor named this many times in one brief is what the brief is about: it earns a page.
MENTIONS_FOR_A_PAGE = 3
# Words said of a name that a surname alone may carry ('Former Ruiz', 'Republican Ruiz').
SAID_OF_NAMES = lexicon.TITLE_MODIFIERS | lexicon.PARTY_ADJECTIVES
# Nouns that end the name of a body, a group or a gathering and are nobody's surname: a name that is one
# of them once the words said of names are left out ('Progressive National Convention') is whole, and a
# 'person' whose name ends in one ('Harbor Committee' mistyped) bears no surname.
BODY_NOUNS = (
    lexicon.GROUP_WORDS
    | lexicon.PEOPLE_BODIES
    | lexicon.words(
        """committee commission council convention conventions department ministry agency
        administration parliament congress senate assembly party association federation institute
        foundation university college corporation company caucus coalition government cabinet"""
    )
)
Pending = tuple[int, Actor]  # a person or body named by one word in one brief (by its position)


class Identities(NamedTuple):
    """Each actor of each brief (by the brief's position and the actor's name) mapped to its key; each
    key's display name and the text its slug is made from; the keys that earn a page."""

    keys: dict[tuple[int, str], str]
    names: dict[str, str]
    slug_texts: dict[str, str]
    paged: frozenset[str]


def identify(extractions: Sequence[Extraction], registry: Registry) -> Identities:
    """The identity of every actor of every brief, decided over all briefs at once."""
    keys: dict[tuple[int, str], str] = {}
    lone: list[Pending] = []
    for position, extraction in enumerate(extractions):
        for actor in extraction.actors:
            key = own_key(actor, registry)
            if key is None:
                lone.append((position, actor))
            else:
                keys[(position, actor.name)] = key
    keys.update(prefixed_people(keys, extractions))
    keys.update(surname_keys(lone, keys, extractions))
    names = display_names(extractions, keys)
    # A person's slug is its key's ('ana-ruiz'): it comes before a clashing name written otherwise.
    slug_texts = {key: slug_text(key, name) for key, name in names.items()}
    return Identities(keys, names, slug_texts, paged_keys(extractions, keys))


def slug_text(key: str, name: str) -> str:
    """What a key's slug is made from: a person's or curated actor's key, written as a slug; else the
    name shown."""
    return as_slug(key[2:]) or name if key.startswith(("p:", "r:")) else name


def name_key(name: str) -> str:
    """'n:velta-co' for 'Velta Co', 'Velta-Co' and 'VELTA CO': a name the same but for case and
    punctuation is the same actor's."""
    return f"n:{as_slug(name) or name.casefold()}"


def as_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", folded))


def own_key(actor: Actor, registry: Registry) -> str | None:
    """The key an actor has on its own: its registry entry's, its person key, or its name's; None for a
    person or a body named by one word, which may be a surname: decided over all briefs."""
    entry = find_entry(actor, registry) if registry.entries else None
    if entry is not None:
        return f"r:{entry.name.casefold()}"
    name = bare_name(actor.name)
    word = without_modifiers(name, actor)
    if actor.type in ("person", "organization") and " " not in word and word.casefold() not in BODY_NOUNS:
        return None
    person = person_key(name) if actor.type == "person" else None
    return person or name_key(name)


def without_modifiers(name: str, actor: Actor) -> str:
    """'Former Ruiz', 'Republican Ruiz': the words said of a surname left out. Of a body's name, only a
    party ('Republican Ruiz' taken for a body): 'White House', 'Supreme Court' and 'House GOP' are
    whole names, not 'House', 'Court' and 'GOP' with a word said of them."""
    said = SAID_OF_NAMES if actor.type == "person" else lexicon.PARTY_ADJECTIVES
    words = name.split()
    while len(words) > 1 and words[0].lower() in said:
        words = words[1:]
    return " ".join(words)


def find_entry(actor: Actor, registry: Registry) -> RegistryEntry | None:
    return next(filter(None, map(registry.find, (actor.name, *actor.aliases))), None)


def bare_name(name: str) -> str:
    """The name without a possessive ending: "Ana Ruiz's" is Ana Ruiz."""
    return name.replace("\u2019", "'").removesuffix("'s").removesuffix("'")


def person_key(name: str) -> str | None:
    """'p:ana ruiz' for 'Ana M. Ruiz', 'Ana Ruiz Jr.', 'Beloved Ana Ruiz': the first name (the first
    word the first-name data knows, else the first word) and the surname, case folded; a surname a
    particle opens is whole ('p:marc le roux', whose page is not 'marc-roux')."""
    words = [word.rstrip(".'") for word in bare_name(name).split()]  # "Ana Ruiz.'" ends a quote
    joined = next((i for i, word in enumerate(words) if word in lexicon.JOINING_WORDS), len(words))
    words = words[:joined]  # 'Ana Ruiz for the Senate': the name ends where a joining word starts
    while len(words) > 1 and words[-1].lower().rstrip(".") in lexicon.NAME_SUFFIXES:
        words.pop()
    start = next((i for i, word in enumerate(words[:-1]) if first_name_gender(word) is not None), 0)
    words = words[start:]
    if len(words) < 2:
        return None
    particle = next(
        (i for i in range(1, len(words) - 1) if words[i].lower() in lexicon.SURNAME_PARTICLES), -1
    )
    return f"p:{words[0]} {' '.join(words[particle:])}".casefold()


def prefixed_people(
    keys: dict[tuple[int, str], str], extractions: Sequence[Extraction]
) -> dict[tuple[int, str], str]:
    """Names typed otherwise in one brief ('Zorvan Kelt' taken for a body), or that a word before a
    person's name made another actor's ('State Ana Ruiz' from 'secretary of State Ana Ruiz'): the
    person's, when other briefs know that person."""
    people = {key for key in keys.values() if key.startswith("p:")}
    found = {}
    for (position, name), key in keys.items():
        if key.startswith("n:") and " " in name:
            person, bare = person_key(name), bare_name(name).rstrip(".'")
            if person in people and (
                person == f"p:{bare.casefold()}" or person_key(bare.split(" ", 1)[1]) == person
            ):
                found[(position, name)] = person
    return found


def surname_keys(
    lone: Sequence[Pending], keys: dict[tuple[int, str], str], extractions: Sequence[Extraction]
) -> dict[tuple[int, str], str]:
    """The key of each person or body named by one word: a bearer of that surname, else of that first
    name ('Ana' in a brief that gives no surname), else the word's own."""
    briefs = briefs_per_key(keys)
    bearers: dict[str, list[str]] = defaultdict(list)
    for key in sorted(briefs):
        first, _, last = key[2:].partition(" ")
        if key.startswith("p:") and first not in lexicon.ORGANIZATION_WORDS and last not in BODY_NOUNS:
            bearers[last.rsplit(" ", 1)[-1]].append(key)  # 'Roux' alone: a bearer of 'Le Roux' too
            bearers[f"{first} "].append(key)  # 'Ana' alone: the people of that first name
    roles = role_heads(extractions, keys)
    found = {}
    for position, actor in lone:
        word = without_modifiers(bare_name(actor.name), actor).rstrip(".'").casefold()
        named = bearers.get(word) or (bearers.get(f"{word} ", []) if first_name_gender(word) else [])
        chosen = bearer(named, role_head(actor.role) or courtesy_head(actor), briefs, roles)
        found[(position, actor.name)] = chosen or name_key(word)
    return found


def briefs_per_key(keys: dict[tuple[int, str], str]) -> Counter[str]:
    return Counter(key for _, key in {(position, key) for (position, _), key in keys.items()})


def role_heads(extractions: Sequence[Extraction], keys: dict[tuple[int, str], str]) -> dict[str, set[str]]:
    """The last word of every role each key is given in the briefs ('former President': president)."""
    heads: dict[str, set[str]] = defaultdict(set)
    for position, extraction in enumerate(extractions):
        for actor in extraction.actors:
            key = keys.get((position, actor.name))
            if key and actor.role:
                heads[key].add(role_head(actor.role))
    return heads


def role_head(role: str | None) -> str:
    return role.split()[-1].lower().rstrip(".") if role else ""


def courtesy_head(actor: Actor) -> str:
    """'mrs' for a 'Ruiz' its brief also wrote 'Mrs. Ruiz': the courtesy title, which an extraction
    keeps in the forms of a name, not as a role, still tells the gender."""
    for form in actor.aliases:
        title, _, rest = form.partition(" ")
        if rest and title.lower().rstrip(".") in lexicon.TITLE_GENDERS:
            return title.lower().rstrip(".")
    return ""


def bearer(candidates: list[str], head: str, briefs: Counter[str], roles: dict[str, set[str]]) -> str | None:
    """The person a surname stands for: of those bearing it, the ones its title's gender or its role
    fits, the most named if far more named than the next."""
    if head in lexicon.TITLE_GENDERS:
        wanted = lexicon.TITLE_GENDERS[head]
        candidates = [
            k for k in candidates if first_name_gender(k[2:].split()[0]) in (None, "unknown", wanted)
        ]
    elif head:
        candidates = [k for k in candidates if head in roles.get(k, set())] or candidates
    ranked = sorted(candidates, key=lambda key: (-briefs[key], key))
    if len(ranked) == 1 or (ranked and briefs[ranked[0]] >= DOMINANCE * briefs[ranked[1]]):
        return ranked[0]
    return None


def fits_gender(key: str, wanted: str) -> bool:
    return first_name_gender(key[2:].split()[0]) in (None, "unknown", wanted)


def display_names(extractions: Sequence[Extraction], keys: dict[tuple[int, str], str]) -> dict[str, str]:
    """Each key's name as the briefs most often write it in full: never the first seen, never a slip
    of case ('ANa Ruiz') when a well-cased form is as frequent; a surname alone only when no full form."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for position, extraction in enumerate(extractions):
        for actor in extraction.actors:
            forms[keys[(position, actor.name)]][bare_name(actor.name)] += 1
    return {key: best_form(key, counted) for key, counted in forms.items()}


def best_form(key: str, counted: Counter[str]) -> str:
    """A person's fullest form; a body's or a lone word's own name before the forms a word said of it
    lengthens ('GOP', not 'House GOP')."""
    if key.startswith("n:"):
        counted = Counter({form: n for form, n in counted.items() if name_key(form) == key}) or counted
    full = {form: n for form, n in counted.items() if " " in form} or dict(counted)
    return min(full, key=lambda form: (-full[form], is_case_slip(form), form))


def is_case_slip(name: str) -> bool:
    """'HIllary', 'ANa': a second capital the rest of the word does not share."""
    return any(len(w) > 2 and w[1].isupper() and w[2:].islower() and w[:2] != "Mc" for w in name.split())


def paged_keys(extractions: Sequence[Extraction], keys: dict[tuple[int, str], str]) -> frozenset[str]:
    """The actors that earn a page: those named in BRIEFS_FOR_A_PAGE briefs or more, or
    MENTIONS_FOR_A_PAGE times in one, every speaker of a quote, and the curated ones. An actor named
    in passing in one brief and quoted there by no one is listed on its brief without a page."""
    briefs = briefs_per_key(keys)
    paged = {key for key, count in briefs.items() if count >= BRIEFS_FOR_A_PAGE or key.startswith("r:")}
    for position, extraction in enumerate(extractions):
        paged.update(keys[(position, q.speaker)] for q in extraction.quotes if q.speaker and q.kind != "term")
        paged.update(keys[(position, a.name)] for a in extraction.actors if a.mentions >= MENTIONS_FOR_A_PAGE)
    return frozenset(paged)
