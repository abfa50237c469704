"""Merge the names found in one article into actors: every form of a name resolved to one actor."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from generator.extract import lexicon
from generator.extract.cues import is_speech_verb
from generator.extract.gazetteer import country_of, first_name_gender
from generator.extract.names import DESCRIBING_COMPOUND, Candidate, is_place
from generator.model import Actor, ActorType, Mention, Sentence, Span

EMPTY: Mapping[str, ActorType] = {}
MEMBER_SUFFIXES = ("ers", "ites", "ists", "s")  # 'Clintonites'; 'the Okafors', a family
PRONOUN_REACH = 80  # characters after a name in which 'he' or 'she' most likely refers to it
GENDERED_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
# "Lopez's campaign", "Lopez's office": what follows a person's possessive that is a body of its own.
POSSESSED_BODY = re.compile(r"['\u2019]s? (campaign|office)\b")
NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
# A verb or an adverb after a body: 'Lopez's campaign launched', '... hopes', '... quickly'.
VERB_AFTER_BODY = re.compile(r"[a-z]+(?:ed|[^s']s|ing|ly)")
SURNAME_PREFIX = re.compile(r"(?:Mc|Mac|O')[A-Z]")  # 'McAllister', "O'Hara": a family name


@dataclass(frozen=True)
class Cast:
    """The actors of an article and every mention of them, in reading order."""

    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]

    @cached_property
    def by_sentence(self) -> dict[int, list[Mention]]:
        """The mentions of each sentence: looked up per sentence, never by scanning them all."""
        index: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            index.setdefault(mention.span.sentence, []).append(mention)
        return index


def resolve_actors(
    candidates: Sequence[Candidate], sentences: Sequence[Sentence], speakers: Mapping[str, ActorType] = EMPTY
) -> Cast:
    """The actors the names found in `sentences` stand for (names found once, resolved per speaker set)."""
    candidates = without_stray_words(candidates, sentences)
    acronyms = {c.acronym: c.name for c in candidates if c.acronym}
    speakers = {**speakers, **bodies_speaking(speakers, candidates, sentences)}
    others = OtherNames(surname_owners(candidates), acronyms, speakers, member_stems(candidates))
    mentions: list[Mention] = []
    inside = {c.name for c in candidates if not c.is_initial}
    lowered = lower_case_words(sentences, candidates)
    for candidate in candidates:
        if is_common_noun(candidate, inside) or (candidate.is_bare and candidate.name.lower() in lowered):
            continue
        resolved = resolve(candidate, others)
        if resolved is not None:
            mentions.append(resolved)
    mentions = untyped_organizations(mentions, candidates, speakers)
    mentions += nominal_mentions(sentences, mentions)
    mentions.sort(key=lambda m: (m.span.sentence, m.span.start))
    defined = {name: acronym for acronym, name in acronyms.items()}
    bodies = possessed_bodies(sentences, mentions)
    if not bodies:
        return Cast(build_actors(mentions, sentences, defined), tuple(mentions))
    # The person stays an actor, but the stretch names the body: that is who speaks there.
    owners = {(b.span.sentence, b.span.start) for b in bodies}
    kept = [m for m in mentions if (m.span.sentence, m.span.start) not in owners] + bodies
    kept.sort(key=lambda m: (m.span.sentence, m.span.start))
    return Cast(build_actors([*mentions, *bodies], sentences, defined), tuple(kept))


def possessed_bodies(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Mention]:
    """ "Mrs. Lopez's campaign said": a body a person's possessive names, an organisation of its own
    (the 'Maria Lopez campaign'), not the person, though 'the Lopez campaign' is hers."""
    bodies = []
    for mention in mentions:
        if mention.type != "person":
            continue
        text = sentences[mention.span.sentence].text
        body = POSSESSED_BODY.match(text, mention.span.end)
        if body is not None and not is_compound_noun(text, body.end()):
            name = f"{mention.name} {body.group(1)}"
            span = Span(mention.span.sentence, mention.span.start, body.end())
            bodies.append(Mention(name, span, name, "organization"))
    return bodies


def is_compound_noun(text: str, end: int) -> bool:
    """ "Lopez's campaign slogan", "Lopez's campaign manager": the word after a body names something
    else, as a lower-case word is when no verb, adverb or word of grammar ('said', 'has', 'also')."""
    following = NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return not (word in lexicon.FUNCTION_WORDS or VERB_AFTER_BODY.fullmatch(word) or is_speech_verb(word))


def without_stray_words(candidates: Sequence[Candidate], sentences: Sequence[Sentence]) -> list[Candidate]:
    """The candidates, each name of a capitalised word glued before a person's full name ('Certainly
    Ana Ruiz', 'Billionaire Ana Ruiz', 'Rival Ana Ruiz') cut to that name where the article names the
    person without the word, in full or by the surname alone: the word opened a sentence, or was
    said of the person."""
    types: dict[str, ActorType | None] = {}
    for candidate in candidates:
        types[candidate.name] = types.get(candidate.name) or candidate.type
    surnames = {c.name for c in candidates if " " not in c.name and c.type in (None, "person")}
    found = list(candidates)
    for position, candidate in enumerate(candidates):
        word = stray_word(candidate)
        if word is None:
            continue
        rest = candidate.name[len(word) + 1 :]
        if rest not in types and surname_of(rest) not in surnames:
            continue
        start = candidate.start + len(word) + 1
        kind = types.get(rest, "person")  # as written elsewhere; else a first name and a surname's
        found[position] = candidate._replace(name=rest, start=start, type=kind, is_initial=False)
    return found


def stray_word(candidate: Candidate) -> str | None:
    """The first word of a name of no role and no type but a person's, when it is a plain word that
    no first-name list holds and a first name follows it: a word that may not be the name's."""
    words = candidate.name.split(" ")
    if len(words) < 3 or candidate.role or candidate.type not in (None, "person"):
        return None
    word, following = words[0], words[1]
    if not word.isalpha() or first_name_gender(word) is not None or is_place(f"{word} {following}"):
        return None  # 'New York Fed', 'West Orsk Bank': a place's name, then a body's
    return word if following[:1].isupper() and first_name_gender(following) is not None else None


def bodies_speaking(
    speakers: Mapping[str, ActorType], candidates: Sequence[Candidate], sentences: Sequence[Sentence]
) -> dict[str, ActorType]:
    """Lone names found speaking ('Velto said') that nothing shows to be a person's: not a first name,
    not a surname's prefix, no title, no 'he' or 'she' after them in that sentence or the next. News
    names a person in full before using a surname alone; a company or an agency is named by one word."""
    lone = {
        name
        for name, kind in speakers.items()
        if kind == "person" and " " not in name and first_name_gender(name) is None
    }
    lone -= {c.name for c in candidates if c.name in lone and is_personal(c, sentences)}
    return dict.fromkeys(lone, "organization")


def is_personal(candidate: Candidate, sentences: Sequence[Sentence]) -> bool:
    """A title before the name, or 'he' or 'she' soon after it or opening the next sentence."""
    if candidate.role or SURNAME_PREFIX.match(candidate.name):
        return True
    after = sentences[candidate.sentence].text[candidate.end : candidate.end + PRONOUN_REACH]
    following = sentences[candidate.sentence + 1].text if candidate.sentence + 1 < len(sentences) else ""
    return bool(GENDERED_PRONOUN.search(after) or GENDERED_PRONOUN.match(following))


def lower_case_words(sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> set[str]:
    """Which of the lone words that nothing types the article also writes in lower case: 'World' or
    'Look' capitalised once, 'world' and 'look' elsewhere, are words, not names."""
    bare = {c.name.lower() for c in candidates if c.is_bare}
    if not bare:
        return set()
    text = " ".join(s.text for s in sentences)
    return {word for word in bare if is_written_alone(word, text)}


def is_written_alone(word: str, text: str) -> bool:
    """Whether `text` holds `word` not glued to a letter or digit (as the regex \\b would find it);
    looked for with `str.find`, as a pattern compiled for each word costs more than the search."""
    if not (is_word_character(word[:1]) and is_word_character(word[-1:])):
        return re.search(rf"\b{re.escape(word)}\b", text) is not None
    position = text.find(word)
    while position >= 0:
        end = position + len(word)
        if not (is_word_character(text[position - 1 : position]) or is_word_character(text[end : end + 1])):
            return True
        position = text.find(word, position + 1)
    return False


def is_word_character(character: str) -> bool:
    """What the regex class \\w matches in a text."""
    return character.isalnum() or character == "_"


def is_common_noun(candidate: Candidate, inside: set[str]) -> bool:
    """'Police said', 'City officials': a word naming a kind of body or place, capitalised only where
    it opens a sentence (`inside`: the names written capitalised elsewhere, as 'Congress' is)."""
    word = candidate.name.lower()
    return (
        candidate.is_initial
        and " " not in word
        and (word in lexicon.ORGANIZATION_WORDS or word in lexicon.PLACE_WORDS)
        and candidate.name not in inside
    )


class Owner(NamedTuple):
    """A person's name that a surname alone may stand for, and where the article first gives it (a
    tuple: made for most names of a person, so cheap to build)."""

    name: str
    sentence: int
    is_typed: bool = True  # a person by its words; else a name of several words that tell no type


@dataclass(frozen=True)
class OtherNames:
    """What resolving one name needs to know of the article's other names."""

    owners: dict[str, list[Owner]]
    acronyms: dict[str, str]
    speakers: Mapping[str, ActorType]
    stems: frozenset[str]


def member_stems(candidates: Sequence[Candidate]) -> frozenset[str]:
    """The words of the article's names that a group of members or followers may be named after:
    those of an organisation's name ('Birch' of the John Birch Society), a person's surname."""
    stems: set[str] = set()
    for candidate in candidates:
        if candidate.type not in ("organization", "person") or (
            " " not in candidate.name and not candidate.role
        ):
            continue
        words = candidate.name.split()
        for word in words if candidate.type == "organization" else words[-1:]:
            if word.isalpha() and word[0].isupper() and word.lower() not in lexicon.ORGANIZATION_WORDS:
                stems.add(word)
    return frozenset(stems)


def is_members_noun(name: str, stems: frozenset[str]) -> bool:
    """'Birchers' (John Birch Society), 'Clintonites', 'Partiers' (a party), 'the Okafors' (a family):
    a group named after a name."""
    if not name.endswith(MEMBER_SUFFIXES):
        return False
    for suffix in MEMBER_SUFFIXES:
        stem = name.removesuffix(suffix)
        if stem != name and len(stem) > 2 and (stem in stems or f"{stem[:-1]}y" in stems):
            return True
    return False


def surname_owners(candidates: Sequence[Candidate]) -> dict[str, list[Owner]]:
    """Each surname mapped to the people who bear it, in order of first appearance."""
    owners: dict[str, list[Owner]] = {}
    for candidate in candidates:
        is_typed = candidate.type == "person" and (" " in candidate.name or bool(candidate.role))
        if not is_typed and not is_untyped_full_name(candidate):
            continue
        for surname in (surname_of(candidate.name), particle_surname(candidate.name)):
            if surname is None:
                continue
            bearers = owners.setdefault(surname, [])
            if surname[0].isupper() and all(o.name != candidate.name for o in bearers):
                bearers.append(Owner(candidate.name, candidate.sentence, is_typed))
    return owners


def is_untyped_full_name(candidate: Candidate) -> bool:
    """'Minyon Moore', 'Htin Kyaw': words that tell no type and that no first-name list holds."""
    return candidate.type is None and " " in candidate.name and guess_type(candidate, EMPTY) == "person"


def surname_of(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in lexicon.NAME_SUFFIXES:
        words = words[:-1]
    return words[-1]


def particle_surname(name: str) -> str | None:
    """'De la Cruz' of 'Ana de la Cruz', 'Le Roux' of 'Marc Le Roux': the surname of several words a
    particle after the first name opens, as a sentence may open it; None for a name with no particle."""
    words = name.split()
    for position in range(1, len(words) - 1):
        if words[position].lower() in lexicon.SURNAME_PARTICLES:
            return surname_key(" ".join(words[position:]))
    return None


def surname_key(name: str) -> str:
    """A surname as `surname_owners` files it: particles after the first word in lower case."""
    first, *rest = name.split()
    return " ".join(
        [
            first[0].upper() + first[1:],
            *(w.lower() if w.lower() in lexicon.SURNAME_PARTICLES else w for w in rest),
        ]
    )


def opens_with_particle(name: str) -> bool:
    """'De la Cruz said', 'Le Roux told reporters': a surname of several words used alone."""
    return " " in name and name.split(None, 1)[0].lower() in lexicon.SURNAME_PARTICLES


def owner_of(candidate: Candidate, owners: dict[str, list[Owner]], *, is_person: bool) -> str | None:
    """The full name a lone surname stands for: the first person introduced with it, of the title's gender.

    News writing introduces a person by full name and then uses the surname; when relatives share
    it ('Ted Cruz', 'Heidi Cruz'), the surname alone means the first introduced, the principal.
    A surname first written with a title only ('President Obama') stays that person. A name whose
    words tell no type ('Minyon Moore') owns its surname only where that is a person's ('Ms. Moore',
    'Moore said'), and only when no person's name does: 'the Mall' is not the National Mall's.
    """
    bearers = owners.get(surname_key(candidate.name))
    if not bearers:
        return None
    if not is_person or any(o.is_typed and " " in o.name for o in bearers):
        bearers = [o for o in bearers if o.is_typed]
    fitting = [o for o in bearers if fits_title(o.name, candidate.role)] if candidate.role else bearers
    earlier = [o for o in fitting if o.sentence <= candidate.sentence]
    full_names = [o.name for o in earlier if " " in o.name]
    if full_names or earlier:
        return full_names[0] if full_names else None
    later = [o.name for o in fitting if " " in o.name]
    return later[0] if len(later) == 1 else None


def first_name_owner(name: str, others: OtherNames) -> str | None:
    """'Ana' where the article names one person Ana in full ('Ana Ruiz'): that person."""
    if first_name_gender(name) is None:
        return None
    owners = {o.name for bearers in others.owners.values() for o in bearers if o.name.startswith(f"{name} ")}
    return next(iter(owners)) if len(owners) == 1 else None


def fits_title(name: str, role: str | None) -> bool:
    """'Mrs. Clinton' cannot be Bill Clinton: a gendered courtesy title must match the first name."""
    title = role.split()[-1].lower().rstrip(".") if role else ""
    wanted = lexicon.TITLE_GENDERS.get(title)
    if wanted is None or " " not in name:
        return True
    return first_name_gender(name.split()[0]) in (None, "unknown", wanted)


def resolve(candidate: Candidate, others: OtherNames) -> Mention | None:
    """The mention a candidate stands for, or None when it names no actor."""
    found = resolve_name(candidate, others)
    if found is None:
        return None
    name, kind, role = found
    return Mention(candidate.name, Span(candidate.sentence, candidate.start, candidate.end), name, kind, role)


def resolve_name(candidate: Candidate, others: OtherNames) -> tuple[str, ActorType, str | None] | None:
    """The actor's name, type and role a candidate stands for, or None when it names no actor."""
    name, kind = candidate.name, candidate.type
    country = country_of(name)
    if kind == "country" or country:
        return country or name, "country", None  # 'Orsk CEO Ana Ruiz': the post is hers
    if name in others.acronyms and candidate.acronym is None:
        return others.acronyms[name], "organization", None
    if kind in (None, "person") and (" " not in name or opens_with_particle(name)):
        is_person = kind == "person" or others.speakers.get(name) == "person"
        owner = owner_of(candidate, others.owners, is_person=is_person) or first_name_owner(name, others)
        if owner is not None:
            return owner, "person", candidate.role
        if kind is None and is_members_noun(name, others.stems):
            return name, "group", None
    if kind == "place" and candidate.is_venue:
        return None
    if kind is None:
        kind = guess_type(candidate, others.speakers)
        if kind is None:
            return None
    return name, kind, candidate.role


def untyped_organizations(
    mentions: Sequence[Mention], candidates: Sequence[Candidate], speakers: Mapping[str, ActorType]
) -> list[Mention]:
    """Names of several words that tell no type ('Harbor Lamps', 'Velta Standard') are taken for an
    organisation's unless the article treats them as a person's: a title, a surname used alone,
    speech, or words around one of its mentions that show a person's ('Zora Velt, 41,'). Few people
    are named without a first name that the first-name data knows; many companies, newspapers and
    bodies are."""
    untyped = {c.name for c in candidates if c.type is None and " " in c.name}
    untyped -= {c.name for c in candidates if c.type == "person"}  # typed once by what surrounds it
    personal = {m.name for m in mentions if m.role or m.text != m.name} | set(speakers)
    retyped = untyped - personal
    return [
        m._replace(type="organization") if m.name in retyped and m.type == "person" else m for m in mentions
    ]


def guess_type(candidate: Candidate, speakers: Mapping[str, ActorType]) -> ActorType | None:
    """A name whose words do not show its type: a person when it speaks or has two words.

    Not when a capitalised function word joins them: 'Peace Through Strength' names a slogan.
    """
    words = candidate.name.split()
    if candidate.name.lower() in lexicon.FUNCTION_WORDS or any(
        w.istitle() and w.lower() in lexicon.JOINING_WORDS for w in words[1:]
    ):
        return None
    if "-" in candidate.name and any(DESCRIBING_COMPOUND.search(w) for w in words):
        return None  # 'South Florida-based', 'Republican-controlled': describing words, not names
    if candidate.name in speakers:
        return speakers[candidate.name]
    if len(words) > 1:
        return "person"
    return lone_name_type(candidate.name) if candidate.is_bare else None


def lone_name_type(name: str) -> ActorType:
    """A lone capitalised word inside a sentence, typed by nothing around it ('data from Velta',
    'Velta and Orsk'): a name, as English capitalises only names there; a first name is a person's,
    a surname by its prefix ('McAllister'); another word most often a company's, an outlet's or a
    body's."""
    is_person = first_name_gender(name) is not None or SURNAME_PREFIX.match(name)
    return "person" if is_person else "organization"


def nominal_mentions(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Mention]:
    """'the president' where exactly one person of the article holds a role ending in that word, and
    'the agency' where exactly one organisation's name ends in it ('the Transport Agency')."""
    by_head: dict[str, set[str]] = {}
    types: dict[str, ActorType] = {}
    for mention in mentions:
        head = nominal_head(mention)
        if head:
            by_head.setdefault(head, set()).add(mention.name)
            types[mention.name] = mention.type
    found = []
    article = "\n".join(sentence.text for sentence in sentences)
    for head, owners in sorted(by_head.items()):
        if len(owners) != 1 or head not in article:
            continue
        nominal = re.compile(rf"\b[Tt]he (?:[a-z]+ )?{re.escape(head)}\b")
        for sentence in sentences:
            if head not in sentence.text:
                continue
            for match in nominal.finditer(sentence.text):
                span = Span(sentence.index, match.start(), match.end())
                owner = next(iter(owners))
                found.append(Mention(match.group(), span, owner, types[owner]))
    return found


def nominal_head(mention: Mention) -> str | None:
    """The word a later 'the ...' names this actor by: its role's last word, or an organisation's."""
    if mention.role:
        return mention.role.split()[-1].lower()
    if mention.type != "organization" or " " not in mention.name:
        return None
    last = mention.name.rsplit(None, 1)[-1].lower()
    return last if last in lexicon.ORGANIZATION_WORDS else None


def build_actors(
    mentions: Sequence[Mention], sentences: Sequence[Sentence], acronyms: dict[str, str]
) -> tuple[Actor, ...]:
    """One actor per name: its type, first stated role, and the other forms it was written in.

    The acronym a name is defined with ('Federal Bureau of Investigation (FBI)') is one of its forms,
    even when the article never uses it again.
    """
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.name, []).append(mention)
    actors = []
    for name, group in grouped.items():
        role = next((m.role for m in group if m.role and not is_courtesy(m.role)), None)
        aliases = aliases_of(name, group, sentences)
        if name in acronyms and acronyms[name] not in aliases:
            aliases = (*aliases, acronyms[name])
        actors.append(Actor(name, group[0].type, role, aliases, len(group), group[0].span.sentence))
    return tuple(actors)


def is_courtesy(role: str) -> bool:
    """'Mr.', 'Mrs.', 'Dr.': a courtesy title is part of how a name is written, not a role."""
    return role.lower().rstrip(".") in lexicon.COURTESY_TITLES


def aliases_of(name: str, group: Sequence[Mention], sentences: Sequence[Sentence]) -> tuple[str, ...]:
    """Every other form of the name, with its title where one was written, in order of appearance."""
    forms: list[str] = []
    for mention in group:
        for form in (mention.text, titled_form(mention, sentences)) if mention.role else (mention.text,):
            if form and form != name and form not in forms:
                forms.append(form)
    return tuple(forms)


def titled_form(mention: Mention, sentences: Sequence[Sentence]) -> str | None:
    if not mention.role:
        return None
    text = sentences[mention.span.sentence].text
    if f"{mention.role} {mention.text}" in text:
        return f"{mention.role} {mention.text}"
    return None
