"""Sentence starts from the layout: paragraphs, headings and list items.

Official documents put one measure per line ("- Suspend the tariffs...", "(ii) cancel...", "2. The two sides
will..."). The statistical parser, left alone, often runs such lines together. This component runs before the
parser and marks a sentence start where the layout makes one certain; the parser keeps those boundaries and
decides the rest. A single line break inside a wrapped paragraph is not a boundary.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .. import doc_cache
from ..io.unwrap import BULLETS

_LIST_MARKER = re.compile(
    rf"^(?:[{re.escape(BULLETS)}]|\(?[ivxlc]{{1,5}}\)|\(?[a-z]\)|\(?\d{{1,3}}[.)]|[A-Z]\.|\d{{1,3}}\.\d{{1,3}}\.?)$")
_LINE_END = re.compile(r"[.:;!?]$")
_NEWLINE = re.compile(r"\n")


@Language.factory("pledgewatch_line_segmenter", requires=[], assigns=["token.is_sent_start"])
def make_line_segmenter(nlp: Language, name: str) -> "LineSegmenter":
    return LineSegmenter(name=name)


class LineSegmenter(Pipe):
    """Mark sentence starts after blank lines, at list markers and after lines that end a sentence."""

    def __init__(self, name: str = "pledgewatch_line_segmenter"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # only tokens right after a line break can start a sentence here: visit just those
        breaks = _breaks(doc)
        # the marks are collected (index -> 1 start, -1 no start, 0 parser decides; a later mark wins) and
        # written in one array: setting Token.is_sent_start scans the whole doc for a parse on every call
        marks: dict[int, int] = {}
        line_start = 0
        starts = [0] + breaks
        for first in starts:
            if not doc[first].is_space:
                _split_label(doc, doc[first], marks)
        previous_line_start = 0
        for i in breaks:
            token = doc[i]
            line_start, previous_line_start = i, line_start
            if token.is_space:
                continue
            prev = doc[i - 1]
            before = doc[i - 2] if i >= 2 else None
            if (
                prev.text.count("\n") >= 2
                or _LIST_MARKER.match(token.text)
                or _split_marker(doc, i)
                or before is None
                or _LINE_END.search(before.text)
                or (i - 2) - previous_line_start + 1 <= 8 and not before.is_punct
                or _LIST_MARKER.match(doc[previous_line_start].text)
            ):
                marks[i] = 1
                if i + 1 < len(doc):
                    marks[i + 1] = -1 if _LIST_MARKER.match(token.text) or not doc[i + 1].is_space else 0
        if marks:
            values = doc.to_array([SENT_START]).astype("int64")
            for i, value in marks.items():
                values[i] = value
            values[0] = 1  # a doc's first token always starts a sentence
            doc.from_array([SENT_START], values.astype("uint64"))
        return doc


def _split_marker(doc: Doc, i: int) -> bool:
    """A line opening with a marker the tokenizer split: "(", "c", ")" or "3", "." ("...; and" then "(c) provide
    ...", "3. not deploy ...")."""
    if doc[i].text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
        return _LIST_MARKER.match(doc[i : i + 3].text) is not None
    return (i + 1 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text in (".", ")")
            and _LIST_MARKER.match(doc[i : i + 2].text) is not None)


def _breaks(doc: Doc) -> list[int]:
    """Indices of the tokens that follow a whitespace token holding a line break (found from the text's
    newlines, without visiting every token)."""
    text = doc_cache.text(doc)
    if "\n" not in text or not len(doc):
        return []
    array = doc.to_array([IDX, IS_SPACE])
    holders = numpy.searchsorted(array[:, 0], [m.start() for m in _NEWLINE.finditer(text)], side="right") - 1
    out = []
    for i in numpy.unique(holders).tolist():
        if array[i, 1] and i + 1 < len(doc):
            out.append(i + 1)
    return out


def _split_label(doc: Doc, first, marks: dict[int, int]) -> None:
    """Start a sentence after a speaker label ("Lin Qiao:", "Q:"), a heading in capitals ("KEY COMMITMENTS BY
    THE UNITED STATES:") or a dateline ("ISLAMABAD, Nov. 12 (Wire) -")."""
    if _LIST_MARKER.match(first.text):
        return  # "• Germany: EUR 180 million" is a list item, not a speaker label
    end = min(len(doc), first.i + 16)
    for i in range(first.i, end):
        token = doc[i]
        if token.is_space and "\n" in token.text:
            return
        if token.text == ":" and i + 1 < len(doc):
            label = doc[first.i : i]
            if i - first.i <= 5 and all(t.is_title or t.is_upper or t.is_punct for t in label) or (
                    i - first.i <= 12 and all(t.is_upper or t.is_punct for t in label)):
                _start(doc, i + 1, marks)  # also a capitalised heading: "KEY COMMITMENTS BY THE UNITED STATES: ..."
            return
        if token.text in ("-", "—", "–", "--") and first.is_upper and len(first.text) > 1 and i + 1 < len(doc):
            if token.whitespace_ and doc[i - 1].whitespace_:
                _start(doc, i + 1, marks)
            return


def _start(doc: Doc, i: int, marks: dict[int, int]) -> None:
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i < len(doc):
        marks[i] = 1
