"""Find time expressions in plain text and normalise them TIMEX3-style, with no spaCy needed.

:func:`tag` returns :class:`~pledgewatch.commitment.TimeExpression` objects (character offsets into the text)
with a ``type`` (DATE, TIME, DURATION, SET), a TIMEX3 ``value`` and, where it is known, the calendar date the
expression lands on (``resolved``). :func:`detect_doc_date` reads a document's date from its header.

How it works
------------
The grammar is data: ``patterns/time_expressions.json`` holds the lexicon (month, weekday, number, unit words),
regex fragments, one regex per rule (``{MONTH}``-style placeholders; a space means "some whitespace", ``~``
"whitespace or a hyphen"), the modifiers that may extend a match to the left ("early", "about", "the") and the
reference and vague phrases. Every rule regex runs over the text (compiled once per rule set); matches are taken
leftmost-longest, each is checked and normalised by the Python function its ``normalizer`` names, then extended
by modifiers and suffixes ("or so"). Spans follow TIMEX3: determiners and modifiers are inside ("the third
quarter", "nearly two years"), governing prepositions are not ("by" / "within" are the deadline linker's job);
vague phrases keep their idiom ("in due course").

Normalisation
-------------
Values: ``2026-11-10``, ``2026-11``, ``2026``, ``2026-Q3``, ``2027-H1``, ``2026-SU``, ``2026-W45``, ``202``
(a decade), ``20`` (a century), ``2026-11-10T17:00``, ``P90D``, ``P1Y``, ``PXY`` (unknown amount),
``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``; sets use the TIMEX3 period (``P1Y`` for "annually" and "twice a
year", ``XXXX-WXX-4`` for "every Thursday").

* Relative expressions ("next year", "Friday", "three months ago", "the quarter") are resolved against the
  document date; with no document date their ``value`` is ``None`` (a bare "Sept. 30" becomes ``XXXX-09-30``)
  and nothing is guessed.
* A month or day without a year takes the document's year, moved a year forward or back when the sentence's
  tense says so ("will meet on Jan. 3" in a November document is next January).
* A weekday is the nearest one on or before the document date, or on or after it in a future-tense sentence.
* Numeric dates are month-first (US: 11/10/2026 is November 10) unless ``day_first=True``; a first number above
  12 forces day-first, and ``10.11.2026`` (dotted) is always day-first.
* Vague times ("as soon as possible", "in due course", "soon", "immediately", "expeditiously", "in the near
  future") are kept with ``value=None``; their rule id starts with ``vague.`` and :func:`timex3_value` gives the
  TIMEX3 value (``FUTURE_REF``) a TimeBank-style scorer expects.
* ``resolved``: for a dated expression, the last day of the period it names (the first day for "the beginning
  of" / "early", the middle for "mid"); for a duration, doc date + duration when its start is the document
  date ("within 90 days", "in two years' time", "the next five years"); otherwise ``None``.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Callable, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .commitment import TimeExpression
from .patterns import describe

RULES_FILE = "time_expressions.json"


# --------------------------------------------------------------------------------------------------------------
# The rule file's schema

class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Lexicon(_Model):
    """Word lists the fragments and normalisers share."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    ambiguous_months: list[str]
    weekdays: dict[str, int]
    number_words: dict[str, float]
    vague_quantities: list[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    decade_words: dict[str, int]


class Modifier(_Model):
    """A word that joins a match on its left ("early 2026", "nearly two years", "the third quarter")."""

    literal: str
    mod: str | None = None
    applies_to: Literal["the", "date", "deictic", "any", "duration", "duration_bare"]
    glued: bool = False


class Suffix(_Model):
    """A phrase that joins a match on its right ("the next year or so", "1990 and beyond")."""

    literal: str
    mod: str | None = None


Normalizer = Literal[
    "ymd", "numeric", "clock", "weekday", "deictic", "quarter", "quarter_ref", "half", "fiscal",
    "relative_unit", "season", "edge", "year_edge", "decade", "century", "year", "offset", "duration", "set",
    "fixed", "the_unit",
]


class Rule(_Model):
    """One regex rule: what it matches, the TIMEX3 type it yields and the function that normalises it."""

    id: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    normalizer: Normalizer
    pattern: str
    value: str | None = None
    the: bool = False
    """Whether a preceding "the" belongs to the expression."""
    anchor: list[str] = Field(default_factory=list)
    """Words one of which every match contains (``@MONTH``, ``@UNIT``... name a lexicon class, ``@DIGIT`` a
    digit): the rule only runs on sentences holding one, which keeps tagging fast. Empty: run everywhere."""


class Phrase(_Model):
    """A fixed phrase: a reference ("now" -> PRESENT_REF) or a vague time ("as soon as possible")."""

    literal: str
    value: str | None = None
    timex3: str | None = None
    only_before: list[str] = Field(default_factory=list)
    not_before: list[str] = Field(default_factory=list)
    not_after: list[str] = Field(default_factory=list)
    """Word lists checked against the next / previous word ("as soon as the..." is no time)."""


class Cues(_Model):
    """Words that mark a sentence as about the future or the past (to place a bare "Friday" or "Jan. 3")."""

    future: list[str]
    past: list[str]


class TimeRules(_Model):
    """Everything in ``patterns/time_expressions.json``."""

    lexicon: Lexicon
    fragments: dict[str, str]
    modifiers: list[Modifier]
    suffixes: list[Suffix]
    rules: list[Rule]
    references: list[Phrase]
    vague: list[Phrase]
    cues: Cues
    relations: dict[str, list[str]]
    """Words by which a time expression governs an action (by, until, within, for, from...): the linker's."""
    fiscal_year_ends: dict[str, Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]] = Field(
        default_factory=dict)
    """A state's last day (MM-DD) of its government's financial year: "by 2027-28" in a commitment of Australia is
    2028-06-30, the linker's. States whose financial year is the calendar year need no line."""
    fiscal_years_named_by_start: list[str] = Field(default_factory=list)
    """States that name a financial year by the calendar year it starts in (Japan's "FY2027" runs from April 2027
    to March 2028), the linker's; everywhere else "FY2027" is the year that ends in 2027."""


class TimeRulesError(ValueError):
    """The time rule file is missing or malformed; the message names the file and the bad key."""


def load_time_rules(source: str | Path | dict | None = None) -> TimeRules:
    """Read and validate the time rules from a patterns folder, a file, or an already-parsed dict.

    ``None`` means the default patterns folder (:func:`pledgewatch.patterns.default_dir`).
    """
    if isinstance(source, TimeRules):
        return source
    if isinstance(source, dict):
        where, data = "<dict>", source
    else:
        if source is None:
            from .patterns import default_dir

            source = default_dir()
        path = Path(source)
        if path.is_dir():
            path = path / RULES_FILE
        if not path.is_file():
            raise TimeRulesError(f"{path}: rule file not found")
        where = str(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise TimeRulesError(f"{where}:{err.lineno}: {err.msg}") from None
    try:
        rules = TimeRules.model_validate(data)
    except ValidationError as err:
        raise TimeRulesError(f"{where}: {describe(err)}") from None
    try:
        TimeGrammar(rules)
    except re.error as err:
        raise TimeRulesError(f"{where}: {err}") from None
    return rules


# --------------------------------------------------------------------------------------------------------------
# Calendar arithmetic

UNIT_CODES = {"S": "S", "MIN": "M", "H": "H", "D": "D", "W": "W", "FN": "W", "M": "M", "Q": "Q", "Y": "Y",
              "DE": "Y", "CE": "Y", "WE": "WE"}
UNIT_FACTOR = {"FN": 2, "DE": 10, "CE": 100}
SEASON_END = {"SP": (5, 31), "SU": (8, 31), "FA": (11, 30), "WI": (2, 28)}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_duration(d: date, value: str) -> date | None:
    """``d`` plus a TIMEX3 duration (``P90D``, ``P1Y6M``, ``P2W``); ``None`` for unknown amounts."""
    m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)Q)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", value or "")
    if not m or not any(m.groups()):
        return None
    years, quarters, months, weeks, days = (int(g or 0) for g in m.groups())
    try:
        d = add_months(d, 12 * years + 3 * quarters + months)
        return d + timedelta(weeks=weeks, days=days)
    except (ValueError, OverflowError):
        return None


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_bounds(value: str | None) -> tuple[date, date] | None:
    """First and last calendar day of a TIMEX3 date value, or ``None`` if it names no fixed period."""
    if not value or "X" in value:
        return None
    v = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = date(*map(int, m.groups()))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            y, mo = map(int, m.groups())
            return date(y, mo, 1), _last_day(y, mo)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = map(int, m.groups())
            return date(y, 3 * q - 2, 1), _last_day(y, 3 * q)
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = map(int, m.groups())
            return date(y, 6 * h - 5, 1), _last_day(y, 6 * h)
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v):
            y, w = int(m.group(1)), int(m.group(2))
            monday = date.fromisocalendar(y, w, 1)
            return (monday + timedelta(days=5) if m.group(3) else monday), monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, s = int(m.group(1)), m.group(2)
            if s == "WI":
                return date(y, 12, 1), _last_day(y + 1, 2)
            return date(y, SEASON_START[s], 1), date(y, *SEASON_END[s])
        if re.fullmatch(r"\d{4}", v):
            return date(int(v), 1, 1), date(int(v), 12, 31)
        if re.fullmatch(r"\d{3}", v):
            return date(int(v) * 10, 1, 1), date(int(v) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def _resolve_period(value: str | None, mod: str | None) -> str | None:
    bounds = period_bounds(value)
    if bounds is None:
        return None
    first, last = bounds
    if mod == "START":
        return first.isoformat()
    if mod == "MID":
        return (first + (last - first) / 2).isoformat()
    return last.isoformat()


def duration_value(amount: float | str, unit: str) -> str:
    """TIMEX3 duration for an amount of a lexicon unit code (``Y``, ``MIN``, ``DE``...)."""
    code = UNIT_CODES[unit]
    time_part = unit in ("S", "MIN", "H")
    if amount == "X":
        return f"P{'T' if time_part else ''}X{code}"
    amount = float(amount) * UNIT_FACTOR.get(unit, 1)
    if amount != int(amount):
        whole, frac = int(amount), amount - int(amount)
        if code == "Y":
            return f"P{whole}Y{round(frac * 12)}M" if whole else f"P{round(frac * 12)}M"
        if code == "D" and not time_part:
            return f"P{whole}DT{round(frac * 24)}H" if whole else f"PT{round(frac * 24)}H"
        if code == "H":
            return f"PT{whole}H{round(frac * 60)}M" if whole else f"PT{round(frac * 60)}M"
        if code == "M" and time_part:
            return f"PT{whole}M{round(frac * 60)}S" if whole else f"PT{round(frac * 60)}S"
        if code == "W":
            return f"P{round(amount * 7)}D"
        return f"P{amount:g}{code}"
    return f"P{'T' if time_part else ''}{int(amount)}{code}"


# --------------------------------------------------------------------------------------------------------------
# The compiled grammar

@dataclass
class _State:
    """What one tagging pass knows: the text, the document date and the discourse so far."""

    text: str
    doc_date: date | None
    day_first: bool
    last_quarter: tuple[int, int] | None = None
    last_year: int | None = None
    last_month: tuple[int, int] | None = None
    extras: dict = field(default_factory=dict)


_NORMALISED = tuple[str, str | None, str | None]  # type, value, mod


def _alternation(literals: Iterable[str]) -> str:
    """A group matching any of ``literals`` (words joined by any whitespace), the longest first, as a trie:
    "month|months|monday" becomes "mon(?:th(?:s)?|day)". Python's ``re`` tries a flat alternation's branches
    one by one at every position; the trie makes one pass. At a given position the literals that can match
    are prefixes of one another, so preferring the longer extension at every node prefers what a flat
    alternation sorted longest first prefers. For case-insensitive patterns (every one here): the literals are
    lowercased, so that "Jan" and "jan." share a branch."""
    trie: dict = {}
    for literal in literals:
        node = trie
        for char in " ".join(literal.lower().split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return f"(?:{emit(trie)})" if trie else "(?!)"


class TimeGrammar:
    """Compiled rules: call :meth:`tag` on a text. Build once per rule set (see :func:`grammar_for`)."""

    def __init__(self, rules: TimeRules):
        self.rules = rules
        lex = rules.lexicon
        self.months = {**lex.months, **lex.month_abbreviations}
        self.ambiguous_months = set(lex.ambiguous_months)
        self.weekdays = lex.weekdays
        self.numbers = lex.number_words
        self.vague_quantities = set(lex.vague_quantities)
        self.ordinals = lex.ordinals
        self.units = lex.units
        self.seasons = lex.seasons
        self.parts = lex.parts_of_day
        self.decade_words = lex.decade_words

        alt = _alternation

        abbr = alt(lex.month_abbreviations)
        fragments = {
            "MONTH_FULL": alt(lex.months),
            "MONTH": f"(?:{alt(lex.months)}|{abbr}\\.?)",
            "WEEKDAY": alt(lex.weekdays),
            "NUMWORD": alt(lex.number_words),
            "VAGUEQ": alt(lex.vague_quantities),
            "ORDWORD": alt(lex.ordinals),
            "UNIT": alt(lex.units),
            "SEASON": alt(lex.seasons),
            "PARTDAY": alt(lex.parts_of_day),
            "DECADEWORD": alt(lex.decade_words),
        }
        for name, frag in rules.fragments.items():
            fragments[name] = frag

        def expand(pattern: str, depth: int = 0) -> str:
            if depth > 6:
                raise re.error(f"fragment recursion in {pattern[:40]}")
            out = re.sub(r"\{([A-Z_]+)\}", lambda m: expand(fragments[m.group(1)], depth + 1)
                         if m.group(1) in fragments else m.group(0), pattern)
            return out

        def spaces(pattern: str) -> str:
            pattern = pattern.replace(" ?", r"\s*").replace(" *", r"\s*").replace(" ", r"\s+")
            return pattern.replace("~", r"(?:\s+|-)")

        classes = {
            "@MONTH": self.months, "@WEEKDAY": lex.weekdays, "@UNIT": lex.units, "@SEASON": lex.seasons,
            "@PARTDAY": lex.parts_of_day, "@DECADEWORD": lex.decade_words, "@NUMWORD": lex.number_words,
        }

        def anchor_words(anchor: list[str]) -> frozenset[str] | None:
            if not anchor:
                return None
            words: set[str] = set()
            for item in anchor:
                if item == "@DIGIT":
                    words.add(item)
                elif item.startswith("@"):
                    if item not in classes:
                        raise re.error(f"unknown anchor class {item}")
                    words.update(w.lower().split()[0] for w in classes[item])
                else:
                    words.add(item.lower())
            return frozenset(words)

        self.compiled: list[tuple[Rule, re.Pattern]] = []
        self.anchors: list[frozenset[str] | None] = []
        for rule in rules.rules:
            body = spaces(expand(rule.pattern))
            self.compiled.append((rule, re.compile(rf"(?<![\w'])(?:{body})(?![\w]|-[A-Za-z])", re.IGNORECASE)))
            self.anchors.append(anchor_words(rule.anchor))

        self.phrases: dict[str, tuple[Phrase, str]] = {}
        for kind, phrases in (("ref", rules.references), ("vague", rules.vague)):
            for p in phrases:
                self.phrases[" ".join(p.literal.lower().split())] = (p, kind)
        phrase_alt = alt(self.phrases)
        # each phrase is found through its longest word ("as soon as possible" through "possible")
        self.phrase_anchor = frozenset(max(_LETTERS.findall(k), key=len) for k in self.phrases)
        words = set().union(*(a for a in self.anchors if a is not None), self.phrase_anchor) - {"@DIGIT"}
        self.anchor_words = frozenset(words)
        # the anchor words as whole runs of letters, and runs of digits: only these are looked at in Python
        self.anchor_rx = re.compile(
            rf"(?<![A-Za-z]){alt(words)}(?![A-Za-z])|[0-9]+",
            re.IGNORECASE | re.ASCII)
        self.phrase_rx = re.compile(rf"(?<![\w'-]){phrase_alt}(?![\w-])", re.IGNORECASE)

        self.modifiers = rules.modifiers
        mod_alt = alt(m.literal for m in rules.modifiers if not m.glued)
        self.modifier_rx = re.compile(rf"(?:^|(?<=[^\w-]))({mod_alt})\s+$", re.IGNORECASE)
        glued = [m.literal for m in rules.modifiers if m.glued]
        self.glued_rx = re.compile(rf"(?:^|(?<=\W))({alt(glued)})$", re.IGNORECASE) if glued else None
        self.modifier_by_literal = {m.literal.lower(): m for m in rules.modifiers}
        self.suffix_rx = re.compile(rf"\s+({alt(s.literal for s in rules.suffixes)})(?![\w])", re.IGNORECASE)
        self.suffix_mod = {s.literal.lower(): s.mod for s in rules.suffixes}
        self.future_rx = re.compile(rf"(?<![\w']){alt(rules.cues.future)}(?![\w'])", re.IGNORECASE)
        self.past_rx = re.compile(rf"(?<![\w']){alt(rules.cues.past)}(?![\w'])", re.IGNORECASE)
        self.vague_timex3 = {p.literal.lower(): p.timex3 for p in rules.vague}

        self.normalisers: dict[str, Callable[[Rule, re.Match, _State], _NORMALISED | None]] = {
            name: getattr(self, f"_n_{name}") for name in Normalizer.__args__  # type: ignore[attr-defined]
        }

    # ---------------------------------------------------------------------------------------------- tagging
    def tag(self, text: str, doc_date: date | None = None, *, day_first: bool = False,
            tense: str | None = None) -> list[TimeExpression]:
        """Every time expression in ``text``, in text order, normalised against ``doc_date``; ``tense`` ("future"
        or "past") stands in for a tense cue the text lacks (the inner expression of "the end of ...")."""
        candidates = []
        hits: dict[str, list[tuple[int, int]]] = {}
        for hit in self.anchor_rx.finditer(text):
            word = hit.group()
            word = "@DIGIT" if word[0] <= "9" else word.lower()
            hits.setdefault(word, []).append(hit.span())
        windows: dict[frozenset[str] | None, list[tuple[int, int]]] = {}
        for order, (rule, rx) in enumerate(self.compiled):
            anchor = self.anchors[order]
            if anchor not in windows:
                windows[anchor] = self._windows(text, hits, anchor)
            for lo, hi in windows[anchor]:
                for m in rx.finditer(text, lo, hi):
                    candidates.append((m.start(), -m.end(), order, m))
        for lo, hi in self._windows(text, hits, self.phrase_anchor):
            for m in self.phrase_rx.finditer(text, lo, hi):
                candidates.append((m.start(), -m.end(), -1, m))
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        state = _State(text, doc_date, day_first, extras={"tense": tense} if tense else {})
        found: list[TimeExpression] = []
        last_end = 0
        for start, neg_end, order, m in candidates:
            if start < last_end:
                continue
            te = self._phrase(m, state) if order < 0 else self._rule(self.compiled[order][0], m, state, last_end)
            if te is None:
                continue
            found.append(te)
            last_end = te.end
        return found

    REACH_BEFORE = 90
    REACH_AFTER = 60

    def _windows(self, text: str, hits: dict[str, list[tuple[int, int]]],
                 anchor: frozenset[str] | None) -> list[tuple[int, int]]:
        """Stretches of text a rule can match in: around each occurrence of one of its anchor words.

        A match starts at most ``REACH_BEFORE`` characters before its anchor and ends at most ``REACH_AFTER``
        after it; windows end at whitespace so no match is cut inside a word.
        """
        if anchor is None:
            return [(0, len(text))]
        spans = sorted(span for word in anchor.intersection(hits) for span in hits[word])
        out: list[list[int]] = []
        size = len(text)
        for start, end in spans:
            a = start - self.REACH_BEFORE
            b = end + self.REACH_AFTER
            if out and a <= out[-1][1]:
                out[-1][1] = b
            else:
                out.append([a if a > 0 else 0, b])
        result = []
        for a, b in out:
            if b >= size:
                b = size
            else:
                space = _SPACE.search(text, b)
                b = space.start() if space else size
            result.append((a, b))
        return result

    def _phrase(self, m: re.Match, state: _State) -> TimeExpression | None:
        key = " ".join(m.group(0).lower().split())
        phrase, kind = self.phrases[key]
        nxt = _next_word(state.text, m.end())
        if phrase.only_before and nxt not in phrase.only_before:
            return None
        if phrase.not_before and nxt in phrase.not_before:
            return None
        if phrase.not_after and _prev_word(state.text, m.start()) in phrase.not_after:
            return None
        if kind == "vague":
            return TimeExpression(m.start(), m.end(), m.group(0), "DATE", None, None, "vague." + key.replace(" ", "_"))
        return TimeExpression(m.start(), m.end(), m.group(0), "DATE", phrase.value, None, "ref." + key.replace(" ", "_"))

    def _rule(self, rule: Rule, m: re.Match, state: _State, floor: int) -> TimeExpression | None:
        result = self.normalisers[rule.normalizer](rule, m, state)
        if result is None:
            return None
        typ, value, mod = result
        start, end = m.start(), m.end()
        text = state.text
        for _ in range(3):
            window = text[max(floor, start - 30):start]
            hit = self.modifier_rx.search(window)
            glued = None
            if hit is None and self.glued_rx is not None:
                glued = self.glued_rx.search(window)
            hit = hit or glued
            if hit is None:
                break
            modifier = self.modifier_by_literal.get(" ".join(hit.group(1).lower().split()))
            if modifier is None or not self._modifier_applies(modifier, rule, typ, text[start:end]):
                break
            start -= len(window) - hit.start(1)
            mod = modifier.mod or mod
        sfx = self.suffix_rx.match(text, end)
        if sfx:
            mod = self.suffix_mod.get(" ".join(sfx.group(1).lower().split()), mod) or mod
            end = sfx.end()
        resolved = None
        if typ == "DURATION":
            resolved = self._duration_landing(value, m, state, rule)
        elif typ in ("DATE", "TIME") and value and value[0].isdigit():
            if rule.normalizer in ("ymd", "numeric", "year", "quarter", "half", "fiscal", "decade", "season",
                                   "edge", "year_edge") or state.doc_date is not None:
                resolved = _resolve_period(value, mod)
        return TimeExpression(start, end, text[start:end], typ, value, resolved, rule.id)

    def _modifier_applies(self, modifier: Modifier, rule: Rule, typ: str, core: str) -> bool:
        kind = modifier.applies_to
        if kind == "the":
            return rule.the and not core.lower().startswith(("the ", "this ", "that ", "next ", "last "))
        if kind == "date":
            return typ in ("DATE", "TIME") and not rule.id.startswith(("ref.", "set."))
        if kind == "deictic":
            return rule.normalizer in ("deictic", "weekday", "relative_unit")
        if kind == "any":
            return not rule.id.startswith(("ref.", "set."))
        if kind == "duration":
            return typ == "DURATION" or rule.normalizer == "offset"
        if kind == "duration_bare":
            return (typ == "DURATION" or rule.normalizer == "offset") and not core.lower().startswith("the ")
        return False

    def _duration_landing(self, value: str | None, m: re.Match, state: _State, rule: Rule) -> str | None:
        """doc date + duration when the duration starts at the document date ("within 90 days")."""
        if state.doc_date is None or not value:
            return None
        core = m.group(0).lower()
        before = state.text[max(0, m.start() - 20):m.start()].lower()
        starts_now = core.startswith(("the next", "next", "the coming", "the following")) or bool(
            re.search(r"(?:\bwithin|\bin|\bover the next|\bduring the next|\bafter)\s+$", before))
        if not starts_now:
            return None
        landing = add_duration(state.doc_date, value)
        return landing.isoformat() if landing else None

    # ----------------------------------------------------------------------------------------- helpers
    def _tense(self, state: _State, start: int, end: int) -> str | None:
        """"future" or "past" from the nearest tense cue in the same sentence, or ``None``."""
        text = state.text
        left = text[max(0, start - 150):start]
        cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("? "), left.rfind("! "))
        if cut >= 0:
            left = left[cut + 1:]
        right = text[end:end + 80]
        cut = min((i for i in (right.find(". "), right.find("\n"), right.find("; ")) if i >= 0), default=-1)
        if cut >= 0:
            right = right[:cut]
        best: tuple[int, str] | None = None
        for rx, label in ((self.future_rx, "future"), (self.past_rx, "past")):
            for hit in rx.finditer(left):
                dist = len(left) - hit.end()
                if best is None or dist < best[0]:
                    best = (dist, label)
            hit = rx.search(right)
            if hit and (best is None or hit.start() < best[0]):
                best = (hit.start(), label)
        return best[1] if best else state.extras.get("tense")

    def _month(self, token: str | None) -> int | None:
        if not token:
            return None
        token = token.strip().rstrip(".").lower()
        if token.isdigit():
            return int(token) if 1 <= int(token) <= 12 else None
        return self.months.get(token)

    def _year(self, m: re.Match, state: _State, *names: str) -> int | None:
        """A year from the first filled group among ``names`` (digits, 'yy, spoken, this/last/next year)."""
        g = m.groupdict()
        for name in names:
            v = g.get(name)
            if not v:
                continue
            v = v.strip().lower()
            if name.startswith("rel"):
                if state.doc_date is None:
                    return None
                return state.doc_date.year + {"this": 0, "last": -1, "next": 1}.get(v.split()[0], 0)
            if name.startswith("spoken"):
                return _spoken_year(v, self.numbers)
            digits = v.lstrip("'").replace("fy", "").strip()
            if not digits.isdigit():
                continue
            if len(digits) == 2:
                return _pivot_year(int(digits), state.doc_date)
            return int(digits)
        return None

    def _infer_year(self, month: int, day: int | None, state: _State, start: int, end: int) -> int:
        dct = state.doc_date
        assert dct is not None
        tense = self._tense(state, start, end)
        try:
            delta = (date(dct.year, month, day or 15) - dct).days
        except ValueError:
            return dct.year
        if tense == "future" and delta < -90:
            return dct.year + 1
        if tense == "past" and delta > 90:
            return dct.year - 1
        if tense is None:
            if delta > 200:
                return dct.year - 1
            if delta < -200:
                return dct.year + 1
        return dct.year

    def _weekday_date(self, weekday: int, rel: str | None, state: _State, start: int, end: int) -> date | None:
        dct = state.doc_date
        if dct is None:
            return None
        delta = weekday - dct.isoweekday()
        rel = (rel or "").lower().replace("the ", "")
        if rel in ("last", "past", "this past", "previous"):
            return dct + timedelta(days=delta - 7 if delta >= 0 else delta)
        if rel in ("next", "this coming", "coming", "following"):
            return dct + timedelta(days=delta + 7 if delta <= 0 else delta)
        if rel == "this":
            return dct + timedelta(days=delta)
        if self._tense(state, start, end) == "future":
            return dct + timedelta(days=delta % 7)
        return dct - timedelta(days=(-delta) % 7)

    def _day_ref(self, ref: str, state: _State, start: int, end: int) -> date | None:
        ref_l = ref.lower().strip()
        dct = state.doc_date
        if ref_l in ("today", "yesterday", "tomorrow"):
            return None if dct is None else dct + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[ref_l])
        if ref_l in self.weekdays:
            return self._weekday_date(self.weekdays[ref_l], None, state, start, end)
        m = re.match(r"([a-z]+)\.?\s*(\d{1,2})", ref_l)
        if m and self._month(m.group(1)) and dct is not None:
            month, day = self._month(m.group(1)), int(m.group(2))
            try:
                return date(self._infer_year(month, day, state, start, end), month, day)
            except ValueError:
                return None
        return None

    def _capitalised(self, word: str) -> bool:
        return word[:1].isupper()

    # ------------------------------------------------------------------------------------- normalisers
    def _n_ymd(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        month_token = g.get("month") or ""
        month = self._month(month_token)
        if month is None:
            return None
        if month_token[:1].isalpha():
            if not self._capitalised(month_token):
                return None
            if month_token.lower() in self.ambiguous_months and not (g.get("day") or g.get("year") or g.get("rel")
                                                                     or g.get("dayord") or g.get("relyear")):
                prev = _prev_word(state.text, m.start())
                if prev not in {"in", "since", "until", "till", "by", "of", "from", "through", "during", "early",
                                "late", "mid", "before", "after", "last", "next", "this", "each", "every",
                                "between", "and", "to", "or", "on", "mid-"}:
                    return None
        day = None
        if g.get("day"):
            day = int(re.sub(r"\D", "", g["day"]))
        elif g.get("dayord") or g.get("dayord2"):
            day = self.ordinals.get((g.get("dayord") or g["dayord2"]).lower())
            if day is None or (g.get("dayord") or g["dayord2"]).lower() in ("last", "final"):
                return None
        year = self._year(m, state, "year", "spoken", "yy", "relyear")
        rel = (g.get("rel") or "").lower()
        if rel and state.doc_date is not None and year is None:
            dct = state.doc_date
            here, now = (month, day or 0), (dct.month, dct.day if day else 0)
            if rel in ("last", "this past", "the previous"):
                # "last February" said in March is a year back; "last April" said in October is this year's
                year = dct.year if (day and here < now) or month < dct.month - 1 else dct.year - 1
            elif rel in ("next", "this coming", "the following"):
                year = dct.year if here >= now and (day or month > dct.month) else dct.year + 1
            else:
                year = dct.year
        if year is None and state.doc_date is not None and (g.get("relyear") is None):
            year = self._infer_year(month, day, state, m.start(), m.end())
        if day is not None:
            try:
                date(year or 2000, month, day)
            except ValueError:
                return None
        y = f"{year:04d}" if year else "XXXX"
        if year and (g.get("year") or g.get("spoken") or g.get("yy")):
            state.last_year = year
            state.last_month = (year, month)
        value = f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")
        return rule.type, value, None

    def _n_numeric(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        a, b = int(m.group("a")), int(m.group("b"))
        month, day = (b, a) if state.day_first else (a, b)
        if month > 12 and day <= 12:
            month, day = day, month
        year = self._year(m, state, "year")
        try:
            date(year, month, day)
        except (ValueError, TypeError):
            return None
        return rule.type, f"{year:04d}-{month:02d}-{day:02d}", None

    def _n_clock(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        if g.get("named"):
            named = g["named"].lower()
            hh, mm = (24, 0) if named == "midnight" else (12, 0)
        elif g.get("hour24"):
            hh, mm = int(g["hour24"]), int(g["minute24"])
        else:
            hh, mm = int(g["hour"]), int(g.get("minute") or 0)
            ampm = g["ampm"].lower().replace(".", "")
            if hh > 12 or hh == 0:
                return None
            if ampm == "pm" and hh != 12:
                hh += 12
            if ampm == "am" and hh == 12:
                hh = 0
        day = None
        if g.get("dayref"):
            day = self._day_ref(g["dayref"], state, m.start(), m.end())
        elif state.doc_date is not None:
            day = state.doc_date
        prefix = day.isoformat() if day else "XXXX-XX-XX"
        return "TIME", f"{prefix}T{hh:02d}:{mm:02d}", None

    def _n_weekday(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        token = m.group("weekday")
        if not self._capitalised(token):
            return None
        weekday = self.weekdays[token.lower()]
        day = self._weekday_date(weekday, m.group("rel"), state, m.start(), m.end())
        part = m.group("part")
        if day is None:
            value = f"XXXX-WXX-{weekday}"
        else:
            value = day.isoformat()
        if part:
            return "TIME", f"{value}T{self.parts[part.lower()]}", None
        return "DATE", value, None

    def _n_deictic(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        word = " ".join(m.group("deictic").lower().split())
        part = m.group("part")
        offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this": 0, "last": 0,
                   "the day before yesterday": -2, "the day after tomorrow": 2}
        offset = offsets[word]
        part_code = self.parts[part.lower()] if part else None
        if word == "tonight":
            part_code = "NI"
        if word == "last":
            if (part or "").lower() != "night":
                return None
            offset = -1
        if state.doc_date is None:
            return ("TIME" if part_code else "DATE"), None, None
        day = (state.doc_date + timedelta(days=offset)).isoformat()
        if part_code:
            return "TIME", f"{day}T{part_code}", None
        return "DATE", day, None

    def _quarter_number(self, m: re.Match) -> int | None:
        g = m.groupdict()
        if g.get("qn"):
            return int(g["qn"][1])
        if g.get("qn2"):
            return int(g["qn2"])
        if g.get("mq"):  # "the March quarter": the quarter that ends in March
            return (self.months[g["mq"].lower()] - 1) // 3 + 1
        word = (g.get("ord") or "").lower()
        if word[:1].isdigit():
            return int(word[0])
        return self.ordinals.get(word)

    def _n_quarter(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        q = self._quarter_number(m)
        if q is None or not 1 <= q <= 4:
            return None
        g = m.groupdict()
        if g.get("qn") and not g["qn"][0].isupper():
            return None
        year = self._year(m, state, "year", "year2", "yearpre", "yy", "yy2", "relpre", "relyear")
        if year is None and g.get("yago"):
            if state.doc_date is None:
                return rule.type, None, None
            year = (state.last_quarter[0] if state.last_quarter else state.doc_date.year) - 1
        if year is None:
            if state.doc_date is None:
                return rule.type, f"XXXX-Q{q}", None
            year = state.doc_date.year
            # a later quarter than the current one, named without a year, is last year's unless future
            if q > (state.doc_date.month - 1) // 3 + 1 and self._tense(state, m.start(), m.end()) != "future":
                year -= 1
        state.last_quarter = (year, q)
        return "DATE", f"{year}-Q{q}", None

    def _n_quarter_ref(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        adj = (g.get("adj") or "").lower()
        kind = (g.get("kind") or "quarter").lower()
        det = (g.get("det") or "").lower()
        if kind.startswith("period") and not adj:
            return None
        if adj in ("last", "previous", "preceding", "prior", "same", "recent") and not kind.startswith("period"):
            pass
        dct = state.doc_date
        if dct is None:
            return "DATE", None, None
        current = (dct.year, (dct.month - 1) // 3 + 1)
        previous = (current[0] - 1, 4) if current[1] == 1 else (current[0], current[1] - 1)
        if det == "this" or adj == "current":
            base = current
        else:
            base = state.last_quarter or previous
        year_back = adj in ("year-ago", "year-earlier", "year ago", "comparable", "corresponding") or any(
            w in kind for w in ("a year ago", "last year", "a year earlier"))
        if g.get("refyear"):
            year = int(g["refyear"])
            if state.last_quarter is None and kind.startswith("period"):
                return "DATE", str(year), None
            return "DATE", f"{year}-Q{base[1]}", None
        if year_back:
            return "DATE", f"{base[0] - 1}-Q{base[1]}", None
        if rule.id == "date.year_ago_adj":
            return "DATE", f"{base[0] - 1}-Q{base[1]}" if state.last_quarter else str(dct.year - 1), None
        state.last_quarter = base
        return "DATE", f"{base[0]}-Q{base[1]}", None

    def _n_half(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        if g.get("hn"):
            if not g["hn"][0].isupper():
                return None
            h = int(g["hn"][1])
        else:
            word = g["ord"].lower()
            h = 1 if word in ("first", "1st") else 2
        if g.get("decade"):
            return self._decade_value(g["decade"], None, state)
        year = self._year(m, state, "year", "yearpre", "yy", "relpre", "relyear")
        if year is None:
            if state.doc_date is None:
                return "DATE", f"XXXX-H{h}", None
            year = state.doc_date.year
        return "DATE", f"{year}-H{h}", None

    def _n_fiscal(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        """"fiscal 2026" is 2026; a split year ("FY2026/27", "the 2026/27 financial year") is named by the
        calendar year it ends in, 2027."""
        key = "yearb" if m.groupdict().get("yearb") else "year"
        year = self._year(m, state, key)
        if year is None:
            return None
        second = m.groupdict().get("year2b" if key == "yearb" else "year2")
        if second:
            ending = int(second) if len(second) == 4 else year // 100 * 100 + int(second)
            if ending == year + 1:
                year = ending
        state.last_year = year
        return "DATE", str(year), None

    def _n_relative_unit(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        rel = " ".join(m.group("rel").lower().split())
        unit = self.units[m.group("unit").lower()]
        mod = None
        for prefix, pmod in (("later ", "END"), ("late ", "END"), ("earlier ", "START"), ("early ", "START")):
            if rel.startswith(prefix):
                rel, mod = rel[len(prefix):], pmod
        if rel in ("over the",):
            rel = "the"
        steps = {"this": 0, "current": 0, "the current": 0, "the present": 0, "its": 0, "their": 0,
                 "last": -1, "past": -1, "previous": -1, "the past": -1, "the last": -1, "the previous": -1,
                 "the prior": -1, "the preceding": -1, "this past": -1, "the latest": -1,
                 "next": 1, "coming": 1, "following": 1, "the next": 1, "the coming": 1, "the following": 1,
                 "this coming": 1}
        if unit == "FN":
            return "DURATION", "P2W", None
        dct = state.doc_date
        if rel in ("that", "the same", "the very same"):
            if unit == "Y" and state.last_year:
                return "DATE", str(state.last_year), mod
            return None
        if rel in ("the following", "following") and state.last_month and unit in ("Y", "M"):
            y, mo = state.last_month
            if unit == "Y":
                return "DATE", str(y + 1), mod
            return "DATE", add_months(date(y, mo, 1), 1).strftime("%Y-%m"), mod
        if rel == "the":
            if unit == "WE":
                return self._weekend(None, m, state)
            if unit == "Y" and m.groupdict().get("fiscal"):
                steps["the"] = 0
            else:
                return None
        step = steps.get(rel)
        if step is None:
            return None
        if dct is None:
            return "DATE", None, mod
        if unit == "Y":
            return "DATE", str(dct.year + step), mod
        if unit == "M":
            return "DATE", add_months(dct.replace(day=1), step).strftime("%Y-%m"), mod
        if unit == "W":
            return "DATE", iso_week(dct + timedelta(weeks=step)), mod
        if unit == "WE":
            return self._weekend(step, m, state)
        if unit == "Q":
            q = (dct.month - 1) // 3 + step
            y, q = dct.year + q // 4, q % 4 + 1
            state.last_quarter = (y, q)
            return "DATE", f"{y}-Q{q}", mod
        if unit == "DE":
            return "DATE", str(dct.year // 10 + step), mod
        if unit == "CE":
            return "DATE", str(dct.year // 100 + step), mod
        if unit == "D":
            return "DATE", (dct + timedelta(days=step)).isoformat(), mod
        return None

    def _weekend(self, step: int | None, m: re.Match, state: _State) -> _NORMALISED | None:
        dct = state.doc_date
        if dct is None:
            return "DATE", None, None
        monday = dct - timedelta(days=dct.isoweekday() - 1)
        if step is None:
            if dct.isoweekday() >= 6:
                step = 0
            else:
                step = 0 if self._tense(state, m.start(), m.end()) == "future" else -1
        return "DATE", iso_week(monday + timedelta(weeks=step)) + "-WE", None

    def _n_season(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        token = g["season"].lower()
        code = self.seasons[token]
        rel = (g.get("rel") or "").lower()
        year = self._year(m, state, "year", "spoken", "yy", "relpre")
        if not rel and year is None and not g.get("mod"):
            prev = _prev_word(state.text, m.start())
            if prev not in {"in", "during", "by", "until", "till", "since", "through", "over", "the", "this",
                            "of", "early", "late", "mid", "before", "after", "throughout", "last", "next"}:
                return None
            if prev == "the" and _next_word(state.text, m.end()) in {"of", "and"} and token in ("fall", "spring"):
                return None
        dct = state.doc_date
        if year is None:
            if dct is None:
                return "DATE", f"XXXX-{code}", None
            start = SEASON_START[code]
            end_month = SEASON_END[code][0]
            if rel in ("last", "this past", "the past", "the previous"):
                if code == "WI":
                    year = dct.year - 1 if dct.month >= 3 else dct.year - 2
                else:
                    year = dct.year if dct.month > end_month else dct.year - 1
            elif rel in ("next", "this coming", "the coming", "the following"):
                year = dct.year if dct.month < start else dct.year + 1
            else:
                year = dct.year
        return "DATE", f"{year}-{code}", None

    def _n_edge(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        edge = m.group("edge").lower()
        inner = m.group("inner")
        mod = "END" if edge.startswith(("end", "close", "last")) else "MID" if edge == "middle" else "START"
        inner_n = re.sub(r"(?i)^the\s+(?:current\s+|present\s+)?(?=(?:fiscal\s+|calendar\s+)?(?:year|month|week|decade|century|quarter|summer|winter|spring|autumn|fall)\b)",
                         "this ", inner)
        inner_state = _State(inner_n, state.doc_date, state.day_first, state.last_quarter, state.last_year)
        tense = self._tense(state, m.start(), m.end())
        before = re.search(r"(\w+)\s+(?:the\s+)?$", state.text[max(0, m.start() - 30):m.start()])
        if mod == "END" and before and before.group(1).lower() in ("by", "before", "until", "till"):
            tense = tense or "future"
        found = self.tag(inner_n, state.doc_date, day_first=state.day_first, tense=tense)
        if not found:
            return None
        value = found[0].value
        if inner_n.lower().startswith("this quarter") and state.last_quarter:
            value = f"{state.last_quarter[0]}-Q{state.last_quarter[1]}"
        del inner_state
        if edge in ("turn",) and value and len(value) == 3:
            return "DATE", value, "END"
        return "DATE", value, mod

    def _n_year_edge(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        edge = (g.get("edge") or g.get("edge2") or g.get("edge3") or "").lower()
        mod = "START" if "start" in edge else "MID" if "mid" in edge else "END"
        year = self._year(m, state, "yearpre", "year", "year3", "relyear")
        if year is None:
            if state.doc_date is None:
                return "DATE", None, mod
            year = state.last_year if state.last_year and g.get("edge2") and False else state.doc_date.year
        return "DATE", str(year), mod

    def _decade_value(self, token: str, mod: str | None, state: _State) -> _NORMALISED | None:
        t = token.lower().replace("the", "").strip().lstrip("'")
        digits = re.sub(r"\D", "", t)
        if len(digits) == 4:
            return "DATE", digits[:3], mod
        if len(digits) == 2:
            year = _pivot_year(int(digits), state.doc_date)
            return "DATE", str(year)[:3], mod
        return None

    def _n_decade(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        mod = {"early": "START", "mid": "MID", "late": "END"}.get((g.get("mod") or "").lower())
        if g.get("dword"):
            prev = _prev_word(state.text, m.start())
            if prev not in ("the", "early", "late", "mid") and not g.get("mod"):
                return None
            tens = self.decade_words[g["dword"].lower()]
            century = 19
            if state.doc_date is not None and state.doc_date.year >= 2000 + tens * 10 + 5:
                century = 20
            return "DATE", f"{century}{tens}", mod
        return self._decade_value(g.get("decade") or g.get("dd") or "", mod, state)

    def _n_century(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        word = m.group("ord").lower()
        n = int(re.sub(r"\D", "", word)) if word[:1].isdigit() else self.ordinals.get(word, 21 if "twenty-first" in word else 0)
        if not 1 <= n <= 30 or word in ("last", "final"):
            return None
        return "DATE", f"{n - 1:02d}", None

    def _n_year(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        year = self._year(m, state, "year", "spoken")
        if year is None:
            return None
        if rule.id == "date.year":
            prev = _prev_word(state.text, m.start())
            if prev in {"no.", "no", "number", "article", "section", "flight", "room", "route", "highway",
                        "resolution", "model", "chapter", "page", "pages", "version", "rule", "paragraph",
                        "item", "bill", "act", "code", "suite", "box", "p.o.", "apt.", "unit"}:
                return None
            if state.text[m.end():m.end() + 1] == ":" or state.text[max(0, m.start() - 1):m.start()] == ":":
                return None
            if g.get("year2"):
                y2 = g["year2"]
                if len(y2) == 2 and int(y2) != (year + 1) % 100:
                    return None
                if int(y2) % 100 == (year + 1) % 100:
                    year += 1  # "by 2029-30": a financial, school or crop year, named by the year it ends in
        state.last_year = year
        state.last_month = (year, 1)
        return "DATE", str(year), None

    def _n_offset(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        unit_word = (g.get("unit") or g.get("unit0") or "").lower()
        unit = self.units[unit_word]
        amount = _parse_amount(g.get("qty") or "", self.numbers, self.vague_quantities) if g.get("qty") else "X"
        if amount is None:
            return None
        direction_word = g["dir"].lower().split()[0]
        direction = -1 if direction_word in ("ago", "earlier", "back", "previously", "prior", "before") else 1
        if direction_word in ("earlier", "later", "before", "after") and unit in ("S", "MIN", "H", "D", "W"):
            # "three days later" counts from an event, not from the document date: a duration
            return "DURATION", duration_value(amount, unit), None
        dct = state.doc_date
        if amount == "X":
            return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", None
        if dct is None:
            return "DATE", None, None
        n = float(amount) * direction
        if unit == "Y" and abs(n) == 1 and state.last_quarter and g["dir"].lower() in ("ago", "earlier"):
            y, q = state.last_quarter
            return "DATE", f"{y - 1}-Q{q}", None
        try:
            if unit in ("Y", "DE", "CE"):
                years = int(round(n * UNIT_FACTOR.get(unit, 1)))
                if n != int(n) and unit == "Y":
                    return "DATE", add_months(dct, int(round(n * 12))).strftime("%Y-%m"), None
                return "DATE", str(dct.year + years), None
            if unit == "Q":
                d = add_months(dct, int(round(3 * n)))
                return "DATE", f"{d.year}-Q{(d.month - 1) // 3 + 1}", None
            if unit == "M":
                return "DATE", add_months(dct, int(round(n))).strftime("%Y-%m"), None
            if unit in ("W", "FN"):
                return "DATE", iso_week(dct + timedelta(weeks=n * UNIT_FACTOR.get(unit, 1))), None
            if unit in ("D",):
                return "DATE", (dct + timedelta(days=n)).isoformat(), None
            if unit == "WE":
                return "DATE", iso_week(dct + timedelta(weeks=n)) + "-WE", None
        except (ValueError, OverflowError):
            return None
        return "TIME", None, None

    def _n_duration(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        unit_word = g["unit"].lower()
        unit = self.units[unit_word]
        qty = g.get("qty")
        if qty:
            amount = _parse_amount(qty, self.numbers, self.vague_quantities)
            if amount is None:
                return None
            low = qty.lower().strip()
            if low in ("a", "an") and unit_word.endswith("s"):
                return None
            if amount != "X" and amount != 1 and low not in ("a", "an") and not unit_word.endswith("s") and "-" not in m.group(0) and not re.search(r"\d", low) and unit in ("D", "W", "M", "Y") and False:
                return None
        elif (g.get("rel") or "").lower().endswith(("first", "initial", "opening")) and not unit_word.endswith("s"):
            amount = 1  # "within the first year of the term"
        else:
            amount = "X"
        if g.get("half") and amount != "X":
            amount = float(amount) + 0.5
        rel = (g.get("rel") or "").lower()
        if rel == "all" and amount == "X":
            return None
        after = state.text[m.end():m.end() + 12].lower()
        if re.match(r"\s+old\b", after) or m.group(0).lower().endswith("-old"):
            return None  # an age, not a time
        if unit_word == "second" and (qty or "").lower().strip() in ("a", "an") and re.match(
                r" (?:\d|(?!later\b|ago\b|earlier\b|after\b|before\b|or\b|and\b|in\b)[a-z])", state.text[m.end():m.end() + 12]):
            return None  # "open a second 24-hour care home", "a second tranche": an ordinal, not a time
        if unit == "Q" and (re.match(r"\s+of\b", after) or "-quarters" in m.group(0).lower()):
            return None  # a fraction: "a quarter of the market", "three-quarters"
        if unit == "S" and amount == 1 and re.match(r"\s+[a-z]", after) and not re.match(r"\s+(?:later|ago|earlier)", after):
            return None  # "a second group"
        if unit == "WE" and amount == 1 and not qty.lower().startswith(("one", "1")):
            return None
        return "DURATION", duration_value(amount, unit), None

    def _n_set(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        g = m.groupdict()
        if g.get("adverb"):
            word = g["adverb"].lower().replace("-", "").replace(" ", "")
            table = {"annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M", "monthly": "P1M", "weekly": "P1W",
                     "daily": "P1D", "hourly": "PT1H", "nightly": "P1D", "biannually": "P6M",
                     "semiannually": "P6M", "biweekly": "P2W", "fortnightly": "P2W", "everyotheryear": "P2Y",
                     "everyotherweek": "P2W", "everyothermonth": "P2M", "yearafteryear": "P1Y",
                     "dayafterday": "P1D", "weekafterweek": "P1W", "monthaftermonth": "P1M", "yearbyyear": "P1Y"}
            value = table.get(word)
            return ("SET", value, None) if value else None
        if g.get("weekdays"):
            return "SET", f"XXXX-WXX-{self.weekdays[g['weekdays'].lower()[:-1]]}", None
        unit_word = g["unit"].lower()
        each = " ".join(g["each"].lower().split())
        before = state.text[max(0, m.start() - 60):m.start()]
        if each == "a" and (not re.search(r"(?:\d[\d,.]*%?|\b(?:million|billion|thousand|hundred|dozen|times|once|twice|"
                                         r"several|few|many|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                         r"fifteen|twenty|thirty|forty|fifty))\s+(?:[\w$.’'-]+\s+){0,4}$", before, re.I)
                            or re.search(r"\b(?:for|within|in|over|after|about|than|under|at|by|of|to|from|during)\s+$", before, re.I)):
            return None  # a rate ("0.25 per cent of GDP a year"), not "for a year"
        every_other = "other" in each
        amount = 2 if every_other else 1
        if g.get("num"):
            parsed = _parse_amount(g["num"], self.numbers, self.vague_quantities)
            if parsed in (None, "X"):
                return None
            amount = parsed
        if unit_word in self.weekdays:
            return "SET", f"XXXX-WXX-{self.weekdays[unit_word]}", None
        if unit_word in self.months:
            return "SET", f"XXXX-{self.months[unit_word]:02d}", None
        if unit_word in self.seasons:
            return "SET", f"XXXX-{self.seasons[unit_word]}", None
        if unit_word in self.parts and unit_word not in self.units:
            return "SET", f"XXXX-XX-XXT{self.parts[unit_word]}", None
        unit = self.units.get(unit_word)
        if unit is None:
            return None
        if unit_word.endswith("s") and not g.get("num"):
            return None
        return "SET", duration_value(amount, unit), None

    def _n_the_unit(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        """"the year ended June 30" is a duration; "for the year", "the full year" the current year."""
        unit = self.units[m.group("unit").lower()]
        after = state.text[m.end():m.end() + 30].lower()
        if re.match(r"\s+(?:ended|ending|ends|to date|through|that ended)\b", after):
            return "DURATION", duration_value(1, unit), None
        adj = (m.group("adj") or "").strip().lower()
        prev = _prev_word(state.text, m.start())
        if not adj and prev not in ("for", "of", "during", "in", "throughout", "over", "within"):
            return None
        if re.match(r"\s*(?:before|after|earlier|later|ago|when|in which|that|of)\b", after):
            return None
        dct = state.doc_date
        if dct is None:
            return "DATE", None, None
        if unit == "Y":
            return "DATE", str(dct.year), None
        if unit == "M":
            return "DATE", dct.strftime("%Y-%m"), None
        return "DATE", iso_week(dct), None

    def _n_fixed(self, rule: Rule, m: re.Match, state: _State) -> _NORMALISED | None:
        return rule.type, rule.value, None


# --------------------------------------------------------------------------------------------------------------
# Small text helpers

YEAR_LABEL = re.compile(r"[ \t]*(?:[-•*–]\s*)?(?:By\s+|In\s+)?((?:19|20)\d\d)\s*[:–—-]\s")
"""A milestone list's year label opening a line ("- 2030: ", "By 2035 – "): the year binds the line's item."""


def year_label(text: str, at: int) -> re.Match | None:
    """The year label opening the line that holds offset ``at``, if there is one."""
    return YEAR_LABEL.match(text, text.rfind("\n", 0, at) + 1)


_LETTERS = re.compile(r"[a-z]+")
_SPACE = re.compile(r"\s")
_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+")

_WORD_BEFORE = re.compile(r"([\w.'-]+)[\s,]*$")
_WORD_AFTER = re.compile(r"\s*([\w'-]+|[^\w\s])")


def _prev_word(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text, end)
    return m.group(1).lower() if m else ""


def _pivot_year(yy: int, doc_date: date | None) -> int:
    limit = (doc_date.year % 100 + 10) if doc_date else 50
    century = (doc_date.year // 100 * 100) if doc_date else 2000
    return century + yy if yy <= limit else century - 100 + yy


def _spoken_year(text: str, numbers: dict[str, float]) -> int | None:
    words = re.split(r"[\s-]+", text.lower().replace(" and ", " "))
    if words[:2] == ["two", "thousand"]:
        rest = sum(int(numbers.get(w, 0)) for w in words[2:])
        return 2000 + rest
    if words and words[0] in ("nineteen", "twenty"):
        rest = sum(int(numbers.get(w, 0)) for w in words[1:] if w != "hundred")
        return int(numbers[words[0]]) * 100 + rest
    return None


def _parse_amount(text: str, numbers: dict[str, float], vague: set[str]) -> float | str | None:
    """A quantity as a number, ``"X"`` for vague amounts ("several"), or ``None`` if it is no number."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in vague:
        return "X"
    if t in ("a", "an", "one"):
        return 1.0
    if t in ("half a", "half an", "a half"):
        return 0.5
    digits = re.fullmatch(r"[a-z ]+ \((\d{1,4})\)", t)
    if digits:  # "ninety (90)": legal drafting spells the number and repeats it in figures
        t = digits.group(1)
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?(?: (\d)/(\d))?", t)
    if m:
        value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
        if m.group(3):
            value += int(m.group(3)) / int(m.group(4))
        return value + half
    if t in numbers:
        return numbers[t] + half
    total, current = 0.0, 0.0
    for word in t.replace(" and ", " ").split():
        if word not in numbers:
            return None
        n = numbers[word]
        if n == 100:
            current = (current or 1) * 100
        elif n == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += n
    return total + current + half


# --------------------------------------------------------------------------------------------------------------
# The public API

@lru_cache(maxsize=8)
def _grammar_from_path(path: str | None) -> TimeGrammar:
    return TimeGrammar(load_time_rules(path))


_GRAMMARS: dict[int, tuple[TimeRules, TimeGrammar]] = {}


def grammar_for(rules: TimeRules | TimeGrammar | str | Path | None = None) -> TimeGrammar:
    """The compiled grammar for a rule set, a patterns folder / file, or the default rules (cached)."""
    if isinstance(rules, TimeGrammar):
        return rules
    if isinstance(rules, TimeRules):
        cached = _GRAMMARS.get(id(rules))
        if cached is None or cached[0] is not rules:
            cached = (rules, TimeGrammar(rules))
            _GRAMMARS[id(rules)] = cached
        return cached[1]
    return _grammar_from_path(None if rules is None else str(rules))


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def tag(text: str, doc_date: date | str | None = None, *, day_first: bool = False,
        rules: TimeRules | TimeGrammar | str | Path | None = None) -> list[TimeExpression]:
    """Every time expression in ``text``, normalised against ``doc_date`` (a date or ISO string, or None).

    ``day_first`` reads 03/02/2026 as 3 February; ``rules`` is a :class:`TimeRules`, a compiled
    :class:`TimeGrammar` or a patterns folder (default: the shipped ``patterns/``).
    """
    return grammar_for(rules).tag(text, _as_date(doc_date), day_first=day_first)


def is_vague(te: TimeExpression) -> bool:
    """True for a vague time ("as soon as possible", "soon"): never a concrete deadline."""
    return (te.rule or "").startswith("vague.")


def timex3_value(te: TimeExpression, rules: TimeRules | TimeGrammar | None = None) -> str | None:
    """The value a TIMEX3 annotator would give: ``te.value``, or FUTURE_REF-style for vague phrases."""
    if te.value is not None or not is_vague(te):
        return te.value
    return grammar_for(rules).vague_timex3.get(" ".join(te.text.lower().split()))


def records(text: str, doc_id: str | None = None, doc_date: date | str | None = None, *, day_first: bool = False,
            rules: TimeRules | TimeGrammar | str | Path | None = None) -> list[dict]:
    """The ``pledgewatch dates`` JSONL rows for one document (the document date is detected when not given)."""
    when = _as_date(doc_date) or detect_doc_date(text, day_first=day_first, rules=rules)
    return [
        {"doc_id": doc_id, "start": te.start, "end": te.end, "text": te.text, "type": te.type,
         "value": te.value, "resolved": te.resolved}
        for te in tag(text, when, day_first=day_first, rules=rules)
    ]


# --------------------------------------------------------------------------------------------------------------
# Document dates

HEADER_LINES = 12
HEADER_CHARS = 1500
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_FRONT_DATE = re.compile(r"^date\s*:\s*[\"']?([^\"'\n]+)", re.M | re.I)
_LABEL = re.compile(
    r"^(?:[^|\u00b7\u2022\n]*[|\u00b7\u2022]\s*)?\s*[*_]{0,2}(?:date|dated|issued(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?|"
    r"released(?:\s+on)?|release\s+date|date\s+of\s+issue|for\s+release|(?:last\s+)?updated(?:\s+on)?|last\s+modified)"
    r"[*_]{0,2}\s*[:\-\u2013\u2014]?[*_]{0,2}\s*([^|\u00b7\u2022\n]+)", re.I)
"""A labelled date, at the start of a line or after a separator ("Maintained by X | Last updated: 3 March 2027")."""
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'\-/]+(?:,\s*[A-Za-z .]+)?,\s*(.{3,40}?)\s*(?:\([^)]*\)\s*)?[-\u2013\u2014]+\s")
_PAREN_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'\-/]+(?:,\s*[A-Za-z .]+)?\s*\((.{6,40}?)\)\s*[-\u2013\u2014]+\s")
"""A dateline with its date in brackets: "MANILA, PHILIPPINES (3 December 2026) — The Asian Development Bank ..."."""
_PLACE_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’\-]*(?:[ /][A-Z][\w.'’\-]*){0,3}(?:,\s*[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2})?,\s*(.{6,40}?)\s*"
    r"(?:\([^)]*\)\s*)?[-\u2013\u2014]+\s")
"""A dateline whose place is written in title case: "Madrid, 9 June 2026 — Governments ..."."""
_TITLE_ON_DATE = re.compile(
    r"\b(?:conference|briefing|remarks|statement|readout|meeting|call|speech|address|interview|session|talks|visit|"
    r"summit|hearing|testimony|transcript|debate)\s+on\s+(.{6,30}?)\s*:?\s*$", re.I)
"""A title that ends with the day of its event: "... Regular Press Conference on November 4, 2025"."""
_TITLE_PAREN_DATE = re.compile(r"\(([^()]{6,30})\)\s*:?\s*$")
"""A title that ends with its date in brackets: "Transcript of Weekly Media Briefing by the Official Spokesperson
(March 11, 2027)"."""
_YEAR_IN_HEADER = re.compile(r"(?<![\d$])(19[5-9]\d|20\d\d)(?![\d%])")


def _full_date(text: str, grammar: TimeGrammar, day_first: bool, *, at_start: bool = False) -> date | None:
    for te in grammar.tag(text, None, day_first=day_first):
        if at_start and re.search(r"[A-Za-z]{3}", text[: te.start].replace("on", "", 1)):
            continue  # words before the date: a sentence, not a label's value
        if te.value and re.fullmatch(r"\d{4}-\d\d-\d\d", te.value):
            return date.fromisoformat(te.value)
    return None


def detect_doc_date(text: str, *, day_first: bool = False,
                    rules: TimeRules | TimeGrammar | str | Path | None = None) -> date | None:
    """The document's own date, read from its header only, or ``None``; never a guess.

    Looked for, in order: markdown front matter ``date:``; a labelled line ("Date: 2025-11-01",
    "Issued: 03/02/2026", "Published on 1 November 2025", "By X | Last updated: 3 March 2027"); a line that is only a date, perhaps with a place or
    weekday ("November 1, 2025", "Geneva, 1 November 2025"); a dateline in one of the first three lines with the
    place in title case ("Madrid, 9 June 2026 — Governments ..."), or a title ending with its event's day ("...
    Regular Press Conference on November 4, 2025", "... by the Official Spokesperson (March 11, 2027)"); a news dateline ("WASHINGTON, Sept. 25 (Reuters) -"). A dateline without a year takes the year only when exactly one distinct year appears
    in the lines above it or in it (the title block, not the story that follows); otherwise the date is
    unknown. The header is the first 12 non-empty lines (at most 1,500 characters).
    """
    grammar = grammar_for(rules)
    fm = _FRONT_MATTER.match(text)
    if fm:
        hit = _FRONT_DATE.search(fm.group(1))
        if hit:
            found = _full_date(hit.group(1).strip(), grammar, day_first)
            if found:
                return found
        text = text[fm.end():]
    lines = [ln for ln in text[:HEADER_CHARS].splitlines() if ln.strip()][:HEADER_LINES]
    for line in lines:
        label = _LABEL.match(line)
        if label:
            # an "Updated" label's own date, right after it ("Updated: 4 May 2026"), not one later in a sentence
            # that happens to open with the word ("Updated guidance will be issued on 5 May 2026")
            updated = re.search(r"updated|modified", line[: label.start(1)], re.I) is not None
            found = _full_date(label.group(1), grammar, day_first, at_start=updated)
            if found:
                return found
    for line in lines:
        stripped = line.strip().strip("*_#>|").strip()
        if len(stripped) > 80 or len(stripped.split()) > 10 or stripped.endswith((".", "?", "!")) and not re.search(r"\d\.$", stripped):
            continue
        tagged = grammar.tag(stripped, None, day_first=day_first)
        full = [te for te in tagged if te.value and re.fullmatch(r"\d{4}-\d\d-\d\d", te.value)]
        if full:
            rest = stripped[:full[0].start] + stripped[full[0].end:]
            if len(re.findall(r"[A-Za-z]+", rest)) <= 5:
                return date.fromisoformat(full[0].value)
    for number, line in enumerate(lines[:3]):
        for pattern in (_PLACE_DATELINE, _TITLE_ON_DATE, _TITLE_PAREN_DATE) if number == 0 else (_PLACE_DATELINE,):
            hit = pattern.search(line)
            if hit:
                found = _full_date(hit.group(1), grammar, day_first)
                if found and grammar.tag(hit.group(1), None, day_first=day_first)[0].end >= len(hit.group(1).rstrip(" ,")) - 1:
                    return found
    for i, line in enumerate(lines):
        dl = tagged = None
        for pattern in (_DATELINE, _PAREN_DATELINE):  # "WASHINGTON, Sept. 25 (Reuters) -", "MANILA (3 December 2026) -"
            dl = pattern.match(line)
            tagged = dl and grammar.tag(dl.group(1), None, day_first=day_first)
            if tagged and tagged[0].value:
                break
        if not tagged or not tagged[0].value:
            continue
        value = tagged[0].value
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            return date.fromisoformat(value)
        md = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value)
        if md:
            # the title block above the dateline, not the story under it ("extend the 2020 ceasefire")
            # (of the dateline's own line only the dateline: the story may run on in the same line)
            years = {int(y) for ln in [*lines[:i], dl.group(0)] for y in _YEAR_IN_HEADER.findall(ln)}
            if len(years) == 1:
                try:
                    return date(years.pop(), int(md.group(1)), int(md.group(2)))
                except ValueError:
                    return None
        return None
    return None
