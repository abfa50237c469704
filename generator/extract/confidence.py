"""How sure an attribution is: the share of right speakers among quotes attributed on the same evidence.

The evidence of an attribution is a short key: how its speaker was found (a cue after the quote, one
before it, a name labelling it, the sentence introducing it, the person whose claim or remark it is
said to be, the subject of its sentence, a person named right before the colon opening it, a quote
next to it whose speaker runs on, the subject of the sentence narrating it), whether through a pronoun
that could stand for several actors or a name not known as an actor, whether the quote is full or
partial, and how many other actors that can speak its sentence names (0, 1, 2 or more: the more there
are, the easier to take the wrong one).
`benchmarks/fit_confidence.py` counts, for every key, how often the speaker is right on the
development articles and writes the shares to `data/quote_confidence.json`; a key seen too rarely
leans on the shares of its evidence as a whole.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import NamedTuple

from generator.extract.speakers import Speaker

TABLE = "quote_confidence.json"
MAX_RIVALS = 2
# By the number of actors a pronoun could stand for: none (a name), one, several. A pronoun that can
# stand for one actor only is as good as that actor's name (on the development articles, 5 of 6 such
# attributions whose speaker the gold names are right): only an ambiguous one is evidence apart.
PRONOUN_EVIDENCE = ("", "", "+pronouns")


def evidence_key(speaker: Speaker, *, kind: str, rivals: int) -> str:
    """The key of an attribution's evidence: 'after/full/0', 'before+pronouns/partial/2'."""
    pronoun = PRONOUN_EVIDENCE[min(speaker.antecedents, len(PRONOUN_EVIDENCE) - 1)]
    how = speaker.evidence + pronoun + ("" if speaker.is_known else "+unknown")
    return f"{how}/{'full' if kind == 'full' else 'partial'}/{min(rivals, MAX_RIVALS)}"


class FittedTable(NamedTuple):
    """The shares of right speakers: by evidence key, by evidence alone, and over all attributions."""

    keys: dict[str, float]
    evidence: dict[str, float]
    overall: float


def confidence_of(key: str) -> float:
    """The fitted share for `key`, else for its evidence, else the share over all attributions."""
    table = fitted_table()
    evidence = key.split("/", 1)[0]
    return table.keys.get(key, table.evidence.get(evidence, table.overall))


@cache
def fitted_table() -> FittedTable:
    """The shares written by the fitting script, read once."""
    data = json.loads(files("generator").joinpath("data", TABLE).read_text(encoding="utf-8"))
    return FittedTable(data["keys"], data["evidence"], data["overall"])
