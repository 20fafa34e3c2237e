"""Run pledgewatch over folders of documents: every file accounted for, resumable, in parallel.

:func:`run_batch` is the whole of ``pledgewatch batch``; the CLI only turns options into a
:class:`BatchOptions`. One run:

1. **Discover** (:func:`discover`): walk each input recursively, following directory symlinks but never
   into a directory above the link (a loop) nor into one inside the inputs (walked under its own
   name anyway), both reported as ``skipped``. Hidden files and folders (``.name``) are not inputs. ``--include``/``--exclude`` globs
   match the file name, or the path relative to its input when the glob has a ``/``. Order is sorted by
   path components, so it does not depend on the file system.
2. **Read and extract** in worker processes (``spawn`` context, so it is safe wherever the caller runs;
   each worker loads the model once in its initializer). Work is sent as small tasks of consecutive
   files and gathered in input order through a bounded window, so memory stays flat however many files
   there are and output order never depends on ``--workers``. Texts longer than the chunk size are
   split by :mod:`pledgewatch.io.chunking`; records come back with whole-document offsets and ids
   numbered through the document. With one worker everything runs in this process.
3. **Write**, per document and in input order: its records to ``OUT`` (one JSON line each), flushed;
   then its manifest line, flushed. The manifest line is the commit point: a document is complete
   exactly when its manifest line is.

**Resume.** After a crash (``kill -9`` included) every complete line of both files is valid.
``--resume`` keeps the complete manifest lines, truncates a half-written one, truncates ``OUT`` to the
records those documents account for (dropping a half-written line and the records of a document whose
manifest line never made it), and processes the rest. The result is byte-for-byte an uninterrupted
run's ``OUT``. Resume matches files by their manifest ``path``, so run it from the same directory with
the same inputs.

**Manifest lines**: ``{"path", "doc_id", "status", "records", "words", "seconds", "error", "warning"}``;
``status`` is ``ok`` (text read, records possibly none), ``empty`` (no text), ``skipped`` (not an
input pledgewatch reads: unsupported type, not a regular file, a directory symlink loop) or ``error``
(a one-line ``error`` says why). ``warning`` notes a fallback (e.g. the streaming HTML extractor).
``words`` counts whitespace-separated words of the extracted text.
"""

from __future__ import annotations

import csv
import fnmatch
import json
import multiprocessing
import os
import stat
import sys
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from pledgewatch.io.chunking import DEFAULT_CHUNK_CHARS, chunk_spans, shift_record
from pledgewatch.io.readers import SUPPORTED_SUFFIXES, ReadError, read_document

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "BatchUsageError",
    "DocInfo",
    "Entry",
    "discover",
    "load_meta",
    "pledgewatch_extractor",
    "run_batch",
]

STATUSES = ("ok", "empty", "skipped", "error")
TASK_MAX_FILES = 8
TASK_MAX_BYTES = 2_000_000


class BatchUsageError(Exception):
    """The batch cannot start as asked (existing output, unreadable --meta, ...): a usage error."""


@dataclass(frozen=True)
class DocInfo:
    """What the extractor is told about one text (mirrors ``pledgewatch.api.DocContext``)."""

    doc_id: str | None
    doc_date: str | None
    source: str | None
    title: str | None


Extractor = Callable[[list[tuple[str, DocInfo]]], Iterator[tuple[str | None, list[Any]]]]
"""Given ``(text, info)`` pairs, yield ``(doc_date, records)`` per text, in order: the ISO date the text
was anchored to (``info.doc_date``, or one the pipeline found in its dateline) and its records
(pydantic models or dicts)."""


def pledgewatch_extractor(model: str | None) -> Extractor:
    """The real extractor: ``pledgewatch.api.load(model)`` once, then ``api.extract_docs`` per call."""
    from pledgewatch import api

    nlp = api.load(model)

    def extract(items: list[tuple[str, DocInfo]]) -> Iterator[tuple[str | None, list[Any]]]:
        contexts = (
            (text, api.DocContext(doc_id=i.doc_id, doc_date=i.doc_date, source=i.source, title=i.title))
            for text, i in items
        )
        for context, records in api.extract_docs(contexts, nlp=nlp):
            yield context.doc_date, records

    return extract


@dataclass
class BatchOptions:
    """Everything ``pledgewatch batch`` can be told; see the module docstring for the semantics."""

    inputs: list[Path]
    output: Path
    manifest: Path | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    workers: int | None = None
    resume: bool = False
    overwrite: bool = False
    quiet: bool = False
    save_text: Path | None = None
    meta: Path | None = None
    model: str | None = None
    doc_date: str | None = None
    chunk_chars: int = DEFAULT_CHUNK_CHARS
    progress_interval: float = 10.0
    extractor_factory: Callable[[str | None], Extractor] = pledgewatch_extractor

    @property
    def manifest_path(self) -> Path:
        if self.manifest is not None:
            return self.manifest
        name = self.output.name
        stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else name
        return self.output.with_name(stem + ".manifest.jsonl")


@dataclass
class BatchSummary:
    """Counts for the final stderr line and the exit code (0 all ok/empty/skipped, 1 any error)."""

    statuses: Counter = field(default_factory=Counter)
    records: int = 0
    words: int = 0
    seconds: float = 0.0
    resumed: int = 0
    words_this_run: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def files(self) -> int:
        return sum(self.statuses.values())

    @property
    def exit_code(self) -> int:
        return 1 if self.statuses["error"] else 0

    def add(self, line: dict) -> None:
        self.statuses[line["status"]] += 1
        self.records += line.get("records") or 0
        self.words += line.get("words") or 0
        if line["status"] == "error":
            self.errors.append((line["path"], line.get("error") or ""))

    def describe(self, manifest: Path) -> str:
        by_status = ", ".join(f"{self.statuses[s]} {s}" for s in STATUSES)
        rate = self.words_this_run / self.seconds if self.seconds > 0 else 0.0
        lines = [
            f"pledgewatch batch: {self.files} files ({by_status}); {self.records} records; "
            f"{self.words:,} words; {self.seconds:.1f} s ({rate:,.0f} words/s)"
            + (f"; {self.resumed} files were already done" if self.resumed else ""),
        ]
        for path, error in self.errors[:10]:
            lines.append(f"  error: {path}: {error}")
        if len(self.errors) > 10:
            lines.append(f"  ... and {len(self.errors) - 10} more errors")
        lines.append(f"  manifest: {manifest}")
        return "\n".join(lines)


# --- discovery -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One input file: its path as shown in the manifest, its id-path relative to its input, and a
    reason when it is to be skipped rather than read."""

    path: str
    rel: str
    skip: str | None = None


def _matches(patterns: Iterable[str], rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    for pattern in patterns:
        if "/" not in pattern:
            if fnmatch.fnmatchcase(name, pattern):
                return True
        elif fnmatch.fnmatchcase(rel, pattern) or (
            pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:])
        ):
            return True
    return False


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def discover(
    inputs: Iterable[Path],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    ignore: Iterable[Path] = (),
) -> list[Entry]:
    """Every input file under ``inputs`` in deterministic order (see the module docstring).

    ``ignore`` lists paths never to treat as inputs (the batch's own output, manifest, text folder).
    """
    include, exclude = tuple(include), tuple(exclude)
    ignored = {os.path.abspath(p) for p in ignore}
    roots = [Path(p) for p in inputs]
    prefix_roots = len(roots) > 1
    real_roots = [os.path.realpath(r) for r in roots if r.is_dir()]
    found: list[tuple[int, tuple[str, ...], Entry]] = []
    seen_dirs: set[tuple[int, int]] = set()

    def add(order: int, path: Path, rel: str, skip: str | None = None) -> None:
        if os.path.abspath(path) in ignored:
            return
        if skip is None and not include and path.suffix.lower() not in SUPPORTED_SUFFIXES:
            skip = f"unsupported file type {path.suffix or '(no suffix)'!r}"
        if include and not _matches(include, rel):
            return
        if exclude and _matches(exclude, rel):
            return
        root_name = roots[order].name or Path(os.path.abspath(roots[order])).name
        shown = f"{root_name}/{rel}" if prefix_roots and roots[order].is_dir() else rel
        found.append((order, tuple(rel.split("/")), Entry(str(path), shown, skip)))

    for order, root in enumerate(roots):
        try:
            root_stat = root.stat()
        except OSError:
            add(order, root, root.name)
            continue
        if not stat.S_ISDIR(root_stat.st_mode):
            add(order, root, root.name)
            continue
        stack: list[tuple[Path, str, frozenset]] = [(root, "", frozenset({(root_stat.st_dev, root_stat.st_ino)}))]
        seen_dirs.add((root_stat.st_dev, root_stat.st_ino))
        while stack:
            folder, rel_folder, ancestors = stack.pop()
            try:
                children = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as error:
                add(order, folder, rel_folder or folder.name, f"cannot list directory: {error.strerror}")
                continue
            for child in children:
                if child.name.startswith("."):
                    continue
                rel = f"{rel_folder}/{child.name}" if rel_folder else child.name
                path = Path(child.path)
                try:
                    info = path.stat()
                except OSError as error:
                    add(order, path, rel)  # broken or looping symlink: the reader reports it
                    continue
                if stat.S_ISDIR(info.st_mode):
                    key = (info.st_dev, info.st_ino)
                    real = os.path.realpath(path)
                    if key in ancestors:
                        add(order, path, rel, "symlink loop (points to a directory above it)")
                    elif child.is_symlink() and any(_inside(real, top) for top in real_roots):
                        add(order, path, rel, "symlink to a directory already among the inputs")
                    elif key in seen_dirs:
                        add(order, path, rel, "directory already read through another path")
                    else:
                        seen_dirs.add(key)
                        stack.append((path, rel, ancestors | {key}))
                elif stat.S_ISREG(info.st_mode):
                    add(order, path, rel)
                else:
                    add(order, path, rel, "not a regular file")
    found.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in found]


# --- per-document metadata -------------------------------------------------------------------------------


class MetaRow(BaseModel):
    """One row of ``--meta``: which file, and what to use for its id, date and source."""

    model_config = ConfigDict(extra="forbid")

    path: str
    doc_id: str | None = None
    doc_date: str | None = None
    source: str | None = None

    @field_validator("doc_id", "doc_date", "source", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("doc_date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        import datetime

        try:
            datetime.date.fromisoformat(value[:10])
        except ValueError:
            raise ValueError(f"doc_date {value!r} is not an ISO date (YYYY-MM-DD)") from None
        return value


def load_meta(path: Path) -> dict[str, MetaRow]:
    """Read ``--meta`` (CSV with a header, or JSONL) into ``{normalised path: row}``.

    A row's ``path`` is matched against each input file's path as given, its absolute path, and its path
    relative to the input folder; a relative ``path`` is also tried relative to the meta file's folder.
    Raises :class:`BatchUsageError` naming the file and line for a malformed row.
    """
    rows: list[tuple[int, dict]] = []
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            if path.suffix.lower() == ".csv":
                rows = list(enumerate(csv.DictReader(handle), start=2))
            else:
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        rows.append((number, json.loads(line)))
    except (OSError, json.JSONDecodeError, csv.Error, UnicodeDecodeError) as error:
        raise BatchUsageError(f"--meta {path}: {error}") from None
    table: dict[str, MetaRow] = {}
    for number, data in rows:
        try:
            row = MetaRow.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise BatchUsageError(f"--meta {path}:{number}: {where}: {first['msg']}") from None
        table[row.path] = row
        table.setdefault(os.path.abspath(row.path), row)
        if not os.path.isabs(row.path):
            table.setdefault(os.path.abspath(path.parent / row.path), row)
    return table


def _meta_for(table: dict[str, MetaRow], entry: Entry) -> MetaRow | None:
    for key in (entry.path, os.path.abspath(entry.path), entry.rel):
        if key in table:
            return table[key]
    return None


# --- the work done in a worker ------------------------------------------------------------------------


@dataclass(frozen=True)
class DocTask:
    """One file to process, with everything the worker needs to know about it."""

    index: int
    entry: Entry
    doc_id: str
    doc_date: str | None
    fallback_date: str | None
    source: str | None
    save_text: str | None


_WORKER: dict[str, Any] = {}


def _exit_with_parent() -> None:
    """End this worker when the batch process is gone (``kill -9`` gives it no chance to stop us)."""
    import threading

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="pledgewatch-parent-watch", daemon=True).start()


def _init_worker(factory: Callable[[str | None], Extractor], model: str | None, chunk_chars: int) -> None:
    """Process initializer: load the model once per worker.

    A failure (say, the model is not installed) is kept and raised by the first task, so that it reaches
    the caller as itself instead of as a broken process pool.
    """
    _WORKER["chunk_chars"] = chunk_chars
    _exit_with_parent()
    try:
        _WORKER["extract"] = factory(model)
    except Exception as error:  # re-raised in process_task
        _WORKER["init_error"] = error


def _manifest_line(task: DocTask, status: str, *, records: int = 0, words: int = 0, seconds: float = 0.0,
                   error: str | None = None, warning: str | None = None) -> dict:
    return {
        "path": task.entry.path,
        "doc_id": task.doc_id,
        "status": status,
        "records": records,
        "words": words,
        "seconds": round(seconds, 4),
        "error": error,
        "warning": warning,
    }


def _record_lines(parts: list[tuple[int, list[Any]]]) -> list[str]:
    """JSON lines of a document's records, parts parsed at the given offsets, renumbered 1..n."""
    lines: list[str] = []
    ordinal = 0
    for delta, records in parts:
        for record in records:
            ordinal += 1
            is_model = isinstance(record, BaseModel)
            data = record.model_dump(mode="json") if is_model else dict(record)
            if isinstance(data.get("id"), str) and ":" in data["id"]:
                data["id"] = f"{data['id'].rsplit(':', 1)[0]}:{ordinal}"
            if delta:
                data = shift_record(data, delta)
            if is_model:
                lines.append(type(record).model_validate(data).model_dump_json())
            else:
                lines.append(json.dumps(data, ensure_ascii=False))
    return lines


def _read(task: DocTask) -> tuple[str | None, dict | None, float, Any]:
    """Read one file: ``(text, finished manifest line or None, seconds, read result)``."""
    started = time.perf_counter()
    if task.entry.skip is not None:
        return None, _manifest_line(task, "skipped", error=task.entry.skip), 0.0, None
    try:
        result = read_document(task.entry.path)
    except ReadError as error:
        seconds = time.perf_counter() - started
        return None, _manifest_line(task, "error", seconds=seconds, error=str(error)), seconds, None
    seconds = time.perf_counter() - started
    if task.save_text is not None:
        target = Path(task.save_text)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(result.text, encoding="utf-8", newline="")
    if not result.text.strip():
        return None, _manifest_line(task, "empty", seconds=seconds, warning=result.warning), seconds, result
    return result.text, None, seconds, result


def process_task(tasks: list[DocTask]) -> list[tuple[dict, list[str]]]:
    """Read and extract consecutive files; return ``(manifest line, record lines)`` per file, in order.

    All the texts of a task go through the extractor in one stream (so spaCy batches them); if that
    stream fails, each document is retried alone so the failure is pinned on the file that caused it.
    """
    if "init_error" in _WORKER:
        raise _WORKER["init_error"]
    extract: Extractor = _WORKER["extract"]
    chunk_chars: int = _WORKER["chunk_chars"]
    prepared = []
    for task in tasks:
        text, finished, seconds, result = _read(task)
        prepared.append((task, text, finished, seconds, result))
    todo = [item for item in prepared if item[1] is not None]

    def items_of(item) -> list[tuple[int, tuple[str, DocInfo]]]:
        task, text, _, _, result = item
        info = DocInfo(task.doc_id, task.doc_date or result.date or task.fallback_date, task.source, result.title)
        return [(start, (text[start:end], info)) for start, end in chunk_spans(text, chunk_chars)]

    def run(group) -> dict[int, tuple[list[str], float]]:
        chunked = [(item[0].index, items_of(item)) for item in group]
        # A long document without a known date is anchored by its first chunk (its dateline) first, so
        # that the chunks after it resolve relative deadlines against the same date.
        first_parts: dict[int, tuple[int, list[Any]]] = {}
        probes = [(index, chunks) for index, chunks in chunked if len(chunks) > 1 and chunks[0][1][1].doc_date is None]
        if probes:
            for (index, chunks), (doc_date, records) in zip(probes, extract([chunks[0][1] for _, chunks in probes])):
                first_parts[index] = (chunks[0][0], records)
                if doc_date is not None:
                    info = replace(chunks[0][1][1], doc_date=doc_date)
                    chunks[1:] = [(start, (text, info)) for start, (text, _) in chunks[1:]]
        flat = [pair for index, chunks in chunked for n, (_, pair) in enumerate(chunks) if not (n == 0 and index in first_parts)]
        stream = extract(flat)
        done: dict[int, tuple[list[str], float]] = {}
        last = time.perf_counter()
        for index, chunks in chunked:
            parts = [first_parts[index]] if index in first_parts else []
            parts += [(start, next(stream)[1]) for n, (start, _) in enumerate(chunks) if not (n == 0 and index in first_parts)]
            lines = _record_lines(parts)
            now = time.perf_counter()
            done[index] = (lines, now - last)
            last = now
        return done

    results: dict[int, tuple[list[str], float] | str] = {}
    if todo:
        try:
            results.update(run(todo))
        except Exception:  # a failing text must not take the others in its task down with it
            for item in todo:
                try:
                    results.update(run([item]))
                except Exception as error:
                    message = " ".join(f"extraction failed ({type(error).__name__}: {error})".split())
                    results[item[0].index] = message[:500]
    out = []
    for task, text, finished, seconds, result in prepared:
        if finished is not None:
            out.append((finished, []))
            continue
        outcome = results[task.index]
        words = len(text.split())
        if isinstance(outcome, str):
            out.append((_manifest_line(task, "error", words=words, seconds=seconds, error=outcome), []))
        else:
            lines, spent = outcome
            line = _manifest_line(task, "ok", records=len(lines), words=words, seconds=seconds + spent,
                                  warning=result.warning)
            out.append((line, lines))
    return out


# --- resume ------------------------------------------------------------------------------------------


def _complete_lines(path: Path) -> tuple[list[bytes], int]:
    """The complete (newline-terminated) lines of a file and the byte length they cover."""
    lines: list[bytes] = []
    size = 0
    with open(path, "rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            lines.append(line)
            size += len(line)
    return lines, size


def _prepare_resume(output: Path, manifest: Path, summary: BatchSummary) -> set[str]:
    """Truncate both files to their last complete document; return the manifest paths already done."""
    done: set[str] = set()
    keep_manifest = 0
    expected_records = 0
    if manifest.exists():
        lines, _ = _complete_lines(manifest)
        for raw in lines:
            try:
                line = json.loads(raw)
                path, status = line["path"], line["status"]
            except (ValueError, KeyError, TypeError):
                break
            if status not in STATUSES:
                break
            done.add(path)
            summary.add(line)
            expected_records += line.get("records") or 0
            keep_manifest += len(raw)
        os.truncate(manifest, keep_manifest)
    if output.exists():
        kept = 0
        with open(output, "rb") as handle:
            for _ in range(expected_records):
                line = handle.readline()
                if not line.endswith(b"\n"):
                    raise BatchUsageError(
                        f"cannot resume: {output} has fewer records than {manifest} accounts for; "
                        "use --overwrite to start again"
                    )
                kept += len(line)
        os.truncate(output, kept)
    elif expected_records:
        raise BatchUsageError(f"cannot resume: {output} is missing; use --overwrite to start again")
    summary.resumed = len(done)
    return done


# --- progress --------------------------------------------------------------------------------------------


class Progress:
    """A tqdm bar on a terminal, a plain line every ``interval`` seconds otherwise, nothing when quiet."""

    def __init__(self, total: int, stream: TextIO, quiet: bool, interval: float) -> None:
        self.total, self.stream, self.interval = total, stream, interval
        self.done = self.words = self.records = 0
        self.started = self.last = time.monotonic()
        self.bar = None
        self.quiet = quiet
        if not quiet and total and hasattr(stream, "isatty") and stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=stream, unit="file", dynamic_ncols=True, desc="pledgewatch")

    def update(self, line: dict) -> None:
        self.done += 1
        self.words += line.get("words") or 0
        self.records += line.get("records") or 0
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(records=self.records, refresh=False)
        elif not self.quiet:
            now = time.monotonic()
            if now - self.last >= self.interval:
                self.last = now
                elapsed = now - self.started
                rate = self.words / elapsed if elapsed else 0.0
                eta = (self.total - self.done) * elapsed / self.done if self.done else 0.0
                print(
                    f"pledgewatch batch: {self.done}/{self.total} files ({100 * self.done / self.total:.0f}%), "
                    f"{self.records} records, {rate:,.0f} words/s, ETA {eta:.0f} s",
                    file=self.stream,
                    flush=True,
                )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --- the runner ------------------------------------------------------------------------------------------


def _tasks(doc_tasks: list[DocTask], sizes: list[int], workers: int) -> list[list[DocTask]]:
    """Group consecutive files into tasks of at most TASK_MAX_FILES files / TASK_MAX_BYTES bytes, and
    small enough that a short batch still gives every worker a few tasks."""
    max_files = max(1, min(TASK_MAX_FILES, -(-len(doc_tasks) // (workers * 4))))
    groups: list[list[DocTask]] = []
    current: list[DocTask] = []
    weight = 0
    for task, size in zip(doc_tasks, sizes):
        if current and (len(current) >= max_files or weight + size > TASK_MAX_BYTES):
            groups.append(current)
            current, weight = [], 0
        current.append(task)
        weight += size
    if current:
        groups.append(current)
    return groups


def _results_in_order(groups: list[list[DocTask]], options: BatchOptions, workers: int
                      ) -> Iterator[tuple[dict, list[str]]]:
    """Process the task groups, yielding per-document results strictly in input order."""
    if workers <= 1:
        _WORKER.clear()
        _WORKER["extract"] = options.extractor_factory(options.model)
        _WORKER["chunk_chars"] = options.chunk_chars
        for group in groups:
            yield from process_task(group)
        return
    context = multiprocessing.get_context("spawn")
    initargs = (options.extractor_factory, options.model, options.chunk_chars)
    window = workers * 3
    queue: deque[list[DocTask]] = deque(groups)
    retries: set[int] = set()
    while queue:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                 initargs=initargs) as pool:
            pending: deque = deque()
            broken = False
            while queue or pending:
                while queue and len(pending) < window and not broken:
                    group = queue.popleft()
                    pending.append((group, pool.submit(process_task, group)))
                if not pending:
                    break
                group, future = pending.popleft()
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    # A worker died (killed, out of memory, crashed in C). Retry the unfinished work in
                    # a fresh pool, one file per task; a file that kills a worker twice is an error.
                    broken = True
                    unfinished = [group] + [g for g, _ in pending]
                    pending.clear()
                    singles = [[task] for g in unfinished for task in g]
                    first = singles[0][0]
                    if len(group) == 1 and first.index in retries:
                        line = _manifest_line(first, "error", error="worker process died on this file")
                        yield line, []
                        singles = singles[1:]
                    retries.add(first.index)
                    queue.extendleft(reversed(singles))
                    break


def run_batch(options: BatchOptions, *, stderr: TextIO | None = None) -> BatchSummary:
    """Run a batch to completion and return its summary (also printed to ``stderr``).

    Raises :class:`BatchUsageError` before doing any work when the options cannot be honoured.
    """
    stderr = stderr if stderr is not None else sys.stderr
    started = time.perf_counter()
    output, manifest = options.output, options.manifest_path
    if options.resume and options.overwrite:
        raise BatchUsageError("--resume and --overwrite contradict each other; give one")
    if output == manifest or os.path.abspath(output) == os.path.abspath(manifest):
        raise BatchUsageError("the manifest cannot be the output file")
    if not options.resume and not options.overwrite:
        for path in (output, manifest):
            if path.exists() and path.stat().st_size > 0:
                raise BatchUsageError(f"{path} exists; use --resume to continue it or --overwrite to replace it")
    if options.doc_date is not None:
        MetaRow(path="-", doc_date=options.doc_date)  # validates the date
    meta = load_meta(options.meta) if options.meta is not None else {}
    workers = options.workers if options.workers else (os.cpu_count() or 1)
    if workers < 1:
        raise BatchUsageError("--workers must be at least 1")

    summary = BatchSummary()
    ignore = [output, manifest] + ([options.save_text] if options.save_text else [])
    entries = discover(options.inputs, options.include, options.exclude, ignore=ignore)
    output.parent.mkdir(parents=True, exist_ok=True)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    done = _prepare_resume(output, manifest, summary) if options.resume else set()
    if done and not any(entry.path in done for entry in entries):
        raise BatchUsageError(
            f"cannot resume: none of the files in {manifest} is among the inputs; "
            "run from the same directory with the same inputs, or use --overwrite"
        )
    if not options.resume:
        for path in (output, manifest):
            path.write_bytes(b"")

    doc_tasks, sizes, used_meta = [], [], 0
    for index, entry in enumerate(entries):
        if entry.path in done:
            continue
        row = _meta_for(meta, entry)
        used_meta += row is not None
        save = None
        if options.save_text is not None and entry.skip is None:
            save = str(options.save_text / (entry.rel + ".txt"))
        doc_tasks.append(DocTask(
            index=index,
            entry=entry,
            doc_id=(row.doc_id if row and row.doc_id else entry.rel),
            doc_date=row.doc_date if row else None,
            fallback_date=options.doc_date,
            source=(row.source if row and row.source else entry.path),
            save_text=save,
        ))
        try:
            sizes.append(0 if entry.skip else os.stat(entry.path).st_size)
        except OSError:
            sizes.append(0)
    if meta and not options.quiet and used_meta < len({id(r) for r in meta.values()}):
        unused = len({id(r) for r in meta.values()}) - used_meta
        print(f"pledgewatch batch: {unused} --meta rows matched no input file", file=stderr)

    groups = _tasks(doc_tasks, sizes, workers)
    workers = max(1, min(workers, len(groups)))
    progress = Progress(len(doc_tasks), stderr, options.quiet, options.progress_interval)
    try:
        with open(output, "ab") as out, open(manifest, "ab") as man:
            for line, records in _results_in_order(groups, options, workers):
                if records:
                    out.write("".join(r + "\n" for r in records).encode("utf-8"))
                    out.flush()
                man.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
                man.flush()
                summary.add(line)
                summary.words_this_run += line.get("words") or 0
                progress.update(line)
    finally:
        progress.close()
    summary.seconds = time.perf_counter() - started
    print(summary.describe(manifest), file=stderr, flush=True)
    return summary
