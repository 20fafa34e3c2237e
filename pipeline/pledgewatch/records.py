"""The JSONL contract: one validated :class:`CommitmentRecord` per commitment.

Every model forbids unknown keys, so a record read back with ``CommitmentRecord.model_validate_json`` is
exactly what was written. Offsets are character offsets into the document text as read:
``text[span.start:span.end] == span.text`` holds for the span, the actor, the deadline, every quantity
and every flag.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from spacy.tokens import Doc

from .commitment import Commitment
from . import doc_cache
from .doc_cache import sentence as sentence_of

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextSpan(_Model):
    """A stretch of the document: ``text == document[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(f"end {self.end} before start {self.start}")
        return self


class Actor(TextSpan):
    """Who commits: as written (``text``) and by canonical name ("Beijing" -> "China")."""

    canonical: str


class Action(_Model):
    """What is committed: the head verb's lemma and the verb phrase as written."""

    verb: str
    text: str


class Reported(_Model):
    """Set when the text reports someone else's promise: who said it, and the reporting cue."""

    speaker: str | None
    cue: str


class Condition(_Model):
    text: str
    start: int | None = None
    end: int | None = None


class Deadline(TextSpan):
    """The time expression that binds the action.

    ``relation`` says how (by, on, before, until, within, for, from, during, in, starting, effective, ...);
    ``value`` is ISO 8601 / TIMEX3 (``2026-11-10``, ``2026-11``, ``2026``, ``2026-Q3``, ``P90D``, ``P1Y``)
    or null for a vague time ("as soon as possible"); ``resolved`` the calendar date it lands on, if known.
    """

    relation: str
    value: str | None
    resolved: str | None = None


class Verification(_Model):
    text: str
    start: int | None = None
    end: int | None = None


class Flag(TextSpan):
    """Why a commitment is less checkable: a code, the text that triggered it, and the rule id."""

    code: Literal[
        "NO_DEADLINE", "VAGUE_ACTION", "HEDGED", "UNQUANTIFIED", "OPEN_ENDED", "NO_VERIFICATION", "CONDITIONAL"
    ]
    rule: str


class Specificity(_Model):
    """``score`` in 0..1 and a ``label``: *specific* (checkable, concrete, time-bound), *partial* (checkable,
    missing a deadline or an amount), *vague* (a careful analyst could not later check it)."""

    score: float = Field(ge=0.0, le=1.0)
    label: Literal["specific", "partial", "vague"]


class CommitmentRecord(_Model):
    """One actor's commitment to one action, as written to JSONL."""

    schema_version: str = SCHEMA_VERSION
    id: str
    doc_id: str | None
    doc_date: str | None
    sentence: str
    span: TextSpan
    actor: Actor | None
    co_actors: list[str] = []
    action: Action
    polarity: Literal["positive", "negative"]
    strength: Literal["firm", "soft"]
    reported: Reported | None = None
    condition: Condition | None = None
    deadline: Deadline | None = None
    time_bound: bool
    quantities: list[TextSpan] = []
    verification: Verification | None = None
    flags: list[Flag] = []
    specificity: Specificity

    @property
    def vague(self) -> bool:
        return self.specificity.label == "vague"


class _Source:
    """The text as read, and the map from the parsed view's offsets into it (see :mod:`pledgewatch.doc_cache`)."""

    def __init__(self, text: str, origin: list[int] | None):
        self.text = text
        self.origin = origin

    def offsets(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        first = self.origin[start]
        return first, (self.origin[end - 1] + 1 if end > start else first)

    def span(self, start: int, end: int) -> dict:
        start, end = self.offsets(start, end)
        return {"start": start, "end": end, "text": self.text[start:end]}

    def mention(self, mention: dict) -> dict:
        """A condition or verification, quoted from the text as read where it has offsets."""
        if mention.get("start") is None or mention.get("end") is None:
            return mention
        return {**mention, **self.span(mention["start"], mention["end"])}


def _record(doc: Doc, source: _Source, ordinal: int, c: Commitment) -> CommitmentRecord:
    first = doc.char_span(c.start, c.end, alignment_mode="expand")
    if first is not None and len(first):
        sent = sentence_of(first[0])
        sentence = source.span(sent.start_char, sent.end_char)["text"]  # Span.text rebuilds it token by token
    else:
        sentence = source.span(c.start, c.end)["text"]
    doc_id = doc._.doc_id
    actor = None
    if c.actor_text is not None and c.actor_start is not None:
        actor = {**source.span(c.actor_start, c.actor_end), "canonical": c.actor_canonical or c.actor_text}
    elif c.actor_canonical is not None:  # implied by an agentless passive: nothing written, empty span
        actor = {**source.span(c.start, c.start), "canonical": c.actor_canonical}
    deadline = None
    if c.deadline is not None:
        d = c.deadline
        deadline = {**source.span(d.start, d.end), "relation": d.relation, "value": d.value, "resolved": d.resolved}
    return CommitmentRecord(
        id=f"{doc_id or 'doc'}:{ordinal}",
        doc_id=doc_id,
        doc_date=doc._.doc_date,
        sentence=sentence,
        span=source.span(c.start, c.end),
        actor=actor,
        co_actors=list(c.co_actors),
        action={"verb": c.action_verb, "text": c.action_text},
        polarity=c.polarity,
        strength=c.strength,
        reported={"speaker": c.reported_speaker, "cue": c.reported_cue} if c.reported_cue else None,
        condition=source.mention(vars(c.condition)) if c.condition else None,
        deadline=deadline,
        time_bound=c.time_bound,
        quantities=[source.span(q.start, q.end) for q in c.quantities],
        verification=source.mention(vars(c.verification)) if c.verification else None,
        flags=[{**source.span(f.start, f.end), "code": f.code, "rule": f.rule} for f in c.flags],
        specificity={"score": round(c.score, 3), "label": c.label},
    )


def from_doc(doc: Doc) -> list[CommitmentRecord]:
    """Build the validated records of a processed ``Doc``, numbered in text order from 1."""
    source = _Source(*doc_cache.source(doc))
    return [_record(doc, source, i, c) for i, c in enumerate(doc._.commitments or [], start=1)]


def json_schema() -> dict:
    """The JSON Schema of a record (what ``pledgewatch schema`` prints)."""
    return CommitmentRecord.model_json_schema()
