"""Check a built site before it ships: links, anchors, page metadata, actor pages, the sitemap.

MkDocs' own validation sees the Markdown links; this looks at what readers and crawlers get, the HTML
that the theme and templates produced, so a broken link or a page left out of the sitemap fails CI
instead of reaching the published site.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

Check = Literal["link", "anchor", "metadata", "actor", "sitemap"]
OPEN_GRAPH_PROPERTIES = ("og:title", "og:description", "og:type")
WEB_SCHEMES = ("", "http", "https")
NOT_IN_SITEMAP = ("404.html",)


@dataclass(frozen=True)
class SiteProblem:
    """One thing wrong with the built site, located by its page ('/'-separated, relative to the site)."""

    page: str
    check: Check
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.message}"


@dataclass(frozen=True)
class Page:
    """What the checks need from one HTML page: the URLs it refers to and what it declares."""

    rel_path: str
    links: tuple[str, ...]
    anchors: frozenset[str]
    meta_properties: frozenset[str]
    json_ld: tuple[str, ...]


@dataclass(frozen=True)
class SiteBase:
    """Where the site is served (from mkdocs.yml's `site_url`); host None when that is unknown."""

    host: str | None
    path: str

    @classmethod
    def from_url(cls, site_url: str | None) -> SiteBase:
        if not site_url:
            return cls(None, "/")
        parts = urlsplit(site_url)
        return cls(parts.netloc, parts.path.rstrip("/") + "/")


@dataclass(frozen=True)
class Target:
    """Where one link of a page leads: the file in the site (None if missing) and the #fragment."""

    url: str
    rel_path: str | None
    fragment: str


class _PageParser(HTMLParser):
    """Collects links, anchors, Open Graph properties and JSON-LD blocks; keeps no other markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.anchors: set[str] = set()
        self.meta_properties: set[str] = set()
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        self.links += [values[name] for name in ("href", "src") if name in values]
        if "id" in values:
            self.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])
        if tag == "meta" and "property" in values:
            self.meta_properties.add(values["property"])
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld[-1] += data


def read_page(path: Path, rel_path: str) -> Page:
    """Parse one HTML file of the site."""
    parser = _PageParser()
    parser.feed(path.read_text("utf-8", errors="replace"))
    parser.close()
    return Page(
        rel_path,
        tuple(parser.links),
        frozenset(parser.anchors),
        frozenset(parser.meta_properties),
        tuple(parser.json_ld),
    )


def read_site(site_dir: Path) -> dict[str, Page]:
    """Every HTML page of the site by its path relative to the site, in a fixed order."""
    pages: dict[str, Page] = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel_path = path.relative_to(site_dir).as_posix()
        pages[rel_path] = read_page(path, rel_path)
    return pages


def resolve_link(page: str, url: str, base: SiteBase) -> tuple[str, str] | None:
    """The absolute URL path and fragment a link leads to; None when it leaves the site's host."""
    parts = urlsplit(url.strip())
    if parts.scheme not in WEB_SCHEMES or (parts.netloc and parts.netloc != base.host):
        return None
    if base.host is None and parts.path.startswith("/"):
        return None  # the path the site is served under is unknown: such a link cannot be followed
    here = base.path + page
    return unquote(urljoin(here, parts.path) if parts.path else here), unquote(parts.fragment)


def find_file(site_dir: Path, url_path: str, base: SiteBase) -> str | None:
    """The site file an absolute URL path is served from (a directory serves its index.html)."""
    if not (url_path + "/").startswith(base.path):
        return None
    rel_path = url_path[len(base.path) :]
    if rel_path == "" or rel_path.endswith("/"):
        rel_path += "index.html"
    if (site_dir / rel_path).is_file():
        return rel_path
    if (site_dir / rel_path / "index.html").is_file():
        return f"{rel_path}/index.html"
    return None


def link_targets(page: Page, site_dir: Path, base: SiteBase) -> list[Target]:
    """Where each of the page's links into the site leads; links to other sites are left out."""
    targets: list[Target] = []
    for url in page.links:
        resolved = resolve_link(page.rel_path, url, base)
        if resolved is not None:
            url_path, fragment = resolved
            targets.append(Target(url, find_file(site_dir, url_path, base), fragment))
    return targets


def check_links(page: Page, targets: list[Target], pages: dict[str, Page]) -> list[SiteProblem]:
    """A link must reach a file of the site and, when it names a #fragment, an element with that id."""
    problems: list[SiteProblem] = []
    for target in targets:
        if target.rel_path is None:
            message = f"contains a link '{target.url}', but the target is not found"
            problems.append(SiteProblem(page.rel_path, "link", message))
        elif target.fragment and not has_anchor(pages, target.rel_path, target.fragment):
            message = f"contains a link '{target.url}', but there is no anchor '#{target.fragment}'"
            message += f" on '{target.rel_path}'" if target.rel_path != page.rel_path else ""
            problems.append(SiteProblem(page.rel_path, "anchor", message))
    return list(dict.fromkeys(problems))


def has_anchor(pages: dict[str, Page], rel_path: str, fragment: str) -> bool:
    """Whether the page has an element with that id; files other than pages have no anchors to check."""
    return rel_path not in pages or fragment in pages[rel_path].anchors


def is_brief_page(rel_path: str) -> bool:
    return rel_path.startswith("briefs/") and rel_path.count("/") == 2 and rel_path.endswith("/index.html")


def is_actor_page(rel_path: str) -> bool:
    return rel_path.startswith("actors/") and rel_path.count("/") == 2 and rel_path.endswith("/index.html")


def check_metadata(page: Page) -> list[SiteProblem]:
    """A brief page carries JSON-LD and Open Graph tags, so search engines and link previews show it."""
    problems = [
        SiteProblem(page.rel_path, "metadata", f'has no Open Graph tag <meta property="{name}">')
        for name in OPEN_GRAPH_PROPERTIES
        if name not in page.meta_properties
    ]
    if not page.json_ld:
        problems.append(
            SiteProblem(page.rel_path, "metadata", 'has no JSON-LD <script type="application/ld+json">')
        )
    for block in page.json_ld:
        try:
            json.loads(block)
        except json.JSONDecodeError as error:
            problems.append(SiteProblem(page.rel_path, "metadata", f"has JSON-LD that is not JSON: {error}"))
    return problems


def check_actor_pages(pages: dict[str, Page], targets: dict[str, list[Target]]) -> list[SiteProblem]:
    """Every actor page is reachable from a brief: a page only the actor index links to is an orphan."""
    linked = {
        target.rel_path
        for rel_path, page_targets in targets.items()
        if is_brief_page(rel_path)
        for target in page_targets
    }
    return [
        SiteProblem(rel_path, "actor", "is an actor page that no brief page links to")
        for rel_path in pages
        if is_actor_page(rel_path) and rel_path not in linked
    ]


def page_url(rel_path: str) -> str:
    """The URL a page is served at, relative to the site: directory URLs for index pages."""
    if rel_path == "index.html":
        return ""
    return rel_path.removesuffix("index.html")


def read_sitemap(path: Path) -> set[str]:
    """The URL paths (unquoted) of the `<loc>` entries of a sitemap."""
    root = ElementTree.parse(path).getroot()
    return {
        unquote(urlsplit(element.text.strip()).path)
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] == "loc" and element.text
    }


def is_listed(url: str, listed: set[str], base: SiteBase) -> bool:
    """Whether the sitemap lists a page; without a known site_url, by the end of the URL path."""
    if base.host is not None:
        return base.path + url in listed
    return any(path.endswith("/" + url) for path in listed)


def check_sitemap(site_dir: Path, pages: dict[str, Page], base: SiteBase) -> list[SiteProblem]:
    """The sitemap lists every page but the 404 page, so that search engines find all of them."""
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return [SiteProblem("sitemap.xml", "sitemap", "is missing")]
    try:
        listed = read_sitemap(path)
    except ElementTree.ParseError as error:
        return [SiteProblem("sitemap.xml", "sitemap", f"is not valid XML: {error}")]
    return [
        SiteProblem(rel_path, "sitemap", "is not listed in sitemap.xml")
        for rel_path in pages
        if rel_path not in NOT_IN_SITEMAP and not is_listed(page_url(rel_path), listed, base)
    ]


def check_site(site_dir: Path, *, site_url: str | None = None) -> list[SiteProblem]:
    """Every problem found in a built site, page by page; `site_url` as in mkdocs.yml, when known."""
    base = SiteBase.from_url(site_url)
    pages = read_site(site_dir)
    targets = {rel_path: link_targets(page, site_dir, base) for rel_path, page in pages.items()}
    problems: list[SiteProblem] = []
    for rel_path, page in pages.items():
        problems += check_links(page, targets[rel_path], pages)
        if is_brief_page(rel_path):
            problems += check_metadata(page)
    problems += check_actor_pages(pages, targets)
    problems += check_sitemap(site_dir, pages, base)
    return problems
