"""The parser's view of a text: marks dropped, wrapped lines joined, space runs cut; records still quote the text."""

from __future__ import annotations

import pytest

from pledgewatch import extract
from pledgewatch.io.view import parse_view


@pytest.mark.parametrize(
    "text, view",
    [
        ("Peru will  accept  vehicles.", "Peru will accept vehicles."),
        ("Peru will\taccept vehicles.", "Peru will accept vehicles."),
        ("by June\u00a030, 2026", "by June 30, 2026"),
        ("Peru will *accept*   vehicles.", "Peru will accept vehicles."),
        ("  indented first line\n    and an indented second", "  indented first line\n    and an indented second"),
    ],
)
def test_the_view(text, view):
    got, origin = parse_view(text)
    assert got == view
    if origin is None:
        assert len(got) == len(text)
    else:
        assert len(origin) == len(got) + 1 and origin[-1] == len(text)
        assert all(text[origin[i]] == got[i] or got[i] == " " and text[origin[i]].isspace() for i in range(len(got)))


HANGING = (
    "The Government of Peru will take the following actions under the Agreement on Reciprocal Trade:\n\n"
    "- Peru will eliminate tariffs on 97 percent of United States industrial goods\n"
    "  exports within 30 days of the entry into force of the Agreement, including\n"
    "  machinery, medical devices and passenger vehicles and their parts.\n"
    "- Peru will accept vehicles built to U.S. Federal Motor Vehicle Safety\n"
    "  Standards without additional testing or certification by June 30, 2026.\n"
    "- Peru will publish draft technical regulations and allow at least 60 days\n"
    "  for public comment before they are adopted, starting on 1 January 2027.\n"
)


@pytest.mark.parametrize("text", [HANGING, HANGING.replace(" will ", " will  ").replace("by June", "by    June")])
def test_list_items_wrapped_with_a_hanging_indent_keep_their_deadlines(nlp, text):
    records = extract(text, doc_date="2026-03-02", nlp=nlp)
    got = [(r.action.verb, r.deadline.value if r.deadline else None) for r in records]
    flat = " ".join(text.split("  ")).replace("\n ", " ")  # each item on one line, single spaces
    assert "\n  " not in flat
    assert got == [(r.action.verb, r.deadline.value if r.deadline else None)
                   for r in extract(flat, doc_date="2026-03-02", nlp=nlp)]
    assert got[:2] == [("eliminate", "P30D"), ("accept", "2026-06-30")] and ("allow", "2027-01-01") in got
    for record in records:
        for part in [record.span, record.actor, record.deadline, *record.quantities, *record.flags]:
            if part is not None:
                assert text[part.start : part.end] == part.text


@pytest.mark.parametrize(
    "text",
    [
        "Peru will  accept  vehicles built to U.S. standards by   June 30, 2026.",
        "Peru will\taccept vehicles built to U.S. standards by\tJune 30, 2026.",
    ],
)
def test_runs_of_spaces_inside_a_clause_cost_nothing(nlp, text):
    (record,) = extract(text, doc_date="2026-03-02", nlp=nlp)
    assert record.action.text == "accept vehicles built to U.S. standards by June 30, 2026"
    assert record.deadline.value == "2026-06-30"
    assert text[record.deadline.start : record.deadline.end] == record.deadline.text == "June 30, 2026"


def test_a_word_hyphenated_at_a_wrapped_line_end_is_one_word_again(nlp):
    text = (
        "The Ministry of Education announced today that the Government will imple-\n"
        "ment the new school meals programme in every province by June 30, 2027, and\n"
        "that it will also extend its vocational training partnership with the EU-\n"
        "Jordan Business Council for another three years, starting from January 2027.\n"
        "The programme was designed together with the provincial education authorities.\n"
    )
    view, origin = parse_view(text)
    assert "will implement the new school meals programme" in view and "EU- Jordan" in view
    assert all(text[origin[i]] == view[i] or view[i] == " " for i in range(len(view)))
    (record, *_) = extract(text, doc_date="2026-03-02", nlp=nlp)
    assert record.action.verb == "implement" and record.deadline.value == "2027-06-30"
    assert text[record.span.start : record.span.end] == record.span.text and "imple-\nment" in record.span.text
