"""The record contract: validation, offsets that slice back, JSON round trip, the schema."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from pledgewatch.records import CommitmentRecord, json_schema

EXAMPLE = (
    "Washington will suspend the tariffs announced on October 9 until November 10, 2026, and Beijing will "
    "take significant measures to curb exports of fentanyl precursors."
)


@pytest.fixture(scope="module")
def records(extract):
    return extract(EXAMPLE, doc_id="example", doc_date="2025-11-01")


def test_example_gives_one_record_per_side(records):
    by_actor = {r.actor.canonical: r for r in records}
    assert set(by_actor) == {"United States", "China"}
    us, china = by_actor["United States"], by_actor["China"]
    assert us.time_bound and us.deadline.value == "2026-11-10" and us.deadline.relation == "until"
    assert us.specificity.label != "vague"
    assert not china.time_bound and china.deadline is None
    assert china.specificity.label == "vague"
    assert {"NO_DEADLINE", "VAGUE_ACTION"} <= {f.code for f in china.flags}


def test_reference_date_is_not_the_deadline(records):
    us = next(r for r in records if r.actor.canonical == "United States")
    assert "October 9" not in us.deadline.text


def test_offsets_slice_back(records):
    for r in records:
        assert EXAMPLE[r.span.start : r.span.end] == r.span.text
        assert EXAMPLE[r.actor.start : r.actor.end] == r.actor.text
        if r.deadline:
            assert EXAMPLE[r.deadline.start : r.deadline.end] == r.deadline.text
        for f in r.flags:
            assert EXAMPLE[f.start : f.end] == f.text
        for q in r.quantities:
            assert EXAMPLE[q.start : q.end] == q.text


def test_ids_doc_fields_and_round_trip(records):
    assert [r.id for r in records] == ["example:1", "example:2"]
    for r in records:
        assert r.doc_id == "example" and r.doc_date == "2025-11-01"
        again = CommitmentRecord.model_validate_json(r.model_dump_json())
        assert again == r


def test_unknown_fields_are_rejected(records):
    data = json.loads(records[0].model_dump_json())
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        CommitmentRecord.model_validate(data)


def test_schema_names_every_field():
    schema = json_schema()
    assert set(schema["properties"]) == set(CommitmentRecord.model_fields)
    assert schema["additionalProperties"] is False


def test_doc_extension_gives_records(nlp):
    doc = nlp("The Government will publish the review by 1 March 2027.")
    assert [r.action.verb for r in doc._.commitment_records] == ["publish"]


def test_saved_pipeline_reproduces_records(nlp, tmp_path, monkeypatch):
    import spacy

    import pledgewatch

    nlp.to_disk(tmp_path / "pipeline")
    monkeypatch.setenv("PLEDGEWATCH_PATTERNS", str(tmp_path / "nowhere"))
    reloaded = spacy.load(tmp_path / "pipeline")
    before = [r.model_dump() for r in pledgewatch.extract(EXAMPLE, nlp=nlp, doc_date="2025-11-01")]
    after = [r.model_dump() for r in pledgewatch.extract(EXAMPLE, nlp=reloaded, doc_date="2025-11-01")]
    assert before == after and before


def test_long_text_is_parsed_in_pieces_with_whole_text_offsets(nlp):
    import pledgewatch
    from pledgewatch.api import DocContext, extract_docs

    paragraph = (
        "Lisbon, 3 March 2026\n\nThe Government will open two reception centres by June 2026. "
        "Prices will rise. Portugal will not raise the fuel levy this year.\n\n"
    )
    text = paragraph * 6
    whole = pledgewatch.extract(text, doc_id="long", nlp=nlp)
    [(context, pieces)] = list(extract_docs([(text, DocContext(doc_id="long"))], nlp=nlp, chunk_chars=300))
    assert [r.model_dump() for r in pieces] == [r.model_dump() for r in whole]
    assert [r.id for r in pieces] == [f"long:{i}" for i in range(1, len(whole) + 1)]
    for r in pieces:
        assert text[r.span.start : r.span.end] == r.span.text
    assert context.doc_date == "2026-03-03"
