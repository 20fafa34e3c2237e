"""Attach to each commitment the time expression that governs its action, and decide ``time_bound``.

A time expression is a deadline only when the parse connects it to the committed verb chain without passing
through a noun: "will suspend the tariffs announced on October 9 until November 10" attaches "until
November 10" (a prepositional modifier of *suspend*) and leaves "October 9" (inside the object, under
*announced*) alone. The relation is the preposition or phrase before the expression (by, before, until, no
later than, within, for, from, starting, effective, in, on, during, through). Items under a chapeau inherit
the chapeau's deadline when they have none of their own. When a by-date and a duration both govern the
action, the by-date wins and the duration stays in the action text.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from ..commitment import Deadline, TimeExpression

DEFAULT_RELATIONS = [
    "no later than", "not later than", "by the end of", "before the end of", "by end of", "by the close of",
    "within", "before", "until", "till", "through", "by", "for", "from", "starting", "starting from",
    "beginning", "effective", "as of", "during", "over", "in", "on", "after", "at", "between", "up to",
]
_DEADLINE_RELATIONS = {"by", "before", "until", "till", "through", "within", "no later than", "not later than",
                       "by the end of", "before the end of", "by end of", "by the close of", "on", "in", "at",
                       "starting", "starting from", "beginning", "effective", "as of", "from", "after", "up to"}
_NOUN_POS = {"NOUN", "PROPN", "PRON"}
_STRONG = {"by", "before", "until", "till", "within", "no later than", "not later than", "by the end of",
           "before the end of", "by end of", "by the close of", "starting", "starting from", "beginning",
           "effective", "for", "from", "through", "as of"}
_NOT_BOUND = {None, "PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@Language.factory(
    "pledgewatch_deadline_linker",
    default_config={"relations": DEFAULT_RELATIONS},
    requires=["doc._.commitments", "doc._.time_expressions"],
    assigns=["doc._.commitments"],
)
def make_deadline_linker(nlp: Language, name: str, relations: list[str]) -> "DeadlineLinker":
    return DeadlineLinker(name=name, relations=relations)


class DeadlineLinker(Pipe):
    """Pick, for every commitment, the time expression that binds the committed action."""

    def __init__(self, name: str = "pledgewatch_deadline_linker", *, relations: list[str] = DEFAULT_RELATIONS):
        self.name = name
        self.relations = sorted(relations, key=len, reverse=True)
        self._before = re.compile(r"(?:^|\W)(" + "|".join(re.escape(r) for r in self.relations) + r")\W*$", re.I)

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg", {"relations": self.relations})

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "DeadlineLinker":
        self.__init__(self.name, relations=srsly.read_json(Path(path) / "cfg")["relations"])
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({"relations": self.relations}).encode()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "DeadlineLinker":
        self.__init__(self.name, relations=json.loads(data)["relations"])
        return self

    def __call__(self, doc: Doc) -> Doc:
        times = doc._.time_expressions or []
        for c in doc._.commitments or []:
            chain = {i for i in c.chain} | {c.verb_i}
            found = self._governing(doc, times, chain, c.scope_start, c.scope_end)
            if not found and c.chapeau_start is not None:
                chapeau_chain = {t.i for t in doc[c.chapeau_start : c.chapeau_end] if t.pos_ in ("VERB", "AUX")}
                found = self._governing(doc, times, chapeau_chain, c.chapeau_start, c.chapeau_end)
            if found:
                found.sort(key=_priority)
                relation, expr = found[0]
                c.deadline = Deadline(
                    start=expr.start, end=expr.end, text=expr.text, relation=relation, value=expr.value,
                    resolved=_resolve(expr, relation, doc._.doc_date),
                )
                c.time_bound = expr.value not in _NOT_BOUND and expr.type != "SET"
        return doc

    def _governing(self, doc: Doc, times: list[TimeExpression], chain: set[int], lo, hi) -> list[tuple[str, TimeExpression]]:
        if lo is None or hi is None or not chain:
            return []
        sent = doc[min(chain)].sent
        out = []
        for expr in times:
            if expr.start < sent.start_char or expr.end > sent.end_char:
                continue
            span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is None:
                continue
            relation = self._relation(doc.text[max(0, expr.start - 30) : expr.start], expr)
            if not _attached(span.root, chain, set(range(span.start, span.end)), strong=relation in _STRONG):
                continue
            out.append((relation, expr))
        return out

    def _relation(self, before: str, expr: TimeExpression) -> str:
        lead = self._before.search(before)
        if lead:
            return lead.group(1).lower()
        text = expr.text.lower()
        for rel in self.relations:
            if text.startswith(rel + " "):
                return rel
        return "for" if expr.type == "DURATION" else "on"


def _attached(root: Token, chain: set[int], inside: set[int], *, strong: bool = False) -> bool:
    """The expression's head path reaches the verb chain through prepositions and adverbials, not nouns.

    After a deadline word ("by", "within", "until", "for", ...) the path may cross the object's nouns, since
    the parser often hangs "by June 2026" on the nearest noun; it never crosses another verb ("the tariffs
    announced on October 9")."""
    token = root
    for _ in range(8):
        head = token.head
        if head.i in chain:
            return True
        if head == token:
            return False
        if head.i not in inside and head.pos_ in _NOUN_POS and head.dep_ not in ("npadvmod",) and not strong:
            return False
        if head.pos_ in ("VERB", "AUX") and head.i not in chain:
            return False
        token = head
    return False


def _priority(item: tuple[str, TimeExpression]) -> tuple:
    relation, expr = item
    if expr.value in _NOT_BOUND:
        return (3, expr.start)
    if expr.type == "DURATION" and relation not in ("within", "in"):
        return (2, expr.start)
    return (0 if relation in _DEADLINE_RELATIONS else 1, expr.start)


def _resolve(expr: TimeExpression, relation: str, doc_date: str | None) -> str | None:
    """The calendar date a deadline lands on: the tagger's resolution, or doc date + duration for "within"."""
    if expr.resolved:
        return expr.resolved
    if expr.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", expr.value):
        return expr.value
    if doc_date and expr.type == "DURATION" and relation in ("within", "in") and expr.value:
        m = re.fullmatch(r"P(\d+)([DWMY])", expr.value)
        if m:
            n, unit = int(m.group(1)), m.group(2)
            start = date.fromisoformat(doc_date)
            if unit == "D":
                return (start + timedelta(days=n)).isoformat()
            if unit == "W":
                return (start + timedelta(weeks=n)).isoformat()
            months = n if unit == "M" else 12 * n
            y, mth = divmod(start.month - 1 + months, 12)
            try:
                return start.replace(year=start.year + y, month=mth + 1).isoformat()
            except ValueError:
                return start.replace(year=start.year + y, month=mth + 1, day=28).isoformat()
    return None

