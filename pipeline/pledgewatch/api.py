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

from .nlp import load
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
    """A tokenised ``Doc`` carrying the context's id and date, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
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
) -> Iterator[tuple[DocContext, list[CommitmentRecord]]]:
    """Stream ``(context, records)`` for ``(text, context)`` pairs, in input order."""
    pending = ((make_doc(nlp, text, context), context) for text, context in items)
    for doc, context in nlp.pipe(pending, as_tuples=True, batch_size=batch_size):
        if context.doc_date is None and doc._.doc_date is not None:
            context.doc_date = doc._.doc_date
        yield context, from_doc(doc)
