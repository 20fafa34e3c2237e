"""Speed and memory of pledgewatch on this machine, against the issue's targets.

Measures, in one run:

1. **pipeline cost**: words/s of the full pipeline (``api.extract_docs``, records included) against bare
   ``nlp.pipe`` of the same base model on the same texts, alternating runs and keeping each one's best
   (target: ratio >= 0.90);
2. **scaling**: ``run_batch`` words/s with ``--workers 1`` and ``--workers 2`` on the same folder,
   worker start-up included (target: >= 1.7x on 2 cores);
3. **memory**: the peak RSS of a worker process (target: < 700 MB), and of a whole batch (main process
   and workers) over a small and a ten times larger folder of small files (target: growth < 5%);
4. **start-up**: wall time of ``pledgewatch extract`` on a one-paragraph file against a bare
   ``spacy.load`` of the base model, both as fresh processes, best of three (target: <= 1.3x).

Texts are the corpus documents (``corpus/docs``), repeated. ``--smoke`` shrinks every size so the whole
run takes well under a minute (for CI: it checks that everything runs, its numbers are noisy); the
default sizes give the numbers to quote.

\b
    python benchmarks/throughput.py            # full run, a few minutes on 2 cores
    python benchmarks/throughput.py --smoke    # CI
    python benchmarks/throughput.py --json results.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "pipeline"))

PARAGRAPH = (
    "The Ministry of Education will build 40 new schools in the northern provinces by December 2026, "
    "the minister said on Tuesday.\n"
)


def corpus_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "docs").rglob("*.txt"))]
    if not texts:
        raise SystemExit("no corpus documents under corpus/docs")
    return texts


def words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def texts_of(n_words: int) -> list[str]:
    base = corpus_texts()
    out, total, i = [], 0, 0
    while total < n_words:
        text = base[i % len(base)]
        out.append(text)
        total += len(text.split())
        i += 1
    return out


def bench_pipeline_cost(model: str | None, n_words: int, rounds: int) -> dict:
    from pledgewatch import api
    from pledgewatch.nlp import load_base

    texts = texts_of(n_words)
    bare = load_base(model)
    full = api.load(model)
    n = words(texts)
    list(bare.pipe(texts[:3]))
    list(api.extract_docs(((t, api.DocContext()) for t in texts[:3]), nlp=full))
    best_bare = best_full = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=16):
            pass
        best_bare = min(best_bare, time.perf_counter() - started)
        started = time.perf_counter()
        for _ in api.extract_docs(((t, api.DocContext()) for t in texts), nlp=full, batch_size=16):
            pass
        best_full = min(best_full, time.perf_counter() - started)
    return {
        "words": n,
        "bare_words_per_s": round(n / best_bare),
        "full_words_per_s": round(n / best_full),
        "ratio": round(best_bare / best_full, 3),
        "target": ">= 0.90",
        "pipes_bare": bare.pipe_names,
        "pipes_full": full.pipe_names,
    }


def make_folder(folder: Path, texts: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")


def run_child(args: list[str]) -> dict:
    """Run this script as a fresh process in a child mode and return the JSON it prints."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "pipeline"), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def peak_rss_mb(pid: int | str = "self") -> float:
    """VmHWM: the peak resident set of a process's current image, in MB (0 when it is gone).

    Not ``ru_maxrss``: Linux carries that across ``exec``, so a child of a big process reports its
    parent's peak.
    """
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children() -> list[int]:
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == me:
                found.append(int(entry.name))
    return found


def child_batch(folder: str, workers: int, model: str | None) -> None:
    """Child mode: one batch, then its speed and the peak RSS of this process and of its workers."""
    import threading

    from pledgewatch.io.batch import BatchOptions, run_batch

    worker_peaks: dict[int, float] = {}
    running = True

    def sample() -> None:
        while running:
            for pid in _children():
                worker_peaks[pid] = max(worker_peaks.get(pid, 0.0), peak_rss_mb(pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    with tempfile.TemporaryDirectory() as out:
        options = BatchOptions(inputs=[Path(folder)], output=Path(out) / "out.jsonl", workers=workers,
                               quiet=True, model=model)
        started = time.perf_counter()
        summary = run_batch(options, stderr=open(os.devnull, "w"))
        seconds = time.perf_counter() - started
    running = False
    print(json.dumps({
        "files": summary.files,
        "words": summary.words,
        "records": summary.records,
        "seconds": round(seconds, 2),
        "words_per_s": round(summary.words / seconds),
        "main_peak_mb": round(peak_rss_mb(), 1),
        "worker_peak_mb": round(max((v for v in worker_peaks.values() if v > 0), default=0.0), 1),
    }))


def bench_scaling(model: str | None, n_words: int, tmp: Path) -> dict:
    folder = tmp / "scaling"
    make_folder(folder, texts_of(n_words))
    one = run_child(["--child-batch", str(folder), "--workers", "1"] + (["--model", model] if model else []))
    two = run_child(["--child-batch", str(folder), "--workers", "2"] + (["--model", model] if model else []))
    return {
        "cores": os.cpu_count(),
        "workers_1": one,
        "workers_2": two,
        "speedup": round(two["words_per_s"] / one["words_per_s"], 2),
        "target": ">= 1.7 on 2 cores",
        "worker_peak_mb": two["worker_peak_mb"],
        "worker_target": "< 700 MB",
    }


def bench_memory_growth(model: str | None, small: int, large: int, tmp: Path) -> dict:
    results = {}
    for count in (small, large):
        folder = tmp / f"small-{count}"
        make_folder(folder, [f"Statement {i}. {PARAGRAPH}" for i in range(count)])
        results[count] = run_child(["--child-batch", str(folder), "--workers", "2"]
                                   + (["--model", model] if model else []))
    a, b = results[small], results[large]
    return {
        "files": [small, large],
        "main_peak_mb": [a["main_peak_mb"], b["main_peak_mb"]],
        "worker_peak_mb": [a["worker_peak_mb"], b["worker_peak_mb"]],
        "main_growth": round(b["main_peak_mb"] / a["main_peak_mb"] - 1, 4),
        "worker_growth": round(b["worker_peak_mb"] / a["worker_peak_mb"] - 1, 4),
        "seconds": [a["seconds"], b["seconds"]],
        "target": "growth < 0.05",
    }


def bench_startup(model: str | None, tmp: Path, rounds: int) -> dict:
    from pledgewatch.nlp import DEFAULT_MODELS

    path = tmp / "one.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "pipeline"), os.environ.get("PYTHONPATH")]))}
    name = model or next(n for n in DEFAULT_MODELS if _installed(n))
    extract_cmd = [sys.executable, "-c", "from pledgewatch.cli import cli; cli()", "extract", str(path)]
    extract_cmd += ["--model", model] if model else []
    bare_cmd = [sys.executable, "-c", f"import spacy; spacy.load({name!r})"]

    def best(cmd):
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - started)
        return min(times)

    best(bare_cmd)  # warm the file cache for both
    bare, extract = best(bare_cmd), best(extract_cmd)
    return {"bare_load_s": round(bare, 3), "extract_s": round(extract, 3), "ratio": round(extract / bare, 3),
            "target": "<= 1.3", "model": name}


def _installed(name: str) -> bool:
    import spacy.util

    return spacy.util.is_package(name)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="small sizes, for CI (< 60 s)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", dest="json_out", default=None, help="also write the results here")
    parser.add_argument("--only", nargs="*", default=None, choices=["cost", "scaling", "memory", "startup"])
    parser.add_argument("--child-batch", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_batch:
        child_batch(args.child_batch, args.workers, args.model)
        return 0

    sizes = dict(cost_words=3_000, rounds=1, scaling_words=6_000, small=100, large=1_000, startup_rounds=1) \
        if args.smoke else \
        dict(cost_words=30_000, rounds=3, scaling_words=60_000, small=2_000, large=20_000, startup_rounds=3)
    only = set(args.only or ["cost", "scaling", "memory", "startup"])
    results: dict = {"smoke": args.smoke, "sizes": sizes}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "cost" in only:
            results["pipeline_cost"] = bench_pipeline_cost(args.model, sizes["cost_words"], sizes["rounds"])
            print(json.dumps({"pipeline_cost": results["pipeline_cost"]}), flush=True)
        if "scaling" in only:
            results["scaling"] = bench_scaling(args.model, sizes["scaling_words"], tmp)
            print(json.dumps({"scaling": results["scaling"]}), flush=True)
        if "memory" in only:
            results["memory_growth"] = bench_memory_growth(args.model, sizes["small"], sizes["large"], tmp)
            print(json.dumps({"memory_growth": results["memory_growth"]}), flush=True)
        if "startup" in only:
            results["startup"] = bench_startup(args.model, tmp, sizes["startup_rounds"])
            print(json.dumps({"startup": results["startup"]}), flush=True)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    print(f"total {results['total_seconds']} s", file=sys.stderr)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
