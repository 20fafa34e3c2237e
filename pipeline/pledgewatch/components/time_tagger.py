"""Tag every time expression in a document and read the document's date from its header.

The component wraps :mod:`pledgewatch.temporal`, which works on the raw text: it needs no tagger or parser and
runs on ``spacy.blank("en")``. It sets

* ``doc._.doc_date`` (ISO string) from the dateline / header when the caller left it ``None`` and
  ``detect_doc_date`` is on; a date the caller set (``--doc-date``, a reader's context) is never replaced;
* ``doc._.time_expressions``: :class:`~pledgewatch.commitment.TimeExpression` objects, character offsets into
  ``doc.text``, normalised against that date (relative expressions stay unresolved when it is unknown).

The rules (``patterns/time_expressions.json``) are read in :meth:`TimeTagger.initialize`, validated by
:class:`pledgewatch.temporal.TimeRules`, and written by ``to_disk`` / ``to_bytes``, so a saved pipeline carries
its own rules and loads without the ``patterns/`` folder.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .. import doc_cache
from ..serialization import JSONState
from .. import extensions  # noqa: F401  (registers the ._ attributes)
from ..temporal import TimeGrammar, TimeRules, detect_doc_date, load_time_rules


@Language.factory(
    "pledgewatch_time_tagger",
    default_config={"detect_doc_date": True, "day_first": False},
    assigns=["doc._.time_expressions", "doc._.doc_date"],
)
def make_time_tagger(nlp: Language, name: str, detect_doc_date: bool, day_first: bool) -> "TimeTagger":
    return TimeTagger(name=name, detect_doc_date=detect_doc_date, day_first=day_first)


class TimeTagger(JSONState, Pipe):
    """Find and normalise time expressions (DATE, TIME, DURATION, SET) with pledgewatch's rule grammar."""

    def __init__(self, name: str = "pledgewatch_time_tagger", *, detect_doc_date: bool = True,
                 day_first: bool = False):
        self.name = name
        self.detect_doc_date = detect_doc_date
        self.day_first = day_first
        self.rules: TimeRules | None = None
        self._grammar: TimeGrammar | None = None

    # ------------------------------------------------------------------ rules
    def initialize(
        self,
        get_examples=None,
        *,
        nlp=None,
        patterns=None,
        patterns_dir=None,
    ) -> None:
        """Load the time rules: ``patterns`` (a parsed rule file, dict), else ``patterns_dir``, else the default.

        (The arguments carry no annotations: spaCy validates ``initialize`` settings with a pydantic model built
        from the signature, which cannot resolve postponed annotations.)
        """
        self._set_rules(load_time_rules(patterns if patterns is not None else patterns_dir))

    def _set_rules(self, rules: TimeRules) -> None:
        self.rules = rules
        self._grammar = TimeGrammar(rules)

    @property
    def grammar(self) -> TimeGrammar:
        if self._grammar is None:
            raise ValueError(f"{self.name}: no time rules loaded; call nlp.initialize() first")
        return self._grammar

    def _cfg(self) -> dict:
        return {"detect_doc_date": self.detect_doc_date, "day_first": self.day_first}

    def get_state(self) -> dict:
        return {"cfg": self._cfg(), "rules": self.rules.model_dump() if self.rules is not None else None}

    def set_state(self, state: dict) -> None:
        self.detect_doc_date, self.day_first = state["cfg"]["detect_doc_date"], state["cfg"]["day_first"]
        if state["rules"] is not None:
            self._set_rules(load_time_rules(state["rules"]))

    # ------------------------------------------------------------------ call
    def __call__(self, doc: Doc) -> Doc:
        grammar = self.grammar
        when = doc._.doc_date
        doc_date = date.fromisoformat(str(when)[:10]) if when else None
        if doc_date is None and self.detect_doc_date:
            doc_date = detect_doc_date(doc_cache.text(doc), day_first=self.day_first, rules=grammar)
            if doc_date is not None:
                doc._.doc_date = doc_date.isoformat()
        doc._.time_expressions = grammar.tag(doc_cache.text(doc), doc_date, day_first=self.day_first)
        return doc
