"""A small static SVG of the actors someone appears with: drawn at build time, no JavaScript needed."""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence

from generator.crosslinks import CoActor
from generator.resolve import ActorProfile

WIDTH = 480
HEIGHT = 320
RADIUS = 115
LABEL_LIMIT = 24


def network_svg(profile: ActorProfile, co_actors: Sequence[CoActor], link: Callable[[str], str]) -> str:
    """The actor in the middle, its co-actors around it, line width by briefs shared.

    `link` turns an actor slug into the URL of its page; the SVG is one line, so that Markdown keeps
    it as a single raw HTML block.
    """
    if not co_actors:
        return ""
    most = max(c.briefs for c in co_actors)
    centre_x, centre_y = WIDTH / 2, HEIGHT / 2
    edges, nodes = [], []
    for index, co_actor in enumerate(co_actors):
        angle = 2 * math.pi * index / len(co_actors) - math.pi / 2
        x, y = round(centre_x + RADIUS * math.cos(angle), 1), round(centre_y + RADIUS * math.sin(angle), 1)
        width = round(1 + 5 * co_actor.briefs / most, 1)
        edges.append(f'<line x1="{centre_x}" y1="{centre_y}" x2="{x}" y2="{y}" stroke-width="{width}"/>')
        nodes.append(node(co_actor.profile, x, y, link, f"{co_actor.briefs} shared brief(s)"))
    title_id = f"network-{profile.slug}"
    description = ", ".join(f"{c.profile.name} ({c.briefs})" for c in co_actors)
    return (
        f'<figure class="actor-network"><svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="group" aria-labelledby="{title_id}"><title id="{title_id}">'
        f"{escape(profile.name)} appears most with: {escape(description)}</title>"
        f'<g class="edges" stroke="#7986cb" stroke-opacity="0.7">{"".join(edges)}</g>'
        f'<g class="nodes" font-size="12" fill="#3949ab">{node(profile, centre_x, centre_y, None, "")}'
        f"{''.join(nodes)}</g></svg>"
        f"<figcaption>Actors appearing in the same briefs as {escape(profile.name)}; "
        "thicker lines mean more briefs in common.</figcaption></figure>"
    )


def node(profile: ActorProfile, x: float, y: float, link: Callable[[str], str] | None, tip: str) -> str:
    label = profile.name if len(profile.name) <= LABEL_LIMIT else profile.name[: LABEL_LIMIT - 1] + "\u2026"
    shape = (
        f'<circle cx="{x}" cy="{y}" r="7" class="node-{profile.type}"/>'
        f'<text x="{x}" y="{round(y + 20, 1)}" text-anchor="middle">{escape(label)}</text>'
    )
    if link is None:
        return f'<g class="node-self">{shape}</g>'
    return f'<a href="{escape(link(profile.slug))}"><title>{escape(profile.name)}: {tip}</title>{shape}</a>'


def escape(text: str) -> str:
    return html.escape(text, quote=True)
