"""Score extracted records against gold annotations in the format of ANNOTATION.md.

Each gold line locates its commitment by ``evidence``, a verbatim substring of the document. A predicted
record matches a gold commitment when their character spans overlap; pairs are taken greedily by overlap
(share of the gold evidence covered), with a bonus when the actors agree, so that the records of "the two
sides will..." pair with the gold line of the same party. Each gold line and each record is used once.

Detection is scored by precision, recall and F1. On matched pairs: accuracy of actor (canonical names,
case-insensitive), polarity, time_bound and deadline value (null equals null), and F1 of ``vague``
(a record is vague when its specificity label is ``vague``). Trap sentences (``--traps``) count as hit when
any record's span overlaps them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import jsonlines
from spacy.language import Language

from .api import DocContext, extract_docs
from .io.readers import read_document
from .records import CommitmentRecord

DOC_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")


def _read_jsonl(path: Path) -> list[dict]:
    """Gold or trap lines from a JSONL file or a folder of them; a bad line is an error naming file and line."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    rows = []
    for file in files:
        with jsonlines.open(file) as reader:
            try:
                for row in reader.iter(type=dict, skip_empty=True):
                    if "file" not in row:
                        raise ValueError(f"{file}: a line has no 'file' field: {json.dumps(row)[:80]}")
                    rows.append(row)
            except jsonlines.InvalidLineError as err:
                raise ValueError(f"{file}:{err.lineno}: not a JSON object") from None
    return rows


def locate(text: str, needle: str) -> tuple[int, int] | None:
    """Character span of ``needle`` in ``text``: exact first, then with whitespace runs folded."""
    at = text.find(needle)
    if at >= 0:
        return at, at + len(needle)
    words = needle.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def _norm(name: str | None) -> str:
    if name is None:
        return ""
    return re.sub(r"^the\s+", "", name.strip().lower())


@dataclass
class Pair:
    file: str
    gold: dict
    record: CommitmentRecord


@dataclass
class Report:
    gold: int = 0
    predicted: int = 0
    pairs: list[Pair] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    spurious: list[tuple[str, CommitmentRecord]] = field(default_factory=list)
    traps: int = 0
    traps_hit: list[dict] = field(default_factory=list)

    def _accuracy(self, same) -> float | None:
        if not self.pairs:
            return None
        return sum(1 for p in self.pairs if same(p)) / len(self.pairs)

    def summary(self, *, show_errors: bool = False) -> dict:
        matched = len(self.pairs)
        precision = matched / self.predicted if self.predicted else 0.0
        recall = matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        tp = sum(1 for p in self.pairs if p.gold.get("vague") and p.record.vague)
        fp = sum(1 for p in self.pairs if not p.gold.get("vague") and p.record.vague)
        fn = sum(1 for p in self.pairs if p.gold.get("vague") and not p.record.vague)
        vague_f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
        out = {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": matched,
            "detection": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)},
            "actor_accuracy": _round(self._accuracy(lambda p: _norm(p.gold.get("actor")) == _norm(p.record.actor.canonical if p.record.actor else None))),
            "polarity_accuracy": _round(self._accuracy(lambda p: p.gold.get("polarity", "positive") == p.record.polarity)),
            "time_bound_accuracy": _round(self._accuracy(lambda p: bool(p.gold.get("time_bound")) == p.record.time_bound)),
            "deadline_value_accuracy": _round(self._accuracy(lambda p: p.gold.get("deadline") == (p.record.deadline.value if p.record.deadline else None))),
            "vague_f1": _round(vague_f1),
            "reported_accuracy": _round(self._accuracy(lambda p: bool(p.gold.get("reported")) == (p.record.reported is not None))),
            "conditional_accuracy": _round(self._accuracy(lambda p: bool(p.gold.get("conditional")) == (p.record.condition is not None))),
            "reference_dates_as_deadlines": len(self.reference_dates()),
            "traps": self.traps,
            "trap_rate": round(len(self.traps_hit) / self.traps, 4) if self.traps else None,
        }
        if show_errors:
            out["errors"] = self.errors()
        return out

    def reference_dates(self) -> list[Pair]:
        """Matched pairs whose predicted deadline is a time expression other than the gold ``deadline_text``
        (the gold has none, or a different expression): a reference date taken as a deadline."""
        return [p for p in self.pairs if p.record.deadline is not None and not _same_deadline(p.gold, p.record.deadline)]

    def errors(self) -> list[dict]:
        rows = [{"kind": "missed", "file": g["file"], "evidence": g["evidence"], "actor": g.get("actor")} for g in self.missed]
        rows += [{"kind": "spurious", "file": f, "text": r.span.text, "actor": r.actor.canonical if r.actor else None}
                 for f, r in self.spurious]
        for p in self.pairs:
            got = p.record
            checks = {
                "actor": (p.gold.get("actor"), got.actor.canonical if got.actor else None, _norm),
                "polarity": (p.gold.get("polarity", "positive"), got.polarity, None),
                "time_bound": (bool(p.gold.get("time_bound")), got.time_bound, None),
                "deadline": (p.gold.get("deadline"), got.deadline.value if got.deadline else None, None),
                "vague": (bool(p.gold.get("vague")), got.vague, None),
            }
            for name, (want, have, norm) in checks.items():
                if (norm(want) != norm(have)) if norm else (want != have):
                    rows.append({"kind": f"wrong_{name}", "file": p.file, "evidence": p.gold["evidence"],
                                 "gold": want, "predicted": have, "span": got.span.text})
        rows += [{"kind": "reference_date", "file": p.file, "evidence": p.gold["evidence"],
                  "gold": p.gold.get("deadline_text"), "predicted": p.record.deadline.text, "span": p.record.span.text}
                 for p in self.reference_dates()]
        rows += [{"kind": "trap_hit", "file": t["file"], "text": t["text"]} for t in self.traps_hit]
        return rows


def _same_deadline(gold: dict, predicted) -> bool:
    """The gold deadline_text names the predicted expression: one contains the other, whitespace and case folded
    (gold writes the relation, "by March 31, 2026"; the tagger's expression is "March 31, 2026"). A gold line that
    gives a deadline value without its text is compared by value."""
    gold_text = gold.get("deadline_text")
    if not gold_text:
        return gold.get("deadline") is not None and gold.get("deadline") == predicted.value
    want, got = " ".join(gold_text.lower().split()), " ".join(predicted.text.lower().split())
    return bool(got) and (got in want or want in got)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def match(text: str, gold: list[dict], records: list[CommitmentRecord], file: str) -> tuple[list[Pair], list[dict], list[CommitmentRecord]]:
    """Pair gold lines with records by span overlap, one to one."""
    spans = []
    for g in gold:
        where = locate(text, g["evidence"])
        if where is None:
            raise ValueError(f"{file}: gold evidence not found in the document: {g['evidence'][:80]!r}")
        spans.append(where)
    candidates = []
    for gi, (gs, ge) in enumerate(spans):
        for ri, r in enumerate(records):
            overlap = min(ge, r.span.end) - max(gs, r.span.start)
            if overlap <= 0:
                continue
            score = overlap / max(1, ge - gs)
            if r.actor and _norm(r.actor.canonical) == _norm(gold[gi].get("actor")):
                score += 1.0
            candidates.append((score, gi, ri))
    candidates.sort(key=lambda c: -c[0])
    used_g, used_r, pairs = set(), set(), []
    for _, gi, ri in candidates:
        if gi in used_g or ri in used_r:
            continue
        used_g.add(gi)
        used_r.add(ri)
        pairs.append(Pair(file, gold[gi], records[ri]))
    missed = [g for gi, g in enumerate(gold) if gi not in used_g]
    spurious = [r for ri, r in enumerate(records) if ri not in used_r]
    return pairs, missed, spurious


def evaluate_corpus(docs_dir: Path, gold_path: Path, *, nlp: Language, traps: Path | None = None) -> Report:
    """Run the pipeline over every document in ``docs_dir`` and score it against ``gold_path``."""
    gold_rows = _read_jsonl(Path(gold_path))
    trap_rows = _read_jsonl(Path(traps)) if traps else []
    files = sorted(p for p in Path(docs_dir).iterdir() if p.suffix.lower() in DOC_SUFFIXES)
    by_file: dict[str, list[dict]] = {}
    for g in gold_rows:
        by_file.setdefault(g["file"], []).append(g)
    unknown = set(by_file) - {p.name for p in files}
    if unknown:
        raise ValueError(f"gold names documents not in {docs_dir}: {', '.join(sorted(unknown)[:5])}")
    texts = {p.name: read_document(p) for p in files}
    items = [(texts[p.name].text, DocContext(doc_id=p.stem, doc_date=texts[p.name].date, source=str(p))) for p in files]
    report = Report()
    for path, (context, records) in zip(files, extract_docs(items, nlp=nlp)):
        text = texts[path.name].text
        gold = by_file.get(path.name, [])
        pairs, missed, spurious = match(text, gold, records, path.name)
        report.gold += len(gold)
        report.predicted += len(records)
        report.pairs += pairs
        report.missed += missed
        report.spurious += [(path.name, r) for r in spurious]
        for trap in (t for t in trap_rows if t["file"] == path.name):
            where = locate(text, trap["text"])
            if where is None:
                raise ValueError(f"{path.name}: trap sentence not found in the document: {trap['text'][:80]!r}")
            report.traps += 1
            if any(min(where[1], r.span.end) - max(where[0], r.span.start) > 0 for r in records):
                report.traps_hit.append(trap)
    return report


def format_report(report: Report, *, show_errors: bool = False) -> str:
    s = report.summary(show_errors=show_errors)
    d = s["detection"]

    def pct(v):
        return "  n/a" if v is None else f"{v:5.3f}"

    lines = [
        f"documents' gold commitments: {s['gold']}   records: {s['predicted']}   matched: {s['matched']}",
        f"detection   P {pct(d['precision'])}   R {pct(d['recall'])}   F1 {pct(d['f1'])}",
        f"on matched  actor {pct(s['actor_accuracy'])}   polarity {pct(s['polarity_accuracy'])}   "
        f"time_bound {pct(s['time_bound_accuracy'])}   deadline {pct(s['deadline_value_accuracy'])}   vague F1 {pct(s['vague_f1'])}",
    ]
    lines.append(f"deadlines   reference dates taken as deadlines: {s['reference_dates_as_deadlines']}")
    lines.append(f"also        reported {pct(s['reported_accuracy'])}   conditional {pct(s['conditional_accuracy'])}")
    if s["traps"]:
        lines.append(f"traps       {len(report.traps_hit)} of {s['traps']} produced a record ({s['trap_rate']:.1%})")
    if show_errors:
        lines.append("")
        for e in s["errors"]:
            detail = {k: v for k, v in e.items() if k not in ("kind", "file")}
            lines.append(f"{e['kind']:<18} {e['file']}: {json.dumps(detail, ensure_ascii=False)}")
    return "\n".join(lines)
