"""A synthetic corpus of articles for scale tests and benchmarks: generated, never copied news.

Articles vary in length, draw overlapping actors from a few hundred made-up names, and carry
quotes and figures, so that extraction, cross-linking and page sizes behave as on real input.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

FIRST_NAMES = (
    "Ana",
    "Ben",
    "Carla",
    "Daniel",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Irene",
    "Jonas",
    "Kara",
    "Luis",
    "Maya",
    "Nora",
    "Omar",
    "Paula",
    "Quinn",
    "Rosa",
    "Samuel",
    "Tara",
    "Umar",
    "Vera",
    "Walter",
    "Yusuf",
    "Zoe",
    "Alice",
    "Bruno",
    "Chloe",
    "David",
    "Emma",
)
LAST_NAMES = (
    "Torres",
    "Ray",
    "Diaz",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Novak",
    "Petrova",
    "Quispe",
    "Rahman",
    "Silva",
    "Tanaka",
    "Ulloa",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhou",
    "Abbott",
    "Brennan",
    "Castillo",
    "Dumont",
    "Eriksen",
    "Fischer",
)
ORGANIZATIONS = (
    "Ministry of Finance",
    "Central Bank",
    "Health Department",
    "Transport Agency",
    "Energy Commission",
    "Harbor Council",
    "Farmers Union",
    "Teachers Association",
    "Water Authority",
    "Statistics Office",
)
TITLES = ("Finance Minister", "Senator", "Mayor", "Governor", "Director", "Spokeswoman")
TOPICS = ("Politics", "Economy", "Health", "Energy", "Transport", "Education", "Environment")
MEASURES = (
    "unemployment",
    "bus fares",
    "hospital waiting times",
    "power prices",
    "school budgets",
    "rainfall",
)
VERBS = ("said", "told reporters", "added", "stated")
FILLER = (
    "The proposal was debated for several hours before the vote.",
    "Observers expect the discussion to continue next week.",
    "Local groups gathered outside the building during the session.",
    "The plan has been revised twice since it was first presented.",
    "Officials posted every page of the agreement on their website.",
)
START = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)


def people(count: int, rng: random.Random) -> list[str]:
    """`count` distinct made-up full names."""
    names = sorted({f"{f} {last}" for f in FIRST_NAMES for last in LAST_NAMES})
    return rng.sample(names, count)


def write_corpus(folder: Path, count: int, *, seed: int = 7, actors: int = 300) -> list[Path]:
    """Write `count` articles into `folder` (created); the same arguments always give the same files."""
    rng = random.Random(seed)
    cast = people(actors, rng)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"article-{number:05d}.txt"
        path.write_text(article(number, rng, cast), "utf-8")
        paths.append(path)
    return paths


def article(number: int, rng: random.Random, cast: list[str]) -> str:
    """One article: header, title, summary, repeated title, a body of 2 to 12 paragraphs."""
    speakers = rng.sample(cast[: 40 + number % 260], 3)
    organization = rng.choice(ORGANIZATIONS)
    measure = rng.choice(MEASURES)
    published = START + timedelta(hours=7 * number)
    sections = " ".join(rng.sample(TOPICS, rng.randint(1, 3)))
    title = f"{organization} Weighs Changes to {measure.title()} After Report {number}"
    summary = (
        f"{rng.choice(TITLES)} {speakers[0]} said the {organization} will review {measure} "
        f"after a {rng.randint(2, 40)}% rise reported by the Statistics Office."
    )
    body = [summary]
    for index in range(rng.randint(2, 12)):
        speaker = speakers[index % len(speakers)]
        quote = f"We will publish the numbers on {measure} and answer every question"
        body.append(
            f"\u201c{quote},\u201d {speaker} {rng.choice(VERBS)}. "
            f"{rng.choice(FILLER)} The {organization} counted {rng.randint(100, 90000):,} cases, "
            f"up to {rng.randint(2, 60)}% more than last year, according to {rng.choice(ORGANIZATIONS)}."
        )
    header = f"{sections} {published.isoformat()}"
    return "\n\n".join([header, title, summary, title, *body]) + "\n"
