"""The time grammar on its own: forms, values, resolution, vague times and document dates (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from pledgewatch.temporal import (
    _alternation,
    TimeRulesError, add_duration, detect_doc_date, is_vague, load_time_rules, records, tag, timex3_value,
)

DOC = date(2025, 11, 1)  # a Saturday


def one(text: str, doc_date=DOC, **kwargs):
    found = tag(text, doc_date, **kwargs)
    assert found, f"nothing tagged in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    "text, span, typ, value",
    [
        ("The tariffs end on Nov. 10, 2026.", "Nov. 10, 2026", "DATE", "2026-11-10"),
        ("It ends on 10 November 2026.", "10 November 2026", "DATE", "2026-11-10"),
        ("Deadline: 2026-11-10.", "2026-11-10", "DATE", "2026-11-10"),
        ("Filed 11/10/2026 in court.", "11/10/2026", "DATE", "2026-11-10"),
        ("Due 25/12/2026 at noon.", "25/12/2026", "DATE", "2026-12-25"),
        ("Due 10.11.2026 here.", "10.11.2026", "DATE", "2026-11-10"),
        ("by November 2026", "November 2026", "DATE", "2026-11"),
        ("in 2030", "2030", "DATE", "2030"),
        ("by Q3 2026", "Q3 2026", "DATE", "2026-Q3"),
        ("in the first half of 2027", "the first half of 2027", "DATE", "2027-H1"),
        ("in H2 2026", "H2 2026", "DATE", "2026-H2"),
        ("in fiscal 1998", "fiscal 1998", "DATE", "1998"),
        ("in FY2026", "FY2026", "DATE", "2026"),
        ("by summer 2026", "summer 2026", "DATE", "2026-SU"),
        ("by the end of 2026", "the end of 2026", "DATE", "2026"),
        # "beginning" before a full date starts it: the date, not the beginning of its month
        ("for one year, beginning June 1, 2027", "one year", "DURATION", "P1Y"),
        ("beginning June 1, 2027, fees fall", "June 1, 2027", "DATE", "2027-06-01"),
        ("by end June 2027", "end June 2027", "DATE", "2027-06"),
        ("by the end of the year", "the end of the year", "DATE", "2025"),
        ("by year-end", "year-end", "DATE", "2025"),
        ("by the end of this decade", "the end of this decade", "DATE", "202"),
        ("in the 2020s", "the 2020s", "DATE", "202"),
        ("in the 1990s", "the 1990s", "DATE", "199"),
        ("in the third quarter", "the third quarter", "DATE", "2025-Q3"),
        ("third-quarter profit", "third-quarter", "DATE", "2025-Q3"),
        ("in the March quarter of 2027", "the March quarter of 2027", "DATE", "2027-Q1"),
        ("in the September quarter", "the September quarter", "DATE", "2025-Q3"),
        ("within the first year of the term", "the first year", "DURATION", "P1Y"),
        ("next year", "next year", "DATE", "2026"),
        ("last year", "last year", "DATE", "2024"),
        ("this week", "this week", "DATE", "2025-W44"),
        ("last month", "last month", "DATE", "2025-10"),
        ("it fell yesterday", "yesterday", "DATE", "2025-10-31"),
        ("it opens today", "today", "DATE", "2025-11-01"),
        ("two years ago", "two years ago", "DATE", "2023"),
        ("early next year", "early next year", "DATE", "2026"),
        ("mid-1996", "mid-1996", "DATE", "1996"),
        ("the year two thousand", "the year two thousand", "DATE", "2000"),
        ("nineteen ninety-six", "nineteen ninety-six", "DATE", "1996"),
        ("at 5 p.m. EST Nov. 9", "5 p.m. EST Nov. 9", "TIME", "2025-11-09T17:00"),
        ("for one year", "one year", "DURATION", "P1Y"),
        ("within 90 days", "90 days", "DURATION", "P90D"),
        ("for an initial 90 days", "an initial 90 days", "DURATION", "P90D"),
        ("for an additional year", "an additional year", "DURATION", "P1Y"),
        ("over the next five years", "the next five years", "DURATION", "P5Y"),
        ("in two years' time", "two years' time", "DURATION", "P2Y"),
        ("a five-year plan", "five-year", "DURATION", "P5Y"),
        ("for 2 1/2 years", "2 1/2 years", "DURATION", "P2Y6M"),
        ("for nearly two weeks", "nearly two weeks", "DURATION", "P2W"),
        ("the nine months", "the nine months", "DURATION", "P9M"),
        ("for years", "years", "DURATION", "PXY"),
        ("reviewed annually", "annually", "SET", "P1Y"),
        ("twice a year", "twice a year", "SET", "P1Y"),
        ("every Thursday", "every Thursday", "SET", "XXXX-WXX-4"),
        ("paid quarterly.", "quarterly", "SET", "P3M"),
        ("$5 million a year", "a year", "SET", "P1Y"),
        ("from four to seven flights a week", "a week", "SET", "P1W"),  # a count in words is a rate too
        ("is now open", "now", "DATE", "PRESENT_REF"),
        ("currently holds", "currently", "DATE", "PRESENT_REF"),
        ("recently agreed", "recently", "DATE", "PAST_REF"),
        ("in recent years", "recent years", "DATE", "PAST_REF"),
        ("in the future", "the future", "DATE", "FUTURE_REF"),
        ("before the end of this calendar year", "the end of this calendar year", "DATE", "2025"),
        ("treat 90,000 acres by the end of the federal fiscal year", "the federal fiscal year", "DATE", "2025"),
    ],
)
def test_forms_and_values(text, span, typ, value):
    te = one(text)
    assert (te.text, te.type, te.value) == (span, typ, value)
    assert text[te.start:te.end] == te.text


@pytest.mark.parametrize(
    "text",
    ["as soon as possible", "in due course", "soon", "immediately", "in the near future", "expeditiously",
     "without delay"],
)
def test_vague_times_keep_text_without_value(text):
    te = one(f"The parties will act {text}.")
    assert te.value is None and te.resolved is None and is_vague(te)
    assert text.endswith(te.text)


def test_timex3_value_of_vague_times():
    assert timex3_value(one("They will meet soon.")) == "FUTURE_REF"
    assert timex3_value(one("They will act immediately.")) is None


def test_day_first_switch():
    assert one("on 03/02/2026").value == "2026-03-02"
    assert one("on 03/02/2026", day_first=True).value == "2026-02-03"


def test_relative_values_need_a_document_date():
    assert one("next year", None).value is None
    assert one("Friday", None).value == "XXXX-WXX-5"
    assert one("Sept. 30", None).value == "XXXX-09-30"
    assert one("for one year", None).value == "P1Y"
    assert one("by 10 November 2026", None).resolved == "2026-11-10"


@pytest.mark.parametrize(
    "text, resolved",
    [
        ("will cut tariffs within 90 days", "2026-01-30"),
        ("in two years' time", "2027-11-01"),
        ("by the end of next year", "2026-12-31"),
        ("by Q3 2026", "2026-09-30"),
        ("by the beginning of 2027", "2027-01-01"),
        ("for one year", None),
    ],
)
def test_resolved(text, resolved):
    assert one(text).resolved == resolved


def test_weekday_and_month_follow_tense():
    assert one("The talks ended Friday.").value == "2025-10-31"
    assert one("The ministers will meet Friday.").value == "2025-11-07"
    assert one("It will take effect on Jan. 3.").value == "2026-01-03"


def test_not_time_expressions():
    assert tag("Theresa May may march on.", DOC) == []
    assert tag("He is 52 years old.", DOC) == []
    assert "PT1S" not in [t.value for t in tag("The city will open a second 24-hour care home.", DOC)]
    assert [t.value for t in tag("It lasted a second.", DOC)] == ["PT1S"]
    assert tag("about three-quarters of its food", DOC) == []
    assert tag("as soon as the threats end", DOC) == []


def test_reference_dates_are_still_tagged():
    found = tag("the export controls announced on October 9 and the 2030 Agenda", DOC)
    assert [te.value for te in found] == ["2025-10-09", "2030"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Joint Statement\nNovember 1, 2025\n\nThe two sides agreed...", date(2025, 11, 1)),
        ("Geneva, 1 November 2025\n\nText", date(2025, 11, 1)),
        ("Date: 2025-11-01\nSubject: trade", date(2025, 11, 1)),
        ("Issued: 03/02/2026\nBody", date(2026, 3, 2)),
        # a web page's "Last updated" label, also after a separator on a byline
        ("# Pledge Tracker\n\n**Maintained by Coastline Watch** | Last updated: 3 March 2027\n\nWe follow ...",
         date(2027, 3, 3)),
        ("Title\n\nBy Jane Doe | Updated 4 May 2026, 10:31\n\nText", date(2026, 5, 4)),
        # a sentence that opens with the word is no label
        ("Title\n\nUpdated guidance will be issued on 5 May 2026 to all firms.\n\nText", None),
        ("---\ntitle: Statement\ndate: 2025-11-01\n---\n# Statement\n", date(2025, 11, 1)),
        ("WASHINGTON, Sept. 25, 2025 (Reuters) - The United States said...", date(2025, 9, 25)),
        ("Trade news 2025\nWASHINGTON, Sept. 25 (Reuters) - The United States said...", date(2025, 9, 25)),
        ("WASHINGTON, Sept. 25 (Reuters) - The United States said...", None),
        ("ADB Approves Loan\n\nMANILA, PHILIPPINES (3 December 2026) — The Asian Development Bank has approved ...",
         date(2026, 12, 3)),
        # a year in the story under a yearless dateline is no year of the dateline
        ("Truce extended\nGENEVA, Feb. 9 (Reuters) - The camps agreed to extend the truce.\n\nThe 2020 ceasefire "
         "has held since then.\n", None),
        # ... also where the story runs on in the dateline's own line
        ("Truce extended\nOTTAWA, July 14 (Reuters) - The two sides extended the truce until Jan. 31, 2027.\n", None),
        ("The ministers will meet on November 1, 2025, and then again in a long sentence of prose.", None),
        ("No date here at all.", None),
        # a title-case place before the date, the story running on in the same line
        ("Partnership secures USD 2.4 billion\n\nMadrid, 9 June 2026 — Governments and philanthropies pledged ...",
         date(2026, 6, 9)),
        ("Joint Press Release\n\nMaputo, 20 June 2025 - On World Refugee Day, the Government ...", date(2025, 6, 20)),
        # a title that ends with its event's day; not a title that ends with a reference date
        ("Foreign Ministry Spokesperson's Regular Press Conference on November 4, 2025\n\nQ: Could you ...",
         date(2025, 11, 4)),
        ("Statement on the implementation of the ceasefire agreed on 9 October 2025\n\nThe Ministry ...", None),
        # a title with its date in brackets; not brackets that hold anything else
        ("Transcript of Weekly Media Briefing by the Official Spokesperson (March 11, 2027)\n\nMinistry of External "
         "Affairs, New Delhi\n\nOfficial Spokesperson: Good afternoon.", date(2027, 3, 11)),
        ("Report on the floods (2019-2021)\n\nThe floods displaced ...", None),
    ],
)
def test_detect_doc_date(text, expected):
    assert detect_doc_date(text) == expected


def test_detect_doc_date_day_first():
    assert detect_doc_date("Issued: 03/02/2026\n", day_first=True) == date(2026, 2, 3)


def test_only_the_header_is_read():
    body = "\n".join(f"Paragraph {i} of prose." for i in range(30))
    assert detect_doc_date(body + "\nNovember 1, 2025\n") is None


def test_records_rows():
    rows = records("WASHINGTON, Sept. 25, 2025 (Reuters) - Cuts within 90 days.", doc_id="d1")
    assert rows[-1] == {"doc_id": "d1", "start": 51, "end": 58, "text": "90 days", "type": "DURATION",
                        "value": "P90D", "resolved": "2025-12-24"}


def test_add_duration():
    assert add_duration(date(2025, 11, 1), "P1Y6M") == date(2027, 5, 1)
    assert add_duration(date(2025, 1, 31), "P1M") == date(2025, 2, 28)
    assert add_duration(date(2025, 1, 1), "PXY") is None


def test_rule_file_errors_name_the_problem(tmp_path):
    rules = load_time_rules().model_dump()
    rules["rules"][0]["typo"] = 1
    with pytest.raises(TimeRulesError, match="typo"):
        load_time_rules(rules)
    (tmp_path / "time_expressions.json").write_text("{ not json")
    with pytest.raises(TimeRulesError, match="time_expressions.json:1"):
        load_time_rules(tmp_path)


@pytest.mark.parametrize(
    "text, value",
    [
        # a quarter named without a year after the document date's quarter: this year's when the sentence looks
        # ahead (a deadline, a commissive "agreed to"), last year's in narration
        ("The leaders agreed to convene the committee before the end of the third quarter.", "2026-Q3"),
        ("The committee will meet by the end of the third quarter.", "2026-Q3"),
        ("Exports fell sharply at the end of the third quarter.", "2025-Q3"),
        ("Exports fell sharply in the third quarter.", "2025-Q3"),
    ],
)
def test_quarter_year_follows_the_sentence(text, value):
    assert one(text, date(2026, 2, 17)).value == value


@pytest.mark.parametrize("words", [
    ["month", "months", "mo", "monday", "mid", "midyear", "mid-year"],
    ["end of", "end", "end of the year", "ends", "the end"],
    ["Jan", "January", "jan.", "june", "jun"],
])
def test_trie_alternation_prefers_what_a_longest_first_alternation_prefers(words):
    import re

    flat = "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)) + ")"
    text = " ".join(words) + " monthly mid  year the end  of the year Months JANUARY end-of ends."
    for tail in ("", r"\b", r"(?:\s+\w+)?"):
        ours = [m.span() for m in re.finditer(_alternation(words) + tail, text, re.IGNORECASE)]
        theirs = [m.span() for m in re.finditer(flat + tail, text, re.IGNORECASE)]
        assert ours == theirs
    assert re.fullmatch(_alternation([]), "") is None
