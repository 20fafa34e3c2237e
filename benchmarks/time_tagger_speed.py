"""Words per second of pledgewatch's time tagger alone, on one core.

    PYTHONPATH=pipeline python benchmarks/time_tagger_speed.py [--repeat N] [--json] [FILE...]

Times :func:`pledgewatch.temporal.tag` (the grammar the ``pledgewatch_time_tagger`` component runs) over the
given text files, or over the documents in ``corpus/docs`` when none are given, each repeated ``--repeat``
times, in CPU seconds of this process (``time.process_time``: other load on the machine does not count);
words are whitespace-separated tokens. No spaCy pipeline is involved: the component adds only the
``Doc`` the tokenizer already built. The issue's target is at least 50,000 words per second.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from pledgewatch.temporal import detect_doc_date, grammar_for

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="text files (default: corpus/docs/**/*.txt)")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the texts (default 5)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "corpus" / "docs").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    if not texts:
        print("no texts to time", file=sys.stderr)
        return 0
    grammar = grammar_for(None)
    grammar.tag("warm up on 1 November 2025")
    words = sum(len(t.split()) for t in texts) * args.repeat
    found = 0
    start = time.process_time()
    for _ in range(args.repeat):
        for text in texts:
            found += len(grammar.tag(text, detect_doc_date(text, rules=grammar)))
    seconds = time.process_time() - start
    result = {"documents": len(texts), "words": words, "seconds": round(seconds, 3),
              "words_per_second": round(words / seconds), "expressions": found}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{len(texts)} documents x {args.repeat}: {words:,} words in {seconds:.2f}s = "
              f"{result['words_per_second']:,} words/s ({found:,} time expressions, doc-date detection included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
