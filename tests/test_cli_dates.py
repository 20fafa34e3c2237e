"""`pledgewatch dates`: JSONL of time expressions on stdout, errors on stderr."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pledgewatch.cli import cli


def rows(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_dates_from_dateline(tmp_path):
    doc = tmp_path / "wire.txt"
    doc.write_text("WASHINGTON, Sept. 25, 2025 (Reuters) - Tariffs will fall within 90 days.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(doc)])
    assert result.exit_code == 0, result.stderr
    assert rows(result.stdout) == [
        {"doc_id": "wire", "start": 12, "end": 26, "text": "Sept. 25, 2025", "type": "DATE",
         "value": "2025-09-25", "resolved": "2025-09-25"},
        {"doc_id": "wire", "start": 64, "end": 71, "text": "90 days", "type": "DURATION",
         "value": "P90D", "resolved": "2025-12-24"},
    ]


def test_doc_date_and_day_first_options(tmp_path):
    doc = tmp_path / "memo.txt"
    doc.write_text("The review ends 03/02/2026 and again next year, as soon as possible.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", "--doc-date", "2025-11-01", "--day-first", str(doc)])
    assert result.exit_code == 0
    got = {r["text"]: (r["type"], r["value"]) for r in rows(result.stdout)}
    assert got == {"03/02/2026": ("DATE", "2026-02-03"), "next year": ("DATE", "2026"),
                   "as soon as possible": ("DATE", None)}


def test_no_doc_date_leaves_relative_unresolved():
    result = CliRunner().invoke(cli, ["dates", "-"], input="They will meet next year.")
    assert result.exit_code == 0
    assert rows(result.stdout) == [{"doc_id": "stdin", "start": 15, "end": 24, "text": "next year",
                                    "type": "DATE", "value": None, "resolved": None}]


def test_missing_file_is_reported_on_stderr(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("by 10 November 2026", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(tmp_path / "missing.txt"), str(good)])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert rows(result.stdout)[0]["value"] == "2026-11-10"


def test_bad_doc_date_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["dates", "--doc-date", "1/11/2025", "-"], input="x")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr
