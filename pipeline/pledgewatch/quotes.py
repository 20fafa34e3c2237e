"""Quotations and who a paragraph says spoke them: '"We will ...," the minister said'."""

from __future__ import annotations

import re

_QUOTES = "\"“”"
_WHO = r"(?:the |The )?[A-Z](?:[^.,;:\"“”\n]|(?<=Mr)\.|(?<=Ms)\.|(?<=Dr)\.|(?<=Mrs)\.){0,70}?"
"""Who speaks: up to a stop or a comma, honorifics' full stops allowed ("Mr. Okonjo")."""
_APPOSITIVE = r"(?:,\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2},)?"
"""A name set off by commas after the office ("Astrel's chief executive, Mr. Okonjo, told ..."): the office
stays the speaker, so that its owner ("Astrel's") can speak."""
_SAID_AFTER = re.compile(
    rf"\s*,?\s*(?:(?P<who>{_WHO}){_APPOSITIVE}\s+(?P<verb>said|says|told|added|insisted|stressed|promised|pledged|vowed)\b"
    rf"|(?P<verb2>said|says|added)\s+(?P<who2>(?:the )?[A-Z][^.,;:\"“”\n]{{0,70}}))")
_SAID_BEFORE = re.compile(rf"(?P<who>{_WHO}){_APPOSITIVE}\s+(?P<verb>said|says|told [^:\"“”\n]{{0,40}}|added)\s*[:,]\s*$")


def quote_attribution(text: str, at: int) -> tuple[str, str] | None:
    """(speaker, verb) when ``at`` lies inside a quotation its paragraph attributes ('"We will ...," the
    minister said', 'The minister said: "We will ..."'), else None."""
    lo = text.rfind("\n\n", 0, at)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", at)
    hi = len(text) if hi < 0 else hi
    before = text[lo:at]
    marks = [i for i, ch in enumerate(before) if ch in _QUOTES]
    if not marks or before[marks[-1]] == "”" or len(marks) % 2 == 0 and before[marks[-1]] != "“":
        return None  # not inside an open quotation
    opening = lo + marks[-1]
    closing = next((i for i in range(at, hi) if text[i] in _QUOTES), None)
    if closing is None:
        return None
    after = _SAID_AFTER.match(text, closing + 1, min(hi, closing + 120))
    if after:
        who = after.group("who") or after.group("who2")
        return who.strip(), (after.group("verb") or after.group("verb2"))
    ahead = _SAID_BEFORE.search(text, max(lo, opening - 120), opening)
    if ahead:
        return ahead.group("who").strip(), ahead.group("verb").split()[0]
    return None
