"""Merge the names found in one article into actors: every form of a name resolved to one actor."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.extract import lexicon
from generator.extract.gazetteer import country_of
from generator.extract.names import Candidate, find_candidates
from generator.model import Actor, ActorType, Mention, Sentence, Span



@dataclass(frozen=True)
class Cast:
    """The actors of an article and every mention of them, in reading order."""

    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]

    def by_name(self, name: str) -> Actor:
        return next(actor for actor in self.actors if actor.name == name)


def find_actors(sentences: Sequence[Sentence], speakers: frozenset[str] = frozenset()) -> Cast:
    """Resolve names to actors; `speakers` are single words seen as speakers, kept as people."""
    candidates = find_candidates(sentences)
    full_names = person_names(candidates)
    acronyms = {c.acronym: c.name for c in candidates if c.acronym}
    mentions: list[Mention] = []
    for candidate in candidates:
        resolved = resolve(candidate, full_names, acronyms, speakers)
        if resolved is not None:
            mentions.append(resolved)
    mentions += nominal_mentions(sentences, mentions)
    mentions.sort(key=lambda m: (m.span.sentence, m.span.start))
    return Cast(build_actors(mentions, sentences), tuple(mentions))


def person_names(candidates: Sequence[Candidate]) -> dict[str, str]:
    """Each word of a person's full name mapped to that name, when only one person has it."""
    owners: dict[str, set[str]] = {}
    for candidate in candidates:
        if candidate.type == "person" and " " in candidate.name:
            for word in candidate.name.split():
                if word[0].isupper():
                    owners.setdefault(word, set()).add(candidate.name)
    return {word: next(iter(names)) for word, names in owners.items() if len(names) == 1}


def resolve(
    candidate: Candidate,
    full_names: dict[str, str],
    acronyms: dict[str, str],
    speakers: frozenset[str],
) -> Mention | None:
    """The mention a candidate stands for, or None when it names no actor."""
    span = Span(candidate.sentence, candidate.start, candidate.end)
    text, name = candidate.name, candidate.name
    kind: ActorType | None = candidate.type
    if kind == "country" or country_of(name):
        return Mention(text, span, country_of(name) or name, "country", candidate.role)
    if name in acronyms and candidate.acronym is None:
        return Mention(text, span, acronyms[name], "organization")
    if kind is None and " " not in name and name in full_names:
        return Mention(text, span, full_names[name], "person")
    if kind == "place" and candidate.is_venue:
        return None
    if kind is None:
        kind = guess_type(candidate, speakers)
        if kind is None:
            return None
    return Mention(text, span, name, kind, candidate.role)


def guess_type(candidate: Candidate, speakers: frozenset[str]) -> ActorType | None:
    """A name whose words do not show its type: a person when it speaks or has two words."""
    if candidate.name.lower() in lexicon.FUNCTION_WORDS:
        return None
    if candidate.name in speakers or " " in candidate.name:
        return "person"
    return None


def nominal_mentions(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Mention]:
    """'the president' where exactly one actor of the article holds a role ending in that word."""
    by_head: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.role:
            by_head.setdefault(mention.role.split()[-1].lower(), set()).add(mention.name)
    found = []
    for head, owners in sorted(by_head.items()):
        if len(owners) != 1:
            continue
        nominal = re.compile(rf"\b[Tt]he (?:[a-z]+ )?{re.escape(head)}\b")
        for sentence in sentences:
            for match in nominal.finditer(sentence.text):
                span = Span(sentence.index, match.start(), match.end())
                found.append(Mention(match.group(), span, next(iter(owners)), "person"))
    return found


def build_actors(mentions: Sequence[Mention], sentences: Sequence[Sentence]) -> tuple[Actor, ...]:
    """One actor per name: its type, first stated role, and the other forms it was written in."""
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.name, []).append(mention)
    actors = []
    for name, group in grouped.items():
        role = next((m.role for m in group if m.role), None)
        aliases = aliases_of(name, group, sentences)
        actors.append(Actor(name, group[0].type, role, aliases, len(group), group[0].span.sentence))
    return tuple(actors)


def aliases_of(name: str, group: Sequence[Mention], sentences: Sequence[Sentence]) -> tuple[str, ...]:
    """Every other form of the name, with its title where one was written, in order of appearance."""
    forms: list[str] = []
    for mention in group:
        for form in (mention.text, titled_form(mention, sentences)):
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
