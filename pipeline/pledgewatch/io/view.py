"""The text the parser reads, and the map back to the text as read.

Layout that carries no words misleads the parser: Markdown's marks (:mod:`pledgewatch.io.markup`), line breaks
that only wrap a paragraph (:mod:`pledgewatch.io.unwrap`), and runs of spaces, tabs and no-break spaces inside
a line, which spaCy keeps as whitespace tokens in the middle of a clause ("will  accept" then loses its
object). :func:`parse_view` removes all three. ``origin[i]`` is the index in the original of the view's
character ``i`` (one entry more, for the end), so records found in the view point into, and quote, the text as
read (:mod:`pledgewatch.records`).
"""

from __future__ import annotations

import re

from .markup import strip_markup
from .unwrap import unwrap

_SPACES = str.maketrans({"\t": " ", "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " "})
_RUN = re.compile(r"(?<=\S) {2,}")


def parse_view(text: str) -> tuple[str, list[int] | None]:
    """``(view, origin)``: ``text`` without Markdown's marks, with wrapped paragraphs joined and each run of
    spaces inside a line cut to one space. ``origin`` is None when the view has the length of ``text`` and
    every character where it was (the view may still differ: a line break or a tab read as a space)."""
    view, origin = strip_markup(text)
    view = unwrap(view).translate(_SPACES)
    runs = list(_RUN.finditer(view))
    if runs:
        keep = []
        last = 0
        for run in runs:
            keep.extend(range(last, run.start() + 1))  # the run's first space stays
            last = run.end()
        keep.extend(range(last, len(view)))
        view = "".join(view[i] for i in keep)
        origin = [origin[i] for i in keep] + [origin[-1]] if origin is not None else keep + [len(text)]
    return view, origin
