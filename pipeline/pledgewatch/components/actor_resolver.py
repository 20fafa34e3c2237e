"""Who commits: canonical actors, joint subjects split per party, and commitments without an actor dropped.

The alias table ``patterns/actors.jsonl`` maps the ways texts name an actor to one canonical name
("Beijing", "the Chinese side", "President Xi" -> "China"). For each commitment the resolver looks at the
subject the detector found and, in this order:

- a group said to include named actors ("Donors, including Germany and Japan, pledged"): those actors;
- "both sides", "the two countries", "each Party", "officials of both governments" and a joint statement's
  "we": one commitment per party of the document (its title names them), each listing the others in
  ``co_actors``;
- "we"/"our": the document's speaker (from its title, its issuer, a manifesto's party, or opening lines);
- an alias, or a demonym before an agent noun ("the U.S. side", "South African Presidency"); institutions
  named after a state ("the Central Bank of Iceland") and acronyms the text defines are their own actors;
- a named organisation or person from the parser's NER, cleaned of "the" and legal suffixes;
- an agent noun ("the government", "the Ministry", "the company"): the document's speaker when it can have
  one (an organisation's "the authorities" are a state's; a government's "the company" is the firm named);
- "it", "they": whoever reports the clause ("Greece informed us that it will"), the subject of the
  commitment just before, else the nearest preceding actor.

Anything else ("prices will rise", "the tariffs will take effect") is not an actor, and the commitment is
dropped. Coordinated subjects ("China and the United States agreed ...") list each other as co-actors.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
import re
from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from ..serialization import JSONState
from .. import patterns as rule_files
from .. import doc_cache
from ..temporal import year_label
from ..commitment import Commitment
from ..quotes import quote_attribution

_TICKER = re.compile(r"\s*\((?:[A-Z][\w ]*:\s*)?[A-Z]{1,6}(?:[ .][A-Z])?\)|\s*\((?:NYSE|Nasdaq|NASDAQ|LSE|TSX|ASX|Euronext|SIX|OTC)\b")
"""A stock listing after a name: "(NYSE: ORV)", "(Nasdaq Copenhagen: TESS B)", "(LSE: DTEL)"."""
_LISTED_ISSUER = re.compile(
    r"((?:[A-Z][\w&.'’/-]*,?\s+){0,5}[A-Z][\w&.'’/-]*)\s*\((?:[A-Z][\w ]*:\s*)?[A-Z]{1,6}(?:[ .][A-Z])?\)\s+today\s+"
    r"(?:announced|unveiled|published|released|launched|set out|committed|pledged|presented|introduced|outlined)\b")
"""A listed firm announcing, the press-release idiom: "Serenne Pharma AG (SIX: SRNP) today announced"."""
_LEGAL_FORM_AFTER = re.compile(r"[,\s]+(?:Inc\.?|Co\.,?\s+Ltd\.?|Ltd\.?|Limited|plc|PLC|Corp\.?|LLC|S\.A\.A\.|S\.A\.|SA|AG|SE|N\.V\.|NV|GmbH|ASA|A/S|AB|Oyj|S\.p\.A\.|SpA|K\.K\.|Pty|Pte\.?|Sdn\.?|Bhd\.?|Tbk|PJSC|JSC|LLP|BV|B\.V\.|SAS|Ltda\.?)(?![\w/])")
_LEGAL_SUFFIX = re.compile(
    r"[,\s]+(?:Inc\.?|Incorporated|Ltd\.?|Limited|plc|PLC|Corp\.?|LLC|L\.L\.C\.|S\.A\.|SA|AG|SE|N\.V\.|NV|GmbH|Co\.?|Group Holdings|ASA|AS|A/S|AB|Oyj|S\.p\.A\.|SpA|KK|K\.K\.|Pty|Pte\.?|Sdn\.?|Bhd\.?|Tbk|Holdings|JSC|PJSC|OJSC|Joint[- ]Stock Company|LLP|Oy|BV|B\.V\.|SAS|Ltda\.?)$"
)
_DELIBERATIVE = {"committee", "board", "council", "conference"}  # organs that decide for their institution
_BANK_ORGANS = {"management", "institution", "lender"}  # "Management has promised ...", "the institution will ..." of the bank
_PRONOUNS = {"it", "they", "he", "she", "its", "their", "his", "her", "them"}
_GOVERNMENTS = ("state", "region", "city")  # kinds of actor that have ministries, departments and a government
_HEADER_CHARS = 400
_ACTOR_ENTS = {"ORG", "GPE", "NORP", "PERSON", "FAC"}


@Language.factory(
    "pledgewatch_actor_resolver",
    default_config={"drop_unresolved": True},
    requires=["doc._.commitments"],
    assigns=["doc._.commitments", "doc._.speakers"],
)
def make_actor_resolver(nlp: Language, name: str, drop_unresolved: bool) -> "ActorResolver":
    return ActorResolver(nlp.vocab, name=name, drop_unresolved=drop_unresolved, tokenizer=nlp.tokenizer)


class ActorResolver(JSONState, Pipe):
    """Give every commitment a canonical actor, split joint ones, drop those with no one to commit."""

    def __init__(self, vocab, name: str = "pledgewatch_actor_resolver", *, drop_unresolved: bool = True, tokenizer=None):
        self.vocab = vocab
        self.tokenizer = tokenizer
        self.name = name
        self.drop_unresolved = drop_unresolved
        self.actors: list[dict] = []
        self.lexicons: dict[str, list[str]] = {}
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(vocab)
        self._firms: set[str] = set()  # firms the current document defines ('Orvell Automotive SE ("Orvell")')
        self._people: dict[str, str] = {}  # surnames of the people the current document ties to a state: the state
        self._bodies: set[str] = set()

    def initialize(self, get_examples=None, *, nlp=None, patterns_dir=None, actors=None, lexicons=None) -> None:
        """Load the alias table and word lists (from ``patterns_dir`` or the default patterns folder)."""
        directory = Path(patterns_dir) if patterns_dir else None
        if actors is None:
            actors = [a.model_dump() for a in rule_files.load_actors(directory)]
        if lexicons is None:
            lexicons = rule_files.load_lexicons(directory)
        self._set_rules(actors, lexicons)

    def _set_rules(self, actors: list[dict], lexicons: dict[str, list[str]]) -> None:
        self.actors = [rule_files.ActorRule.model_validate(a).model_dump() for a in actors]
        self.lexicons = lexicons
        self.words = {k: {w.lower() for w in v} for k, v in lexicons.items()}
        self.generic_words = (self.words["office_titles"] | self.words["agent_nouns"] | self.words["government_nouns"]
                              | self.words["state_bodies"] | self.words["party_nouns"])  # "Prime Minister X" is no firm's name
        self.common_nouns = (self.generic_words | self.words["organ_nouns"] | self.words["group_nouns"]
                             | self.words["company_nouns"] | self.words["bloc_nouns"]
                             | {"organisation", "organization", "institution", "article", "province", "leader"})
        self.civic_nouns = (self.words["government_nouns"] | self.words["state_bodies"] | self.words["office_titles"]
                            | {"coalition", "province", "minister", "government", "cabinet"})
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(self.vocab)
        self._canonical_cache: dict[str, str] = {}
        self.kind = {}
        self.adjectives: dict[str, str] = {}
        self.adjectives_of: dict[str, list[str]] = {}  # canonical -> its adjectives
        self.long_names: dict[str, list[str]] = {}  # canonical -> its aliases of more than one word, lower-case
        self.capitals: dict[str, str] = {}  # a region's capital -> the region, for datelines
        self.countries: dict[str, str] = {}  # a region -> its state
        for actor in self.actors:
            self.kind[actor["canonical"]] = actor["kind"]
            if actor["country"]:
                self.countries[actor["canonical"]] = actor["country"]
            for capital in actor["capitals"]:
                self.capitals[capital.lower()] = actor["canonical"]
            names = [actor["canonical"], *actor["aliases"]]
            self.long_names[actor["canonical"]] = [n.lower() for n in names if " " in n]
            exact = [n for n in names if _needs_case(n)]
            if exact:
                self.exact_matcher.add(actor["canonical"], [self._make_doc(n) for n in exact])
            self.matcher.add(actor["canonical"], [self._make_doc(n) for n in names if not _needs_case(n)])
            for adj in actor["adjectives"]:
                self.adjectives[adj] = actor["canonical"]
            self.adjectives_of[actor["canonical"]] = list(actor["adjectives"])
        pairs = sorted((a for a in self.adjectives if " " in a or self.kind.get(self.adjectives[a]) == "region"),
                       key=len, reverse=True)  # "South Australian", "North Korean"; a region's "Victorian"
        self._two_word_adjective = re.compile(
            rf"\b({'|'.join(map(re.escape, pairs)) or '(?!)'})\s+([A-Za-z]+)\b")

    def _make_doc(self, text: str) -> Doc:
        if self.tokenizer is not None:
            return self.tokenizer(text)
        return Doc(self.vocab, words=_split(text))

    def get_state(self) -> dict:
        return {"actors": self.actors, "lexicons": self.lexicons, "drop_unresolved": self.drop_unresolved}

    def set_state(self, state: dict) -> None:
        self.drop_unresolved = state["drop_unresolved"]
        self._set_rules(state["actors"], state["lexicons"])

    # ------------------------------------------------------------------ call
    def __call__(self, doc: Doc) -> Doc:
        if not self.actors:
            raise ValueError(f"{self.name}: no actor table loaded; call nlp.initialize() first")
        self._firms: set[str] = set()
        self._organised: set[str] = set()  # institutions the text gives a board or committee (no ministries)
        self._agreements: list[tuple[int, list[str]]] | None = None  # (sentence start, the two that agreed), once per doc
        self._agreements_any: list[tuple[int, list[str]]] | None = None  # the same, the speaker among them
        self._bodies: set[str] = set()  # organisations of states the current document's title names
        self._people = {}
        self._city: str | None = None  # the document's city, once asked ("" for none)
        self._surnames: set[str] | None = None  # last words of the people the NER found by full name, once asked
        self._counterparts: set[str] = set()  # whom a title names after "with" ("Call with the President of X")
        mentions = self._mentions(doc)
        text = doc_cache.text(doc)
        named = {text[a:b]: canonical for a, b, canonical in mentions}
        doc._.speakers = [named.get(s, s) for s in self._speakers(doc, mentions)]  # "Orvell": "Orvell Automotive"
        self._firms.update(s for s in doc._.speakers if s not in self.kind and _listed_firm(text, s))
        out: list[Commitment] = []
        for c in _one_name_not_two(doc._.commitments or [], mentions, text):
            resolved = [(self._ministry_state(doc, c, mentions, name), kind)
                        for name, kind in self._resolve(doc, text, c, mentions, out[-1] if out else None)]
            if not resolved:
                if not self.drop_unresolved:
                    out.append(c)
                continue
            if len(resolved) == 1:
                c.actor_canonical, c.actor_kind = resolved[0]
                out.append(c)
                continue
            names = [name for name, _ in resolved]
            for name, kind in resolved:
                copy = Commitment(**{**vars(c)})
                copy.actor_canonical, copy.actor_kind = name, kind
                copy.co_actors = [n for n in names if n != name]
                out.append(copy)
        agencies: dict[str, str | None] = {}
        speakers = doc._.speakers or []
        for c in out:
            c.actor_canonical = _city_of(c.actor_canonical)
            if self._generic(c.actor_canonical) and c.actor_start is not None:
                # a bare common noun is no one's name ("Organisation", "Committee", "Coalition"): the one speaker, or
                # the state (for a government's words) or actor named just before; else the word as written
                civic = c.actor_canonical.lower().split()[-1].rstrip("s") in self.civic_nouns
                c.actor_canonical = (speakers[0] if len(speakers) == 1 else self._previous_actor(
                    doc, c.actor_start, mentions, states_only=civic, window=1500)) or c.actor_canonical
            name = c.actor_canonical
            if name and name not in self.kind and len(name.split()) > 2:
                # "NATO Security Assistance and Training for Ukraine", "ASEAN Secretariat": a body an organisation's
                # name opens is the organisation's, as a ministry is its state's
                opening = self._canonical(name.split()[0])
                if self.kind.get(opening) in ("organisation", "group"):
                    c.actor_canonical = name = opening
            if name and name not in self.kind and _AGENCY.search(name):
                if name not in agencies:
                    agencies[name] = self._agency_state(doc, name, mentions)
                c.actor_canonical = agencies[name] or name
        out = _one_record_per_actor(out, text)
        self._unnamed_we(out)
        _link_coordinated(out)
        for c in out:
            if c.reported_speaker is None and c.reported_cue is None:
                # '"We will not go back to the old ways. ...," the minister said.': a quotation the paragraph
                # attributes is reported (set after the actor is resolved, which reads the clause's own words)
                quoted = quote_attribution(text, c.start)
                if quoted is not None:
                    c.reported_speaker, c.reported_cue = quoted
        doc._.commitments = out
        return doc

    def _unnamed_we(self, out: list[Commitment]) -> None:
        """A "we" nothing in the document names (a budget speech "delivered by the Treasurer" of a state the alias
        table does not know) is the actor the document's other commitments name most ("the Government" resolved to
        the state its text calls itself): a pronoun is never a canonical name."""
        pronoun = self.words["first_person"]
        unnamed = [c for c in out if c.actor_canonical and c.actor_canonical.lower() in pronoun]
        if not unnamed:
            return
        named = Counter(c.actor_canonical for c in out if c.actor_canonical and c.actor_canonical.lower() not in pronoun
                        and c.actor_canonical.lower() not in _PRONOUNS)
        if named:
            for c in unnamed:
                c.actor_canonical = named.most_common(1)[0][0]

    def _mentions(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Alias mentions as (start_char, end_char, canonical), longest first where they overlap."""
        found = []
        for matcher in (self.matcher, self.exact_matcher):
            for key, start, end in matcher(doc):
                span = doc[start:end]
                found.append((span.start_char, span.end_char, self.vocab.strings[key]))
        found = self._without_lone_ambiguous(doc_cache.text(doc), found)
        acronyms = self._acronym_mentions(doc, found)
        if acronyms:  # where the text defines letters itself, its definition replaces the table's
            own = {(a, b) for a, b, _ in acronyms}
            found = [m for m in found if (m[0], m[1]) not in own]
        found.extend(acronyms)
        found.extend(self._short_name_mentions(doc, found))
        found.extend(self._defined_party_mentions(doc, found))
        found.extend(self._person_mentions(doc, found))
        found.extend(self._institution_mentions(doc, found))
        found.extend(self._state_firm_mentions(doc))
        text = doc_cache.text(doc)
        found.extend(self._two_word_adjective_mentions(text))
        found = [m for m in found if not (self.kind.get(m[2]) == "state" and _in_place_name(text, m[0], m[1], self.words["place_words"]))
                 and not text.startswith("$", m[1])]  # "US$100", "NZ$40 million": a currency
        found = self._without_stray_capitals(text, found)
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept, last_end = [], -1
        for m in found:
            if m[0] >= last_end:
                kept.append(m)
                last_end = m[1]
        return kept

    def _two_word_adjective_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """"The South Australian Government", "North Korean authorities", "the Victorian Government": the two-word
        (or a region's) adjective names the actor, not the "Australian Government" inside it."""
        out = []
        for match in self._two_word_adjective.finditer(text):
            if match.group(2).lower() in self.words["government_nouns"] | self.words["state_bodies"]:
                out.append((match.start(1), match.end(1), self.adjectives[match.group(1)]))
        return out

    def _state_firm_mentions(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Firms named after their state ("Vietnam Airlines", "Ethiopian Airlines", "Air India", "Kenya Power"):
        the firm is the actor, under its own name, not the state in it."""
        text = doc_cache.text(doc)
        out = []
        for match in _STATE_FIRM.finditer(text):
            word = match.group(1) or match.group(2)
            state = self.adjectives.get(word) or self._canonical(word)
            if self.kind.get(state) == "state":
                out.append((match.start(), match.end(), match.group(0)))
                self._firms.add(match.group(0))
        return out

    def _without_lone_ambiguous(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Leave out an alias several states share ("Congress") where the text never names its state otherwise:
        the Congress of a report on Colombia is not the United States'."""
        ambiguous = self.words["ambiguous_aliases"]
        vague = [m for m in found if text[m[0] : m[1]].lower() in ambiguous]
        if not vague:
            return found
        named = {m[2] for m in found if text[m[0] : m[1]].lower() not in ambiguous}
        return [m for m in found if text[m[0] : m[1]].lower() not in ambiguous
                or m[2] in named and not self._someone_elses(text, m)]

    def _someone_elses(self, text: str, mention: tuple[int, int, str]) -> bool:
        """An alias several states share, written as another's: "ratified by the National Congress" (Paraguay's),
        "Brazil's Congress", "the Colombian Congress"."""
        before = re.search(r"([A-Z][\w'’-]+)(?:'s|’s)?\s+$", text[max(0, mention[0] - 40) : mention[0]])
        if before is None:
            return False
        word = before.group(1)
        if word == "National":
            return True
        state = self.adjectives.get(word) or self._canonical(word)
        return self.kind.get(state) == "state" and state != mention[2]

    def _without_stray_capitals(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Leave out a state named only by another word for it (a capital, a leader) when the text names
        other states but never this one: the "Santiago" of a text on Cabo Verde is an island, not Chile."""
        states = {m[2] for m in found if self.kind.get(m[2]) == "state"}
        if len(states) < 2:
            return found
        lowered = text.lower()
        spelled = {c for c in states if c in text or any(n in lowered for n in self.long_names.get(c, []))
                   or any(re.search(rf"(?<![\w.]){re.escape(a)}(?!\w)", text)
                          for a in self.adjectives_of.get(c, ()))}  # "US", not the "US" of "USD 60 million"
        if not spelled or spelled == states:
            return found
        return [m for m in found if self.kind.get(m[2]) != "state" or m[2] in spelled]

    def _defined_party_mentions(self, doc: Doc, known) -> list[tuple[int, int, str]]:
        """Parties an agreement names by a defined term ('The Government of the Sultanate of Oman, represented by
        the Ministry of Labour (hereinafter "the First Party")'): every later "the First Party" is that state."""
        text = doc_cache.text(doc)
        if "hereinafter" not in text and "hereafter" not in text:
            return []
        out, begin = [], 0
        for m in _DEFINED_PARTY.finditer(text, 0, 20_000):
            states = [c for a, b, c in known if begin <= a and b <= m.start() and self.kind.get(c) in _GOVERNMENTS]
            begin = m.end()
            if not states:
                continue
            term = m.group(1)
            for use in re.finditer(rf"\b(?:[Tt]he\s+)?{re.escape(term)}\b", text[m.end():]):
                out.append((m.end() + use.start(), m.end() + use.end(), states[0]))
        return out

    def _short_name_mentions(self, doc: Doc, known) -> list[tuple[int, int, str]]:
        """A firm's full name with the short name it defines ('Orvell Automotive SE ("Orvell" or "the
        company")'), and every use of the short name: all name the firm without its legal form."""
        text = doc_cache.text(doc)
        if "(" not in text:
            return []
        taken = {(a, b) for a, b, _ in known}
        out = []
        for m in _SHORT_NAME_DEFINITION.finditer(text, 0, 20_000):
            short, full = m.group(2), m.group(1)
            at = re.search(rf"\b{re.escape(short.split()[0])}\b", full)
            if at is None or short == full:
                continue  # the defined name must be the start of the full one ("Orvell" of "Orvell Automotive")
            full = full[at.start() :]
            name = _LEGAL_SUFFIX.sub("", full).strip(" ,")
            if name in self.kind or self._canonical(name) in self.kind or name.split()[0].lower() in self.words["government_nouns"]:
                continue
            out.append((m.start(1) + at.start(), m.end(1), name))
            if name != full or "company" in text[m.end(2) : m.end(2) + 40]:
                self._firms.add(name)  # a legal form or "the company": a firm, which has no authorities
            for use in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
                if (use.start(), use.end()) not in taken and not text.startswith(full, use.start()):
                    out.append((use.start(), use.end(), name))
        ends = [m[1] for m in known]
        for m in _HEREINAFTER.finditer(text, 0, 20_000):
            # 'the Government of the Republic of Colombia (hereinafter "the Government")': every later
            # "the Government" is Colombia; 'the National Mining Holding ("the Majority Shareholder")': the holding
            i = bisect_right(ends, m.start()) - 1
            if i >= 0 and m.start() - known[i][1] <= 3 and self.kind.get(known[i][2]) in ("state", "region", "organisation", "city"):
                name = known[i][2]
            else:
                run = _NAME_BEFORE.search(text, max(0, m.start() - 80), m.start())
                if run is None:
                    continue
                name = _LEGAL_SUFFIX.sub("", re.sub(r"^(?:The|the)\s+", "", run.group(1))).strip()
                if not name or name.split()[0].lower() in self.generic_words or name in self.adjectives or (
                        name.split()[-1].lower() in self.words["document_nouns"] | self.words["instrument_nouns"]):
                    continue  # 'a Market Access Arrangement (the "Arrangement")' commits no one
                name = self._canonical(name)
            short = m.group(1)
            for use in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text[m.end() :]):
                start = m.end() + use.start()
                if (start, start + len(short)) not in taken:
                    out.append((start, start + len(short), name))
        return out

    def _person_mentions(self, doc: Doc, known) -> list[tuple[int, int, str]]:
        """People the text introduces as speaking for a state ("Latvian Prime Minister Arturs Kalnins",
        "Abebe Tadesse, Ethiopia's energy minister"): every later mention of their surname names the state."""
        if len(doc) < 8:
            return []
        states = sorted((a, b, c) for a, b, c in known if self.kind.get(c) == "state")
        starts = [m[0] for m in states]
        people: dict[str, str] = {}
        text = doc_cache.text(doc)
        leaders: set[str] | None = None  # surnames the text writes after a leader's title
        firm_words: set[str] | None = None  # first words of the organisations the NER found ("Zaanstroom Cocoa Group")
        honoured: set[tuple[str, str]] | None = None
        for ent in doc_cache.entities(doc)[0]:
            if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text in ("'s", "’s"):
                ent = Span(doc, ent.start, ent.end - 1, label=ent.label)  # "Prime Minister Tiit Raudsepp's pledge"
            if ent.label_ != "PERSON" or ent[-1].text in people:
                continue
            if len(ent) == 1 and any(a < ent.end_char and ent.start_char < b for a, b, _ in states):
                continue  # "... visits to Tanzania, Malawi": a state the NER took for a person
            if ent[-1].lower_ in self.words["non_agent_nouns"] or re.search(rf"\b{re.escape(ent[-1].lower_)}\b", text):
                continue  # "The Meeting was chaired by the Minister of ...": a common noun the NER took for a name
            if len(ent) == 1:
                if firm_words is None:
                    firm_words = {e[0].text for e in doc_cache.entities(doc)[0] if e.label_ == "ORG" and len(e) > 1}
                if ent.text in firm_words:
                    continue  # "Zaanstroom" of "Zaanstroom Cocoa Group NV": a firm's short name, not a person
            before = doc[max(0, ent.start - 8) : ent.start]
            after = doc[ent.end : min(len(doc), ent.end + 8)]
            # the windows stay in the name's paragraph: '... told reporters after the meeting.\n\nGerman Finance ...'
            cut = next((t.i for t in after if "\n" in t.text), None)
            if cut is not None:
                after = doc[ent.end : cut]
            cut = next((t.i for t in reversed(before) if "\n" in t.text), None)
            if cut is not None:
                before = doc[cut + 1 : ent.start]
            if ent.end < len(doc) and doc[ent.end].text == ":":
                after = doc[ent.end : ent.end]  # "Bloomberg: Argentina's foreign minister said ...": a label, then a question
            cut = next((t.i for t in after if t.lower_ in _OTHER_PARTY_WORDS), None)
            # an adjective after "with" is another's: "Secretary Hollister's Meeting with Kazakhstani Foreign Minister ..."
            own_after = doc[ent.end : cut] if cut is not None else after
            titled = any(t.lower_ in self.words["office_titles"] for t in list(before) + list(after))
            possessed = ent.start >= 2 and doc[ent.start - 1].text in ("'s", "’s")  # "Latvia's Arvids Kalnins"
            if _FIRM_OFFICE_ANY_CASE.search(doc[max(0, ent.start - 4) : ent.start].text) or _FIRM_OFFICE_ANY_CASE.match(
                    doc[ent.end : min(len(doc), ent.end + 6)].text.lstrip(", ")):
                continue  # "Chief executive Dalia Mansour spoke to our Cairo bureau": a firm's, not a state's
            if not (titled or possessed):
                # "When Timothy Mwale stood ..." in a column headed "Eighteen months of President Mwale"
                if leaders is None:
                    leaders = {m.group(1) for m in _LEADER_NAMED.finditer(text)}
                if ent[-1].text in leaders:
                    state = self._only_state(doc, states)
                    if state:
                        people[ent[-1].text] = state
                continue
            if possessed and not titled:
                before = doc[max(0, ent.start - 5) : ent.start]
                after = own_after = doc[ent.end : ent.end]
            state = None
            for token in reversed(before):
                if token.text in self.adjectives and not (token.i > 0 and doc[token.i - 1].lower_ in ("for", "of")):
                    # (not the portfolio of "Federal Minister for European and International Affairs Katharina ...")
                    state = self.adjectives[token.text]
                    break
            if state is None:
                for window in (before, after):
                    i = bisect_left(starts, window.start_char)
                    if i < len(states) and states[i][1] <= window.end_char:
                        state = states[i][2]
                        break
                    for token in (own_after if window is after else window):
                        if token.text in self.adjectives and not (token.i > 0 and doc[token.i - 1].lower_ in ("for", "of")):
                            state = self.adjectives[token.text]
                            break
                    if state:
                        break
            if state is None and _LEADER_BEFORE.search(before[-2:].text):
                if {t.lower_ for t in before[-2:]} & _REGIONAL_TITLES:
                    state = self._document_region(text, known)  # "Premier Lavallee" in Manitoba's budget release
                state = state or self._only_state(doc, states)  # "President Mwale" in a column about Malawi alone
            if "mayor" in {t.lower_ for t in before[-3:]} and not possessed:
                # "Mayor Grace Okafor", "Stanwick Mayor Marcus Whitfield": the city ("a leader of a city is the city")
                named = next((t for t in reversed(before[-4:]) if t.lower_ == "mayor"), None)
                own = doc[max(0, named.i - 3) : named.i] if named is not None else None
                lead = re.search(_CITY_NAME + r"(?:'s|’s)?\s*$", own.text) if own is not None and len(own) else None
                city = lead.group(1) if lead and not {w.lower() for w in lead.group(1).split()} & (
                    _NOT_CITY_WORDS | _CALENDAR_WORDS) else self._document_city(text)
                if city:
                    people[ent[-1].text] = city
                    continue
            if "governor" in {t.lower_ for t in before[-3:]}:
                bank = self._bank(doc, known)  # "Governor Ignacio Valdivieso" in a text on the central bank: the bank
                state = bank or state
            if state is None and titled and _MINISTER_BEFORE.search(before[-4:].text):
                # "Housing Minister Claude Wirtgen", "Interior Cabinet Secretary Joseph Mbogo": a minister the text
                # gives no country is one of the state it is about
                national = {t.lower_ for t in before[-4:]} & {"cabinet", "federal", "union", "national"}
                state = (None if national else self._document_region(text, known)) or self._only_state(doc, states) \
                    or self._dominant_state(text, known)
            if state:
                people[ent[-1].text] = state
                first = ent[0].text
                if honoured is None:  # the names written after "Mr.", "Ms.", "Dr.", with the word after each
                    honoured = set(_HONOURED_NAME.findall(text))
                if len(ent) > 1 and first.istitle() and first not in people and any(
                        name == first and after != ent[-1].text for name, after in honoured):
                    people[first] = state  # "Mr. Sok Vannara", later "Mr. Sok": a family name written first
        for a, b, state in states:  # "Latvia's Arvids Kalnins", whatever the NER made of the name
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None or span.end + 1 >= len(doc) or doc[span.end].text not in ("'s", "’s"):
                continue
            run = span.end + 1
            while run < len(doc) and run < span.end + 4 and doc[run].pos_ == "PROPN" and doc[run].is_title:
                run += 1
            if run > span.end + 1 and not (run < len(doc) and doc[run].lower_ == "of") and doc[run - 1].lower_ not in (
                    self.words["state_bodies"] | self.words["government_nouns"]):
                # a name, not an institution's first words ("China's Ministry of Civil Affairs") or an organ
                # ("Japan's Defense Ministry")
                people.setdefault(doc[run - 1].text, state)
        self._people = dict(people)
        if not people:
            return []
        names = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(people, key=len, reverse=True)) + r")\b")
        return [(m.start(), m.end(), people[m.group()]) for m in names.finditer(text) if m.group().istitle()]

    def _only_state(self, doc: Doc, states) -> str | None:
        """The one state a text names (by name, capital or demonym: "Lilongwe", "Malawians"), if only one."""
        found = {c for _, _, c in states}
        for token in doc:
            if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.text[:1].isupper():
                word = token.text[:-1] if token.text.endswith("s") and token.text[:-1] in self.adjectives else token.text
                if word in self.adjectives and self.kind.get(self.adjectives[word]) == "state":
                    found.add(self.adjectives[word])  # (not "European" of the European Union)
            if len(found) > 1:
                return None
        return next(iter(found), None)

    def _institution_mentions(self, doc: Doc, known) -> list[tuple[int, int, str]]:
        """Institutions named after a state ("the Central Bank of Iceland", "the Supreme Court of Kenya",
        "the Development Bank of Southern Africa"): the whole name is the actor, not the state in it."""
        text = doc_cache.text(doc)
        out = []
        for start, end, canonical in known:
            if self.kind.get(canonical) != "state":
                continue
            found = _INSTITUTION_OF.search(text, max(0, start - 80), start)
            if found and found.group(2).lower() in self.words["independent_bodies"]:
                name = re.sub(r"^(?:The|THE)\s+", "", found.group(1))
                begin = found.end(1) - len(name)
                out.append((begin, end, text[begin:end].strip()))  # "Bank of the Republic of Burundi", as written
        return out

    def _institution(self, name: str) -> bool:
        """A name :meth:`_institution_mentions` made ("Central Bank of Iceland")."""
        head, sep, _ = name.partition(" of ")
        return bool(sep) and head.split()[-1].lower() in self.words["independent_bodies"] and name not in self.kind

    def _acronym_mentions(self, doc: Doc, known) -> list[tuple[int, int, str]]:
        """Mentions of acronyms the text defines ("the Patriotic Resistance Coalition (CRP)"), named by the
        defined name, unless the alias table knows the acronym already."""
        text = doc_cache.text(doc)
        if "(" not in text:
            return []
        defined = {}
        ministries: set[str] = set()  # acronyms of a ministry whose letters leave out "Ministry of"
        terms: dict[str, str] = {}  # a defined common noun ("the Group") -> the acronym defined with it
        spans = []  # definitions that contain a state's name ("Sudan People's Liberation Army (SPLA)")
        states = [(a, b) for a, b, c in known if self.kind.get(c) == "state"]
        agencies: dict[str, str] = {}  # acronym -> the state a state agency's name contains
        agency_names: dict[str, str] = {}  # the agency's full name -> that state
        armed: dict[str, tuple[str, str]] = {}  # acronym -> (full name, state) of a state's armed forces
        stateless_armed = False
        main = None
        for m in _ACRONYM_DEFINITION.finditer(text):
            acronym = m.group(2) or m.group(3)
            name = _HEADING_BEFORE.sub("", m.group(1))  # "HEALTH\n\nThe Caribbean Public Health Agency (CARPHA)"
            words = name.split()
            while len(words) > 1 and (words[0].lower() in _CALENDAR_WORDS or words[0].rstrip(",").isdigit()):
                words.pop(0)  # "On 14 May the Superintendency of the Environment (SMA)": not "May the ..."
            name = " ".join(words)
            whole = _LEGAL_SUFFIX.sub("", re.sub(r"^(?:the|The)\s+", "", name).strip())
            full = _spelled_by(whole, acronym)
            defined.setdefault(acronym, full)
            if {w.lower() for w in whole[: len(whole) - len(full)].split()} & {"ministry", "department"}:
                ministries.add(acronym)  # "the Ministry of Emergency Management and Climate Readiness (EMCR)"
            if m.group(3):  # 'Aurantis Mining plc ("Aurantis", "the Group", "we")': "the Group" is the firm too
                close = text.find(")", m.end(3))
                for term in re.findall(r"[\"“](?:the\s+)?([A-Z][a-z]+)[\"”]", text[m.end(3) + 1 : close if close > 0 else m.end(3)]):
                    if term.lower() in self.words["company_nouns"] | self.words["group_nouns"]:
                        terms.setdefault(term, acronym)
            begin = m.end(1) - len(full)
            inside = {c for a, b, c in known if begin <= a and b <= m.end(1) and self.kind.get(c) == "state"}
            inside |= {self.adjectives[w] for w in full.split() if w in self.adjectives}
            head = full.partition(" of ")[0].split()[-1].lower()
            if head in _MILITARY_HEADS:
                if len(inside) == 1:
                    armed[acronym] = (full, next(iter(inside)))  # "Guyana Defence Force (GDF)": Guyana's forces
                else:
                    stateless_armed = True  # "Rapid Support Forces (RSF)": an armed group, so maybe a civil war
            elif head in _AGENCY_HEADS:
                if not inside and full.split()[0] == "National":
                    main = main or self._main_state(doc, self._without_stray_capitals(text, known))  # "the National Housing Agency (ANL)": the state's
                    inside = {main} if main else set()
                if len(inside) == 1:
                    agencies[acronym] = agency_names[full] = inside.pop()  # "Rwanda Information Society Authority (RISA)": Rwanda's
            if any(begin <= a and b <= m.end(1) and (a, b) != (begin, m.end(1)) for a, b in states) or (
                    not any(a < m.end(1) and begin < b for a, b, _ in known)
                    and not {w.lower() for w in full.split()} & self.words["government_nouns"]):
                # the defined name itself names the actor ("The six-member Producers' Cooperation Council (PCC)
                # agreed"), also where it contains a state's name ("Sudan People's Liberation Army (SPLA)")
                spans.append((begin, m.end(1), full))
        if not stateless_armed:  # between states, a state's forces act for it; in a civil war each side is its own
            for acronym, (full, owner) in armed.items():
                agencies[acronym] = agency_names[full] = owner
        if not defined:
            return []
        taken = {(a, b) for a, b, _ in known}
        state = None
        for acronym, full in defined.items():
            if acronym in ministries or full.split()[0].lower() in self.words["government_nouns"] or {"ministry", "department"} & {
                    w.lower() for w in full.split()}:  # "the Ministry of Environment (MEFT)", "National Department of Health (NDoH)"
                # (a province's ministry in the province's release is the province's)
                state = state or self._document_region(text, known) or self._main_state(doc, self._without_stray_capitals(text, known))
                defined[acronym] = state or full
            elif acronym in agencies:
                defined[acronym] = agencies[acronym]
        out = [(a, b, agency_names.get(full) or self._canonical(full)) for a, b, full in spans]
        for acronym, full in defined.items():
            canonical = self._canonical(full)
            # the text's own definition wins over the alias table's reading of the letters: "the Fiji Future
            # Alliance (FFA)" is not the Forum Fisheries Agency
            table = self._canonical(acronym)
            own = (canonical not in self.kind and table in self.kind and table != canonical
                   and not any(name in full.lower() for name in self.long_names.get(table, [])))
            for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
                if own or (m.start(), m.end()) not in taken:
                    out.append((m.start(), m.end(), canonical))
            for term in (t for t, a in terms.items() if a == acronym):
                out.extend((m.start(), m.end(), canonical) for m in re.finditer(rf"\b[Tt]he {term}\b", text))
        return out

    def _speakers(self, doc: Doc, mentions) -> list[str]:
        """Who "we" is (see :meth:`_find_speakers`); a ministry the alias table does not know speaks for the state
        the text names most ("Regular Press Conference of the Ministry of Industry and Trade")."""
        found = self._find_speakers(doc, mentions)
        if len(found) == 1 and found[0] not in self.kind and found[0][:1].isupper():
            text = doc_cache.text(doc)
            spelled = next((m[2] for m in mentions if text[m[0] : m[1]] == found[0] and m[2] != found[0]), None)
            if spelled and spelled.split()[-1].lower() in _DELIBERATIVE:
                found = [spelled]  # "Copom reduces the Selic rate": the Monetary Policy Committee (Copom) the text defines
        if len(found) == 1 and found[0] not in self.kind and all(
                w.lower() in self.words["organ_nouns"] | _LOCAL_WORDS for w in found[0].split()):
            # "Regional Council adopts 2026/27 budget": the "Halifax Regional Council" the text names in full
            full = re.search(rf"(?:\b(?:The|the)\s+)?((?:[A-Z][\w'’.-]+\s+){{1,3}}){re.escape(found[0])}\b", doc_cache.text(doc)[:3000])
            if full and not set(full.group(1).lower().split()) & (self.words["document_nouns"] | {"the", "a", "an"}):
                found = [self._canonical(" ".join((full.group(1) + found[0]).split()))]
        if len(found) == 1 and found[0] not in self.kind and found[0].split()[-1].lower() in _DELIBERATIVE:
            # "Monetary Board Keeps Policy Rate Steady" ... "the Monetary Board of the Bangko Sentral ng Pilipinas
            # (BSP) decided": the organ decides for the institution the text names it part of
            text = doc_cache.text(doc)
            # (also "the Monetary Policy Committee (Copom) of the Banco Central do Brasil")
            of = re.search(rf"\b{re.escape(found[0])} (?:\([^()]{{1,12}}\) )?of (?:the )?", text[:3000])
            owner = of and next((m[2] for m in mentions if m[0] == of.end()), None)
            if owner and self.kind.get(owner) not in _GOVERNMENTS:
                found = [owner]
                self._organised.add(owner)
        if len(found) == 1 and found[0] not in self.kind and found[0].split()[0].lower() in self.words["government_nouns"]:
            state = self._main_state(doc, mentions)
            if state:
                return [state]
        return found

    def _generic(self, name: str | None) -> bool:
        """A canonical name made only of common nouns ("Organisation", "Leaders", "State House" is not)."""
        if not name or name in self.kind:
            return False
        words = name.lower().split()
        return len(words) <= 2 and all(w in self.common_nouns or w.rstrip("s") in self.common_nouns for w in words)

    def _we_apposition(self, text: str, mentions) -> list[str]:
        """Who "We, the Heads of State and Government of the North Atlantic Alliance," names: the group or
        organisation it names, when it names one and no state (a list of members is left to the title)."""
        found = _WE_APPOSITION.search(text, 0, 3000)
        if not found or re.search(r"\bmember(?:s| states| countries)? of\b", found.group(1), re.I):
            return []  # "We, the Ministers of Health of the Member States of SICA": its members, not the body
        inside = [m[2] for m in mentions if found.start(1) <= m[0] < found.end(1)]
        bodies = [n for n in dict.fromkeys(inside) if self.kind.get(n) in ("organisation", "group")]
        states = [n for n in dict.fromkeys(inside) if self.kind.get(n) == "state"]
        return bodies if len(bodies) == 1 and not states else []  # lists of members are left to the title

    def _find_speakers(self, doc: Doc, mentions) -> list[str]:
        """Who "we" is, from the title block and the opening sentences.

        In order: a definition in the text ('Lumenfold Inc. ("Lumenfold", "the company", "we")'); the
        parties a joint title names ("Joint Statement of Kenya and Tanzania", "Agreement between ...");
        the known actor of the title block the document names most often (not the counterpart of a call or
        meeting: "... conversation with the Prime Minister of Japan"); a government named in the title block
        ("City of Fairhaven"); the issuer of a press release ("Corvanta Biotherapeutics AG today announced
        ..."); an organisation or place of the title block named again in the text, or for a board or
        committee the institution the text names most. Datelines and bylines are left out.
        """
        text = doc_cache.text(doc)
        defined = _WE_DEFINITION.search(text, 0, 3000)
        if defined:
            return [self._canonical(_LEGAL_SUFFIX.sub("", defined.group(1)).strip(" ,"))]
        named_we = self._we_apposition(text, mentions)
        if named_we:
            return named_we
        for by in _MAINTAINED_BY.finditer(text, 0, _HEADER_CHARS):
            # "Maintained by Northbound Climate Accountability | Last updated ...": the organisation whose page it is
            if not any(e.label_ == "PERSON" and e.start_char <= by.start(1) < e.end_char for e in doc_cache.entities(doc)[0]):
                name = self._canonical(_LEGAL_SUFFIX.sub("", by.group(1)).strip())
                if name not in self.kind:
                    self._organised.add(name)  # a page's maintainer has no ministries: "the government" is another's
                return [name]
        header = _header_lines(text)
        for a, b in header[:2]:  # "Moviment Flimkien General Election Manifesto": the party speaks
            # "... : Manifesto of the Fiji Future Alliance", else "Meitheal: Manifesto for the General Election 2029"
            party = _MANIFESTO_OF.search(text, a, b) or _MANIFESTO.search(text, a, b)
            if party:
                return [self._canonical(_LEGAL_SUFFIX.sub("", party.group(1)).strip(" ,:-–—\n\t\r"))]
        if header:  # "Dalmeny Telecom plc — Responsible Business Report 2025", "Civic Renewal — Summary of ..."
            issuer = _TITLE_ISSUER.match(text, header[0][0], header[0][1])
            if issuer:
                name = _LEGAL_SUFFIX.sub("", issuer.group(1)).strip()
                words = name.lower().split()
                if (words and not set(words) & (self.words["document_nouns"] | {"fact", "sheet", "opinion", "analysis"})
                        and not name.isupper() and words[0] not in self.words["state_bodies"] | self.words["government_nouns"]
                        and self.kind.get(self._canonical(name)) not in _GOVERNMENTS):
                    return [self._canonical(name)]
            firm = _TITLE_FIRM.match(text, header[0][0], header[0][1])
            if firm and self.kind.get(self._canonical(firm.group(1))) not in _GOVERNMENTS:
                # "Sitra National Petroleum Company: Climate Commitments 2026-2035": a firm's name before a colon
                return [self._canonical(_LEGAL_SUFFIX.sub("", firm.group(1)).strip())]
        in_header = lambda start: any(a <= start < b for a, b in header)
        counts = Counter(m[2] for m in mentions)
        title = " ".join(text[a:b] for a, b in header).lower()
        counterpart = _COUNTERPART.search(title) if _MEETING_TITLE.search(title) else None
        named: list[str] = []
        between = bool(header) and " between " in text[header[0][0] : header[0][1]]  # "Agreement ... between X and Y"
        for start, end, canonical in mentions:
            if counterpart and any(a <= start < b for a, b in header) and _after_counterpart(text, header, start):
                self._counterparts.add(canonical)
                continue
            if in_header(start) and (_placed(text, start, text[start:end] != canonical) or _topic(text, start, end)):
                continue  # "... contingent in the Republic of Niger": a place, not who speaks
            if in_header(start) and re.match(r"-[a-z]+ed\b", text[end : end + 16]):
                continue  # "... agree China-brokered truce", "US-backed plan": who helped, not who speaks
            if in_header(start) and _PORTFOLIO.search(text, max(0, start - 80), start):
                continue  # "Minister for Foreign Affairs, European Union and Cooperation": a portfolio, not a party
            if canonical not in self.kind and not self._institution(canonical) and not (
                    between and header and header[0][0] <= start < header[0][1]):
                continue  # a name the text defines (an acronym, a person) is what the title is about, unless a party
            if in_header(start) and canonical not in named:
                named.append(canonical)
        first = header[0] if header else (0, 0)
        in_title = {m[2] for m in mentions if first[0] <= m[0] < first[1]}
        parties = [n for n in named if n in in_title and self.kind.get(n, "defined" if between else None) in ("state", "organisation", "group", "defined")]
        title_line = text[first[0] : first[1]].strip().lower()
        if len(parties) > 1 and (_JOINT_TITLE.search(title_line) or title_line.startswith(_JOINT_TITLE_WORDS)):
            bodies = [n for n in parties if self.kind.get(n) in ("organisation", "group")]
            spans = sorted((a, b) for a, b, n in mentions if first[0] <= a < first[1] and n in parties)
            paired = any(re.fullmatch(r"\s*(?:[-–—/]|and|&)\s*(?:the\s+)?", text[b1:a2], re.I)
                         for (_, b1), (a2, _) in zip(spans, spans[1:]))
            if len(bodies) == 1 and _SUMMIT_TITLE.search(title_line) and not paired:
                # a group's communiqué names its host, not a second party; "the European Union–Philippines Summit"
                # names two
                return bodies
            return parties
        issuing = self._issuing_state(text, header, mentions)
        if issuing and issuing in named:
            return [issuing]  # "Ministry of Economy ... of Georgia - Press Release": Georgia speaks, whoever else the title names
        forum = _FORUM_TITLE.search(text, first[0], first[1]) if _SUMMIT_TITLE.search(title_line) else None
        if forum and not any(self.kind.get(n) != "state" for n in named):
            name = re.sub(r"^(?:the\s+)?(?:\d+(?:st|nd|rd|th)|[A-Za-z]+-?(?:first|second|third|[a-z]+th))\s+", "",
                          forum.group(1), flags=re.I).strip()
            if name and self.kind.get(self._canonical(name)) != "state":
                self._bodies.add(self._canonical(name))
                return [self._canonical(name)]  # "Twenty-Eighth Micronesian Islands Forum: Leaders' Communiqué"
        subject = self._title_subject(doc, first) if named else None
        if subject:
            # "Arvelle Therapeutics announces access commitments ... in Africa and India", "Cocoa grinder Zaanstroom
            # pledges ... as Dutch watchdog probes ...": the firm the title makes its subject speaks, not a state the
            # title or the dateline names
            return [self._issuer(doc, header, mentions) or subject]
        if named:  # a known actor named in the title block is the surest sign of who speaks
            spans = sorted((a, b, n) for a, b, n in mentions if first[0] <= a < first[1]
                           and self.kind.get(n) in ("state", "organisation", "group")
                           and not (text[a:b] != n and text[a:b].istitle() and " " not in text[a:b]))  # not "Lisbon"
            pair = [(x, y) for x, y in zip(spans, spans[1:]) if x[2] != y[2]
                    and re.fullmatch(r"\s*(?:[-–—/]|and|&)\s*(?:the\s+)?", text[x[1] : y[0]])]
            if len(pair) == 1 and len({m[2] for m in spans}) == 2 and _SUMMIT_TITLE.search(title_line) and not counterpart:
                return [pair[0][0][2], pair[0][1][2]]  # "Lisbon Declaration of the EU–CELAC Summit": both speak
            bodies = [n for n in named if self.kind.get(n) in ("organisation", "group")]
            if bodies and _SUMMIT_TITLE.search(title):
                named = bodies  # "Pacific Islands Forum Leaders Meeting: Honiara Communiqué" -- not the host
            else:
                # "Honduras promises border troops ... after U.S. pressure": the title's subject speaks, however
                # often the story names the other side
                subject = self._title_known_subject(doc, first, mentions)
                if subject in named:
                    return [subject]
            return [max(named, key=lambda n: (counts[n], -named.index(n)))]
        adjectives = []  # "Statement on the drawdown of the Italian contingent": Italy speaks
        for a, b in header:
            for word in re.finditer(r"[A-Z][\w'’-]+(?= [\w])", text[a:b]):
                canonical = self.adjectives.get(word.group(0))
                at = a + word.start()
                if any(x < at and at + len(word.group(0)) <= y for x, y, _ in mentions):
                    continue  # "Council of Ministers of ... the Dominican Republic (COMISCA)": inside a longer name
                if counterpart and _after_counterpart(text, header, at):
                    continue  # "Secretary Hollister's Meeting with Kazakhstani Foreign Minister ...": the other side
                if canonical and canonical not in adjectives and not _LOCATIVE.search(text[max(a, at - 12) : at]) \
                        and not _topic(text, at, at + len(word.group(0))):  # "on the use of EU user data"
                    adjectives.append(canonical)
        subject = self._title_subject(doc, first)
        if subject:  # "How Fennick is preparing for the 2026 Swedish general election": the firm speaks
            return [self._issuer(doc, header, mentions) or subject]
        if len(adjectives) == 1:
            return adjectives
        # only the title block: a body sentence naming "the Government of X" says nothing about who speaks
        government = next(
            (m for a, b in header for m in [_GOVERNMENT_OF.search(text, a, b)]
             if m and not _LOCATIVE.search(text[max(a, m.start() - 12) : m.start()])
             and not (counterpart and _after_counterpart(text, header, m.start()))),
            None,
        )
        if government:
            return [self._canonical(government.group(1))]
        for a, b in header:  # "CITY OF CARRICK FALLS" over "Office of the Mayor": the city
            line = text[a:b].strip()
            if line.isupper() and len(line) > 8:
                shouted = _GOVERNMENT_OF.match(re.sub(r"\b(Of|The|And)\b", lambda w: w.group(1).lower(), line.title()))
                if shouted:
                    return [self._canonical(shouted.group(1))]
        issuer = self._issuer(doc, header, mentions)
        if issuer:
            return [issuer]
        for a, b in header[1:]:  # a title, then "Ministry of Economy, Trade and Industry" alone on its line: the ministry's state
            line = text[a:b].strip()
            if _MINISTRY_LINE.fullmatch(line):
                known = self._canonical(re.sub(r"^The\s+", "", line))
                state = known if self.kind.get(known) in _GOVERNMENTS else self._main_state(doc, mentions)
                if state:
                    return [state]
        lowered = text.lower()
        for ent in doc_cache.entities(doc)[0]:
            if ent.start_char > _HEADER_CHARS:
                break
            if ent.label_ in ("ORG", "GPE") and in_header(ent.start_char):
                if counterpart and _after_counterpart(text, header, ent.start_char):
                    continue
                if len(ent.text.split()) == 1 and re.search(rf"\b{re.escape(ent.text.strip().lower())}\b", text):
                    continue  # "... Preparedness and Response": a title's common noun, written lower-case elsewhere
                if ent[0].tag_ == "NNPS" and re.search(rf"\b{re.escape(ent[0].lower_)}\b", text):
                    continue  # "Summary of Pledges and Outcomes": a plural the text writes lower-case, no name
                if (len(ent) == 1 and ent.root.dep_ in ("compound", "amod", "nmod") and ent.root.head.pos_ == "NOUN"
                        and ent.root.head.lower_ not in self.words["document_nouns"]):
                    continue  # "... the Puno treatment plant that is always two years away": what the title is about
                if _HONOURED.search(text, max(0, ent.start_char - 30), ent.start_char) or _MEMBER_AFTER.match(text, ent.end_char):
                    continue  # "The Hon Rachel Thornbury MP" over "Treasurer": a minister, whose office says who speaks
                if _ANNOUNCED.search(text, max(0, ent.start_char - 40), ent.start_char):
                    continue  # "Announcement of the Semiconductor ... Support Package": what is announced, not who
                if _INDEFINITE.search(text, max(0, ent.start_char - 30), ent.start_char):
                    continue  # "Budget 2027-28: Relief on bills, a stronger Medicare and ...": what the title promises
                begin = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
                line = ent.text.split("\n")[0]  # the NER may run on into the next header line
                if _topic(text, ent.start_char, ent.start_char + len(line)) and (
                        len(line.split()) <= 2 or not line.split()[-1].lower() in self.words["document_nouns"]):
                    # "... a campus on the Mekong", "refugees from Malawi", "... on the Tariff Rationalisation Package":
                    # what the title is about (but "on the Bellmont Housing Emergency Plan" names the city's plan)
                    continue
                if _placed(text, ent.start_char, self._canonical(ent.text) != ent.text) or any(a <= begin and ent.end_char <= b and b - a > len(ent.text) for a, b, _ in mentions):
                    continue  # "... of Central America and the Dominican Republic (COMISCA)": part of a longer name
                if _PORTFOLIO.search(text, max(0, ent.start_char - 80), ent.start_char):
                    continue  # "Minister of Finance and Treasury Board": a portfolio, not who speaks
                if any(w.lower() in self.words["instrument_nouns"] for w in ent.text.split()):
                    continue  # "the Subsea Infrastructure Resilience Regulation" issues nothing
                name = _speaker_name(self._clean(ent), text, self.words["organ_nouns"], self.words["document_nouns"])
                if name and name.lower() in _STATE_FORMS | self.words["government_nouns"]:
                    continue  # "Office of the Presidency of the Republic": which republic, the text says elsewhere
                if name and all(w.lower() in self.words["office_titles"] for w in name.split()):
                    continue  # "Press Briefing by the Deputy Spokesperson": who speaks for the ministry, not who speaks
                if (name and not any(w.lower() in self.words["document_nouns"] for w in name.split()[1:]) and name not in named
                        and not any(name.lower() in n.lower() for n in named)):
                    counts[name] = lowered.count(name.split()[0].lower())
                    if counts[name] >= 2:
                        named.append(name)
        if not named:
            body = _body_start(text)
            local = _LOCAL_GOVERNMENT.search(text, body, body + 600)  # "... for the Province of New Brunswick"
            if local:
                return [self._canonical(local.group(1))]
            region = self._document_region(text, mentions)
            if region:
                return [region]  # "WINNIPEG, March 18, 2027 - Finance Minister ... tabled Budget 2027": Manitoba
            if any(len(words) > 2 and (words[0].lower() in self.words["government_nouns"] and words[1] in ("of", "for")
                                       or _MINISTRY_VOICE.search(" ".join(words)))
                   for words in (text[a:b].split() for a, b in header)):
                # "Ministry of Mines and Minerals Development", "Foreign Ministry Spokesperson Zhou Heng's Regular
                # Press Conference": a ministry that names no state speaks for the state the text names most
                state = self._main_state(doc, mentions)
                if state:
                    return [state]
            if any(_OFFICE_OF.search(text, a, b) or _MEMBER_LINE.match(text[a:b]) for a, b in header):
                # "Press Conference of the Federal Minister for Commerce" under "Islamabad, 12 February 2026", "The
                # Hon Rachel Thornbury MP / Treasurer": the state of the dateline's place, else the state the text
                # names most
                state = self._dateline_state(text, mentions) or self._main_state(doc, mentions)
                if state:
                    return [state]
            governing = next((m[2] for m in mentions if m[0] < _HEADER_CHARS * 3 and self.kind.get(m[2]) in ("state", "region")
                              and re.search(r"(?:^|\n)[ \t]*(?:The[ \t]+)?$", text[max(0, m[0] - 8) : m[0]])
                              and _GOVERNMENT_OPENS.match(text, m[1])), None)
            if governing:
                return [governing]  # a release that opens "The South Australian Government will invest ...": it speaks
            return self._opening_actor(text, header, mentions, counterpart)
        speaker = max(named, key=lambda n: (counts[n], -named.index(n)))
        if speaker not in self.kind and speaker.split()[0].lower() in ("ministry", "department") and " of " in speaker:
            # "Ministry of External Affairs, New Delhi": a ministry the table does not know speaks for the state its
            # line, the dateline or else the text names
            at = text.find(speaker, 0, _HEADER_CHARS)
            line = (text.rfind("\n", 0, at) + 1, text.find("\n", at) if text.find("\n", at) >= 0 else len(text))
            state = (next((m[2] for m in mentions if line[0] <= m[0] < line[1] and self.kind.get(m[2]) == "state"), None)
                     if at >= 0 else None) or self._dateline_state(text, mentions) or self._main_state(doc, mentions)
            if state:
                return [state]
        if _MEETING_SUFFIX.search(text[first[0] : first[1]].strip()) and speaker.lower() in title_line:
            self._bodies.add(speaker)  # "... Cooperation Foreign Ministers' Meeting": its "Ministers" are the group
        return [speaker]

    def _title_subject(self, doc: Doc, line: tuple[int, int]) -> str | None:
        """An unknown proper name that is the title's grammatical subject ("How Fennick is preparing for ...",
        "Ardgowan University commits to ..."): the organisation the document is by or about."""
        span = doc.char_span(line[0], line[1], alignment_mode="contract")
        if span is None:
            return None
        for token in span:
            if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.head.pos_ not in ("VERB", "AUX"):
                continue
            if token.head.lemma_ in ("be", "become", "remain", "stay", "seem", "turn"):
                continue  # "how the Atlantic Link became the west's longest-running promise": what it is, no act
            first = token.i  # "Global Cholera Vaccine Partnership": every capitalised word of the name
            while first > max(span.start, token.left_edge.i) and doc[first - 1].is_title and doc[first - 1].lower_ not in ("the", "a", "an"):
                first -= 1
            phrase = list(doc[first : token.i + 1])
            name = " ".join(t.text for t in phrase)
            person = token.ent_type_ == "PERSON" and len(phrase) > 1  # a one-word "person" is often a firm
            generic = self.words["government_nouns"] | self.words["state_bodies"] | self.words["organ_nouns"] | \
                self.words["office_titles"] | self.words["party_nouns"] | self.words["agent_nouns"]
            if token.is_upper or token.lower_ in generic or _singular(token.lower_) in generic:
                return None  # "Commission welcomes ...", "PRESIDENT HOLDS ...": an organ, named elsewhere
            if person or token.ent_type_ in ("GPE", "NORP") or name in self.adjectives or self._canonical(name) in self.kind:
                return None
            if len(phrase) == 1 and re.search(rf"\b{re.escape(token.lower_)}\b", doc_cache.text(doc)):
                return None  # "Truce holds": a headline's capitalised common noun, written lower-case in the text
            return name
        return None

    def _title_known_subject(self, doc: Doc, line: tuple[int, int], mentions) -> str | None:
        """The known actor that is the lone subject of the title's main verb ("Honduras promises ...",
        "Japan's cabinet approves ..."), or None for a title without one or with joint subjects."""
        span = doc.char_span(line[0], line[1], alignment_mode="contract")
        if span is None:
            return None
        root = next((token for token in span if token.dep_ == "ROOT"), None)
        lead = _HEADLINE_LEAD.match(doc_cache.text(doc), line[0], line[1])
        if lead and (root is None or root.pos_ not in ("VERB", "AUX")):
            # "G7 finance chiefs vow to cover ...", which the parser reads as a noun phrase: the name before the verb
            first = next((m for m in mentions if line[0] <= m[0] < lead.end(1)), None)
            if first is not None and first[0] == lead.start(1) and first[1] >= lead.end(1) - 2:
                return first[2]
        if root is None or root.pos_ not in ("VERB", "AUX") or any(t.text in (";", ":") for t in span[: root.i - span.start]):
            return None  # "EU, India agree ...; Delhi denies ...": the parse of a second clause says nothing
        subjects = [child for child in root.children if child.dep_ == "nsubj"]
        if len(subjects) != 1 or any(child.dep_ == "conj" for child in subjects[0].children):
            return None  # "US and China agree ...": both speak, which the joint-title rule decides
        token = subjects[0]
        if token.left_edge.i > span.start + 1:
            return None  # the subject opens the title
        before = {canonical for start, _, canonical in mentions if line[0] <= start < root.idx}
        return before.pop() if len(before) == 1 else None

    def _issuing_state(self, text: str, header, mentions) -> str | None:
        """The state of a header line that is an issuing ministry or office ("Ministry of Foreign Affairs of
        the Gabonese Republic", "Ministry of Economy and Sustainable Development of Georgia - Press Release")."""
        for a, b in header:
            words = text[a:b].split()
            office = _OFFICE_LINE.match(text[a:b])
            if office:  # "Prime Minister's Office, Finland", "Ministry of Foreign Affairs, Japan": the state after it
                state = self._canonical(office.group(1))
                if self.kind.get(state) == "state":
                    return state
            if len(words) < 3 or words[0].lower() not in self.words["government_nouns"] or words[1].lower() not in ("of", "for"):
                continue
            states = [m[2] for m in mentions if a <= m[0] < b and self.kind.get(m[2]) == "state"]
            if len(set(states)) == 1:
                return states[0]
        return None

    def _opening_actor(self, text: str, header, mentions, counterpart) -> list[str]:
        """Last resort: the first known actor of the opening paragraph ("The Bank Board of the Czech National
        Bank met ...", "State House, Nairobi - the President received a call ..."), leaving out whoever the
        title names as the other side of a call or meeting."""
        if _OPINION.search(text[:400]):
            return []  # a columnist's "we" is not the first country the column names
        body = _body_start(text)
        end = text.find("\n\n", body + 1)
        end = body + 600 if end < 0 else min(end, body + 600)
        others = set()
        if counterpart:
            others = {m[2] for m in mentions if any(a <= m[0] < b for a, b in header) and _after_counterpart(text, header, m[0])}
        for start, stop, canonical in mentions:
            if body <= start < end and canonical not in others and not _placed(text, start, text[start:stop] != canonical):
                return [canonical]
        return []

    def _issuer(self, doc: Doc, header, mentions) -> str | None:
        """The organisation that announces, in the first body sentence: "X (today) announced / unveiled ..."."""
        body_start = max((b for a, b in header), default=0)
        # the parser may end the sentence at a listing ("Serenne Pharma AG (SIX: SRNP)" + "today announced ...")
        listed = _LISTED_ISSUER.search(doc_cache.text(doc), body_start, body_start + 800)
        if listed:
            name = self._canonical(_LEGAL_SUFFIX.sub("", re.sub(r"^(?:The|the)\s+", "", listed.group(1))).strip(" ,"))
            if self.kind.get(name) != "state":
                self._firms.add(name)
                return name
        for sent in doc.sents:
            if sent.start_char < body_start:
                continue
            if sent.start_char > body_start + 800:
                break
            root = sent.root
            if root.lemma_ not in self.words["issuer_verbs"]:
                continue
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.pos_ != "PROPN":
                continue
            phrase = doc[subject.left_edge.i : subject.i + 1]
            if any(t.ent_type_ in ("PERSON", "GPE", "NORP") for t in phrase):
                return None
            # the press-release idiom only: news reports say "X pledged ..." of third parties
            if not any(c.lower_ == "today" for c in root.children):
                return None
            known = [m[2] for m in mentions if m[0] < phrase.end_char and phrase.start_char < m[1]]
            name = known[0] if known else self._clean(phrase)
            raw = re.split(r"\s*\(", phrase.text)[0].strip()
            if not known and (_LEGAL_SUFFIX.search(raw) or _TICKER.search(doc_cache.text(doc), phrase.start_char,
                                                                           phrase.end_char + 40)):
                self._firms.add(name)  # "Tessaly Pharma A/S (Nasdaq Copenhagen: TESS B)": a firm, which has no authorities
            return None if self.kind.get(name) == "state" else name
        return None

    def _canonical(self, name: str) -> str:
        """A name's canonical form from the alias table, or the name itself (remembered: names recur)."""
        found = self._canonical_cache.get(name)
        if found is None:
            found = name
            people = self._people  # the document's, which reading the name alone must not replace
            for start, end, canonical in self._mentions(self._make_doc(name)):
                if end - start >= len(name) - 4:
                    found = canonical
                    break
            self._people = people
            local = _CITY_GOVERNMENT.fullmatch(found)
            if local:  # "Tartu City Government", "Kent County Administration": the city or county itself
                found = self._canonical(local.group(1))
            if len(self._canonical_cache) > 50_000:
                self._canonical_cache.clear()
            self._canonical_cache[name] = found
        return found

    def _resolve(self, doc: Doc, text: str, c: Commitment, mentions, last: Commitment | None = None) -> list[tuple[str, str]]:
        if c.actor_start is None:
            return self._implied(doc, text, c, mentions)
        span = doc.char_span(c.actor_start, c.actor_end, alignment_mode="expand")
        if span is None:
            return []
        phrase = span.text.strip()
        head = span.root
        speakers = doc._.speakers or []
        dets = {t.lower_ for t in span if t.dep_ in ("det", "predet", "nummod") and t.i < head.i}
        modified = any(t.dep_ in ("amod", "compound") and t.lower_ not in self.words["party_modifiers"] for t in span if t.i < head.i)
        included = self._included(doc, head, mentions, speakers)
        if included:
            return [(name, "joint" if len(included) > 1 else "name") for name in included]
        members = _named_members(doc, head, span) if head.pos_ == "NOUN" and head.tag_ == "NNS" else []
        if members:  # "the CCOO and UGT unions" ... "The unions agreed to call off the strike": each union named
            return [(self._canonical(name), "joint") for name in members]
        if any(_singular(t.lower_) == "signatory" for t in span):
            signed = self._signatories(doc, c.actor_start)
            if len(signed) > 1:
                return [(name, "joint") for name in signed]  # "each signatory company will:" the firms that signed
        noun = _singular(head.lower_)
        of_parties = next((p for p in span if p.i > head.i and p.dep_ == "pobj" and p.head.lower_ == "of"
                           and _singular(p.lower_) in self.words["party_nouns"]
                           and ((p.lower_ != _singular(p.lower_) and (_singular(p.lower_) not in _PEOPLE_PARTIES or span[0].lower_ == "joint"
                                                                          or (len(span) > 1 and span[1].lower_ == "joint")))
                                or any(d.lower_ in ("both", "each", "two") for d in p.children))), None)
        if of_parties is not None and (head.lower_ in self.words["agent_nouns"] or _singular(head.lower_) in self.words["state_bodies"]
                                       or head.lower_ in _DISTRIBUTIVES):  # "Each of the three States will ..."
            # "Officials of both governments", "The Ministries of Defence of the Parties": the parties
            span, head = doc[of_parties.left_edge.i : of_parties.i + 1], of_parties
            dets = {t.lower_ for t in span if t.dep_ in ("det", "predet", "nummod") and t.i < head.i}
            modified, noun = False, _singular(head.lower_)
        role = head.is_title and "the" in dets and any(t.lower_ in self.words["party_roles"] for t in span if t.i < head.i)
        # "the three navies", "both armies": the counted states' forces, so those states
        bodies = noun != head.lower_ and noun in self.words["state_bodies"] and bool(dets & _COUNTS.keys())
        if (noun in self.words["party_nouns"] or bodies) and (
            dets & ({"each", "neither", "either", "a", "an", "any", "no", "all"} | _COUNTS.keys())
            or (noun != head.lower_ and "the" in dets and not modified)
            or (noun != head.lower_ and head.is_title and not modified)
            or role  # "The importing Party shall ...": whichever party imports, so each of them
        ):
            if len(speakers) == 1 and (self.kind.get(speakers[0]) in ("group", "organisation") or speakers[0] in self._bodies):
                agreed = self._agreeing_parties(doc, c, mentions, speakers[0]) if noun in ("party", "side") else []
                if agreed:
                    return [(p, "joint") for p in agreed]  # a mediator's "Both parties will ...": those it says agreed
                pair = self._recent_parties(doc, c, mentions, states_only=True) if dets & {"both", "two"} else []
                if len(pair) == 2:
                    return [(p, "joint") for p in pair]  # "Both countries will submit ..." in OPEC+'s communiqué
                if len(pair) == 1 and pair[0] != speakers[0] and noun == "side":
                    return [(speakers[0], "joint"), (pair[0], "joint")]  # the Commission's "The two sides will ...": it and Algeria
                return [(speakers[0], "noun")]  # a group's "Leaders agreed", "Members will" is the group's
            states_only = noun in ("government", "country", "state", "nation") or bodies
            count = max((_COUNTS[d] for d in dets if d in _COUNTS), default=2)
            if any(t.dep_ == "nummod" and t.i < head.i and t.like_num and (
                    t.text.isdigit() and int(t.text) > 10 or not t.text.isdigit() and t.lower_ not in _COUNTS
                    or any(n.dep_ == "compound" and n.like_num for n in t.children)) for t in span):
                # "the twenty-seven leaders", "the 20 members": more than a text pairs up, so the bloc they make
                blocs = Counter(m[2] for m in mentions if m[1] <= c.start and self.kind.get(m[2]) in ("group", "organisation"))
                if blocs:
                    return [(blocs.most_common(1)[0][0], "noun")]
            others = self._counterparts - set(speakers)
            if len(speakers) == 1 and len(others) == 1 and count == 2:
                # "Statement on the De-escalation Arrangement with Eritrea": "Each Party", "the two Parties" are
                # the speaker and the counterpart its title names, not the mediator the text names more often
                return [(speakers[0], "joint"), (others.pop(), "joint")]
            if len(speakers) == 1 and self.kind.get(speakers[0]) == "state" and count == 2 and (
                    noun == "leader" and "two" in dets):
                other = self._counterpart_before(doc, c.start, mentions, speakers[0], states_only=states_only)
                if other:
                    # a state's readout or briefing: "the Prime Minister spoke yesterday with the Prime Minister of
                    # Vietnam. The two leaders agreed ...": the speaker and the other side its paragraph names
                    return [(speakers[0], "joint"), (other, "joint")]
            agreed = []
            if len(speakers) <= 1 and noun in ("party", "side") and count == 2:
                if self._agreements_any is None:
                    self._agreements_any = self._agreements_of(doc, mentions, "")
                agreed = next((names for start, names in self._agreements_any if start < c.start), [])
            # "Myanmar's military and the Kachin Independence Army (KIA) agreed ... Both sides will reopen ...":
            # the two the text says agreed, named or not in the alias table
            parties = speakers if len(speakers) > 1 else agreed or self._recent_parties(
                doc, c, mentions, states_only=states_only, count=count)
            groups = [p for p in parties if self.kind.get(p) in ("group", "organisation")]
            if (noun in _MEMBER_NOUNS and head.lower_ != noun and "the" in dets and len(groups) == 1
                    and len(speakers) <= 1 and not dets & _COUNTS.keys()):
                return [(groups[0], "noun")]  # "the ministers agreed" in a story on an APEC meeting: the group's
            if len(parties) > 1:
                return [(p, "joint") for p in parties]
            if len(speakers) == 1:
                return [(speakers[0], "noun")]
            return [(_title_case(re.sub(r"^(the|a|an)\s+", "", phrase, flags=re.I)), "joint")]
        if head.lower_ in self.words["first_person"] or (
            span[0].lower_ in ("our", "my") and head.lower_ in (self.words["agent_nouns"] | self.words["soft_nominals"] | self.words["pledge_nouns"])
        ) or (head.lower_ in ("each", "all", "both", "none") and len(span) == 3 and span[1].lower_ == "of"
              and span[2].lower_ in ("us", "ours")):  # "each of us will offer ...": the speakers, each of them
            reported_by = c.reported_speaker.strip(" ,;:") if c.reported_cue and c.reported_speaker else None
            if reported_by is None and c.actor_start is not None:
                quoted = quote_attribution(text, c.actor_start)  # '... told delegates: "We will ..."'
                reported_by = quoted[0] if quoted and _OWNED_OFFICE.match(quoted[0]) else None
            if reported_by and reported_by.lower() not in _PRONOUNS:
                found = re.search(rf"\b{re.escape(reported_by)}\b", text[c.end : c.end + 400])
                found_before = list(re.finditer(rf"\b{re.escape(reported_by)}\b", text[max(0, c.start - 2000) : c.start]))
                start = c.end + found.start() if found else (max(0, c.start - 2000) + found_before[-1].start() if found_before else -1)
                if start < 0:
                    start = text.find(reported_by, c.start, c.end)  # the clause opens with who speaks
                if start >= 0:
                    said_by = self._name(doc, start, start + len(reported_by), mentions, speakers)
                    owner = _OWNED_OFFICE.match(reported_by)
                    owned = None
                    if owner and owner.group(1).split()[0].lower() not in self.generic_words | {"the"}:
                        # "Gavi's Chief Executive Officer said", "Astrel's chief executive, Mr. Okonjo, told
                        # delegates": the organisation whose officer speaks
                        known = self._canonical(owner.group(1))
                        owned = known if known in self.kind else (
                            self._name(doc, start, start + len(owner.group(1)), mentions, [])
                            if "," not in reported_by else owner.group(1))  # its own name, not the speaker's
                        said_by = owned or said_by
                    person = doc.char_span(start, start + len(reported_by), alignment_mode="expand")
                    if said_by and not owned and len(speakers) == 1 and said_by not in self.kind and person is not None and (
                            person.root.ent_type_ == "PERSON" or _FIRM_OFFICE_ANY_CASE.match(reported_by)):
                        said_by = speakers[0]  # the chief executive's "we" is the company's
                    elif not owned and not speakers and _FIRM_OFFICE.search(text, max(0, start - 60), start + len(reported_by) + 60):
                        firm = self._previous_company(doc, start, mentions)
                        if firm:
                            return [(firm, "first_person")]  # "'We will ...,' chief executive Priya V. told ..."
                    if said_by:
                        return [(said_by, "first_person")]
            opened = _quote_opening(text, c.actor_start)
            if opened is not None and c.reported_speaker and c.reported_speaker.lower() in ("he", "she"):
                # '"If Brazil pays a fair price, we will sell it every megawatt," he said' after "Paraguay's
                # president struck a conciliatory note": whom the sentence before the quotation names
                paragraph = text.rfind("\n", 0, opened) + 1
                firm = self._officer_firm(doc, opened, mentions)
                if firm:  # "Dishly's Australian managing director, Tom Varga, said ... 'We will keep ...,' he said"
                    return [(firm, "first_person")]
                said_by = self._previous_actor(doc, opened, mentions, states_only=True,
                                               window=min(300, opened - paragraph)) or self._previous_person(doc, opened, mentions)
                if said_by:
                    return [(said_by, "first_person")]
            if speakers:
                kind = "joint" if len(speakers) > 1 else "first_person"
                return [(s, kind) for s in speakers]
            paragraph_end = text.find("\n", c.end)
            paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
            if _FIRM_OFFICE.search(text, c.end, min(paragraph_end, c.end + 300)):
                firm = self._officer_firm(doc, c.actor_start, mentions) or self._previous_company(doc, c.actor_start, mentions)
                if firm:
                    return [(firm, "first_person")]  # a quote a chief executive is said to have given
            nearest = self._previous_actor(doc, c.actor_start, mentions, states_only=True)
            if nearest:
                return [(nearest, "first_person")]
            counts = Counter(m[2] for m in mentions)
            if counts:
                return [(counts.most_common(1)[0][0], "first_person")]
            return [(phrase, "first_person")]
        if span[0].lower_ == "the" and not modified and (
                head.lower_ in self.words["group_nouns"] | self.words["bloc_nouns"] | self.words["company_nouns"]):
            spokesman = self._spokesman_of(doc, text, c, mentions)
            if spokesman:
                return [(spokesman, "noun")]  # "An M23 spokesman said the group was ready to ..."
        if head.text == "party" and len(span) == 2 and span[0].lower_ == "the":
            party = self._previous_company(doc, c.actor_start, mentions)
            if party:  # "the party pledged to ..." (lower case: a political party, not a treaty's Party)
                return [(party if len(party.split()) > 1 else self._full_name(doc, party), "noun")]
        counted = _COUNTED_GROUP.fullmatch(span.text)
        if counted and head.tag_ == "NNS":
            word = (counted.group(1) or counted.group(2)).lower()
            members = self._listed_before(doc, c.actor_start, _NUMBER_WORDS.get(word) or int(word), mentions, speakers)
            if members:
                return [(m, "joint") for m in members]  # "The four companies" after "Astrel, Corbel Labs, ... agreed"
        if head.lower_ in self.words["group_nouns"] and span[0].lower_ == "the":
            term = next((m[2] for m in mentions if m[0] == span.start_char and m[1] == span.end_char), None)
            if term:
                return [(term, "name")]  # 'Aurantis Mining plc ("Aurantis", "the Group")': the defined term
            defined = self._previous_defined(c.actor_start, mentions)
            if defined:
                return [(defined, "noun")]  # "the group", "the coalition": the armed group the text named
            named = _named_before(text, head.text, c.actor_start) if len(span) == 2 else None
            if named:
                at, name = named
                known = next((m[2] for m in mentions if m[0] <= at < m[1]), None)
                return [(known or self._canonical(name), "noun")]  # "the rebels" after "M23 rebels"
        if (span[0].lower_ in ("the", "his", "her", "their") and len(span) == 2
                and head.lower_ in _STATE_REFERENCES):
            state = self._previous_actor(doc, c.actor_start, mentions, states_only=True, window=1500)
            if state:
                return [(state, "noun")]  # "the emirate would not use ...": the state just named
        if head.lower_ in self.words["bloc_nouns"] and span[0].lower_ == "the" and not modified:
            bloc = self._previous_bloc(c.actor_start, mentions)
            if bloc:
                return [(bloc, "noun")]  # "the bloc would consider ...": the union of states the text named
        if head.lower_ == "it" and any(
                t.i < head.i and t.dep_ in ("nsubj", "nsubjpass") and _singular(t.lower_) in self.words["party_nouns"]
                and any(d.lower_ in ("a", "an", "each", "any", "either") for d in t.children) for t in head.sent):
            # "Where a Party intends to modify its coverage, it shall notify ...": whichever party, so each of them
            parties = speakers if len(speakers) > 1 else self._recent_parties(doc, c, mentions, states_only=True)
            if len(parties) > 1:
                return [(p, "joint") for p in parties]
        if (len(span) == 2 and span[0].lower_ in ("his", "her", "its", "their")
                and head.lower_ in ("ministry", "department", "agency", "government", "administration", "cabinet", "country")):
            reporters = self._reporting_subjects(doc, head, mentions, speakers, possessed=True)
            if len(reporters) == 1 and self.kind.get(reporters[0]) in _GOVERNMENTS:
                return [(reporters[0], "pronoun")]  # "Laos's Minister ... said her ministry would publish ...", "his government"
        if head.lower_ == "it" and re.search(r"\b(?:his|her) party\b", text[head.sent.start_char : head.idx]):
            # "Horomona said that if his party formed part of the next government it would write ...": the party
            # of the person who speaks, as the text introduced them ("Green Party climate spokesperson Tamati Horomona")
            reporters = self._reporting_subjects(doc, head, mentions, speakers)
            if len(reporters) == 1 and reporters[0].split():
                party = re.search(rf"((?:[A-Z][\w'’-]+ ){{1,3}}Party)\b[^.\n]{{0,60}}\b{re.escape(reporters[0].split()[-1])}\b", text)
                if party:
                    return [(self._canonical(re.sub(r"^The ", "", party.group(1))), "pronoun")]
        if head.lower_ in _PRONOUNS:
            # an owner's "Its factories will run on renewable power by 2028" (the detector's subject is the owner):
            # "its" and "their" stand where "it" and "they" would
            pron = {"its": "it", "their": "they"}.get(head.lower_, head.lower_) if len(span) == 1 else head.lower_
            reporters = self._reporting_subjects(doc, head, mentions, speakers)
            if reporters:
                kind = "joint" if len(reporters) > 1 else "pronoun"
                return [(name, kind) for name in reporters]
            if (last is not None and last.actor_canonical and last.actor_start is not None
                    and 0 <= c.actor_start - last.end < 400 and pron in ("it", "they")
                    and (pron == "they" or not last.co_actors)
                    and not self._named_between(text, last.end, c.actor_start, mentions)):
                # "The authorities will ... They will not ...", "Both sides agreed ... They agreed ...": same subject
                if last.co_actors:
                    return [(name, "joint") for name in [last.actor_canonical, *last.co_actors]]
                return [(last.actor_canonical, "pronoun")]
            if (head.lower_ in ("he", "she") and last is not None and last.actor_canonical and last.actor_start is not None
                    and 0 <= c.actor_start - last.end < 400 and not last.co_actors
                    and text[last.actor_start : last.actor_end].split()[-1].lower() in self.words["office_titles"]):
                return [(last.actor_canonical, "pronoun")]  # "The Minister will travel ... In Accra she will sign ..."
            if head.lower_ == "they" and len(speakers) > 1:
                return [(name, "joint") for name in speakers]  # a joint statement's "They will explore ...": its parties
            untied = None
            if head.lower_ in ("he", "she"):
                person = self._previous_person(doc, c.actor_start, mentions)
                if person:
                    return [(person, "pronoun")]  # "He pledged ...": the leader last named, not the programme
                untied = self._untied_person(doc, c.actor_start)
            previous = self._previous_actor(doc, c.actor_start, mentions)
            if pron == "it" and head.sent.start > 0 and (head.i == head.sent.start or _after_fronted_adjunct(head)):
                # "... the Board anticipates keeping the rate at 6.75%. It will not consider further reductions",
                # "The Government will invest $4.2 billion to strengthen Medicare. As part of this package, it will:":
                # the subject of the sentence before, when it is the speaker's organ or a named actor
                before = doc[head.sent.start - 1].sent.root
                subject = next((t for t in before.children if t.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                    lemma = subject.lemma_.lower()
                    if len(speakers) == 1 and (
                            lemma in self.words["organ_nouns"] | _DELIBERATIVE and self.kind.get(speakers[0]) != "state"
                            or lemma == "government" and self.kind.get(speakers[0]) in _GOVERNMENTS):
                        previous = speakers[0]
                    else:
                        named = next((m[2] for m in mentions if m[0] <= subject.idx < m[1]), None)
                        if named is None and subject.lower_ == "side":  # "The Pakistani side reiterated ... It will"
                            named = self._name(doc, subject.left_edge.idx, subject.idx + len(subject), mentions, speakers)
                        previous = named or previous
            elif head.lower_ == "it" and previous is not None:
                # "Corvalis has accepted all of the SMA's conditions, under which it will:": the subject of the
                # sentence it sits in, not a possessor named on the way
                root = head.sent.root
                subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass") and t.i < head.i), None)
                if subject is not None and subject.pos_ in ("PROPN", "NOUN") and root.i < head.i:
                    named = next((m[2] for m in mentions if m[0] <= subject.idx < m[1]), None) or (
                        self._name(doc, subject.left_edge.idx, subject.idx + len(subject), mentions, speakers)
                        if subject.pos_ == "PROPN" else None)
                    if named and named != previous:
                        previous = named
            if (untied and len(speakers) == 1 and self._governmental(speakers[0])
                    and re.search(rf"\b(?:{_LOCAL_TITLES})\s+(?:[A-Z][\w'’-]+\s+)?{re.escape(untied.split()[-1])}\b", text)):
                return [(speakers[0], "pronoun")]  # "Mayor Makoni said she would ask council ..." in the city's release
            if untied and (previous is None or previous not in self.kind and previous not in speakers):
                return [(untied, "pronoun")]  # "He pledged to ...": the governor the column is about, not an office
            if previous and previous.split()[0].lower() in self.words["state_bodies"]:
                previous = self._previous_actor(doc, c.actor_start, mentions, states_only=True) or previous
            if previous and len(speakers) == 1 and (
                previous.lower() in self.words["organ_nouns"] or previous.split()[0].lower() == speakers[0].split()[0].lower()
            ):
                previous = speakers[0]
            if previous is None and pron == "it" and len(speakers) == 1:
                previous = speakers[0]  # "Kestrel Therapeutics today announced ... It will expand ...", the NER blind to the name
            return [(self._as_speaker(previous, speakers), "pronoun")] if previous else []
        if _JOINT_BODY.search(phrase) and not any(c.actor_start <= m[0] < c.actor_end for m in mentions):
            # "The Joint Working Group will meet at least twice a year": the body the two parties set up is both
            pair = speakers if len(speakers) == 2 else self._recent_parties(doc, c, mentions, states_only=True)
            if len(pair) == 2:
                return [(p, "joint") for p in pair]
        name = self._name(doc, c.actor_start, c.actor_end, mentions, speakers)
        if (not name and head.pos_ == "NOUN" and head.tag_ == "NNS" and len(speakers) == 1 and head.ent_type_ == ""
                and any(t.lower_ in ("all", "every", "our") or t.dep_ == "nummod" and t.like_num for t in head.children)
                and c.start <= head.idx and self._dated_by(doc, c)):
            # "All 23 manufacturing sites will run on 100% renewable electricity by the end of 2028" in a company's
            # report: a dated target for the speaker's own things is the speaker's
            return self._implied(doc, text, c, mentions, force=True)
        if not name and head.lemma_.lower() in self.words["activity_nouns"] and self._dated_start(doc, c):
            # "Construction of the Santa Rosa facility will begin in the first quarter of 2027", "our terminal in
            # Mombasa will start operating in the third quarter": the speaker's (or the reported speaker's) work
            return self._implied(doc, text, c, mentions, force=True)
        common = name and head.pos_ == "NOUN" and name not in self.kind and not any(
            c.actor_start <= m[0] < c.actor_end for m in mentions)  # "The DRI plant": a thing, whatever letters name it
        if ((not name or common) and _singular(head.lemma_.lower()) in self.words["owned_assets"] | {"unit", "reactor"}
                and (c.action_verb in self.words["end_verbs"] and (self._dated_by(doc, c) or year_label(text, c.start))
                     or c.action_verb in self.words["start_verbs"] and self._dated_start(doc, c))):
            # "The Kolubara A plant will close by 2030", a milestone list's "- 2033: The Kostolac A units will be
            # retired", "The DRI plant will start production in the fourth quarter of 2029": a dated closure or start
            # in the owner's or the planner's text is theirs
            return self._implied(doc, text, c, mentions, force=True)
        if not name and c.action_verb in self.words["beneficiary_verbs"] and head.lower_ not in _PRONOUNS:
            # "Every affected employee will receive severance of 24 months' pay": who gives it is the one speaking
            # (or whose words are reported), as for an agentless passive
            return self._implied(doc, text, c, mentions, force=True)
        if not name:
            return []
        name = self._as_speaker(name, speakers)
        if name not in self.kind and len(name.split()) == 1 and name not in speakers:
            # "Holmstrand" for the "Holmstrand Motor Group" the text introduced; a name the clause wrote itself for
            # the "Movimento Renovar" the text wrote first
            name = self._full_name(doc, name, written=name in text[c.actor_start : c.actor_end])
        return [(name, "name")]

    def _ministry_state(self, doc: Doc, c: Commitment, mentions, name: str) -> str:
        """A ministry named without its state ("the Ministry of National Education", "the Health Ministry") is the
        state or region that speaks, else the region named last, else the state the text names most."""
        if name in self.kind or not _UNKNOWN_MINISTRY.fullmatch(name):
            return name
        speakers = doc._.speakers or []
        government = (speakers[0] if len(speakers) == 1 and self.kind.get(speakers[0]) in ("state", "region")
                      else self._region_of(doc, c.start, mentions, speakers) or self._main_state(doc, mentions))
        return government or name

    def _full_name(self, doc: Doc, short: str, *, written: bool = True) -> str:
        """The first organisation name in the text that starts with ``short`` (one word), else ``short``: the
        one the text introduces, not a subsidiary named later; else a longer proper name the text wrote it in
        first ("the Movimento Renovar" before "Renovar")."""
        for ent in doc_cache.entities(doc)[0]:
            if ent.label_ == "ORG" and ent.text.startswith(short + " "):
                name = self._clean(ent)
                if name.startswith(short + " ") and name.split()[-1].lower() not in self.words["document_nouns"]:
                    return name
        text = doc_cache.text(doc)
        firm = re.search(rf"(?<![\w'’-]){re.escape(short)}((?: [A-Z][\w'’-]+)?{_FIRM_WORD})\b", text)
        if firm:
            return self._canonical(short + firm.group(1))  # "Tallbridge Technologies settled ...", which NER missed
        if not written or any(e.text == short for e in doc_cache.entities(doc)[0] if e.label_ in ("GPE", "LOC", "NORP")):
            return short  # "Tasmania" is a place, whatever "Hydro Tasmania" is
        m = None  # the first time only that capitalised words lead up to it
        for occurrence in re.finditer(rf"(?<![\w'’-]){re.escape(short)}\b", text):
            m = _CAPITAL_RUN.search(text, max(0, occurrence.start() - 120), occurrence.start())
            if m is not None:
                break
        if m is None:
            return short
        words = m.group(1).split()
        opened = _SENTENCE_START.search(text, max(0, m.start() - 3), m.start() + 1)
        while words and (words[0] in _SENTENCE_OPENERS or words[0].lower() in self.generic_words):
            opened = None  # "The Partido Avanza won ...": the name after the opener
            words.pop(0)
        if words and not opened and not any(w in self.adjectives or w.lower() in self.generic_words for w in words[:1]) \
                and not all(w.lower() in self.generic_words for w in words):
            # "Pemberton University Foundation": a common noun inside a name the proper word opens is part of it
            return self._canonical(" ".join([*words, short]))
        return short

    def _included(self, doc: Doc, head, mentions, speakers: list[str]) -> list[str]:
        """"Donors, including Germany and Saudi Arabia, pledged ...": the actors the group is said to include
        (all of them must be nameable, else the group stays the actor)."""
        if head.lower_ not in self.words["agent_nouns"] and head.lower_ == _singular(head.lower_):
            return []
        for prep in head.children:
            such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
            first = next((c for c in prep.children if c.dep_ == "pobj"), None)
            # "The leaders of Ethiopia, Djibouti and Somalia agreed ...": each state named is a party
            of_several = (prep.lower_ == "of" and first is not None and first.conjuncts
                          and head.lower_ in self.words["agent_nouns"] and head.lower_ != _singular(head.lower_))
            if prep.dep_ != "prep" or not (prep.lower_ in ("including", "like") or such_as or of_several):
                continue
            if first is None:
                return []
            names = []
            for member in [first, *first.conjuncts]:
                left = min([member, *(t.left_edge for t in member.lefts if t.dep_ not in ("cc", "punct"))], key=lambda t: t.i)
                name = self._name(doc, left.idx, member.idx + len(member), mentions, speakers)
                if not name or name.lower() in self.words["agent_nouns"] or (of_several and name not in self.kind):
                    return []
                if name not in names:
                    names.append(name)
            return names
        return []

    def _as_speaker(self, name: str, speakers: list[str]) -> str:
        """The speaker's own name for a short form of it ("Corvanta" for "Corvanta Biotherapeutics") and for
        its deciding organ ("the Monetary Policy Committee" of the bank that speaks)."""
        if len(speakers) != 1 or name == speakers[0] or self.kind.get(name) in _GOVERNMENTS:
            return name  # "the Government" (Canada) in the Bank of Canada's release is not the Bank
        words = name.lower().split()
        if speakers[0].lower().startswith(name.lower() + " ") or speakers[0].lower().endswith(" " + name.lower()):
            return speakers[0]  # "Corvanta" for "Corvanta Biotherapeutics", "the Union" for the European Union
        if words[-1] in _DELIBERATIVE and name not in self.kind and self.kind.get(speakers[0]) != "state":
            return speakers[0]
        initials = "".join(w[0] for w in speakers[0].split() if w[:1].isupper())
        if name.isupper() and len(name) >= 2 and name == initials and name not in self.kind:
            return speakers[0]  # "SNPC" for the Sitra National Petroleum Company that speaks
        return name

    def _officer_firm(self, doc: Doc, before: int, mentions) -> str | None:
        """The firm whose officer the paragraph names just before ``before`` ("Dishly's Australian managing director,
        Tom Varga, said ..."), if the alias table does not know it as something else."""
        text = doc_cache.text(doc)
        paragraph = text.rfind("\n", 0, before) + 1
        officer = None
        for officer in _FIRM_OFFICE_ANY_CASE.finditer(text, max(paragraph, before - 300), before):
            pass
        if officer is None:
            return None
        owner = re.search(r"([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})['’]s\s+(?:[A-Za-z-]+\s+){0,2}$",
                          text[max(paragraph, officer.start() - 60) : officer.start()])
        if owner is None or self.kind.get(self._canonical(owner.group(1))) is not None:
            return None
        return self._full_name(doc, owner.group(1)) if " " not in owner.group(1) else self._canonical(owner.group(1))

    def _named_between(self, text: str, start: int, end: int, mentions) -> bool:
        """Whether a known actor is named as a subject-like noun between two commitments (then "it" may be it)."""
        return any(start <= m[0] < end and not _placed(text, m[0]) for m in mentions)

    def _reporting_subjects(self, doc: Doc, pronoun, mentions, speakers: list[str], *, possessed: bool = False) -> list[str]:
        """"The Greek side informed us that it will ...", "Estonia and Lithuania confirmed that they will ...":
        the pronoun of a reported clause is whoever reports it, when that is a named actor; with ``possessed``,
        the subject is a body the reporter owns ("the Minister, Ms. Phommachanh, said her ministry would ...")."""
        if not possessed and pronoun.lower_ not in ("it", "they") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return []
        clause = pronoun.head
        if clause.dep_ == "conj" and (pronoun.lower_ == "it" or possessed):
            # "confirmed that Denmark will not reduce ..., and that it will contribute ...", "said Tanzania would
            # publish ..., and that her government intends to ...": the first clause's subject
            first = next((t for t in clause.head.children if t.dep_ in ("nsubj", "nsubjpass") and t.i < pronoun.i), None)
            if first is not None and (first.pos_ == "PROPN" or first.lower_ in self.words["government_nouns"]
                                      or first.lower_ in self.words["company_nouns"]):  # "said the company would ..."
                # "... said the government would not reopen the date, and that it intends to table ...": the government
                name = self._name(doc, first.left_edge.idx, first.idx + len(first), mentions, speakers)
                if name:
                    return [self._as_speaker(name, speakers)]
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
        reporting = clause.head
        if clause.dep_ == "acl" and clause.head.dep_ in ("dobj", "dative") and any(c.dep_ == "mark" for c in clause.children):
            reporting = clause.head.head  # "assured our delegation that it would ...", parsed as the delegation's clause
        elif clause.dep_ != "ccomp":
            return []
        if reporting.lemma_ not in self.words["speech_verbs"]:
            return []
        subject = next((t for t in reporting.children if t.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return []
        heads = [subject] + ([t for t in subject.conjuncts if t.i > subject.i] if pronoun.lower_ == "they" else [])
        names = []
        for h in heads:
            first = min([h, *(t.left_edge for t in h.lefts if t.dep_ not in ("cc", "punct"))], key=lambda t: t.i)
            last = h if h.conjuncts else max(
                [h, *(t.right_edge for t in h.rights if t.dep_ not in ("relcl", "punct", "cc", "conj"))],
                key=lambda t: t.i)  # "The Port of Rotterdam Authority, which is building the connections, said"
            name = self._name(doc, first.idx, last.idx + len(last), mentions, speakers)
            if name and (name not in self.kind and not any(m[2] == name for m in mentions) and not self._institution(name)
                         and name.lower() in self.words["agent_nouns"] | self.words["organ_nouns"]):
                return []  # "The bank said it would ...": a bare noun names no one; the fallbacks do better
            name = name and self._as_speaker(name, speakers)
            if name and name not in names:
                names.append(name)
        return names if len(names) == len(heads) else []

    def _share_owner(self, doc: Doc, c: Commitment, mentions) -> str | None:
        """Who pledged the whole of which a share is put to a use or a date: "The United Kingdom pledged GBP 60
        million, of which GBP 20 million will be paid in the first quarter of 2027" -> the United Kingdom."""
        clause = doc[c.verb_i]
        for _ in range(4):
            if clause.dep_ == "relcl" or clause.head.i == clause.i:
                break
            clause = clause.head
        if clause.dep_ != "relcl" or not any(
                t.dep_ == "prep" and t.lower_ == "of" and any(g.lower_ in ("which", "whom") for g in t.children)
                for t in clause.children):
            return None
        governor = clause.head.head  # the verb whose object the antecedent is ("pledged GBP 60 million")
        if governor.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((t for t in governor.children if t.dep_ == "nsubj"), None)
        if subject is None:
            return None
        return next((m[2] for m in mentions if m[0] <= subject.idx < m[1]), None)

    def _implied(self, doc: Doc, text: str, c: Commitment, mentions, *, force: bool = False) -> list[tuple[str, str]]:
        """The actor of an agentless passive ("tariffs will be eliminated"): whoever's words are reported,
        else the document's speaker(s); nobody when neither is known."""
        if c.actor_kind != "implied" and not force:
            return []
        share = self._share_owner(doc, c, mentions)
        if share:
            return [(share, "name")]
        speakers = doc._.speakers or []
        if c.reported_speaker and len(speakers) > 1 and re.match(
                r"(?i)(?:the\s+)?(?:two|both|three|all)\s+(?:\w+\s+)?(?:sides|parties|ministers|leaders|governments|"
                r"countries|presidents|delegations)\b", c.reported_speaker):
            # "The two Ministers agreed that the seventh Dialogue will be held in Seoul": the joint statement's parties
            return [(s, "joint") for s in speakers]
        if c.reported_speaker:
            start = text.rfind(c.reported_speaker, max(0, c.start - 2000), c.end + 400)
            name = self._name(doc, start, start + len(c.reported_speaker), mentions, speakers) if start >= 0 else None
            return [(name, "implied")] if name else []
        if (len(speakers) == 1 and self.kind.get(speakers[0]) == "organisation"
                and _PROGRAMME_AUTHORITIES.search(text)):
            # "Social spending will be protected through a floor" in the IMF's release on a country's programme:
            # the programme is the authorities', so is what it will do
            state = self._main_state(doc, mentions)
            if state:
                return [(state, "implied")]
        return [(s, "implied") for s in speakers]

    def _instrument(self, name: str) -> bool:
        """A name the text defines for a document ("Free Trade Agreement" for "FTA", "Memorandum of
        Understanding"), not for anyone who acts (a known actor, such as a treaty's organisation, is kept)."""
        if name in self.kind:
            return False
        words = name.lower().split()
        nouns = self.words["instrument_nouns"]
        return any(w in nouns and (i == len(words) - 1 or words[i + 1] == "of") for i, w in enumerate(words))

    def _name(self, doc: Doc, start: int, end: int, mentions, speakers: list[str]) -> str | None:
        """The canonical name of the actor written at ``doc.text[start:end]``, or None if it is no actor."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        named = next((a for a in head.rights if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i >= span.end
                      and (a.ent_type_ in ("ORG", "") or a.ent_type_ == "PERSON" and head.lower_ in _FIRM_ROLES)), None)
        if (named is not None and head.pos_ == "NOUN" and head.lower_ in self.words["agent_nouns"]
                and head.lower_ not in self.words["office_titles"]):  # "the then minister, Hazem Rawashdeh": the office
            # "The prime contractor, Koryo Land Systems (KLS), will deliver ...": the name in apposition
            inner = self._name(doc, doc[named.left_edge.i].idx, named.idx + len(named), mentions, speakers)
            if inner:
                return inner
        if head.ent_type_ in _NOT_ACTOR_ENTS and (head.like_num or head.lower_ in _CALENDAR_WORDS):
            return None  # "The coalition agreement signed that April committed ...", parsed with "April" as subject
        appos = next((t for t in head.children if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i < span.end), None)
        if appos is not None and head.pos_ == "NOUN":
            # "Its junior coalition partner, the Partido Verde Atlântico,": the name the apposition gives
            words = [t for t in appos.subtree if not t.is_punct]
            name = self._name(doc, words[0].idx, words[-1].idx + len(words[-1]), mentions, speakers)
            proper = [t for t in words if t.dep_ != "det"]
            if name and name not in self.kind and all(t.pos_ == "PROPN" for t in proper):
                return self._clean(doc[proper[0].i : proper[-1].i + 1])  # the whole name, not the NER's part of it
            return name
        if span[0].lower_ == "the" and (head.lower_ in ("province", "county") or head.text == "State" or (
                head.lower_ == "government" and any(t.lower_ in ("provincial", "state", "county") for t in span))):
            region = self._region_of(doc, start, mentions, speakers)
            if region:
                return region  # "the province will issue the main construction contract": Manitoba
        region_country = self.countries.get(speakers[0]) if len(speakers) == 1 else None
        if region_country and span[0].lower_ == "the" and (head.text == "Commonwealth" or (
                head.lower_ == "government" and any(t.lower_ in ("federal", "national", "central", "union") for t in span))):
            return region_country  # "The Commonwealth has agreed to match the State's contribution": Australia
        if (span[0].lower_ == "the" and head.lower_ == "city" and len(span) == 2 and len(speakers) == 1
                and self.kind.get(speakers[0]) == "region"):
            city = next((e for e in reversed(_ents_before(doc, start, 1500)) if e.label_ == "GPE"
                         and self._canonical(e.text) not in self.kind), None)
            if city is not None:
                return self._clean(city)  # "Mayor Dhillon said the city would ..." in Manitoba's budget: Winnipeg
            lowered = doc_cache.text(doc).lower()
            capital = next((c for c, r in self.capitals.items() if r == speakers[0] and c in lowered), None)
            if capital:
                return capital.title()  # the capital its dateline names ("WINNIPEG, March 18, 2027 -")
        if _LOCAL_COUNCIL.fullmatch(re.sub(r"^(?:the|The)\s+", "", span.text)):
            return _city_of(self._clean(span))  # "Brisbane City Council" is Brisbane, not the state whose capital it is
        if head.lower_ in self.words["agent_nouns"] or head.lower_ in self.words["state_bodies"]:
            pair = next((f"{t.text} {t.nbor().text}" for t in span[:-1] if f"{t.text} {t.nbor().text}" in self.adjectives), None)
            if pair:
                return self.adjectives[pair]  # "The South Australian Government": the state, not the "Australian" in it
        inside = [m for m in mentions if m[0] >= start and m[1] <= end
                  and not _LOCATIVE.search(doc_cache.text(doc)[max(start, m[0] - 30) : m[0]])]  # "the Embassy in Seoul"
        if inside:
            root_named = any(m[0] <= head.idx < m[1] for m in inside)
            own_body = head.lower_ in self.words["independent_bodies"] and head.ent_type_ == "ORG"
            generic_head = head.lower_ in self.words["agent_nouns"] or head.lower_ in self.words["office_titles"] or \
                _singular(head.lower_) in self.words["party_nouns"] or head.lower_ in self.words["state_bodies"]
            if root_named:
                if self._instrument(inside[0][2]):
                    return None  # "Once in force, the FTA will eliminate customs duties": what a document does
                return inside[0][2]
            if own_body:  # "the Bank of Mongolia" is the central bank, not the state
                return self._clean(span)
            if generic_head:
                return inside[0][2]
            # "Lumenfold Labs UK": a name that merely contains a country's name is its own organisation
        if (head.lower_ in self.words["agent_nouns"] or _singular(head.lower_) in self.words["party_nouns"]
                or head.lower_ in self.words["state_bodies"]):  # not "U.S. cloud provider Stratocore": a firm's nationality
            for token in span:
                pair = f"{token.text} {token.nbor().text}" if token.i + 1 < span.end else ""
                if pair in self.adjectives:  # "the South African Presidency", "North Korean officials"
                    return self.adjectives[pair]
                if token.text in self.adjectives:
                    return self.adjectives[token.text]
        if head.lower_ == "council" and all(t.i == head.i or t.dep_ == "det" for t in span):
            council = _LOCAL_COUNCIL.findall(doc_cache.text(doc), 0, start)
            if council:
                return _city_of(council[-1])  # "Council will ...", "the council intended to ...": the city's, named before
        if len(span) == 2 and span[0].lower_ == "the" and head.is_title and head.lower_ in self.words["state_bodies"] and not (
                head.lower_ == "government" and len(speakers) == 1 and self.kind.get(speakers[0]) in _GOVERNMENTS):
            # (but "The Government" in Australia's release is Australia's, after "the Victorian Government" too)
            full = _named_before(doc_cache.text(doc), head.text, start)
            known = full and next((m[2] for m in mentions if m[0] <= full[0] < m[1]), None)
            if known in self.kind:
                return known  # "the Commission" after "the European Commission": the actor the full name is
        if head.lower_ in _PUBLIC_BODIES and any(t.lower_ in ("government", "state", "public", "federal", "central")
                                                 for t in span if t.i < head.i):
            state = (speakers[0] if len(speakers) == 1 and self.kind.get(speakers[0]) == "state"
                     else self._previous_actor(doc, start, mentions, states_only=True) or self._main_state(doc, mentions))
            if state:
                return state  # "Central government bodies will migrate their systems": the state's
        low = head.lemma_.lower()
        cabinet = any(t.lower_ == "ministers" and t.dep_ == "pobj" and t.head.head == head for t in span)
        if cabinet and speakers and self.kind.get(speakers[0]) != "state":
            state = self._previous_actor(doc, start, mentions, states_only=True) or self._main_state(doc, mentions)
            if state:
                return state  # "the Council of Ministers" in the World Bank's release: the borrower's cabinet
        firm_speaks = len(speakers) == 1 and (speakers[0] in self._firms or speakers[0] in self._organised)
        of_name = any(t.dep_ == "prep" and t.lower_ == "of" and any(p.pos_ == "PROPN" for p in t.children)
                      for t in head.children)  # "the Board of Investments", not "the Board"
        if firm_speaks and low in self.words["state_bodies"] and (low not in self.words["organ_nouns"] or of_name) \
                and span[0].lower_ == "the":
            # "The Department of Health, for its part, will ..." in a firm's release: a state's department
            state = self._previous_actor(doc, start, mentions, states_only=True) or self._main_state(doc, mentions)
            if state:
                return state
        if (head.is_title and low in self.words["organ_nouns"] and len(speakers) == 1
                and self.kind.get(speakers[0]) != "state"):
            named = (self._named_kind(mentions, low, start)
                     if low in _INSTITUTION_KINDS and low not in speakers[0].lower() else None)
            own_name = [t.text for t in span if t.pos_ == "PROPN" and t.dep_ == "compound" and t.head == head]
            if (not named and low in _INSTITUTION_KINDS and own_name and head.ent_type_ == "ORG"
                    and not any(w.lower() in speakers[0].lower() for w in own_name)):
                return self._clean(span)  # "The Pandemic Fund" in the WHO's story: a fund of its own name
            return named or speakers[0]  # "The Meeting agreed to ..." in a ministerial statement: the body that
            # met; but "The Bank" in the communiqué of a bank's fund is the "Caribbean Development Bank" it names
        if low in self.words["non_agent_nouns"] or head.lower_ in self.words["non_agent_nouns"]:
            return None
        states = [s for s in speakers if self.kind.get(s) in (*_GOVERNMENTS, None)]
        named_body = any(t.pos_ == "PROPN" and t.dep_ in ("compound", "amod") and t.head == head for t in span)  # "the Financial Regulatory Commission"
        if span[0].lower_ == "the" and low == "bank":
            bank = self._bank(doc, mentions)  # "the central bank", "the Bank": the one the text names
            if bank:
                return bank
        if span[0].lower_ == "the" and low in self.words["government_nouns"] and any(
                t.lower_ in ("federal", "national", "central", "union") for t in span):
            state = self._main_state(doc, mentions)  # a state's or province's text: "the Federal Government"
            if state:
                return state
        if span[0].lower_ == "the" and (_LEADER_TITLE_ONLY.fullmatch(span[1:].text) or _MINISTER_TITLE_ONLY.fullmatch(span[1:].text)):
            # (also "the Foreign Minister" after "Kazakhstani Foreign Minister Temirbekov")
            holder = self._holder_state(doc, span[1:].text.lower(), mentions)
            if holder:
                return holder  # "The Prime Minister committed" after "Prime Minister Tran Quoc Hung of Vietnam"
        if (span.text.lower() == "the commission" and head.is_title and not _named_before(doc_cache.text(doc), "Commission", start)
                and self.kind.get(self._canonical("European Commission"))):
            union = self._canonical("European Commission")
            if any(m[2] == union for m in mentions):
                return union  # "the Commission has promised to table ..." in a text on the EU: the European Commission's
        if span[0].lower_ == "the" and len(speakers) == 1 and not named_body:
            speaker_kind = self.kind.get(speakers[0])
            if low in self.words["government_nouns"] and not self._governmental(speakers[0]):
                # "the authorities" in the IMF's press release: the country's, not the Fund's
                state = self._previous_actor(doc, start, mentions, states_only=True) or self._main_state(doc, mentions)
                if state:
                    return state
            elif low == "group" and speaker_kind in ("group", "organisation"):
                return speakers[0]  # "The group will hold its next full ministerial meeting" in a wire on OPEC+
            elif low in self.words["company_nouns"] and (speaker_kind is not None or _AGENCY.search(speakers[0])):
                # "the company" in a news report, or in a regulator's (known or not) or the EU's release: the firm it names
                company = self._previous_company(doc, start, mentions)
                if company:
                    return company
            elif low in self.words["state_bodies"] or low in self.words["agent_nouns"]:
                return speakers[0]
        if (head.lower_ in ("officers", "officials", "diplomats") and len(speakers) == 1 and self.kind.get(speakers[0]) == "state"
                and not any(t.dep_ in ("det", "poss") or t.pos_ == "PROPN" for t in head.children)):
            return speakers[0]  # "Consular officers will visit the fishermen on Monday" in a ministry's briefing
        if span[0].lower_ == "the" and not speakers and low in self.words["company_nouns"] and not named_body:
            company = self._previous_company(doc, start, mentions)  # "the company" in a news analysis
            if company:
                return company
        if len(speakers) == 1 and self.kind.get(speakers[0]) != "state" and low in self.words["organ_nouns"]:
            return speakers[0]
        if (head.lower_ in ("government", "administration") and len(speakers) == 1 and any(t.lower_ in _INCUMBENT for t in span if t.i < head.i)
                and (not self._governmental(speakers[0]) or re.search(r"\b(?:Manifesto|Platform)\b", doc_cache.text(doc)[:_HEADER_CHARS]))):
            # "this government promised ..." in the opposition's manifesto: the state, named or by its people
            # ("A Fair Chance for Every Jamaican")
            text = doc_cache.text(doc)
            titled = {self.adjectives.get(w.rstrip("s"), self.adjectives.get(w)) for a, b in _header_lines(text)
                      for w in re.findall(r"[A-Z][\w.'’-]+", text[a:b])}
            titled |= {m[2] for m in mentions if any(a <= m[0] < b for a, b in _header_lines(text))}
            titled = {t for t in titled if self.kind.get(t) == "state"}
            state = titled.pop() if len(titled) == 1 else self._main_state(doc, mentions)
            if state:
                return state
        if not speakers and (low in _DELIBERATIVE and span[0].lower_ == "the" or low in _BANK_ORGANS and len(span) <= 2):
            bank = self._bank(doc, mentions)  # "The Council will ..." in a rate statement: the central bank's
            if bank:
                return bank
        if ((of_name or named_body) and len(speakers) == 1 and speakers[0] in self._firms and head.ent_type_ != "PERSON"
                and not any(t.lower_ in self.words["office_titles"] for t in span)):
            return self._clean(span)  # "The Port of Rotterdam Authority" in a shipping line's report: its own body
        if low in _ARMED_HEADS and any(t.pos_ == "PROPN" and t.i < head.i and t.lower_ not in _GENERIC_FORCE_WORDS
                                       for t in span) and not any(
                t.text in self.adjectives or self.kind.get(self._canonical(t.text)) in _GOVERNMENTS for t in span):
            return self._clean(span)  # "the Kachin Independence Army": an armed group's own name, no state's army
        if low in self.words["state_bodies"] or any(t.lower_ in self.words["state_bodies"] for t in span if t.is_title):
            if head.lower_ in self.words["state_bodies"] or span[0].lower_ in ("the",) or head.ent_type_ == "ORG":
                if len(states) == 1 and self.kind.get(states[0]) is None:
                    # "Poland's Ministry of Climate said" in a think tank's report: Poland, not the think tank
                    here = self._previous_actor(doc, start, mentions, states_only=True, window=start - span.sent.start_char + 1)
                    if here:
                        return here
                if len(states) == 1:
                    return states[0]
                previous = self._previous_actor(doc, start, mentions, states_only=True)
                if previous is None and low in self.words["government_nouns"] and not speakers:
                    previous = self._main_state(doc, mentions)  # an opinion piece's "the government"
                if previous:
                    return previous
        if low in _INSTITUTION_KINDS and head.is_title and len(span) == 2 and span[0].lower_ == "the" and not speakers:
            named = self._named_kind(mentions, low, start, doc_cache.text(doc))
            if named:
                return named  # "the Fund" after "the United Nations Children's Fund (UNICEF)": UNICEF
        for ent in _ents_at(head):
            if ent.label_ in _ACTOR_ENTS and ent.label_ != "NORP":
                if ent.label_ == "PERSON" and any(t.lower_ in self.words["office_titles"] for t in span):
                    if (len(speakers) == 1 and self.kind.get(speakers[0]) == "region"
                            and any(t.lower_ in _REGIONAL_TITLES for t in span)):
                        return speakers[0]  # "Premier Marc Lavallee" in Manitoba's budget release
                    previous = self._previous_actor(doc, start, mentions, states_only=True)
                    if len(states) == 1:
                        return states[0]
                    if previous:
                        return previous
                return self._clean(ent)
        if low in self.words["agent_nouns"]:
            if len(speakers) == 1:
                return speakers[0]
            previous = self._previous_actor(doc, start, mentions)
            if previous and low in self.words["state_bodies"]:
                return previous
            if _singular(low) in self.words["office_titles"]:  # "ministers vowed": whose ministers
                state = self._previous_actor(doc, start, mentions, states_only=True) or self._main_state(doc, mentions)
                if state:
                    return state
            return _title_case(re.sub(r"^(the|a|an)\s+", "", span.text.strip(), flags=re.I))
        words = [t for t in span if not (t.is_punct or t.dep_ == "det")]
        if (len(speakers) == 1 and self.kind.get(speakers[0]) in ("organisation", "group", "bank") and words
                and all(t.lower_ in self.words["office_titles"] | _TITLE_QUALIFIERS for t in words)):
            return speakers[0]  # "The Secretary General will report ..." in NATO's statement: NATO's
        if head.pos_ == "PROPN" and (head.is_title or head.is_upper and any(t.is_title for t in span)) \
                and low not in self.words["non_agent_nouns"]:
            return self._clean(span)  # "Corbel Labs", and "Greyfield AI" with its capital letters
        return None

    def _listed_before(self, doc: Doc, before: int, count: int, mentions, speakers) -> list[str]:
        """The ``count`` names the nearest sentence before ``before`` (within a few paragraphs) coordinates
        ("Astrel, Corbel Labs, Greyfield AI and Yunjing Technology agreed ..."), each by its canonical name."""
        first = doc.char_span(before, before + 1, alignment_mode="expand")
        if first is None:
            return []
        starts, _ = doc_cache.bounds(doc)
        end = starts[first[0].i]
        while end > 0 and before - doc[end - 1].idx < 1500:
            start = starts[end - 1]
            for token in doc[start:end]:
                if token.pos_ == "PROPN" and token.dep_ != "conj" and any(c.dep_ == "conj" for c in token.children):
                    heads = _coordinated_names(token)
                    if len(heads) == count:
                        names = [self._name(doc, h[0].idx, h[-1].idx + len(h[-1]), mentions, speakers) for h in heads]
                        if all(names) and len(set(names)) == count:
                            return names
            end = start
        return []

    def _holder_state(self, doc: Doc, title: str, mentions) -> str | None:
        """The state of the one holder of a leader's title the text names with a state ("Prime Minister Tran
        Quoc Hung of Vietnam", "Vietnam's Prime Minister", "Vietnamese Prime Minister Tran"), or None when it
        names none or several."""
        text = doc_cache.text(doc)
        found = set()
        for match in re.finditer(rf"\b{re.escape(title)}\b", text, re.I):
            if not match.group(0)[0].isupper():
                continue
            after = re.match(r"\s+(?:[A-Z][\w'’.-]*\s+){1,4}of\s+(?:the\s+)?", text[match.end() : match.end() + 80])
            if after:
                at = match.end() + after.end()
                found.update(m[2] for m in mentions if m[0] == at and self.kind.get(m[2]) == "state")
            before = re.search(r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)(?:'s|’s)?\s+$", text[max(0, match.start() - 40) : match.start()])
            if before:
                word = before.group(1)
                state = self.adjectives.get(word) or self._canonical(word)
                if self.kind.get(state) == "state":
                    found.add(state)
        return found.pop() if len(found) == 1 else None

    def _previous_actor(self, doc: Doc, before: int, mentions, *, states_only: bool = False, window: int = 800) -> str | None:
        """The nearest actor named before ``before`` (within ``window`` characters: a few sentences)."""
        best = None
        ends = [m[1] for m in mentions]  # mentions are in text order and do not overlap
        i = bisect_right(ends, before) - 1
        text = doc_cache.text(doc)
        while i >= 0 and before - mentions[i][1] < window:
            start = mentions[i][0]
            if _placed(text, start):
                pass  # "at the conference in Paris, the government pledged": a place, not an actor
            elif not states_only or self.kind.get(mentions[i][2]) == "state":
                best = (mentions[i][1], mentions[i][2])
                break
            i -= 1
        if not states_only:
            orgs = [e for e in _ents_before(doc, before, window) if e.label_ == "ORG" and not (e.text.isupper() and len(e.text) <= 5)
                    and e[-1].lower_ not in self.words["document_nouns"]  # not "his State of the Province Address"
                    and e[0].lower_ not in _PART_NOUNS]  # nor "Annex 2-C", "Article 9"
            if orgs and (best is None or orgs[-1].end_char > best[0]):
                best = (orgs[-1].end_char, self._clean(orgs[-1]))
        return best[1] if best else None

    def _previous_person(self, doc: Doc, before: int, mentions) -> str | None:
        """The actor a "he" or "she" stands for: the person last named before ``before`` (within a few
        paragraphs), when the text has tied that person to a state or organisation."""
        for ent in reversed(_ents_before(doc, before, 1500)):
            if ent.text.split()[-1] in self._people:
                return next((m[2] for m in mentions if m[0] <= ent.start_char < m[1] or ent.start_char <= m[0] < ent.end_char),
                            self._people[ent.text.split()[-1]])
            if self._personal(doc, ent):
                return None  # a person the text ties to no one: the older rules decide
        return None

    def _personal(self, doc: Doc, ent: Span) -> bool:
        """A person's name: the NER's PERSON, or the surname of one it found in full elsewhere ("Darren Mbeki", then
        "Mbeki said he would ...", where it took the lone surname for a product)."""
        if ent.label_ == "PERSON":
            return True
        if self._surnames is None:
            self._surnames = {e[-1].text for e in doc_cache.entities(doc)[0] if e.label_ == "PERSON" and len(e) > 1}
        return len(ent) == 1 and ent.text in self._surnames

    def _dated_by(self, doc: Doc, c: Commitment) -> bool:
        """The clause names a date it is to be done by ("by the end of 2028", "before 2030")."""
        text = doc_cache.text(doc)
        return any(e.label_ == "DATE" and c.start <= e.start_char < c.end
                   and re.search(r"\b(?:by|before|no later than)\s+(?:the\s+)?(?:end\s+of\s+)?$", text[max(0, e.start_char - 30) : e.start_char])
                   for e in doc_cache.entities(doc)[0])

    def _dated_start(self, doc: Doc, c: Commitment) -> bool:
        """The clause starts something ("will begin", "will start operating") at a date it names."""
        verbs = [doc[i] for i in c.chain] + [doc[c.verb_i]]
        if not any(v.lemma_.lower() in self.words["start_verbs"] for v in verbs):
            return False
        return any(e.label_ == "DATE" and c.start <= e.start_char < c.end for e in doc_cache.entities(doc)[0])

    def _untied_person(self, doc: Doc, before: int) -> str | None:
        """The person last named before ``before`` (within a few paragraphs), written out as the text first
        gave the name ("Ramon Tolentino" for a later "Mr Tolentino"), when no state or organisation is tied to it."""
        ents = _ents_before(doc, before, 1500)
        last = next((e for e in reversed(ents) if self._personal(doc, e)
                     and not _BYLINE.match(doc_cache.text(doc), doc_cache.text(doc).rfind("\n", 0, e.start_char) + 1)),
                    None)  # not the byline's author
        if last is None:
            return None
        surname = last[-1].text
        everyone = [e for e in doc_cache.entities(doc)[0] if e.label_ == "PERSON" and e[-1].text == surname]
        full = max(everyone, key=lambda e: (len(e), -e.start), default=last)
        name = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Mx)\.?\s+", "", full.text.strip())
        return name if name[:1].isupper() else None

    def _spokesman_of(self, doc: Doc, text: str, c: Commitment, mentions) -> str | None:
        """The organisation a reporting speaker speaks for when the text names it only as a modifier of the
        speaker ("An M23 spokesman", "a Hamas official", "an Orvell spokeswoman")."""
        if not c.reported_speaker:
            return None
        start = text.rfind(c.reported_speaker, max(0, c.start - 300), c.end + 300)
        speaker = doc.char_span(start, start + len(c.reported_speaker), alignment_mode="expand") if start >= 0 else None
        if speaker is None:
            return None
        root = speaker.root
        if root.lower_ not in self.words["agent_nouns"] and _singular(root.lower_) not in self.words["office_titles"] \
                and root.lower_ not in ("spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources"):
            return None
        names = [t for t in root.lefts if t.dep_ in ("compound", "nmod", "amod") and (t.pos_ == "PROPN" or t.is_upper) and t.text[:1].isupper()]
        if not names:
            return None
        first, last = names[0], names[-1]
        name = doc[first.left_edge.i if first.left_edge.i >= speaker.start else first.i : last.i + 1].text
        if name in self.adjectives:
            return None  # "a Chinese official": the state, which the ordinary rules find
        at = doc[first.i].idx
        known = next((m[2] for m in mentions if m[0] <= at < m[1]), None)
        return known or self._canonical(name)  # "A CRP spokesman": the coalition the text defined as CRP

    def _previous_bloc(self, before: int, mentions) -> str | None:
        """The nearest organisation of states (in the alias table) named before ``before``."""
        ends = [m[1] for m in mentions]
        i = bisect_right(ends, before) - 1
        while i >= 0 and before - mentions[i][1] < 3000:
            if self.kind.get(mentions[i][2]) == "organisation":
                return mentions[i][2]
            i -= 1
        return None

    def _previous_company(self, doc: Doc, before: int, mentions) -> str | None:
        """The firm a "the company" refers to: of the names before ``before`` that the alias table does not
        know (states, cities and organisations are no company), the one the text repeats most, else the
        nearest."""
        text = doc_cache.text(doc)
        defined = {text[a:b]: canonical for a, b, canonical in mentions}
        candidates: list[str] = []
        for ent in _ents_before(doc, before, 3000):
            if ent.label_ not in ("ORG", "PERSON", "FAC") or (ent.label_ != "ORG" and len(ent) > 1):
                continue  # a one-word "person" or "facility" is often a firm the NER did not know ("Stratocore")
            name = self._clean(ent)
            words = name.split()
            if not words or name in self.kind or words[0].lower() in self.words["state_bodies"] or self._canonical(name) in self.kind:
                continue
            full = defined.get(name, name)
            if full.split()[-1].lower() in _AGENCY_HEADS or _AGENCY.search(full):
                continue  # "the DPC" the text defined as the "Data Protection Commission": a regulator, no firm
            if len(name) <= 2:
                continue  # "AI", "EU": letters, not a firm's name
            if name in candidates:
                candidates.remove(name)
            candidates.append(name)
        # a firm the NER rarely tags ("Halcyra"): a one-word proper noun the text keeps repeating
        places = {e.text for e in doc_cache.entities(doc)[0] if e.label_ in ("GPE", "LOC", "NORP", "DATE", "EVENT", "LAW")}
        repeated = Counter(t.text for t in doc if t.idx < before and t.pos_ == "PROPN" and t.is_title
                           and len(t) > 2 and t.text not in places and t.ent_type_ not in ("DATE", "TIME"))  # not "June"
        for name, count in repeated.most_common(3):
            if count >= 3 and name not in candidates and name not in self.adjectives and self._canonical(name) not in self.kind:
                candidates.insert(0, name)
        if not candidates:
            return None
        return max(reversed(candidates), key=lambda n: text.count(n.split()[0]))

    def _governmental(self, name: str) -> bool:
        """Whether a speaker can have ministries and authorities: a state or city, or an unknown name that is
        not an institution, a firm or an organ ("New Brunswick", not "Carbon Ledger Institute")."""
        kind = self.kind.get(name)
        if kind is not None:
            return kind in _GOVERNMENTS
        if name in self._firms or name in self._organised:
            return False
        last = name.lower().split()[-1] if name.split() else ""
        bodies = self.words["independent_bodies"] | self.words["organ_nouns"] | self.words["company_nouns"]
        return not (last in bodies or self._institution(name) or last in ("institute", "initiative", "network", "alliance", "forum"))

    def _named_kind(self, mentions, noun: str, before: int, text: str | None = None) -> str | None:
        """The organisation named before ``before`` whose name (or, given ``text``, whose name as written) ends
        with ``noun`` ("the Bank": "Caribbean Development Bank"; "the Fund": the "United Nations Children's Fund"
        the table calls UNICEF), the most often named if several."""
        counts = Counter(m[2] for m in mentions if m[0] < before and self.kind.get(m[2]) not in _GOVERNMENTS
                         and (m[2].split()[-1].lower() == noun
                              or text is not None and text[m[0] : m[1]].split()[-1].lower() == noun))
        return counts.most_common(1)[0][0] if counts else None

    def _bank(self, doc: Doc, mentions) -> str | None:
        """The bank the text names most: a central bank in the alias table or a "Bank of X" it names."""
        counts = Counter(m[2] for m in mentions if self.kind.get(m[2]) == "bank" or (
            self._institution(m[2]) and m[2].partition(" of ")[0].split()[-1].lower() == "bank")
            or (m[2] not in self.kind and m[2].split()[-1] == "Bank"))  # "the Indian Ocean Rim Development Bank (IORDB)"
        return counts.most_common(1)[0][0] if counts else None

    def _dateline_state(self, text: str, mentions) -> str | None:
        """The state a dateline in the opening lines names by its capital or its name ("Islamabad, 12 February 2026")."""
        pos = 0
        for line in text[:_HEADER_CHARS].splitlines(keepends=True):
            start, pos = pos, pos + len(line)
            if not _DATELINE.search(line):
                continue
            for a, _, canonical in mentions:
                if start <= a < pos and self.kind.get(canonical) == "state":
                    return canonical
        return None

    def _document_region(self, text: str, mentions) -> str | None:
        """The province, state or county a document is a government's text of: its title or dateline names the
        region or its capital, and the text speaks of a regional government ("the province", "Premier", "the
        county government"). None for a national or a company's text datelined in a regional capital."""
        if not _REGIONAL_GOVERNMENT.search(text, 0, 4000):
            return None
        for a, b in _header_lines(text):
            for start, _, canonical in mentions:
                if a <= start < b and self.kind.get(canonical) == "region":
                    return canonical
        for line in text[:_HEADER_CHARS * 2].splitlines():
            # "WINNIPEG, March 18, 2027 - Finance Minister ...", "HALIFAX - The Province is ...": the capital
            place = (re.match(r"\s*([A-Za-z][\w .'-]*?)\s*(?:,|\(|-|—|–)", line) if _DATELINE.search(line[:80])
                     else re.match(r"\s*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)\s*(?:,|—|–|-)\s", line))
            if place and place.group(1).lower() in self.capitals:
                return self.capitals[place.group(1).lower()]
        return None

    def _region_of(self, doc: Doc, before: int, mentions, speakers: list[str]) -> str | None:
        """The region "the province", "the State" or "the county" refers to: the one speaking, else the one last
        named (within a few paragraphs)."""
        if len(speakers) == 1 and self.kind.get(speakers[0]) == "region":
            return speakers[0]
        named = [m for m in mentions if m[1] <= before and before - m[1] < 3000 and self.kind.get(m[2]) == "region"]
        return named[-1][2] if named else None

    def _document_city(self, text: str) -> str | None:
        """The city a text is a municipal text of: the one it names with a mayor or a city government ("Mayor of
        Lisbon", "Stanwick Mayor Marcus Whitfield", "Port Alder's mayor", "the City of Ashmere", "Port Alder City
        Council"), most often; else, in a text about a mayor or a city council, the city of its dateline
        ("PORT ALDER, B.C., March 9, 2027 -"). None in any other text."""
        if self._city is not None:
            return self._city or None
        found: Counter = Counter()
        for m in _CITY_NAMED.finditer(text):
            name = re.sub(r"^(?:The|the)\s+", "", next(g for g in m.groups() if g))
            edges = {name.split()[0].lower(), name.split()[-1].lower()}
            if not edges & (_NOT_CITY_WORDS | _CALENDAR_WORDS) and self.kind.get(self._canonical(name)) != "state":
                found[name] += 1
        if not found and _MUNICIPAL.search(text):
            for line in text[:_HEADER_CHARS * 2].splitlines():
                place = re.match(r"\s*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}),", line)
                if place and _DATELINE.search(line[:80]) and place.group(1).lower() not in self.capitals:
                    found[place.group(1).title()] += 1
                    break
        self._city = found.most_common(1)[0][0] if found else ""
        return self._city or None

    def _agency_state(self, doc: Doc, name: str, mentions) -> str | None:
        """The state a government agency the alias table does not know belongs to ("Directorate General of Foreign
        Trade" in India's briefing, "Japan Organization for Metals and Energy Security", "Mauritius Meteorological
        Services"): the state its name contains, else the one state that speaks."""
        words = name.split()
        for i, word in enumerate(words):
            for size in (3, 2, 1):
                part = " ".join(words[i : i + size])
                if self.kind.get(self._canonical(part)) == "state":
                    return self._canonical(part)
                if part in self.adjectives and self.kind.get(self.adjectives[part]) == "state":
                    return self.adjectives[part]
        text = doc_cache.text(doc)
        first = re.search(rf"\b([A-Z][\w'’-]+)(?:'s|’s)? {re.escape(name)}\b", text)
        if first and first.group(1) in self.adjectives and self.kind.get(self.adjectives[first.group(1)]) == "state":
            return self.adjectives[first.group(1)]  # "the Nigerian Upstream Petroleum Regulatory Commission"
        if first and self.kind.get(self._canonical(first.group(1))) == "state":
            return self._canonical(first.group(1))  # "Ireland's Data Protection Commission"
        if _AGENCY_ORGANISATION.search(name):
            return None  # "Organization for ..." without a state in its name may be international
        speakers = doc._.speakers or []
        if len(speakers) == 1 and self.kind.get(speakers[0]) in ("state", "region"):
            return speakers[0]  # the "Department of Transportation and Infrastructure" of Manitoba's budget
        if not any(self.kind.get(s) in ("state", "organisation", "group") for s in speakers):
            # "Dublin, 5 November 2026": Ireland's; not the venue of a regional body's meeting
            return self._dateline_state(doc_cache.text(doc), mentions)
        return None

    def _state_counts(self, text: str, mentions) -> Counter:
        """How often the text names each state (places after "in", "at" left out)."""
        return Counter(m[2] for m in mentions if self.kind.get(m[2]) == "state" and not _placed(text, m[0]))

    def _dominant_state(self, text: str, mentions) -> str | None:
        """The state the text names at least twice as often as any other, if there is one."""
        counts = self._state_counts(text, mentions).most_common(2)
        if counts and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]):
            return counts[0][0]
        return None

    def _main_state(self, doc: Doc, mentions) -> str | None:
        """The state the document names most, if it names one at all."""
        counts = self._state_counts(doc_cache.text(doc), mentions)
        return counts.most_common(1)[0][0] if counts else None

    def _previous_defined(self, before: int, mentions) -> str | None:
        """The nearest organisation the text itself defined (by an acronym) before ``before``."""
        ends = [m[1] for m in mentions]
        i = bisect_right(ends, before) - 1
        while i >= 0 and before - mentions[i][1] < 2000:
            if mentions[i][2] not in self.kind:
                return mentions[i][2]
            i -= 1
        return None

    def _agreeing_parties(self, doc: Doc, c: Commitment, mentions, speaker: str) -> list[str]:
        """The two the text says agreed, signed or reached the arrangement before ``c`` ("the Special Envoy
        announced that the Government of Yemen and Ansar Allah have agreed on a ceasefire"), when neither is the
        speaker: in a mediator's statement they, not the mediator, are "the parties"."""
        if self._agreements is None:
            self._agreements = self._agreements_of(doc, mentions, speaker)
        return next((names for start, names in self._agreements if start < c.start), [])

    def _agreements_of(self, doc: Doc, mentions, speaker: str) -> list[tuple[int, list[str]]]:
        """Every sentence saying two named actors other than ``speaker`` agreed or signed, with the two."""
        found = []
        for sent in doc.sents:
            for verb in sent:
                if verb.lemma_ not in _AGREEING or verb.pos_ not in ("VERB", "AUX"):
                    continue
                subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
                if subject is None or len(subject.conjuncts) != 1:
                    continue
                names = []
                for head in (subject, subject.conjuncts[0]):
                    left = min([head, *(t.left_edge for t in head.lefts if t.dep_ not in ("cc", "punct"))], key=lambda t: t.i)
                    right = max([head, *(t.right_edge for t in head.rights if t.dep_ in ("prep", "compound"))], key=lambda t: t.i)
                    names.append(self._name(doc, left.idx, right.idx + len(right), mentions, [speaker]))
                if all(names) and speaker not in names and names[0] != names[1]:
                    found.append((sent.start_char, names))
                    break
        return found

    def _recent_parties(self, doc: Doc, c: Commitment, mentions, *, states_only: bool = False, count: int = 2) -> list[str]:
        """The ``count`` actors named most in the text before a "both sides" (states, organisations, and
        parties the text itself defines, such as an armed group's acronym); only states for "the two
        Governments"; three for "the three navies"."""
        kinds = ("state", "region") if states_only else ("state", "organisation", "defined")  # "both governments":
        # Canada and Manitoba too
        text = doc_cache.text(doc)
        counts = Counter(
            m[2] for m in mentions
            if m[1] <= c.start and c.start - m[1] < 3000 and self.kind.get(m[2], "defined") in kinds
            and not _placed(text, m[0])  # "met in Vienna": a place
        )
        for name in [n for n in counts if self.kind.get(n) == "region"]:
            if self.countries.get(name) not in counts:
                del counts[name]  # a region is a party only beside its own country's government (Canada and Manitoba)
        return [name for name, _ in counts.most_common(count)]

    def _counterpart_before(self, doc: Doc, before: int, mentions, speaker: str, *, states_only: bool) -> str | None:
        """The last state (or organisation) other than ``speaker`` named in the paragraph before ``before``, else in
        the paragraph before that."""
        text = doc_cache.text(doc)
        kinds = ("state",) if states_only else ("state", "organisation")
        end = before
        for _ in range(2):
            start = text.rfind("\n", 0, max(0, end - 1)) + 1
            named = [m[2] for m in mentions if start <= m[0] and m[1] <= end and m[2] != speaker
                     and self.kind.get(m[2]) in kinds and not _placed(text, m[0])]
            if named:
                return named[-1]
            end = start
            while end > 0 and text[end - 1].isspace():
                end -= 1  # over the blank line between paragraphs
        return None

    def _signatories(self, doc: Doc, before: int) -> list[str]:
        """The names the last sentence before ``before`` that says who signed lists as its subject ("Four
        developers of AI models, Veridian Labs, Kairo AI Pte. Ltd., Northlake Systems and Tessellate, today
        signed the Commitments"), read from the parse: the NER misses or mislabels invented firm names."""
        found: list[str] = []
        for verb in doc[: doc.char_span(before, before + 1, alignment_mode="expand").start]:
            if verb.lemma_ != "sign" or verb.pos_ != "VERB":
                continue
            subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
            if subject is None:
                continue
            names = []
            for t in subject.subtree:
                if t.pos_ != "PROPN" or t.dep_ not in ("nsubj", "appos", "conj") or doc[t.i - 1].text == "(":
                    continue  # not "(AI)" spelled out after the words
                parts, todo = [t.i], [t]
                while todo:  # the name's words: "Kairo AI Pte. Ltd." is four compounds of "Ltd."
                    for child in todo.pop().children:
                        if child.dep_ == "compound":
                            parts.append(child.i)
                            todo.append(child)
                names.append(self._clean(doc[min(parts) : t.i + 1]))
            if len(names) > 1:
                found = names
        return found

    def _clean(self, span: Span) -> str:
        text = re.split(r"\n|\s[-–—|:]\s|:\s", span.text.strip())[0].strip()
        text = re.sub(r"^[^\w]+", "", text)  # a list bullet the entity swallowed
        text = re.sub(r"^(?:the|The|THE)\s+", "", text)
        text = re.sub(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])", "", text)  # "state-run Nepal Oil Corporation"
        text = re.sub(r"(?:'s|’s)$", "", text)
        text = re.split(r",\s+(?:a|an)\s", text)[0]  # "Veranth Pharma, a generics manufacturer headquartered in ..."
        text = re.sub(r"\s*\([^()]*\)?$", "", text)  # "Tessaly Pharma A/S (Nasdaq Copenhagen: TESS B)": its listing
        text = _LEGAL_SUFFIX.sub("", text).strip(" ,-–—|:")
        text = _LEGAL_SUFFIX.sub("", text).strip(" ,-–—|:")  # "Kairo AI Pte. Ltd.", "Sapura Sdn. Bhd."
        if text.isupper() and len(text) > 5:
            text = text.title()
        return self._canonical(text)


def _quote_opening(text: str, at: int) -> int | None:
    """Where the quotation that ``at`` sits in opens, within its paragraph; None outside a quotation."""
    start = text.rfind("\n", 0, at) + 1
    curly = text.rfind("“", start, at)
    if curly > text.rfind("”", start, at):
        return curly
    straight = [i for i in range(start, at) if text[i] == '"']
    return straight[-1] if len(straight) % 2 else None


def _ents_at(token) -> list[Span]:
    """The entity that contains ``token`` (zero or one), found from the token's IOB tags."""
    if not token.ent_type_:
        return []
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return [Span(doc, start, end, label=token.ent_type_)]


def _ents_before(doc: Doc, before: int, window: int) -> list[Span]:
    """Entities ending within ``window`` characters before ``before``, in text order."""
    ents, ends = doc_cache.entities(doc)
    lo = max(0, before - window)
    out = []
    for i in range(bisect_right(ends, before) - 1, -1, -1):
        if ents[i].start_char < lo:
            break
        out.append(ents[i])
    return out[::-1]


_BYLINE = re.compile(r"[ \t]*By\s+[A-Z]")
_LOCAL_WORDS = frozenset({"regional", "city", "municipal", "county", "town", "district", "provincial", "borough",
                          "metropolitan", "village", "parish", "shire"})
_INSTITUTION_KINDS = frozenset({"bank", "fund", "commission", "agency", "corporation", "secretariat", "organisation",
                                "organization", "institution"})


def _listed_firm(text: str, name: str) -> bool:
    """The text writes ``name`` with a legal form or a stock listing: "Tessaly Pharma A/S (Nasdaq Copenhagen:
    TESS B)", "Orvell Automotive SE"."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}", text[:5000]):
        after = text[m.end() : m.end() + 60]
        if _LEGAL_FORM_AFTER.match(after) or _TICKER.match(after):
            return True
    return False


def _coordinated_names(first: Token) -> list[Span]:
    """The proper names coordinated from ``first`` on, each as its name phrase ("Corbel Labs", "Greyfield AI"),
    with a list the parser read as an apposition ("A, B, C and D" with "C" an apposition of "B")."""
    members = [first] + [c for c in first.conjuncts if c.i > first.i]
    for member in list(members):
        for child in member.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and any(g.dep_ == "cc" for g in child.children):
                members += [child] + [c for c in child.conjuncts if c.i > child.i]
    out = []
    for member in sorted(set(members), key=lambda t: t.i):
        if member.pos_ != "PROPN":
            return []
        left = min([member.i] + [c.left_edge.i for c in member.lefts if c.dep_ == "compound"])
        out.append(member.doc[left : member.i + 1])
    return out


def _one_name_not_two(commitments: list[Commitment], mentions, text: str) -> list[Commitment]:
    """The parser splits "Trinidad and Tobago will ..." into two coordinated subjects: where one name in the
    actor table covers both, the clause has one actor, written as the whole name."""
    def whole(c: Commitment):
        if c.actor_start is None or c.actor_end is None:
            return None
        return next((m for m in mentions if m[0] <= c.actor_start and c.actor_end <= m[1]
                     and m[1] - m[0] > c.actor_end - c.actor_start), None)

    names = [whole(c) for c in commitments]
    out: list[Commitment] = []
    for c, name in zip(commitments, names):
        if name is not None and sum(1 for o, n in zip(commitments, names) if o.verb_i == c.verb_i and n == name) > 1:
            if any(o.verb_i == c.verb_i and o.actor_start == name[0] and o.actor_end == name[1] for o in out):
                continue  # the second half of the name: the first already stands for it
            c.actor_start, c.actor_end, c.actor_text = name[0], name[1], text[name[0]:name[1]]
        out.append(c)
    return out


_LOCAL_TITLES = r"Mayor|Deputy Mayor|Councillor|Councilor|Premier|Governor|Treasurer|Minister|Director|Commissioner"
"""Titles of a government's office-holders: in that government's own release, "she" after "Mayor X" is the city."""
_JOINT_BODY = re.compile(r"^(?:[Aa]|[Tt]he)?\s*Joint (?:[A-Z][\w-]+ ){0,2}(?:Committee|Commission|Working Group|Council|"
                         r"Task Force|Group|Secretariat|Steering Committee|Monitoring Committee)\b")
"""A body two parties set up together ("the Joint Working Group", "A Joint Committee, co-chaired by ...")."""
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_CALENDAR_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                             "saturday", "sunday", "year", "month", "week", "day", "today", "yesterday", "tomorrow"})
_ARMED_HEADS = frozenset({"army", "forces", "militia", "front", "brigades"})
"""Heads of an armed body's name: a state's ("the Sudanese Armed Forces") only when the name says whose."""
_GENERIC_FORCE_WORDS = frozenset({"armed", "defence", "defense", "national", "royal", "special", "security", "air",
                                  "naval", "land", "self", "people", "people's", "popular", "revolutionary"})
_PART_NOUNS = frozenset({"annex", "article", "chapter", "schedule", "appendix", "section", "paragraph", "table"})
"""The parts of a document, which the NER takes for organisations ("Annex 2-C"): never what "it" stands for."""
_MINISTER_BEFORE = re.compile(r"\b(?:[Mm]inister|Cabinet Secretary|Secretary of State)\s*$")
_REGIONAL_TITLES = {"premier", "governor", "treasurer"}  # ("Chief Minister" too, by its first word)
_REGIONAL_GOVERNMENT = re.compile(
    r"\b(?:[Tt]he [Pp]rovince|[Pp]rovincial|Premier|MLAs?|[Ss]tate [Gg]overnment|the State's|[Cc]ounty [Gg]overnment|"
    r"Governor|Legislative Assembly|House of Assembly)\b")
"""Words of a regional government's text: with a region in the title or dateline, the region speaks."""
_AGENCY = re.compile(
    r"^(?:(?:Directorate|Department|Ministry|Bureau|Office|Agency|Administration|Inspectorate|Commission|Superintendency|Superintendence)\b"
    r"|.*\b(?:Directorate|Department|Ministry|Bureau|Agency|Administration|Inspectorate|Service|Services|Commission|Centre|Center)$"
    r"|(?:National|Federal) (?:[A-Z][\w-]+ ){1,4}Authority$"
    r"|\w+ (?:Organization|Organisation) for\b)")
"""A government agency's name, by its first or last word: a state's, unless the name says otherwise."""
_AGENCY_ORGANISATION = re.compile(r"\b(?:Organization|Organisation)\b")
_LOCAL_COUNCIL = re.compile(
    r"\b((?:[A-Z][\w'’-]+ ){1,3}(?:City|Regional|Municipal|Town|Borough|District|County|Shire|Metropolitan) Council)\b")
_PUBLIC_BODIES = frozenset({"bodies", "agencies", "institutions", "entities", "ministries", "departments",
                            "authorities", "offices", "administrations", "employers", "hospitals", "schools", "services"})
_MEMBER_NOUNS = frozenset({"minister", "leader", "member", "participant"})
_AGREEING = frozenset({"agree", "sign", "reach", "accept", "conclude", "initial"})
_COUNCIL_OF = re.compile(
    r"^(?:(?:City|Town|Municipality|Borough|County|Akimat|Mayoralty|City Hall) of (?P<a>.+)"
    r"|(?P<b>.+?) (?:City|Regional|Municipal|Town|Borough|District|County|Shire|Metropolitan|Village|Parish) Council)$")


_CITY_NAME = r"((?:[Tt]he )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
_CITY_NAMED = re.compile(
    rf"\b[Mm]ayor of (?:the City of )?{_CITY_NAME}|\bCity of {_CITY_NAME}|{_CITY_NAME}(?:'s|’s)? (?:[Mm]ayor|City Council|"
    rf"City Hall|city council|city hall)\b")
"""A city named with its mayor or its government."""
_NOT_CITY_WORDS = frozenset({"the", "deputy", "former", "acting", "a", "our", "his", "her", "their", "new", "by", "when",
                             "as", "then", "city", "vice", "lord", "executive", "interim", "and", "said", "but"})
_MUNICIPAL = re.compile(r"\b(?:[Mm]ayor|[Cc]ity [Cc]ouncil|[Cc]ity [Hh]all|[Cc]ouncillors?|[Aa]ldermen)\b")


def _city_of(name: str | None) -> str | None:
    """A city's council or corporation is the city, as a ministry is its state: "Kelsford City Council", "City of
    Cape Town", "Halifax Regional Council", "the Akimat of Almaty" -> "Kelsford", "Cape Town", "Halifax", "Almaty"."""
    if not name:
        return name
    m = _COUNCIL_OF.match(re.sub(r"^[Tt]he\s+", "", name))
    return (m.group("a") or m.group("b")) if m else name


def _one_record_per_actor(commitments: list[Commitment], text: str) -> list[Commitment]:
    """Conjuncts of one subject that resolve to the same actor ("Planning and Development will decide ...", a
    department the parse split in two) make one record, its actor span covering both."""
    out: list[Commitment] = []
    kept: dict[tuple, Commitment] = {}
    for c in commitments:
        key = (c.verb_i, c.end, c.actor_canonical)  # the span starts at each conjunct: "Fisheries (MAAIF) plans ..."
        first = kept.get(key) if c.actor_canonical else None
        if first is None or first.actor_start is None or c.actor_start is None:
            kept.setdefault(key, c)
            out.append(c)
            continue
        first.start = min(first.start, c.start)
        first.actor_start, first.actor_end = min(first.actor_start, c.actor_start), max(first.actor_end, c.actor_end)
        first.actor_text = text[first.actor_start:first.actor_end]
    return out


def _link_coordinated(commitments: list[Commitment]) -> None:
    """Commitments sharing one action and span with different actors name each other as co-actors."""
    groups: dict[int, list[Commitment]] = {}
    for c in commitments:
        groups.setdefault(c.verb_i, []).append(c)
    for group in groups.values():
        names = [c.actor_canonical for c in group if c.actor_canonical]
        if len(set(names)) > 1:
            for c in group:
                c.co_actors = sorted({n for n in names if n != c.actor_canonical}, key=names.index)


def _needs_case(alias: str) -> bool:
    """Short names and acronyms match only as written: "US" is not "us", "Fed" is not "fed", "WHO" not "who"."""
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return len(letters) <= 4 or (alias.isupper() and len(letters) <= 6)


def _split(alias: str) -> list[str]:
    """Tokenise an alias the way spaCy's English tokenizer would split it in running text."""
    return re.findall(r"[A-Za-z]+\.(?:[A-Za-z]\.)+|[\w\-+]+|'s|’s|[^\w\s]", alias)


_DATELINE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|^\s*(?:Date|Issued|Published|For immediate release)\b",
    re.I,
)
_GOVERNMENT_OF = re.compile(
    r"\b(?:City|Town|County|Municipality|Borough|Province|Region|Canton|Prefecture|Territory|Government|Republic|Kingdom|Commonwealth|State|Governor|Mayor|Mayor's Office|Mayor’s Office|Premier|"
    r"President|Prime Minister|Chief Minister) of (?:the )?"
    r"(?!(?:Union|Nation|City|State|Province|Region|County|Economy|World|Republic)\b)"  # "State of the City Address": a speech
    r"((?:[A-Z][\w'’-]+)(?: (?:[A-Z][\w'’-]+|of|and))*)"
)
_SHORT_NAME_DEFINITION = re.compile(
    r"((?:[A-Z][\w&'’.-]*,?[ \t]+){1,5}[A-Z][\w&'’.-]*)[ \t]*\((?:together with its subsidiaries, |hereinafter |the )?[\"“]([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,2})[\"”]"
)
_HEREINAFTER = re.compile(
    r"[ \t]*\((?:(?:hereinafter|hereafter)(?: referred to as)? [\"“](?:the )?|[\"“]the |the [\"“])"
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})[\"”]\)"
)
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w&'’.-]*[ \t]+(?:(?:of|for|and|de|du|del)[ \t]+)?){1,5}[A-Z][\w&'’.-]*)$")
_WE_DEFINITION = re.compile(
    r"((?:[A-Z][\w&'’.-]*[ \t]+){0,5}[A-Z][\w&'’.-]*"
    rf"(?:{_LEGAL_FORM_AFTER.pattern})?)"  # 'Veridane Technologies, Inc. ("Veridane", "we")': the name, not "Inc."
    r"[ \t]*\([^()\n]{0,80}[\"“]we[\"”][^()\n]{0,40}\)"
)
_WE_APPOSITION = re.compile(r"\bWe,[ \t]+the[ \t]+([^,;:\n]{3,160}?),")
"""A "we" the text names in apposition: "We, the Heads of State and Government of the North Atlantic Alliance,"."""
_ACRONYM_DEFINITION = re.compile(
    r"((?:[A-ZÀ-Ý][\w'’-]+,?\s+(?:(?:of|for|and|the|in|on|de|du|des|la|le|del|della|di|da|do|dos|das|y|e|et|van|von|al|el)\s+)*){1,6}[A-ZÀ-Ý][\w'’-]+)"
    rf"(?:{_LEGAL_FORM_AFTER.pattern})?"
    r"\s+\((?:([A-Z][A-Za-z]{1,9}(?:-[A-Z]{1,4})?)\)|(?:(?:hereinafter|hereafter)(?:\s+(?:referred\s+to|called|known))?"
    r"(?:\s+as)?,?\s+)?(?:the\s+)?[\"“]([A-Z][A-Za-z]{1,7}(?:-[A-Z]{1,4})?)[\"”]\s*[,;)])")
"""A name and the letters or short name it is given in parentheses: "the Patriotic Resistance Coalition (CRP)",
and the defined-term style of company documents, after a legal suffix, perhaps among other terms: 'Minera
Aurantis Perú S.A.A. ("MAP")', 'Aurantis Mining plc ("Aurantis", "the Group", "we")', 'Tohoku Silicon Devices
Co., Ltd. (hereinafter referred to as "TSD")'."""
_HEADING_BEFORE = re.compile(r"^[\s\S]*\n[ \t]*\n|^[^\na-z]*\n")
"""What a definition's match takes in before the name proper: up to a blank line, or an all-capitals heading line."""
_SECTION_HEADING = re.compile(r"\s*(?:[IVX]+|\d+|[A-H])[.)]\s+[A-Z]")
_TITLE_ISSUER = re.compile(r"\s*((?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*(?:\s+(?:plc|ltd|inc|llc|ag|sa|nv|se|asa|ab)\.?)?)\s+[—–|-]\s+\S")
"""A title that opens with its issuer's name and a dash: "Dalmeny Telecom plc — Responsible Business Report"."""
_UNKNOWN_MINISTRY = re.compile(r"(?:(?:Ministry|Department) (?:of|for) [A-Z][\w ,'’&-]*|(?:[A-Z][\w'’-]* ){1,3}Ministry)")
"""A ministry's name that names no state: "Ministry of National Education", "Health Ministry"."""
_FIRM_ROLES = frozenset({"contractor", "operator", "supplier", "company", "firm", "manufacturer", "producer", "utility",
                         "developer", "partner"})
"""Roles only an organisation plays: a name in apposition to them is a firm's, whatever the NER thinks ("The
authority's contractor, Harlan Civil, will build ...")."""
_INCUMBENT = frozenset({"this", "current", "outgoing", "present", "incumbent", "sitting", "previous"})
"""Words for the government in office, as a party or a critic names it ("this government", "the outgoing
administration")."""
_FIRM_WORD = (r" (?:Technologies|Technology|Systems|Group|Holdings|Pharma|Pharmaceuticals|Therapeutics|Biotherapeutics|"
              r"Energy|Motors|Airlines|Airways|Resources|Mining|Metals|Telecom|Industries|Labs|Networks|Foods|"
              r"Capital|Semiconductor|Semiconductors|Electronics|Logistics|Shipping|Petroleum|Chemicals|Steel|"
              r"Corporation|Company|Insurance|Software|Robotics|Aerospace|Automotive|Brewing|Beverages|Assurance|"
              r"Partners|Solutions|Consulting|Advisory|Analytics|Ventures|Engineering|Construction|Utilities|Cement)")
"""The word that ends a firm's full name after its short one ("Tallbridge" -> "Tallbridge Technologies")."""
_STATE_FIRM = re.compile(
    r"\b(?:Air[ \t]+([A-Z][\w'’-]+)|([A-Z][\w'’-]+)[ \t]+(?:Airlines|Airways|Air|Power|Telecom|Telecommunications|"
    r"Petroleum|Railways|Post|Steel|Shipping|Motors|Electricity|Broadcasting))\b(?![ \t]+[A-Z])")
"""A firm's name made of a state's name or adjective and its trade: "Vietnam Airlines", "Air India"."""
_TITLE_FIRM = re.compile(
    r"\s*((?:[A-Z][\w&'’.-]*\s+){0,5}(?:Company|Corporation|Group|Holdings|Bank|Airways|Airlines|Energy|Petroleum|"
    r"Motors|Telecom|Mining|Metals|Utilities|Authority|Fund|Foundation|University|plc|PLC|Ltd|Inc\.?|AG|SA|SE|NV|ASA))"
    r"\s*:\s+\S")
_MINISTRY_VOICE = re.compile(r"\bMinistry(?:'s)? (?:Spokes(?:person|man|woman)|Press Conference|Briefing)\b|\bMinistry Spokes", re.I)
_LOCAL_GOVERNMENT = re.compile(
    r"\b(?:City|Town|County|Municipality|Borough|Province|Canton|Prefecture|Territory) of "
    r"((?:[A-Z][\w'’-]+)(?: (?:[A-Z][\w'’-]+|of))*)"
)
_HONOURED = re.compile(r"\b(?:Hon\.?|Honourable|Honorable|Senator|Sen\.|Rt\.? Hon\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Dame|Sir)\s+(?:the\s+Hon\.?\s+)?$")
_MEMBER_AFTER = re.compile(r"[ ,]+(?:MP|MLA|MPP|MHA|TD|MSP|MS|AM|QC|KC)\b")
_MEMBER_LINE = re.compile(r"\s*(?:The\s+)?(?:(?:Rt\.?\s+)?Hon\.?|Honourable|Honorable)\s+[A-Z].*?(?:\s(?:MP|MLA|MPP|TD|MSP))?\s*$")
_DEFINED_PARTY = re.compile(
    r"\((?:hereinafter|hereafter)(?:\s+(?:referred\s+to|called|known))?(?:\s+as)?,?\s+(?:the\s+)?[\"“'‘](?:the\s+)?"
    r"((?:[A-Z][\w-]*\s+){0,3}(?:Party|State|Side|Participant|Signatory|Government))[\"”'’]\)")
"""An agreement's defined name for a party: '(hereinafter "the First Party")', "(hereinafter referred to as 'the
Receiving State')"."""
_MINISTRY_LINE = re.compile(r"(?:The\s+)?(?:Ministry|Department)\s+(?:of|for)\s+[A-Z][\w'’-]*(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*){0,7}")
_ANNOUNCED = re.compile(r"\b(?:Announcement|Approval|Launch|Adoption|Release|Publication|Outline|Overview|Unveiling)"
                        r"\s+of\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[a-z][\w-]*\s+)?$")
_MANIFESTO_OF = re.compile(r"\b(?:Manifesto|Platform) of (?:the )?((?:[A-Z][\w'’.-]+\s*){1,4})")
_MANIFESTO = re.compile(
    r"(?m)(?:^|[^\w\s]\s*|\b[a-z]+\s+)(?:The\s+|the\s+)?((?!General\b|Election\b)(?:[A-Z][\w'’.-]+\s+){0,3}?[A-Z][\w'’.-]+)\s*"
    r"(?:[-–—:|]\s*)?(?:(?:General|National|Federal|Local|Municipal|Parliamentary|Presidential|European|State|Provincial)\s+)?"
    r"(?:Election\s+)?(?:Manifesto|Platform)\b"
)
_PORTFOLIO = re.compile(r"\b(?:Minister|Secretary|Commissioner|Ministry|Department)\s+(?:of|for)\s+(?:(?:the\s+)?[A-Z][\w'’-]+,?\s+(?:and\s+)?)*$")
_INSTITUTION_OF = re.compile(r"((?:[A-Z][\w'’-]+ ){0,3}([A-Z][\w'’-]+)) of (?:the )?$")
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|across|within)\s+(?:the\s+)?(?:(?:Republic|Kingdom|State|Federation|Principality|Sultanate)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_OPINION = re.compile(r"(?:^|\n)\s*(?:by\s+[A-Z]|opinion\b|analysis\b|op-ed\b|comment\b|editorial\b|column\b)", re.I)
_CITY_GOVERNMENT = re.compile(
    r"(?:the\s+)?((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:City|Town|County|Borough|District|Municipal)\s+"
    r"(?:Government|Administration|Hall)"  # not "Kelsford City Council": a council is its own corporate body
)
_AGENCY_HEADS = {"authority", "agency", "directorate", "service", "office", "commission", "institute", "board",
                 "inspectorate", "bureau", "secretariat", "administration", "council"}  # a state's agency, by its last word
_MILITARY_HEADS = {"force", "forces"}  # "Armed Forces", "Defence Force": a state's military, by its last word
_PEOPLE_PARTIES = {"minister", "leader", "president", "head"}  # "the Council of Ministers" is one state's cabinet
_LEADER_TITLES = r"(?:President|Prime Minister|Premier|Chancellor|King|Emir|Sultan)"
"""Titles of a head of state or government: "President Mwale" speaks for his state."""
_LEADER_NAMED = re.compile(rf"\b{_LEADER_TITLES}\s+(?:[A-Z][\w'’-]+\s+){{0,2}}?([A-Z][\w'’-]+)\b(?![ \t]+[A-Z])")
_PROGRAMME_AUTHORITIES = re.compile(r"\bthe (?:[A-Z][a-z]+ )?authorities\b.{0,200}\b(?:programme|program|reform|arrangement)s?\b|"
                                    r"\b(?:programme|program|arrangement)\b.{0,200}\bthe (?:[A-Z][a-z]+ )?authorities\b", re.S)
"""An international organisation's release on a country's own programme ("the authorities' program")."""
_OWNED_OFFICE = re.compile(r"((?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*)['’]s\s")
"""An office its organisation owns in writing ("Gavi's Chief Executive Officer", "Astrel's chief executive")."""
_NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10}
_COUNTED_GROUP = re.compile(r"(?:[Tt]he|[Aa]ll)\s+(two|three|four|five|six|seven|eight|nine|ten|\d)\s+\w+|"
                            r"([Bb]oth)\s+\w+")
""""The four companies", "all three lenders", "both firms": as many names as the text just listed."""
_LEADER_BEFORE = re.compile(rf"\b{_LEADER_TITLES}\s*$", re.I)
_LEADER_TITLE_ONLY = re.compile(_LEADER_TITLES, re.I)
_CAPITAL_RUN = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]+ ){1,3})\Z")
"""One to three capitalised words that end where the search ends (before a short name)."""
_HONOURED_NAME = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Madam)\.?\s+([A-Z][\w'’-]+)(?:\s+([A-Z][\w'’-]+))?")
"""A name after an honorific, and the capitalised word after it if any ("Mr. Sok", "Mr. Sok Vannara")."""
_OTHER_PARTY_WORDS = frozenset({"with", "and", "meets", "met", "meeting", "visits", "hosts", "receives", "received",
                                "welcomed", "welcomes", "spoke", "speaks", "called", "calls"})
"""Words after a person's name that lead to someone else ("... Hollister's Meeting with Kazakhstani Foreign Minister")."""
_PORTFOLIOS = (r"(?:Foreign|Finance|Trade|Economic|Economy|Defen[cs]e|Health|Energy|Agriculture|Commerce|Industry|"
               r"Environment|Education|Transport|Justice|Interior|Labou?r|Digital|Development|Tourism|Water|Climate|"
               r"Security)")
"""A minister's portfolio written before the title ("Foreign Minister", "Finance Ministers' Meeting")."""
_MINISTER_TITLE_ONLY = re.compile(rf"{_PORTFOLIOS}\s+(?:Minister|Secretary)")
"""A minister's title written alone, capitalised: "the Foreign Minister" is the one the text names with a state."""
_SENTENCE_OPENERS = {"The", "A", "An", "In", "On", "At", "By", "For", "As", "After", "When", "But", "And", "Yet", "So", "If"}
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n][\"”’)]*\s*)[A-Z]$")
_MODIFIER_AFTER_PREPOSITION = re.compile(r"\b(?:of|for|to)\s+$")
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:on|in|and|or|to|for|of|at|with|by|from|the|a|an|as|is|are|was|were|will|would|has|"
                         r"have|had|over|under|after|before|during|through|into|about|against)\b)[a-z]+[ \t]+[a-z]")
"""A common noun after a name ("EU user data"): the name modifies it."""
_TOPIC = re.compile(r"\b(?:on|about|regarding|concerning|from|over)\s+(?:the\s+)?$", re.I)


def _named_before(text: str, noun: str, before: int) -> tuple[int, str] | None:
    """The name written right before the same noun earlier in the text: "M23" for "the rebels" after "M23
    rebels", "Wagner" for "the militia" after "the Wagner militia"."""
    found = None
    offset = max(0, before - 3000)
    for m in re.finditer(rf"\b((?:[A-Z][\w'’-]*\s){{1,3}}){re.escape(noun)}\b", text[offset:before]):
        words = m.group(1).split()
        skipped = 0
        while words and words[0] in ("The", "A", "An", "In", "On", "At", "By", "For", "As", "After", "When"):
            skipped += len(words.pop(0)) + 1
        if words:
            name = " ".join(words) + (" " + noun if noun[:1].isupper() else "")  # "the Group": "Shannon Valley Hospital Group"
            found = (offset + m.start() + skipped, name)
    return found


def _topic(text: str, start: int, end: int) -> bool:
    """A title's name that is what the title is about or where from ("... a campus on the Mekong", "refugees
    from Malawi", "the use of EU user data"), not the first word of a longer name ("on the Bellmont Housing
    Emergency Plan", "on the Canada–Korea Technology Dialogue")."""
    if _MODIFIER_AFTER_PREPOSITION.search(text, max(0, start - 20), start) and _NOUN_AFTER.match(text, end, end + 40):
        return True  # "on the use of EU user data": a modifier of the object, not who acts
    return bool(_TOPIC.search(text, max(0, start - 20), start)) and not re.match(r"[ \t]+[A-Z]|[–—/-][A-Z]",
                                                                                 text[end : end + 2])  # "the Canada–Korea Dialogue"


_FIRM_OFFICE = re.compile(r"\b(?:chief executive|chief executive officer|CEO|chairman|chairwoman|chairperson|"
                          r"managing director|founder|co-founder|chief operating officer|COO|CFO)\b")
_FIRM_OFFICE_ANY_CASE = re.compile(_FIRM_OFFICE.pattern, re.I)
_FORUM_TITLE = re.compile(
    r"((?:[A-Z][\w'’-]+\s+){1,5}(?:Forum|Community|Union|Council|Organi[sz]ation|Alliance|Association|Bloc))\b")
_STATE_FORMS = {"republic", "kingdom", "federation", "union", "state", "commonwealth", "principality", "emirate",
                "sultanate", "presidency", "nation", "country", "confederation"}
# nouns that refer back to the state just named ("the emirate", "his country"); not "the Union" (the EU's own name)
_STATE_REFERENCES = {"republic", "kingdom", "principality", "emirate", "sultanate", "nation", "country",
                     "confederation", "island"}
_NAMED_AFTER = re.compile(  # "the Declaration of San José", "the Treaty of Rome": a text named after a place
    r"\b(?:declaration|treaty|protocol|convention|accord|charter|consensus|communiqu[ée]|compact|programme|"
    r"process|principles|framework|agenda|roadmap|call) of (?:the )?$", re.I)
_VENUE = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s*$")


def _placed(text: str, start: int, metonym: bool = False) -> bool:
    """Whether the name at ``start`` is a place: "in Vienna", "in the Republic of Niger", the country of a
    venue ("meeting in San José, Costa Rica", "held in Bandar Seri Begawan, Brunei Darussalam"), or, for a
    ``metonym`` (a capital standing for its state), a text named after the city ("Declaration of San José";
    "Declaration of Kenya and Tanzania" names its parties)."""
    before = text[max(0, start - 40) : start]
    return bool(_LOCATIVE.search(before[-30:]) or _VENUE.search(before) or (metonym and _NAMED_AFTER.search(before)))


_SUMMIT_TITLE = re.compile(r"\b(?:communiqu|declaration|summit|leaders|ministerial|meeting|conference|council)", re.I)
_MEETING_TITLE = re.compile(r"\b(?:call|conversation|meeting|talks|meets|met|speaks|spoke|visit|agreement|arrangement|accord|deal|memorandum|partnership|treaty)\b")
_COUNTERPART = re.compile(r"\bwith\b")
_JOINT_TITLE = re.compile(r"\b(?:joint|between|bilateral)\b")
_JOINT_TITLE_WORDS = ("joint", "between", "bilateral", "memorandum", "agreement", "declaration", "arrangement",
                      "partnership", "treaty", "accord", "communiqu")


def _spelled_by(full: str, acronym: str) -> str:
    """The part of a definition the acronym spells: "Rectors' Conference of the Alpine Universities Alliance
    (AUA)" defines "Alpine Universities Alliance"."""
    words = full.split()
    letters = {acronym.upper(), acronym.split("-")[0].upper()}  # "SPLA-IO" spells "Sudan People's Liberation Army"
    for k in range(len(words)):
        if not words[k][0].isupper():
            continue
        initials = "".join(w[0] for w in words[k:] if w[0].isupper())
        parts = "".join(p[0] for w in words[k:] for p in w.split("-") if p and p[0].isupper())  # "Lancang-Mekong" LM
        if initials.upper() in letters or parts.upper() in letters:
            return " ".join(words[k:])
    return full


def _in_place_name(text: str, start: int, end: int, place_words: set[str]) -> bool:
    """A state's name inside a place's: "the Niger Delta", "River Niger", "Jordan Valley"."""
    after = re.match(r"\s+([A-Z][A-Za-z]+)", text[end : end + 20])
    before = re.search(r"\b([A-Z][A-Za-z]+)\s+(?:(?:of|OF)\s+(?:(?:the|THE)\s+)?)?$", text[max(0, start - 20) : start])
    return bool(after and after.group(1).lower() in place_words) or bool(before and before.group(1).lower() in place_words)


def _after_counterpart(text: str, header, start: int) -> bool:
    """The mention follows "with" in its title line ("... conversation with the Prime Minister of Japan")."""
    for a, b in header:
        if a <= start < b:
            at = re.search(r"\bwith\b", text[a:start], re.I)
            return at is not None
    return False


_GOVERNMENT_OPENS = re.compile(r"[ \t]+[Gg]overnment[ \t]+(?:will|is|has|today|announced|commits)\b")
"""After a state or region at the head of a paragraph: "(The South Australian) Government will invest ..."."""
_MEETING_SUFFIX = re.compile(
    rf"\s+(?:{_PORTFOLIOS}\s+(?:and\s+[A-Z][a-z]+\s+)?)?"
    r"(?:Ministers|Ministerial|Leaders|Governors|Heads\s+of\s+(?:State|Government)[\w ]*?)['’]?"
    r"\s+(?:Meeting|Summit|Conference|Dialogue|Retreat)$")
"""The meeting a group's ministers or leaders hold, after the group's name ("... Foreign Ministers' Meeting")."""
_ORDINAL_PREFIX = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|(?:[A-Z][a-z]+-)?(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
    r"Eleventh|Twelfth|[A-Z][a-z]+teenth|[A-Z][a-z]+ieth))\s+")
"""The ordinal a meeting's name opens with ("Eleventh", "28th", "Twenty-Third")."""


def _speaker_name(name: str, text: str, organs: set[str], documents: set[str]) -> str:
    """The institution a title-block name stands for.

    "Bank Board of the Czech National Bank" is the bank ("<organ> of the X" -> X); a name that runs on
    into the document's title ("Lumenfold Frontier AI Safety Commitments") is cut to its longest leading
    part the text uses again ("Lumenfold")."""
    lowered_text = text.lower()
    meeting = _MEETING_SUFFIX.search(name)
    if meeting and meeting.start() > 0:  # "Eleventh Lancang-Mekong Cooperation Foreign Ministers' Meeting": the group
        return _ORDINAL_PREFIX.sub("", name[: meeting.start()])
    head, sep, rest = name.partition(" of the ")
    if sep and head.split() and head.split()[-1].lower() in organs:
        name = rest
    words = name.split()
    if not words or words[-1].lower() not in documents:
        return name
    for n in range(1, len(words)):  # "Bellmont Housing Emergency Plan" -> "Bellmont" (not "National" from
        part = " ".join(words[:n])    # "National Critical Minerals Strategy": the text must use it as a name)
        if words[n - 1].lower() not in documents and lowered_text.count(part.lower()) >= 3 and \
                len(re.findall(rf"[a-z,] {re.escape(part)}\b(?!\s+[A-Z])", text)) >= 1:
            return part
    return ""  # the name of a document, not of whoever issued it


def _body_start(text: str) -> int:
    """Where the running text begins: the first line that reads as a sentence rather than a title,
    dateline or label."""
    pos = 0
    for line in text.splitlines(keepends=True):
        words = line.split()
        if len(words) > 12 or (words and line.rstrip().endswith(".") and len(words) > 6):
            return pos
        pos += len(line)
    return 0


def _is_dateline(line: str) -> bool:
    """A line that dates the document ("WASHINGTON, Sept. 25 —", "9 June 2027"), not a title that ends with its
    event's date ("Foreign Ministry Spokesperson Zhou Heng's Regular Press Conference on January 5, 2027")."""
    found = _DATELINE.search(line)
    if not found:
        return False
    before = line[: found.start()]
    return not (re.search(r"\son\s+$", before) and len(before.split()) >= 5)


def _header_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the title block: up to three short non-empty lines, datelines left out."""
    out, pos, seen = [], 0, 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > 3 or pos > _HEADER_CHARS or len(line.split()) > 40:
            break
        if line.rstrip().endswith(".") and len(line.split()) > 12:
            break  # body text has begun
        if _SECTION_HEADING.match(line):
            continue  # "I. ENERGY SECURITY AND COMPETITIVENESS": a part of the text, not its title
        if not _is_dateline(line) and not line.lstrip().lower().startswith(("by ", "opinion", "analysis")):
            out.append((start, pos))
    return out


_MAINTAINED_BY = re.compile(
    r"^[ \t]*(?:Maintained|Published|Prepared|Compiled|Produced|Issued) by (?:the )?"
    r"([A-Z][\w&'’.-]*(?: (?:of|for|and|on|the|[A-Z][\w&'’.-]*))*)", re.M)
"""A title block's line naming the organisation a page or report is by (a person's byline is no speaker)."""
_TITLE_QUALIFIERS = frozenset({"general", "executive", "deputy", "vice", "chief", "managing", "director", "secretary",
                               "-", "director-general", "secretary-general"})
"""Words of an organisation's office-holder's title besides the office itself ("Secretary General", "Managing
Director")."""
_HEADLINE_LEAD = re.compile(
    r"\s*(?:The\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})(?:'s|’s)?(?:\s+[a-z][\w-]*){0,3}\s+"
    r"(?:vows?|pledges?|promises?|commits?|agrees?|announces?|unveils?|launches|launch|sets?|backs?|approves?|plans?|"
    r"offers?|restates?|reaffirms?|renews?)\b")
"""A headline's name, a few lower-case words ("finance chiefs"), and its verb."""
_OFFICE_LINE = re.compile(
    r"\s*(?:[A-Z][\w'’-]+ ){0,3}(?:Office|Ministry|Department|Cabinet|Chancellery|Presidency|Secretariat)\b[^,\n]{0,60},"
    r"\s*(?:the\s+)?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})\s*$")
"""A title-block line naming an office, then its state after a comma."""
_OFFICE_OF = re.compile(r"\b(?:Minister|Ministry|Department|Secretary|Spokesperson|Spokesman|Spokeswoman)\s+(?:of|for)\s+[A-Z]")
_DISTRIBUTIVES = frozenset({"each", "both", "all", "neither", "either"})
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

def _named_members(doc: Doc, head: Token, span: Span) -> list[str]:
    """The names a plural noun was given before ("with the CCOO and UGT unions" ... "the unions"): "the" and the
    noun alone, and the nearest earlier use of the noun with two or more coordinated names before it."""
    if len(span) != 2 or span[0].lower_ != "the":
        return []
    for token in reversed(doc[max(0, head.i - 600) : head.i]):
        if token.lower_ != head.lower_ or token.i == head.i:
            continue
        before = doc[token.left_edge.i : token.i]
        words = [t for t in before if t.lower_ not in ("the", "and", ",", "&")]
        if (len(words) >= 2 and any(t.lower_ == "and" for t in before)
                and all(t.text[:1].isupper() and t.is_alpha and t.pos_ in ("PROPN", "ADJ", "NOUN") for t in words)):
            return [t.text for t in words]
    return []


def _after_fronted_adjunct(token: Token) -> bool:
    """The main clause's subject, after nothing but a fronted phrase and its comma ("As part of this package, it
    will:", "In 2027, it will ...")."""
    root = token.sent.root
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head != root:
        return False
    fronted = [t for t in root.children if t.i < token.i]
    return bool(fronted) and all(t.dep_ in ("prep", "advmod", "advcl", "npadvmod", "punct") for t in fronted) and any(
        t.text == "," for t in token.sent if t.i < token.i)


def _singular(word: str) -> str:
    """A plural noun's singular, enough for party nouns ("countries" -> "country", "Parties" -> "party")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _title_case(text: str) -> str:
    return text[:1].upper() + text[1:]
