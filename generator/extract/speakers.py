"""Attribute a quote to its speaker from the cue around it (`, she added`, `X stated that`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from itertools import islice
from typing import NamedTuple

from generator.extract import lexicon
from generator.extract.actors import Cast
from generator.extract.cues import (
    CLOSING_MARKS,
    MAX_NAME_WORDS,
    OPENING_MARKS,
    POSSESSIVE_ENDINGS,
    WORD,
    blank_parentheses,
    clause_start_before,
    cue_verb,
    ends_with_cue,
    is_appositive,
    is_cue_verb,
    is_speech_verb,
    name_phrase_length,
    segments,
)
from generator.extract.gazetteer import first_name_gender
from generator.extract.quotes import TRANSCRIPT_LABEL
from generator.model import Actor, Mention, Sentence

DASH_CREDIT = re.compile(
    r"^\s*(?:[\u2015\u2014\u2013]|--?)\s*([^\W\d_][\w.'\u2019-]*(?:\s+[^\W\d_][\w.'\u2019-]*){0,5})[\s.]*(?:$|[\"\u201c])"
)
OPENING_NAME = re.compile(r"\W*(?:[A-Z][\w.'\u2019-]*\s*)+")
# 'Ana Ruiz, Daily Ledger: ' / ' - Ana Ruiz and Tomas Berg: ' before a quote: who the quote is of.
NAME_CAPITAL = r"[A-Z][\w.'\u2019-]*"
NAME_LABEL = re.compile(
    rf"(?:^|\s[-\u2014\u2013]+\s*)((?:{NAME_CAPITAL}\s+(?:and\s+)?){{0,4}}{NAME_CAPITAL})"
    rf"(?:,\s+(?:{NAME_CAPITAL}\s+){{0,3}}{NAME_CAPITAL})?:\s*$"
)
POST_HEADS = lexicon.TITLE_HEADS | lexicon.PERSON_ATTRIBUTES
POST_WORDS = POST_HEADS | lexicon.TITLE_MODIFIERS
# A noun of who does something, a post of its own: 'speechwriter', 'fundraiser', 'strategist'.
AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|or|ist)")
# A post in lower case and the name after it: 'campaign spokesman Ana Ruiz '.
TITLED_NAME = re.compile(r"((?:[a-z][\w-]*\s+){1,3})((?:[A-Z][\w.'\u2019-]*\s*)+)")
# 'In recent weeks, ' / 'Another critic, ': what may stand before the subject's name.
OPENING_ADVERBIAL = re.compile(
    r"(?:(?:(?:And|But|So)\s+)?"
    r"(?:[Ii]n|[Oo]n|[Aa]t|[Dd]uring|[Aa]fter|[Bb]efore|Last|Earlier|Later|This|Since|Conversely"
    r"|Meanwhile|[A-Z][a-z]+ing)\b"
    r"[^,\"\u201c]{0,80},\s*)?"
    r"(?:(?:Another|The|A|An|His|Her|Their|Its|One)\s[a-z][^,\"\u201c]{0,60},\s*)?"
)
# After the subject: its origin ('of West Virginia'), an appositive, then a lower-case verb or adverb.
VERB_AFTER_SUBJECT = re.compile(
    r"(?:of (?:[A-Z][\w.'\u2019-]*\s*)+)?\s*(?:,[^,\"\u201c\u201d]{1,160},\s*|,\s*)?"
    r"(?!(?:and|or|but|who|which|that|is|was|to|in|of|on|at|for|with)\b)[a-z]{2,}\b"
)
WORD_CHARACTER = re.compile(r"\w")
# The word after a name, past a parenthesised aside ('Okafor (D-Ill.) went'): a verb when lower case.
NEXT_LOWER_WORD = re.compile(r"\s+([a-z][a-z'\u2019-]*)\b")
# A verb in the past or present tense: 'fumed', 'snaps'.
VERB_FORM = re.compile(r"[a-z]{2,}(?:ed|[^s']s)")
CONTRACTION = re.compile(r"['\u2019](?:re|s|ve|ll|d|m|t)$")
SUBJECT_TYPES = frozenset(["person", "organization"])
SPEAKING_TYPES = frozenset(["person", "organization", "group"])
INDEFINITE_ARTICLES = lexicon.words("a an another one")
# The types of actor a quote may be credited to (a country only when named in full: `can_speak`).
SPEAKER_TYPES = SPEAKING_TYPES | {"country"}
# ', said Lena Brook': a speech verb after a comma with a capitalised name after it.
INVERTED_CUE = re.compile(r",\s+([a-z]+)\s+(?=[A-Z])")
# ', according to the Daily Ledger': the source that reports the cue before it.
REPORTED_BY = re.compile(r"[^\"\u201c\u201d]*?,\s*according to\b")
DASHES = frozenset("\u2014\u2013")
QUOTE_MARKS = "\"'\u201c\u2018"
DOUBLE_MARK = re.compile("[\"\u201c\u201d]|''")
# ', saying' / 'before asking' / 'by saying': a gerund whose subject is the sentence's.
GERUND_LEADS = frozenset([",", "by", "after", "before", "while", "when", "for", "without", "in", "not"])
AUXILIARIES = lexicon.words("would will could can should may might must did does do has have had")
# The verbs that report what someone said, whatever other verb of speech the words they report hold.
REPORTING_FORMS = lexicon.words("said says told tells")
MAX_APPOSITIVE_WORDS = 45
FIRST_CUE_WORDS = 6
# How far from a quote mark its cue is looked for: far enough for any appositive, and it keeps the
# work per quote bounded, so a long sentence of many quotes takes linear time.
CUE_WINDOW = 600
PRONOUN_LOOKBACK_SENTENCES = 6
# How far before a quote the words of its owner are looked for ('Hall's claim that the plan ...').
OWNER_WINDOW = 80
# Nouns of what someone said, besides those of speech verbs ('Hall's claim').
SPEECH_NOUNS = lexicon.PERSON_WORKS | lexicon.words("statement assertion view views words message")


class Speaker(NamedTuple):
    """Who said a quote: an actor's name, or a capitalised word not yet known as an actor."""

    name: str
    is_known: bool
    # How the speaker was found and whether through a pronoun: what the confidence of the
    # attribution rests on (see `confidence.evidence_key`).
    evidence: str = "after"
    # Found through a pronoun: how many actors it could stand for (0: named, not a pronoun).
    antecedents: int = 0


class Position(NamedTuple):
    """A place in the article: a sentence and an offset inside it."""

    sentence: int
    offset: int


class Attributor:
    """Finds speakers using the article's sentences and the mentions of its actors."""

    def __init__(self, sentences: Sequence[Sentence], cast: Cast) -> None:
        self.sentences = sentences
        self.cast = cast
        self.actors = {actor.name: actor for actor in cast.actors}
        self.by_sentence = {
            index: [m for m in mentions if m.type in SPEAKING_TYPES or can_speak(m, sentences[index].text)]
            for index, mentions in cast.by_sentence.items()
        }
        self.blanked_texts: dict[int, str] = {}
        self.surnames: dict[str, set[str]] = {}
        # The last word of an organisation's name that may be a person's ('Ana Ruiz' typed an
        # organisation for want of evidence): taken for the speaker only when no person has it.
        self.last_words: dict[str, set[str]] = {}
        for actor in cast.actors:
            named = self.surnames if actor.type == "person" else self.last_words
            if actor.type in ("person", "organization"):
                for form in (actor.name, *actor.aliases):
                    named.setdefault(form.split()[-1], set()).add(actor.name)

    def blanked(self, sentence: int) -> str:
        """The sentence with its parenthesised asides blanked out, computed once however many quotes."""
        if sentence not in self.blanked_texts:
            self.blanked_texts[sentence] = blank_parentheses(self.sentences[sentence].text)
        return self.blanked_texts[sentence]

    def find_speaker(self, start: Position, end: Position, text: str) -> Speaker | None:
        """The speaker of a quote whose marks stand at `start` and `end`, from the cues around it."""
        finders = (
            ("label", partial(self.speaker_by_label, text, start)),
            ("after", partial(self.speaker_after, Position(end.sentence, end.offset + 1))),
            ("owner", partial(self.owner_of_words, start)),
            ("before", partial(self.speaker_before, Position(start.sentence, max(start.offset - 1, 0)))),
            ("introducing", partial(self.speaker_introducing, start)),
            ("subject", partial(self.speaker_as_subject, start)),
            ("colon", partial(self.person_before_colon, start)),
        )
        for evidence, find in finders:
            found = find()
            if found is not None:
                found = self.known(found)
                return Speaker(found.name, found.is_known, evidence, found.antecedents)
        return None

    def known(self, speaker: Speaker) -> Speaker:
        """A name found speaking that no mention covers ('Okafor said' opening a sentence) is the
        actor it names when one person of the article has it as a name, alias or surname."""
        if speaker.is_known:
            return speaker
        last = speaker.name.split()[-1]
        actors = self.surnames.get(last) or (
            self.last_words.get(last, set()) if last == speaker.name else set()
        )
        if speaker.name in self.actors or len(actors) != 1:
            return speaker
        return speaker._replace(name=next(iter(actors)), is_known=True)

    def speaker_as_subject(self, start: Position) -> Speaker | None:
        """'In May, Okafor dismissed the plan as a "paper tiger"': with no cue, words
        quoted inside a sentence are its subject's, a name that opens the sentence and governs a verb.
        """
        if not WORD_CHARACTER.search(self.blanked(start.sentence), 0, start.offset):
            return None
        return self.opening_subject(start)

    def speaker_narrated(self, start: Position, end: Position) -> Speaker | None:
        """'Hall praised the plan. "It is the right plan."': a quote standing as a sentence of its own,
        with no cue, is the words of the subject of the sentence before (in its paragraph, or ending the
        paragraph before when the quote opens its own); the quote before it, if any, weighs more."""
        sentence = self.sentences[start.sentence]
        if (
            start.sentence == 0
            or WORD_CHARACTER.search(sentence.text, 0, start.offset)
            or WORD_CHARACTER.search(self.sentences[end.sentence].text, end.offset)
        ):
            return None
        previous = self.sentences[start.sentence - 1]
        if (previous.paragraph != sentence.paragraph and sentence.start != 0) or has_quote_mark(
            previous.text, 0, len(previous.text)
        ):
            return None
        first = WORD.search(previous.text)
        if first is not None and first.group() in ("He", "She"):
            found = self.resolve_pronoun(first.group().lower(), Position(previous.index, first.start()))
        else:
            found = self.opening_subject(Position(previous.index, len(previous.text)))
        return found._replace(evidence="narrated") if found is not None and found.is_known else None

    def opening_subject(self, start: Position) -> Speaker | None:
        """The name opening a sentence before `start` and governing a verb, past an opening adverbial."""
        text = self.blanked(start.sentence)
        body = OPENING_ADVERBIAL.match(text)
        opening = OPENING_NAME.match(text, body.end() if body else 0)
        if opening is None or opening.end() >= start.offset:
            return None
        begin, end = opening.start(), titled_name_end(text, opening.end())
        stretches = segments(text, begin, start.offset)
        titled = self.titled_person(start.sentence, text[slice(*stretches[0])], stretches[1:2])
        if titled is not None:
            return titled  # "Hall's lawyer, Ana Ruiz, argued that ..."
        mentions = [
            m
            for m in self.mentions_in(start.sentence)
            if begin <= m.span.start and m.span.end <= end and m.type in SUBJECT_TYPES
        ]
        if not VERB_AFTER_SUBJECT.match(text, end):
            return None
        if not mentions:
            return unknown_name(text[begin:end])
        people = [m for m in mentions if m.type == "person"]
        return Speaker((people or mentions)[-1].name, is_known=True)

    def speaker_by_label(self, text: str, start: Position) -> Speaker | None:
        """'PENCE: Well, look, ...': a transcript names its speaker in capitals before a colon; else
        a name labelling the quote (`speaker_by_name_label`)."""
        label = TRANSCRIPT_LABEL.match(text)
        if label is None or label.group(1).lower() in lexicon.FUNCTION_WORDS:
            return self.speaker_by_name_label(start)
        surname = label.group(1).split()[-1]
        for actor in self.cast.actors:
            if actor.type == "person" and actor.name.split()[-1].upper() == surname:
                return Speaker(actor.name, is_known=True)
        return Speaker(label.group(1).title(), is_known=False)

    def speaker_by_name_label(self, start: Position) -> Speaker | None:
        """'Ana Ruiz, Daily Ledger: "..."' / 'POLLS AGREE - Ana Ruiz: "..."': a name standing alone before
        a colon, opening the sentence or after a dash, labels the quote after it."""
        text = self.blanked(start.sentence)
        end = max(start.offset - 1, 0)
        if not text[max(0, end - 4) : end].rstrip(" '").endswith(":"):
            return None  # no colon before the quote: no label (checked first, as most quotes have none)
        label = NAME_LABEL.search(text, max(0, start.offset - CUE_WINDOW), end)
        if label is None or is_speech_verb(label.group(1).split()[0]):
            return None  # 'Continued Lopez:' is a cue, the name after its verb
        return self.name_in(start.sentence, label.start(1), label.end(1))

    def owner_of_words(self, start: Position) -> Speaker | None:
        """'Hall's claim that the plan "costs too much"': the person whose words (a speech verb's noun, a
        remark, a view) the quote is said to be, when no cue stands between ('calling Hall's claim
        "absurd"' is someone else's word on them)."""
        text = self.blanked(start.sentence)
        window = max(0, start.offset - OWNER_WINDOW)
        if text.find(" that ", window, start.offset) < 0:
            return None  # no that-clause: checked first, as most quotes have none
        words = [(m.group(), m.start()) for m in WORD.finditer(text, window, start.offset)]
        for index in range(len(words) - 1, 0, -1):
            word, _ = words[index]
            if word in CLOSING_MARKS or is_cue_verb(words, index):
                return None  # 'Hall's remarks came after Ruiz said "..."': the cue's
            owner, offset = words[index - 1]
            following = words[index + 1][0] if index + 1 < len(words) else ""
            if (
                owner.endswith(POSSESSIVE_ENDINGS)
                and (is_speech_verb(word) or word in SPEECH_NOUNS)
                and following == "that"
            ):
                people = [
                    m
                    for m in self.mentions_in(start.sentence)
                    if m.type == "person" and offset < m.span.end <= offset + len(owner)
                ]
                return Speaker(people[-1].name, is_known=True) if people else None
        return None

    def person_before_colon(self, start: Position) -> Speaker | None:
        """'The vote did not surprise pollster Ana Ruiz: "..."': with no cue, a person named right before
        the colon that opens a quote says it."""
        text = self.blanked(start.sentence)
        colon = text.rfind(":", max(0, start.offset - 4), start.offset)
        for mention in self.mentions_in(start.sentence):
            if (
                mention.type == "person"
                and mention.span.end <= colon
                and not text[mention.span.end : colon].strip()
            ):
                return Speaker(mention.name, is_known=True)
        return None

    def speaker_introducing(self, start: Position) -> Speaker | None:
        """The cue ending the sentence before a quote opening its own: 'Caddell continued:', 'Schiff said.'"""
        lead = self.sentences[start.sentence].text[: start.offset]
        if start.sentence == 0 or lead.strip(QUOTE_MARKS + " "):
            return None
        previous = self.sentences[start.sentence - 1]
        ending = previous.text.rstrip()
        if ending.endswith(":") or (
            self.is_same_paragraph(start.sentence, previous.index) and ends_with_cue(ending)
        ):
            found = self.speaker_before(Position(previous.index, len(previous.text)))
            return found or (self.last_subject(previous.index) if ending.endswith(":") else None)
        return None

    def last_subject(self, sentence: int) -> Speaker | None:
        """ "When the dam broke, Hall issued this statement:": whatever the verb, a sentence introducing a
        quote with a colon is its speaker's; the last actor named that a verb follows."""
        text = self.blanked(sentence)
        for mention in reversed(self.mentions_in(sentence)):
            verb = NEXT_LOWER_WORD.match(text, mention.span.end)
            if verb and verb.group(1) not in lexicon.FUNCTION_WORDS:
                return Speaker(mention.name, is_known=True)
        return None

    def speaker_after(self, end: Position) -> Speaker | None:
        """`, she said` / `, said Sheinbaum` / `, according to CBP` / `-- Jane Doe` after the closing mark."""
        tail = self.sentences[end.sentence].text[end.offset : end.offset + CUE_WINDOW]
        if (
            not tail.strip()
            and self.ends_question(end)
            and self.is_same_paragraph(end.sentence + 1, end.sentence)
        ):
            return self.speaker_after(Position(end.sentence + 1, 0))
        credit = DASH_CREDIT.match(tail)
        if credit:
            return self.name_in(end.sentence, end.offset + credit.start(1), end.offset + credit.end(1))
        matches = WORD.finditer(tail)
        words = [(m.group(), m.start() + end.offset) for m in islice(matches, FIRST_CUE_WORDS)]
        lowered = [w.lower() for w, _ in words[:3]]
        if lowered[:2] == ["according", "to"] or lowered[:3] == [",", "according", "to"]:
            start = next(o for w, o in words if w.lower() == "to") + 2
            return self.subject_after(Position(end.sentence, start))
        verb = cue_verb(words)
        if verb is None and len(words) == FIRST_CUE_WORDS:
            # Most cues come within a few words; a long appositive needs the words after them.
            more = islice(matches, MAX_APPOSITIVE_WORDS - FIRST_CUE_WORDS)
            words += [(m.group(), m.start() + end.offset) for m in more]
            verb = cue_verb(words)
        if verb is None and self.closes_on_comma(end):
            verb = loose_cue_verb(words)
        if verb is None:
            return self.inverted_cue_later(end)
        word, offset = words[verb]
        if words[verb + 1 : verb + 2] and words[verb + 1][0] == ":":
            return None  # '"...," Hall said: "..."': the cue of the quote after the colon
        reported = REPORTED_BY.match(self.sentences[end.sentence].text, offset + len(word))
        if reported:
            return self.subject_after(Position(end.sentence, reported.end()))
        if all(w == "," for w, _ in words[:verb]):
            if word.endswith("ing"):
                return self.sentence_subject(end.sentence)  # '..." bad," claiming he ...': the subject's
            return self.subject_after(Position(end.sentence, offset + len(word)))
        return self.subject_before(end.sentence, words[0][1], offset)

    def closes_on_comma(self, end: Position) -> bool:
        """'"We are ready," Hall ...': a quote closed on a comma leaves its sentence to the cue."""
        inner = self.sentences[end.sentence].text[: max(end.offset - 1, 0)].rstrip("'\u2019\u201d\" ")
        return inner.endswith(",")

    def inverted_cue_later(self, end: Position) -> Speaker | None:
        """ "'...,' since most cases were close, said Lena Brook, a historian." / "'...,' and donors came
        back, Brook said.": the sentence goes on after the quote and ends on a cue naming the speaker
        (no other quote between)."""
        text = self.sentences[end.sentence].text
        for match in INVERTED_CUE.finditer(text, end.offset, end.offset + CUE_WINDOW):
            if is_speech_verb(match.group(1)):
                if has_quote_mark(text, end.offset + 1, match.start()):
                    return None
                return self.subject_after(Position(end.sentence, match.end(1)))
        return self.final_cue(end.sentence, end.offset + 1)

    def final_cue(self, sentence: int, after: int) -> Speaker | None:
        """'Leaders grew more "conversant," Ban said.': a sentence ending on ', X said.' reports all of
        it, the quotes before the cue included (none after `after`)."""
        text = self.sentences[sentence].text
        cue = text.rfind(",")
        if cue < after or len(text) - after > CUE_WINDOW or has_quote_mark(text, after, cue):
            return None
        return self.speaker_before(Position(sentence, len(text))) if ends_with_cue(text) else None

    def ends_question(self, end: Position) -> bool:
        """A quote closing on '?' or '!' ends the sentence for the splitter, though its cue follows."""
        inner = self.sentences[end.sentence].text[: max(end.offset - 1, 0)].rstrip()
        return inner.endswith(("?", "!"))

    def is_same_paragraph(self, sentence: int, other: int) -> bool:
        return (
            sentence < len(self.sentences)
            and self.sentences[sentence].paragraph == self.sentences[other].paragraph
        )

    def speaker_before(self, start: Position) -> Speaker | None:
        """`X stated that '...'` / `According to X, '...'` / `X said: '...'` before the opening mark."""
        text = self.blanked(start.sentence)
        window = max(0, start.offset - CUE_WINDOW)
        words = [(m.group(), m.start()) for m in WORD.finditer(text, window, start.offset)]
        for index in range(len(words) - 1, -1, -1):
            word, offset = words[index]
            if word.lower() == "according" and index + 1 < len(words) and words[index + 1][0] == "to":
                return self.subject_after(Position(start.sentence, words[index + 1][1] + 2))
            if word in CLOSING_MARKS or word == ";":
                return None
            if index == 0 and window == 0 and is_inverted_cue(words):
                return self.subject_after(Position(start.sentence, offset + len(word)))
            if word[0].islower() and is_cue_verb(words, index):
                if (
                    index + 2 < len(words)
                    and words[index + 1][0] == "by"
                    and words[index + 2][0][0].isupper()
                ):
                    # 'Hall was asked by Ana Ruiz whether ...': the agent of a passive speech verb speaks.
                    return self.subject_after(Position(start.sentence, words[index + 1][1] + 2))
                if is_parenthetical_cue(words, index):
                    # 'The point, says Ana Ruiz, a historian, is that "..."': the name after the verb.
                    return self.subject_after(Position(start.sentence, offset + len(word)))
                if word.lower().endswith("ing") and index and is_gerund_lead(words[index - 1][0]):
                    agent = self.gerund_agent(start.sentence, words[:index])
                    if agent is not None:
                        return agent  # 'with Hall saying' / 'Ruiz reportedly telling': its own subject
                    # 'Hall said on Monday, noting that ...': the subject of the verb the gerund goes with.
                    return self.reporter(start.sentence, words[:index], finite=True) or self.sentence_subject(
                        start.sentence
                    )
                clause_start = max(clause_start_before(words, index), window)
                if not text[clause_start:offset].strip(" ,"):
                    aside = dash_aside_start(words, index)
                    if aside is not None and (found := self.subject_before(start.sentence, window, aside)):
                        return found  # 'Hall — whom the Ledger calls the favourite — told ...'
                    # 'X said it was early but added, "..."': the verb shares the subject of the one before.
                    return self.reporter(
                        start.sentence, words[:index], finite=True
                    ) or self.subject_of_bare_verb(
                        text[window:clause_start], Position(start.sentence, offset + len(word))
                    )
                found = self.clause_subject(start.sentence, clause_start, offset, window)
                if found is not None and word.lower() not in REPORTING_FORMS:
                    return self.reporter(start.sentence, words[:index]) or found
                if found is not None or not is_reported_clause(text[clause_start:offset]):
                    return found
        return None

    def clause_subject(self, sentence: int, clause_start: int, verb: int, window: int) -> Speaker | None:
        """The subject of a verb at `verb` in the clause from `clause_start`; when 'and' opened that
        clause inside appositives ('X, an adviser on tax and an associate professor, said' / 'X, a nurse
        and Hall's aide, said'), the subject before them."""
        text = self.blanked(sentence)
        found = self.subject_before(sentence, clause_start, verb)
        if not text[window:clause_start].endswith(" and"):
            return found
        if (found is None or is_post(text[clause_start:verb].strip(" ,"))) and text[
            window:verb
        ].rstrip().endswith(","):
            return self.subject_before(sentence, window, verb)
        if found is not None and not found.is_known:
            # 'Ana Ruiz, president and CEO of Salem Trust said': a name no actor has, after 'and' in a post.
            return self.subject_before(sentence, window, verb)
        return found

    def gerund_agent(self, sentence: int, before: Sequence[tuple[str, int]]) -> Speaker | None:
        """The person named right before a gerund (past an adverb in -ly), its subject."""
        words = before[:-1] if before and before[-1][0].endswith("ly") else before
        if not words:
            return None
        word, offset = words[-1]
        people = [m for m in self.mentions_in(sentence) if m.type == "person"]
        named = [m for m in people if word[0].isupper() and m.span.end == offset + len(word)]
        return Speaker(named[0].name, is_known=True) if named else None

    def reporter(
        self, sentence: int, words: Sequence[tuple[str, int]], *, finite: bool = False
    ) -> Speaker | None:
        """ "Ruiz said Hall begged her to 'keep the plan'": the subject of a 'said' or 'told' earlier in
        the sentence reports the verb nearer the quote, and the quote is the reporter's words (with
        `finite`, the subject of the last speech verb not ending in -ing, past any quote between:
        'Hall said it has "spared the town" before claiming ...')."""
        index = len(words)
        while index > 0:
            index -= 1
            word, offset = words[index]
            if word in CLOSING_MARKS and finite:
                index = next((i for i in range(index - 1, -1, -1) if words[i][0] in OPENING_MARKS), 0)
                continue
            if word in CLOSING_MARKS or word == ";":
                return None
            wanted = not word.endswith("ing") if finite else word.lower() in REPORTING_FORMS
            if wanted and finite and opens_with_that(words, index):
                continue  # 'Hall repeated claims that Ruiz recites it, calling ...': not in a that-clause
            if wanted and is_cue_verb(words, index):
                window = max(0, offset - CUE_WINDOW)
                return self.clause_subject(sentence, clause_start_before(words, index), offset, window)
        return None

    def subject_before(self, sentence: int, start: int, end: int) -> Speaker | None:
        """The subject of a verb at `end`: the words before it, past any appositives ('X, 25, a y, said')."""
        text = self.blanked(sentence)
        start = max(start, end - CUE_WINDOW)
        bounds = segments(text, start, end)
        if not bounds:
            return None
        if not text[start:end].rstrip().endswith((",", "\u2014", "\u2013", "--")):
            last = bounds[-1]
            # 'Ana Ruiz of Salem, Oregon said': a place after a comma is said of the name before it.
            if len(bounds) == 1 or not self.names_a_place_only(sentence, *last):
                found = self.name_in(sentence, *last)
                if (
                    found is not None
                    and not found.is_known
                    and len(bounds) > 1
                    and is_unset_post(text[last[0] : last[1]])
                ):
                    # 'Ana Ruiz, head of Salem Trust said': a post, though no comma closes it.
                    return self.subject_before(sentence, start, last[0]) or found
                if found is not None or not is_appositive(text[last[0] : last[1]]):
                    return found
            bounds = bounds[:-1]
        stretches = self.past_opening_phrase(sentence, text, bounds)
        for index, (seg_start, seg_end) in enumerate(stretches):
            if is_appositive(text[seg_start:seg_end]):
                continue
            named = self.titled_person(sentence, text[seg_start:seg_end], stretches[index + 1 : index + 2])
            found = named or self.name_in(sentence, seg_start, seg_end)
            if found is not None:
                return found
        # 'The talks stalled after Hall, asked about the dam, had said': no stretch but the sentence's
        # first, which opens on a capitalised function word, names the subject.
        first_start, first_end = stretches[0] if stretches else (0, 0)
        if text[first_start:first_end].strip()[:1].isupper():
            people = [
                m
                for m in self.mentions_in(sentence)
                if first_start <= m.span.start and m.span.end <= first_end and m.type == "person"
            ]
            return Speaker(people[-1].name, is_known=True) if people else None
        return None

    def names_a_place_only(self, sentence: int, start: int, end: int) -> bool:
        """Whether the actors a stretch names are all places that cannot speak (and there is one)."""
        named = [m for m in self.cast.by_sentence.get(sentence, []) if start <= m.span.start < end]
        return bool(named) and not any(m in self.mentions_in(sentence) for m in named)

    def past_opening_phrase(
        self, sentence: int, text: str, bounds: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """ "At Acme headquarters on Monday, Ana Ruiz, 70, said": the stretches from the first that names
        a person, when the first that is no appositive names none (a phrase opening the sentence)."""
        people = [m.span for m in self.mentions_in(sentence) if m.type == "person"]
        named = [any(s <= p.start and p.end <= e for p in people) for s, e in bounds]
        for index, (seg_start, seg_end) in enumerate(bounds):
            if not is_appositive(text[seg_start:seg_end]):
                later = named.index(True, index) if not named[index] and True in named[index:] else index
                return bounds[later:]
        return bounds

    def titled_person(
        self, sentence: int, title: str, following: Sequence[tuple[int, int]]
    ) -> Speaker | None:
        """ "Lopez's campaign manager, Ana Ruiz, said" / "Hall's chief of staff, Ana Ruiz, said": the
        person named after a title set off by commas, or after what someone's (a post of theirs)."""
        if not is_post(title) or not following:
            return None
        start, end = following[0]
        people = [
            m
            for m in self.mentions_in(sentence)
            if start <= m.span.start and m.span.end <= end and m.type == "person"
        ]
        return Speaker(people[-1].name, is_known=True) if people else None

    def name_in(self, sentence: int, start: int, end: int) -> Speaker | None:
        """The person (else actor, pronoun or capitalised name) last in a stretch that holds a subject."""
        mentions = [m for m in self.mentions_in(sentence) if start <= m.span.start and m.span.end <= end]
        people = [m for m in mentions if m.type == "person"]
        if mentions:
            return Speaker((people or mentions)[-1].name, is_known=True)
        text = self.sentences[sentence].text
        for match in reversed(list(WORD.finditer(text, start, end))):
            word = match.group().lower()
            if word in ("he", "she", "it"):
                return self.resolve_pronoun(word, Position(sentence, match.start()))
        return unknown_name(text[start:end])

    def subject_after(self, position: Position) -> Speaker | None:
        """The speaker named right after `said` or `according to`: 'said radio host Lena Brook'."""
        text = self.sentences[position.sentence].text
        words = list(WORD.finditer(text, position.offset))
        if words and words[0].group().lower() in ("he", "she"):
            return self.resolve_pronoun(
                words[0].group().lower(), Position(position.sentence, words[0].start())
            )
        if words and words[0].group().lower() in INDEFINITE_ARTICLES:
            words = words[1:]  # 'said a Texas Democrat': the name after the article
        phrase = words[: name_phrase_length([w.group() for w in words])]
        if not phrase:
            return None
        start, end = phrase[0].start(), phrase[-1].end()
        if text[end : end + 1] == ",":
            after_title = segments(text, end, min(len(text), end + CUE_WINDOW))[:1]
            named = self.titled_person(position.sentence, text[start:end], after_title)
            if named is not None:
                return named
        if phrase[-1].group().lower() in lexicon.NOT_VOICES:
            return None  # 'wrote one Lopez supporter': someone unnamed, not Lopez
        mentions = [m for m in self.mentions_in(position.sentence) if start <= m.span.start < end]
        people = [m for m in mentions if m.type == "person"]
        if people or mentions:
            # 'said Lopez campaign manager Ana Ruiz': the last person named is the one who speaks.
            return Speaker((people or mentions)[-1].name, is_known=True)
        return unknown_name(text[start:end])

    def subject_of_bare_verb(self, before: str, verb_end: Position) -> Speaker | None:
        """A verb with no subject before it: 'but said' shares the sentence's; "..'' said X" names X after."""
        words = WORD.findall(before)
        if words and words[-1] in CLOSING_MARKS:
            return self.subject_after(verb_end)
        return self.sentence_subject(verb_end.sentence)

    def sentence_subject(self, sentence: int) -> Speaker | None:
        """The actor or pronoun that opens a sentence: the subject of its '..., saying' or 'but said'."""
        text = self.sentences[sentence].text
        first = WORD.search(text)
        if first is None:
            return None
        if first.group().lower() in ("he", "she"):
            return self.resolve_pronoun(first.group().lower(), Position(sentence, first.start()))
        opening = OPENING_NAME.match(text)
        end = titled_name_end(text, opening.end()) if opening else 0
        mentions = [m for m in self.mentions_in(sentence) if m.span.end <= end]
        people = [m for m in mentions if m.type == "person"]
        if mentions:
            return Speaker((people or mentions)[-1].name, is_known=True)
        return self.first_subject(sentence, len(text))

    def first_subject(self, sentence: int, end: int) -> Speaker | None:
        """ "Speaking in Salem, Okafor went after Hall, calling him ...": past an opening phrase, the
        first actor named before `end` that a verb follows is the subject of the sentence."""
        text = self.blanked(sentence)
        opening = OPENING_ADVERBIAL.match(text)
        begin = opening.end() if opening else 0
        for mention in self.mentions_in(sentence):
            if mention.span.end > end:
                break
            if mention.span.start < begin:
                continue  # 'In a Ledger interview, Hall said': not the Ledger
            verb = NEXT_LOWER_WORD.match(text, mention.span.end)
            if verb and verb.group(1) not in lexicon.FUNCTION_WORDS:
                return Speaker(mention.name, is_known=True)
        return None

    def rivals(self, sentence: int, speaker: str) -> int:
        """How many actors that can speak, other than `speaker`, a sentence names."""
        return len({m.name for m in self.mentions_in(sentence)} - {speaker})

    def mentions_in(self, sentence: int) -> list[Mention]:
        return self.by_sentence.get(sentence, [])

    def resolve_pronoun(self, pronoun: str, position: Position) -> Speaker | None:
        """The most recent actor the pronoun can stand for (a person of that gender, or an organisation),
        the subject of its sentence or of the one before first.

        How many such actors the sentences before name goes with it: with one, the pronoun is clear.
        """
        wanted = lexicon.PRONOUNS[pronoun]
        fitting: list[str] = []
        for sentence in range(position.sentence, position.sentence - PRONOUN_LOOKBACK_SENTENCES - 1, -1):
            for mention in reversed(self.mentions_in(sentence)):
                if (mention.span.sentence, mention.span.start) >= (position.sentence, position.offset):
                    continue
                if mention.name not in fitting and fits_pronoun(self.actors[mention.name], wanted):
                    fitting.append(mention.name)
        if not fitting:
            return None
        subjects = [name for name in fitting if name in self.sentence_openers(position)]
        return Speaker((subjects or fitting)[0], is_known=True, antecedents=len(fitting))

    def sentence_openers(self, position: Position) -> set[str]:
        """The actor opening the pronoun's sentence before it, else the sentence before: the subject a
        pronoun most likely stands for ('Lopez met Hall before she said ...' is Lopez's)."""
        sentence = position.sentence
        first = [m for m in self.mentions_in(sentence) if m.span.start < position.offset][:1]
        if not first and sentence:
            sentence -= 1
            first = self.mentions_in(sentence)[:1]
        first = self.titled_opener(sentence, first)
        return {m.name for m in first if m.span.start < 40}

    def titled_opener(self, sentence: int, first: list[Mention]) -> list[Mention]:
        """'Hall spokesman Tomas Berg said ...': the person holding the post that opens a sentence,
        not the one it serves."""
        text = self.blanked(sentence)
        opening = OPENING_NAME.match(text)
        if not first or opening is None or first[0].span.start >= opening.end():
            return first
        end = titled_name_end(text, opening.end())
        people = [m for m in self.mentions_in(sentence) if m.span.end <= end and m.type == "person"]
        return people[-1:] or first


def titled_name_end(text: str, end: int) -> int:
    """'Lopez campaign spokesman Ana Ruiz said': past a name, a post in lower case and the name of the
    one who holds it, the subject (where the name ends, else `end`)."""
    titled = TITLED_NAME.match(text, end)
    if titled is None:
        return end
    post = titled.group(1).split()
    head = post[-1]
    is_head = head in POST_HEADS or (AGENT_NOUN.fullmatch(head) and head not in lexicon.FUNCTION_WORDS)
    if not is_head or not all(word in POST_WORDS for word in post[:-1]):
        return end
    return titled.end()


def is_post(title: str) -> bool:
    """'campaign manager' / 'Rep. Hall's chief of staff': a post, ending on a word of one or a
    named person's."""
    words = title.split()
    if not words:
        return False
    if words[-1].lower() in lexicon.TITLE_HEADS:
        return True
    owner = next((i for i, w in enumerate(words) if w.endswith(POSSESSIVE_ENDINGS)), len(words) - 1)
    return (
        owner < len(words) - 1
        and all(w[0].isupper() for w in words[: owner + 1])
        and not any(w[0].isupper() for w in words[owner + 1 :])
    )


def is_unset_post(text: str) -> bool:
    """'head of Acme', 'president and CEO of the Ledger': a post with no article, said of a name."""
    first = text.split()[0]
    return first[0].islower() and first not in lexicon.FUNCTION_WORDS


def has_quote_mark(text: str, start: int, end: int) -> bool:
    """Whether a double quote mark (not an apostrophe) stands between two offsets."""
    return DOUBLE_MARK.search(text, start, end) is not None


def is_inverted_cue(words: Sequence[tuple[str, int]]) -> bool:
    """'Said Ellis: ...' / 'Continued Lena Brook, ...': a sentence opening on a speech verb in the past,
    the speaker's name after it ('Asked about it, ...' is a question put to the subject, not a cue)."""
    word = words[0][0].lower()
    following = words[1][0] if len(words) > 1 else ""
    return word in lexicon.INVERTED_CUES or (
        word.endswith("ed") and word != "asked" and is_speech_verb(word) and following[:1].isupper()
    )


def is_parenthetical_cue(words: Sequence[tuple[str, int]], index: int) -> bool:
    """', says Ana Ruiz,': a speech verb set off by commas with the name after it."""
    following = [word for word, _ in words[index + 1 : index + 2 + MAX_NAME_WORDS]]
    length = name_phrase_length(following)
    return (
        index > 0
        and words[index - 1][0] == ","
        and not words[index][0].endswith("ing")
        and 0 < length < len(following)
        and following[0][0].isupper()
        and following[length] == ","
    )


def opens_with_that(words: Sequence[tuple[str, int]], index: int) -> bool:
    """Whether the clause holding words[index] is one opened by 'that'."""
    start = clause_start_before(words, index)
    before = [word for word, offset in words[:index] if offset < start]
    return bool(before) and before[-1].lower() == "that"


def dash_aside_start(words: Sequence[tuple[str, int]], index: int) -> int | None:
    """Where an aside set off by dashes right before words[index] opens ('Hall — named by the
    Ledger — told'): the offset of its first dash, None when no such aside stands there."""
    if not index or words[index - 1][0] not in DASHES:
        return None
    return next((words[i][1] for i in range(index - 2, -1, -1) if words[i][0] in DASHES), None)


def is_gerund_lead(word: str) -> bool:
    """', saying' / 'by saying' / 'not saying' / 'on radio saying' / '"...," telling': a word before a
    gerund that leaves its subject to the clause (a verb before it, as in 'kept asking', has the
    subject nearer)."""
    return (
        word.lower() in GERUND_LEADS
        or word in CLOSING_MARKS
        or (word[0].isupper() and word.lower() not in lexicon.FUNCTION_WORDS)
    )


def loose_cue_verb(words: Sequence[tuple[str, int]]) -> int | None:
    """'"...," Hall fumed' / '"...," an angry Hall fumed' / '"...," fumed Hall': after a quote closed on
    a comma, a verb right after a capitalised name, or first with one after it, is the cue's verb,
    whatever the verb (a list of speech verbs always misses some)."""
    for index, (word, _) in enumerate(words[:FIRST_CUE_WORDS]):
        if word[0].isupper() or (word in lexicon.DETERMINERS and not index):
            continue
        if not VERB_FORM.fullmatch(word) or word in lexicon.FUNCTION_WORDS:
            if (index and words[index - 1][0][0].isupper()) or not word.isalpha():
                return None
            continue  # 'an angry Hall': a word describing the name
        before = words[index - 1][0] if index else ""
        following = words[index + 1][0] if index + 1 < len(words) else ""
        return index if before[:1].isupper() or (not index and following[:1].isupper()) else None
    return None


def is_reported_clause(subject: str) -> bool:
    """'X said it would tell a story of "..."': a verb whose subject is 'it' or 'they' inside what
    someone said; the cue is the verb before it."""
    words = subject.split()
    while words and words[-1] in AUXILIARIES:
        words.pop()
    return words[-1:] in (["it"], ["they"])


def unknown_name(text: str) -> Speaker | None:
    """A capitalised name at the end of a stretch that no actor covers: 'Melanie' in 'Melanie said'."""
    words = text.split()
    run: list[str] = []
    for word in reversed(words):
        bare = word.strip(".,'\u2019")
        lowered = bare.lower()
        if (
            not bare
            or not bare[0].isupper()
            or lowered in lexicon.FUNCTION_WORDS
            or lowered in lexicon.TITLE_HEADS
        ):
            break
        if (
            lowered in lexicon.MONTHS
            or lowered in lexicon.WEEKDAYS
            or lowered in lexicon.PARTY_ADJECTIVES
            or (len(bare) > 3 and bare.isupper())
            or CONTRACTION.search(bare)
        ):
            break
        run.insert(0, bare)
    return Speaker(" ".join(run), is_known=False) if run else None


def can_speak(mention: Mention, sentence: str) -> bool:
    """A person, an organisation or a group speaks; a place does not ('a Texas Democrat said' is not
    Texas's word), nor a country named by an adjective or a short form ('Cuban said'), though one
    named in full speaks for its government ('Japan said')."""
    named = sentence[mention.span.start : mention.span.end]
    return mention.type in SPEAKING_TYPES or (mention.type == "country" and named == mention.name)


def fits_pronoun(actor: Actor, wanted: str) -> bool:
    if wanted == "thing":
        return actor.type == "organization"
    if actor.type != "person":
        return False
    gender = first_name_gender(actor.name.split()[0])
    return gender in (None, "unknown", wanted)
