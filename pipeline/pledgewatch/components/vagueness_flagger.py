"""Flag what makes a commitment hard to check, each flag with its text, offsets and rule id.

Scoped cues from ``patterns/vagueness_cues.jsonl`` (medspaCy ConText style: literal, token pattern,
category, direction, maximum scope) modify only the commitment whose clause they sit in: "as appropriate"
at the end of a clause, "and other products" inside an object list, "certain" before "chemicals". Pseudo
cues ("more than $200 billion", "until further notice") silence the cues they overlap. The flagger also
fills ``quantities`` (money, percentages, counts, amounts with units) and ``verification`` (a report,
review, audit, inspection, monitoring, schedule) and adds the flags that follow from the other components:
``NO_DEADLINE`` (not time-bound), ``HEDGED`` for soft cues ("intends to"), ``CONDITIONAL``, and
``NO_VERIFICATION`` when nothing — mechanism, amount, date or named measure — lets anyone check the action.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .. import patterns as rule_files
from ..commitment import Commitment, Flag, Mention

_QUANTITY_ENTS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}


@Language.factory(
    "pledgewatch_vagueness_flagger",
    requires=["doc._.commitments"],
    assigns=["doc._.commitments"],
)
def make_vagueness_flagger(nlp: Language, name: str) -> "VaguenessFlagger":
    return VaguenessFlagger(nlp.vocab, name=name)


class VaguenessFlagger(Pipe):
    """Attach flags, quantities and verification mechanisms to every commitment."""

    def __init__(self, vocab, name: str = "pledgewatch_vagueness_flagger"):
        self.vocab = vocab
        self.name = name
        self.cues: list[dict] = []
        self.matcher = Matcher(vocab)

    def initialize(self, get_examples=None, *, nlp=None, patterns_dir=None, cues=None) -> None:
        """Load the scoped cues (from ``patterns_dir`` or the default patterns folder)."""
        if cues is None:
            directory = Path(patterns_dir) if patterns_dir else None
            cues = [c.model_dump() for c in rule_files.load_vagueness_cues(directory)]
        self._set_rules(cues)

    def _set_rules(self, cues: list[dict]) -> None:
        self.cues = [rule_files.ScopedCue.model_validate(c).model_dump() for c in cues]
        self.matcher = Matcher(self.vocab)
        self._by_key = {}
        for cue in self.cues:
            self.matcher.add(cue["id"], [cue["pattern"]])
            self._by_key[self.vocab.strings[cue["id"]]] = cue

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "vagueness_cues.jsonl", self.cues)

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "VaguenessFlagger":
        self._set_rules(list(srsly.read_jsonl(Path(path) / "vagueness_cues.jsonl")))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.cues).encode()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "VaguenessFlagger":
        self._set_rules(json.loads(data))
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not self.cues:
            raise ValueError(f"{self.name}: no cues loaded; call nlp.initialize() first")
        commitments = doc._.commitments or []
        if not commitments:
            return doc
        matches = [(self._by_key[key], start, end) for key, start, end in self.matcher(doc)]
        pseudo = set()
        for cue, start, end in matches:
            if cue["direction"] == "pseudo":
                pseudo.update(range(start, end))
        live = [(c, s, e) for c, s, e in matches if c["direction"] != "pseudo" and not pseudo.intersection(range(s, e))]
        time_chars = [(t.start, t.end) for t in doc._.time_expressions or []]
        for c in commitments:
            self._flag(doc, c, live, time_chars)
        return doc

    def _flag(self, doc: Doc, c: Commitment, live, time_chars) -> None:
        lo, hi = c.scope_start, c.scope_end
        chain = set(c.chain) | {c.verb_i}
        flags: list[Flag] = []
        seen = set()
        for cue, start, end in live:
            if start < lo or end > hi:
                continue
            if cue["max_scope"] == 0 and not chain.intersection(range(start, end)):
                continue
            if cue["direction"] == "forward" and cue["max_scope"] and not any(
                start <= i <= end + cue["max_scope"] for i in range(lo, hi) if i >= end
            ):
                continue
            span = doc[start:end]
            if cue["category"] == "VERIFICATION":
                if c.verification is None:
                    c.verification = Mention(text=span.text, start=span.start_char, end=span.end_char)
                continue
            if (cue["category"], start) in seen:
                continue
            seen.add((cue["category"], start))
            flags.append(Flag(code=cue["category"], text=span.text, start=span.start_char, end=span.end_char, rule=cue["id"]))
        c.quantities = [
            Mention(text=e.text, start=e.start_char, end=e.end_char)
            for e in doc.ents
            if e.label_ in _QUANTITY_ENTS and e.start >= lo and e.end <= hi
            and not any(ts <= e.start_char < te for ts, te in time_chars)
            and not (e.label_ == "CARDINAL" and len(e) == 1 and doc[e.start].i == doc[e.start].sent.start)
        ]
        if c.quantities:
            flags = [f for f in flags if f.code != "UNQUANTIFIED"]
        if c.strength == "soft" and not any(f.code == "HEDGED" for f in flags):
            at = _cue_start(doc, c)
            flags.append(Flag(code="HEDGED", text=doc.text[at : at + len(c.cue)], start=at, end=at + len(c.cue), rule=c.cue_rule))
        if c.condition is not None:
            flags.append(Flag(code="CONDITIONAL", text=c.condition.text, start=c.condition.start, end=c.condition.end, rule="condition"))
        verb = doc[c.verb_i]
        if not c.time_bound:
            flags.append(Flag(code="NO_DEADLINE", text=verb.text, start=verb.idx, end=verb.idx + len(verb), rule="no-deadline"))
        if c.verification is None and not c.quantities and not c.time_bound and not _named_object(doc, c):
            flags.append(Flag(code="NO_VERIFICATION", text=verb.text, start=verb.idx, end=verb.idx + len(verb), rule="no-verification"))
        c.flags = sorted(flags, key=lambda f: (f.start, f.code))


def _cue_start(doc: Doc, c: Commitment) -> int:
    """Character offset of the commitment's cue word inside its span (the span start when not found)."""
    found = doc.text.find(c.cue, c.start, c.end)
    if found < 0:
        found = doc.text.rfind(c.cue, 0, c.end)
    return found if found >= 0 else c.start


def _named_object(doc: Doc, c: Commitment) -> bool:
    """A discrete named act: the action's object names something (an order, a rule, a programme, a product)."""
    verb = doc[c.verb_i]
    for token in verb.subtree:
        if token.i <= verb.i or token.i >= c.scope_end:
            continue
        if token.pos_ == "PROPN" or token.like_num or token.ent_type_ in ("LAW", "ORG", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART"):
            return True
    return False
