"""Markdown's marks out of the parser's way, with a map back to the text as read.

A fact sheet saved as Markdown writes "* **Autos:** Peru will *accept* vehicles ... by **June 30, 2026**" and
"[publish](https://...)": the parser reads the asterisks, brackets and addresses as words, and a commitment
loses its action or its deadline. :func:`strip_markup` drops the marks (emphasis delimiters, a link's brackets
and address, an image, a heading's hashes, a block quote's ``>``, inline code's backticks, HTML comments) and
keeps the words. It also returns, for every character it keeps, its index in the original, so records found in
the stripped text point into, and quote, the document as read. A text with none of these marks is returned as
it is, with no map.
"""

from __future__ import annotations

import re

import numpy

# each pattern's named groups "keep" are the words kept; everything else it matches is dropped
_PATTERNS = [
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # an image: nothing of it is prose
    re.compile(r"\[(?P<keep>[^\]\n]+)\]\((?:[^)\s]+)(?:\s+\"[^\"\n]*\")?\)"),  # [words](address "title")
    re.compile(r"\[(?P<keep>[^\]\n]+)\]\[[^\]\n]*\]"),  # [words][reference]
    re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE),  # "## Heading"
    re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE),  # "> quoted"
    re.compile(r"(?<![\w*\\])(\*\*\*|\*\*|___|__)(?=[^\s*_])(?P<keep>[^\n]+?)(?<=[^\s*_\\])\1(?![\w*])"),
    re.compile(r"(?<![\w*\\])\*(?=[^\s*])(?P<keep>[^*\n]+?)(?<=[^\s*\\])\*(?![\w*])"),
    re.compile(r"(?<![\w\\])_(?=[^\s_])(?P<keep>[^_\n]+?)(?<=[^\s_\\])_(?!\w)"),
    re.compile(r"(?<!`)`(?=[^\s`])(?P<keep>[^`\n]+?)(?<=[^\s`])`(?!`)"),
]
_ANY_MARK = re.compile(r"[*_\[`#>]|<!--")


def strip_markup(text: str) -> tuple[str, list[int] | None]:
    """``(stripped, origin)``: the text without Markdown's marks, and ``origin[i]``, the index in ``text`` of
    the stripped text's character ``i`` (one entry more, for the end). ``origin`` is None when nothing was
    stripped (the text is returned unchanged)."""
    if not _ANY_MARK.search(text):
        return text, None
    keep = bytearray(b"\x01") * len(text)
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if 0 in keep[match.start() : match.end()]:
                continue  # overlaps marks already dropped by an earlier pattern
            kept = match.span("keep") if "keep" in pattern.groupindex else (match.end(), match.end())
            keep[match.start() : kept[0]] = bytes(kept[0] - match.start())
            keep[kept[1] : match.end()] = bytes(match.end() - kept[1])
    if 0 not in keep:
        return text, None
    origin = numpy.flatnonzero(numpy.frombuffer(bytes(keep), dtype=numpy.uint8)).tolist()
    stripped = "".join(text[i] for i in origin)
    origin.append(len(text))
    return stripped, origin
