"""The text the parser reads, and the map back to the text as read.

Layout that carries no words misleads the parser: Markdown's marks (:mod:`pledgewatch.io.markup`), line breaks
that only wrap a paragraph (:mod:`pledgewatch.io.unwrap`) and the hyphens that broke a word across two of them
("imple-" / "ment"), and runs of spaces, tabs and no-break spaces inside a line, which spaCy keeps as whitespace
tokens in the middle of a clause ("will  accept" then loses its object). :func:`parse_view` removes them all. ``origin[i]`` is the index in the original of the view's
character ``i`` (one entry more, for the end), so records found in the view point into, and quote, the text as
read (:mod:`pledgewatch.records`).
"""

from __future__ import annotations

import re

from .markup import strip_markup
from .unwrap import unwrap

_SPACES = str.maketrans({"\t": " ", "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " "})
_RUN = re.compile(r"(?<=\S) {2,}")
_SPLIT_WORD = re.compile(r"(?<=[a-z]{2})-\n(?=[a-z]{2})")
"""A lower-case word broken at a line end with a hyphen ("commit-" / "ment"); "EU-" / "Jordan" keeps its hyphen."""


def parse_view(text: str) -> tuple[str, list[int] | None]:
    """``(view, origin)``: ``text`` without Markdown's marks, with wrapped paragraphs joined (and the words their
    line ends hyphenated), and each run of spaces inside a line cut to one space. ``origin`` is None when the
    view has the length of ``text`` and every character where it was (a line break or a tab may still read as a
    space)."""
    view, origin = strip_markup(text)
    wrapped = view
    view = unwrap(view).translate(_SPACES)
    drop: list[tuple[int, int]] = []  # (start, end) of each stretch of the view to leave out
    if "-\n" in wrapped:
        # a word the line broke with a hyphen ("imple-" / "ment") is one word again, joined where it was cut
        for cut in _SPLIT_WORD.finditer(wrapped):
            if view[cut.start() + 1] == " ":
                drop.append((cut.start(), cut.start() + 2))
    drop.extend((run.start() + 1, run.end()) for run in _RUN.finditer(view))  # a run's first space stays
    if drop:
        drop.sort()
        keep = []
        last = 0
        for start, end in drop:
            keep.extend(range(last, start))
            last = max(last, end)
        keep.extend(range(last, len(view)))
        view = "".join(view[i] for i in keep)
        origin = [origin[i] for i in keep] + [origin[-1]] if origin is not None else keep + [len(text)]
    return view, origin
