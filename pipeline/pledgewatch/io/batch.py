"""Run pledgewatch over folders of documents: every file accounted for, resumable, in parallel.

:func:`run_batch` is the whole of ``pledgewatch batch``; the CLI only turns options into a
:class:`BatchOptions`. One run:

1. **Discover** (:func:`discover`): walk each input recursively, following directory symlinks but never
   into a directory above the link (a loop) nor into one inside the inputs (walked under its own
   name anyway), both reported as ``skipped``. Hidden files and folders (``.name``) are not inputs.
   ``--include``/``--exclude`` globs match the file name, or the path relative to its input when the glob
   has a ``/``. Order is sorted by path components, so it does not depend on the file system. Discovery
   is a generator: a first pass only counts (for the progress total), the second streams.
2. **Read and extract** in worker processes (``spawn`` context, so it is safe wherever the caller runs;
   each worker loads the model once in its initializer). Files are grouped into small tasks of
   consecutive files (at most TASK_MAX_FILES files, TASK_MAX_BYTES bytes) drawn from the stream only as
   a bounded window frees up, and gathered in input order, so memory stays flat however many files
   there are and output order never depends on ``--workers``. Workers read and decode the files and
   serialise the records; the batch process only writes lines. Texts longer than the chunk size are
   split by :mod:`pledgewatch.io.chunking`; records come back with whole-document offsets and ids
   numbered through the document. A document of at least SPLIT_MIN_CHUNKS chunks is not parsed by the
   worker that read it: that worker parses its first chunk (which may date it) and hands the text back,
   and its other chunks go out as tasks of their own, ahead of new files, so every worker takes a
   share; the batch process numbers their records in order. With one worker everything runs in this
   process, chunk after chunk, with the same records.
3. **Write**, per document and in input order: its records to ``OUT`` (one JSON line each), flushed;
   then its manifest line, flushed. The manifest line is the commit point: a document is complete
   exactly when its manifest line is. A split document's records go out in pieces as its chunks finish
   in order (the batch process never holds them all); if a later chunk fails, the document is an
   ``error`` whose ``records`` counts those already written.

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
from pledgewatch.patterns import describe
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
TASK_MAX_FILES = 32
TASK_MAX_BYTES = 32_000
TASK_MIN_BYTES = 4_000
TASK_CHUNK_CHARS = 40_000
SPLIT_MIN_CHUNKS = 4
WINDOW_PER_WORKER = 3


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
    error_count: int = 0

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
            self.error_count += 1
            if len(self.errors) < 10:  # only the first ones are shown; memory stays flat
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
        if self.error_count > len(self.errors):
            lines.append(f"  ... and {self.error_count - len(self.errors)} more errors")
        lines.append(f"  manifest: {manifest}")
        return "\n".join(lines)


# --- discovery -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One input file: its path as shown in the manifest, its id-path relative to its input, a reason
    when it is to be skipped rather than read, and its size in bytes (0 when unknown)."""

    path: str
    rel: str
    skip: str | None = None
    size: int = 0


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


def _visible_names(folder: Path) -> list[str]:
    """The sorted names in ``folder``, hidden ones left out (names only: a 20,000-file folder costs
    its names, not 20,000 ``DirEntry`` objects)."""
    return sorted(name for name in os.listdir(folder) if not name.startswith("."))


def discover(
    inputs: Iterable[Path],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    ignore: Iterable[Path] = (),
) -> Iterator[Entry]:
    """Yield every input file under ``inputs`` in deterministic order (see the module docstring).

    A generator: folders are walked depth first with each folder's names sorted, which yields exactly
    the order of sorting all paths by their components, while holding only the names of the folders
    on the current path. ``ignore`` lists paths never to treat as inputs (the batch's own output,
    manifest, text folder).
    """
    include, exclude = tuple(include), tuple(exclude)
    ignored = {os.path.abspath(p) for p in ignore}
    roots = [Path(p) for p in inputs]
    prefix_roots = len(roots) > 1
    real_roots = [os.path.realpath(r) for r in roots if r.is_dir()]
    seen_dirs: set[tuple[int, int]] = set()

    def entry(order: int, path: Path, rel: str, skip: str | None = None, size: int = 0) -> Entry | None:
        if os.path.abspath(path) in ignored:
            return None
        if skip is None and not include and path.suffix.lower() not in SUPPORTED_SUFFIXES:
            skip = f"unsupported file type {path.suffix or '(no suffix)'!r}"
        if include and not _matches(include, rel):
            return None
        if exclude and _matches(exclude, rel):
            return None
        root_name = roots[order].name or Path(os.path.abspath(roots[order])).name
        shown = f"{root_name}/{rel}" if prefix_roots and roots[order].is_dir() else rel
        return Entry(str(path), shown, skip, size)

    def walk(order: int, root: Path, root_stat: os.stat_result) -> Iterator[Entry | None]:
        key = (root_stat.st_dev, root_stat.st_ino)
        seen_dirs.add(key)
        try:
            names = _visible_names(root)
        except OSError as error:
            yield entry(order, root, root.name, f"cannot list directory: {error.strerror}")
            return
        stack: list[tuple[Path, str, frozenset, Iterator[str]]] = [(root, "", frozenset({key}), iter(names))]
        while stack:
            folder, rel_folder, ancestors, children = stack[-1]
            name = next(children, None)
            if name is None:
                stack.pop()
                continue
            rel = f"{rel_folder}/{name}" if rel_folder else name
            path = folder / name
            try:
                info = path.stat()
            except OSError:
                yield entry(order, path, rel)  # broken or looping symlink: the reader reports it
                continue
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in ancestors:
                    yield entry(order, path, rel, "symlink loop (points to a directory above it)")
                elif path.is_symlink() and any(_inside(os.path.realpath(path), top) for top in real_roots):
                    yield entry(order, path, rel, "symlink to a directory already among the inputs")
                elif key in seen_dirs:
                    yield entry(order, path, rel, "directory already read through another path")
                else:
                    seen_dirs.add(key)
                    try:
                        names = _visible_names(path)
                    except OSError as error:
                        yield entry(order, path, rel, f"cannot list directory: {error.strerror}")
                        continue
                    stack.append((path, rel, ancestors | {key}, iter(names)))
            elif stat.S_ISREG(info.st_mode):
                yield entry(order, path, rel, size=info.st_size)
            else:
                yield entry(order, path, rel, "not a regular file")

    for order, root in enumerate(roots):
        try:
            root_stat = root.stat()
        except OSError:
            found = [entry(order, root, root.name)]
        else:
            if stat.S_ISDIR(root_stat.st_mode):
                found = walk(order, root, root_stat)
            else:
                found = [entry(order, root, root.name, size=root_stat.st_size)]
        for item in found:
            if item is not None:
                yield item


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
            raise BatchUsageError(f"--meta {path}:{number}: {describe(error)}") from None
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


Template = tuple[str, "str | None"]
"""A record's JSON line with its ordinal left out: ``head + str(n) + tail`` is the line of the document's
``n``-th record (``tail`` is None for a record whose id carries no ordinal: ``head`` is the line). A
worker that parses only some chunks of a document does not know how many records come before them;
the batch process fills the ordinals in without parsing the JSON again."""


def _id_json(value: str, is_model: bool) -> str:
    if is_model:
        import pydantic_core

        return pydantic_core.to_json(value).decode("utf-8")
    return json.dumps(value, ensure_ascii=False)


def _record_templates(parts: list[tuple[int, list[Any]]]) -> list[Template]:
    """The templates of a document's (or a run of its chunks') records, parts parsed at the given
    offsets; ordinals count from 1 here and are shifted by :func:`_render`."""
    templates: list[Template] = []
    ordinal = 0
    for delta, records in parts:
        for record in records:
            ordinal += 1
            is_model = isinstance(record, BaseModel)
            data = record.model_dump(mode="json") if is_model else dict(record)
            numbered = isinstance(data.get("id"), str) and ":" in data["id"]
            if numbered:
                data["id"] = f"{data['id'].rsplit(':', 1)[0]}:{ordinal}"
            if delta:
                data = shift_record(data, delta)
            if is_model:
                line = type(record).model_validate(data).model_dump_json()
            else:
                line = json.dumps(data, ensure_ascii=False)
            if not numbered:
                templates.append((line, None))
                continue
            value = _id_json(data["id"], is_model)
            for key in ('"id":', '"id": '):
                at = line.find(key + value)
                if at >= 0:
                    end = at + len(key) + len(value) - 1  # the closing quote
                    start = end - len(str(ordinal))
                    templates.append((line[:start], line[end:]))
                    break
            else:  # pragma: no cover - both serialisers write the id as found above
                raise ValueError(f"cannot find the id {data['id']!r} in its record's JSON")
    return templates


def _render(templates: Iterable[Template], first: int = 1) -> list[str]:
    return [head if tail is None else f"{head}{n}{tail}" for n, (head, tail) in enumerate(templates, start=first)]


def _record_lines(parts: list[tuple[int, list[Any]]]) -> list[str]:
    """JSON lines of a document's records, parts parsed at the given offsets, renumbered 1..n."""
    return _render(_record_templates(parts))


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


def _failure(error: Exception) -> str:
    return " ".join(f"extraction failed ({type(error).__name__}: {error})".split())[:500]


@dataclass
class Split:
    """A long document a worker has read and whose first chunk it has parsed; the batch process sends
    the other chunks out as :func:`process_chunks` tasks so that every worker takes a share."""

    task: DocTask
    text: str
    info: DocInfo
    rest: list[tuple[int, int]]
    first: list[Template]
    words: int
    seconds: float
    warning: str | None


Outcome = "tuple[dict, list[str]] | Split"


def process_task(tasks: list[DocTask], split_min_chunks: int = 0) -> list[Outcome]:
    """Read and extract consecutive files; return ``(manifest line, record lines)`` per file, in order.

    All the texts of a task go through the extractor in one stream (so spaCy batches them); if that
    stream fails, each document is retried alone so the failure is pinned on the file that caused it.
    With ``split_min_chunks``, a document of at least that many chunks is returned as a :class:`Split`
    after its first chunk (which may date it from its dateline) instead of being parsed here.
    """
    if "init_error" in _WORKER:
        raise _WORKER["init_error"]
    extract: Extractor = _WORKER["extract"]
    chunk_chars: int = _WORKER["chunk_chars"]
    prepared = []
    for task in tasks:
        text, finished, seconds, result = _read(task)
        prepared.append((task, text, finished, seconds, result))

    def items_of(item) -> list[tuple[int, tuple[str, DocInfo]]]:
        task, text, _, _, result = item
        info = DocInfo(task.doc_id, task.doc_date or result.date or task.fallback_date, task.source, result.title)
        return [(start, (text[start:end], info)) for start, end in chunk_spans(text, chunk_chars)]

    chunked = {item[0].index: items_of(item) for item in prepared if item[1] is not None}
    splits: dict[int, Split | str] = {}
    if split_min_chunks:
        for task, text, _, seconds, result in prepared:
            chunks = chunked.get(task.index)
            if chunks is None or len(chunks) < split_min_chunks:
                continue
            del chunked[task.index]
            started = time.perf_counter()
            info = chunks[0][1][1]
            try:
                doc_date, records = next(extract([chunks[0][1]]))
            except Exception as error:
                splits[task.index] = _failure(error)
                continue
            if info.doc_date is None and doc_date is not None:
                info = replace(info, doc_date=doc_date)
            spans = chunk_spans(text, chunk_chars)
            splits[task.index] = Split(task, text, info, spans[1:], _record_templates([(0, records)]),
                                       len(text.split()), seconds + time.perf_counter() - started, result.warning)

    def run(chunked: dict[int, list[tuple[int, tuple[str, DocInfo]]]]) -> dict[int, tuple[list[str], float]]:
        # A long document without a known date is anchored by its first chunk (its dateline) first, so
        # that the chunks after it resolve relative deadlines against the same date.
        first_parts: dict[int, tuple[int, list[Any]]] = {}
        probes = [(index, chunks) for index, chunks in chunked.items()
                  if len(chunks) > 1 and chunks[0][1][1].doc_date is None]
        if probes:
            for (index, chunks), (doc_date, records) in zip(probes, extract([chunks[0][1] for _, chunks in probes])):
                first_parts[index] = (chunks[0][0], records)
                if doc_date is not None:
                    info = replace(chunks[0][1][1], doc_date=doc_date)
                    chunks[1:] = [(start, (text, info)) for start, (text, _) in chunks[1:]]
        flat = [pair for index, chunks in chunked.items() for n, (_, pair) in enumerate(chunks)
                if not (n == 0 and index in first_parts)]
        stream = extract(flat)
        done: dict[int, tuple[list[str], float]] = {}
        last = time.perf_counter()
        for index, chunks in chunked.items():
            parts = [first_parts[index]] if index in first_parts else []
            parts += [(start, next(stream)[1]) for n, (start, _) in enumerate(chunks)
                      if not (n == 0 and index in first_parts)]
            lines = _record_lines(parts)
            now = time.perf_counter()
            done[index] = (lines, now - last)
            last = now
        return done

    results: dict[int, tuple[list[str], float] | str] = {}
    if chunked:
        try:
            results.update(run(chunked))
        except Exception:  # a failing text must not take the others in its task down with it
            for index, chunks in chunked.items():
                try:
                    results.update(run({index: chunks}))
                except Exception as error:
                    results[index] = _failure(error)
    out: list[Outcome] = []
    for task, text, finished, seconds, result in prepared:
        if finished is not None:
            out.append((finished, []))
            continue
        split = splits.get(task.index)
        if isinstance(split, Split):
            out.append(split)
            continue
        outcome = split if split is not None else results[task.index]
        words = len(text.split())
        if isinstance(outcome, str):
            out.append((_manifest_line(task, "error", words=words, seconds=seconds, error=outcome), []))
        else:
            lines, spent = outcome
            line = _manifest_line(task, "ok", records=len(lines), words=words, seconds=seconds + spent,
                                  warning=result.warning)
            out.append((line, lines))
    return out


def process_chunks(pieces: list[tuple[int, str]], info: DocInfo) -> tuple[list[Template], float] | str:
    """Extract some consecutive chunks of a :class:`Split` document: their record templates (offsets
    already relative to the whole document, ordinals counted from 1) and the seconds spent, or a
    one-line error."""
    if "init_error" in _WORKER:
        raise _WORKER["init_error"]
    started = time.perf_counter()
    try:
        results = list(_WORKER["extract"]([(text, info) for _, text in pieces]))
        templates = _record_templates([(start, records) for (start, _), (_, records) in zip(pieces, results)])
    except Exception as error:
        return _failure(error)
    return templates, time.perf_counter() - started


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
                total = max(self.total, self.done)  # files added since the count
                eta = (total - self.done) * elapsed / self.done if self.done else 0.0
                print(
                    f"pledgewatch batch: {self.done}/{total} files ({100 * self.done / total:.0f}%), "
                    f"{self.records} records, {rate:,.0f} words/s, ETA {eta:.0f} s",
                    file=self.stream,
                    flush=True,
                )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --- the runner ------------------------------------------------------------------------------------------


def _groups(tasks: Iterable[DocTask], total: int, total_bytes: int, workers: int) -> Iterator[list[DocTask]]:
    """Group consecutive files into tasks of at most TASK_MAX_FILES files / TASK_MAX_BYTES bytes, and
    small enough that a short batch of ``total`` files still gives every worker a few tasks. Tasks get
    smaller as the end nears (a few per worker in what is left of ``total_bytes``), so that no worker
    sits idle while another finishes one last big task."""
    max_files = max(1, min(TASK_MAX_FILES, -(-total // (workers * 4))))
    current: list[DocTask] = []
    weight = 0
    remaining = total_bytes
    for task in tasks:
        size = 0 if task.entry.skip else task.entry.size
        limit = max(TASK_MIN_BYTES, min(TASK_MAX_BYTES, remaining // (workers * 3)))
        if current and (len(current) >= max_files or weight + size > limit):
            yield current
            current, weight = [], 0
        current.append(task)
        weight += size
        remaining -= size
    if current:
        yield current


@dataclass
class _SplitState:
    """A :class:`Split` document in the batch process: its chunk runs still to send, those sent, and how
    far its records have been handed out. Records go out as soon as every chunk before them is done,
    so the batch process never holds a long document's records (47,000 for 10 MB), only its text."""

    split: Split
    runs: deque
    futures: list = field(default_factory=list)
    written: int = 0
    taken: int = -1  # -1: the first chunk's records are not handed out yet; then runs consumed
    seconds: float = 0.0
    error: str | None = None

    @property
    def done(self) -> bool:
        return self.error is not None or (not self.runs and self.taken == len(self.futures))

    def ready_lines(self) -> list[str]:
        """The records whose turn has come (first chunk, then each finished run in order), rendered."""
        templates: list[Template] = []
        if self.taken < 0:
            templates += self.split.first
            self.taken, self.seconds = 0, self.split.seconds
        while self.error is None and self.taken < len(self.futures) and self.futures[self.taken].done():
            outcome = self.futures[self.taken].result()
            self.futures[self.taken] = _CONSUMED
            self.taken += 1
            if isinstance(outcome, str):
                self.error = outcome
            else:
                templates += outcome[0]
                self.seconds += outcome[1]
        lines = _render(templates, first=self.written + 1)
        self.written += len(lines)
        return lines

    def manifest_line(self) -> dict:
        """The document's manifest line. A chunk that failed makes it an error; the records of the
        chunks before it are already written, so ``records`` counts them (resume relies on it)."""
        split = self.split
        if self.error is not None:
            return _manifest_line(split.task, "error", records=self.written, words=split.words,
                                  seconds=self.seconds, error=self.error)
        return _manifest_line(split.task, "ok", records=self.written, words=split.words, seconds=self.seconds,
                              warning=split.warning)




@dataclass
class _Unit:
    """One submitted task in output order; ``items`` are its documents' outcomes once it is done."""

    group: list[DocTask]
    future: Any
    items: list | None = None
    position: int = 0
    retry: bool = False


def _chunk_runs(split: Split, chunk_chars: int) -> deque:
    """A split document's remaining chunk spans in runs of about TASK_CHUNK_CHARS characters."""
    runs: deque = deque()
    current: list[tuple[int, int]] = []
    size = 0
    for start, end in split.rest:
        if current and size + (end - start) > max(TASK_CHUNK_CHARS, chunk_chars):
            runs.append(current)
            current, size = [], 0
        current.append((start, end))
        size += end - start
    if current:
        runs.append(current)
    return runs


def _results_in_order(groups: Iterator[list[DocTask]], options: BatchOptions, workers: int
                      ) -> Iterator[tuple[dict | None, list[str]]]:
    """Process the task groups, yielding ``(manifest line, record lines)`` per document strictly in input
    order; a split document's records may come first in pieces, as ``(None, record lines)``.

    At most ``workers * WINDOW_PER_WORKER`` tasks are in flight; the groups are drawn from their
    iterator only as the window frees up, so nothing is held for documents not yet reached. The
    chunks of a long document (a :class:`Split`) are sent ahead of new files, earliest document first.
    """
    if workers <= 1:
        _WORKER.clear()
        _WORKER["extract"] = options.extractor_factory(options.model)
        _WORKER["chunk_chars"] = options.chunk_chars
        for group in groups:
            yield from process_task(group)
        return
    from concurrent.futures import FIRST_COMPLETED, wait

    context = multiprocessing.get_context("spawn")
    initargs = (options.extractor_factory, options.model, options.chunk_chars)
    window = workers * WINDOW_PER_WORKER
    retry: deque[list[DocTask]] = deque()  # after a worker died: one file per task, one at a time, unsplit
    dead: set[int] = set()  # files that killed a worker while alone in flight
    written: dict[int, int] = {}  # records of a split document already handed out when its worker died
    exhausted = False
    while retry or not exhausted:
        units: deque[_Unit] = deque()
        splits: list[_SplitState] = []
        try:
            with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                     initargs=initargs) as pool:
                while True:
                    in_flight = [u.future for u in units if not u.future.done()]
                    in_flight += [f for s in splits for f in s.futures if not f.done()]
                    for state in splits:  # chunks of the earliest long document first
                        while state.runs and len(in_flight) < window:
                            text = state.split.text
                            pieces = [(start, text[start:end]) for start, end in state.runs.popleft()]
                            future = pool.submit(process_chunks, pieces, state.split.info)
                            state.futures.append(future)
                            in_flight.append(future)
                    isolating = bool(retry) or any(u.retry and not u.future.done() for u in units)
                    while (len(in_flight) < (1 if isolating else window) and len(units) < 2 * window
                           and (retry or not exhausted)):
                        if retry:
                            group, split_min = retry.popleft(), 0
                            if group[0].index in dead:
                                line = _manifest_line(group[0], "error", error="worker process died on this file")
                                units.append(_Unit(group, _finished([(line, [])]), retry=True))
                                continue
                        else:
                            group, split_min = next(groups, None), SPLIT_MIN_CHUNKS
                            if group is None:
                                exhausted = True
                                break
                        units.append(_Unit(group, None, retry=split_min == 0))  # listed before submit,
                        units[-1].future = pool.submit(process_task, group, split_min)  # which raises if broken
                        in_flight.append(units[-1].future)
                    if not units:
                        break
                    for unit in units:
                        if unit.items is None and unit.future.done():
                            unit.items = unit.future.result()
                            for item in unit.items:
                                if isinstance(item, Split):
                                    splits.append(_SplitState(item, _chunk_runs(item, options.chunk_chars)))
                                    splits.sort(key=lambda state: state.split.task.index)
                    progressed = False
                    while units and units[0].items is not None:
                        head = units[0]
                        while head.position < len(head.items):
                            item = head.items[head.position]
                            if isinstance(item, Split):
                                state = next(s for s in splits if s.split is item)
                                lines = state.ready_lines()
                                if not state.done:
                                    if lines:
                                        progressed = True
                                        yield None, lines  # more of this document to come
                                    break
                                splits.remove(state)
                                item = state.manifest_line(), lines
                            elif head.group[head.position].index in written:
                                # retried after its records began to go out: hand out only the rest
                                # (the same records: chunking and dating do not depend on the split)
                                done_before = written.pop(head.group[head.position].index)
                                line, lines = item
                                if line["status"] != "ok":
                                    line = {**line, "records": done_before}
                                item = line, lines[done_before:]
                            head.position += 1
                            progressed = True
                            yield item
                        if head.position < len(head.items):
                            break
                        units.popleft()
                    if progressed:
                        continue
                    if in_flight:
                        wait(in_flight, return_when=FIRST_COMPLETED)
            return
        except BrokenProcessPool:
            # A worker died (killed, out of memory, crashed in C). The unfinished files are retried in a
            # fresh pool one at a time, unsplit: a file that kills a worker while alone in flight is
            # reported as an error, and no other file is blamed for it.
            for unit in units:
                if unit.retry and unit.future is not None and unit.future.done() and unit.future.exception():
                    dead.add(unit.group[0].index)
            for state in splits:
                if state.written:
                    written[state.split.task.index] = state.written
            unfinished = [task for unit in units for task in unit.group[unit.position:]]
            retry = deque([task] for task in unfinished) + retry


def _finished(result: Any):
    """A future that is already done, with ``result``."""
    from concurrent.futures import Future

    future: Future = Future()
    future.set_result(result)
    return future


_CONSUMED = _finished(None)


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

    def entries() -> Iterator[Entry]:
        return discover(options.inputs, options.include, options.exclude, ignore=ignore)

    output.parent.mkdir(parents=True, exist_ok=True)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    done = _prepare_resume(output, manifest, summary) if options.resume else set()
    # A first, cheap pass over the inputs (names and sizes, nothing kept) gives the progress total and
    # how many workers the work can keep busy; the second pass streams the files to the workers.
    total = resumed = work = total_bytes = 0
    used_rows: set[int] = set()
    for entry in entries():
        if entry.path in done:
            resumed += 1
            continue
        total += 1
        work += 1 if entry.skip else max(1, entry.size // max(1, options.chunk_chars))
        total_bytes += 0 if entry.skip else entry.size
        row = _meta_for(meta, entry) if meta else None
        if row is not None:
            used_rows.add(id(row))
    if done and not resumed:
        raise BatchUsageError(
            f"cannot resume: none of the files in {manifest} is among the inputs; "
            "run from the same directory with the same inputs, or use --overwrite"
        )
    if not options.resume:
        for path in (output, manifest):
            path.write_bytes(b"")
    rows = len({id(r) for r in meta.values()})
    if meta and not options.quiet and len(used_rows) < rows:
        print(f"pledgewatch batch: {rows - len(used_rows)} --meta rows matched no input file", file=stderr)

    def doc_tasks() -> Iterator[DocTask]:
        for index, entry in enumerate(entries()):
            if entry.path in done:
                continue
            row = _meta_for(meta, entry) if meta else None
            save = None
            if options.save_text is not None and entry.skip is None:
                save = str(options.save_text / (entry.rel + ".txt"))
            yield DocTask(
                index=index,
                entry=entry,
                doc_id=(row.doc_id if row and row.doc_id else entry.rel),
                doc_date=row.doc_date if row else None,
                fallback_date=options.doc_date,
                source=(row.source if row and row.source else entry.path),
                save_text=save,
            )

    workers = max(1, min(workers, work))
    groups = _groups(doc_tasks(), total, total_bytes, workers)
    progress = Progress(total, stderr, options.quiet, options.progress_interval)
    try:
        with open(output, "ab") as out, open(manifest, "ab") as man:
            for line, records in _results_in_order(groups, options, workers):
                if records:
                    out.write("".join(r + "\n" for r in records).encode("utf-8"))
                    out.flush()
                if line is None:  # the first records of a long document; its manifest line comes later
                    continue
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
