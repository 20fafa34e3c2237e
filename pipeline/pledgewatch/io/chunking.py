"""Split a long document into pieces spaCy can parse, and put the pieces' records back together.

A commitment lives inside one sentence (its actor, verb, amounts and deadline are read from that
sentence's parse), so a cut between paragraphs, or failing that between sentences, cannot lose one.
:func:`chunk_spans` cuts, in order of preference, at a blank line, at a line end, after a sentence-final
``.``/``!``/``?``, at any whitespace, and only as a last resort (a 100 KB "word") in the middle of text.
The spans cover the text exactly: ``"".join(text[s:e] for s, e in spans) == text``.

:func:`shift_record` moves a record parsed from a chunk to whole-document offsets: every integer
``start``/``end`` in a record is a character offset (the :mod:`pledgewatch.records` contract), so
adding the chunk's start to each keeps ``text[span.start:span.end] == span.text`` true of the whole text.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["DEFAULT_CHUNK_CHARS", "chunk_spans", "shift_record"]

DEFAULT_CHUNK_CHARS = 20_000
"""Default chunk size, about 3,500 words: a long article is one chunk. Smaller keeps the parser's memory
small and gives the batch runner more pieces to spread over its workers; larger keeps more document
context ("we", the dateline) in one piece."""


_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to end the chunk that starts at ``start`` and may not reach past ``limit``."""
    floor = start + (limit - start) // 2
    for pattern in _CUTS:
        last = None
        for match in pattern.finditer(text, floor, limit):
            last = match
        if last is not None and last.end() > start:
            return last.end()
    return limit


def chunk_spans(text: str, max_chars: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` character spans of at most ``max_chars`` that tile ``text`` in order.

    A text no longer than ``max_chars`` is one span. Cuts are searched in the second half of each window
    so that no chunk is shorter than half the limit unless it is the last.
    """
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut_point(text, start, start + max_chars)
        spans.append((start, end))
        start = end
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def shift_record(data: Any, delta: int) -> Any:
    """A copy of a record's ``model_dump()`` with every integer ``start``/``end`` moved by ``delta``."""
    if isinstance(data, dict):
        return {
            key: (value + delta if key in ("start", "end") and isinstance(value, int) else shift_record(value, delta))
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [shift_record(item, delta) for item in data]
    return data
