"""The pledgewatch_time_tagger component on a blank pipeline: annotations, doc date, and saving its rules."""

from __future__ import annotations

import json

import pytest
import spacy

import pledgewatch.components.time_tagger  # noqa: F401  (registers the factory)
from pledgewatch.temporal import load_time_rules

TEXT = "WASHINGTON, Sept. 25, 2025 (Reuters) - The United States will cut tariffs within 90 days and by next year."


@pytest.fixture
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("pledgewatch_time_tagger")
    nlp.initialize()
    return nlp


def test_tags_and_detects_doc_date(nlp):
    doc = nlp(TEXT)
    assert doc._.doc_date == "2025-09-25"
    assert [(t.text, t.value, t.resolved) for t in doc._.time_expressions] == [
        ("Sept. 25, 2025", "2025-09-25", "2025-09-25"),
        ("90 days", "P90D", "2025-12-24"),
        ("next year", "2026", "2026-12-31"),
    ]
    for t in doc._.time_expressions:
        assert doc.text[t.start:t.end] == t.text


def test_caller_doc_date_wins(nlp):
    doc = nlp.make_doc(TEXT)
    doc._.doc_date = "2030-01-15"
    doc = nlp.get_pipe("pledgewatch_time_tagger")(doc)
    assert doc._.doc_date == "2030-01-15"
    assert doc._.time_expressions[-1].value == "2031"


def test_detection_can_be_switched_off():
    nlp = spacy.blank("en")
    nlp.add_pipe("pledgewatch_time_tagger", config={"detect_doc_date": False})
    nlp.initialize()
    doc = nlp(TEXT)
    assert doc._.doc_date is None
    assert doc._.time_expressions[-1].value is None


def test_day_first_config():
    nlp = spacy.blank("en")
    nlp.add_pipe("pledgewatch_time_tagger", config={"day_first": True})
    nlp.initialize()
    assert nlp("Issued: 03/02/2026")._.doc_date == "2026-02-03"


def test_uninitialised_component_says_so():
    nlp = spacy.blank("en")
    nlp.add_pipe("pledgewatch_time_tagger")
    with pytest.raises(ValueError, match="initialize"):
        nlp("by next year")


def test_initialize_with_patterns_dict():
    rules = load_time_rules().model_dump()
    rules["vague"] = [v for v in rules["vague"] if v["literal"] != "soon"]
    nlp = spacy.blank("en")
    nlp.add_pipe("pledgewatch_time_tagger")
    nlp.get_pipe("pledgewatch_time_tagger").initialize(patterns=rules)
    assert nlp("They will meet soon.")._.time_expressions == []


def test_to_disk_round_trip_carries_rules(nlp, tmp_path, monkeypatch):
    nlp.to_disk(tmp_path / "pipeline")
    saved = json.loads((tmp_path / "pipeline" / "pledgewatch_time_tagger" / "state.json").read_text())
    assert saved["rules"]["rules"] and saved["cfg"]["day_first"] is False
    monkeypatch.setenv("PLEDGEWATCH_PATTERNS", str(tmp_path / "nowhere"))
    loaded = spacy.load(tmp_path / "pipeline")
    assert [t.text for t in loaded(TEXT)._.time_expressions] == [t.text for t in nlp(TEXT)._.time_expressions]


def test_to_bytes_round_trip(nlp):
    other = spacy.blank("en")
    other.add_pipe("pledgewatch_time_tagger", config={"day_first": True})
    other.from_bytes(nlp.to_bytes())
    assert other.get_pipe("pledgewatch_time_tagger").day_first is False
    assert other("by Q3 2026")._.time_expressions[0].value == "2026-Q3"

