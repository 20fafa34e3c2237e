"""Does hard wrapping cost commitments? The corpus scored as written and re-wrapped.

    PYTHONPATH=pipeline python benchmarks/wrapped.py [--split dev|test] [--columns 72] [--proportional]

Every line of a split's documents longer than ``--columns`` is wrapped the way a mail client or a PDF's text
layer wraps it: at that many characters (``textwrap``), or with ``--proportional`` at that many units of a
proportional font (narrow letters count half, capitals and wide letters more), as PDF lines come out. The gold
evidence and trap sentences are re-located in the wrapped text (same words, line breaks for spaces), and
``pledgewatch evaluate`` scores the wrapped split next to the split as written. The two scores should be close:
the pipeline reads wrapped paragraphs through :mod:`pledgewatch.io.unwrap`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import textwrap
from pathlib import Path

from pledgewatch import load
from pledgewatch.evaluate import evaluate_corpus, format_report

ROOT = Path(__file__).resolve().parent.parent
_NARROW = set("ilIjtf.,;:'!| ()")
_WIDE = set("mwMW")


def _units(text: str) -> float:
    return sum(0.5 if c in _NARROW else 1.5 if c in _WIDE else 1.25 if c.isupper() else 1.0 for c in text)


def _proportional(line: str, columns: int) -> list[str]:
    out, current = [], ""
    for word in line.split():
        candidate = f"{current} {word}" if current else word
        if current and _units(candidate) > columns:
            out.append(current)
            current = word
        else:
            current = candidate
    return out + [current] if current else out


def wrap(text: str, columns: int, proportional: bool = False) -> str:
    lines: list[str] = []
    for line in text.split("\n"):
        if proportional and _units(line) > columns:
            lines.extend(_proportional(line, columns))
        elif not proportional and len(line) > columns:
            lines.extend(textwrap.wrap(line, columns, break_on_hyphens=False))
        else:
            lines.append(line)
    return "\n".join(lines)


def _relocate(quote: str, text: str) -> str | None:
    found = re.search(r"\s+".join(map(re.escape, quote.split())), text)
    return found.group(0) if found else None


def wrapped_split(split: str, out: Path, columns: int, proportional: bool) -> int:
    """Write the wrapped copy of a split under ``out`` (docs/, gold/, traps/); returns quotes not re-located."""
    corpus = ROOT / "corpus"
    lost = 0
    for part in ("docs", "gold", "traps"):
        (out / part).mkdir(parents=True, exist_ok=True)
    for doc in sorted((corpus / "docs" / split).glob("*.txt")):
        text = wrap(doc.read_text(encoding="utf-8"), columns, proportional)
        (out / "docs" / doc.name).write_text(text, encoding="utf-8")
        for part, key in (("gold", "evidence"), ("traps", "text")):
            source = corpus / part / split / f"{doc.stem}.jsonl"
            if not source.exists():
                continue
            rows = []
            for line in source.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                row = json.loads(line)
                quote = _relocate(row[key], text)
                if quote is None:
                    lost += 1
                    continue
                rows.append(json.dumps({**row, key: quote}, ensure_ascii=False))
            (out / part / source.name).write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    return lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "test"])
    parser.add_argument("--columns", type=int, default=72)
    parser.add_argument("--proportional", action="store_true", help="wrap in font units, as PDF lines come out")
    args = parser.parse_args()
    nlp = load()
    corpus = ROOT / "corpus"
    print(f"{args.split} as written")
    print(format_report(evaluate_corpus(corpus / "docs" / args.split, corpus / "gold" / args.split, nlp=nlp,
                                        traps=corpus / "traps" / args.split)))
    with tempfile.TemporaryDirectory() as tmp:
        lost = wrapped_split(args.split, Path(tmp), args.columns, args.proportional)
        kind = "proportional units" if args.proportional else "columns"
        print(f"\n{args.split} wrapped at {args.columns} {kind}" + (f" ({lost} quotes not re-located)" if lost else ""))
        print(format_report(evaluate_corpus(Path(tmp) / "docs", Path(tmp) / "gold", nlp=nlp,
                                            traps=Path(tmp) / "traps")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
