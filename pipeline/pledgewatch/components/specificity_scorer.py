"""Turn a commitment's flags into a specificity score in 0..1 and a label.

The formula is deliberately simple and its numbers live in the component config (``config.cfg`` of a saved
pipeline, or ``nlp.add_pipe(..., config=...)``): start from 1.0 and subtract the weight of each distinct
flag code::

    score = max(0, 1 - sum(weights[code] for code in set(flag codes)))

    label = "vague"    if score < vague_below            (an analyst could not check it later)
            "specific" if score >= specific_from and time_bound
            "partial"  otherwise                          (checkable, missing a deadline or an amount)

The weights encode one judgement: a flag that makes the commitment uncheckable on its own (``HEDGED``,
``OPEN_ENDED``, ``NO_VERIFICATION``) costs more than half the score, so any one of them makes the commitment
vague; a vague verb or an unquantified amount (``VAGUE_ACTION``, ``UNQUANTIFIED``) costs a little less, so it
makes an undated commitment vague but leaves a dated one checkable by its date; ``NO_DEADLINE`` and
``CONDITIONAL`` only lower the score (a dated or undated "will cancel the tariffs under Executive Order 14257"
stays checkable: specific or partial). With the defaults, "will suspend the tariffs until November 10, 2026"
scores 1.0 (specific), "will cancel the order" 0.75 (partial, no deadline), "will support fifteen Member
States by 2027" 0.55 (partial), "intends to sign by March 31" 0.45 (vague, hedged) and "will enhance
cooperation" 0.0 (vague).
"""

from __future__ import annotations


from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..serialization import JSONState

DEFAULT_WEIGHTS = {
    "NO_DEADLINE": 0.25,
    "CONDITIONAL": 0.1,
    "VAGUE_ACTION": 0.45,
    "HEDGED": 0.55,
    "UNQUANTIFIED": 0.45,
    "OPEN_ENDED": 0.55,
    "NO_VERIFICATION": 0.55,
}


@Language.factory(
    "pledgewatch_specificity_scorer",
    default_config={"weights": DEFAULT_WEIGHTS, "vague_below": 0.5, "specific_from": 0.75},
    requires=["doc._.commitments"],
    assigns=["doc._.commitments"],
)
def make_specificity_scorer(nlp: Language, name: str, weights: dict[str, float], vague_below: float, specific_from: float):
    return SpecificityScorer(name=name, weights=weights, vague_below=vague_below, specific_from=specific_from)


class SpecificityScorer(JSONState, Pipe):
    """Score and label every commitment from its flags."""

    def __init__(self, name: str = "pledgewatch_specificity_scorer", *, weights=DEFAULT_WEIGHTS,
                 vague_below: float = 0.5, specific_from: float = 0.75):
        self.name = name
        self.cfg = {"weights": dict(weights), "vague_below": vague_below, "specific_from": specific_from}

    def __call__(self, doc: Doc) -> Doc:
        weights = self.cfg["weights"]
        for c in doc._.commitments or []:
            codes = {f.code for f in c.flags}
            c.score = max(0.0, 1.0 - sum(weights.get(code, 0.0) for code in codes))
            if c.score < self.cfg["vague_below"]:
                c.label = "vague"
            elif c.score >= self.cfg["specific_from"] and c.time_bound:
                c.label = "specific"
            else:
                c.label = "partial"
        return doc

    def get_state(self) -> dict:
        return self.cfg

    def set_state(self, state: dict) -> None:
        self.cfg = state
