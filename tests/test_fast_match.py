"""The vectorised matcher finds exactly what spaCy's ``Matcher`` finds with the project's own rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from pledgewatch.fast_match import AnchoredMatcher

ROOT = Path(__file__).resolve().parents[1]
RULE_FILES = ["commitment_cues.jsonl", "vagueness_cues.jsonl"]


def _rules(name):
    lines = (ROOT / "patterns" / name).read_text(encoding="utf-8").splitlines()
    return [(rule["id"], rule["pattern"]) for rule in map(json.loads, filter(str.strip, lines))]


@pytest.fixture(scope="module")
def docs(nlp):
    paths = sorted((ROOT / "corpus" / "docs" / "dev").glob("*.txt"))[:12]
    return list(nlp.pipe(p.read_text(encoding="utf-8") for p in paths))


def _reference(vocab, rules, doc, ranges=None):
    matcher = Matcher(vocab)
    for key, pattern in rules:
        matcher.add(key, [pattern])
    spans = [(0, len(doc))] if ranges is None else ranges
    found = {(key, a + s, a + e) for a, b in spans for key, s, e in matcher(doc[a:b])}
    return sorted(found, key=lambda m: (m[1], m[2], m[0]))


@pytest.mark.parametrize("name", RULE_FILES)
def test_same_matches_as_spacy_matcher(nlp, docs, name):
    rules = _rules(name)
    fast = AnchoredMatcher(nlp.vocab, rules, max_repeat=50)
    assert fast.fixed, "the rule files should have patterns the vectorised path handles"
    for doc in docs:
        got = sorted(fast(doc), key=lambda m: (m[1], m[2], m[0]))
        assert got == _reference(nlp.vocab, rules, doc)
        # on several ranges (every other sentence) the tokens between them are left out of the vectorised pass
        ranges = [(sent.start, sent.end) for number, sent in enumerate(doc.sents) if number % 2 == 0]
        got = sorted(fast(doc, ranges), key=lambda m: (m[1], m[2], m[0]))
        assert got == _reference(nlp.vocab, rules, doc, ranges)


def test_ranges_keep_matches_inside_them(nlp):
    doc = nlp("The ministry will promote trade. The bank will support growth and promote jobs.")
    rules = [("vague", [{"LEMMA": {"IN": ["promote", "support"]}, "POS": "VERB"}]),
             ("will-verb", [{"LOWER": "will"}, {"POS": "VERB"}])]
    fast = AnchoredMatcher(nlp.vocab, rules)
    second = (7, len(doc))
    got = fast(doc, [second])
    assert got == _reference(nlp.vocab, rules, doc, [second])
    assert {doc[s].text for _, s, _ in got} == {"will", "support", "promote"}
    assert all(s >= second[0] for _, s, _ in got)
    # a match must lie wholly inside a range: "will support" is cut by a range ending after "will"
    will = next(t.i for t in doc if t.text == "will" and t.i >= 7)
    assert not [m for m in fast(doc, [(0, will + 1)]) if m[1] == will]


def test_not_in_and_wildcard_tokens(nlp):
    doc = nlp("They will not cut rates, and they will raise taxes.")
    rules = [("will-not-neg", [{"LOWER": "will"}, {"LOWER": {"NOT_IN": ["not", "never"]}}]),
             ("will-any-any", [{"LOWER": "will"}, {}, {"POS": "NOUN"}])]
    fast = AnchoredMatcher(nlp.vocab, rules)
    assert sorted(fast(doc)) == sorted(_reference(nlp.vocab, rules, doc))
    key = nlp.vocab.strings["will-not-neg"]
    assert [doc[s:e].text for k, s, e in fast(doc) if k == key] == ["will raise"]
