"""Per-document facts that spaCy recomputes on every access, computed once.

``Doc.text`` joins every token's text on each access, and ``Token.sent`` searches the document's sentences on
each call; a component that asks either per cue or per commitment becomes quadratic in the document's
length. The components ask here instead. The cache is keyed weakly by the ``Doc`` (nothing is added to
``doc.user_data``, so serialised documents stay as they were) and checked against the document's length.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

_TEXT: "WeakKeyDictionary[Doc, tuple[int, str]]" = WeakKeyDictionary()
_SOURCE: "WeakKeyDictionary[Doc, tuple[int, str, list[int] | None]]" = WeakKeyDictionary()
_BOUNDS: "WeakKeyDictionary[Doc, tuple[list[int], list[int]]]" = WeakKeyDictionary()
_ENTS: "WeakKeyDictionary[Doc, tuple[int, tuple[Span, ...], list[int]]]" = WeakKeyDictionary()


def text(doc: Doc) -> str:
    """``doc.text``, built once per document."""
    cached = _TEXT.get(doc)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    value = doc.text
    _TEXT[doc] = (len(doc), value)
    return value


def remember(doc: Doc, value: str, source: str | None = None, origin: list[int] | None = None) -> None:
    """Record the text a document was made from (``nlp.make_doc(value).text == value``), so nothing rebuilds it.

    When ``value`` is a view of the text as read (``source``), ``origin[i]`` is the index in ``source`` of
    ``value``'s character ``i``, with one entry more for the end (None: the same index); records point into
    and quote ``source``."""
    _TEXT[doc] = (len(doc), value)
    if source is not None and (source != value or origin is not None):
        if origin is None and len(source) != len(value) or origin is not None and len(origin) != len(value) + 1:
            raise ValueError("a document's view must map every character to the text as read")
        _SOURCE[doc] = (len(doc), source, origin)


def source(doc: Doc) -> tuple[str, list[int] | None]:
    """The text as read that records quote, and the map from the document's character offsets into it
    (None: the offsets are the same)."""
    cached = _SOURCE.get(doc)
    if cached is not None and cached[0] == len(doc):
        return cached[1], cached[2]
    return text(doc), None


def bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token index: the start and the end (exclusive) of its sentence."""
    cached = _BOUNDS.get(doc)
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    starts = [0] * len(doc)
    ends = [len(doc)] * len(doc)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                starts[i] = sent.start
                ends[i] = sent.end
    _BOUNDS[doc] = (starts, ends)
    return starts, ends


def sentence(token: Token) -> Span:
    """The sentence ``token`` is in (``token.sent``, without the search)."""
    starts, ends = bounds(token.doc)
    return token.doc[starts[token.i] : ends[token.i]]


def entities(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """``doc.ents`` (built once: spaCy makes a new ``Span`` per entity on every access) and their end offsets.
    For components that run after the entity recogniser and do not change the entities."""
    cached = _ENTS.get(doc)
    if cached is not None and cached[0] == len(doc):
        return cached[1], cached[2]
    ents = tuple(doc.ents)
    ends = [e.end_char for e in ents]
    _ENTS[doc] = (len(doc), ents, ends)
    return ents, ends
