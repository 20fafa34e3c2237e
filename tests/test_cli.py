"""The command line: stdout carries only JSONL, errors are one line on stderr with a non-zero exit."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pledgewatch.cli import cli

TEXT = "The European Union will cut tariffs on apples by 50 percent by 1 January 2027.\n"


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(autouse=True)
def _shared_pipeline(nlp, monkeypatch):
    monkeypatch.setattr("pledgewatch.nlp.load", lambda model=None, **kw: nlp)


def test_every_command_has_help(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and len(command.help) > 40, name


def test_extract_writes_jsonl_only(runner, tmp_path):
    doc = tmp_path / "eu.txt"
    doc.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(doc)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["doc_id"] == "eu" and record["actor"]["canonical"] == "European Union"
    assert record["deadline"]["value"] == "2027-01-01"


def test_extract_stdin_and_options(runner):
    result = runner.invoke(cli, ["extract", "-", "--doc-id", "wire", "--doc-date", "2026-01-05", "--format", "json"], input=TEXT)
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert records[0]["id"] == "wire:1" and records[0]["doc_date"] == "2026-01-05"


def test_extract_table(runner):
    result = runner.invoke(cli, ["extract", "-", "--format", "table"], input=TEXT)
    assert result.exit_code == 0
    assert "European Union" in result.stdout


@pytest.mark.parametrize(
    "make, cause",
    [
        (lambda d: d / "missing.txt", "not found"),
        (lambda d: d, "directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "binary.txt", bytes(range(256)) * 20), "not text"),
    ],
)
def test_bad_inputs_fail_on_one_line(runner, tmp_path, make, cause):
    path = make(tmp_path)
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and cause in lines[0].lower()
    assert "Traceback" not in result.stderr


def test_one_bad_file_does_not_stop_the_others(runner, tmp_path):
    good = _write(tmp_path / "good.txt", TEXT.encode())
    result = runner.invoke(cli, ["extract", str(tmp_path / "nope.txt"), str(good)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1


def test_bad_date_is_a_usage_error(runner):
    result = runner.invoke(cli, ["extract", "-", "--doc-date", "yesterday"], input=TEXT)
    assert result.exit_code == 2


def test_schema_command(runner):
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert "span" in json.loads(result.stdout)["properties"]


def test_missing_model_names_what_to_install(runner, monkeypatch):
    monkeypatch.undo()
    result = runner.invoke(cli, ["extract", "-", "--model", "no_such_model_xyz"], input=TEXT)
    assert result.exit_code == 2
    assert "pip install" in result.stderr and "Traceback" not in result.stderr


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
