"""Find commitments: from each cue, walk the parse to the committed action and the one who commits.

Cues come from ``patterns/commitment_cues.jsonl`` (a spaCy ``Matcher`` pattern per rule) and word lists from
``patterns/lexicons.json``. For every cue the detector

1. finds the action: the cue's verb for modals ("will suspend"), the infinitive or gerund complement for
   commissives and intentions ("agreed to purchase", "committed to reducing", "has no intention of
   militarizing"), descending through transparent verbs ("will continue to work to reduce" -> reduce);
2. splits coordinated actions with their own objects ("will (i) amend ... and (ii) cancel ...") into one
   commitment each, and list items under a chapeau ("China will:" then "- Suspend ...") likewise;
3. finds who commits: the clause subject, through conjunction, xcomp and relative clauses, the agent of a
   passive ("will be suspended by the United States"), one commitment per coordinated subject;
4. records polarity (will not, refrain from, no intention of, neither party shall), strength (intentions are
   soft), reported speech ("Trump said Xi agreed to ...", "Beijing promised to ...") and conditions (if,
   unless, provided that, subject to).

Questions are skipped. Whether the subject can commit at all ("prices will rise") is decided by the actor
resolver, which runs next and drops commitments without a real actor.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from ..serialization import JSONState
from .. import patterns as rule_files
from ..commitment import Commitment, Mention
from .. import doc_cache
from ..doc_cache import bounds, sentence
from ..fast_match import AnchoredMatcher
from .line_segmenter import _LIST_MARKER

_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
_WOULD = {"would", "'d"}
_HEADLINE_KEY = "pledgewatch.headline"


@Language.factory(
    "pledgewatch_commitment_detector",
    default_config={"max_span_tokens": 80},
    requires=["token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.commitments"],
)
def make_commitment_detector(nlp: Language, name: str, max_span_tokens: int) -> "CommitmentDetector":
    return CommitmentDetector(nlp.vocab, name=name, max_span_tokens=max_span_tokens)


class CommitmentDetector(JSONState, Pipe):
    """Propose one :class:`~pledgewatch.commitment.Commitment` per cue, action and subject."""

    def __init__(self, vocab, name: str = "pledgewatch_commitment_detector", *, max_span_tokens: int = 80):
        self.vocab = vocab
        self.name = name
        self.max_span_tokens = max_span_tokens
        self.cues: list[dict] = []
        self.lexicons: dict[str, list[str]] = {}
        self.matcher = Matcher(vocab)

    # ------------------------------------------------------------------ rules
    def initialize(
        self,
        get_examples=None,
        *,
        nlp: Language | None = None,
        patterns_dir: str | Path | None = None,
        cues: list[dict] | None = None,
        lexicons: dict[str, list[str]] | None = None,
    ) -> None:
        """Load the cue rules and word lists (from ``patterns_dir`` or the default patterns folder)."""
        directory = Path(patterns_dir) if patterns_dir else None
        if cues is None:
            cues = [rule.model_dump() for rule in rule_files.load_cues(directory)]
        if lexicons is None:
            lexicons = rule_files.load_lexicons(directory)
        self._set_rules(cues, lexicons)

    def _set_rules(self, cues: list[dict], lexicons: dict[str, list[str]]) -> None:
        self.cues = [rule_files.CueRule.model_validate(c).model_dump() for c in cues]
        self.lexicons = lexicons
        self.words = {key: {w.lower() for w in values} for key, values in lexicons.items()}
        self.matcher = AnchoredMatcher(self.vocab, [(rule["id"], rule["pattern"]) for rule in self.cues])
        self._rule_by_key = {self.vocab.strings[rule["id"]]: rule for rule in self.cues}

    def get_state(self) -> dict:
        return {"cues": self.cues, "lexicons": self.lexicons, "max_span_tokens": self.max_span_tokens}

    def set_state(self, state: dict) -> None:
        self.max_span_tokens = state["max_span_tokens"]
        self._set_rules(state["cues"], state["lexicons"])

    # ------------------------------------------------------------------ call
    def __call__(self, doc: Doc) -> Doc:
        if not self.cues:
            raise ValueError(f"{self.name}: no cue rules loaded; call nlp.initialize() first")
        found: dict[tuple, Commitment] = {}
        chapeaux: list[tuple[Token, dict]] = []
        inline: list[tuple[Token, dict]] = []
        for key, start, end in self.matcher(doc):
            rule = self._rule_by_key[key]
            cue = doc[start + rule["anchor"]]
            if _in_question(cue):
                continue
            if rule["kind"] == "modal" and _inline_enumeration(cue):
                inline.append((cue, rule))
            proposal = self._propose(doc, rule, cue, start, end)
            if proposal is None:
                continue
            if proposal == "chapeau":
                chapeaux.append((cue, rule))
                continue
            for commitment in proposal:
                slot = (commitment.verb_i, commitment.actor_start)
                if slot not in found or _rank(commitment) > _rank(found[slot]):
                    found[slot] = commitment
        for cue, rule in chapeaux:
            for commitment in self._list_items(doc, cue, rule):
                # an item that completes the chapeau's object shares the chapeau's verb: its own span tells it apart
                item = commitment.scope_start is not None and commitment.scope_start > commitment.verb_i
                found.setdefault((commitment.verb_i, commitment.actor_start, *((commitment.start,) if item else ())),
                                 commitment)
        for cue, rule in inline:
            for commitment in self._inline_items(doc, cue, rule):
                found.setdefault((commitment.verb_i, commitment.actor_start), commitment)
        for commitment in self._pledge_lists(doc):
            found.setdefault((commitment.verb_i, commitment.actor_start), commitment)
        for commitment in list(found.values()):
            for step in _further_targets(doc, commitment):
                found.setdefault((step.verb_i, step.actor_start), step)
        doc._.commitments = sorted(found.values(), key=lambda c: (c.start, c.actor_start or 0))
        return doc

    # ------------------------------------------------------------------ cues
    def _propose(self, doc: Doc, rule: dict, cue: Token, start: int, end: int):
        kind = rule["kind"]
        strength = rule["strength"]
        negative = False
        if kind == "modal":
            if rule["id"] == "modal-will" or cue.tag_ == "MD":
                head = cue.head
                if head == cue or head.dep_ == "punct" or (cue.i + 1 < len(doc) and doc[cue.i + 1].text == ":"):
                    return "chapeau" if _ends_with_colon(cue) else None
                if _ends_with_colon(cue, 40) and _infinitive_item(doc, _next_sentence(doc, sentence(cue))):
                    return "chapeau"  # "Neither Party shall ... impose any requirement:" then "(a) to achieve ..."
                if head.lower_ == "subject" and head.pos_ == "ADJ":
                    # "New Zealand shall, subject to the availability of funds, provide ...", parsed with
                    # "subject" as the modal's head and the verb as its conjunct
                    head = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"), head)
                if (head.pos_ not in ("VERB", "AUX") and not _misread_verb(head)) or head.i < cue.i:
                    return None
                anchor = head
            else:
                anchor = doc[end - 1]
                be = doc[start]
                subject = _subject(be)
                if subject is not None and subject.lemma_ in self.words["soft_nominals"] | self.words["pledge_nouns"]:
                    return None  # "Our aim is to ...": the nominal cue speaks for it
            soft = False
            nothing = _existential_no(anchor) if anchor.lemma_ == "be" and cue.tag_ == "MD" else None
            delivered = (self._delivered_state(anchor) if anchor.lemma_ == "be" and (
                cue.tag_ == "MD" or rule["id"] == "modal-is-to") else None)  # "is to be available by September 30"
            if nothing is not None or delivered is not None:
                # "There will be no new taxes on agricultural inputs": a negative commitment of the speaker;
                # "all 180 theatres would be operational by the end of 2026": a dated state of affairs promised
                # (the speaker's, or whoever's words are reported)
                if _in_condition(anchor) or self._blocked(anchor, cue):
                    return None
                c = self._build(doc, rule, cue, anchor, anchor, [anchor], None,
                                "implied-negative" if nothing is not None else "implied", strength,
                                nothing is not None, primary=True)
                if nothing is not None:  # what there will be none of
                    no = next(d for d in nothing.children if d.lower_ == "no")
                    c.action_text = _words_to_clause_end(doc, no.i + 1, anchor)
                else:  # the thing and its state, without "be"
                    subject = _subject(anchor)
                    if subject is None:  # "The terminal is to be operational": the subject of "is"
                        subject = _subject(anchor.head)
                    c.action_text = _words_to_clause_end(doc, anchor.i + 1, anchor,
                                                         prefix=doc[subject.left_edge.i : subject.right_edge.i + 1])
                return [c]
            if anchor.lemma_ == "be":
                ready = next((c for c in anchor.children if c.dep_ in ("acomp", "xcomp") and c.lower_ in self.words["ready_words"]), None)
                if ready is None or _complement(ready) is None:
                    return None
                soft = ready.lower_ in self.words["soft_ready_words"]
                anchor = ready
            action, deeper_soft = self._descend(
                _complement(anchor) if anchor.pos_ == "ADJ" and not _misread_verb(anchor) else anchor)
            soft = soft or deeper_soft
        elif kind in ("commissive", "intention", "progressive"):
            if cue.pos_ == "ADJ":
                anchor = cue.head if cue.dep_ in ("acomp", "xcomp", "oprd", "amod") else cue
                action = _complement(cue)
                if action is None:
                    return None
                if cue.dep_ == "amod":
                    return None
                soft = cue.lower_ in self.words["soft_ready_words"]
                action, deeper_soft = self._descend(action)
                soft = soft or deeper_soft
            else:
                anchor = cue
                if kind == "progressive":
                    if not any(c.dep_ == "aux" and c.lemma_ == "be" for c in cue.children):
                        return None
                    own = _subject(cue)
                    if cue.dep_ in ("relcl", "acl") and (own is None or own.lower_ in _RELATIVE_PRONOUNS):
                        return None  # "The Port Authority, which is building the connections, said ...": what it
                        # does (but "the survey, which the GSD is launching in 2026" announces the GSD's act)
                    action, soft = self._descend(cue)
                else:
                    if _is_passive(cue) or cue.dep_ in ("amod", "acl", "relcl") and not _subject(cue):
                        return None
                    if cue.lemma_ in self.words["instruction_verbs"]:
                        # "The leaders instructed their energy ministries to sign ...", "We instruct the Commission
                        # to present options ...": the instructing party commits through its own organs
                        complement = self._own_organ_task(cue)
                        if complement is None:
                            return None
                    elif cue.lemma_ in self.words["amount_announcers"]:
                        # "Germany announced a contribution of EUR 750 million", "The United Kingdom announced
                        # GBP 40 million": a pledge; anything else announced or confirmed is no commitment here
                        if not self._announces_funds(cue):
                            return None
                        complement = cue
                    else:
                        complement = _complement(cue)
                        if complement is not None and complement.lower_ == "following" and _ends_with_colon(cue, 24) \
                                and not _negated(cue):
                            return "chapeau"  # "Honduras committed to the following:" then the items
                    if complement is None:
                        if cue.lemma_ in self.words["object_commissives"] and _object(cue) is not None:
                            if cue.tag_ == "VBD" and _in_a_past_year(cue, doc._.doc_date):
                                return None  # "In 2025, it committed $24.3 billion in loans": what it did that year
                            complement = cue
                        elif cue.lemma_ in ("agree", "commit", "consent") and any(
                            c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children)
                            for c in cue.children
                        ):
                            if any(t.lower_ == "following" for t in cue.subtree) and _ends_with_colon(cue, 24):
                                return "chapeau"  # "We have committed to the following targets, which the SBTi
                                # validated in 2024:" then the targets
                            complement = cue  # "agreed to an immediate ceasefire"
                        elif _to_colon(cue) and not _negated(cue):
                            return "chapeau"  # "Under the roadmap, Orvell commits to:", "the Bank undertakes, over
                            # the 2027-2030 period, to:" then the items
                        else:
                            return None
                    elif complement is not cue and _has_own_subject(complement):
                        return None
                    if _negated(cue) and not _modal(cue):
                        return None
                    action, soft = (complement, False) if complement is cue else self._descend(complement)
            strength = "soft" if (strength == "soft" or soft) else "firm"
        elif kind in ("nominal", "negative_nominal"):
            action = _complement(cue) or _gerund_after_of(cue)
            if action is None and cue.dep_ == "nsubj" and cue.head.lemma_ == "be" and _possessor(cue) is not None:
                action = _complement(cue.head)  # "Our aim is to complete ..."
            if action is None and cue.dep_ == "attr" and cue.head.lemma_ == "be" and any(
                    c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in cue.head.children):
                action = _complement(cue.head)  # "It is the intention of the Participants to conclude ..."
            if action is None and kind == "nominal" and _to_colon(cue) and cue.dep_ in ("dobj", "attr") \
                    and cue.head.lemma_ in self.words["nominal_governors"] and not _negated(cue.head):
                return "chapeau"  # "Thailand has expressed its intention to:" then the items
            if action is None or action.pos_ not in ("VERB", "AUX") and action.tag_ not in ("VBG", "NN"):
                return None
            if cue.lemma_ in self.words["soft_nominals"]:
                strength = "soft"
            negative = kind == "negative_nominal" or any(c.lower_ in ("no", "never") for c in cue.children)
            anchor = cue.head if cue.dep_ in ("dobj", "attr", "pobj", "nsubj") else cue
            if cue.dep_ == "pobj" and cue.head.dep_ == "prep":
                anchor = cue.head.head
            action, soft = self._descend(action)
            if kind == "nominal":
                governor = cue.head.head if cue.dep_ == "pobj" else cue.head
                if governor.lemma_ in _OTHERS_GOVERNORS and (_owner(cue) is None or any(
                        t.ent_type_ == "DATE" for c in cue.children if c.dep_ == "prep" and c.i < action.i
                        for t in c.subtree)):
                    return None  # "welcomed China's decision of March 2026 to lift ...": a fact; "welcomes political
                    # agreement to secure ...": nobody's pledge
                # "The coalition's pledge to build 150,000 apartments by 2028 is running well behind", "China's
                # pledge to curb exports has not been met": a possessor's pledge, whatever is said of it
                owned = cue.dep_ in ("nsubj", "nsubjpass") and _possessor(cue) is not None
                if not owned and (cue.dep_ not in ("dobj", "attr", "nsubj", "pobj", "conj")
                                  or governor.lemma_ not in self.words["nominal_governors"]):
                    return None
                if cue.dep_ == "nsubj" and governor.lemma_ != "be" and not owned:
                    return None
                if _negated(governor) and not _modal(governor) and not owned:
                    return None
        else:
            return None
        if soft:
            strength = "soft"
        if action is None:
            return None
        if cue.tag_ == "MD" and cue.lower_ in _WOULD and not self._reporting_head(anchor) and not _according_to(anchor):
            return None
        chain = _chain(anchor, action)
        if anchor.lemma_ in _OTHERS_GOVERNORS:
            chain = [t for t in chain if t != anchor]  # "We welcome Japan's pledge to ...": the text's word, not Japan's
        negative = negative or any(_negated(t) for t in chain) or cue.lower_ == "wo" or (
            cue.lower_ == "going" and _negated(cue))  # "is not going to put ..."
        if action.lemma_ in self.words["refrain_verbs"]:
            inner = _complement(action)
            if inner is not None:
                chain.append(inner)
                action = inner
            negative = True
        elif action.lemma_ in self.words["litotes_verbs"] and _negated(action):
            # "will not hesitate to act" commits to acting
            inner = _complement(action)
            if inner is not None:
                chain.append(inner)
                action = inner
                negative = any(_negated(t) for t in chain if t.lemma_ not in self.words["litotes_verbs"])
        if _in_condition(anchor) or self._blocked(anchor, cue):
            return None
        if kind == "modal" and _ends_with_colon(action, 12) and _counted_object(action) and _verb_item(
                doc, _next_sentence(doc, sentence(action))):
            return "chapeau"  # "the authorities will complete three prior actions:" then "(i) publish ..."
        if self._not_an_action(action, kind):
            # "Kittiwake commits to the following targets, approved by the Board:" governs the items below
            following = any(t.lower_ == "following" for t in action.subtree) and _ends_with_colon(action, 24)
            return "chapeau" if following and kind in ("commissive", "intention", "modal") else None
            # ("The Government will take the following measures:" then "(i) publish ...")
        if _rate_decision(cue, action):
            return None  # "The Governing Board decided to lower the target rate by 25 basis points": done today
        if kind == "modal" and _means_chapeau(cue):
            return "chapeau"  # "We will pay for them in full by:" then "1. abolishing ...", "2. raising ..."
        subjects, agentive = self._subjects(doc, anchor, action, cue)
        actions = [action] + self._coordinated_actions(action)
        out = []
        for act in actions:
            act_chain = chain if act is action else chain + [act]
            act_negative = negative or (_negated(act) and act is not action) or agentive == "implied-negative"
            own = _subject(act)  # "pledged that no school would close": the promiser's, the clause's "no"
            for subject in subjects or [None]:
                if any(t.lower_ in ("neither", "no") and t.dep_ == "det"
                       for head in (subject.root if subject is not None else None, own) if head is not None
                       for t in head.children):
                    act_negative = True
                out.append(
                    self._build(doc, rule, cue, anchor, act, act_chain, subject, agentive, strength,
                                act_negative, primary=act is action)
                )
        return out

    def _not_an_action(self, action: Token, kind: str) -> bool:
        """Verbs that describe a state or need rather than an act ("will require $1 trillion"), discourse
        verbs under an intention ("I want to stress that ..."), fulfilling a pledge stated as a noun (the
        pledge itself is the commitment), and chapeaux ("commits to the following targets:")."""
        if action.lemma_ in self.words["non_action_verbs"] and _object(action) is None:
            return True  # "demand will grow" (but "grow revenue" is an act)
        if kind == "intention" and action.lemma_ in self.words["discourse_verbs"]:
            return True
        subject = _clause_subject(action)
        if (subject is not None and subject.lower_ == "i" and action.lemma_ in self.words["speech_acts"]
                and any(t.lemma_.lower() in self.words["speech_nouns"] for t in action.subtree if t.i > action.i)):
            return True  # "I will begin with two announcements", "I'll keep my remarks short": the speech itself
        document = subject is not None and subject.lemma_.lower() in (
            self.words["instrument_nouns"] | {"article", "provision", "it", "this", "mou"})
        if (document and action.lemma_ in self.words["validity_verbs"]
                and any(t.lower_ in _IN_FORCE for t in action.subtree if t.i > action.i)):
            return True  # "This Memorandum shall remain in effect for three years": what a document does
        if document and action.lemma_ in ("take", "come") and _TAKES_EFFECT.match(
                doc_cache.text(action.doc), action.idx + len(action)):
            return True  # "It shall take effect on the date of its signature", "This Agreement will come into force"
        if (document and action.lemma_ in ("renew", "extend") and _is_passive(action)
                and any(t.lower_ in ("automatically", "tacitly", "periods", "period") for t in action.subtree)):
            return True  # "It will be extended automatically for further two-year periods unless ...": its term
        if action.lemma_ in _OBLIGE_VERBS and _is_passive(action) and (_negated(action) or subject is not None and any(
                t.lower_ in ("neither", "no") and t.dep_ == "det" for t in subject.children)):
            return True  # "Neither Party shall be obliged to accept any such provisions": a carve-out, no duty
        if (action.dep_ == "conj" and _subject(action) is None and action.lemma_ in _TERM_VERBS
                and action.head.pos_ in ("VERB", "AUX") and self._not_an_action(action.head, kind)):
            return True  # "It shall remain in force for five years and shall be renewed automatically ...": the same
        obj = _object(action)
        if obj is not None and action.lemma_ in self.words["fulfil_verbs"] and obj.lemma_ in self.words["pledge_nouns"] and _complement(obj) is not None:
            return True
        if _ends_with_colon(action) and any(t.lower_ == "following" for t in action.subtree):
            return True
        return False

    def _delivered_state(self, be: Token) -> Token | None:
        """The adjective of "X will be operational / available / ready by <date>", when X is a thing (not who
        speaks) and a by/before/within/from phrase dates it; else None."""
        state = next((c for c in be.children if c.dep_ == "acomp" and c.lower_ in self.words["delivery_states"]), None)
        subject = _subject(be)
        if subject is None and be.dep_ == "xcomp" and be.head.lemma_ == "be":
            subject = _subject(be.head)  # "A virtual care service is to be available by ...": the subject of "is"
        if state is None or subject is None or subject.pos_ in ("PRON", "PROPN") or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return None
        if _complement(state) is not None:
            return None  # "ready to ...": the readiness cue's
        return state if _dated(be) or _dated(state) else None

    def _own_organ_task(self, verb: Token) -> Token | None:
        """The task of "instructed their ministries to sign ...", "tasked their ministers with concluding ...",
        when the one instructed is the speaker's own organ (a possessive, or a ministry, official, negotiator,
        commission or secretariat); None for instructions to others ("directed India to comply")."""
        obj = _object(verb)
        if obj is None:
            return None
        own = any(c.dep_ == "poss" and c.lower_ in ("their", "our", "its", "his", "her") for c in obj.children)
        organs = self.words["own_organs"]  # (a capitalised plural is a proper noun to the lemmatizer: "the ASEAN
        # Economic Ministers")
        organ = any(w.lemma_.lower() in organs or w.pos_ == "PROPN" and re.sub(r"ies$", "y", re.sub(r"(?<!i)s$", "", w.lower_))
                    in organs for w in obj.subtree if w.i <= obj.i)
        if not (own or organ) or obj.ent_type_ in ("GPE", "NORP"):
            return None
        task = _complement(verb) or next((c for c in verb.children if c.dep_ == "xcomp" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)  # "to present options", "present" read as ADJ
        if task is None:
            for child in verb.children:  # "tasked their ministers with concluding ..."
                if child.dep_ == "prep" and child.lower_ == "with":
                    task = next((g for g in child.children if g.tag_ == "VBG"), None)
        return task

    def _announces_funds(self, verb: Token) -> bool:
        """The verb's object is an amount of money, or funding of one ("a contribution of EUR 750 million")."""
        obj = _object(verb)
        if obj is None or _negated(verb):
            return False
        if obj.lemma_.lower() not in self.words["funding_nouns"] and not (obj.ent_type_ == "MONEY" or obj.like_num):
            return False
        # the amount in the object, or in a "with" phrase the parser hung on the verb ("announce the Women
        # Entrepreneurs Fund with a corpus of ₹250 crore"); a currency code before a number counts ("NOK 300 million")
        words = list(obj.subtree) + [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree]
        doc = verb.doc
        return any(t.ent_type_ == "MONEY" or t.text in _CURRENCY_SIGNS
                   or (t.is_upper and t.is_alpha and len(t) == 3 and t.i + 1 < len(doc) and doc[t.i + 1].like_num)
                   for t in words)

    def _blocked(self, anchor: Token, cue: Token) -> bool:
        """Clauses that only look like commitments: headlines, hopes and beliefs about others ("we hope the
        US side will ..."), requests of third parties ("called on both governments to guarantee ..."), and
        cue verbs under should/could/may/must ("the Parties should endeavour to ...")."""
        if _in_headline(cue):
            return True
        if any(c.tag_ in ("WP", "WRB") and c.lower_ in ("what", "how", "why", "whether") and c.i < anchor.i for c in anchor.children):
            return True  # "how the company will make ...", "What the Fund will deliver"
        if anchor.dep_ == "relcl" and any(
            c.dep_ == "prep" and c.lower_ == "of" and c.i < anchor.i and any(g.lower_ in ("which", "whom") for g in c.children)
            for c in anchor.children
        ) and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PRON") for c in anchor.children):
            # "USD 4 billion, of which public sources will cover one quarter": who else pays, not a pledge; but a
            # share of the pledge put to a use or a date ("of which EUR 15 million will be disbursed by the end of
            # April 2027") or taken by a named party ("of which Brazil will contribute 70 percent") is one
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nothing", "none") for c in anchor.children):
            return True  # "Nothing in this Article shall be construed ...": a saving clause, no one acts
        root = sentence(anchor).root
        said_of = _subject(root)  # "Washington should ...", not the inverted condition "should inflation rise"
        if (root.i != anchor.i and anchor.dep_ != "conj" and not _subject_is_speaker(anchor) and said_of is not None
                and said_of.lower_ not in ("i", "we")  # "I should add that the Ministry will publish ..."
                and not (said_of.lower_ == "it" and any(c.dep_ == "auxpass" for c in root.children))  # "It must
                # be stressed that China will not relax ...": an emphatic frame around the speaker's own words
                and any(c.tag_ == "MD" and c.lower_ in ("should", "must", "ought") and said_of.i < c.i < root.i
                        for c in root.children)):
            return True  # "Washington should stop handing states mandates it will not pay for": a recommendation's
            # object, described
        if (cue.tag_ == "VB" and cue.dep_ == "conj" and not any(c.dep_ == "aux" for c in cue.children)
                and any(c.dep_ == "aux" and c.lower_ in ("should", "ought", "could", "might") for c in cue.head.children)):
            return True  # "the Government should go further and guarantee a permanent job": advice, shared modal
        if anchor.lemma_.lower() in self.words["rhetorical_verbs"]:
            return True  # "I'm not going to pretend otherwise", "We will not speculate about the timing": how one speaks
        if any(c.lower_ in self.words["prediction_adverbs"] for c in anchor.children):
            return True  # "splinter groups would likely continue attacks": a forecast
        provision = anchor
        while provision.dep_ == "conj" and provision.head.i != provision.i:
            provision = provision.head
        if provision.dep_ == "ccomp" and provision.head.lemma_ in _PROVIDE_VERBS:
            says = _subject(provision.head)
            if says is not None and says.lemma_.lower() in _PROVISION_NOUNS:
                # "The Act on the Central Bank provides that ... the Bank shall also promote ...": a law's mandate
                # (but "Neither side will allow ..., the treaty says" binds the parties)
                return True
        if _ON_TRENDS.search(doc_cache.text(anchor.doc), sentence(anchor).start_char, anchor.idx):
            return True  # "On current trends, the country will lose another 700,000 hectares": a projection
        if any(c.lower_ == "rather" and c.dep_ == "advmod" for c in anchor.children) and any(
                c.lower_ in ("would", "'d", "’d") for c in anchor.children):
            return True  # "We would rather promise less and deliver it": a preference, not a promise
        top = anchor
        while top.dep_ == "conj" and top.head != top:
            top = top.head
        if (top.dep_ == "ccomp" and top.head.pos_ == "ADJ" and top.head.lower_ in self.words["belief_adjectives"]
                and not _subject_is_speaker(anchor)):
            return True  # "We are confident that Pakistan will honour its commitments": a belief about another
        if top.dep_ in ("ccomp", "xcomp") and top.head.lemma_ in self.words["non_commitment_heads"]:
            if not (top.head.lemma_ in ("expect", "want", "wish") and top.dep_ == "xcomp" and top.head.pos_ == "VERB"
                    and not any(c.dep_ == "dobj" for c in top.head.children)):
                return True
        denied = top.head.head if top.head.lemma_ in self.words["claim_nouns"] else top.head
        if top.dep_ in ("ccomp", "acl") and denied.lemma_ in self.words["denial_verbs"]:
            return True  # "denied that Beijing had agreed to any cap", "rejected reports that it would close ..."
        if top.dep_ in ("relcl", "acl"):
            claim = top.head
            while claim.dep_ == "pobj" and claim.head.dep_ == "prep" and claim.head.head != claim.head:
                claim = claim.head.head  # "denied a report in a Gulf newspaper that Astana had agreed to ...": the
                # parser hung the clause on the newspaper
            if (claim is not top.head and claim.lemma_ in self.words["claim_nouns"]
                    and claim.head.lemma_ in self.words["denial_verbs"]):
                return True
        if top.dep_ in ("xcomp", "ccomp") and top.head.lemma_ in self.words["request_verbs"] and any(
            c.dep_ in ("dobj", "prep") for c in top.head.children if c.i < top.i
        ) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children):
            return True  # "urged the parties to ..." (but "told Parliament that the government would ..." reports)
        if cue.tag_ != "MD" and any(
            c.tag_ == "MD" and c.lower_ not in ("will", "shall", "'ll", "wo", "sha", "would", "'d") for c in anchor.children
        ):
            return True
        return False

    def _descend(self, verb: Token) -> tuple[Token, bool]:
        """Follow transparent verbs ("continue to", "seek to", "work to") down to the committed action."""
        soft = False
        seen = 0
        while seen < 6:
            seen += 1
            if verb.lemma_ not in self.words["transparent_verbs"]:
                break
            nxt = _complement(verb)
            if nxt is None or nxt is verb or _has_own_subject(nxt):
                break
            if verb.lemma_ in self.words["soft_transparent_verbs"]:
                soft = True
            verb = nxt
        return verb, soft

    def _coordinated_actions(self, action: Token) -> list[Token]:
        """Verbs coordinated with the action that share its subject and cue but have their own object."""
        out = _enumerated(action)
        if not _has_complement(action):
            return out
        for conj in action.conjuncts:
            if conj.i < action.i or conj.pos_ not in ("VERB", "AUX"):
                continue
            if conj.tag_ == "VBG" and action.tag_ != "VBG":
                continue  # "a platform on irregular migration and trafficking in persons": a noun, not a second act
            if any(c.dep_ in _SUBJECTS for c in conj.children):
                continue
            if any(c.tag_ == "MD" or (c.dep_ == "aux" and c.lower_ in ("has", "have", "had", "did")) for c in conj.children):
                continue
            if conj.tag_ in ("VBD", "VBN") and action.tag_ not in ("VBD", "VBN"):
                continue
            if conj not in out:
                out.append(conj)
        return sorted(out, key=lambda t: t.i)

    def _reporting_head(self, anchor: Token) -> Token | None:
        """The speech or commissive verb whose complement this clause is ("said that it would ...")."""
        reporting = self.words["speech_verbs"] | self.words["commissive_lemmas"]
        if (anchor.dep_ == "conj" and anchor.head.lemma_ in reporting and _subject(anchor) is None
                and any(c.dep_ == "ccomp" and any(g.tag_ == "MD" for g in c.children) for c in anchor.head.children)):
            # "X said it would give ..., and would not release ...", the second "would" parsed as the speech
            # verb's conjunct: still what X said it would do
            return anchor.head
        top = anchor
        while top.dep_ == "conj":
            top = top.head
        if top.dep_ in ("ccomp", "xcomp", "advcl") and top.head.lemma_ in reporting:
            return top.head
        if top.dep_ == "relcl" and _complement_read_as_relative(top):
            # "told reporters after the signing that Thailand would open ...", parsed as the signing's relative
            # clause: the speech verb above the noun is the head
            head = top.head
            for _ in range(4):
                if head.pos_ in ("VERB", "AUX") and head.lemma_ in reporting:
                    return head
                if head.head.i == head.i:
                    break
                head = head.head
        return None

    def _promiser(self, verb: Token, heads: list[Token]) -> Token | None:
        """Who promised a state of things ("She promised that every public school would have a psychologist by
        2025", "assured the Saeima that the tram line would open in 2025"): the promise's subject, when the
        clause's subject is a thing, not someone who can act (not a name, pronoun or agent noun)."""
        top = verb
        while top.dep_ == "conj":
            top = top.head
        if top.dep_ != "ccomp" or top.head.lemma_ not in _PROMISE_VERBS:
            return None
        if any(h.pos_ in ("PROPN", "PRON") or h.ent_type_ or h.lower_ in self.words["agent_nouns"]
               or any(t.pos_ == "PROPN" for t in h.subtree) for h in heads):
            return None
        promiser = _subject(top.head)
        return promiser if promiser is not None and promiser.dep_ == "nsubj" else None

    def _subjects(self, doc: Doc, anchor: Token, action: Token, cue: Token) -> tuple[list[Span], bool]:
        """The noun phrases that commit, one per coordinated subject; and whether any was found."""
        verb = anchor
        if cue.pos_ == "NOUN":
            owner = _possessor(cue)
            if owner is None and cue.head.lemma_ in _OTHERS_GOVERNORS:
                owner = _owner(cue)  # "We welcome the decision of the New Development Bank to raise ...": the Bank
            if owner is None and cue.dep_ == "attr" and cue.head.lemma_ == "be" and any(
                    c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in cue.head.children):
                of = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                owner = of and next((c for c in of.children if c.dep_ == "pobj"), None)  # "It is the intention of the
                # Participants to conclude ...": the Participants'
                if owner is not None:
                    return [_noun_phrase(h) for h in _members(owner)], True
            if owner is not None and owner.lower_ not in ("its", "their", "our", "his", "her", "my"):
                return [_noun_phrase(owner)], True
            if owner is not None and owner.lower_ in ("our", "my"):
                return [_noun_phrase(owner)], True
        for _ in range(8):
            subject = _subject(verb)
            if (subject is not None and _is_enumerator(subject) and subject.i >= 1 and subject.i + 1 < len(doc)
                    and doc[subject.i - 1].text == "(" and doc[subject.i + 1].text == ")"):
                # "(d) will strengthen ...": the item's letter, which the parser made the subject; "(a) by October,
                # we will publish ...": the letter and the real subject both
                subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > subject.i + 1), None)
            if subject is not None and subject.i < verb.i and (subject.right_edge.dep_ == "cc" or any(
                    t.dep_ == "cc" for t in doc[subject.right_edge.i + 1 : verb.i])):
                # "will complete audits against the (IRMA) Standard at both sites by 2027, and will publish ...":
                # a "subject" cut off from its verb by the "and" is the first verb's object; the verbs share one
                # subject, that of the verb before (where the parser split the sentence there, its root)
                before = _verb_before(subject) if verb.dep_ == "ROOT" else None
                if verb.dep_ == "conj" or before is not None:
                    verb = verb.head if verb.dep_ == "conj" else before
                    continue
            owner = next((c for c in subject.children if c.dep_ == "poss"), None) if subject is not None else None
            if (owner is not None and subject.lemma_.lower() in self.words["owned_assets"] and subject.i < verb.i
                    and _dated(verb)):
                # "Its factories in Italy, Poland and Brazil will run entirely on renewable electricity by 2028":
                # the owner commits for what it owns
                return [_noun_phrase(owner) if owner.pos_ != "PRON" else doc[owner.i : owner.i + 1]], True
            if subject is not None and _held_lever(verb, subject, self.words["policy_levers"]):
                # "The property tax rate will remain at 11.9 mills through fiscal year 2028": whoever sets the rate
                # (the speaker, or the one whose words are reported) keeps it there
                return [], "implied"
            if subject is not None:
                if subject.dep_ == "nsubjpass" or _is_passive(verb):
                    agent = _agent(verb) or _agent(action)
                    if agent is None:
                        # "No new coal plants will be approved": the actor is implied (the document's
                        # speaker, or the one whose words are reported); the resolver decides
                        if verb.lemma_ in self.words["non_commissive_passives"] or not _modal(verb):
                            return [], False
                        if subject.lemma_.lower() in self.words["instrument_nouns"]:
                            return [], False  # "the Regulation will be published": what a law does, not who acts
                        negative = any(t.lower_ in ("no", "neither") and t.dep_ == "det" for t in subject.children)
                        return [], "implied-negative" if negative else "implied"
                    subject = agent
                if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    subject = verb.head
                if _role_misparse(verb, subject):
                    subject = verb.head  # "Chile, as Pro Tempore President, will convene ...": Chile, not the role
                heads = _members(subject)
                promiser = self._promiser(verb, heads)
                if promiser is not None:
                    return [_noun_phrase(promiser)], True
                return [_noun_phrase(h) for h in heads], True
            agent = _agent(verb)
            if agent is not None:
                return [_noun_phrase(agent)], True
            if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head != verb:
                verb = verb.head
                continue
            if verb.dep_ == "relcl":
                return [_noun_phrase(verb.head)], True
            break
        stranded = _subject(cue) if cue.tag_ == "MD" else None  # "New Zealand shall, subject to ..., provide"
        stranded = stranded if stranded is not None else _stranded_subject(anchor)
        stranded = stranded if stranded is not None else _chapeau_subject(anchor, cue)
        if stranded is not None:
            while stranded.dep_ == "conj" and stranded.head.i < stranded.i and stranded.head.dep_ != "pobj":
                stranded = stranded.head  # "The European Union and Nigeria:": from the first of them
            return [_noun_phrase(h) for h in _members(stranded)], True
        named = _name_opening(cue) if cue.tag_ == "MD" else None
        if named is not None:
            return [named], True
        return [], False

    def _build(self, doc, rule, cue, anchor, action, chain, subject, agentive, strength, negative, primary):
        tokens = _clause_tokens(action, chain, cue)
        shared = (action.dep_ == "conj" and subject is not None and subject.start < action.head.i
                  and any(c.tag_ == "MD" for c in action.children))  # "it would not ... but would host ...": from "would"
        if subject is not None and primary and subject.start >= tokens[0] - 12 and not shared:
            first = min(tokens[0], subject.start)
        else:
            first = tokens[0]
        last = tokens[-1]
        sent = sentence(action)
        first = max(first, sent.start)
        last = min(last, sent.end - 1, first + self.max_span_tokens)
        while last > first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        while first < last and (doc[first].is_space or doc[first].is_punct or _is_list_marker(doc[first]) or _is_enumerator(doc[first])):
            first += 1
        start_char = doc[first].idx
        end_char = doc[last].idx + len(doc[last].text)
        commitment = Commitment(
            start=start_char,
            end=end_char,
            verb_i=action.i,
            cue=cue.text,
            cue_rule=rule["id"],
            action_verb=action.lemma_.lower(),
            action_text=_action_text(doc, action, chain),
            polarity="negative" if negative else "positive",
            strength=strength,
            scope_start=first,
            scope_end=last + 1,
            chain=[t.i for t in chain] + [t.i for t in action.children  # "... and purchased energy by 70% by 2030"
                                          if t.dep_ == "conj" and _misread_participle(action, t)],
        )
        if subject is not None:
            commitment.actor_text = subject.text
            commitment.actor_start = subject.start_char
            commitment.actor_end = subject.end_char
        elif isinstance(agentive, str) and agentive.startswith("implied"):
            commitment.actor_kind = "implied"
        speaker = self._reporting_head(anchor)
        if speaker is not None:
            said_by = _subject(speaker)
            commitment.reported_cue = speaker.text
            commitment.reported_speaker = _speaker_phrase(said_by).text if said_by is not None else None
        elif _according_to(anchor):  # "..., according to the statement": the statement is the source
            source = next(t for t in sentence(anchor) if t.lower_ == "according")
            to = next(c for c in source.children if c.lower_ == "to")
            commitment.reported_cue = "according to"
            commitment.reported_speaker = doc[to.i + 1 : to.right_edge.i + 1].text or None
        elif rule["kind"] == "commissive" and cue.pos_ == "VERB" and cue.tag_ in ("VBD", "VBN") and not _modal(cue):
            if subject is None or subject.root.lower_ not in self.words["first_person"]:
                commitment.reported_cue = cue.text
                commitment.reported_speaker = subject.text if subject is not None else None
        condition = _condition(doc, chain, self.words["condition_markers"])
        if condition is not None:
            commitment.condition = condition
        return commitment

    # ------------------------------------------------------------ list items
    def _list_items(self, doc: Doc, cue: Token, rule: dict) -> list[Commitment]:
        """Items under a chapeau ending in a colon ("China will:", "The Parties commit to:")."""
        chapeau = sentence(cue)
        subjects, _ = self._subjects(doc, cue, cue, cue)
        if not subjects:
            subject = _subject(cue.head) if cue.dep_ == "aux" and cue.head.i > cue.i else None  # not the subject
            # of an opening clause ("Before the Executive Board considers the request, the authorities will ...:")
            subject = subject if subject is not None and subject.i < cue.i else next(
                (t for t in chapeau if t.dep_ in _SUBJECTS and t.i < cue.i), None)
            if subject is None and cue.i == chapeau.start and chapeau.start > 0:
                # "... Transmission System Operator Cyprus (TSO Cyprus)" + "will:", cut apart by the parser
                subject = _last_name_before(sentence(doc[chapeau.start - 1]))
            elif subject is None and cue.tag_ == "MD":
                subject = _last_name_before(doc[chapeau.start : cue.i])  # the same, left in one garbled parse
            subjects = [_noun_phrase(subject)] if subject is not None else []
        out = []
        # "... by:" then "abolishing ...", "raising ..."; a prepositional "to" takes gerunds too ("committed to the
        # following:" then "setting up ...")
        means = _means_chapeau(cue)
        gerunds = means or any(c.dep_ == "prep" and c.lower_ == "to" for c in cue.children)
        sent = _next_sentence(doc, chapeau)
        opened = False  # a line's "(" the segmenter cut off from its item ("(" + "i) establish ...")
        marked: bool | None = None  # whether the items carry bullets or numbers (then every item does)
        list_style = cut_marker = None  # bullets, numbers or letters: the list's kind of marker
        while sent is not None:
            if not (_starts_line(doc, sent) or opened):
                break
            words = [t for t in sent if not (t.is_space or t.is_punct or _is_list_marker(t) or _is_enumerator(t))]
            if not words:
                # a line's "(" or its item number ("2.") the parser cut off from its item: the item follows
                opened = _starts_line(doc, sent) and (sent.text.strip() in ("(", "[") or any(
                    _is_enumerator(t) or _is_list_marker(t) for t in sent))
                cut_marker = _marker_style(sent) if opened else None
                sent = _next_sentence(doc, sent)
                continue
            first = next(t for t in sent if not t.is_space)
            marker = _is_list_marker(first) or _is_enumerator(first) or first.text in ("(", "[") or opened
            style = cut_marker if opened and cut_marker != "bracket" else _marker_style(sent)
            opened, cut_marker = False, None
            if marked is None:
                marked, list_style = marker, style
            elif marked and not marker:
                break  # bulleted items, then a line without a bullet: the list has ended
            elif marked and style and list_style and style != list_style and "bracket" not in (style, list_style):
                break  # "- ..." items, then "5. Viet Nam Electricity will ...": the next numbered paragraph
            if sent.text.rstrip().endswith(":") and any(t.tag_ == "MD" for t in sent):
                break  # "Key commitments by Namibia: Namibia will:": the next chapeau, not an item of this one
            if cue.tag_ == "MD" and _infinitive_item(doc, sent):
                out.extend(self._object_item(doc, rule, cue, chapeau, sent, words, subjects))
                sent = _next_sentence(doc, sent)
                continue
            head = words[0]
            negated_item = head.lower_ in ("not", "never") and len(words) > 1
            if negated_item:
                head = words[1]
            modal = any(c.tag_ == "MD" for c in sent.root.children)
            if not (_list_item_verb(head) or gerunds and head.tag_ == "VBG" and (means or any(
                    c.dep_ in ("dobj", "prt", "xcomp", "ccomp") for c in head.children))  # not a heading ("1. Testing before release.")
                    or (negated_item and head.is_alpha and head.tag_ not in _NOT_ITEM_VERB)) or any(
                (c.tag_ == "MD" and c.i < head.i) or (c.dep_ in _SUBJECTS and (c.i < head.i or c.i == head.i and modal))
                for c in sent.root.children
            ) and sent.root != head:
                # a full clause with its own subject or modal ("Peru will also prohibit ...") is no item of the
                # chapeau; a subject or modal after the item's verb is the parser's ("Accept vehicles built to
                # ..., and will not require ..." read with "vehicles" as subject)
                break
            for act in [head] + self._coordinated_actions(head):
                if gerunds and act is not head and self._announces_funds(act):
                    continue  # "taxing carried interest in full, raising £0.6 billion": what the means yields
                chain, negative = [act], _negated(act) or words[0].lower_ in ("not", "never")
                if act.lemma_ in self.words["refrain_verbs"] and _complement(act) is not None:
                    chain, act, negative = [act, _complement(act)], _complement(act), True  # "- Refrain from imposing ..."
                for subject in subjects or [None]:
                    strength = "soft" if cue.lemma_ in self.words["soft_nominals"] else rule["strength"]
                    commitment = self._build(doc, rule, cue, head, act, chain, None, True, strength,
                                             negative, primary=True)
                    if act is head and (head.pos_ != "VERB" or head.dep_ in _NOUN_DEPS or head.dep_ == "csubj"):
                        # a mis-tagged or mis-parsed bullet verb ("Grant full market access ...", "Accept" as a
                        # compound of "export certificates", "publish" as the subject of "a Federal Register notice")
                        # has no useful subtree: the item is the whole line
                        commitment.action_verb = head.lower_
                        last = sent.end - 1
                        while last > head.i and (doc[last].is_space or doc[last].is_punct or doc[last].lower_ == "and"):
                            last -= 1
                        commitment.end = doc[last].idx + len(doc[last])
                        commitment.scope_end = last + 1
                        commitment.chain = [t.i for t in sent if t.pos_ in ("VERB", "AUX")] + [head.i]
                        commitment.action_text = " ".join(doc[head.i : last + 1].text.split()[:25])
                    _own(commitment, subject, chapeau)
                    out.append(commitment)
            sent = _next_sentence(doc, sent)
        return out


    def _object_item(self, doc: Doc, rule: dict, cue: Token, chapeau: Span, sent: Span, words: list[Token],
                     subjects) -> list[Commitment]:
        """An item that completes the chapeau's object: "Neither Party shall ... impose or enforce any
        requirement:" then "(a) to achieve a given level of domestic content; or". The commitment is the
        chapeau's act on this item, so its span is the item and its action the chapeau's verb phrase with it."""
        verb = cue.head
        last = words[-1].i
        for t in doc[words[0].i : sent.end]:
            if t.text == ";":
                last = max(words[0].i, t.i - 1)
                break
        while last > words[0].i and (doc[last].is_punct or doc[last].is_space or doc[last].lower_ in ("and", "or")):
            last -= 1
        negative = _negated(verb) or any(t.lower_ in ("neither", "no") and t.dep_ == "det"
                                         for t in doc[chapeau.start : cue.i])
        lead = doc[verb.i : chapeau.end].text.strip().rstrip(":").strip()
        out = []
        for subject in subjects or [None]:
            commitment = self._build(doc, rule, cue, verb, verb, [verb], None, True, rule["strength"], negative,
                                     primary=True)
            commitment.start, commitment.end = words[0].idx, doc[last].idx + len(doc[last])
            commitment.scope_start, commitment.scope_end = words[0].i, last + 1
            commitment.action_text = " ".join(f"{lead} {doc[words[0].i : last + 1].text}".split()[:25])
            _own(commitment, subject, chapeau)
            out.append(commitment)
        return out

    def _inline_items(self, doc: Doc, cue: Token, rule: dict) -> list[Commitment]:
        """Measures enumerated inside the cue's sentence: "The Government will: (i) increase ...; (ii) table a
        Bill ...; and (iii) improve ...". Each item runs from its verb to the next enumerator or semicolon."""
        sent = sentence(cue)
        subjects, _ = self._subjects(doc, cue, cue, cue)
        if not subjects:
            subject = next((t for t in sent if t.dep_ in _SUBJECTS and t.i < cue.i), None)
            subjects = [_noun_phrase(subject)] if subject is not None else []
        marks = [i for i in range(cue.i + 1, sent.end - 2)
                 if doc[i].text == "(" and _ENUMERATOR.match(doc[i + 1].lower_) and doc[i + 2].text == ")"]
        out = []
        for n, mark in enumerate(marks):
            head = doc[mark + 3] if mark + 3 < sent.end else None
            if head is None or not _list_item_verb(head):
                continue
            last = (marks[n + 1] if n + 1 < len(marks) else sent.end) - 1
            for i in range(head.i, last + 1):
                if doc[i].text == ";":
                    last = i - 1
                    break
            while last > head.i and (doc[last].is_space or doc[last].is_punct or doc[last].lower_ in ("and", "or")):
                last -= 1
            for subject in subjects or [None]:
                commitment = self._build(doc, rule, cue, head, head, [head], None, True, rule["strength"],
                                         _negated(head), primary=True)
                commitment.start = head.idx
                commitment.end = doc[last].idx + len(doc[last])
                commitment.scope_start, commitment.scope_end = head.i, last + 1
                commitment.action_verb = head.lemma_.lower() if head.pos_ == "VERB" else head.lower_
                commitment.action_text = " ".join(doc[head.i : last + 1].text.split()[:25])
                _own(commitment, subject)
                out.append(commitment)
        return out

    def _pledge_lists(self, doc: Doc) -> list[Commitment]:
        """Pledging conferences list their pledges as "Name: amount" items under a chapeau such as "The
        following pledges were announced:"; each item is that donor's commitment to contribute."""
        out = []
        text = doc_cache.text(doc)
        if ":" not in text or "following" not in text.lower():
            return out
        pledge_words = self.words["pledge_nouns"] | {"contribution", "contributions"}
        colons = [doc.char_span(m.start(), m.end()) for m in re.finditer(":", text)]
        for token in (span[0] for span in colons if span is not None):
            if token.text != ":" or token.lemma_ == "" or not any(
                t.lemma_.lower() in pledge_words for t in sentence(token) if t.i < token.i
            ) or not any(t.lower_ == "following" for t in sentence(token) if t.i < token.i):
                continue
            item = _next_sentence(doc, sentence(token))
            while item is not None:
                if not _starts_line(doc, item):  # the parser split an item: its tail is no new item
                    item = _next_sentence(doc, item)
                    continue
                words = [t for t in item if not (t.is_space or _LIST_MARKER.match(t.text) or _is_enumerator(t))]
                colon = next((t for t in words[:8] if t.text == ":"), None)
                if colon is None or not words or not (words[0].is_title or words[0].lower_ == "the"):
                    break
                name = doc[words[0].i : colon.i]
                rest = [t for t in item if t.i > colon.i and not t.is_space]
                if not rest or not any(t.like_num or t.is_currency for t in rest):
                    break
                last = rest[-1] if not rest[-1].is_punct else rest[max(0, len(rest) - 2)]
                amount = next(t for t in rest if t.like_num or t.is_currency)
                c = Commitment(
                    start=name.start_char, end=last.idx + len(last), verb_i=amount.i, cue=colon.text,
                    cue_rule="pledge-list", action_verb="contribute",
                    action_text=" ".join(doc[rest[0].i : last.i + 1].text.split()[:25]),
                    scope_start=name.start, scope_end=last.i + 1, chain=[amount.i],
                    actor_text=name.text, actor_start=name.start_char, actor_end=name.end_char,
                )
                condition = next((t for t in rest if t.lower_ in ("subject", "provided", "if", "conditional")), None)
                if condition is not None:
                    c.condition = _mention(doc, condition.i, last.i)
                out.append(c)
                item = _next_sentence(doc, item)
        return out


# ---------------------------------------------------------------- parse helpers
def _rank(c: Commitment) -> tuple:
    return (c.actor_text is not None, c.strength == "firm", -(c.end - c.start))


def _inline_enumeration(cue: Token) -> bool:
    """The cue is followed, after an optional colon, by an enumerator: "will: (i) ...", "shall (a) ..."."""
    doc = cue.doc
    i = cue.i + 1
    if i < len(doc) and doc[i].text == ":":
        i += 1
    return i + 2 < len(doc) and doc[i].text == "(" and bool(_ENUMERATOR.match(doc[i + 1].lower_)) and doc[i + 2].text == ")"


def _in_question(token: Token) -> bool:
    doc = token.doc
    starts, ends = bounds(doc)
    first, last = starts[token.i], ends[token.i] - 1
    while last > first and (doc[last].is_space or doc[last].text in ('"', "'", "”", "’", ")")):
        last -= 1
    return doc[last].text == "?"


_RATE_MOVES = frozenset({"lower", "raise", "cut", "keep", "maintain", "hold", "leave", "reduce", "increase", "hike"})


def _rate_decision(cue: Token, action: Token) -> bool:
    """A policy-rate decision announced as taken ("decided to keep the repurchase rate unchanged at 6.75 per
    cent"): a fact of the day, unless it takes effect later ("with effect from 19 March 2027") or holds until a
    date ("unchanged at 8.0 per cent until its next meeting on 18 March")."""
    if cue.lemma_.lower() != "decide" or cue.tag_ not in ("VBD", "VBN") or action.lemma_.lower() not in _RATE_MOVES:
        return False
    words = {t.lower_ for t in action.subtree}
    later = {t.lower_ for t in action.doc[action.i : sentence(action).end]}
    return bool(words & {"rate", "rates"}) and not later & {"effect", "effective", "from", "starting", "until", "till"}


def _means_chapeau(cue: Token) -> bool:
    """The cue's sentence ends with "by:" or "through:", so the lines below are the means ("We will pay for
    them in full by: 1. abolishing ..., 2. raising ...")."""
    doc = cue.doc
    if not _ends_with_colon(cue, 24):
        return False
    last = bounds(doc)[1][cue.i] - 1
    while last > cue.i and (doc[last].is_space or doc[last].text == ":"):
        last -= 1
    return doc[last].lower_ in ("by", "through")


def _ends_with_colon(cue: Token, limit: int = 12) -> bool:
    """The cue's sentence ends, at most ``limit`` tokens later, with a colon (a chapeau)."""
    doc = cue.doc
    last = bounds(doc)[1][cue.i] - 1
    while last > cue.i and doc[last].is_space:
        last -= 1
    if last <= cue.i or doc[last].text != ":":
        return False
    return sum(1 for i in range(cue.i + 1, last + 1) if not doc[i].is_space) <= limit


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.dep_ != "expl" and child.lower_ not in _ENUMERATION_WORDS:
            return child  # not "Third, ... we will abolish ...", where the parser can take "Third" for the subject
    return None


_ENUMERATION_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "firstly", "secondly", "thirdly",
                      "finally", "lastly", "next"}


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    if grandchild.ent_type_ in ("DATE", "TIME"):
                        return None  # "will be introduced by October 2026": a deadline, not who acts
                    return grandchild
    return None


_CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥", "₹", "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "US$", "INR",
                             "Rs", "Rs.", "NZD", "NZ$", "A$", "C$", "KES", "ZAR", "NGN"})


def _words_to_clause_end(doc: Doc, first: int, head: Token, prefix: Span | None = None, limit: int = 25) -> str:
    """The words from ``first`` to the end of ``head``'s clause (closing punctuation left out), after ``prefix``."""
    last = head.right_edge.i
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    words = (prefix.text.split() if prefix is not None else []) + doc[first : last + 1].text.split()
    return " ".join(words[:limit])


def _existential_no(be: Token) -> Token | None:
    """The "no ..." noun of "there will be no ...", or None."""
    if not any(c.dep_ == "expl" for c in be.children):
        return None
    return next((c for c in be.children if c.dep_ in ("attr", "nsubj", "dobj") and c.i > be.i
                 and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children)), None)


_NAME_LINKS = {"of", "de", "do", "da", "dos", "das", "del", "des", "du", "la", "y", "and", "&", "für", "van", "von"}


def _name_opening(cue: Token) -> Span | None:
    """A proper name that is all the sentence has before its modal, perhaps with its letters in parentheses, which
    the parser broke up ("The Banco Central do Brasil (BCB) will offer ...": "do" read as an auxiliary)."""
    doc, sent = cue.doc, sentence(cue)
    end = cue.i
    if end - 1 > sent.start and doc[end - 1].text == ")":
        opening = next((t.i for t in reversed(doc[sent.start : end - 1]) if t.text == "("), None)
        if opening is None or end - opening > 5:
            return None
        end = opening
    start = sent.start
    while start < end and (doc[start].is_space or doc[start].is_punct or _is_list_marker(doc[start])
                           or _is_enumerator(doc[start]) or doc[start].lower_ == "the"):
        start += 1
    words = doc[start:end]
    if (not words or len(words) > 8 or words[0].pos_ != "PROPN" or words[-1].pos_ != "PROPN"
            or any(t.pos_ != "PROPN" and t.lower_ not in _NAME_LINKS for t in words)):
        return None
    return words


def _last_name_before(sent: Span) -> Token | None:
    """The head of the last noun phrase of ``sent`` outside parentheses and not inside an opening
    prepositional phrase ("Under the strategy, Transmission System Operator Cyprus (TSO Cyprus)": "Cyprus")."""
    depth, best = 0, None
    for t in sent:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and t.pos_ in ("PROPN", "NOUN") and t.dep_ not in ("compound", "pobj", "poss"):
            best = t
    return best


def _to_colon(cue: Token) -> bool:
    """The cue's clause ends with "to:" and nothing but adverbials come between ("undertakes, over the
    2027-2030 period, to:")."""
    doc = cue.doc
    sent = sentence(cue)
    last = sent.end - 1
    while last > cue.i and doc[last].is_space:
        last -= 1
    if doc[last].text != ":" or last - 1 <= cue.i or doc[last - 1].lower_ != "to":
        return False
    between = doc[cue.i + 1 : last - 1]
    return len(between) <= 12 and not any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("dobj", "ccomp", "xcomp") for t in between)


def _chapeau_subject(verb: Token, cue: Token) -> Token | None:
    """The subject of a chapeau with no verb of its own, for an item that opens with its verb: "In recognition
    of Albania's commitments, the United States:" then "- will take ... into account", "- intends to ..."."""
    doc = verb.doc
    sent = sentence(verb)
    words = [t for t in sent if not (t.is_space or t.is_punct or _is_list_marker(t) or _is_enumerator(t))]
    if not words or words[0].i not in (cue.i, verb.i) or not _starts_line(doc, sent):
        return None  # the item must open with its modal or verb ("- will take ...")
    for _ in range(12):  # back over the items before this one, to the chapeau
        if sent.start == 0:
            return None
        sent = sentence(doc[sent.start - 1])
        last = sent.end - 1
        while last > sent.start and doc[last].is_space:
            last -= 1
        if doc[last].text != ":":
            if _starts_line(doc, sent) and any(_is_list_marker(t) or _is_enumerator(t) for t in sent[:3]):
                continue  # an earlier item of the same list
            return None
        head = doc[last - 1] if last > sent.start else None
        if head is None or head.pos_ not in ("PROPN", "NOUN") or any(
                t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj") for t in sent if t.i < last):
            return None  # "The United States will:" is the modal chapeau's (see _list_items)
        while head.dep_ in ("compound", "flat") and head.head.i > head.i:
            head = head.head
        return head
    return None


def _members(subject: Token) -> list[Token]:
    """The subject and the names coordinated after it, also where the parser read a comma list as an
    apposition ("Astrel, Corbel Labs, Greyfield AI and Yunjing Technology" with "Greyfield AI" an apposition
    of "Labs" and "Yunjing Technology" its conjunct)."""
    members = [subject] + [c for c in subject.conjuncts if c.i > subject.i]
    for member in list(members):
        for child in member.children:
            if (child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > member.i and member.pos_ == "PROPN"
                    and len(members) > 1 and any(g.dep_ == "cc" for g in child.children)):
                members += [child] + [c for c in child.conjuncts if c.i > child.i]
    return sorted(set(members), key=lambda t: t.i)


def _stranded_subject(verb: Token) -> Token | None:
    """A subject the parser hung on an opening phrase: in "With respect to covered procurement, each Party,
    including its procuring entities, shall accord ..." it made "Party" an apposition of "procurement". The
    nearest noun before the verb's auxiliaries, set off by a comma, an apposition with a determiner or a
    proper name, and nothing but its own modifiers, commas and the auxiliaries between it and the verb."""
    if verb.pos_ not in ("VERB", "AUX") or _subject(verb) is not None:
        return None
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i])
    doc = verb.doc
    i = first - 1
    while i >= 0 and doc[i].is_punct and doc[i].text == ",":
        i -= 1
    if i < 0:
        return None
    token = doc[i]
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "Under the Commitments, Astrel, Corbel Labs and Greyfield AI agreed": from the first
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head == verb and token.head.i < token.i:
        # the same, with the names read as conjuncts of the opening phrase's object
        following = [c for c in token.conjuncts if c.i > token.i and c.pos_ == "PROPN"]
        if following and doc[following[0].i - 1].text == ",":
            return following[0]
    while token.dep_ in ("pobj", "prep", "poss", "compound", "amod") and token.head.i < token.i and token.head.i > verb.sent.start:
        token = token.head  # "each Party, including its procuring entities": up to "Party"
    if token.dep_ != "appos" or token.pos_ not in ("PROPN", "NOUN") or token.i >= first:
        return None
    if not (token.pos_ == "PROPN" or any(c.dep_ == "det" and c.lower_ in ("each", "both", "the", "either", "neither")
                                          for c in token.children)):
        return None
    if not any(t.text == "," for t in doc[token.head.i + 1 : token.i]):
        return None
    return token


def _verb_before(subject: Token) -> Token | None:
    """The root of the sentence the parser ended just before ``subject``, when no sentence-final mark ended it."""
    left = subject.left_edge.i - 1
    if left < 0 or subject.doc[left].text in (".", "!", "?", ":", ";") or "\n" in subject.doc[left].text:
        return None
    root = subject.doc[left].sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def _object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _modal(verb: Token) -> bool:
    return any(c.tag_ == "MD" for c in verb.children)


def _negated(token: Token) -> bool:
    """"will not", "never", and "no longer" / "no more" ("will no longer underwrite new coal mines")."""
    return any(c.dep_ == "neg" or c.lower_ in ("never",) or c.lower_ in ("longer", "more") and c.dep_ == "advmod"
               and any(g.lower_ == "no" for g in c.children) and c.i < token.i for c in token.children)


def _has_own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


_PROMISE_VERBS = frozenset({"promise", "pledge", "vow", "guarantee", "assure", "undertake", "swear", "commit"})


_TARGET_PREPOSITIONS = frozenset({"to", "by"})


def _further_targets(doc: Doc, c: Commitment) -> list[Commitment]:
    """A target the sentence adds with "and" and its own date, the verb understood: "raise the share to 45
    percent by 2030 and to 70 percent by 2035", "cut emissions by 30% by 2030 and by 55% by 2040". Each later
    step is a commitment of its own (same actor and verb), from its preposition to the end of its date."""
    verb = doc[c.verb_i]
    if c.polarity != "positive" or verb.pos_ not in ("VERB", "AUX"):
        return []
    out = []
    end = c.scope_end if c.scope_end is not None else sentence(verb).end
    for prep in doc[verb.i + 1 : end]:
        if (prep.lower_ not in _TARGET_PREPOSITIONS or prep.dep_ != "conj" or prep.i < 1
                or doc[prep.i - 1].lower_ != "and"):
            continue
        amount = next((t for t in prep.children if t.dep_ == "pobj"), None)
        if amount is None or not any(t.like_num for t in amount.subtree):
            continue  # "to 70 percent", "by 55%": a figure, not "and to the public"
        first = prep.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.head.i != verb.i and first.i not in c.chain:
            continue  # hung on the verb, or on the cue above it ("It aims to raise ... by 2030, and to 70 percent by 2035")
        stop = prep.right_edge.i
        for t in doc[prep.right_edge.i + 1 : end]:  # the step's own date may hang on the verb: "and to 70 percent by 2035"
            if t.lower_ in ("by", "in", "before") and t.head.i in (verb.i, prep.i, amount.i) and any(
                    w.like_num for w in t.subtree):
                stop = t.right_edge.i
                break
            if t.is_punct or t.lower_ in ("and", "but"):
                break
        if not any(doc[j].like_num and len(doc[j].text) == 4 for j in range(amount.right_edge.i + 1, stop + 1)):
            continue  # no year of its own: one target, not two steps
        step = replace(c, start=prep.idx, end=doc[stop].idx + len(doc[stop]), verb_i=prep.i,
                       action_text=f"{c.action_verb} {doc[prep.i : stop + 1].text}", scope_start=prep.i,
                       scope_end=stop + 1, chain=[*c.chain, verb.i], co_actors=list(c.co_actors),
                       flags=[], quantities=[])
        out.append(step)
    if out:  # the first target ends where the next begins
        last = doc[out[0].verb_i - 2]
        while last.i > c.verb_i and last.is_punct:
            last = doc[last.i - 1]
        c.end, c.scope_end = last.idx + len(last), last.i + 1
        cut = c.action_text.find(" and " + doc[out[0].verb_i].text + " ")
        c.action_text = c.action_text[:cut] if cut > 0 else c.action_text
    return out


def _subject_is_speaker(verb: Token) -> bool:
    """The clause's subject is the first person ("the reforms we will deliver")."""
    subject = _subject(verb)
    return subject is not None and subject.lower_ in ("we", "i")


def _complement_read_as_relative(verb: Token) -> bool:
    """A "relative clause" whose "that" has no gap to fill: the verb has its own subject and object besides it,
    so "that" opens a complement clause ("... the signing that Thailand would open its market")."""
    that = next((c for c in verb.children if c.lower_ == "that" and c.i < verb.i), None)
    if that is None or that.dep_ not in ("dobj", "nsubj", "mark"):
        return False
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in verb.children)
    own_object = any(c.dep_ in ("dobj", "attr") and c.i != that.i for c in verb.children)
    return own_subject and (own_object or that.dep_ == "mark")


def _verbal(token: Token) -> bool:
    """A verb, or a rare verb the tagger read as a noun although "to" marks it as an infinitive and it takes an
    object ("promised to decommission 12 coal plants")."""
    return token.pos_ in ("VERB", "AUX") or _misread_verb(token) and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _in_a_past_year(verb: Token, doc_date: str | None) -> bool:
    """The verb is dated by a whole year before the document's ("In 2025, it committed ...", "last year")."""
    year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for t in prep.children:
            if t.dep_ == "pobj" and t.like_num and len(t.text) == 4 and t.text.isdigit() and year and int(t.text) < year:
                return True
    return any(c.dep_ == "npadvmod" and c.lower_ == "year" and any(g.lower_ == "last" for g in c.children)
               for c in verb.children)


def _misread_verb(token: Token) -> bool:
    """A verb after a modal that the tagger read as an adjective or noun but the parser gave an object ("will not
    designate crew members", "undertook to exempt nutrition supplies")."""
    return token.tag_ in ("JJ", "NN") and any(c.dep_ == "dobj" for c in token.children)


def _complement(token: Token) -> Token | None:
    """The infinitive or gerund a cue governs: "agree to buy", "committed to reducing", "intention of ..."."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp") and _verbal(child) and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in child.children
        ):
            return child
    for child in token.children:
        if child.dep_ in ("acl", "relcl", "advcl") and _verbal(child) and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in child.children
        ) and child.i > token.i:
            return child
    for child in token.children:
        if (child.dep_ == "prep" or child.dep_ == "dative" and child.lower_ == "to") and child.lower_ in (
                "to", "of", "toward", "towards", "on", "from"):
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp" and grandchild.tag_ == "VBG":
                    return grandchild
                if grandchild.dep_ == "pobj" and grandchild.tag_ == "VBG":
                    return grandchild
                if (child.lower_ == "to" and grandchild.dep_ == "pobj" and grandchild.tag_ in ("NN", "VB")
                        and grandchild.i == child.i + 1 and grandchild.i + 1 < len(token.doc)
                        and token.doc[grandchild.i + 1].tag_ in ("DT", "CD", "PRP$")):
                    return grandchild  # "promised to decommission 12 GW ...", parsed as "to" + a noun
    for child in token.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and child.i > token.i:
            return child
    return None


def _modifying_gerund(action: Token) -> bool:
    """A gerund the parser hung on the noun after it as a modifier ("reopening questions")."""
    return action.dep_ in ("amod", "compound") and action.head.i > action.i and action.lower_.endswith("ing")


_ON_TRENDS = re.compile(r"\b(?:on|at|given|if) (?:the )?(?:current|present|existing|recent) (?:trends?|rates?|policies|pace)\b"
                        r"|\bif (?:current|present|recent) trends (?:continue|hold|persist)\b", re.I)
"""A projection's opening: what will happen if nothing changes is no one's commitment."""
_IN_FORCE = frozenset({"force", "effect", "effective", "valid", "applicable"})
_TERM_VERBS = frozenset({"renew", "extend", "expire", "terminate", "lapse", "continue", "remain", "stay"})
"""What a document's term does after it has been said to be in force ("... and shall be renewed automatically")."""
_TAKES_EFFECT = re.compile(r"\s+(?:into\s+)?(?:effect|force|operation)\b", re.I)
_OBLIGE_VERBS = frozenset({"oblige", "obligate", "require", "bind", "compel"})
_PROVIDE_VERBS = frozenset({"provide", "stipulate", "specify", "prescribe", "establish", "require", "mandate"})
_PROVISION_NOUNS = frozenset({"instrument", "constitution", "law", "act", "statute", "regulation", "charter",
                              "ordinance", "decree", "directive", "code", "bylaw", "by-law"})
"""A law's words ("The Fund's Governing Instrument provides that contributions shall be made ...")."""


def _clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb`` or of the verbs it hangs from ("I will begin with ...", "I want to speak")."""
    for token in [verb, *list(verb.ancestors)[:3]]:
        subject = _subject(token)
        if subject is not None:
            return subject
    return None


def _gerund_after_of(cue: Token) -> Token | None:
    """The gerund right after "intention of" that the parser read as a noun or a modifier ("no intention of
    licensing fishing", "no intention of reopening questions")."""
    of = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == cue.i + 1), None)
    if of is None or of.i + 1 >= len(cue.doc):
        return None
    word = cue.doc[of.i + 1]
    if word.is_lower and word.is_alpha and len(word) > 5 and word.lower_.endswith("ing") and word.dep_ in ("pobj", "amod", "compound"):
        return word
    return None


def _possessor(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ == "poss"), None)


_OTHERS_GOVERNORS = frozenset({"welcome"})
"""Verbs by which a text reports another's pledge ("We welcome Japan's pledge to contribute ...")."""


def _owner(noun: Token) -> Token | None:
    """Whose decision, offer or pledge: its possessor ("Japan's offer") or its "of" ("the decision of the Asian
    Development Bank to commit ..."), when that is a name."""
    owner = _possessor(noun)
    if owner is not None:
        return owner
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = of and next((c for c in of.children if c.dep_ == "pobj"), None)
    return pobj if pobj is not None and pobj.pos_ == "PROPN" else None


def _noun_phrase(head: Token) -> Span:
    """The head's phrase without relative clauses, appositions, coordination or trailing punctuation."""
    doc = head.doc
    left = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "predet", "case"):
            left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ in ("prep", "compound", "case") and child.i == right + 1:
            right = child.right_edge.i
        elif child.dep_ == "case" or (child.dep_ == "punct" and child.text in ("'s", "’s")):
            right = max(right, child.i)
    if head.dep_ == "poss" and right + 1 < len(doc) and doc[right + 1].dep_ == "case":
        right += 1
    span = doc[left : right + 1]
    if len(span) > 1 and span[-1].dep_ == "case":
        span = span[:-1]
    return span


def _speaker_phrase(head: Token) -> Span:
    """Who is quoted, with the appositions that say whom they speak for ("Abebe Tadesse, Ethiopia's
    energy minister"), as long as that stays short."""
    span = head.doc[head.left_edge.i : head.right_edge.i + 1]
    return span if len(span) <= 15 else _noun_phrase(head)


def _chain(anchor: Token, action: Token) -> list[Token]:
    chain = [action]
    t = action
    while t != anchor and t.head != t and len(chain) < 8:
        t = t.head
        chain.append(t)
        if t == anchor:
            break
    if anchor not in chain:
        chain.append(anchor)
    return chain


def _in_condition(anchor: Token) -> bool:
    """The clause is itself a condition or a purpose ("if China will ...")."""
    top = anchor
    while top.dep_ == "conj":
        top = top.head
    return top.dep_ in ("advcl", "ccomp", "csubj", "pcomp") and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
        or top.dep_ == "advcl" and c.dep_ == "advmod" and c.lower_ in ("where", "whenever") and c.i == top.left_edge.i
        for c in top.children
    )  # "Where a Party intends to modify its coverage, it shall notify ...": the condition, not a commitment


_ENUMERATOR = re.compile(r"^(?:[ivx]{1,4}|[a-h]|\d{1,2})$")


def _marker_style(sent: Span) -> str | None:
    """The kind of item marker that opens ``sent``: "bullet" ("-", "•"), "number" ("2.", "3)"), "letter" ("(a)",
    "ii)"), "bracket" (a lone "(" whose letter the parser put elsewhere), or None."""
    tokens = [t for t in sent if not t.is_space][:3]
    if not tokens:
        return None
    text = "".join(t.text for t in tokens[:3] if _is_list_marker(t) or _is_enumerator(t) or t.text in "().[]")
    core = text.strip("()[]. ")
    if not text:
        return None
    if not core:
        return "bracket" if text.strip() in ("(", "[") else "bullet"
    if not core[0].isalnum():
        return "bullet"
    return "number" if core.isdigit() or core.replace(".", "").isdigit() else "letter"


def _is_enumerator(token: Token) -> bool:
    """An item number written as tokens: the "a" of "(a)", the "ii" of "ii)", the "3" of "3."."""
    doc = token.doc
    nxt = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return bool(_ENUMERATOR.match(token.lower_)) and nxt in (")", ".") and (
        token.i == 0 or doc[token.i - 1].text in ("(",) or doc[token.i - 1].is_space or token.i == sentence(token).start
    )


def _enumerated(action: Token) -> list[Token]:
    """Verbs introduced by an enumerator inside the action's clause ("will (i) amend ... and (ii) cancel ...").

    The parser attaches such items unpredictably (conj, xcomp, advcl), so the enumerator decides."""
    out = []
    for child in action.children:
        if child.i <= action.i or child.pos_ not in ("VERB", "AUX"):
            continue
        j = child.i - 1
        while j > action.i and action.doc[j].text in (")", ".", "(") :
            j -= 1
        if j > action.i and _ENUMERATOR.match(action.doc[j].lower_) and action.doc[j + 1].text in (")", "."):
            out.append(child)
    return out


def _has_complement(verb: Token) -> bool:
    """The verb has an object or complement of its own before any coordinated verb ("amend the order and ...")."""
    first_conj = min((c.i for c in verb.children if c.dep_ == "conj"), default=len(verb.doc))
    return any(
        c.dep_ in ("dobj", "dative", "attr", "xcomp", "ccomp", "prep", "prt", "acomp", "oprd") and verb.i < c.i < first_conj
        for c in verb.children  # (a phrase before the verb is no object: "shall, in connection with X, impose or enforce")
    )


def _role_misparse(verb: Token, subject: Token) -> bool:
    """The parse of "X, as <role>, will ...": "as" taken for the verb's marker, the role for its subject and X
    for the sentence's root."""
    marker = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < subject.i), None)
    return (marker is not None and verb.dep_ == "advcl" and verb.head.i < marker.i
            and verb.head.pos_ in ("PROPN", "NOUN") and verb.head.dep_ == "ROOT")


def _in_headline(token: Token) -> bool:
    """The token is on the document's first line (its title), which has no final full stop."""
    doc = token.doc
    span = doc.user_data.get(_HEADLINE_KEY)
    if span is None:
        text = doc_cache.text(doc)
        stripped = text.lstrip()
        start = len(text) - len(stripped)
        end = text.find("\n", start)
        if end < 0 or text[start:end].rstrip().endswith("."):
            span = (0, 0)
        else:
            span = (start, end)
        doc.user_data[_HEADLINE_KEY] = span
    return span[0] <= token.idx < span[1]


def _before_semicolon(action: Token) -> set[int]:
    """"We will not dismiss any employee ...; workers will be offered retraining": the clause before the
    semicolon is a sentence of its own that the parser hung on this one."""
    out: set[int] = set()
    for conj in action.children:
        if (conj.dep_ in ("ccomp", "parataxis") and conj.i < action.i and conj.pos_ in ("VERB", "AUX")
                and any(t.text == ";" for t in action.doc[conj.right_edge.i + 1 : action.i])):
            out.update(range(conj.left_edge.i, conj.right_edge.i + 2))
    return out


def _clause_tokens(action: Token, chain: list[Token], cue: Token) -> list[int]:
    """Token indices of the action's clause without coordinated verbs that form commitments of their own."""
    skip = set()
    if _modifying_gerund(action):
        return _contiguous(action, sorted({t.i for t in action.head.subtree if t.i >= action.i} | {t.i for t in chain if t.i < action.i} | ({cue.i} if sentence(action).start <= cue.i < action.i else set())), chain)
    if not _has_complement(action):
        own = set()  # "would not contribute financially this year but would host a meeting": that one's own
        for conj in action.children:
            if conj.dep_ == "conj" and conj.i > action.i and any(c.tag_ == "MD" for c in conj.children):
                own.update(range(conj.left_edge.i - 1 if action.doc[conj.left_edge.i - 1].dep_ == "cc" else conj.left_edge.i,
                                 conj.right_edge.i + 1))
        own |= _before_semicolon(action)
        return _contiguous(action, sorted(({t.i for t in action.subtree} - own) | {t.i for t in chain if t.i < action.i} | ({cue.i} if sentence(action).start <= cue.i < action.i else set())), chain)
    skip |= _before_semicolon(action)
    for item in _enumerated(action):
        skip.update(t.i for t in item.subtree)
        skip.update(range(item.left_edge.i - 4, item.left_edge.i))
    for conj in action.children:
        if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and not _misread_participle(action, conj):
            skip.update(t.i for t in conj.subtree)
        if (conj.dep_ == "cc" or (conj.dep_ == "punct" and conj.i > action.i and any(
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > conj.i for c in action.children
        ))) and not any(c.dep_ == "conj" and c.i == conj.i + 1 and _misread_participle(action, c) for c in action.children):
            skip.add(conj.i)
    idx = [t.i for t in action.subtree if t.i not in skip]
    idx.extend(t.i for t in chain if t.i < action.i)
    if cue.i < action.i and cue.i >= sentence(action).start:
        idx.append(cue.i)
    return _contiguous(action, sorted(set(idx)), chain)


def _contiguous(action: Token, idx: list[int], chain: list[Token]) -> list[int]:
    """One contiguous run of tokens around the action, extended left to the cue and chain verbs."""
    # keep one contiguous run around the action so a skipped coordinated item never sits inside the span
    runs, run = [], [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1 or all(action.doc[j].is_space or action.doc[j].is_punct for j in range(run[-1] + 1, i)):
            run.append(i)
        else:
            runs.append(run)
            run = [i]
    runs.append(run)
    best = next(r for r in runs if action.i in r)
    lo = min(best[0], min((t.i for t in chain if t.i >= best[0] - 6), default=best[0]))
    return list(range(lo, best[-1] + 1))


def _action_text(doc: Doc, action: Token, chain: list[Token]) -> str:
    """The action's verb phrase: the verb and its objects and complements, without subject or coordination."""
    idx = {action.i}
    if _modifying_gerund(action):  # "no intention of proposing changes to ...": the parse's noun is the object
        idx.update(t.i for t in action.head.subtree)
    for child in action.children:
        if child.dep_ in ("dobj", "dative", "prt", "attr", "acomp", "oprd", "xcomp", "ccomp", "neg", "prep", "npadvmod", "advmod", "agent", "pobj", "auxpass"):
            if child.dep_ == "prep" and child.i < action.i:
                continue
            idx.update(t.i for t in child.subtree)
    if not _has_complement(action):
        # "review and update the guidelines", "impose or enforce any requirement": the verbs share the object
        for conj in action.children:
            if (conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > action.i
                    and not any(c.dep_ in _SUBJECTS or c.tag_ == "MD" for c in conj.children)):
                idx.update(t.i for t in conj.subtree)
                idx.update(c.i for c in action.children if c.dep_ in ("cc", "punct") and action.i < c.i < conj.i)
                break
    idx = sorted(i for i in idx if i >= action.i)
    end = idx[0]
    for i in idx[1:]:
        if i == end + 1:
            end = i
        else:
            break
    text = doc[action.i : end + 1].text.strip(" ,;:.\n")
    words = text.split()
    return " ".join(words[:25])


def _condition(doc: Doc, chain: list[Token], markers: set[str]) -> Mention | None:
    for verb in chain:
        if verb.dep_ == "conj" and verb.head.lower_ in _CONDITION_HEADS and verb.head.pos_ == "ADJ":
            # "shall, subject to the availability of funds, provide ...": the parser's head is "subject"
            prep = next((g for g in verb.head.children if g.dep_ == "prep" and g.lower_ in ("to", "on", "upon")), None)
            if prep is not None:
                return _mention(doc, verb.head.i, prep.right_edge.i)
        for child in verb.children:
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in markers for g in child.children):
                return _mention(doc, child.left_edge.i, child.right_edge.i)
            if child.dep_ == "advcl" and child.i < verb.i and doc[child.left_edge.i].lower_ == "where" and \
                    doc[child.left_edge.i].dep_ == "advmod":
                return _mention(doc, child.left_edge.i, child.right_edge.i)  # "Where a Party intends to modify ..., it shall"
            if child.dep_ in ("prep", "advcl", "amod", "advmod", "acomp") and child.lower_ in _CONDITION_HEADS and any(
                    g.dep_ == "prep" and g.lower_ in ("to", "on", "upon") for g in child.children):
                return _mention(doc, child.left_edge.i, child.right_edge.i)  # "subject to approval by the Diet"
            if child.dep_ == "advmod" and child.lower_ == "long" and child.i > 0 and doc[child.i - 1].lower_ in ("as", "so") and any(
                    g.dep_ == "advcl" for g in child.children):
                return _mention(doc, child.i - 1, child.right_edge.i)  # "as long as the army stays in its barracks"
            if child.dep_ in ("advcl", "ccomp", "prep") and child.lower_ in ("provided", "providing"):
                return _mention(doc, child.left_edge.i, child.right_edge.i)
            if child.dep_ == "prep" and child.lower_ in ("in",) and any(g.lower_ in ("exchange", "return") for g in child.children):
                return _mention(doc, child.left_edge.i, child.right_edge.i)
            if child.dep_ == "prep" and child.lower_ == "in" and any(
                    g.dep_ == "pobj" and g.lower_ == "event" for g in child.children):
                return _mention(doc, child.left_edge.i, child.right_edge.i)  # "In the event of a declared emergency"
            if child.dep_ == "prep" and child.lower_ == "except" and child.i > verb.i:
                return _mention(doc, child.left_edge.i, child.right_edge.i)  # "... except for a public purpose"
            if child.dep_ == "advcl" and child.i < verb.i and any(
                    g.dep_ == "aux" and g.lower_ == "should" and g.i == child.left_edge.i for g in child.children):
                return _mention(doc, child.left_edge.i, child.right_edge.i)  # "Should financing be secured, ..."
            if child.dep_ == "prep" and child.lower_ in ("with", "given") and child.i < verb.i and any(
                    _support_received(g) for g in child.children if g.dep_ == "pobj"):
                return _mention(doc, child.left_edge.i, child.right_edge.i)  # "With adequate international support, we will ..."
    return None


_CONDITION_HEADS = frozenset({"subject", "conditional", "contingent", "dependent"})


_SUPPORT_NOUNS = frozenset({"support", "finance", "financing", "funding", "resources", "assistance", "investment"})
_SUPPORT_ENOUGH = frozenset({"adequate", "sufficient", "enough", "additional", "predictable", "international",
                             "external", "concessional", "appropriate"})


def _support_received(noun: Token) -> bool:
    """Support the actor would receive, put as a premise: "adequate international support", "sufficient
    concessional finance" (an NDC's conditional target)."""
    return noun.lemma_.lower() in _SUPPORT_NOUNS and any(c.dep_ == "amod" and c.lower_ in _SUPPORT_ENOUGH for c in noun.children)


def _mention(doc: Doc, first: int, last: int) -> Mention:
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    span = doc[first : last + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


def _is_list_marker(token: Token) -> bool:
    return bool(_LIST_MARKER.match(token.text)) and token.i == sentence(token).start


_HOLD_VERBS = frozenset({"remain", "stay"})
_HOLD_UNTIL = frozenset({"until", "through", "throughout", "till", "for", "in", "during"})


def _own(commitment: Commitment, subject: Span | None, chapeau: Span | None = None) -> None:
    """Give a list item its chapeau's subject (who commits) and the chapeau's token range."""
    if subject is not None:
        commitment.actor_text = subject.text
        commitment.actor_start = subject.start_char
        commitment.actor_end = subject.end_char
    if chapeau is not None:
        commitment.chapeau_start = chapeau.start
        commitment.chapeau_end = chapeau.end


def _according_to(verb: Token) -> bool:
    """The clause is attributed with "according to" ("China would also remove ..., according to the statement"):
    reported speech without a speech verb."""
    sent = sentence(verb)
    if "according" not in doc_cache.text(verb.doc)[sent.start_char : sent.end_char].lower():
        return False  # (most sentences: no walk over their tokens)
    top = verb
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return any(t.lower_ == "according" and t.head.i in (verb.i, top.i) and any(c.lower_ == "to" for c in t.children)
               for t in sent)


def _misread_participle(action: Token, conj: Token) -> bool:
    """A participle the parser made the action's coordinated verb, with no subject or auxiliary of its own: an
    adjective of the next object ("cut emissions from its own plants and purchased energy by 70% by 2030")."""
    return (conj.tag_ in ("VBD", "VBN") and action.tag_ not in ("VBD", "VBN")
            and any(c.dep_ == "dobj" and c.i == conj.i + 1 for c in conj.children)  # "purchased energy": a noun's adjective
            and not any(c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass", "ccomp", "xcomp") for c in conj.children))


def _dated(verb: Token) -> bool:
    """The verb carries a by/before/from/within date of its own ("... by 2028")."""
    return any(t.dep_ == "prep" and t.lower_ in ("by", "before", "from", "within", "until")
               and any(g.ent_type_ == "DATE" for g in t.subtree) for t in verb.children)


def _held_lever(verb: Token, subject: Token, levers: set[str]) -> bool:
    """A policy lever the speaker sets, held at a level for a stated time: "Import duties on electric vehicles
    will stay at zero until the end of 2030", "the property tax rate will remain at 11.9 mills through 2028" (not
    "inflation will remain high", not "prices will stay elevated through 2027": nobody sets those)."""
    if verb.lemma_ not in _HOLD_VERBS or subject.i > verb.i:
        return False
    words = {subject.lemma_.lower()} | {t.lemma_.lower() for t in subject.children if t.dep_ in ("compound", "amod")}
    if subject.lemma_.lower() == "rate":
        if not words & (levers | {"policy", "interest", "repo", "base", "cash", "discount", "vat"}):
            return False  # "the unemployment rate will remain ...": a forecast
    elif subject.lemma_.lower() not in levers:
        return False
    level = any(t.dep_ == "prep" and (t.lower_ == "at" or t.lower_ == "in" and any(
        g.lemma_ in ("place", "force") for g in t.children)) or t.dep_ in ("acomp", "advmod", "oprd") and t.lower_ in (
        "unchanged", "frozen", "zero", "suspended") for t in verb.children)  # "at 11.9 mills", "in place", "unchanged"
    dated = any(t.dep_ == "prep" and t.lower_ in _HOLD_UNTIL and any(g.ent_type_ == "DATE" for g in t.subtree)
                for t in verb.children)
    return level and dated


def _item_words(doc: Doc, sent: Span | None) -> list[Token]:
    """The words of a line that opens with a list marker, the marker first; [] for any other sentence."""
    if sent is None or not _starts_line(doc, sent):
        return []
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    return words if words and (_is_list_marker(words[0]) or _is_enumerator(words[0])) else []


def _infinitive_item(doc: Doc, sent: Span | None) -> bool:
    """A line that opens with a list marker and an infinitive: "(a) to achieve a given level of ..."."""
    words = _item_words(doc, sent)
    return len(words) >= 3 and words[1].lower_ == "to" and words[2].tag_ == "VB"


def _counted_object(verb: Token) -> bool:
    """The verb's object is a counted plural ("three prior actions", "the following steps")."""
    obj = _object(verb)
    return obj is not None and obj.tag_ == "NNS" and any(
        c.dep_ == "nummod" or c.lower_ in ("following", "these", "several") for c in obj.children)


def _verb_item(doc: Doc, sent: Span | None) -> bool:
    """A line that opens with a list marker and a verb: "(i) publish the report ...", "- adopt a budget ..."."""
    words = _item_words(doc, sent)
    return len(words) >= 2 and (words[1].tag_ in ("VB", "VBP")
                                or words[1].pos_ == "VERB" and words[1].lower_ == words[1].lemma_)


def _next_sentence(doc: Doc, sent: Span) -> Span | None:
    if sent.end >= len(doc):
        return None
    return sentence(doc[sent.end])


_NOUN_DEPS = {"compound", "amod", "nmod", "dep", "npadvmod", "nsubj", "nsubjpass", "dobj", "pobj", "appos"}


def _starts_line(doc: Doc, sent: Span) -> bool:
    first = sent.start
    while first < sent.end and doc[first].is_space:
        first += 1
    if sent.start == 0:
        return True
    return "\n" in doc[sent.start - 1].text or "\n" in doc[sent.start].text or "\n" in doc[sent.start - 1].whitespace_


_NOT_ITEM_VERB = {"VBD", "VBN", "VBG", "VBZ", "DT", "PRP", "PRP$", "IN", "CD", "WDT", "WP", "CC", "MD", "EX"}


def _list_item_verb(token: Token) -> bool:
    """A list item that starts with a bare verb: "Suspend the tariffs ...", "purchase soybeans ...".

    The tagger often reads a capitalised verb at the start of a bullet as a proper noun ("Grant full market
    access"), so under a committing chapeau any item that does not start with a determiner, pronoun,
    preposition, number or past/gerund form counts as a verb."""
    if token.tag_ in ("VB", "VBP"):
        return True
    if token.tag_ in ("VBD", "VBN") and token.lower_ == token.lemma_:
        return True  # "cut", "set", "put": a base form the tagger read as a past one
    if token.tag_ == "PDT" and token.lower_ in ("double", "triple", "quadruple"):
        return True  # "- triple the bulk billing incentive ...": a verb the tagger read as "double the" in "double the size"
    if token.tag_ in ("JJR", "RBR") and token.i + 1 < len(token.doc) and token.nbor().pos_ in ("DET", "PRON"):
        return True  # "- lower the reciprocal tariff ...", "- further the work ...": a comparative form read as a verb
    if token.tag_ in _NOT_ITEM_VERB:
        return False
    return token.is_alpha and (token.is_title or token.is_lower) and token.tag_ in ("NNP", "NN", "NNS", "JJ", "RB")
