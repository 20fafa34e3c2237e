"""Sentence starts from the layout: paragraphs, headings and list items.

Official documents put one measure per line ("- Suspend the tariffs...", "(ii) cancel...", "2. The two sides
will..."). The statistical parser, left alone, often runs such lines together. This component runs before the
parser and marks a sentence start where the layout makes one certain; the parser keeps those boundaries and
decides the rest. A single line break inside a wrapped paragraph is not a boundary.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

_LIST_MARKER = re.compile(r"^(?:[-•*–—·‣◦▪]|\(?[ivxlc]{1,5}\)|\(?[a-z]\)|\(?\d{1,3}[.)]|[A-Z]\.|\d{1,3}\.\d{1,3}\.?)$")
_LINE_END = re.compile(r"[.:;!?]$")


@Language.factory("pledgewatch_line_segmenter", requires=[], assigns=["token.is_sent_start"])
def make_line_segmenter(nlp: Language, name: str) -> "LineSegmenter":
    return LineSegmenter(name=name)


class LineSegmenter(Pipe):
    """Mark sentence starts after blank lines, at list markers and after lines that end a sentence."""

    def __init__(self, name: str = "pledgewatch_line_segmenter"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        line_start = _line_starts(doc)
        for token in doc:
            if line_start[token.i] == token.i and not token.is_space:
                _split_label(doc, token)
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if token.is_space:
                continue
            if not prev.is_space or "\n" not in prev.text:
                continue
            before = doc[token.i - 2] if token.i >= 2 else None
            if (
                prev.text.count("\n") >= 2
                or _LIST_MARKER.match(token.text)
                or before is None
                or _LINE_END.search(before.text)
                or (token.i - 2) - line_start[token.i - 2] + 1 <= 8 and not before.is_punct
                or _LIST_MARKER.match(doc[line_start[token.i - 2]].text)
            ):
                token.is_sent_start = True
                if token.i + 1 < len(doc):
                    doc[token.i + 1].is_sent_start = False if _LIST_MARKER.match(token.text) else None
        return doc


def _line_starts(doc: Doc) -> list[int]:
    """Per token index, the index of the first token of its line (one pass over the document)."""
    out, current = [], 0
    for token in doc:
        if token.i > 0 and doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
            current = token.i
        out.append(current)
    return out


def _split_label(doc: Doc, first) -> None:
    """Start a sentence after a speaker label ("Lin Qiao:", "Q:") or a dateline ("ISLAMABAD, Nov. 12 (Wire) -")."""
    end = min(len(doc), first.i + 16)
    for i in range(first.i, end):
        token = doc[i]
        if token.is_space and "\n" in token.text:
            return
        if token.text == ":" and i - first.i <= 5 and i + 1 < len(doc):
            if all(t.is_title or t.is_upper or t.is_punct for t in doc[first.i : i]):
                _start(doc, i + 1)
            return
        if token.text in ("-", "—", "–", "--") and first.is_upper and len(first.text) > 1 and i + 1 < len(doc):
            if token.whitespace_ and doc[i - 1].whitespace_:
                _start(doc, i + 1)
            return


def _start(doc: Doc, i: int) -> None:
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i < len(doc):
        doc[i].is_sent_start = True
