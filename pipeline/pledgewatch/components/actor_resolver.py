"""Who commits: canonical actors, joint subjects split per party, and commitments without an actor dropped.

The alias table ``patterns/actors.jsonl`` maps the ways texts name an actor to one canonical name
("Beijing", "the Chinese side", "President Xi" -> "China"). For each commitment the resolver looks at the
subject the detector found and, in this order:

- "both sides", "the two countries", "each Party" and a joint statement's "we": one commitment per party
  of the document (its title names them), each listing the others in ``co_actors``;
- "we"/"our": the document's speaker (from its title or opening lines);
- an alias, or a demonym before an agent noun ("the U.S. side", "Chinese authorities");
- a named organisation or person from the parser's NER, cleaned of "the" and legal suffixes;
- an agent noun ("the government", "the Ministry", "the company"): the document's speaker when there is one;
- "it", "they", "he", "she": the nearest preceding actor.

Anything else ("prices will rise", "the tariffs will take effect") is not an actor, and the commitment is
dropped. Coordinated subjects ("China and the United States agreed ...") list each other as co-actors.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span

from .. import patterns as rule_files
from ..commitment import Commitment

_LEGAL_SUFFIX = re.compile(
    r"[,\s]+(?:Inc\.?|Incorporated|Ltd\.?|Limited|plc|PLC|Corp\.?|Corporation|LLC|L\.L\.C\.|S\.A\.|AG|SE|N\.V\.|GmbH|Co\.?|Group Holdings)$"
)
_PRONOUNS = {"it", "they", "he", "she", "its", "their", "his", "her", "them"}
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


class ActorResolver(Pipe):
    """Give every commitment a canonical actor, split joint ones, drop those with no one to commit."""

    def __init__(self, vocab, name: str = "pledgewatch_actor_resolver", *, drop_unresolved: bool = True, tokenizer=None):
        self.vocab = vocab
        self.tokenizer = tokenizer
        self.name = name
        self.drop_unresolved = drop_unresolved
        self.actors: list[dict] = []
        self.lexicons: dict[str, list[str]] = {}
        self.matcher = PhraseMatcher(vocab)

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
        self.matcher = PhraseMatcher(self.vocab)
        self.kind = {}
        self.adjectives: dict[str, str] = {}
        for actor in self.actors:
            self.kind[actor["canonical"]] = actor["kind"]
            docs = [self._make_doc(alias) for alias in [actor["canonical"], *actor["aliases"]]]
            self.matcher.add(actor["canonical"], docs)
            for adj in actor["adjectives"]:
                self.adjectives[adj] = actor["canonical"]

    def _make_doc(self, text: str) -> Doc:
        if self.tokenizer is not None:
            return self.tokenizer(text)
        return Doc(self.vocab, words=_split(text))

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "actors.jsonl", self.actors)
        srsly.write_json(path / "lexicons.json", self.lexicons)
        srsly.write_json(path / "cfg", {"drop_unresolved": self.drop_unresolved})

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "ActorResolver":
        path = Path(path)
        self.drop_unresolved = srsly.read_json(path / "cfg")["drop_unresolved"]
        self._set_rules(list(srsly.read_jsonl(path / "actors.jsonl")), srsly.read_json(path / "lexicons.json"))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({"actors": self.actors, "lexicons": self.lexicons, "drop": self.drop_unresolved}).encode()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "ActorResolver":
        cfg = json.loads(data)
        self.drop_unresolved = cfg["drop"]
        self._set_rules(cfg["actors"], cfg["lexicons"])
        return self

    # ------------------------------------------------------------------ call
    def __call__(self, doc: Doc) -> Doc:
        if not self.actors:
            raise ValueError(f"{self.name}: no actor table loaded; call nlp.initialize() first")
        mentions = self._mentions(doc)
        doc._.speakers = self._speakers(doc, mentions)
        out: list[Commitment] = []
        for c in doc._.commitments or []:
            resolved = self._resolve(doc, c, mentions)
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
        _link_coordinated(out)
        doc._.commitments = out
        return doc

    def _mentions(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Alias mentions as (start_char, end_char, canonical), longest first where they overlap."""
        found = []
        for key, start, end in self.matcher(doc):
            span = doc[start:end]
            found.append((span.start_char, span.end_char, self.vocab.strings[key]))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept, last_end = [], -1
        for m in found:
            if m[0] >= last_end:
                kept.append(m)
                last_end = m[1]
        return kept

    def _speakers(self, doc: Doc, mentions) -> list[str]:
        """Who "we" is: the actors the title names (all of them for a joint statement), else the first."""
        header_end = _header_end(doc.text)
        title = doc.text[:header_end].lower()
        named = []
        for start, end, canonical in mentions:
            if start < header_end and canonical not in named:
                named.append(canonical)
        if not named:
            for ent in doc.ents:
                if ent.start_char >= header_end:
                    break
                if ent.label_ in ("ORG", "PERSON", "NORP", "GPE"):
                    name = self._clean(ent)
                    if name and name not in named:
                        named.append(name)
        joint = any(w in title for w in ("joint", "bilateral", " and ", "agreement between", "between the"))
        if len(named) > 1 and not joint:
            named = named[:1]
        if not named:
            firsts = [t for t in doc if t.lower_ == "we"][:1]
            if firsts:
                for ent in doc.ents:
                    if ent.label_ == "ORG" and ent.start_char < 1500:
                        return [self._clean(ent)]
        return named

    def _resolve(self, doc: Doc, c: Commitment, mentions) -> list[tuple[str, str]]:
        if c.actor_start is None:
            return []
        span = doc.char_span(c.actor_start, c.actor_end, alignment_mode="expand")
        if span is None:
            return []
        text = span.text.strip()
        low = re.sub(r"^(the|a|an)\s+", "", text.lower())
        head = span.root
        speakers = doc._.speakers or []
        if low in self.words["joint_subjects"] or "the " + low in self.words["joint_subjects"]:
            parties = speakers if len(speakers) > 1 else self._recent_parties(doc, c, mentions)
            return [(p, "joint") for p in parties] if len(parties) > 1 else []
        if head.lower_ in self.words["first_person"]:
            if speakers:
                kind = "joint" if len(speakers) > 1 else "first_person"
                return [(s, kind) for s in speakers]
            return [(text, "first_person")]
        inside = [m for m in mentions if m[0] >= c.actor_start and m[1] <= c.actor_end]
        if inside:
            return [(inside[0][2], "name")]
        for token in span:
            if token.text in self.adjectives and (head.lower_ in self.words["agent_nouns"] or head.ent_type_):
                return [(self.adjectives[token.text], "name")]
        for ent in doc.ents:
            if ent.start_char <= head.idx < ent.end_char and ent.label_ in _ACTOR_ENTS:
                if ent.label_ == "NORP":
                    continue
                return [(self._clean(ent), "name")]
        if head.lower_ in _PRONOUNS:
            previous = self._previous_actor(doc, c, mentions)
            return [(previous, "pronoun")] if previous else []
        if head.lower_ in self.words["agent_nouns"] and head.lower_ not in self.words["non_agent_nouns"]:
            if len(speakers) == 1:
                return [(speakers[0], "noun")]
            previous = self._previous_actor(doc, c, mentions)
            if previous and head.lower_ in ("government", "administration", "ministry", "side", "country", "authorities", "cabinet", "treasury"):
                return [(previous, "noun")]
            return [(_title_case(low), "noun")]
        if head.pos_ == "PROPN" and head.lower_ not in self.words["non_agent_nouns"]:
            return [(self._clean(span), "name")]
        return []

    def _previous_actor(self, doc: Doc, c: Commitment, mentions) -> str | None:
        before = [m for m in mentions if m[1] <= c.actor_start and c.actor_start - m[1] < 600]
        if before:
            return before[-1][2]
        ents = [e for e in doc.ents if e.end_char <= c.actor_start and e.label_ in ("ORG", "GPE") and c.actor_start - e.end_char < 600]
        return self._clean(ents[-1]) if ents else None

    def _recent_parties(self, doc: Doc, c: Commitment, mentions) -> list[str]:
        counts = Counter(m[2] for m in mentions if m[1] <= c.start and self.kind.get(m[2]) in ("state", "organisation"))
        return [name for name, _ in counts.most_common(2)]

    def _clean(self, span: Span) -> str:
        text = span.text.strip()
        text = re.sub(r"^(?:the|The)\s+", "", text)
        text = re.sub(r"(?:'s|’s)$", "", text)
        text = _LEGAL_SUFFIX.sub("", text).strip(" ,")
        for start, end, canonical in self._mentions(span.as_doc()):
            if end - start >= len(span.text.strip()) - 4:
                return canonical
        return text


def _link_coordinated(commitments: list[Commitment]) -> None:
    """Commitments sharing one action and span with different actors name each other as co-actors."""
    groups: dict[tuple[int, int], list[Commitment]] = {}
    for c in commitments:
        groups.setdefault((c.verb_i, c.start), []).append(c)
    for group in groups.values():
        names = [c.actor_canonical for c in group if c.actor_canonical]
        if len(set(names)) > 1:
            for c in group:
                c.co_actors = sorted({n for n in names if n != c.actor_canonical}, key=names.index)


def _split(alias: str) -> list[str]:
    """Tokenise an alias the way spaCy's English tokenizer would split it in running text."""
    return re.findall(r"[A-Za-z]+\.(?:[A-Za-z]\.)+|[\w\-+]+|'s|’s|[^\w\s]", alias)


def _header_end(text: str) -> int:
    """End of the title block: the first two non-empty lines, at most a few hundred characters."""
    lines = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        if line.strip():
            lines += 1
        if lines >= 2:
            break
    return min(pos, _HEADER_CHARS)


def _title_case(text: str) -> str:
    return text[:1].upper() + text[1:]
