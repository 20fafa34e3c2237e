"""A spaCy ``Matcher`` that does most of its work in numpy.

The ``Matcher`` evaluates every pattern at every token, and every ``IN`` list through a Python predicate; with
a few dozen rule patterns that costs as much as a statistical component. Nearly every rule pattern is a fixed
run of tokens constrained by plain attributes (``LOWER``, ``LEMMA``, ``POS``, ``TAG``, ``DEP``, ``ORTH``, each
a value or an ``IN``/``NOT_IN`` list). Those are matched here with one vectorised pass over ``doc.to_array``
per attribute list: the same matches the ``Matcher`` finds, at a fraction of the cost. The few patterns left
(repeated or optional tokens, other attributes) go to a real ``Matcher``, run only on short windows around
the tokens where they can start.
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.symbols import IDS
from spacy.tokens import Doc

_COLUMNS = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "LEMMA": 2, "POS": 3, "TAG": 4, "DEP": 5}
_ARRAY_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP]

# one token test: (column, sorted keys, negated)
Test = tuple[int, tuple[int, ...], bool]


class AnchoredMatcher:
    """Matches of token patterns as ``(key, start, end)``, like ``Matcher``, but mostly vectorised.

    A pattern whose tokens each carry only plain attributes (no ``OP`` but ``"1"``) is matched in numpy.
    Any other pattern is anchored on one of its required tokens constrained by ``LOWER``, ``ORTH``,
    ``LEMMA`` (or, failing those, ``TAG``): the one whose words are least often stop words, among the
    tokens at a fixed offset from the pattern's start; the ``Matcher`` runs on windows from there. Windows
    reach as far as the longest such pattern, counting a repeated token (``*``, ``+``) as ``max_repeat``
    tokens: a longer match is cut. A pattern with no anchor makes the matcher run everywhere.
    """

    def __init__(self, vocab, patterns: Iterable[tuple[str, list[dict[str, Any]]]], *, max_repeat: int = 4):
        # fixed patterns: per token, the rows of the distinct attribute tests it must pass
        self.fixed: list[tuple[int, list[list[int]]]] = []
        self._rows: dict[Test, int] = {}
        self._negated: list[int] = []
        self._by_value: dict[int, dict[int, list[int]]] = {}  # column -> attribute value -> rows it passes
        self._tables: list[tuple[int, numpy.ndarray, numpy.ndarray]] | None = None  # from _by_value, by _passes
        self.matcher = Matcher(vocab)
        self.has_rest = False
        self.max_length = 1
        self.back = 0
        lowers: set[str] = set()
        lemmas: set[str] = set()
        tags: set[str] = set()
        anchored = True
        for key, pattern in patterns:
            tests = _fixed_tests(vocab, pattern)
            if tests is not None:
                rows = [[self._test_row(test) for test in token_tests] for token_tests in tests]
                self.fixed.append((vocab.strings.add(key), rows))
                continue
            self.has_rest = True
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
        """Matches as (key, start, end) in document positions, each inside one of ``ranges`` when given."""
        ranges = _merged([(0, len(doc))] if ranges is None else ranges)
        if not ranges or not len(doc):
            return []
        array = doc.to_array(_ARRAY_ATTRS).astype("uint64", copy=False)
        out = self._fixed_matches(array, ranges) if self.fixed else []
        if self.has_rest:
            out.extend(self._matcher_matches(doc, array, ranges))
        out.sort(key=lambda m: (m[1], m[2]))
        return out

    def _test_row(self, test: Test) -> int:
        row = self._rows.get(test)
        if row is None:
            row = self._rows[test] = len(self._rows)
            column, keys, negated = test
            table = self._by_value.setdefault(column, {})
            for value in keys:
                table.setdefault(value, []).append(row)
            if negated:
                self._negated.append(row)
        return row

    def _passes(self, array: numpy.ndarray) -> numpy.ndarray:
        """Which token passes which test, as a (tests, tokens) boolean array.

        Per column, the values some test names are kept sorted with, per value, the tests it passes (built
        once, on first use); each token's value is found by binary search, instead of one set-membership
        pass over the document per test.
        """
        if self._tables is None:
            self._tables = []
            for column, table in self._by_value.items():
                keys = numpy.array(sorted(table), dtype="uint64")
                seen = numpy.zeros((len(self._rows), len(keys) + 1), dtype=bool)  # last column: no key
                for j, value in enumerate(keys.tolist()):
                    seen[table[value], j] = True
                self._tables.append((column, keys, seen))
        passes = numpy.zeros((len(self._rows), len(array)), dtype=bool)
        for column, keys, seen in self._tables:
            values = array[:, column]
            at = numpy.searchsorted(keys, values)
            at[at == len(keys)] = 0
            at[keys[at] != values] = len(keys)
            passes |= seen[:, at]
        if self._negated:
            passes[self._negated] = ~passes[self._negated]
        return passes

    def _fixed_matches(self, array: numpy.ndarray, ranges: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        # only the tokens inside ``ranges`` are tested, laid end to end: ``where`` maps a position among them
        # back to the document, ``limit`` is the end (among them) of the range a position lies in
        if len(ranges) == 1 and ranges[0] == (0, len(array)):
            where = None
        else:
            where = numpy.concatenate([numpy.arange(a, b) for a, b in ranges])
            array = array[where]
        n = len(array)
        limit = numpy.empty(n, dtype="int64")
        done = 0
        for a, b in ranges:
            limit[done : done + b - a] = done + b - a
            done += b - a
        passes = self._passes(array)
        positions = numpy.arange(n)
        out = []
        for key, tests in self.fixed:
            length = len(tests)
            if length > n:
                continue
            last = n - length + 1
            ok = positions[:last] + length <= limit[:last]
            for offset, rows in enumerate(tests):
                for row in rows:
                    ok &= passes[row, offset : last + offset]
            starts = numpy.flatnonzero(ok)
            if where is not None:
                starts = where[starts]
            out.extend((key, int(s), int(s) + length) for s in starts)
        return out

    def _matcher_matches(self, doc: Doc, array: numpy.ndarray, ranges: list[tuple[int, int]]):
        if self.lower_keys is None:
            windows = ranges
        else:
            hits = numpy.isin(array[:, 1], self.lower_keys) | numpy.isin(array[:, 2], self.lemma_keys)
            if len(self.tag_keys):
                hits |= numpy.isin(array[:, 4], self.tag_keys)
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
        for a, b in windows:
            for key, start, end in self.matcher(doc[a:b]):
                match = (key, a + start, a + end)
                if match not in seen:
                    seen.add(match)
                    yield match


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted((a, b) for a, b in ranges if b > a):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _fixed_tests(vocab, pattern: list[dict[str, Any]]) -> list[list[Test]] | None:
    """The pattern as per-token attribute tests, or None when it needs the real ``Matcher``."""
    tokens = []
    for spec in pattern:
        tests = []
        for attr, value in spec.items():
            if attr == "OP" and value == "1":
                continue
            column = _COLUMNS.get(attr)
            if column is None:
                return None
            if isinstance(value, str):
                words, negated = [value], False
            elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
                (op, words), = value.items()
                negated = op == "NOT_IN"
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    return None
            else:
                return None
            if attr == "POS":
                if not all(w in IDS for w in words):
                    return None
                keys = tuple(sorted(IDS[w] for w in words))
            else:
                keys = tuple(sorted(vocab.strings.add(w) for w in words))
            tests.append((column, keys, negated))
        tokens.append(tests)
    return tokens or None


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
