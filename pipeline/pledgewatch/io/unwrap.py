"""Hard-wrapped paragraphs read as the paragraphs they are.

Plain-text mail, wire copy and every PDF's text layer break a paragraph into lines of a fixed width. The
parser and the layout rules read a line break as the end of a heading or of a list item, so a wrapped
paragraph loses clauses at every break ("... and keep" / "our libraries open longer"). :func:`unwrap` finds
the line breaks that only wrap and turns each into a space. It changes no other character, so the result has
the original's length and every offset found in it is an offset into the original: the pipeline parses the
unwrapped text and slices its records from the text as read.

A document counts as hard-wrapped when most of its lines fill a narrow band just under one width (a text
editor's 72 columns, a PDF column's 90 characters). Only then is a break joined, and only where the line
before it is full (the next line's first word would not have fitted) and the next line opens no list item.
A document written one paragraph to a line is left exactly as it is.
"""

from __future__ import annotations

import re

BULLETS = "-•*–—·‣◦▪●○■□►▶➢✓✔❖\uf0b7\uf0a7\uf0d8\uf076\uf0fc"
"""Characters that open a list item: dashes, typographic bullets, and the Symbol and Wingdings bullets a word
processor's PDF leaves in the text layer (U+F0B7, U+F0A7, ...)."""
_LIST_ITEM = re.compile(rf"(?:[{re.escape(BULLETS)}]\s|\(?(?:[ivxlc]{{1,5}}|[a-zA-Z]|\d{{1,3}})[.)]\s|\d{{1,3}}\.\d{{1,3}}\.?\s)")
_KEEP_AFTER = (":", ";")  # a chapeau or a list item closes its line whatever its length
_LONE_CONJUNCTIONS = ("and", "or", "and/or")

MIN_WIDTH = 50
"""Below this the lines are a list or a table, not wrapped prose."""
MAX_WIDTH = 200
"""Above this a line is a paragraph written on one line."""
BAND = 0.75
"""A wrapped line fills at least this share of the width..."""
FULL_SHARE = 0.5
"""...and at least this share of the lines followed by another line do so, in a hard-wrapped document."""
SLACK = 0.1
"""A line is full when the next word would have taken it past ``(1 - SLACK)`` of the width: proportional
fonts in a PDF give full lines of uneven character counts. A text wrapped in fixed columns (no line longer
than the width) gets no slack: its full lines are full to the character."""


def layout(lines: list[str]) -> tuple[int, int] | None:
    """``(width, slack)`` in characters for a hard-wrapped text, or None when it is not hard-wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 4:
        return None
    wrap = lengths[int(0.9 * (len(lengths) - 1))]
    if not MIN_WIDTH <= wrap <= MAX_WIDTH:
        return None
    # the lines that run on into another line are the ones a wrapper filled
    followed = [len(a.rstrip()) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(followed) < 3:
        return None
    full = sum(1 for n in followed if BAND * wrap <= n <= wrap * 1.05)
    if full < FULL_SHARE * len(followed):
        return None
    fixed = lengths[-1] <= wrap + 2
    return wrap, 1 if fixed else round(SLACK * wrap)


def unwrap(text: str) -> str:
    """``text`` with the line breaks inside hard-wrapped paragraphs turned into spaces (same length)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    found = layout(lines)
    if found is None:
        return text
    wrap, slack = found
    out = list(text)
    position = 0
    for line, after in zip(lines, lines[1:]):
        position += len(line)  # the index of the "\n" that ends this line
        body = line.rstrip()
        opening = after.lstrip()
        # an item's closing "; and" that did not fit goes back on its line: "... from the same date;" / "and"
        tail = opening.rstrip() in _LONE_CONJUNCTIONS and body.endswith(_KEEP_AFTER)
        if (body and opening and (tail or not body.endswith(_KEEP_AFTER)) and not _LIST_ITEM.match(opening)
                and len(body) + 1 + len(opening.split()[0]) > wrap - slack):
            out[position] = " "
            if line.endswith("\r"):
                out[position - 1] = " "
        position += 1
    return "".join(out)
