"""The working annotations that pledgewatch's components share on a ``Doc``.

Components hand each other plain dataclasses holding character offsets and token indices, never ``Span``
objects, so a processed ``Doc`` pickles and crosses process boundaries unchanged. ``records.from_doc`` turns
them into the validated JSONL contract (:mod:`pledgewatch.records`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TimeExpression:
    """A time expression found by the time tagger, normalised TIMEX3-style.

    ``type`` is one of DATE, TIME, DURATION, SET; ``value`` the ISO 8601 / TIMEX3 value (``2026-11-10``,
    ``2026-11``, ``2026-Q3``, ``P90D``, ``FUTURE_REF``) or ``None`` for a vague time ("as soon as possible");
    ``resolved`` the calendar date it lands on when that is known (ISO date) or ``None``.
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    resolved: str | None = None
    rule: str | None = None


@dataclass
class Deadline:
    """A time expression attached to a commitment, with how it binds the action."""

    start: int
    end: int
    text: str
    relation: str
    value: str | None
    resolved: str | None = None


@dataclass
class Flag:
    """One piece of evidence about how checkable a commitment is (``code`` e.g. ``HEDGED``)."""

    code: str
    text: str
    start: int
    end: int
    rule: str


@dataclass
class Mention:
    """A stretch of text with character offsets (a quantity, a condition, a verification mechanism)."""

    text: str
    start: int
    end: int


@dataclass
class Commitment:
    """One actor's commitment to one action, as the components build it up.

    Offsets are characters into ``doc.text``; ``*_i`` are token indices. The detector fills the span, cue,
    action, polarity, strength, reported speech and condition; the actor resolver the canonical actor and
    co-actors; the deadline linker the deadline; the vagueness flagger quantities, verification and flags;
    the specificity scorer the score and label.
    """

    start: int
    end: int
    verb_i: int
    cue: str
    cue_rule: str
    action_verb: str
    action_text: str
    actor_text: str | None = None
    actor_start: int | None = None
    actor_end: int | None = None
    actor_canonical: str | None = None
    co_actors: list[str] = field(default_factory=list)
    polarity: str = "positive"
    strength: str = "firm"
    reported_speaker: str | None = None
    reported_cue: str | None = None
    condition: Mention | None = None
    deadline: Deadline | None = None
    time_bound: bool = False
    quantities: list[Mention] = field(default_factory=list)
    verification: Mention | None = None
    flags: list[Flag] = field(default_factory=list)
    score: float = 0.0
    label: str = "vague"
    scope_start: int | None = None
    scope_end: int | None = None
    """Token range (start inclusive, end exclusive) of the clause that carries the commitment."""
    chain: list[int] = field(default_factory=list)
    """Token indices of the verbs from the cue down to the action ("will continue to support")."""
    chapeau_start: int | None = None
    chapeau_end: int | None = None
    """Token range of the list chapeau ("China will:") that governs this item, if any."""
    actor_kind: str | None = None
    """How the actor was written: ``name``, ``first_person``, ``joint``, ``pronoun``, ``noun``."""
