"""The Python API the CLI, the batch runner and users' own code share.

>>> import pledgewatch
>>> nlp = pledgewatch.load()
>>> records = pledgewatch.extract("Beijing will curb exports of precursors by May 1, 2026.", nlp=nlp)
>>> records[0].actor.canonical
'China'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

from spacy.language import Language

from .io.chunking import chunk_spans, shift_record
from .io.view import parse_view
from .nlp import load
from .temporal import detect_doc_date
from . import doc_cache
from .records import CommitmentRecord, from_doc


@dataclass
class DocContext:
    """What is known about a document besides its text."""

    doc_id: str | None = None
    doc_date: str | None = None
    source: str | None = None
    title: str | None = None


def _iso(value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)).isoformat()


def make_doc(nlp: Language, text: str, context: DocContext):
    """A tokenised ``Doc`` carrying the context's id and date, ready for ``nlp.pipe``.

    The parser reads a view of ``text`` (:func:`pledgewatch.io.view.parse_view`: no Markdown marks, wrapped
    paragraphs joined, no runs of spaces); the records map back to offsets into ``text`` and quote it."""
    view, origin = parse_view(text)
    doc = nlp.make_doc(view)
    doc_cache.remember(doc, view, source=text, origin=origin)
    doc._.doc_id = context.doc_id
    doc._.doc_date = _iso(context.doc_date)
    return doc


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    doc_date: str | date | None = None,
    nlp: Language | None = None,
) -> list[CommitmentRecord]:
    """The commitment records of one document.

    ``doc_date`` (ISO date) anchors relative deadlines; when it is ``None`` the document's own dateline is
    used if it has one. Loads the default pipeline when ``nlp`` is not given (load it once and pass it when
    extracting many documents).
    """
    context = DocContext(doc_id=doc_id, doc_date=_iso(doc_date))
    for _, records in extract_docs([(text, context)], nlp=nlp or load()):
        return records
    return []


def extract_docs(
    items: Iterable[tuple[str, DocContext]],
    *,
    nlp: Language,
    batch_size: int = 16,
    chunk_chars: int = 100_000,
) -> Iterator[tuple[DocContext, list[CommitmentRecord]]]:
    """Stream ``(context, records)`` for ``(text, context)`` pairs, in input order.

    A text longer than ``chunk_chars`` is parsed in pieces cut between paragraphs or sentences
    (:func:`pledgewatch.io.chunking.chunk_spans`); its records come back with offsets into the whole text
    and ids numbered across the whole document, and its dateline dates every piece.
    """
    def pieces():
        for text, context in items:
            spans = chunk_spans(text, chunk_chars)
            if len(spans) > 1 and context.doc_date is None:
                context.doc_date = _dateline(nlp, text[: spans[0][1]])
            for number, (start, end) in enumerate(spans):
                yield make_doc(nlp, text[start:end], context), (context, start, number == len(spans) - 1)

    collected: list[CommitmentRecord] = []
    for doc, (context, offset, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        if context.doc_date is None and doc._.doc_date is not None:
            context.doc_date = doc._.doc_date
        records = from_doc(doc)
        if offset or collected:
            records = [CommitmentRecord.model_validate(shift_record(r.model_dump(), offset)) for r in records]
        collected.extend(records)
        if last:
            for ordinal, record in enumerate(collected, start=1):
                record.id = f"{context.doc_id or 'doc'}:{ordinal}"
            yield context, collected
            collected = []


def _dateline(nlp: Language, head: str) -> str | None:
    """The document date its first piece states, read the way the time tagger reads it."""
    if "pledgewatch_time_tagger" not in nlp.pipe_names:
        return None
    tagger = nlp.get_pipe("pledgewatch_time_tagger")
    found = detect_doc_date(head, day_first=tagger.day_first, rules=tagger.grammar)
    return found.isoformat() if found else None
