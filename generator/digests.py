"""What lists show of a brief beside its title: its summary line, its lead figure and its subjects.

These read the article's text, which light extractions leave out (see `model.LightExtraction`): a
digest is kept between builds by the brief's key, with the subjects' fingerprint (see
`known_digests`), so that a rebuild reads the text of only the briefs that changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from generator.key_figures import key_figures
from generator.model import Extraction, Figure
from generator.resolve import Brief
from generator.subjects import Lexicon, Subject, without_names

LINE_LENGTH = 220
MAIN_ACTORS = 3


@dataclass(frozen=True)
class Digest:
    """A brief as a list shows it: one line of summary, its lead figure (None: no key figure), and
    the slugs of its subjects, the most its own first."""

    line: str
    lead: Figure | None
    subjects: tuple[str, ...]


# Digests kept for the next build, by brief key: the lexicon's fingerprint and the digest.
KnownDigests = dict[str, tuple[str, Digest]]


def digest_briefs(
    briefs: Sequence[Brief],
    lexicon: Lexicon,
    known: Mapping[str, tuple[str, Digest]],
    with_text: Callable[[Sequence[Brief]], Sequence[Brief]],
) -> dict[str, Digest]:
    """Each brief's digest by slug: from `known` where its key and the lexicon are the same, else from
    its text."""
    fingerprint = lexicon.fingerprint
    found = {
        b.slug: entry[1] for b in briefs if b.key and (entry := known.get(b.key)) and entry[0] == fingerprint
    }
    missing = [brief for brief in briefs if brief.slug not in found]
    found.update((brief.slug, digest_of(brief.extraction, lexicon)) for brief in with_text(missing))
    return found


def known_digests(briefs: Sequence[Brief], reading: Reading, lexicon: Lexicon) -> KnownDigests:
    """The digests of `reading` to keep for the next build (see `digest_briefs`)."""
    return {b.key: (lexicon.fingerprint, reading.digests[b.slug]) for b in briefs if b.key}


def digest_of(extraction: Extraction, lexicon: Lexicon) -> Digest:
    article = extraction.article
    names = [name for actor in extraction.actors for name in (actor.name, *actor.aliases)]
    body = " ".join(p.text for p in article.paragraphs if not p.is_summary)
    subjects = lexicon.subjects_of(without_names(article.title, names), article.summary, body)
    cards = key_figures(extraction)
    return Digest(summary_line(extraction), cards[0] if cards else None, subjects)


def summary_line(extraction: Extraction) -> str:
    """The summary, or else the first sentence, cut at a word near LINE_LENGTH characters."""
    text = extraction.article.summary or (extraction.sentences[0].text if extraction.sentences else "")
    text = " ".join(text.split())
    if len(text) <= LINE_LENGTH:
        return text
    return text[:LINE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def main_actors(brief: Brief) -> tuple[str, ...]:
    """The names of the brief's actors with a page that matter most to it: those it quotes, then the
    most mentioned (at most MAIN_ACTORS)."""
    extraction = brief.extraction
    quoted = {q.speaker for q in extraction.quotes if q.speaker and q.is_certain}
    paged = [a for a in extraction.actors if a.name in brief.actor_slugs]
    ranked = sorted(paged, key=lambda a: (a.name not in quoted, -a.mentions, a.first_sentence))
    return tuple(actor.name for actor in ranked[:MAIN_ACTORS])


@dataclass(frozen=True)
class SubjectGroup:
    """A subject shown on the site and its briefs, newest first."""

    subject: Subject
    briefs: tuple[Brief, ...]


def group_subjects(
    briefs: Sequence[Brief], digests: Mapping[str, Digest], lexicon: Lexicon
) -> tuple[SubjectGroup, ...]:
    """The subjects that hold a brief, in the lexicon's order (by name); briefs stay newest first."""
    grouped: dict[str, list[Brief]] = defaultdict(list)
    for brief in briefs:
        for slug in digests[brief.slug].subjects:
            grouped[slug].append(brief)
    return tuple(SubjectGroup(s, tuple(grouped[s.slug])) for s in lexicon.subjects if grouped[s.slug])


@dataclass(frozen=True)
class Reading:
    """What lists and feeds show besides titles: each brief's digest by slug, the subjects with
    their briefs, and whether the site publishes feeds (they need its address)."""

    digests: Mapping[str, Digest]
    subjects: tuple[SubjectGroup, ...] = ()
    has_feeds: bool = False

    @cached_property
    def names(self) -> dict[str, str]:
        return {group.subject.slug: group.subject.name for group in self.subjects}

    def subject_names(self, brief: Brief) -> tuple[tuple[str, str], ...]:
        """(slug, name) of each subject of `brief` shown on the site."""
        return tuple((s, self.names[s]) for s in self.digests[brief.slug].subjects if s in self.names)


def read_briefs(
    briefs: Sequence[Brief],
    lexicon: Lexicon,
    known: Mapping[str, tuple[str, Digest]],
    with_text: Callable[[Sequence[Brief]], Sequence[Brief]],
    *,
    has_feeds: bool,
) -> Reading:
    """Digest every brief and group them by subject (see `digest_briefs`)."""
    digests = digest_briefs(briefs, lexicon, known, with_text)
    return Reading(digests, group_subjects(briefs, digests, lexicon), has_feeds)


def search_tags(extraction: Extraction, subjects: Sequence[str]) -> list[str]:
    """The names a search should find a brief by before the briefs that only mention them: the actors
    it quotes, or names in its title or summary; and its subjects."""
    article = extraction.article
    heading = f"{article.title} {article.summary}"
    quoted = {q.speaker for q in extraction.quotes if q.speaker and q.is_certain}
    key = [
        actor.name
        for actor in extraction.actors
        if actor.name in quoted or any(form in heading for form in (actor.name, *actor.aliases))
    ]
    return list(dict.fromkeys([*key, *subjects]))
