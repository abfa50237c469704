"""Subjects: what a brief is about, found from its words, beyond the section labels of its article.

A small offline classifier: each subject is a list of words of general English that a text on it
uses (`immigra*` stands for every word beginning so). A brief's words are counted, those of its
title and summary weighing more, one word's repeats counting up to a point; the subjects that score
enough, and near enough to the best, are the brief's (at most MOST_SUBJECTS). A site owner names,
merges, hides and adds subjects in `subjects.yml` beside `actors.yml` (see `curation`).

A brief's subjects depend on its own text and the lexicon only, never on the other briefs: adding an
article changes no other brief's subjects.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.model import Problem
from generator.registry import NoAliasLoader
from generator.resolve import slugify

MOST_SUBJECTS = 3
# A subject is a brief's when it scores this much, and at least this share of the best subject's score.
LEAST_SCORE = 6.0
SHARE_OF_BEST = 0.4
# A brief with no subject that scores enough gets its best one when it scores this much.
FALLBACK_SCORE = 3.0
# One word's repeats count up to this many times: a story about a court says "court" often.
MOST_REPEATS = 3
TITLE_WEIGHT = 3.0
SUMMARY_WEIGHT = 2.0
# Every this many words of text (beyond the first) raise the score needed by one: a long text has
# more words of every subject.
WORDS_PER_POINT = 400

BUILT_IN: dict[str, str] = {
    "Economy": """economy economic economies economist* recession inflation GDP unemployment jobless
        wage wages deficit* debt debts budget* tax taxes taxation taxpayer* tariff* trade exports
        imports manufactur* stock-market* investor* interest-rate* bank banks banking fiscal
        austerity currency subsid* poverty welfare pension* minimum-wage Wall-Street""",
    "Health": """health healthcare health-care hospital* patient* doctor* nurse* medical medicine*
        Medicaid Medicare Obamacare Affordable-Care-Act insurer* disease* virus* epidemic pandemic
        vaccin* cancer opioid* overdose* pharmaceutical* abortion* clinic* illness* infection*
        outbreak*""",
    "Immigration": """immigra* migrant* migration refugee* asylum deport* border borders visa visas
        citizenship undocumented naturaliz* amnesty DACA border-wall""",
    "Polls and primaries": """primary primaries caucus caucuses poll polls polling pollster*
        survey surveys delegate* front-runner frontrunner turnout electorate swing-state*
        battleground* ballot ballots early-voting exit-poll* percentage-point* undecided""",
    "Campaign money and ads": """fundrais* donor* donation* super-PAC PAC PACs ad ads advert*
        commercial* campaign-finance contribution* billionaire* spending self-fund*""",
    "Parties and conventions": """Republican-Party Democratic-Party GOP establishment convention*
        nominee* nomination party-platform third-party conservative*
        Tea-Party RNC DNC party-leader*""",
    "Debates and rallies": """debate debates debated rally rallies speech speeches town-hall
        moderator* crowd crowds stump interview* remarks""",
    "Voting and elections": """election elections electoral voter* voting vote-counting recount*
        rigged Electoral-College voter-ID registration polling-place* absentee mail-in
        election-day""",
    "Congress and legislation": """Congress congressional Senate senator* lawmaker* legislat*
        bill bills filibuster committee* subpoena* veto* amendment* appropriation*
        government-shutdown bipartisan House-Republicans House-Democrats""",
    "Courts and law": """court courts judge* Supreme-Court ruling* ruled lawsuit* sued suing
        litigation appeals constitution* constitutional unconstitutional verdict* prosecut*
        indict* trial trials jury juries plaintiff* defendant* Justice-Department""",
    "Crime and policing": """crime* criminal* police policing shooting* shooter* gun guns
        firearm* murder* homicide* arrest* prison* jail* inmate* gang* robbery theft fraud
        FBI rape raped rapes rapist* assault assaults assaulted sexual-assault* sexually-assault*
        molest* harass*""",
    "Foreign policy and diplomacy": """diplomat* diplomacy diplomatic embassy embassies ambassador*
        treaty treaties sanction* allies alliance summit* NATO United-Nations bilateral
        foreign-policy foreign-minister* Secretary-of-State geopolitic*""",
    "War and security": """war wars military troops soldier* army navy Pentagon missile* nuclear
        weapon* bombing* airstrike* terror* terrorist* terrorism ISIS Islamic-State militant*
        insurgent* rebel* ceasefire invasion national-security CIA""",
    "Environment and energy": """climate environment* environmental emission* carbon pollution
        pollut* renewable* solar coal oil fracking pipeline* energy fossil greenhouse
        global-warming EPA conservation wildlife drought* wildfire* hurricane*""",
    "Education": """school* student* teacher* education educational universit* college*
        campus* classroom* tuition curriculum pupil*""",
    "Technology and media": """technology tech internet online digital software cyber* hack*
        hacker* privacy social-media Facebook Twitter tweet* tweeted Google app apps
        journalist* newspaper* television broadcast* news-media""",
    "Civil rights and society": """civil-rights discriminat* racism racist racial* equality
        inequality gender women LGBT gay transgender same-sex religio* Muslim* protest*
        protester* activist* minorit* hate-crime* black blacks African-American* Hispanic*
        Latino* Latina*""",
    "Government and ethics": """cabinet agency agencies bureaucra* regulation* regulator*
        executive-order* ministry corruption ethics scandal* resign* conflict*-of-interest
        email emails private-server inspector-general""",
    "Business and labour": """company companies corporat* business* firm firms CEO* merger*
        acquisition* profit* revenue* employee* worker* union unions labor labour layoff*
        retail* startup* shareholder*""",
    "Culture, sport and celebrity": """culture cultural entertainment entertainer* celebrit*
        Hollywood movie* film films filmmaker* actor actors actress* studio* comedian* comedy
        sitcom* late-night talk-show* morning-show* anchor anchors music musician* singer* song
        songs album* concert* band rapper* artist* fashion* glamour sport sports athlete*
        basketball football baseball NBA NFL Olympic* wedding* pregnan* grandchild* granddaughter*
        grandson* dating obituar* funeral*""",
    "Housing and transport": """housing homeowner* rent rents mortgage* homeless* infrastructure
        transport* transit railway* highway* airport* airline* traffic""",
}


@dataclass(frozen=True)
class Subject:
    """A subject: its slug (its identity, the path of its page), its name, its words; a hidden
    subject is still found (so that hiding one never gives a brief another) but never shown."""

    slug: str
    name: str
    words: tuple[str, ...]
    hidden: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The subjects a site knows, in the order of their names."""

    subjects: tuple[Subject, ...]

    @cached_property
    def patterns(self) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
        """Each subject's words as one expression as written (for running text) and one that ignores
        case (for a title, written in title case)."""
        return tuple(
            (re.compile(running_text(s.words)), re.compile(alternation(s.words), re.IGNORECASE))
            for s in self.subjects
        )

    @cached_property
    def fingerprint(self) -> str:
        """What a brief's subjects were found with: a brief found with another lexicon is looked at again."""
        text = repr([(s.slug, s.name, s.words, s.hidden) for s in self.subjects])
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @cached_property
    def hidden(self) -> frozenset[str]:
        return frozenset(s.slug for s in self.subjects if s.hidden)

    def subjects_of(self, title: str, summary: str, body: str) -> tuple[str, ...]:
        """The slugs of the shown subjects a brief is about, the most its own first. `title` is
        matched whatever its case, so the names in it are best left out (see `without_names`)."""
        scores: dict[str, float] = dict.fromkeys((s.slug for s in self.subjects), 0.0)
        texts = ((title, TITLE_WEIGHT, 1), (summary, SUMMARY_WEIGHT, 0), (body, 1.0, 0))
        for subject, pair in zip(self.subjects, self.patterns, strict=True):
            for text, weight, which in texts:
                counts = Counter(m.group().lower() for m in pair[which].finditer(text))
                scores[subject.slug] += weight * sum(min(c, MOST_REPEATS) for c in counts.values())
        words = sum(len(text.split()) for text, _, _ in texts)
        needed = LEAST_SCORE + max(0, words - WORDS_PER_POINT) / WORDS_PER_POINT
        ranked = sorted(((s, v) for s, v in scores.items() if v), key=lambda item: (-item[1], item[0]))
        best = ranked[0][1] if ranked else 0.0
        least = needed if best >= needed else FALLBACK_SCORE
        chosen = [slug for slug, score in ranked if score >= least and score >= SHARE_OF_BEST * best]
        return tuple(slug for slug in chosen[:MOST_SUBJECTS] if slug not in self.hidden)


def without_names(title: str, names: Iterable[str]) -> str:
    """A title without the words of the names in it: 'Bill' in a name is no bill of a parliament."""
    taken = {word.casefold() for name in names for word in name.split()}
    return " ".join(word for word in title.split() if word.strip(".,:;'\"?!").casefold() not in taken)


def word_pattern(word: str) -> str:
    """`word*` is any word beginning with `word`; a hyphen in a word also matches a space."""
    stem = re.escape(word.rstrip("*")).replace(r"\-", "[- ]")
    return stem + (r"[A-Za-z'-]*" if word.endswith("*") else "")


def alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return r"\b(?:" + "|".join(map(word_pattern, ordered)) + r")\b"


def running_text(words: Iterable[str]) -> str:
    """Words as written in running text: a word in lower case also begins a sentence, capitalised,
    but not inside a run of capitalised words, which is a name ('Bill Lee', 'the Wage Council');
    a word written with capitals (an acronym, a proper noun) only so."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        parts.append(word_pattern(word))
        if word.islower():
            parts.append(r"(?<![\w,] )" + word_pattern(word[0].upper() + word[1:]) + r"(?! [A-Z])")
    return r"\b(?:" + "|".join(parts) + r")\b"


def built_in_subjects() -> list[Subject]:
    return [Subject(slugify(name, "subject"), name, tuple(text.split())) for name, text in BUILT_IN.items()]


def lexicon_of(subjects: Sequence[Subject]) -> Lexicon:
    return Lexicon(tuple(sorted(subjects, key=lambda s: (s.name.casefold(), s.slug))))


DEFAULT_LEXICON = lexicon_of(built_in_subjects())

# The owner's curation, `subjects.yml`: a list of entries.
KNOWN_KEYS = ("name", "from", "keywords", "hide")
KEYWORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9' -]*\*?")
EXAMPLE = "- name: Health care\n  from: [Health]\n  keywords: [nursing-home*]"


class SubjectsError(Exception):
    """subjects.yml has problems; all of them are listed, so that one edit can fix them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def load_lexicon(path: Path, source: str) -> Lexicon:
    """The built-in subjects as `path` curates them (no file: as they are). An entry names a subject
    (`name`); `from` lists the built-in subjects it takes the place of (one: a new name; several: one
    subject for all); `keywords` adds words (`word*`: every word beginning so); `hide: true` keeps
    it off the site. An entry named as a built-in subject, without `from`, curates that subject; any
    other is a new subject. Raises SubjectsError listing every problem."""
    if not path.exists():
        return DEFAULT_LEXICON
    try:
        root = yaml.compose(path.read_text("utf-8"), Loader=NoAliasLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise SubjectsError(
            [Problem(source, line, f"not valid YAML: {error}", "fix the YAML syntax")]
        ) from error
    if root is None:
        return DEFAULT_LEXICON
    if not isinstance(root, yaml.SequenceNode):
        raise SubjectsError(
            [Problem(source, 1, "expected a list of subjects", f"write entries such as\n{EXAMPLE}")]
        )
    problems: list[Problem] = []
    curated = Curation({s.name.casefold(): s for s in built_in_subjects()}, source, problems)
    for node in root.value:
        curated.add(node)
    if problems:
        raise SubjectsError(problems)
    return lexicon_of(curated.subjects())


@dataclass
class Curation:
    """The built-in subjects left as they are, those curated so far, and the problems found."""

    built_in: dict[str, Subject]
    source: str
    problems: list[Problem]

    def __post_init__(self) -> None:
        self.taken: dict[str, int] = {}
        self.curated: list[Subject] = []

    def subjects(self) -> list[Subject]:
        names = [s.slug for s in self.curated]
        if len(set(names)) != len(names):
            self.problems.append(Problem(self.source, 1, "two subjects have the same name", "rename one"))
        left = [s for key, s in self.built_in.items() if key not in self.taken]
        return [*left, *self.curated]

    def add(self, node: yaml.Node) -> None:
        line = node.start_mark.line + 1
        data = self.entry(node, line)
        if data is None:
            return
        name = str(data["name"]).strip()
        sources = self.strings(data, "from", line) or ([name] if name.casefold() in self.built_in else [])
        words = self.keywords(data, line)
        taken: list[str] = []
        for other in sources:
            key = other.strip().casefold()
            if key not in self.built_in:
                self.problem(
                    line, f"'from' names {other!r}, no built-in subject", f"use one of {self.names()}"
                )
            elif key in self.taken:
                self.problem(
                    line, f"{other!r} is already curated on line {self.taken[key]}", "curate it once"
                )
            else:
                self.taken[key] = line
                taken.extend(self.built_in[key].words)
        if not sources and not words:
            self.problem(line, f"{name!r} is a new subject without keywords", "add keywords: [word, word*]")
        hide = data.get("hide", False)
        if not isinstance(hide, bool):
            self.problem(line, "'hide' must be true or false", "write hide: true")
        self.curated.append(Subject(slugify(name, "subject"), name, (*taken, *words), hide is True))

    def entry(self, node: yaml.Node, line: int) -> dict[str, Any] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(line, "an entry must be a mapping of keys", f"for example\n{EXAMPLE}")
            return None
        data: dict[str, Any] = yaml.safe_load(yaml.serialize(node))
        for key in data:
            if key not in KNOWN_KEYS:
                self.problem(line, f"unknown key {key!r}", f"use only {', '.join(KNOWN_KEYS)}")
        if not isinstance(data.get("name"), str) or not data["name"].strip():
            self.problem(line, "an entry needs a 'name'", "add the subject's name")
            return None
        return data

    def keywords(self, data: dict[str, Any], line: int) -> list[str]:
        words = self.strings(data, "keywords", line)
        for word in words:
            if not KEYWORD.fullmatch(word):
                self.problem(
                    line, f"keyword {word!r} is not a word", "use letters, digits, hyphens, a final *"
                )
        return [word.replace(" ", "-") for word in words if KEYWORD.fullmatch(word)]

    def strings(self, data: dict[str, Any], key: str, line: int) -> list[str]:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(line, f"'{key}' must be a list of strings", f"write {key}: [A, B]")
            return []
        return [v.strip() for v in value if v.strip()]

    def problem(self, line: int, message: str, hint: str) -> None:
        self.problems.append(Problem(self.source, line, message, hint))

    def names(self) -> str:
        return ", ".join(s.name for s in self.built_in.values())
