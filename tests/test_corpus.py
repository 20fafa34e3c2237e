"""The shipped corpus is well formed: every gold line and trap points at text that exists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pledgewatch.evaluate import locate

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FIELDS = {"file", "evidence", "actor", "actor_text", "action", "polarity", "deadline_text", "deadline",
          "time_bound", "vague", "vague_reasons", "reported", "conditional"}
REASONS = {"vague_action", "hedged", "unquantified", "no_deadline", "no_verification", "open_ended"}
GOLD = sorted(CORPUS.glob("gold/*/*.jsonl"))


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_file(path):
    split = path.parent.name
    doc = CORPUS / "docs" / split / f"{path.stem}.txt"
    text = doc.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines, path
    for g in lines:
        assert set(g) == FIELDS, set(g) ^ FIELDS
        assert g["file"] == doc.name
        assert locate(text, g["evidence"]) is not None, g["evidence"]
        assert 5 <= len(g["evidence"].split()) <= 40
        assert g["polarity"] in ("positive", "negative")
        assert set(g["vague_reasons"]) <= REASONS
        assert not (g["time_bound"] and g["deadline"] is None)
    traps = CORPUS / "traps" / split / path.name
    for t in (json.loads(line) for line in traps.read_text(encoding="utf-8").splitlines() if line.strip()):
        assert locate(text, t["text"]) is not None, t["text"]


def test_splits_do_not_share_documents():
    dev = {p.name for p in (CORPUS / "docs" / "dev").glob("*.txt")}
    test = {p.name for p in (CORPUS / "docs" / "test").glob("*.txt")}
    assert dev and test and not dev & test
