"""Schemas and loaders for the rule data in ``patterns/``.

Every rule file is validated by a pydantic model with ``extra="forbid"``: a typo in a rule file is an error
naming the file and line, never a rule that silently does not fire. Loaders are called from components'
``initialize()``, never from factories or ``__init__``.

The default location is the ``patterns`` folder shipped inside the installed package; in a source checkout
(editable install) it is the top-level ``patterns/`` folder beside ``pyproject.toml``. ``PLEDGEWATCH_PATTERNS``
overrides both.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError


def describe(err: ValidationError) -> str:
    """A validation error on one line: where in the data it is, and what is wrong ("pattern.0: ...")."""
    first = err.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "value"
    return f"{where}: {first['msg']}"


class PatternError(ValueError):
    """A rule file is missing or malformed; the message names the file and line."""


def default_dir() -> Path:
    """Where the rule data lives: $PLEDGEWATCH_PATTERNS, the installed copy, or the source checkout's."""
    env = os.environ.get("PLEDGEWATCH_PATTERNS")
    if env:
        return Path(env)
    packaged = Path(__file__).parent / "patterns"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "patterns").is_dir():
        return checkout / "patterns"
    raise PatternError(f"no patterns folder found (looked in {packaged} and {checkout / 'patterns'})")


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CueRule(_Rule):
    """A commitment cue: a token pattern (spaCy Matcher syntax) whose anchor token starts a commitment.

    ``kind`` says how the detector walks from the cue: ``modal`` (will, shall: the cue's head verb is the
    action), ``commissive`` (agree, pledge: the action is the verb's infinitive complement or, failing that,
    the verb itself with its object), ``intention`` (intend, plan, stand ready: like commissive, soft),
    ``nominal`` (a pledge to, its commitment to), ``negative_nominal`` (has no intention of),
    ``progressive`` (is launching). ``anchor`` is the index of the cue token within the pattern.
    """

    id: str
    kind: Literal["modal", "commissive", "intention", "nominal", "negative_nominal", "progressive"]
    pattern: list[dict[str, Any]]
    anchor: int = 0
    strength: Literal["firm", "soft"] = "firm"
    literal: str = ""


class ScopedCue(_Rule):
    """A cue that modifies the commitment it touches (medspaCy ConText style).

    ``category`` is the flag it raises (VAGUE_ACTION, HEDGED, UNQUANTIFIED, OPEN_ENDED), VERIFICATION for a
    mechanism that makes a commitment checkable, or PSEUDO for a phrase that looks like a cue but is not
    ("more than $200 billion"). ``direction`` says which side of the cue it reaches (``forward``,
    ``backward``, ``both``; ``terminate`` ends other cues' reach; ``pseudo`` suppresses overlapping cues) and
    ``max_scope`` how many tokens far; a ``max_scope`` of 0 means the cue must be the committed verb itself.
    """

    id: str
    literal: str
    category: Literal["VAGUE_ACTION", "HEDGED", "UNQUANTIFIED", "OPEN_ENDED", "VERIFICATION", "PSEUDO", "TERMINATE"]
    pattern: list[dict[str, Any]]
    direction: Literal["forward", "backward", "both", "terminate", "pseudo"] = "both"
    max_scope: int = Field(default=12, ge=0)


class ActorRule(_Rule):
    """A canonical actor and the ways texts name it ("Beijing", "the Chinese side", "Xi Jinping")."""

    canonical: str
    kind: Literal["state", "region", "organisation", "group", "company", "bank", "city", "party", "person"] = "state"
    aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    country: str | None = None
    """For a region (province, state, county): the state it belongs to."""
    capitals: list[str] = Field(default_factory=list)
    """For a region: its capital or seat, which a dateline names ("WINNIPEG, March 18, 2027 -"); not an alias,
    since "the city" of Winnipeg is Winnipeg."""


class Lexicons(_Rule):
    """Named word lists the components consult (see patterns/README.md for each list's role)."""

    lists: dict[str, list[str]]


def _read_jsonl(path: Path, model: type[BaseModel]) -> list[BaseModel]:
    if not path.is_file():
        raise PatternError(f"{path}: rule file not found")
    rules = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                rules.append(model.model_validate_json(line))
            except ValidationError as err:
                raise PatternError(f"{path}:{lineno}: {describe(err)}") from None
    return rules


def load_cues(directory: Path | None = None) -> list[CueRule]:
    return _read_jsonl((directory or default_dir()) / "commitment_cues.jsonl", CueRule)


def load_actors(directory: Path | None = None) -> list[ActorRule]:
    """The alias table: states, organisations and groups (``actors.jsonl``), then provinces, states and counties
    (``regions.jsonl``, optional in a user's own patterns folder)."""
    folder = directory or default_dir()
    actors = _read_jsonl(folder / "actors.jsonl", ActorRule)
    if (folder / "regions.jsonl").is_file():
        actors += _read_jsonl(folder / "regions.jsonl", ActorRule)
    return actors


def load_vagueness_cues(directory: Path | None = None) -> list[ScopedCue]:
    return _read_jsonl((directory or default_dir()) / "vagueness_cues.jsonl", ScopedCue)


def load_lexicons(directory: Path | None = None) -> dict[str, list[str]]:
    path = (directory or default_dir()) / "lexicons.json"
    if not path.is_file():
        raise PatternError(f"{path}: rule file not found")
    try:
        return Lexicons.model_validate({"lists": json.loads(path.read_text(encoding="utf-8"))}).lists
    except (ValidationError, json.JSONDecodeError) as err:
        raise PatternError(f"{path}: {str(err).splitlines()[0]}") from None
