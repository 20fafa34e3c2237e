"""Run a spaCy ``Matcher`` only where a pattern can start.

The ``Matcher`` evaluates every pattern at every token; with a few dozen rule patterns that costs as much as
a statistical component. Nearly every rule pattern starts with a token constrained by ``LOWER`` or ``LEMMA``
(a word or a word list), so the positions where any pattern can start are found in one vectorised pass over
``doc.to_array``, and the matcher runs on short windows from there. The matches are the same as a full run,
as long as no match is longer than ``max_length`` tokens.
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy
from spacy.attrs import LEMMA, LOWER, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc


class AnchoredMatcher:
    """A ``Matcher`` that runs only around the tokens where its patterns can match.

    Each pattern is anchored on one of its required tokens constrained by ``LOWER``, ``ORTH``, ``LEMMA``
    (or, failing those, ``TAG``):
    the one whose words are least often stop words ("principle" in "in principle", "other" in "and
    other"), among the tokens at a fixed offset from the pattern's start. A pattern with no such token
    makes the matcher run everywhere. Windows reach as far as the longest pattern, counting a repeated
    token (``*``, ``+``) as ``max_repeat`` tokens: a longer match is cut.
    """

    def __init__(self, vocab, patterns: Iterable[tuple[str, list[dict[str, Any]]]], *, max_repeat: int = 4):
        self.matcher = Matcher(vocab)
        self.max_length = 1
        self.back = 0
        lowers: set[str] = set()
        lemmas: set[str] = set()
        tags: set[str] = set()
        anchored = True
        for key, pattern in patterns:
            self.matcher.add(key, [pattern])
            self.max_length = max(self.max_length, sum(max_repeat if t.get("OP") in ("*", "+") else 1 for t in pattern))
            choice = _anchor(vocab, pattern)
            if choice is None:
                anchored = False
                continue
            offset, attr, words = choice
            self.back = max(self.back, offset)
            if attr == "TAG":
                tags.update(words)
            elif attr == "LEMMA":
                lemmas.update(words)
                lowers.update(w.lower() for w in words)
            else:
                lowers.update(w.lower() for w in words)
        strings = vocab.strings
        self.lower_keys = numpy.array(sorted(strings.add(w) for w in lowers), dtype="uint64") if anchored else None
        self.lemma_keys = numpy.array(sorted(strings.add(w) for w in lemmas), dtype="uint64") if anchored else None
        self.tag_keys = numpy.array(sorted(strings.add(w) for w in tags), dtype="uint64") if anchored else None

    def __call__(self, doc: Doc, ranges: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int, int]]:
        """Matches as (key, start, end) in document positions, within ``ranges`` when given."""
        ranges = [(0, len(doc))] if ranges is None else list(ranges)
        if self.lower_keys is None:
            windows = ranges
        else:
            array = doc.to_array([LOWER, LEMMA, TAG])
            hits = numpy.isin(array[:, 0], self.lower_keys) | numpy.isin(array[:, 1], self.lemma_keys)
            if len(self.tag_keys):
                hits |= numpy.isin(array[:, 2], self.tag_keys)
            anchors = numpy.flatnonzero(hits)
            windows = []
            for a, b in ranges:
                for i in anchors[(anchors >= a) & (anchors < b)]:
                    lo, hi = max(a, int(i) - self.back), min(b, int(i) + self.max_length)
                    if windows and lo <= windows[-1][1]:
                        windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
                    else:
                        windows.append((lo, hi))
        seen = set()
        out = []
        for a, b in windows:
            for key, start, end in self.matcher(doc[a:b]):
                match = (key, a + start, a + end)
                if match not in seen:
                    seen.add(match)
                    out.append(match)
        out.sort(key=lambda m: (m[1], m[2]))
        return out


def _anchor(vocab, pattern: list[dict[str, Any]]) -> tuple[int, str, list[str]] | None:
    """(offset, attribute, words) of the pattern token to look for first, or None if there is none."""
    best, best_cost = None, None
    for offset, token in enumerate(pattern):
        if token.get("OP") not in (None, "!", "1", "+"):
            break  # tokens after an optional one are at no fixed offset
        for attr in ("LOWER", "ORTH", "LEMMA", "TAG"):
            value = token.get(attr)
            words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
            if not words:
                continue
            # a part-of-speech tag is the weakest anchor: many tokens carry it
            stops = 1.5 if attr == "TAG" else sum(1 for w in words if vocab[w.lower()].is_stop) / len(words)
            cost = (stops, len(words))
            if best_cost is None or cost < best_cost:
                best, best_cost = (offset, attr, list(words)), cost
            break
    return best
