"""Where each page of the site is: its Markdown file in the docs folder ('/'-separated, relative to
it) and the address MkDocs publishes it at (directory URLs, relative to the site's root)."""

from __future__ import annotations


def brief_page(slug: str) -> str:
    return f"briefs/{slug}.md"


def brief_file(slug: str, suffix: str) -> str:
    """A file beside the brief's page (its data to download): `suffix` ends its name."""
    return f"briefs/{slug}{suffix}"


def actor_base(slug: str) -> str:
    """The actor's page without `.md`, and the folder of its older pages."""
    return f"actors/{slug}"


def topic_base(slug: str) -> str:
    """The topic's page without `.md`, and the folder of its older pages."""
    return f"topics/{slug}"


def month_base(slug: str) -> str:
    """The month's page without `.md`, and the folder of its older pages."""
    return f"archive/{slug}"


def page_url(rel_path: str) -> str:
    """The address of the page MkDocs makes of a Markdown file: `a/b.md` and `a/b/index.md` are
    `a/b/`, `index.md` is the root (empty)."""
    stem = rel_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
