"""The scorer on hand-made cases, and the corpus floor that keeps extraction from regressing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pledgewatch.evaluate import Report, evaluate_corpus, locate, match
from pledgewatch.records import CommitmentRecord

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXT = "China will buy soybeans by May 1, 2026. Prices will rise. Japan will cut tariffs."


def _record(start, end, actor, *, time_bound=False, value=None, label="partial", polarity="positive", text=TEXT):
    return CommitmentRecord(
        id="d:1", doc_id="d", doc_date=None, sentence=text[start:end], span={"start": start, "end": end, "text": text[start:end]},
        actor={"start": start, "end": start + len(actor), "text": actor, "canonical": actor}, action={"verb": "x", "text": "x"},
        polarity=polarity, strength="firm", time_bound=time_bound,
        deadline={"start": start, "end": start + 1, "text": text[start], "relation": "by", "value": value} if value else None,
        specificity={"score": 0.5, "label": label},
    )


def _gold(evidence, actor, **kw):
    return {"file": "d.txt", "evidence": evidence, "actor": actor, "polarity": "positive", "time_bound": False,
            "deadline": None, "vague": False, **kw}


def test_locate_folds_whitespace():
    assert locate("a  b\nc d", "b c") == (3, 6)
    assert locate("abc", "zz") is None


def test_match_pairs_by_overlap_and_scores():
    gold = [_gold("China will buy soybeans by May 1, 2026", "China", time_bound=True, deadline="2026-05-01"),
            _gold("Japan will cut tariffs", "Japan", vague=True, conditional=True)]
    records = [_record(0, 38, "China", time_bound=True, value="2026-05-01"), _record(40, 57, "Prices"),
               _record(58, 80, "Japan", label="partial")]
    pairs, missed, spurious = match(TEXT, gold, records, "d.txt")
    report = Report(gold=2, predicted=3, pairs=pairs, missed=missed, spurious=[("d.txt", r) for r in spurious])
    s = report.summary(show_errors=True)
    assert s["matched"] == 2 and s["detection"]["precision"] == pytest.approx(2 / 3, abs=1e-3) and s["detection"]["recall"] == 1.0
    assert s["actor_accuracy"] == 1.0 and s["deadline_value_accuracy"] == 1.0 and s["time_bound_accuracy"] == 1.0
    assert s["vague_f1"] == 0.0
    # neither record is reported or conditional: right for China, wrong for the gold's conditional Japan
    assert s["reported_accuracy"] == 1.0 and s["conditional_accuracy"] == 0.5
    kinds = sorted(e["kind"] for e in s["errors"])
    assert kinds == ["spurious", "wrong_vague"]


def test_joint_records_pair_with_the_same_party():
    text = "The two sides will hold talks in May."
    gold = [_gold("The two sides will hold talks", "China"), _gold("The two sides will hold talks", "Brazil")]
    records = [_record(0, 29, "Brazil", text=text), _record(0, 29, "China", text=text)]
    pairs, missed, spurious = match(text, gold, records, "d.txt")
    assert all(p.gold["actor"] == p.record.actor.canonical for p in pairs) and not missed and not spurious


def test_missing_evidence_is_an_error():
    with pytest.raises(ValueError, match="not found"):
        match(TEXT, [_gold("not in the text at all", "China")], [], "d.txt")


# Floors a little under the measured scores (see README, "Quality"): the held-out test split and the whole dev
# split (documents written in batches by writers who never saw the rules; a new batch lands before any rule is
# tuned for it, and new writers' actors score 0.44-0.95 on first run, so the dev actor floor leaves room for one:
# batch 229-240 came in at 0.53-0.90 and took the whole of dev from 0.919 to 0.910; likewise vague F1, which the
# 261-276 batch, at 0.76-0.88 on first run, took from 0.893 to 0.888). Test traps: 13 of 470 (2.8%) before
# test 173-180, whose first run hit 3 of 55; 16 of 525 (3.0%) since, under the 5% bound.
FLOORS = {
    "test": {"gold": 600, "f1": 0.92, "actor_accuracy": 0.84, "polarity_accuracy": 0.97, "time_bound_accuracy": 0.94,
             "deadline_value_accuracy": 0.88, "vague_f1": 0.80, "trap_rate": 0.04},
    "dev": {"gold": 3000, "f1": 0.92, "actor_accuracy": 0.90, "polarity_accuracy": 0.98, "time_bound_accuracy": 0.95,
            "deadline_value_accuracy": 0.90, "vague_f1": 0.87, "trap_rate": 0.03},
}


@pytest.mark.slow
@pytest.mark.parametrize("split", ["test", "dev"])
def test_corpus_split_floor(nlp, split):
    floors = FLOORS[split]
    report = evaluate_corpus(CORPUS / "docs" / split, CORPUS / "gold" / split, nlp=nlp, traps=CORPUS / "traps" / split)
    s = report.summary()
    print(json.dumps(s))
    assert s["gold"] >= floors["gold"]
    assert s["detection"]["f1"] >= floors["f1"]
    for key in ("actor_accuracy", "polarity_accuracy", "time_bound_accuracy", "deadline_value_accuracy", "vague_f1"):
        assert s[key] >= floors[key], key
    assert s["trap_rate"] <= floors["trap_rate"]
