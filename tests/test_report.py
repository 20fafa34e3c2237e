"""``pledgewatch report``: per-group numbers and quotes, every format, and the fact-sheet contrast."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from pledgewatch.cli import cli
from pledgewatch.records import CommitmentRecord
from pledgewatch.report import CSV_COLUMNS, ReportError, format_report, read_records, summarize

FACT_SHEET = """FACT SHEET: The United States and China Reach an Arrangement on Trade
November 1, 2025

The United States will reduce the tariff on imports of Chinese fentanyl precursors from 20 percent to 10 percent by November 10, 2025.
The United States will suspend the reciprocal tariff of 34 percent on Chinese goods until November 10, 2026.
The United States will publish a list of the 40 exempted products in the Federal Register by December 1, 2025.
China will take significant measures to curb the flow of fentanyl precursors.
China will enhance cooperation with the United States on export controls as appropriate.
China will strive to purchase more American agricultural products.
"""


def record(n: int, actor: str | None, label: str, score: float, *, time_bound: bool = False, flags=(),
           strength: str = "firm", text: str = "will do a thing", doc_id: str = "doc", doc_date: str | None = "2025-11-01",
           deadline: str | None = None) -> CommitmentRecord:
    """A hand-made record (offsets index a notional text; the report never reads the document)."""
    return CommitmentRecord.model_validate({
        "id": f"{doc_id}:{n}", "doc_id": doc_id, "doc_date": doc_date, "sentence": text + ".",
        "span": {"start": 0, "end": len(text), "text": text},
        "actor": {"start": 0, "end": len(actor), "text": actor, "canonical": actor} if actor else None,
        "action": {"verb": "do", "text": text}, "polarity": "positive", "strength": strength,
        "deadline": {"start": 0, "end": len(deadline), "text": deadline, "relation": "by", "value": "2026"} if deadline else None,
        "time_bound": time_bound,
        "flags": [{"code": code, "text": "x", "start": 0, "end": 1, "rule": "r"} for code in flags],
        "specificity": {"score": score, "label": label},
    })


@pytest.fixture()
def records():
    return [
        record(1, "United States", "specific", 1.0, time_bound=True, deadline="by 2026",
               text="The United States will cut the tariff to 10 percent by 2026"),
        record(2, "United States", "partial", 0.75, flags=["NO_DEADLINE"], text="The United States will cancel the order"),
        record(3, "China", "vague", 0.2, flags=["NO_DEADLINE", "VAGUE_ACTION", "UNQUANTIFIED"], strength="soft",
               text="China will take significant measures", doc_id="other", doc_date=None),
        record(4, "China", "vague", 0.4, flags=["NO_DEADLINE", "VAGUE_ACTION"], text="China will enhance cooperation"),
        record(5, None, "partial", 0.6, flags=["NO_DEADLINE"], text="Someone will do something concrete"),
    ]


def test_summarize_by_actor_counts_and_quotes(records):
    groups = {g.key: g for g in summarize(records, by="actor")}
    us, china = groups["United States"], groups["China"]
    assert (us.commitments, us.firm, us.soft, us.time_bound) == (2, 2, 0, 1)
    assert (us.specific, us.partial, us.vague, us.time_bound_share) == (1, 1, 0, 0.5)
    assert (china.commitments, china.firm, china.soft, china.vague, china.share(china.vague)) == (2, 1, 1, 2, 1.0)
    assert china.top_flags[:2] == [("NO_DEADLINE", 2), ("VAGUE_ACTION", 2)]
    assert us.most_concrete.id == "doc:1" and us.vaguest.id == "doc:2"
    assert china.vaguest.text == "China will take significant measures" and china.most_concrete.id == "doc:4"
    assert list(groups)[-1] == "(no actor)", "the unknown group comes last"


def test_summarize_by_document_date_and_flag(records):
    assert {g.key: g.commitments for g in summarize(records, by="document")} == {"doc": 4, "other": 1}
    assert {g.key: g.commitments for g in summarize(records, by="date")} == {"2025-11-01": 4, "(undated)": 1}
    by_flag = {g.key: g.commitments for g in summarize(records, by="flag")}
    assert by_flag == {"NO_DEADLINE": 4, "VAGUE_ACTION": 2, "UNQUANTIFIED": 1, "(no flags)": 1}
    with pytest.raises(ValueError, match="cannot group by"):
        summarize(records, by="colour")


def test_csv_loads_in_pandas_with_numeric_columns(records):
    pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install pandas to run this check)")
    frame = pd.read_csv(io.StringIO(format_report(summarize(records), fmt="csv")))
    assert list(frame.columns) == ["actor", *CSV_COLUMNS]
    for column in ("commitments", "firm", "soft", "time_bound", "specific", "partial", "vague"):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    for column in ("firm_share", "time_bound_share", "specific_share", "partial_share", "vague_share", "mean_score",
                   "most_concrete_score", "vaguest_score"):
        assert pd.api.types.is_float_dtype(frame[column]), column
    china = frame.set_index("actor").loc["China"]
    assert china["vague_share"] == 1.0 and china["commitments"] == 2


def test_json_markdown_table_and_html(records):
    groups = summarize(records)
    data = json.loads(format_report(groups, fmt="json"))
    by_key = {g["key"]: g for g in data["groups"]}
    assert data["by"] == "actor" and [g["key"] for g in data["groups"]] == ["China", "United States", "(no actor)"]
    assert by_key["China"]["vague_share"] == 1.0 and by_key["China"]["top_flags"][0] == {"code": "NO_DEADLINE", "count": 2}
    markdown = format_report(groups, fmt="markdown")
    assert "| United States | 2 | 2/2 | 50% | 50% | 50% | 0% |" in markdown and "## China" in markdown
    table = format_report(groups, fmt="table")
    assert "United States" in table and "vaguest" in table and "China will take significant measures" in table
    page = format_report(groups, fmt="html")
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") == 3
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_read_records_names_the_bad_line(tmp_path, records):
    good = tmp_path / "r.jsonl"
    good.write_text("\n".join(r.model_dump_json() for r in records) + "\n\n", encoding="utf-8")
    assert len(read_records([good])) == 5
    bad = tmp_path / "bad.jsonl"
    bad.write_text(records[0].model_dump_json() + '\n{"id": 1}\n', encoding="utf-8")
    with pytest.raises(ReportError, match=r"bad\.jsonl:2: not a commitment record"):
        read_records([bad])


def test_cli_report_formats_and_errors(tmp_path, records):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(r.model_dump_json() for r in records) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["report", str(path), "--by", "document", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("document,commitments,") and result.stderr == ""
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["report", str(path), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == "" and "wrote" in result.stderr
    assert "<svg" in out.read_text(encoding="utf-8")
    result = runner.invoke(cli, ["report", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "no such file" in result.stderr
    assert "Traceback" not in result.output


def test_fact_sheet_report_shows_the_contrast(nlp):
    """One side dated and concrete, the other vague: the numbers and the quotes say so."""
    from pledgewatch import extract

    records = extract(FACT_SHEET, doc_id="fact-sheet", doc_date="2025-11-01", nlp=nlp)
    groups = {g.key: g for g in summarize(records, by="actor")}
    us, china = groups["United States"], groups["China"]
    assert us.commitments == 3 and china.commitments == 3
    assert us.time_bound_share == 1.0 and china.time_bound_share == 0.0
    assert us.share(us.specific) >= 2 / 3 and us.vague == 0
    assert china.share(china.vague) >= 2 / 3 and china.specific == 0
    assert us.mean_score - china.mean_score >= 0.4
    assert us.most_concrete.deadline is not None and us.most_concrete.text.startswith("The United States will")
    assert any(phrase in china.vaguest.text for phrase in ("significant measures", "enhance cooperation", "more American"))
    assert "NO_DEADLINE" in dict(china.top_flags)
    markdown = format_report(list(groups.values()), fmt="markdown")
    assert "| United States | 3 | 3/3 | 100% |" in markdown
    assert "| China | 3 |" in markdown and "**Vaguest**" in markdown


@pytest.fixture(scope="session")
def nlp():
    import pledgewatch

    return pledgewatch.load()
