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

import re
from bisect import bisect_left
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..serialization import JSONState
from .. import patterns as rule_files
from .. import doc_cache
from ..doc_cache import sentence
from ..fast_match import AnchoredMatcher
from ..commitment import Commitment, Flag, Mention

_QUANTITY_ENTS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
_NAMED_ENTS = {"LAW", "ORG", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART"}
_AMOUNT_REACH = 25
_AMOUNT_OF = frozenset({"", "in", "of", "worth of"})  # "EUR 5 million in technical assistance"
_MODIFIERS_ONLY = re.compile(r"\s+(?!(?:and|or|for|to|in|with|from|on|at|by)\b)[a-z]+(?:-[a-z]+)*\s+"
                             r"(?:(?!(?:and|or|for|to|in|with|from|on|at|by)\b)[a-z]+(?:-[a-z]+)*\s+)?")
"""One or two modifiers between an amount and what it buys: "a US$1.8 million non-reimbursable technical
cooperation grant"."""
"""Characters after a word-level UNQUANTIFIED cue within which an amount answers it ("more than $200 billion")."""
_SCALE_WORDS = {"thousand", "million", "billion", "trillion", "bn", "m", "percent", "per", "cent", "%", "pct"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}  # what a passive acts on: "KRW 9.4 trillion will be invested ..."
_SUBORDINATE = {"advcl", "relcl", "acl", "parataxis", "ccomp", "csubj", "mark", "punct"}

DEFAULT_CHECKABLE_VERBS = [
    "abolish", "accord", "adopt", "allocate", "apply", "appoint", "award", "ban", "build", "buy",
    "cancel", "cap", "close", "co-develop", "complete", "conduct", "consent", "consult", "create", "cut", "deploy",
    "convene", "convert", "derogate", "develop", "direct", "disburse", "double", "end", "finalise", "finalize", "halt", "eliminate", "enact", "enforce", "establish", "exempt", "expand",
    "exchange", "expropriate", "extend", "finance", "fund", "give", "grant", "halve", "hire", "hold", "host", "oppose", "refrain", "restrict", "ask", "commit",
    "impair", "impose", "increase", "introduce", "invest", "issue", "launch", "lay", "lease", "lift", "list",
    "lower", "nationalise", "nationalize", "notify", "open", "pass", "pay", "permit", "phase", "privatise",
    "privatize", "prohibit", "publish", "purchase", "raise", "ratify", "recognise", "recognize", "reduce", "refer",
    "refinance", "register", "reinstate", "rely", "remove", "reopen", "repair", "repeal", "report", "require",
    "resume", "review", "scrap", "second", "sell", "send", "sign", "source", "submit", "suspend", "target",
    "terminate", "transfer", "treat", "use", "waive", "withdraw",
    "accept", "add", "admit", "cease", "connect", "decommission", "deliver", "import", "index", "install", "plant",
    "procure", "readmit", "recruit", "release", "return", "ship", "shut", "stop", "subscribe", "table", "tender",
    "train", "vaccinate",
    "bear", "cover", "divest", "hand", "license", "offer", "repatriate", "retrain", "update", "vote",
    "allow", "chair", "co-chair", "co-lead", "replenish", "sample", "absorb", "announce", "amend", "restore",
]
"""Discrete acts: whether they happened can be checked without a number ("cancel the tariffs", "sign it")."""

DEFAULT_ABSTRACT_VERBS = [
    "act", "align", "be", "do", "ensure", "go", "hesitate", "leave", "make", "play", "remain",
    "repeat", "replace", "respect", "stand", "stay", "tolerate", "honour", "honor", "dismantle",
]
"""Verbs whose object alone never makes a commitment checkable ("act in accordance with the IHR")."""

DEFAULT_OBJECT_VERBS = ["provide", "supply", "share", "contribute", "make", "keep", "set"]
"""Verbs that are a discrete act when their object is concrete: "provide the Lomé facility", "make available the
naval base", "keep the crossing open", "set up a dispatch centre" (not "provide support", "share information",
"make efforts", "keep residents informed")."""

DEFAULT_ABSTRACT_OBJECTS = [
    "support", "assistance", "cooperation", "help", "guidance", "attention", "priority", "effort", "efforts",
    "contribution", "contributions", "input", "backing", "leadership", "solidarity", "encouragement",
    "opportunity", "opportunities", "information", "experience", "experiences", "practice", "practices",
    "knowledge", "expertise", "view", "views", "lesson", "lessons", "progress", "difference", "commitment",
    "promise", "pledge", "case", "way", "sense", "impact", "space", "capacity", "resources", "momentum",
]


@Language.factory(
    "pledgewatch_vagueness_flagger",
    default_config={
        "checkable_verbs": DEFAULT_CHECKABLE_VERBS,
        "abstract_verbs": DEFAULT_ABSTRACT_VERBS,
        "object_verbs": DEFAULT_OBJECT_VERBS,
        "abstract_objects": DEFAULT_ABSTRACT_OBJECTS,
        "quantity_words": ["half", "third", "quarter", "twice", "thrice", "double", "triple", "all", "every", "each",
                           "twofold", "threefold", "fourfold", "fivefold", "tenfold"],
        "neutralised_by_quantity": ["UNQUANTIFIED", "vague-verb-quantifiable"],
        "firm_cues": ["commit", "commits", "committed", "commitment", "pledge", "pledged", "promise", "promised",
                      "vow", "vowed", "agree", "agreed", "undertake", "undertook", "resolve", "resolved"],
        "binding_cues": ["shall"],
    },
    requires=["doc._.commitments"],
    assigns=["doc._.commitments"],
)
def make_vagueness_flagger(nlp: Language, name: str, checkable_verbs: list[str], abstract_verbs: list[str],
                           object_verbs: list[str], abstract_objects: list[str],
                           quantity_words: list[str], neutralised_by_quantity: list[str],
                           firm_cues: list[str], binding_cues: list[str]) -> "VaguenessFlagger":
    return VaguenessFlagger(nlp.vocab, name=name, checkable_verbs=checkable_verbs, abstract_verbs=abstract_verbs,
                            object_verbs=object_verbs, abstract_objects=abstract_objects,
                            quantity_words=quantity_words, neutralised_by_quantity=neutralised_by_quantity,
                            firm_cues=firm_cues, binding_cues=binding_cues)


class VaguenessFlagger(JSONState, Pipe):
    """Attach flags, quantities and verification mechanisms to every commitment.

    A cue modifies a commitment when it lies inside the commitment's clause and its reach, in its direction,
    covers a token of the action (the verb chain and the verb's dependents): ``forward`` cues reach the
    ``max_scope`` tokens after them, ``backward`` cues the ``max_scope`` tokens before them, ``both`` either
    side; ``max_scope`` 0 means the cue must be one of the committed verbs. A ``terminate`` cue ("but",
    "while", a semicolon) between a cue and the action ends the cue's reach; a ``pseudo`` cue ("more than
    $200 billion") silences every cue it overlaps.

    Derived flags: ``HEDGED`` for an intention cue ("intends to", "stands ready to") unless the commitment is
    negative ("has no plans to sell"); ``CONDITIONAL``; ``NO_DEADLINE`` when not time-bound; a quantity in the
    action removes ``UNQUANTIFIED`` (and any rule listed in ``neutralised_by_quantity``), and a negative
    commitment is never ``UNQUANTIFIED`` (refraining has no amount). ``NO_VERIFICATION`` when nothing lets
    another party check the action: no verification mechanism, no quantity, no deadline, and the action is
    not a discrete act (a verb in ``checkable_verbs``, or a named instrument as its object, unless the verb
    is in ``abstract_verbs``), and not a treaty's obligation (a cue in ``binding_cues``, "Each Party shall ..."),
    which the agreement's own dispute settlement enforces (dev writers: 14 of 16 such records not vague).
    """

    def __init__(self, vocab, name: str = "pledgewatch_vagueness_flagger", *,
                 checkable_verbs=DEFAULT_CHECKABLE_VERBS, abstract_verbs=DEFAULT_ABSTRACT_VERBS,
                 object_verbs=DEFAULT_OBJECT_VERBS, abstract_objects=DEFAULT_ABSTRACT_OBJECTS,
                 quantity_words=("half", "twice", "double"), neutralised_by_quantity=("UNQUANTIFIED",),
                 firm_cues=("committed", "pledged", "promised", "agreed"), binding_cues=("shall",)):
        self.vocab = vocab
        self.name = name
        self.cfg = {"checkable_verbs": list(checkable_verbs), "abstract_verbs": list(abstract_verbs),
                    "object_verbs": list(object_verbs), "abstract_objects": list(abstract_objects),
                    "quantity_words": list(quantity_words), "neutralised_by_quantity": list(neutralised_by_quantity),
                    "firm_cues": list(firm_cues), "binding_cues": list(binding_cues)}
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
        self.matcher = AnchoredMatcher(self.vocab, [(cue["id"], cue["pattern"]) for cue in self.cues])
        self._by_key = {self.vocab.strings[cue["id"]]: cue for cue in self.cues}

    def get_state(self) -> dict:
        return {"cues": self.cues, "cfg": self.cfg}

    def set_state(self, state: dict) -> None:
        self.cfg.update(state.get("cfg", {}))
        self._set_rules(state["cues"])

    def __call__(self, doc: Doc) -> Doc:
        if not self.cues:
            raise ValueError(f"{self.name}: no cues loaded; call nlp.initialize() first")
        commitments = doc._.commitments or []
        if not commitments:
            return doc
        # cues only matter inside commitments' clauses: match there, not over the whole document
        matches = [(self._by_key[key], start, end) for key, start, end in self.matcher(doc, _clause_windows(doc, commitments))]
        pseudo: set[int] = set()
        terminate: set[int] = set()
        for cue, start, end in matches:
            if cue["direction"] == "pseudo" or cue["category"] == "PSEUDO":
                pseudo.update(range(start, end))
            elif cue["direction"] == "terminate" or cue["category"] == "TERMINATE":
                terminate.update(range(start, end))
        live = [(c, s, e) for c, s, e in matches
                if c["direction"] not in ("pseudo", "terminate") and c["category"] not in ("PSEUDO", "TERMINATE")
                and not pseudo.intersection(range(s, e))]
        live.sort(key=lambda m: (m[1], -(m[2] - m[1])))
        live_starts = [m[1] for m in live]
        times = []
        for t in doc._.time_expressions or []:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                times.append((span.start, span.end, t))
        times.sort(key=lambda x: x[0])
        time_starts = [x[0] for x in times]
        qents = [e for e in doc_cache.entities(doc)[0] if e.label_ in _QUANTITY_ENTS]
        qent_starts = [e.start for e in qents]
        taken_all = {i for e in qents for i in range(e.start, e.end)}
        text = doc_cache.text(doc)
        for c in commitments:
            lo = c.scope_start if c.scope_start is not None else sentence(doc[c.verb_i]).start
            hi = c.scope_end if c.scope_end is not None else sentence(doc[c.verb_i]).end
            # only what lies in this commitment's clause: keeps the component linear in document length
            near_live = live[bisect_left(live_starts, lo) : bisect_left(live_starts, hi + 3)]  # + a hedge right after
            near_times = [x for x in times[bisect_left(time_starts, lo - 40) : bisect_left(time_starts, hi)]]
            near_ents = qents[bisect_left(qent_starts, lo) : bisect_left(qent_starts, hi)]
            self._flag(doc, text, c, near_live, terminate, near_times, near_ents, taken_all)
        return doc

    # ------------------------------------------------------------------------------------------------ per commitment

    def _action_tokens(self, doc: Doc, c: Commitment) -> tuple[set[int], set[int], set[int]]:
        """The committed verbs (cue to action), every token of the action inside the clause, and the action
        widened by its infinitival purpose clause.

        Subordinate clauses (relative, adverbial, reported) are left out: "to ensure the security of supply
        chains" does not make "will issue general licences" vague. The widened set keeps the purpose clause ("to
        bring the remaining 1,200 nationals home"): it is where amounts often sit. One walk builds both.
        """
        lo, hi = c.scope_start, c.scope_end
        chain = {i for i in c.chain if lo <= i < hi} | {c.verb_i}
        action = set(chain)
        wide = set(chain)
        todo = [(child, False) for i in chain for child in doc[i].children
                if child.i not in chain and not (child.dep_ in _SUBJECTS - _PASSIVE_SUBJECTS and child.i < c.verb_i)]
        while todo:
            token, in_purpose = todo.pop()
            if not lo <= token.i < hi or token.i in wide:
                continue
            if token.dep_ in _SUBORDINATE or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
                if not (token.dep_ == "advcl" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in token.children)):
                    continue
                in_purpose = True
            wide.add(token.i)
            if not in_purpose:
                action.add(token.i)
            todo.extend((child, in_purpose) for child in token.children)
        return chain, action, wide

    def _reaches(self, cue: dict, start: int, end: int, chain: set[int], action: set[int], terminate: set[int]) -> bool:
        if cue["max_scope"] == 0:
            return bool(chain.intersection(range(start, end)))
        reach = cue["max_scope"]
        forward = cue["direction"] in ("forward", "both") and any(
            end <= t < end + reach and not terminate.intersection(range(end, t)) for t in action)
        backward = cue["direction"] in ("backward", "both") and any(
            start - reach <= t < start and not terminate.intersection(range(t + 1, start)) for t in action)
        inside = bool(action.intersection(range(start, end)))
        return forward or backward or inside

    def _flag(self, doc: Doc, text: str, c: Commitment, live, terminate: set[int], times, qents, taken_all) -> None:
        time_chars = [(t.start, t.end) for _, _, t in times]
        lo, hi = c.scope_start, c.scope_end
        if lo is None or hi is None:
            lo, hi = sentence(doc[c.verb_i]).start, sentence(doc[c.verb_i]).end
            c.scope_start, c.scope_end = lo, hi
        chain, action, wide = self._action_tokens(doc, c)
        flags: list[Flag] = []
        taken: set[tuple[str, int]] = set()
        covered: set[int] = set()
        for cue, start, end in live:
            trailing = (cue["category"] == "HEDGED" and hi <= start < hi + 3 and end <= sentence(doc[lo]).end
                        and all(doc[i].is_punct or doc[i].is_space for i in range(hi, start)))
            if trailing:  # "... by 2028, as appropriate to national circumstances": the hedge right after the clause
                pass
            elif start < lo or end > hi or not self._reaches(cue, start, end, chain, action, terminate):
                continue
            span = doc[start:end]
            if (c.condition is not None and cue["category"] not in ("HEDGED", "VERIFICATION")
                    and c.condition.start <= span.start_char and span.end_char <= c.condition.end):
                continue  # "provided that the United States supplies the requested technical assistance": the condition's
            if cue["category"] == "VERIFICATION":
                if c.verification is None:
                    c.verification = Mention(text=span.text, start=span.start_char, end=span.end_char)
                continue
            if (cue["category"], start) in taken or covered.issuperset(range(start, end)):
                continue
            taken.add((cue["category"], start))
            covered.update(range(start, end))
            flags.append(Flag(code=cue["category"], text=span.text, start=span.start_char, end=span.end_char, rule=cue["id"]))
        if any(f.rule == "unquantified-change" for f in flags):
            moved = _moved_amounts(doc, c)
            wide = wide | moved
            qents = list(qents) + [e for e in doc_cache.entities(doc)[0] if e.label_ in _QUANTITY_ENTS
                                   and moved.intersection(range(e.start, e.end)) and e not in qents]
        c.quantities = self._quantities(doc, c, wide, time_chars, qents, taken_all)
        if c.quantities or c.verification is not None:
            gone = set(self.cfg["neutralised_by_quantity"])
            flags = [f for f in flags if not ((f.code in gone or f.rule in gone) and self._answered(doc, text, f, c))]
        if _has_target(doc[c.verb_i], time_chars):  # "raise tariffs to cost-recovery levels", "cut waits to under six months"
            flags = [f for f in flags if not (f.code == "UNQUANTIFIED" and doc[c.verb_i].idx <= f.start < doc[c.verb_i].idx + len(doc[c.verb_i]))]
        if doc[c.verb_i].lemma_.lower() in self.cfg["checkable_verbs"]:
            flags = [f for f in flags if not (f.code == "VAGUE_ACTION" and f.rule == "cooperation")]
        if c.polarity == "negative":
            # "will not impose export bans on rare earths or other critical minerals": an open list widens what is
            # ruled out, which leaves the other side less to argue about, not more
            flags = [f for f in flags if f.code not in ("UNQUANTIFIED", "HEDGED", "OPEN_ENDED")
                     or f.rule.startswith("hedge-appropriate")]
        if (c.strength == "soft" and c.polarity == "positive" and c.cue.lower() not in self.cfg["firm_cues"]
                and not any(f.code == "HEDGED" for f in flags)):
            at = _cue_start(text, c)
            flags.append(Flag(code="HEDGED", text=text[at : at + len(c.cue)], start=at, end=at + len(c.cue), rule=c.cue_rule))
        if c.condition is not None:
            flags.append(Flag(code="CONDITIONAL", text=c.condition.text, start=c.condition.start, end=c.condition.end, rule="condition"))
        verb = doc[c.verb_i]
        if not c.time_bound:
            flags.append(Flag(code="NO_DEADLINE", text=verb.text, start=verb.idx, end=verb.idx + len(verb), rule="no-deadline"))
        # a date, or a schedule ("meet at least twice a year", "publish ... every quarter"), gives the other side
        # something to check against
        dated = any(t.value and not t.value.endswith("_REF") and wide.intersection(range(ts, te)) for ts, te, t in times)
        if (c.verification is None and not c.quantities and not c.time_bound and not dated
                and c.cue.lower() not in self.cfg.get("binding_cues", ()) and not self._discrete_act(doc, c, action)):
            flags.append(Flag(code="NO_VERIFICATION", text=verb.text, start=verb.idx, end=verb.idx + len(verb), rule="no-verification"))
        c.flags = sorted(flags, key=lambda f: (f.start, f.code))

    def _answered(self, doc: Doc, text: str, f: Flag, c: Commitment) -> bool:
        """Whether a quantity (or, for a vague verb, a verification mechanism) answers the flag.

        A verb-level flag ("cut", "maintain") is answered by any amount in the action; a word-level one
        ("certain", "more", "additional") only by an amount right after it or right before it ("250 additional
        caseworkers"); "a zero tariff on certain goods" stays unquantified.
        """
        verb = doc[c.verb_i]
        if f.code != "UNQUANTIFIED" and c.verification is not None:
            return True
        if verb.idx <= f.start < verb.idx + len(verb) or f.code != "UNQUANTIFIED":
            return bool(c.quantities)
        return any(f.start <= q.start <= f.end + _AMOUNT_REACH
                   or (q.end <= f.start and (text[q.end : f.start].strip().lower() in _AMOUNT_OF
                                             or _MODIFIERS_ONLY.fullmatch(text[q.end : f.start])))
                   for q in c.quantities)

    def _quantities(self, doc: Doc, c: Commitment, action: set[int], time_chars, qents, taken_all) -> list[Mention]:
        """Money, percentages, counts and amounts with units inside the action (not dates, not list numbers)."""
        out = []
        for e in qents:
            if not action.intersection(range(e.start, e.end)):
                continue
            if any(ts <= e.start_char < te for ts, te in time_chars):
                continue
            if e.label_ == "CARDINAL" and (_list_marker(doc, e.start, e.end) or e.start == c.scope_start
                                           or (e.text.isdigit() and len(e.text) == 4)):
                continue
            out.append(Mention(text=e.text, start=e.start_char, end=e.end_char))
        taken: set[int] = set()
        for i in sorted(action):
            t = doc[i]
            if i in taken or i in taken_all or not t.like_num or t.tag_ != "CD" or _list_marker(doc, i, i + 1) or i == c.scope_start:
                continue
            if t.text.isdigit() and len(t.text) == 4 and 1900 <= int(t.text) <= 2100:
                continue
            if any(ts <= t.idx < te for ts, te in time_chars):
                continue
            lo, hi = i, i + 1
            while lo > 0 and (doc[lo - 1].is_currency or (doc[lo - 1].is_upper and len(doc[lo - 1]) == 3 and doc[lo - 1].is_alpha)):
                lo -= 1
            while hi < len(doc) and (doc[hi].lower_ in _SCALE_WORDS or doc[hi].like_num):
                hi += 1
            span = doc[lo:hi]
            taken.update(range(lo, hi))
            out.append(Mention(text=span.text, start=span.start_char, end=span.end_char))
        words = set(self.cfg["quantity_words"])
        for i in sorted(action):
            t = doc[i]
            if i in taken or i in taken_all or t.lower_ not in words:
                continue
            if t.lower_ in ("all", "every", "each") and not (i + 1 < len(doc) and doc[i + 1].like_num):
                continue
            if any(ts <= t.idx < te for ts, te in time_chars) or t.i in (c.verb_i,):
                continue
            out.append(Mention(text=t.text, start=t.idx, end=t.idx + len(t)))
        return sorted(out, key=lambda m: m.start)

    def _concrete_object(self, verb) -> bool:
        """An ``object_verbs`` verb doing a discrete act: "make available the naval base", "keep the crossing
        open", "keep the policy rate at its current level", "set up a centre", "provide the Lomé facility"."""
        obj, complement, particle = _object_verb_parts(verb)
        lemma = verb.lemma_.lower()
        doc = verb.doc
        if lemma == "make" and not (complement is not None and complement.lower_ == "available" or any(
                doc[i].lower_ == "available" for i in range(verb.i + 1, min(len(doc), verb.i + 3)))):
            return False  # "make available the naval base" (the parser may hang "available" on the object)
        if lemma == "keep" and not (complement is not None and complement.lower_ not in ("informed", "engaged", "updated")
                                    or any(k.dep_ == "prep" and k.lower_ == "at" for k in verb.children)):
            return False
        if lemma == "set" and not (particle is not None and particle.lower_ == "up"):
            return False
        if obj is None:
            return False
        abstract = self.cfg["abstract_objects"]
        if obj.lemma_.lower() in abstract or obj.lower_ in abstract:
            return False
        return not any(t.dep_ == "amod" and t.lower_ in ("further", "additional", "more", "necessary", "appropriate", "relevant")
                       for t in obj.children)

    def _discrete_act(self, doc: Doc, c: Commitment, action: set[int]) -> bool:
        """A discrete act is checkable without a number: a checkable verb, or a named instrument as object."""
        verb = doc[c.verb_i]
        lemma = verb.lemma_.lower()
        if lemma in self.cfg["object_verbs"] and self._concrete_object(verb):
            return True
        if c.polarity == "negative" and lemma == "make" and _object_verb_parts(verb)[0] is not None:
            return True  # "will not make any new direct investment in ...": refraining from a concrete act
        if self._located_object(verb):
            return True
        if lemma in self.cfg["abstract_verbs"]:
            return False
        if c.polarity == "negative":
            return True
        if lemma in self.cfg["checkable_verbs"]:
            return True
        for i in action:
            token = doc[i]
            if i <= verb.i:
                continue
            if token.ent_type_ in _NAMED_ENTS or (token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "NORP", "PERSON", "")):
                return True
        return False

    def _located_object(self, verb) -> bool:
        """An object that is one thing the text locates by name: "rebuild the washed-out bridge at Bura", "replace
        the water treatment plant in Thompson", "make the port of Durrës available", "keep the Metema and Kurmuk
        crossings open"; whoever reads it can go and look."""
        obj = _object_verb_parts(verb)[0]
        if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() in self.cfg["abstract_objects"]:
            return False
        if not any(d.lower_ in ("the", "its", "their", "our") for d in obj.children if d.dep_ in ("det", "poss")):
            return False
        for t in obj.subtree:
            if t.pos_ != "PROPN" or t.ent_type_ in ("PERSON", "NORP"):
                continue
            if t.dep_ == "compound" and t.head.i == obj.i or t.dep_ == "conj" and t.head.dep_ == "compound" and t.head.head.i == obj.i:
                return True  # "the Metema and Kurmuk crossings"
            if t.dep_ == "pobj" and t.head.head.i == obj.i and t.head.lower_ in ("at", "in", "of", "on", "near"):
                return True  # "the bridge at Bura", "the port of Durrës"
        return False


def _object_verb_parts(verb):
    kids = list(verb.children)
    obj = next((k for k in kids if k.dep_ == "dobj" or k.dep_ == "ccomp" and k.pos_ in ("NOUN", "PROPN")), None)
    complement = next((k for k in kids if k.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and k.pos_ in ("ADJ", "VERB")), None)
    if obj is None and complement is not None and complement.pos_ == "ADJ":
        # "make the port of Durrës available": the parser makes the object the adjective's subject
        obj = next((k for k in complement.children if k.dep_ == "nsubj" and k.pos_ in ("NOUN", "PROPN")), None)
    particle = next((k for k in kids if k.dep_ == "prt"), None)
    return obj, complement, particle


_TARGET_NOUNS = {"level", "levels", "zero", "neutral", "parity", "target", "targets", "benchmark", "rate", "ceiling", "floor"}


def _has_target(verb, time_chars) -> bool:
    """A change verb with a stated end point: "to" + a number, a time span or a level ("to cost-recovery levels")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "to" or prep.i < verb.i:
            continue
        for token in prep.subtree:
            if token.i == prep.i:
                continue
            if token.like_num or token.lower_ in _TARGET_NOUNS or any(ts <= token.idx < te for ts, te in time_chars):
                return True
    return False


def _clause_windows(doc: Doc, commitments: list[Commitment], pad: int = 8) -> list[tuple[int, int]]:
    """Token ranges covering every commitment's clause (padded, merged where they overlap)."""
    ranges = []
    for c in commitments:
        if c.scope_start is None or c.scope_end is None:
            sent = sentence(doc[c.verb_i])
            lo, hi = sent.start, sent.end
        else:
            lo, hi = c.scope_start, c.scope_end
        ranges.append((max(0, lo - pad), min(len(doc), hi + pad)))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _list_marker(doc: Doc, start: int, end: int) -> bool:
    """A list number: "1)", "(ii)", "2." at the start of an item (not "from 20 to 30." at a sentence's end)."""
    after = doc[end].text if end < len(doc) else ""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.text == "(":
        return True
    opens = before is None or before.is_space or "\n" in before.whitespace_ or start == sentence(doc[start]).start
    return after in (")", ".") and opens


def _cue_start(text: str, c: Commitment) -> int:
    """Character offset of the commitment's cue word inside its span (the span start when not found)."""
    found = text.find(c.cue, c.start, c.end)
    if found < 0:
        found = text.rfind(c.cue, 0, c.end)
    return found if found >= 0 else c.start


def _moved_amounts(doc: Doc, c: Commitment) -> set[int]:
    """The amount of a change the parser hung on the object's modifier: in "will increase the number of seats
    reserved for students from 20 to 30" it attached "from 20 to 30" to "reserved". A "from", "to" or "by"
    phrase with a number, later in the sentence and below the verb, is the change's amount."""
    verb = doc[c.verb_i]
    sent = sentence(verb)
    out: set[int] = set()
    for t in doc[verb.i + 1 : sent.end]:
        if t.dep_ not in ("prep", "agent") or t.lower_ not in ("from", "to", "by"):  # "sold in Europe by 40 per cent"
            continue
        if verb not in t.ancestors:
            continue
        numbers = [g for g in t.subtree if g.like_num or g.ent_type_ in ("PERCENT", "MONEY", "QUANTITY")]
        if numbers and any(g.head == t or g.head in t.subtree for g in numbers):
            out.update(g.i for g in t.subtree)
    return out

