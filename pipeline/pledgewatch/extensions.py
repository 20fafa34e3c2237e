"""The one table of custom ``._`` attributes pledgewatch sets, registered once.

=====================  ======  ===================================================================
attribute              on      what it holds
=====================  ======  ===================================================================
``doc_id``             Doc     the document's id (file stem, ``--doc-id``), or ``None``
``doc_date``           Doc     the document date as an ISO string, from the caller or the dateline
``time_expressions``   Doc     list of :class:`~pledgewatch.commitment.TimeExpression`, in text order
``commitments``        Doc     list of :class:`~pledgewatch.commitment.Commitment`, in text order
``speakers``           Doc     canonical names "we" refers to in this document (empty when unclear)
``commitment_records`` Doc     getter: the validated :class:`~pledgewatch.records.CommitmentRecord` list
=====================  ======  ===================================================================
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRIBUTES = {
    "doc_id": {"default": None},
    "doc_date": {"default": None},
    "time_expressions": {"default": None},
    "commitments": {"default": None},
    "speakers": {"default": None},
}


def _records_getter(doc: Doc):
    from .records import from_doc

    return from_doc(doc)


def register() -> None:
    """Register every attribute; safe to call any number of times."""
    for name, kwargs in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
    if not Doc.has_extension("commitment_records"):
        Doc.set_extension("commitment_records", getter=_records_getter)


register()
