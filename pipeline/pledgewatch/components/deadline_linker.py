"""Attach to each commitment the time expression that governs its action, and decide ``time_bound``.

A time expression becomes a commitment's deadline only when it *governs the committed action*. Three questions
decide that, for every time expression in the commitment's sentence:

1. **Which relation introduces it?** The words right before the expression are matched against the
   ``relations`` table of ``patterns/time_expressions.json`` (longest phrase first), whose keys are the relation
   families the record reports: ``by`` (by, before, no later than...), ``until``, ``within``, ``for``, ``from``
   (from, starting, effective, as of...), ``on`` (on, at) and ``during``. "starting in April", "beginning in
   2026" and "starting with the 2026 reporting year" are ``from``; "in" is ``within`` before a duration ("in two
   years") and ``on`` before a date ("in December"); "over" is ``for`` before a duration. A bare expression
   ("next year", "later this month") is ``on``. An expression after any other preposition ("of", "since",
   "under", "than"...) is never a deadline: "the Executive Order of April 2, 2025", "since March 4".

2. **Does the parse connect it to the committed verb?** From the expression's root the linker climbs the
   dependency tree towards the commitment's *targets*: the action verb and the verbs of the chain above it
   ("will continue to support"), but not verbs it is merely coordinated with ("agreed to convene X by April and
   to work towards Y": "by April" belongs to *convene*). The climb

   * stops with "reference date" when the expression pre-modifies a noun ("the 2030 Agenda", "a 2019
     baseline", "2020 levels", "Vision 2030", "attend the May 2026 meeting"), unless the noun is itself a period
     ("the 2026 reporting year", "the 2020-2023 replenishment period") or a dated event named by a deadline
     relation ("until the May 2026 meeting", "before the 2027 elections");
   * crosses the object's nouns after a deadline relation (by, until, within, for, from): the parser often hangs
     "by June 2026" on the nearest noun of the object; after a point relation only when the date is not before
     the document date ("review progress at the Ministerial Meeting in 2027", but not "the crisis in 2008");
   * crosses another verb only when that verb sits inside the object (a reduced relative, a relative clause, a
     participle or purpose clause: "the deposit held at the central bank *for another year*", "systems already
     installed *no later than 1 September 2026*") and the relation is a deadline relation. Point relations (on,
     in, at) never cross a verb: "the export control measures announced *on October 9*" keeps its date. A finite
     adverbial clause is never crossed ("if Russia does not agree to a ceasefire *by 31 July*": the condition's
     date), nor a relative or appositive clause in the past or present ("..., a pledge he broke *within eighteen
     months*", "the scheme, which expired on 30 June"); one with a modal or "to" is part of what is committed
     ("a Joint Committee, which shall meet *within one year*", "the first meeting to be held *within 90 days*").
     Nor is a coordinated verb crossed unless it forms one action with the action verb (no subject or auxiliary
     of its own, and a shared object: "halting and reversing deforestation by 2030");
   * treats a phrase the parser hung on a participle clause set off by commas, but which follows its closing
     comma, as the main clause's ("publish its plan, prepared in line with the standards, alongside its report
     *in March 2026*");
   * rejects point-time adjuncts of a past-tense verb: "pledged *in March 2023* to resettle..." dates the pledge,
     not the resettlement.

   When the climb reaches the sentence root without meeting the targets (a list item the parser mis-read, "-
   Grant full market access ... by March 31, 2026"), a deadline relation inside the commitment's own span still
   binds, provided no other verb was crossed.

3. **Is it a deadline at all?** Vague times ("as soon as possible", "in a timely manner",
   :func:`pledgewatch.temporal.is_vague`), recurrences (SET: "annually", "every quarter", "by March 31 of each
   year"), durations with no number ("in the coming weeks", PXW), durations that are an argument rather than
   an adjunct ("will be given 12 months to...") and durations after a from-relation ("after a week of
   clashes") never bind.

Among the expressions that pass, a by-date beats everything ("resettle 20,000 refugees by December 31, 2025"),
then until, within, a point date, a from-date, a duration (for / over) and during; a duration then stays in the
action. Of two coordinated dates ("on March 17 and March 31") the later one is the deadline. A year range
("over the period 2026-2030") binds at its end. Items under a chapeau ("The two sides commit to the following
measures by May 14:") inherit the chapeau's deadline when they have none of their own. Event deadlines ("during
the summit", "at our next Summit") are not time expressions and stay unresolved.

``time_bound`` is true exactly when a deadline was attached. ``Deadline.value`` is the tagger's TIMEX3 value
("by the end of 2027" -> ``2027``; a half or a season, which have no ISO 8601 value, gives the month or the year
it ends in: "in the first half of 2027" and "by mid-2027" -> ``2027-06``, "in the second half of 2027" -> ``2027``) and ``Deadline.resolved`` the tagger's ``resolved`` (the calendar date the
expression lands on, ``2027-12-31``), or document date + duration for "within"/"in".

The linker is linear in the length of the document: time expressions are indexed by sentence once per
document (bisect on token offsets), sentence bounds come from :mod:`pledgewatch.sentences`, and ``doc.text``
(rebuilt from the tokens on every access) is read once per call.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from spacy.attrs import IDX
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from ..commitment import Commitment, Deadline, TimeExpression
from ..serialization import JSONState
from .. import doc_cache
from ..doc_cache import bounds
from ..patterns import default_dir, load_actors
from ..temporal import add_duration, is_vague, load_time_rules, year_label

DEADLINE_FAMILIES = ("by", "until", "within", "for", "from")
"""Relations after which a deadline may hang on a noun of the object or inside a clause of the object."""
PRIORITY = {"by": 0, "until": 1, "within": 2, "on": 3, "from": 4, "for": 5, "during": 6}
PERIOD_NOUNS = frozenset({
    "period", "periods", "year", "years", "season", "seasons", "cycle", "cycles", "term", "phase", "window",
    "timeframe", "horizon", "quarter", "quarters", "month", "months", "semester", "biennium", "triennium",
})
"""Nouns that a year may pre-modify and still be a time: "the 2026 reporting year", "the 2020-2023 period"."""
_POINT_ONLY = ("in", "on", "at", "with")
_SKIPPED_BEFORE = frozenset({
    "the", "a", "an", "of", "initial", "additional", "further", "transitional", "transition", "extended", "grace",
    "trial", "pilot", "implementation", "minimum", "maximum", "total", "fixed", "limited", "renewable", "another",
}) | PERIOD_NOUNS
"""Words between a relation and its expression that do not change the relation: "over the period 2026-2030",
"for an initial period of 12 months", "starting with the 2026 reporting year"."""
SPELL_NOUNS = frozenset({
    "truce", "ceasefire", "cease-fire", "pause", "moratorium", "freeze", "suspension", "standstill", "halt",
})
"""Arrangements that last a while: a duration modifying one is how long the commitment holds ("agreed to a
10-day humanitarian truce", "a six-month moratorium on new licences")."""

EVENT_NOUNS = frozenset({
    "meeting", "meetings", "summit", "session", "conference", "election", "elections", "review", "vote",
    "referendum", "forum", "assembly", "congress", "plenary", "ministerial", "round", "cop", "games", "report", "exercise",
})
"""Dated events a deadline relation may name: "until the May 2026 meeting", "before the 2027 elections". With no
relation of its own ("will attend the May 2026 meeting") the date only names the event."""
_EDGE_BEFORE = (("the", "end", "of"), ("end", "of"), ("the", "close", "of"))
"""An edge the tagger left outside the expression ("before the end of May"): the deadline is the period's end."""
_NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "amod", "npadvmod", "conj"}
_PREP_LIKE_DEPS = {"prep", "agent", "mark"}
_ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "dative", "csubj"}
_NON_FINITE = {"VB", "VBG", "VBN"}
_NOUN_POS = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"}
_MODIFIER_DEPS = {"nummod", "compound", "amod", "poss", "nmod", "quantmod"}
_INNER_CLAUSE_DEPS = {"acl", "relcl", "advcl", "pcomp", "xcomp", "conj", "ccomp"}
_PREP_TAGS = {"IN", "TO"}
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_RANGE = re.compile(r"^\s*(?:the\s+)?(\d{4})\s*(?:-|–|—|to|/)\s*(\d{2}|\d{4})\s*$", re.I)
_COARSE = re.compile(r"\d{4}-(?:H[12]|SP|SU|FA|WI)$")
"""Halves and seasons have no ISO 8601 value: a deadline in one carries the year it ends in (``resolved`` its last
day), and the first half the month it ends in (as ``_MID_YEAR``)."""
_MID_YEAR = re.compile(r"\bmid(?:-|\s+)(?:\d{4}|year|next year|this year)\b|\bmiddle of\b", re.I)
""""mid-2027", "the middle of next year": June of that year."""
_SPAN_AFTER = re.compile(r"\s+(?:to|ending|ended|through)\s+(?:\d|[A-Z])")
_STARTING = re.compile(r"\s*,?\s*(?:(?:starting|beginning|commencing|effective|counting)\s+)?(?:on\s+|from\s+|as\s+of\s+)?(?:the\s+)?",
                       re.I)
"""What joins a period to the date it starts on: "for three years from", "for one year, beginning on"."""
_SAME_DATE = re.compile(r"\b(by|from|on|before|until|as of|starting|effective)\s+((?:the\s+)?same\s+(?:date|day|deadline)|that\s+(?:date|day))\b", re.I)
"""A deadline written as the one just given, where the tagger finds no time expression ("from the same date")."""
_SAME = re.compile(r"(?:the\s+)?same\s+(?:year|date|day|month|deadline)", re.I)
_SEASON = re.compile(r"-(?:SP|SU|FA|WI)$")
_RECURRING_AFTER = re.compile(r"\s*(?:of|in)\s+(?:each|every)\b", re.I)


@Language.factory(
    "pledgewatch_deadline_linker",
    default_config={},
    requires=["doc._.commitments", "doc._.time_expressions"],
    assigns=["doc._.commitments"],
)
def make_deadline_linker(nlp: Language, name: str) -> "DeadlineLinker":
    return DeadlineLinker(name=name)


_FINANCIAL_YEAR = re.compile(r"(?i)\bFY\s?'?\d|\b(?:fiscal|financial|budget)\b")
_SPLIT_YEAR = re.compile(r"(?<![\d/-])(\d{4})[-/–](\d{2}|\d{4})(?![\d/-])")
_OTHER_YEARS = re.compile(r"(?i)\b(?:academic|school|university|season|crop|harvest|marketing|sugar|cotton)\b")
_CURRENT_FINANCIAL_YEAR = re.compile(
    r"(?i)\b(this|the current|the|its|their|next|the next|the coming|the following|last|the last|the previous)\s+"
    r"(?:fiscal|financial|budget)\s+year\b")


def _financial_year(expr: TimeExpression, family: str, value: str | None, resolved: str | None,
                    year_end: str | None, doc_date: str | None, after: str = "",
                    named_by_start: bool = False) -> tuple[str | None, str | None]:
    """A financial year named as a deadline ("by 2027-28", "in FY2026-27", "in fiscal 2028", "by the end of the
    fiscal year"), for a state whose financial year ends on ``year_end`` (MM-DD): that day of the year it ends in
    ("from" it: the day after the year before ends); "this/next financial year" counts from the document date; where
    a state names its financial years by the year they start in (``named_by_start``), "FY2027" ends a year later."""
    if not year_end or not value or not re.fullmatch(r"\d{4}", value):
        return value, resolved
    split = _SPLIT_YEAR.search(expr.text)
    if split and int(split.group(2)) % 100 != (int(split.group(1)) + 1) % 100:
        return value, resolved  # "over 2026-2028": a span of years, not one financial year
    if not split and not _FINANCIAL_YEAR.search(expr.text) or _OTHER_YEARS.search(expr.text + after):
        return value, resolved  # (not "the 2026-27 academic session", "the 2027-28 season")
    year = int(value)
    if named_by_start and not split:
        year += 1  # Japan's "FY2027" ends in March 2028
    current = _CURRENT_FINANCIAL_YEAR.search(expr.text)
    if current and doc_date and re.match(r"\d{4}-\d{2}-\d{2}", doc_date):
        written = date.fromisoformat(doc_date[:10])
        month, day = (int(x) for x in year_end.split("-"))
        year = written.year if (written.month, written.day) <= (month, day) else written.year + 1
        word = current.group(1).lower()
        year += 1 if word.endswith(("next", "coming", "following")) else -1 if word.endswith(("last", "previous")) else 0
    if family == "from":
        start = date.fromisoformat(f"{year - 1}-{year_end}") + timedelta(days=1)
        return start.isoformat(), start.isoformat()
    end = f"{year}-{year_end}"
    return end, end


@dataclass
class _Candidate:
    expr: TimeExpression
    family: str
    root: int
    direct: bool
    edge: bool = False
    start: TimeExpression | None = None  # the date a period starts on ("for three years from 1 April 2027")


class DeadlineLinker(JSONState, Pipe):
    """Pick, for every commitment, the time expression that binds the committed action."""

    def __init__(self, name: str = "pledgewatch_deadline_linker", *, relations: dict[str, list[str]] | None = None,
                 fiscal_year_ends: dict[str, str] | None = None, fiscal_years_named_by_start: list[str] | None = None):
        self.name = name
        self.relations: dict[str, list[str]] | None = None
        self.fiscal_year_ends: dict[str, str] | None = dict(fiscal_year_ends) if fiscal_year_ends is not None else None
        self.fiscal_years_named_by_start: list[str] = list(fiscal_years_named_by_start or [])
        if relations is not None:
            self._set_relations(relations)

    # ------------------------------------------------------------------ rules
    def initialize(self, get_examples=None, *, nlp=None, relations=None, patterns_dir=None) -> None:
        """Load the relation table: ``relations`` (family -> phrases), else the time tagger's rules in ``nlp``,
        else ``patterns_dir`` (default: the shipped ``patterns/``) ``time_expressions.json``; the states' financial
        years (``fiscal_year_ends``) come from the same rules."""
        rules = None
        if nlp is not None and patterns_dir is None and "pledgewatch_time_tagger" in nlp.pipe_names:
            rules = nlp.get_pipe("pledgewatch_time_tagger").rules
        if rules is None and (relations is None or self.fiscal_year_ends is None):
            rules = load_time_rules(patterns_dir)
        if relations is None:
            relations = rules.relations
        if rules is not None:
            self._set_fiscal(rules, patterns_dir)
        self._set_relations(relations)

    def _set_relations(self, relations: dict[str, list[str]]) -> None:
        self.relations = {family: list(phrases) for family, phrases in relations.items()}
        self._phrases = sorted(
            ((tuple(p.lower().split()), family) for family, phrases in self.relations.items() for p in phrases),
            key=lambda item: -len(item[0]),
        )

    def _table(self) -> list[tuple[tuple[str, ...], str]]:
        if self.relations is None:  # added with nlp.add_pipe and never initialised: the shipped table
            self._set_relations(load_time_rules(None).relations)
        return self._phrases

    def _fiscal_ends(self) -> dict[str, str]:
        if self.fiscal_year_ends is None:
            self._set_fiscal(load_time_rules(None), None)
        return self.fiscal_year_ends

    def _set_fiscal(self, rules, patterns_dir) -> None:
        """The states' financial years, and each province's, state's or prefecture's as its country's (from the
        alias table's regions: "by 2027-28" in Kerala's budget ends with India's financial year)."""
        ends, by_start = dict(rules.fiscal_year_ends), list(rules.fiscal_years_named_by_start)
        folder = Path(patterns_dir) if patterns_dir else default_dir()
        folder = folder if folder.is_dir() else folder.parent
        regions = load_actors(folder) if (folder / "actors.jsonl").is_file() else []
        for actor in regions:
            if actor.kind == "region" and actor.country:
                if actor.country in ends:
                    ends.setdefault(actor.canonical, ends[actor.country])
                if actor.country in by_start and actor.canonical not in by_start:
                    by_start.append(actor.canonical)
        self.fiscal_year_ends, self.fiscal_years_named_by_start = ends, by_start

    def get_state(self) -> dict:
        return {"relations": self.relations, "fiscal_year_ends": self.fiscal_year_ends,
                "fiscal_years_named_by_start": self.fiscal_years_named_by_start}

    def set_state(self, state: dict) -> None:
        relations, ends = state.get("relations"), state.get("fiscal_year_ends")
        by_start = state.get("fiscal_years_named_by_start")
        self.__init__(self.name, relations=relations if isinstance(relations, dict) else None,
                      fiscal_year_ends=ends if isinstance(ends, dict) else None,
                      fiscal_years_named_by_start=by_start if isinstance(by_start, list) else None)

    # ------------------------------------------------------------------ call
    def __call__(self, doc: Doc) -> Doc:
        commitments = doc._.commitments or []
        if not commitments or not len(doc):
            return doc
        starts, _ = bounds(doc)
        text = doc_cache.text(doc)
        offsets = doc.to_array(IDX).tolist()  # token start offsets, without building a Token per token
        by_sentence: dict[int, list[tuple[TimeExpression, int, int]]] = {}
        for expr in doc._.time_expressions or []:
            first = bisect_right(offsets, expr.start) - 1
            end = bisect_left(offsets, expr.end)
            if first < 0 or end <= first:
                continue
            by_sentence.setdefault(starts[first], []).append((expr, first, end))
        previous: Deadline | None = None  # the last deadline linked, for "by the same year"
        dated: Deadline | None = None  # the last that is a date, for "from the same date"
        verbs = frozenset(c.verb_i for c in commitments)
        for c in commitments:
            others = verbs - {c.verb_i}
            found = self._governing(doc, text, by_sentence, starts, c, _targets(doc, c), c.start, c.end, others)
            if not found and c.chapeau_start is not None and c.chapeau_end is not None:
                chapeau = doc[c.chapeau_start : c.chapeau_end]
                # the chapeau's own verbs, not a participle inside a noun phrase ("With the funds pledged today, FAO will:")
                targets = {t.i for t in chapeau if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl", "amod")}
                found = self._governing(doc, text, by_sentence, starts, c, targets, chapeau.start_char,
                                        chapeau.end_char, others)
            if not found and doc[c.verb_i].pos_ == "ADP":
                found = self._inside_a_step(doc, by_sentence, starts, c)
            found = [f for f in found or [] if not _pledge_day(doc, f, c)]
            if found:
                best = _best(doc, _own_before_gapped(doc, c, found))
                expr = _spelled_out(text, best.expr, by_sentence.get(starts[c.verb_i], ()))
                if expr is not best.expr:
                    best = replace(best, expr=expr)
                value, resolved = _ahead(expr, _value(doc, best), _resolve(expr, best.family, doc._.doc_date),
                                         doc._.doc_date)
                begins = best.start and (best.start.resolved or best.start.value or "")
                if begins and value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", begins[:10]) and resolved is None:
                    landed = add_duration(date.fromisoformat(begins[:10]), value)  # where the period started ends
                    resolved = landed.isoformat() if landed else None
                ends = self._fiscal_ends()
                value, resolved = _financial_year(expr, best.family, value, resolved, ends.get(c.actor_canonical or ""),
                                                  doc._.doc_date, text[expr.end : expr.end + 20],
                                                  c.actor_canonical in self.fiscal_years_named_by_start)
                c.deadline = Deadline(start=expr.start, end=expr.end, text=expr.text, relation=best.family,
                                      value=value, resolved=resolved)
                if _SAME.fullmatch(expr.text) and previous is not None and 0 <= expr.start - previous.end < 600:
                    # "halve emissions by 2030 ... and source all its power from renewables by the same year": the
                    # deadline just given, not the last year written (a "2019 baseline")
                    c.deadline = replace(c.deadline, value=previous.value, resolved=previous.resolved)
                c.time_bound = True
                previous = c.deadline
            elif label := year_label(text, c.start):
                # a milestone list's "- 2033: The Kostolac A units will be retired": the label's year binds the item
                c.deadline = Deadline(start=label.start(1), end=label.end(1), text=label.group(1), relation="by",
                                      value=label.group(1), resolved=f"{label.group(1)}-12-31")
                c.time_bound = True
                previous = c.deadline
            elif dated is not None:
                # "... effective December 1, 2027; - apply a zero tariff ... from the same date": the date just given
                same = _SAME_DATE.search(text, c.start, c.end)
                if same and 0 <= same.start() - dated.end < 600:
                    c.deadline = Deadline(start=same.start(1), end=same.end(), text=text[same.start(1) : same.end()],
                                          relation=self._family(same.group(1)), value=dated.value,
                                          resolved=dated.resolved)
                    c.time_bound = True
                    previous = c.deadline
            if previous is not None and previous.value and not previous.value.startswith("P"):
                dated = previous  # the last deadline that is a date, not a duration ("for one year")
        return doc

    def _family(self, word: str) -> str:
        """The relation family (by, until, from, on, ...) the relation table puts a word in ("effective" -> from)."""
        word = " ".join(word.lower().split())
        return next((family for family, phrases in (self.relations or {}).items()
                     if word in (" ".join(p.lower().split()) for p in phrases)), "by")

    def _governing(self, doc: Doc, text: str, by_sentence, starts: list[int], c: Commitment, targets: set[int],
                   lo_char: int, hi_char: int, others: frozenset[int] = frozenset()) -> list[_Candidate]:
        if not targets:
            return []
        anchor = min(targets)
        out = []
        for expr, first, end in by_sentence.get(starts[anchor], ()):
            if not _can_bind(text, expr):
                continue
            family, lead, edge = self._relation(doc, expr, first)
            if family is None:
                continue
            if any(_absolute_clause(doc[j]) for j in lead):
                continue  # "..., with construction starting in the second quarter of 2027": its own subject's time
            if lead and _when_said(doc, min(lead), targets):
                continue  # "Aldric said on Tuesday it would cut ...": when it was said, not by when it is done
            inside = set(range(first, end)) | lead
            root = _root(doc, first, end)
            counted = _counted_from_a_clause(doc, root, end)
            if counted is not None and expr.type == "DURATION":
                # "publish the rule no later than 90 days after the assessment is completed": the parse hangs the
                # duration on the clause it counts from; the deadline is the action's
                inside |= set(range(first, counted.i + 1))
                root = counted.i
            future = _not_past(expr, doc._.doc_date)
            argument = doc[root].dep_ in _ARGUMENT_DEPS and not (
                expr.type == "DATE" and family == "by" and doc[first - 1].lower_ == "by")  # "by end-May 2026" misparsed
            if argument or family == "from" and expr.type == "DURATION":
                continue  # "will be given 12 months to...", "after a week of clashes": not a time adjunct
            if _scope_of_a_name(doc[root], lead, expr):
                continue  # "the Roadmap to 2030", "the Budget for 2027", "the year to March 2025"
            preposition = doc[min(lead)].lower_ if lead else ""
            if (_in_a_clause_of_its_own(doc[root], targets, preposition) or _after_condition(doc, c.verb_i, first)
                    or _in_a_fronted_condition(doc, c.verb_i, first, starts[first]) or preposition in ("before", "after", "prior") and _after_a_participle(doc, min(lead), targets)):
                continue  # "contracts signed before 1 January 2026", "a MoU, which shall be signed by ...",
                # "subject to approval by its board in June": another act's time, or the condition's
            verdict = _attachment(doc[root], targets, inside, family, future, c.verb_i,
                                  duration=expr.type == "DURATION", others=others)
            nominal = future and doc[c.verb_i].pos_ not in ("VERB", "AUX")  # "Denmark: DKK 400 million, to be paid in 2026"
            if verdict is None and lo_char <= expr.start and expr.end <= hi_char and (family in DEADLINE_FAMILIES or nominal):
                verdict = _reaches_root_cleanly(doc[root], inside)
            if verdict:
                family = _end_relation(doc[root], targets) or family
                out.append(_Candidate(expr, family, root, verdict == "direct", edge))
        return out

    def _inside_a_step(self, doc: Doc, by_sentence, starts: list[int], c: Commitment) -> list[_Candidate]:
        """A further step of a target ("... and to 70 percent by 2035"): its span ends with its own date."""
        out = []
        for expr, first, end in by_sentence.get(starts[c.verb_i], ()):
            if c.start <= expr.start and expr.end <= c.end:
                family, lead, edge = self._relation(doc, expr, first)
                if family in ("by", "until", "within", "on"):
                    out.append(_Candidate(expr, family, _root(doc, first, end), True, edge))
        return out

    def _ends_with_phrase(self, words: list[tuple[str, int]]) -> bool:
        """The words end with a relation phrase of two or more words ("as of"), which skipping would break."""
        lowered = tuple(w for w, _ in words[-4:])
        return any(len(p) > 1 and lowered[-len(p):] == p for p, _ in self._table())

    def _relation(self, doc: Doc, expr: TimeExpression, first: int) -> tuple[str | None, set[int], bool]:
        """The relation family introducing ``expr``, the token indices of its words (they count as part of the
        expression when climbing the parse) and whether an edge ("the end of") sits between them; the family is
        None when an unrelated preposition ("of", "since", "under") introduces the expression."""
        words: list[tuple[str, int]] = []
        i = first - 1
        while i >= 0 and len(words) < 8 and doc[i].is_alpha:
            words.insert(0, (doc[i].lower_, i))
            i -= 1
        edge = False
        for phrase in _EDGE_BEFORE:
            if tuple(w for w, _ in words[-len(phrase):]) == phrase:
                words, edge = words[: -len(phrase)], True
                break
        skipped: set[int] = set()
        while words and words[-1][0] in _SKIPPED_BEFORE and not self._ends_with_phrase(words):
            skipped.add(words.pop()[1])
        if edge or skipped:
            skipped |= set(range(words[-1][1] + 1 if words else first, first))
        lowered = tuple(w for w, _ in words)
        duration = expr.type == "DURATION"
        if len(lowered) >= 2 and lowered[-1] == "with" and lowered[-2] in ("starting", "beginning", "commencing"):
            # "starting with the November service change", "beginning with the 2025-26 school year": the event
            # the date names is where the action starts (its noun counts as part of the expression)
            with_token = doc[words[-1][1]]
            noun = next((c for c in with_token.children if c.dep_ == "pobj"), None)
            lead = {words[-1][1], words[-2][1]} | skipped
            if noun is not None and noun.i >= first:
                lead |= set(range(first, noun.i + 1))
            return "from", lead, edge
        for phrase, family in self._table():
            n = len(phrase)
            if n <= len(lowered) and lowered[len(lowered) - n :] == phrase:
                lead = {j for _, j in words[len(words) - n :]} | skipped
                before = lowered[: len(lowered) - n]
                if phrase[-1] in _POINT_ONLY and before:
                    # "starting in April", "beginning on 1 May", "starting with the 2026 reporting year"
                    for outer, outer_family in self._table():
                        m = len(outer)
                        if outer_family == "from" and m <= len(before) and before[len(before) - m :] == outer:
                            return "from", lead | {j for _, j in words[len(words) - n - m : len(words) - n]}, edge
                if phrase == ("with",):
                    return None, lead, edge
                at = words[len(words) - n][1] - 1
                if not _temporal_use(doc, phrase, at, expr):
                    return None, lead, edge
                if family == "within" and not duration:
                    family = "on"
                elif family in ("during", "on") and duration:
                    family = "for"
                if family == "for" and duration and _measures_an_amount(doc, expr):
                    return None, lead, edge
                if phrase == ("to",) and duration and _spell_of(doc, expr, first):
                    return "for", lead, edge  # "agreed to a 10-day truce": how long it holds
                if phrase == ("to",) and duration and not (before and before[-1] in ("for", "up")):
                    return None, lead, edge  # "cut waiting times to a maximum of 90 days": a target, not a time
                if phrase == ("by",) and duration and not _measured_from(doc, expr):
                    return None, lead, edge  # "extend the maturities by 12 years": an amount of time, not a date
                return family, lead, edge
        if any(doc[j].tag_ in _PREP_TAGS for j in skipped | {first - 1} if j >= 0):
            return None, set(), edge
        if duration and (_measure_of_a_noun(doc, first) or _modifies_a_noun(doc, expr, first)):
            return None, set(), edge
        return ("for" if duration else "on"), skipped, edge


_COMPARATIVE_WORDS = frozenset({"not", "no", "less", "more", "than", "at", "least", "most", "over", "under", "fewer"})


def _spell_of(doc: Doc, expr: TimeExpression, first: int) -> bool:
    """The duration modifies a truce, pause or moratorium ("agreed to a 10-day humanitarian truce")."""
    i = first
    while i < len(doc) and doc[i].idx < expr.end:
        if doc[i].head.idx >= expr.end:
            return doc[i].head.lower_ in SPELL_NOUNS
        i += 1
    return False


_COUNTED_FROM = re.compile(r"\s*(?:from|after|of|following|since|now|time|['’]s? time)\b", re.IGNORECASE)


def _measured_from(doc: Doc, expr: TimeExpression) -> bool:
    """A duration counted from a point ("by two years from now", "by 90 days after signature"): it ends on a
    date; a bare one ("delay the launch by two years") is an amount."""
    if expr.value in ("PRESENT_REF", "FUTURE_REF") or expr.resolved:
        return True
    return _COUNTED_FROM.match(doc_cache.text(doc), expr.end) is not None


def _measure_of_a_noun(doc: Doc, first: int) -> bool:
    """A duration that measures a thing, after "of" and a noun: "a pre-departure course of not less than 40
    hours", "a grace period of ..." excepted (a period noun makes it a time)."""
    i = first - 1
    while i >= 0 and doc[i].lower_ in _COMPARATIVE_WORDS:
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].pos_ == "NOUN" and doc[i - 1].lower_ not in PERIOD_NOUNS


def _modifies_a_noun(doc: Doc, expr: TimeExpression, first: int) -> bool:
    """A bare duration that pre-modifies a noun other than an arrangement that lasts ("including a five-year
    grace period on principal", "a 12-month pilot"): the length of that thing, not the action's time ("a 90-day
    suspension" is how long the commitment holds)."""
    i = first
    while i < len(doc) and doc[i].idx < expr.end:
        head = doc[i].head
        if head.idx >= expr.end:
            return (head.pos_ == "NOUN" and head.i > i and doc[i].dep_ in _MODIFIER_DEPS
                    and head.lower_ not in SPELL_NOUNS)
        i += 1
    return False


_MEASURED_AFTER = frozenset({
    "demand", "consumption", "supply", "supplies", "imports", "exports", "cover", "coverage", "reserves", "needs",
    "requirements", "use", "usage", "output", "production", "leave", "stock", "stocks", "fuel", "food", "water",
})
"""After "for N days of", nouns that make the duration an amount: "a stockpile sufficient for 90 days of demand"."""


def _measures_an_amount(doc: Doc, expr: TimeExpression) -> bool:
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return False
    for token in doc[span.end + 1 : span.end + 4]:
        if token.pos_ in ("NOUN", "PROPN"):
            return token.lower_ in _MEASURED_AFTER
    return False


_NOT_TEMPORAL_BEFORE = frozenset({
    "compared", "comparison", "relative", "according", "pursuant", "equivalent", "similar", "close", "back",
    "contrary", "due", "thanks", "owing", "proportion", "ratio",
})
"""Words that make the next "to"/"with"/"from" no time relation: "a 30% cut relative to 2005", "compared to 2019"."""
_COMPARING = frozenset({"compared", "comparison", "relative", "equivalent", "similar", "close", "contrary", "proportion",
                        "ratio"})
"""Those of them that compare, and so block only "to", "with" and "from"; "due", "back", "according" block any."""
_BASELINE_BEFORE = frozenset({"%", "percent", "cent", "pc", "percentage", "points", "levels"})
"""A "from" + year after a quantity names a baseline: "cut emissions by 45% from 2019" (but "raise tariffs by 7
percent from January 1, 2026" starts on a day)."""
_IN_A_SPAN_BEFORE = frozenset({"time", "first", "highest", "lowest", "largest", "biggest", "worst", "best"})
""""in" + duration after these measures a span, not a deadline: "for the first time in ten years"."""


def _when_said(doc: Doc, lead: int, targets) -> bool:
    """The time phrase sits between a speech verb and the subject of the clause it reports ("said on Tuesday it
    would ...", "announced last week that it will ..."): the time of the saying."""
    if lead < 1 or doc[lead - 1].pos_ != "VERB" or doc[lead - 1].tag_ not in ("VBD", "VBZ", "VBN"):
        return False
    verb = doc[min(targets)]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and lead < subject.i and doc[lead - 1].i < subject.i and doc[lead - 1] != verb and (
        doc[lead - 1].lemma_ in _SPEECH_LEMMAS)


_SPEECH_LEMMAS = frozenset({"say", "tell", "announce", "state", "confirm", "pledge", "promise", "vow", "add", "write",
                            "declare", "report", "indicate", "insist", "warn", "commit", "agree", "reiterate"})


def _money(doc: Doc, at: int) -> bool:
    """The number ending at token ``at`` is an amount of money ("to $60 million from 2028": a start, no baseline)."""
    return any(t.tag_ == "$" or t.ent_type_ == "MONEY" or (len(t.text) == 3 and t.text.isupper() and t.text.isalpha()
                                                          and t.text[:2] not in ("CO", "GH"))  # "NOK", "EUR", not "CO2"
               or t.lower_ in ("euros", "dollars", "pounds", "yen", "yuan", "francs", "rupees", "pesos", "kroner")
               for t in doc[max(0, at - 4) : at + 1])


def _temporal_use(doc: Doc, phrase: tuple[str, ...], at: int, expr: TimeExpression) -> bool:
    """False when the relation phrase ending right before ``expr`` (its first word follows token ``at``) is not
    used as a time relation here: a comparison ("relative to 2005"), a baseline ("45% from 2019"), a status date
    ("arrears outstanding as of June 30, 2025", read when the date is not in the future), a span ("the first
    time in ten years")."""
    before = doc[at].lower_ if at >= 0 else ""
    if before in _NOT_TEMPORAL_BEFORE and (phrase[0] in ("to", "with", "from") or before not in _COMPARING):
        return False  # (but "recognize the system as equivalent by March 31, 2026": "by" after a comparing word)
    if phrase == ("from",) and re.fullmatch(r"\d{4}", expr.value or "") and (
            before in _BASELINE_BEFORE or doc[at].like_num and not _money(doc, at) if at >= 0 else False):
        return False
    if phrase == ("in",) and expr.type == "DURATION" and (before in _IN_A_SPAN_BEFORE or doc[at].tag_ == "JJS"
                                                          if at >= 0 else False):
        return False
    if phrase in (("as", "of"), ("as", "at")) and not _not_past(expr, doc._.doc_date):
        return False
    return True


SCOPE_NOUNS = frozenset({
    "agenda", "vision", "roadmap", "strategy", "plan", "programme", "program", "pathway", "framework", "budget",
    "outlook", "forecast", "forecasts", "projection", "projections", "scenario", "estimates", "accounts",
    "dividend", "dividends", "payout", "quota", "quotas", "allocation", "guidance",
})
"""Nouns a "to"/"for" + date names the span of ("the Roadmap to 2030", "the Budget for 2027"), like a title's
proper nouns ("Pathway to 2050"); with a period noun "to" dates a report ("the year to March 2025")."""


SEAT_NOUNS = frozenset({"candidature", "candidacy", "bid", "seat", "membership", "council", "presidency",
                        "chairmanship", "chair"})
"""Nouns whose "for" + dates names a term of office, not a deadline: "a non-permanent seat for 2032-2033"."""


def _scope_of_a_name(token: Token, lead: set[int], expr: TimeExpression) -> bool:
    """True when the expression (``token`` is its root) follows a bare "to"/"for" right after a plan's name or,
    for "to", a period noun: the date is the span of what is named, not a deadline for the action. Read from
    the words, not the parse, which hangs "to 2030" on the verb as often as on the noun."""
    doc = token.doc
    first = min(lead) if lead else token.i
    if (expr.type != "DURATION" and first >= 1 and doc[first].lower_ == "for"
            and doc[first - 1].lower_ in SEAT_NOUNS):
        return True  # "Spain's candidature for membership ... for the term 2028-2030": the seat's term
    if expr.type == "DURATION" or len(lead) != 1 or first < 1 or doc[first].lower_ not in ("to", "for"):
        return False
    noun = doc[first - 1]
    if doc[first].lower_ == "to" and noun.lower_ in PERIOD_NOUNS and any(
            c.dep_ == "nummod" or c.lower_ in ("next", "coming") for c in noun.children) and _not_past(expr, doc._.doc_date):
        return False  # "provide 9 billion pounds over the three years to March 2030": the period ends on the date
    return noun.lower_ in SCOPE_NOUNS or doc[first].lower_ == "to" and noun.lower_ in PERIOD_NOUNS


_MISPARSED_VERB_DEPS = {"compound", "amod", "nmod", "npadvmod", "nsubj", "nsubjpass", "dobj", "pobj", "appos"}


def _targets(doc: Doc, c: Commitment) -> set[int]:
    """The action verb and the chain verbs above it, not the verbs it is coordinated with."""
    chain = set(c.chain) | {c.verb_i}
    targets = {c.verb_i}
    token = doc[c.verb_i]
    if token.pos_ == "VERB" and token.dep_ in _MISPARSED_VERB_DEPS:
        # a bullet's verb the parser made a noun's modifier ("- Accept export certificates ... by June"):
        # the item's root stands in for it
        while token.head.i != token.i and len(targets) < 12:
            token = token.head
            targets.add(token.i)
            if token.i in chain:
                break  # "had no intention of proposing changes": up to the cue's verb, not the clause it joins
        return targets
    # a participle the detector read as part of the action ("cut emissions from its plants and purchased energy
    # by 70% by 2030"): its dates are the action's
    targets |= {t.i for t in token.children if t.dep_ == "conj" and t.i in chain}
    for _ in range(12):
        if token.dep_ == "conj" or token.head.i == token.i:
            break
        token = token.head
        if token.i in chain:
            targets.add(token.i)
    return targets


def _can_bind(text: str, expr: TimeExpression) -> bool:
    if is_vague(expr) or expr.type == "SET" or expr.value is None:
        return False
    if expr.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return False
    if expr.type == "DURATION" and "X" in expr.value:
        return False  # "in the coming weeks", "a period": no number
    if expr.type == "TIME" and _CLOCK_ONLY.fullmatch(expr.text.strip()):
        return False  # "open until 8 p.m. this summer": an hour of the day, not a deadline
    if expr.type != "DURATION" and _RECURRING_AFTER.match(text, expr.end, expr.end + 20):
        return False  # "by March 31 of each year" (but "within two days of each decision" binds)
    if _SPAN_AFTER.match(text, expr.end, expr.end + 20) and expr.text.lower().split()[-1] in PERIOD_NOUNS:
        return False  # "for the year to March 2025", "the six months ended 30 June": a reporting period
    if _SEASON.search(expr.value) and not re.search(r"\d|\b(?:this|next|coming)\b", expr.text, re.I):
        return False  # "in the autumn": a season the text gives no year is a rough time, not a deadline
    return True


def _root(doc: Doc, first: int, end: int) -> int:
    """The token of ``doc[first:end]`` whose head lies outside it (the rightmost, if several; but a token the
    parser lent to the next noun as a modifier gives way to one that is a preposition's object: "by September
    30, 2026 amendments that ..." read with "2026" as a number of "amendments")."""
    outside = [i for i in range(first, end) if not first <= doc[i].head.i < end or doc[i].head.i == i]
    if not outside:
        return end - 1
    governed = [i for i in outside if doc[i].dep_ not in _MODIFIER_DEPS and doc[i].dep_ not in ("det", "predet")]
    return (governed or outside)[-1]


def _attachment(token: Token, targets: set[int], inside: set[int], family: str, future: bool,
                action: int, *, duration: bool = False, others: frozenset[int] = frozenset()) -> str | None:
    """"direct" when the climb from the expression reaches a target verb crossing only prepositions and
    adverbials, "crossed" when it had to cross the object's nouns or an inner clause, None otherwise."""
    deadline = family in DEADLINE_FAMILIES
    crossed = False
    if token.dep_ in _MODIFIER_DEPS and token.head.i not in inside:
        head = token.head
        held_at = (head.lower_ in EVENT_NOUNS and head.dep_ == "pobj" and head.head.lower_ in ("at", "during")
                   and head.head.head.i in targets and future)  # "review progress at its October 2026 meeting"
        spell = duration and head.lower_ in SPELL_NOUNS
        if head.pos_ in ("NOUN", "PROPN") and head.lower_ not in PERIOD_NOUNS and not spell and not held_at and not (
                deadline and head.lower_ in EVENT_NOUNS and head.head.i in inside and head.head.dep_ != "agent"):
            return None  # "the 2030 Agenda", "a 2019 baseline", "from 2020 levels", "attend the May 2026 meeting"
        inside = inside | {head.i}
        token = head
    for _ in range(24):
        head = token.head
        if head.i in targets:
            if family in ("on", "during") and _past(head) and not crossed:
                return None  # "pledged in March 2023 to...": the date of the pledge (not "committed to a
                # reduction in the deficit over 2026-27", where the date is the object's)
            return "crossed" if crossed else "direct"
        if head.i == token.i:
            return None
        if head.i not in inside:
            kind = _kind(head)
            if kind == "clause" and _closed_parenthetical(head, token):
                kind = "noun"  # "the plan, prepared in line with X, alongside its report in March 2026"
                if not deadline and not future:
                    return None
                crossed = True
            elif kind == "clause" and family == "by" and _bare_participle(head):
                crossed = True  # "for all owned and leased warehouses by 2027": the date closes the action, not "leased"
            elif kind == "clause" and head.dep_ == "advcl" and _dated_end(head):
                crossed = True  # "disbursed before the financial year ends on June 30": the end is the deadline
            elif kind == "clause":
                if _absolute_clause(head):
                    return None  # "..., with passenger services beginning no later than December 2031": its own subject's time
                if head.dep_ == "relcl" and head.i in others:
                    return None  # "a Working Group, which will meet within 60 days": that clause's own commitment
                if head.i in others and head.dep_ in ("ccomp", "advcl", "parataxis") and _own_subject(head):
                    return None  # "The UN will convene ... within seven days and ... the Office will deploy ...",
                    # parsed with the first clause under the second: that clause's own commitment and date
                if head.dep_ == "relcl" and any(c.tag_ == "MD" for c in head.children) and any(
                        c.lower_ == "of" and any(g.lower_ in ("which", "whom") for g in c.children)
                        for c in head.subtree if c.i < head.i):
                    return None  # "EUR 60 million, of which EUR 15 million will be disbursed by April": its own time
                if head.dep_ in ("relcl", "acl", "appos") and _finite_not_future(head) and not (
                        family == "by" and _present_description(head)):
                    return None  # "..., a pledge he broke within eighteen months": a relative clause's own time
                if not deadline or head.dep_ not in _INNER_CLAUSE_DEPS:
                    return None  # another clause's time ("the measures announced on October 9")
                if head.dep_ == "conj" and not _shares_action(head, action):
                    return None  # a coordinated commitment's own deadline
                ensured = head.dep_ == "ccomp" and head.head.i in targets and (
                    head.head.lemma_ in _ENSURE_VERBS or _caused(head))
                if head.dep_ in ("advcl", "ccomp", "xcomp") and head.tag_ not in _NON_FINITE and not ensured:
                    return None  # a finite clause of its own (but "will ensure that every school has X by 2030")
                if head.dep_ == "advcl" and (_own_subject(head) or any(
                        c.dep_ == "mark" or c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ", "VBD", "MD")
                        for c in head.children)):
                    return None  # "if Russia does not agree to a ceasefire by 31 July": the condition's date
                if _past(head) and head.dep_ not in ("acl", "relcl"):
                    return None
                crossed = True
            elif kind == "noun":
                if not deadline and not future:
                    return None  # a past date inside the object ("the crisis in 2008")
                crossed = True
        token = head
    return None


_END_VERBS = frozenset({"end", "expire", "close", "lapse", "elapse", "run", "conclude", "finish"})


def _dated_end(verb: Token) -> bool:
    """A "before"/"until" clause that dates a period's end: "before the financial year ends on June 30",
    "until the current licence expires on 31 March 2027"."""
    return verb.lemma_.lower() in _END_VERBS and any(
        c.dep_ == "mark" and c.lower_ in ("before", "until", "till") for c in verb.children)


def _end_relation(token: Token, targets: set[int]) -> str | None:
    """"by" or "until" when the expression dates a period's end that the action comes before or lasts until."""
    for _ in range(12):
        head = token.head
        if head.i in targets or head.i == token.i:
            return None
        if head.dep_ == "advcl" and _dated_end(head):
            mark = next(c for c in head.children if c.dep_ == "mark")
            return "by" if mark.lower_ == "before" else "until"
        token = head
    return None


def _bare_participle(verb: Token) -> bool:
    """A past participle that only describes a noun of the object ("owned and leased warehouses"): no
    auxiliary, no subject, no object of its own."""
    top = verb
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    in_a_phrase = top.dep_ == "pcomp"  # "for all owned and leased warehouses": the parser's object is the noun
    return verb.tag_ == "VBN" and verb.dep_ in ("conj", "pcomp", "acl", "amod") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") or c.dep_ == "dobj" and not in_a_phrase
        for c in verb.children)


def _absolute_clause(verb: Token) -> bool:
    """A participle clause with its own subject after "with" ("..., with passenger services beginning no later
    than December 2031"): its time is that subject's, unless the subject is the action's own end ("with the
    final reduction taking place no later than 1 January 2035")."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBG", "VBN") or verb.head.dep_ != "pobj":
        return False
    subject = verb.head
    if subject.head.lower_ not in ("with", "without"):
        return False
    return not (subject.lemma_.lower() in ("completion", "end") or any(
        c.dep_ == "amod" and c.lower_ in ("final", "last", "full") for c in subject.children))


def _finite_not_future(verb: Token) -> bool:
    """A finite verb with no modal or infinitive marker: "a pledge he broke", "which took effect", "that
    expires". Such a relative clause narrates or describes, and its time is its own; a future or modal one
    ("a Joint Committee, which shall meet within one year", "the first meeting to be held within 90 days") is
    part of what is committed."""
    if any(c.dep_ in ("aux", "auxpass") and (c.tag_ in ("MD", "TO") or c.lower_ == "to") for c in verb.children):
        return False
    if _own_subject(verb):
        return True
    return verb.dep_ == "relcl" and verb.tag_ in ("VBD", "VBZ", "VBP")  # an acl "VBD" is a mis-tagged participle


def _present_description(verb: Token) -> bool:
    """A bare present-tense relative clause that only describes a noun of the object ("cut the commission on
    purchases that go through a third-party system to 12 percent by July 1", "raise the share of renewables in the
    electricity it generates to 30 percent by 2030"): a "by" date the parser hung on it closes the action, since
    what is true now has no deadline of its own."""
    if verb.dep_ != "relcl" or verb.tag_ not in ("VBZ", "VBP") or verb.lemma_ == "be":
        return False
    first = verb.left_edge.i
    restrictive = first == 0 or verb.doc[first - 1].text != ","  # not "..., which it expects to present by March"
    return restrictive and not any(c.dep_ in ("aux", "auxpass", "neg", "xcomp", "ccomp") for c in verb.children)


def _caused(verb: Token) -> bool:
    """The bare verb of a causative ("have outside auditors check its compliance by ...", "make suppliers
    publish ..."), which the tagger may read as finite: its time is the causing act's."""
    return (verb.head.lemma_ in ("have", "make", "get", "let") and verb.tag_ in ("VB", "VBP")
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children))


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "TO" for c in verb.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _closed_parenthetical(verb: Token, child: Token) -> bool:
    """A participle clause set off by commas ("the plan, prepared in line with the standards, alongside ...")
    to which the parser hung a phrase that comes after its closing comma: that phrase belongs to the main
    clause."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBG") or _own_subject(verb):
        return False
    before = verb.left_edge.i - 1
    if before < 0 or verb.doc[before].text != ",":
        return False
    return any(c.text == "," and verb.i < c.i < child.left_edge.i for c in verb.children)


def _kind(token: Token) -> str:
    """How the climb treats a token: a "clause" (a verb heading its own clause), a "noun" (including gerunds
    used as nouns: "end routine flaring by 2030") or "other" (prepositions, adverbs, "including")."""
    if token.pos_ in ("VERB", "AUX"):
        if token.dep_ in _PREP_LIKE_DEPS:
            return "other"
        if token.dep_ in _NOMINAL_DEPS - {"conj"}:
            return "noun"
        return "clause"
    if token.pos_ in _NOUN_POS and token.dep_ != "npadvmod":
        return "noun"
    return "other"


def _shares_action(verb: Token, action: int) -> bool:
    """A verb coordinated with the action verb that forms one action with it: no subject or auxiliary of its own,
    and the action verb has no object of its own ("halting and reversing deforestation by 2030"), unlike
    "will halt all attacks from midnight and pull weapons back within 72 hours"."""
    if verb.head.i != action or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return False
    if any(c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in verb.children):
        return True  # "develop a framework and present it to the Assembly no later than February 2027"
    return not any(c.dep_ in ("dobj", "attr", "oprd", "ccomp") for c in verb.head.children)


_CLOCK_ONLY = re.compile(r"(?:at |from )?[\d:.\s]+(?:[ap]\.?\s?m\.?|hrs?|hours|h|gmt|utc|[a-z]{2,4}t)?", re.I)
_ENSURE_VERBS = {"ensure", "guarantee", "assure"}  # what is ensured is the committed state: its date binds

_CONDITION_AFTER_VERB = re.compile(
    r"\b(?:subject to|provided that|providing that|on condition that|conditional on|contingent on|as long as|if|unless)\b")


def _after_condition(doc: Doc, verb_i: int, first: int) -> bool:
    """A condition opens between the action and the expression: the date is the condition's."""
    if first <= verb_i + 1:
        return False
    between = doc[verb_i + 1 : first]
    if any(t.text in (";", ".") for t in between):
        return False
    return _CONDITION_AFTER_VERB.search(between.text.lower()) is not None


def _counted_from_a_clause(doc: Doc, root: int, end: int) -> Token | None:
    """The clause a duration is counted from, when the parse made the duration its modifier: "90 days | after
    the assessment is completed" (the clause's verb, whose "after" follows the duration)."""
    head = doc[root].head
    if doc[root].dep_ != "npadvmod" or head.dep_ != "advcl" or end >= len(doc):
        return None
    mark = doc[end]
    if mark.dep_ == "mark" and mark.head.i == head.i and mark.lower_ in ("after", "following", "from", "once"):
        return head
    return None


def _in_a_fronted_condition(doc: Doc, verb_i: int, first: int, sentence_start: int) -> bool:
    """The expression sits in a condition that opens the sentence and is closed by a comma before the action
    ("Subject to a public consultation this winter, the City will ...", "If Paraguay ratifies before that date,
    the United States will ..."): the date is the condition's."""
    if first >= verb_i:
        return False
    opening = doc[sentence_start:first]
    cues = list(_CONDITION_AFTER_VERB.finditer(opening.text.lower()))
    if not cues:
        return False
    still_open = "," not in opening.text[cues[-1].end():]  # not "If Congress agrees, the agency will, by March 1, ..."
    return still_open and any(t.text == "," for t in doc[first + 1 : verb_i])


_CITING = frozenset({"refer", "mention", "list", "set", "specify", "describe", "define", "identify", "outline", "cite"})
"""Participles that cite a place in a text and carry no time ("the notifications referred to in paragraph 1
before 31 March 2027": the date is the exchange's)."""


def _in_object_of(token: Token, targets: set[int]) -> bool:
    """Whether ``token`` lies inside the direct object of a target verb."""
    for _ in range(12):
        if token.dep_ == "dobj" and token.head.i in targets:
            return True
        if token.head.i == token.i or token.head.i in targets:
            return False
        token = token.head
    return False


def _in_a_clause_of_its_own(token: Token, targets: set[int], preposition: str) -> bool:
    """The expression sits in a relative clause with its own modal on the way to the action ("reopen the market
    under a new MoU, which shall be signed no later than ..."; but not one about the object the action creates:
    "establish a Joint Committee, which shall meet within one year"), or dates a participle with "before"/"after" ("contracts signed
    before 1 January 2026"). A participle with "by" or "in" is left to the parse, which often hangs the
    action's own deadline there ("products manufactured in India by 1 July 2026")."""
    for _ in range(24):
        head = token.head
        if head.i in targets or head.i == token.i:
            return False
        created = _in_object_of(head.head, targets)  # "establish a Committee (of ...), which shall meet within a year"
        if head.dep_ in ("relcl", "acl") and head.pos_ in ("VERB", "AUX") and (
                any(c.tag_ == "MD" for c in head.children) and not created
                or head.dep_ == "acl" and head.tag_ == "VBN" and preposition in ("before", "after", "prior")
                and head.lemma_.lower() not in _CITING):
            return True
        token = head
    return False


def _after_a_participle(doc: Doc, at: int, targets: set[int]) -> bool:
    """The word before the relation ends a participle phrase on the object ("honour all contracts registered
    with the State Bank before 6 February"): the parse often hangs "before"/"after" on the main verb, but the
    date is the participle's, which picks out the things the action covers."""
    token = doc[at - 1] if at > 0 and not doc[at - 1].is_punct else None  # ", prepared by X, before June": closed
    for _ in range(12):
        if token is None or token.i in targets or token.head.i == token.i:
            return False
        if (token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN")
                and token.lemma_.lower() not in _CITING and not _own_subject(token)):
            return True
        token = token.head
    return False


def _not_past(expr: TimeExpression, doc_date: str | None) -> bool:
    """True unless the expression ends before the document date (unknown dates count as not past)."""
    when = expr.resolved or expr.value
    if not doc_date or not when or not re.match(r"\d{4}", when):
        return True
    return when[: len(doc_date)] >= str(doc_date)[: len(when)]


def _reaches_root_cleanly(token: Token, inside: set[int]) -> str | None:
    """A list item the parser mis-read: the climb from the expression reaches the sentence root without crossing
    a verb (so the expression is not inside a clause of its own)."""
    if token.dep_ in _MODIFIER_DEPS and token.head.i not in inside and token.head.lower_ not in PERIOD_NOUNS:
        return None
    for _ in range(24):
        head = token.head
        if head.i == token.i:
            return "crossed"
        if head.i not in inside and head.pos_ in ("VERB", "AUX") and (
                head.tag_ != "VB" and not _infinitive(head) or _own_subject(head)
                or any(c.dep_ == "mark" for c in head.children)):
            return None
        token = head
    return None


def _past(verb: Token) -> bool:
    """A verb in the past ("pledged", "has agreed"): its point-time adjuncts date the act, not a deadline."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _own_before_gapped(doc: Doc, c: Commitment, found: list[_Candidate]) -> list[_Candidate]:
    """The times inside the action's own words when the others follow a conjunction after it: "will connect to
    shore power at Rotterdam in 2027, and, by 2030, at every other berth" keeps 2027; "by 2030" dates the gapped
    second conjunct, which has no verb of its own to take it."""
    own = [f for f in found if c.start <= f.expr.start and f.expr.end <= c.end]
    if not own or len(own) == len(found):
        return found
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    after = span.end if span is not None else len(doc)
    for f in found:
        if f in own:
            continue
        if f.expr.start < c.end or not any(t.dep_ == "cc" for t in doc[after : max(after, _first_token(doc, f.expr.start))]):
            return found
    return own


def _first_token(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _pledge_day(doc: Doc, candidate: _Candidate, c: Commitment) -> bool:
    """The day a pledge was made, not its deadline: "pledged on Friday to make sure ...", "agreed on 3 May to
    cut ..." (an "on" date hung on the past-tense committing verb, not on the committed act)."""
    if candidate.family != "on":
        return False
    prep = doc[candidate.root].head
    verb = prep.head if prep.dep_ == "prep" else None
    return (verb is not None and verb.i != c.verb_i and verb.i in c.chain and verb.tag_ in ("VBD", "VBN")
            and not any(t.dep_ in ("aux", "auxpass") for t in verb.children))  # the tagger's VBN for a bare "pledged"


def _best(doc: Doc, found: list[_Candidate]) -> _Candidate:
    found.sort(key=lambda c: (PRIORITY.get(c.family, 9), not c.direct, c.expr.start))
    best = found[0]
    if best.expr.type == "DURATION":
        # "From June 1, the department will decide applications within 30 business days": the date the
        # undertaking starts on is the deadline; the duration is a standard the action keeps, like "for"
        dated = [c for c in found if c.family == "from" and c.expr.type == "DATE" and c.expr.end < best.expr.start]
        if dated:
            return dated[0]
    elif best.family == "from" and best.expr.type == "DATE":
        # "for three years from 1 April 2027", "for twelve months, beginning on 1 November": the period is the
        # commitment's term and the date only where it starts, so the period is the deadline (and lands on
        # start + period)
        text = doc_cache.text(doc)
        period = next((c for c in found if c.family == "for" and c.expr.type == "DURATION" and c.expr.end <= best.expr.start
                       and _STARTING.fullmatch(text[c.expr.end : best.expr.start])), None)
        if period is not None:
            return replace(period, start=best.expr)
    for other in found[1:]:
        # "on March 17 and March 31": the last of coordinated dates
        if other.family == best.family and doc[other.root].dep_ == "conj" and doc[other.root].head.i == best.root:
            best = other
    return best


def _value(doc: Doc, candidate: _Candidate) -> str | None:
    """The deadline's value: the tagger's (for "the end of May" as for "May": the day it lands on is ``resolved``),
    or the end of a year range ("over the period 2026-2030" -> 2030, also when the tagger read one year of it)."""
    expr = candidate.expr
    token = doc[candidate.root]
    if expr.value and (expr.value.endswith("-H1") or re.fullmatch(r"\d{4}", expr.value) and _MID_YEAR.search(expr.text)):
        return expr.value[:4] + "-06"  # the first half and the middle of a year end in June
    if expr.value and _COARSE.match(expr.value):
        return expr.value[:4]
    for text in (expr.text, token.text):
        m = _RANGE.match(text)
        if m and expr.value and expr.value[:4] in (m.group(1), m.group(1)[:2] + m.group(2)):
            end = m.group(2)
            return end if len(end) == 4 else m.group(1)[:2] + end
    return expr.value


def _spelled_out(text: str, expr: TimeExpression, nearby) -> TimeExpression:
    """The date a period without a number is said to end on, right after it: "before the end of its fiscal year
    in March 2028" is March 2028, not the year of the document."""
    if re.search(r"\d", expr.text):
        return expr
    for other, _, _ in nearby:
        if other.start > expr.end and re.fullmatch(r"\s*(?:,\s*|\s+in\s+|\s+on\s+|\s*\(\s*)", text[expr.end : other.start]) \
                and other.type == "DATE" and re.search(r"\d{4}", other.text):
            return other
    return expr


_YEARLESS_PART = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?|\bquarter\b|\bhalf\b|\bQ[1-4]\b|\bH[12]\b", re.I)
_YEAR_WORDS = re.compile(r"\d{4}|['’]\d{2}\b|\b(?:this|next|last|coming|current|previous|past|ago)\b", re.I)


def _ahead(expr: TimeExpression, value: str | None, resolved: str | None, doc_date) -> tuple[str | None, str | None]:
    """A deadline written without its year ("in the first quarter", "until the end of February", "by September")
    lies ahead of the text that commits to it: when the tagger's reading of it is already past on the document
    date, the same month or quarter of the next year. A time expression on its own keeps the tagger's reading
    (news often dates past events that way); only a commitment's deadline is known to look forward."""
    if not (doc_date and value and resolved and expr.type == "DATE") or _YEAR_WORDS.search(expr.text):
        return value, resolved
    if not _YEARLESS_PART.search(expr.text) or not re.fullmatch(r"\d{4}-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12])", value):
        return value, resolved
    if resolved >= str(doc_date)[:10]:
        return value, resolved
    year = str(int(value[:4]) + 1)
    shifted = year + value[4:]
    try:
        landed = date.fromisoformat(str(int(resolved[:4]) + 1) + resolved[4:])
    except ValueError:  # 29 February
        landed = date(int(resolved[:4]) + 1, 2, 28)
    return shifted, landed.isoformat()


def _resolve(expr: TimeExpression, family: str, doc_date: str | None) -> str | None:
    """The calendar date a deadline lands on: the tagger's resolution, or doc date + duration for "within"."""
    if expr.resolved:
        return expr.resolved
    if expr.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", expr.value):
        return expr.value
    if doc_date and expr.type == "DURATION" and family == "within" and expr.value:
        landed = add_duration(date.fromisoformat(str(doc_date)[:10]), expr.value)
        return landed.isoformat() if landed else None
    return None
