"""Sentence lookup in constant time.

``Token.sent`` and ``Span.sent`` search the document's sentences on every call, which makes a component
that asks for the sentence of every cue quadratic in the document's length. The components ask here instead:
the sentence bounds of every token are computed once per document (after the parser) and kept in
``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "pledgewatch.sentence_bounds"


def bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token index: the start and the end (exclusive) of its sentence."""
    cached = doc.user_data.get(_KEY)
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    starts = [0] * len(doc)
    ends = [len(doc)] * len(doc)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                starts[i] = sent.start
                ends[i] = sent.end
    doc.user_data[_KEY] = (starts, ends)
    return starts, ends


def sentence(token: Token) -> Span:
    """The sentence ``token`` is in (``token.sent``, without the search)."""
    starts, ends = bounds(token.doc)
    return token.doc[starts[token.i] : ends[token.i]]
