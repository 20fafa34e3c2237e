"""The batch runner: every file accounted for, chunking, resume after SIGKILL, order across workers.

Most tests use :func:`fake_extractor` (one record per line containing " will "), which makes the runner's
own behaviour - discovery, manifest, chunk offsets, resume - fast and exact to check. Tests marked
``model`` run the real pipeline once per session.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pledgewatch
from pledgewatch.io.batch import SPLIT_MIN_CHUNKS, BatchOptions, BatchUsageError, discover, run_batch
from pledgewatch.io.chunking import chunk_spans, shift_record

HERE = Path(__file__).resolve().parent
PLEDGE = "The Ministry of Education will build 40 new schools by December 2026, the minister said."
FILLER = "Officials noted that the plan had been discussed at length with regional authorities and unions."


def fake_extractor(model):
    """An extractor with the real one's contract: one record per line that contains " will "."""
    delay = float(os.environ.get("PLEDGEWATCH_FAKE_DELAY", "0"))
    log = os.environ.get("PLEDGEWATCH_FAKE_LOG")  # a folder: each process notes the doc ids it extracts

    def extract(items):
        for text, info in items:
            if delay:
                time.sleep(delay)
            if log:
                with open(Path(log) / str(os.getpid()), "a", encoding="utf-8") as handle:
                    handle.write(f"{info.doc_id}\n")
            if "KILL-THIS-WORKER" in text:
                os._exit(3)  # a worker crashing in C, or killed by the OOM killer
            once = os.environ.get("PLEDGEWATCH_FAKE_CRASH_ONCE")  # a path: the first process to see CRASH-ONCE dies
            if once and "CRASH-ONCE" in text and not os.path.exists(once):
                Path(once).touch()
                os._exit(3)
            records, start = [], 0
            for line in text.split("\n"):
                if " will " in line:
                    records.append({
                        "id": f"{info.doc_id or 'doc'}:{len(records) + 1}",
                        "doc_id": info.doc_id,
                        "doc_date": info.doc_date,
                        "title": info.title,
                        "span": {"start": start, "end": start + len(line), "text": line},
                    })
                start += len(line) + 1
            yield info.doc_date, records

    return extract


def options(tmp_path: Path, inputs, **overrides) -> BatchOptions:
    values = dict(inputs=[Path(p) for p in inputs], output=tmp_path / "out.jsonl", workers=1, quiet=True,
                  extractor_factory=fake_extractor)
    values.update(overrides)
    return BatchOptions(**values)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def blank_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.write(str(path))


@pytest.fixture
def bad_folder(tmp_path) -> Path:
    """The issue's folder of bad inputs, plus a few good ones."""
    from test_readers import text_pdf_bytes

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(
        "El Gobierno de España will build 40 escuelas antes de diciembre de 2026.".encode("latin-1")
    )
    (folder / "utf16.txt").write_bytes(f"{PLEDGE}\n{FILLER}\n".encode("utf-16"))
    blank_pdf(folder / "scan.pdf")
    good_pdf = text_pdf_bytes([PLEDGE])
    (folder / "good.pdf").write_bytes(good_pdf)
    (folder / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 2])
    (folder / "deep.html").write_text(
        "<html><head><title>Deep</title><script>var x = 'we will track you';</script></head><body>"
        + "<div>" * 10_000 + f"<p>{PLEDGE}</p>" + "</div>" * 10_000 + "</body></html>"
    )
    (folder / "locked.txt").write_text(PLEDGE)
    (folder / "locked.txt").chmod(0)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop").symlink_to(folder)
    (folder / "Déclaration du ministère.md").write_text(f"---\ntitle: Déclaration\ndate: 2024-03-05\n---\n{PLEDGE}\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text(PLEDGE)
    yield folder
    (folder / "locked.txt").chmod(0o644)


def test_bad_input_folder_every_file_accounted_for(tmp_path, bad_folder):
    summary = run_batch(options(tmp_path, [bad_folder], save_text=tmp_path / "text"))
    lines = {Path(line["path"]).name: line for line in read_jsonl(tmp_path / "out.manifest.jsonl")}
    expected = {
        "empty.txt": ("empty", None),
        "binary.txt": ("error", "not text (binary data)"),
        "latin1.txt": ("ok", None),
        "utf16.txt": ("ok", None),
        "scan.pdf": ("error", "no text layer"),
        "good.pdf": ("ok", None),
        "truncated.pdf": ("error", "truncated PDF (no %%EOF marker at the end)"),
        "deep.html": ("ok", None),
        "dangling.txt": ("error", "file not found (broken symlink?)"),
        "loop": ("skipped", "symlink loop (points to a directory above it)"),
        "Déclaration du ministère.md": ("ok", None),
        "notes.docx": ("skipped", "unsupported file type '.docx'"),
        # root reads mode-000 files; as another user this is ("error", "permission denied")
        "locked.txt": ("ok", None) if os.geteuid() == 0 else ("error", "permission denied"),
    }
    assert {name: (line["status"], line["error"]) for name, line in lines.items()} == expected
    assert summary.exit_code == 1
    root = os.geteuid() == 0
    assert summary.statuses == {"ok": 6 if root else 5, "error": 4 if root else 5, "empty": 1, "skipped": 2}
    assert "streaming extractor" in lines["deep.html"]["warning"]
    assert set(lines["utf16.txt"]) == {"path", "doc_id", "status", "records", "words", "seconds", "error",
                                       "warning"}

    records = read_jsonl(tmp_path / "out.jsonl")
    by_doc = {}
    for record in records:
        by_doc.setdefault(record["doc_id"], []).append(record)
        text = (tmp_path / "text" / (record["doc_id"] + ".txt")).read_text(encoding="utf-8")
        span = record["span"]
        assert text[span["start"] : span["end"]] == span["text"]
    assert [r["span"]["text"] for r in by_doc["utf16.txt"]] == [PLEDGE]
    assert [r["span"]["text"] for r in by_doc["deep.html"]] == [PLEDGE]
    assert "España" in by_doc["latin1.txt"][0]["span"]["text"]
    assert by_doc["Déclaration du ministère.md"][0]["doc_date"] == "2024-03-05"
    assert by_doc["Déclaration du ministère.md"][0]["title"] == "Déclaration"
    assert lines["utf16.txt"]["records"] == 1 and lines["utf16.txt"]["words"] == len(f"{PLEDGE} {FILLER}".split())


@pytest.mark.slow
def test_ten_megabyte_document_is_chunked_without_losing_records(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    paragraph = f"{PLEDGE}\n{FILLER}\n\n"
    copies = 10_000_000 // len(paragraph) + 1
    (folder / "big.txt").write_text(paragraph * copies, encoding="utf-8")
    started = time.perf_counter()
    run_batch(options(tmp_path, [folder], save_text=tmp_path / "text", chunk_chars=100_000))
    assert time.perf_counter() - started < 30
    text = (tmp_path / "text" / "big.txt.txt").read_text(encoding="utf-8")
    assert len(text) > 10_000_000
    records = read_jsonl(tmp_path / "out.jsonl")
    assert len(records) == copies
    assert [r["id"] for r in records[:2]] == ["big.txt:1", "big.txt:2"] and records[-1]["id"] == f"big.txt:{copies}"
    for record in records[:: copies // 50] + records[-3:]:
        span = record["span"]
        assert text[span["start"] : span["end"]] == span["text"] == PLEDGE


def test_chunk_spans_tile_the_text_and_cut_between_paragraphs():
    text = "".join(f"Paragraph {i}. {PLEDGE}\n\n" for i in range(200))
    spans = chunk_spans(text, 1_000)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= 1_000 for s, e in spans) and len(spans) > 10
    assert all(text[s:].startswith("Paragraph") for s, _ in spans)


def test_chunk_spans_fall_back_to_sentences_then_hard_cuts():
    sentences = " ".join(f"Sentence {i} says that we will act." for i in range(300))
    spans = chunk_spans(sentences, 500)
    assert "".join(sentences[s:e] for s, e in spans) == sentences
    assert all(sentences[s:e].rstrip().endswith(".") for s, e in spans)
    blob = "x" * 2_500
    assert chunk_spans(blob, 1_000) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]
    assert chunk_spans("", 1_000) == [(0, 0)]


def test_shift_record_moves_every_offset():
    record = {"id": "d:1", "span": {"start": 1, "end": 5, "text": "abcd"}, "flags": [{"start": 2, "end": 3}],
              "condition": {"text": "if", "start": None, "end": None}, "specificity": {"score": 0.5}}
    shifted = shift_record(record, 100)
    assert shifted["span"] == {"start": 101, "end": 105, "text": "abcd"}
    assert shifted["flags"] == [{"start": 102, "end": 103}]
    assert shifted["condition"] == record["condition"] and shifted["specificity"] == {"score": 0.5}


def test_discovery_order_globs_and_duplicates(tmp_path):
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "a b").mkdir()
    for name in ("b/2.txt", "b/10.txt", "a b/x.md", "z.html", "a.txt", "b/skip.txt"):
        (root / name).write_text(PLEDGE)
    (root / "again").symlink_to(root / "b")
    entries = discover([root])
    assert iter(entries) is entries, "discovery streams: a generator, not a list"
    paths = [(e.rel, e.skip) for e in entries]
    assert paths == [("a b/x.md", None), ("a.txt", None), ("again", "symlink to a directory already among the inputs"),
                     ("b/10.txt", None), ("b/2.txt", None), ("b/skip.txt", None), ("z.html", None)]
    chosen = [e.rel for e in discover([root], include=["*.txt", "*.md"], exclude=["skip*", "b/1*"])]
    assert chosen == ["a b/x.md", "a.txt", "b/2.txt"]
    assert [e.rel for e in discover([root / "a.txt", root / "b"])] == ["a.txt", "b/10.txt", "b/2.txt", "b/skip.txt"]


def test_existing_output_needs_resume_or_overwrite(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PLEDGE)
    run_batch(options(tmp_path, [folder]))
    first = (tmp_path / "out.jsonl").read_bytes()
    with pytest.raises(BatchUsageError, match="--resume.*--overwrite"):
        run_batch(options(tmp_path, [folder]))
    with pytest.raises(BatchUsageError, match="contradict"):
        run_batch(options(tmp_path, [folder], resume=True, overwrite=True))
    assert run_batch(options(tmp_path, [folder], overwrite=True)).exit_code == 0
    assert (tmp_path / "out.jsonl").read_bytes() == first
    summary = run_batch(options(tmp_path, [folder], resume=True))
    assert summary.resumed == 1 and (tmp_path / "out.jsonl").read_bytes() == first


def test_a_file_that_kills_its_worker_is_an_error_and_the_rest_complete(tmp_path):
    folder = tmp_path / "in"
    _many_files(folder, 12)
    (folder / "doc005.txt").write_text(f"{PLEDGE}\nKILL-THIS-WORKER\n")
    summary = run_batch(options(tmp_path, [folder], workers=2))
    lines = read_jsonl(tmp_path / "out.manifest.jsonl")
    assert [Path(line["path"]).name for line in lines] == [f"doc{i:03d}.txt" for i in range(12)]
    assert [(line["status"], line["error"]) for line in lines if line["status"] != "ok"] == [
        ("error", "worker process died on this file")]
    assert lines[5]["status"] == "error" and summary.exit_code == 1
    assert len(read_jsonl(tmp_path / "out.jsonl")) == sum(line["records"] for line in lines)


def test_worker_dying_inside_a_split_document_neither_duplicates_nor_loses_records(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    paragraph = f"{PLEDGE}\n{FILLER}\n\n"
    parts = [f"Part {i}. {paragraph}" for i in range(1_500)]
    parts[1_200] = f"CRASH-ONCE {PLEDGE}\n\n"
    (folder / "big.txt").write_text("".join(parts))
    (folder / "small.txt").write_text(f"{PLEDGE}\n")
    run_batch(options(tmp_path, [folder], output=tmp_path / "one.jsonl", workers=1, chunk_chars=10_000))
    monkeypatch.setenv("PLEDGEWATCH_FAKE_CRASH_ONCE", str(tmp_path / "crashed"))
    monkeypatch.setenv("PLEDGEWATCH_FAKE_DELAY", "0.005")
    summary = run_batch(options(tmp_path, [folder], output=tmp_path / "two.jsonl", workers=2, chunk_chars=10_000))
    assert (tmp_path / "crashed").exists() and summary.exit_code == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert [line["records"] for line in read_jsonl(tmp_path / "two.manifest.jsonl")] == [1_500, 1]


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_meta_file_sets_id_date_and_source(tmp_path, kind):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PLEDGE)
    (folder / "b.md").write_text(f"---\ndate: 2020-01-01\n---\n{PLEDGE}\n")
    meta = tmp_path / f"meta.{kind}"
    rows = [{"path": "in/a.txt", "doc_id": "A-1", "doc_date": "2024-05-06", "source": "https://example.org/a"},
            {"path": str(folder / "b.md"), "doc_id": "B-2", "doc_date": "", "source": ""}]
    if kind == "csv":
        meta.write_text("path,doc_id,doc_date,source\n" + "".join(",".join(r.values()) + "\n" for r in rows))
    else:
        meta.write_text("".join(json.dumps(r) + "\n" for r in rows))
    run_batch(options(tmp_path, [folder], meta=meta))
    records = {r["doc_id"]: r for r in read_jsonl(tmp_path / "out.jsonl")}
    assert records["A-1"]["doc_date"] == "2024-05-06"
    assert records["B-2"]["doc_date"] == "2020-01-01"  # no date in --meta: the file's own


def test_meta_errors_name_file_and_line(tmp_path):
    (tmp_path / "in").mkdir()
    meta = tmp_path / "meta.jsonl"
    meta.write_text('{"path": "a.txt"}\n{"path": "b.txt", "doc_dat": "2024-01-01"}\n')
    with pytest.raises(BatchUsageError, match=r"meta.jsonl:2: doc_dat: Extra inputs"):
        run_batch(options(tmp_path, [tmp_path / "in"], meta=meta))
    meta.write_text('{"path": "a.txt", "doc_date": "5 March"}\n')
    with pytest.raises(BatchUsageError, match=r"meta.jsonl:1: doc_date"):
        run_batch(options(tmp_path, [tmp_path / "in"], meta=meta))


def _many_files(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        lines = [f"Statement {i}: {PLEDGE}" if j % 2 == 0 else FILLER for j in range(i % 5 + 1)]
        (folder / f"doc{i:03d}.txt").write_text("\n".join(lines) + "\n")


def _batch_subprocess(tmp_path: Path, folder: Path, out: Path, *flags: str, delay: str = "0") -> subprocess.Popen:
    code = (
        "import sys; from pathlib import Path; from pledgewatch.io.batch import BatchOptions, run_batch; "
        "from test_batch import fake_extractor; "
        f"s = run_batch(BatchOptions(inputs=[Path({str(folder)!r})], output=Path({str(out)!r}), workers=1, "
        f"quiet=True, resume={'--resume' in flags}, extractor_factory=fake_extractor)); sys.exit(s.exit_code)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(pledgewatch.__file__).parent.parent), str(HERE)]), "PLEDGEWATCH_FAKE_DELAY": delay}
    return subprocess.Popen([sys.executable, "-c", code], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sigkill_then_resume_matches_uninterrupted_run_byte_for_byte(tmp_path):
    folder = tmp_path / "in"
    _many_files(folder, 120)
    reference = tmp_path / "reference.jsonl"
    assert _batch_subprocess(tmp_path, folder, reference).wait(60) == 0

    killed = tmp_path / "killed.jsonl"
    manifest = tmp_path / "killed.manifest.jsonl"
    process = _batch_subprocess(tmp_path, folder, killed, delay="0.02")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not manifest.exists() or manifest.read_bytes().count(b"\n") < 30):
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    done = manifest.read_bytes().count(b"\n")
    assert 30 <= done < 120, "the kill should land mid-run"
    for path in (killed, manifest):
        for line in path.read_bytes().split(b"\n")[:-1]:
            json.loads(line)  # every complete line is valid

    assert _batch_subprocess(tmp_path, folder, killed, "--resume").wait(60) == 0
    assert killed.read_bytes() == reference.read_bytes()
    resumed = read_jsonl(manifest)
    assert [line["path"] for line in resumed] == [line["path"] for line in read_jsonl(tmp_path / "reference.manifest.jsonl")]


def test_resume_drops_half_written_lines(tmp_path):
    folder = tmp_path / "in"
    _many_files(folder, 10)
    reference = tmp_path / "reference.jsonl"
    run_batch(options(tmp_path, [folder], output=reference))
    out, manifest = tmp_path / "out.jsonl", tmp_path / "out.manifest.jsonl"
    run_batch(options(tmp_path, [folder]))
    manifest_lines = manifest.read_bytes().splitlines(keepends=True)
    kept = manifest_lines[:4]
    records_kept = sum(json.loads(line)["records"] for line in kept)
    out_lines = out.read_bytes().splitlines(keepends=True)
    # a crash after doc 5's records were written but before its manifest line, mid-way through doc 6
    manifest.write_bytes(b"".join(kept) + manifest_lines[4][:20])
    out.write_bytes(b"".join(out_lines[: records_kept + 3]) + out_lines[records_kept + 3][:15])
    run_batch(options(tmp_path, [folder], resume=True))
    assert out.read_bytes() == reference.read_bytes()
    assert len(read_jsonl(manifest)) == 10


def test_workers_one_and_two_give_identical_output_and_share_a_long_document(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _many_files(folder, 40)
    paragraph = f"{PLEDGE}\n{FILLER}\n\n"
    (folder / "doc020-big.txt").write_text("".join(f"Part {i}. {paragraph}" for i in range(2_000)))
    log = tmp_path / "log"
    log.mkdir()
    monkeypatch.setenv("PLEDGEWATCH_FAKE_LOG", str(log))
    monkeypatch.setenv("PLEDGEWATCH_FAKE_DELAY", "0.03")
    run_batch(options(tmp_path, [folder], output=tmp_path / "one.jsonl", workers=1, chunk_chars=10_000))
    run_batch(options(tmp_path, [folder], output=tmp_path / "two.jsonl", workers=2, chunk_chars=10_000))
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    one = [{k: v for k, v in line.items() if k != "seconds"} for line in read_jsonl(tmp_path / "one.manifest.jsonl")]
    two = [{k: v for k, v in line.items() if k != "seconds"} for line in read_jsonl(tmp_path / "two.manifest.jsonl")]
    assert one == two and len(one) == 41 and one[20]["doc_id"] == "doc020-big.txt"

    records = read_jsonl(tmp_path / "two.jsonl")
    big = [r for r in records if r["doc_id"] == "doc020-big.txt"]
    assert [r["id"] for r in big] == [f"doc020-big.txt:{n}" for n in range(1, 2_001)]
    text = (folder / "doc020-big.txt").read_text()
    assert all(text[r["span"]["start"] : r["span"]["end"]] == r["span"]["text"] == f"Part {n}. {PLEDGE}"
               for n, r in enumerate(big))
    workers = [p for p in log.iterdir() if p.name != str(os.getpid()) and "doc020-big.txt" in p.read_text()]
    assert len(workers) == 2, "both workers parse chunks of the long document"


def test_progress_lines_when_not_a_terminal(tmp_path, capsys):
    import io

    folder = tmp_path / "in"
    _many_files(folder, 5)
    stream = io.StringIO()
    run_batch(options(tmp_path, [folder], quiet=False, progress_interval=0.0), stderr=stream)
    text = stream.getvalue()
    assert "pledgewatch batch: 1/5 files" in text
    assert "5 files (5 ok, 0 empty, 0 skipped, 0 error)" in text
    assert capsys.readouterr().out == ""


def test_cli_usage_errors_exit_2(tmp_path):
    from click.testing import CliRunner

    from pledgewatch.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "x"}\n')
    runner = CliRunner()
    result = runner.invoke(cli, ["batch", str(folder), "-o", str(out)])
    assert result.exit_code == 2 and "--overwrite" in result.stderr and result.stdout == ""
    result = runner.invoke(cli, ["batch", str(folder), "-o", str(out), "--resume", "--overwrite"])
    assert result.exit_code == 2 and "contradict" in result.stderr
    result = runner.invoke(cli, ["batch", str(tmp_path / "missing"), "-o", str(out)])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["batch", str(folder), "-o", str(tmp_path / "new.jsonl"), "--doc-date", "May 5"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr
    assert runner.invoke(cli, ["batch", "--help"]).exit_code == 0


@pytest.fixture(scope="session")
def corpus_folder(tmp_path_factory) -> Path:
    """Six real corpus documents (two of them as .md and .html) and the issue's bad inputs' good files."""
    folder = tmp_path_factory.mktemp("corpus")
    docs = sorted((HERE.parent / "corpus" / "docs").rglob("*.txt"))[:4]
    for doc in docs:
        (folder / doc.name).write_text(doc.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "utf16.txt").write_bytes(f"{PLEDGE}\n".encode("utf-16"))
    (folder / "page.html").write_text(f"<html><head><title>T</title></head><body><article><p>{PLEDGE}</p>"
                                      f"<p>{FILLER}</p></article></body></html>")
    return folder


@pytest.mark.model
def test_real_pipeline_one_and_two_workers_identical(tmp_path, corpus_folder):
    # 800-character chunks: with two workers the longer documents are split over both (chunk tasks),
    # with one they are parsed chunk after chunk in one process; the records must not differ.
    texts = [p.read_text(encoding="utf-8") for p in corpus_folder.glob("0*.txt")]
    assert any(len(chunk_spans(text, 800)) >= SPLIT_MIN_CHUNKS for text in texts)
    one = options(tmp_path, [corpus_folder], output=tmp_path / "one.jsonl", workers=1, save_text=tmp_path / "text",
                  extractor_factory=BatchOptions.extractor_factory, chunk_chars=800)
    assert run_batch(one).exit_code == 0
    two = options(tmp_path, [corpus_folder], output=tmp_path / "two.jsonl", workers=2, chunk_chars=800,
                  extractor_factory=BatchOptions.extractor_factory)
    assert run_batch(two).exit_code == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    records = read_jsonl(tmp_path / "one.jsonl")
    assert len({r["doc_id"] for r in records}) >= 4
    for record in records:
        text = (tmp_path / "text" / (record["doc_id"] + ".txt")).read_text(encoding="utf-8")
        for span in [record["span"], record["actor"], record["deadline"], *record["quantities"], *record["flags"]]:
            if span:
                assert text[span["start"] : span["end"]] == span["text"]
    pledge = [r for r in records if r["doc_id"] in ("utf16.txt", "page.html")]
    assert [r["doc_id"] for r in pledge] == ["page.html", "utf16.txt"]
    assert all(r["actor"]["text"] == "The Ministry of Education" and r["deadline"]["text"].endswith("December 2026")
               for r in pledge)


@pytest.mark.model
def test_real_pipeline_chunked_equals_whole_on_a_long_document(tmp_path, corpus_folder):
    long_doc = sorted(corpus_folder.glob("*.txt"), key=lambda p: p.stat().st_size)[-1]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / long_doc.name).write_text(long_doc.read_text(encoding="utf-8"), encoding="utf-8")
    size = long_doc.stat().st_size
    whole = options(tmp_path, [folder], output=tmp_path / "whole.jsonl", chunk_chars=size + 1,
                    extractor_factory=BatchOptions.extractor_factory)
    chunked = options(tmp_path, [folder], output=tmp_path / "chunked.jsonl", chunk_chars=max(600, size // 4),
                      extractor_factory=BatchOptions.extractor_factory)
    run_batch(whole)
    run_batch(chunked)
    def spans(name):
        return [(r["id"], r["span"]["start"], r["span"]["text"], (r["actor"] or {}).get("start"),
                 (r["deadline"] or {}).get("value")) for r in read_jsonl(tmp_path / name)]

    assert spans("chunked.jsonl") == spans("whole.jsonl") and spans("whole.jsonl")
