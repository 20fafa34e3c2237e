"""Score pledgewatch's time tagger on TimeBank 1.2, TempEval-3 style.

    PYTHONPATH=pipeline python benchmarks/timebank.py [--data DIR] [--json] [--errors N]

TimeBank is read from ``--data`` (default ``$PLEDGEWATCH_TIMEBANK`` or ``../shared/data/timebank`` beside the
checkout); it is never copied into the repository. When the folder is missing the script says so on stderr and
exits 0, so CI without the corpus skips cleanly.

For each ``*.tml`` file the ``<TEXT>`` element becomes plain text (tags dropped, entities decoded) and its
``<TIMEX3>`` elements the gold spans; the document creation time (the ``DCT`` TIMEX3) is the document date the
tagger resolves against. Scores follow TempEval-3 (UzZaman et al., 2013, section 4.1):

* **strict** span P/R/F1: a system expression counts when its character span equals a gold span;
* **relaxed** span P/R/F1: it counts when it overlaps a gold span (each gold and each system expression is
  matched at most once, greedily in text order);
* **value** F1 = relaxed F1 x value accuracy, where value accuracy is the share of relaxed matches whose
  normalised value equals the gold ``value`` (equivalently, precision and recall computed over the matches
  with the right value). Vague times, which pledgewatch keeps with value ``None``, are compared through
  :func:`pledgewatch.temporal.timex3_value` (``FUTURE_REF`` for "soon"), as a TIMEX3 annotator would write them.
  Vague manner adverbs that TIMEX3 does not annotate ("immediately", "promptly", "eventually"; ``timex3: null``
  in the rule file) are tagged for the deadline linker but left out of the score;
* **type** accuracy over relaxed matches is reported too.

Speed is words (whitespace-separated) per CPU second (``time.process_time``, so other load on the machine does
not count) of :func:`pledgewatch.temporal.tag` alone, on one core,
parsing the files excluded. The score is character-based, so it can differ slightly from the official
token-based TempEval-3 scorer.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pledgewatch.temporal import grammar_for, is_vague, timex3_value

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "timebank"


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str
    text: str
    dct: date | None
    gold: list[Gold]


def read_tml(path: Path) -> Document:
    """Plain text of ``<TEXT>``, its TIMEX3 spans, and the creation date of one TimeML file."""
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = date.fromisoformat(timex.get("value")[:10])
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[Gold] = []

    def walk(el: ET.Element) -> None:
        start = sum(map(len, parts))
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if el.tag == "TIMEX3":
            end = sum(map(len, parts))
            gold.append(Gold(start, end, "".join(parts)[start:end], el.get("type"), el.get("value")))

    walk(text_el)
    gold.sort(key=lambda g: g.start)
    return Document(path.stem, "".join(parts), dct, gold)


def _prf(hits_sys: int, n_sys: int, hits_gold: int, n_gold: int) -> dict:
    p = hits_sys / n_sys if n_sys else 0.0
    r = hits_gold / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score(docs: list[Document], grammar, errors: int = 0) -> dict:
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = words = 0
    elapsed = 0.0
    shown: list[str] = []
    for doc in docs:
        t0 = time.process_time()
        found = grammar.tag(doc.text, doc.dct)
        elapsed += time.process_time() - t0
        found = [te for te in found if not is_vague(te) or timex3_value(te, grammar)]
        words += len(doc.text.split())
        n_gold += len(doc.gold)
        n_sys += len(found)
        gold_spans = {(g.start, g.end) for g in doc.gold}
        strict += sum((te.start, te.end) in gold_spans for te in found)
        used: set[int] = set()
        matched_sys: set[int] = set()
        for gi, g in enumerate(doc.gold):
            for si, te in enumerate(found):
                if si in matched_sys or te.end <= g.start or te.start >= g.end:
                    continue
                used.add(gi)
                matched_sys.add(si)
                relaxed += 1
                value = timex3_value(te, grammar)
                value_ok += value == g.value
                type_ok += te.type == g.type
                if value != g.value and len(shown) < errors:
                    shown.append(f"VALUE {doc.name}: {g.text!r} gold={g.value} sys={te.text!r} {value} [{te.rule}]")
                break
        if len(shown) < errors:
            for gi, g in enumerate(doc.gold):
                if gi not in used:
                    ctx = doc.text[max(0, g.start - 40):g.end + 30].replace("\n", " ")
                    shown.append(f"MISS  {doc.name}: {g.text!r} {g.type} {g.value} | {ctx}")
            for si, te in enumerate(found):
                if si not in matched_sys:
                    ctx = doc.text[max(0, te.start - 40):te.end + 30].replace("\n", " ")
                    shown.append(f"EXTRA {doc.name}: {te.text!r} {te.value} [{te.rule}] | {ctx}")
    relaxed_prf = _prf(relaxed, n_sys, relaxed, n_gold)
    accuracy = value_ok / relaxed if relaxed else 0.0
    value_prf = _prf(value_ok, n_sys, value_ok, n_gold)
    return {
        "documents": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "strict": _prf(strict, n_sys, strict, n_gold),
        "relaxed": relaxed_prf,
        "value": {**value_prf, "accuracy": round(accuracy, 4)},
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "words": words,
        "seconds": round(elapsed, 3),
        "words_per_second": round(words / elapsed) if elapsed else None,
        "errors": shown[:errors],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("PLEDGEWATCH_TIMEBANK", DEFAULT_DATA)),
                        help="folder of TimeBank .tml files")
    parser.add_argument("--patterns", type=Path, default=None, help="patterns folder (default: the shipped one)")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="also list N misses / extras")
    args = parser.parse_args(argv)
    files = sorted(args.data.glob("*.tml")) if args.data.is_dir() else []
    if not files:
        print(f"TimeBank not found at {args.data}; skipping the benchmark.", file=sys.stderr)
        return 0
    grammar = grammar_for(args.patterns)
    docs = [read_tml(path) for path in files]
    grammar.tag("warm up on 1 November 2025", None)
    result = score(docs, grammar, errors=args.errors)
    if args.json:
        print(json.dumps(result))
        return 0
    for line in result.pop("errors"):
        print(line)
    print(f"TimeBank: {result['documents']} documents, {result['gold']} gold TIMEX3, {result['system']} tagged")
    for name in ("strict", "relaxed", "value"):
        r = result[name]
        print(f"  {name:8s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}")
    print(f"  value accuracy {result['value']['accuracy']:.3f}, type accuracy {result['type_accuracy']:.3f}")
    print(f"  {result['words']} words in {result['seconds']:.2f}s: {result['words_per_second']:,} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
