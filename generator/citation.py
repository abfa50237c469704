"""How a brief is cited: a plain reference and a BibTeX entry with the brief's permanent address, and
what it is based on (the original article, when its sidecar says; see `provenance`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.markup import escape_markdown
from generator.paths import brief_page, page_url
from generator.provenance import Origin
from generator.site_config import DEFAULT_SITE_NAME

BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    **{c: "\\" + c for c in "{}%&$#_"},
}
BIBTEX_ESCAPES = str.maketrans(BIBTEX_SPECIALS)


@dataclass(frozen=True)
class Publication:
    """What a brief page says of where it is published: the site's name and address (None: not
    known, so addresses are relative), and the origin of each article that has one, by article id."""

    name: str = DEFAULT_SITE_NAME
    url: str | None = None
    origins: Mapping[str, Origin] = field(default_factory=dict)

    def address(self, slug: str) -> str:
        """The brief's permanent address: absolute with a site URL, else from the site's root."""
        path = page_url(brief_page(slug))
        return f"{self.url.rstrip('/')}/{path}" if self.url else path


@dataclass(frozen=True)
class Citation:
    plain: str
    bibtex: str


def cite(slug: str, title: str, day: str, origin: Origin, publication: Publication) -> Citation:
    """The brief's reference, plain and as BibTeX (`day` is its article's date, YYYY-MM-DD)."""
    address = publication.address(slug)
    based = based_on(origin)
    plain = f"{publication.name} ({day}). “{title}”. {f'Based on {based}. ' if based else ''}{address}"
    fields = [
        ("title", f"{{{bibtex_text(title)}}}"),
        ("author", f"{{{bibtex_text(publication.name)}}}"),
        ("year", day[:4]),
        ("date", day),
        ("url", bibtex_url(address)),
        *([("note", f"Based on {bibtex_text(based)}")] if based else []),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return Citation(plain, f"@misc{{briefs-{slug},\n{body}\n}}")


def based_on(origin: Origin) -> str:
    """'Jane Doe, The Daily Example, 2026-01-16, https://...': what the original article is."""
    return ", ".join(part for part in (origin.author, origin.outlet, origin.published, origin.url) if part)


def bibtex_text(text: str) -> str:
    return text.translate(BIBTEX_ESCAPES)


def bibtex_url(url: str) -> str:
    """A URL as a BibTeX value: braces (which would end the value) percent-encoded."""
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def inert_lines(text: str) -> str:
    """Lines of text (a BibTeX entry) as inert Markdown for a <pre>, each keeping its indentation."""
    return "\n".join(
        line[: len(line) - len(line.lstrip())] + escape_markdown(line) for line in text.splitlines()
    )
