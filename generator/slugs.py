"""Slugs that never take the name of one of the site's own pages, and topic labels whose symbols mean
something (`C++` and `C#` are two topics).

Every generated page lives in a folder of its kind (`briefs/`, `actors/`, `topics/`...) beside that
folder's own overview, `index.md`. MkDocs serves `index.md`, and `README.md` where there is no
`index.md`, as the folder's page: a brief, actor or topic slugged `index` or `readme` would replace
the overview or be served at the folder's address. Those names, and the device names Windows will
not create a file of, are reserved for every kind of slug (`resolve.slugify`).
"""

from __future__ import annotations

SECTION_INDEXES = frozenset(["index", "readme"])
WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
# A folder of feeds (`feeds/actors/SLUG.xml`) holds a `sitemap.xml` of its own (see `feeds`).
FOLDER_FILES = frozenset(["sitemap"])
RESERVED_SLUGS = SECTION_INDEXES | WINDOWS_DEVICES | FOLDER_FILES
# Symbols that tell labels apart where a slug would drop them: C++ and C#, F#.
SPELLED_SYMBOLS = str.maketrans({"+": " plus ", "#": " sharp "})


def spell_symbols(label: str) -> str:
    """The label with the symbols a slug would drop spelled out as words: `C++` is `C plus plus`."""
    return label.translate(SPELLED_SYMBOLS)
