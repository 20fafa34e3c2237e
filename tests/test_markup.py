"""Markdown's marks: dropped for the parser, mapped back so records point into and quote the text as read."""

from __future__ import annotations

import pytest

from pledgewatch import extract
from pledgewatch.io.markup import strip_markup

FACT_SHEET = """# Fact Sheet: United States–Peru Agreement on Reciprocal Trade

**WASHINGTON** — The United States and Peru today announced an agreement on reciprocal trade.

## Key commitments by Peru

* **Tariffs:** Peru will eliminate tariffs on 97 percent of U.S. industrial goods within 30 days.
* **Autos:** Peru will *accept* vehicles built to U.S. standards by **June 30, 2026**.
* Peru will [publish](https://example.com/rules "rules") its draft regulations for 60 days of comment.

## Key commitments by the United States

1. The United States will apply a reciprocal tariff of no more than 10 percent to goods of Peru.
2. The United States will __consider__ removing tariffs on coffee and cocoa.
"""


@pytest.mark.parametrize(
    "text, stripped",
    [
        ("Peru will *accept* vehicles by **June 30, 2026**.", "Peru will accept vehicles by June 30, 2026."),
        ("Peru will _accept_ vehicles by __June 30__.", "Peru will accept vehicles by June 30."),
        ("***All*** goods", "All goods"),
        ("Peru will [publish](https://x.org/a_b) its rules.", "Peru will publish its rules."),
        ("See [the annex][2] and ![chart](c.png) here.", "See the annex and  here."),
        ("## Key commitments\n> Peru will act.", "Key commitments\nPeru will act."),
        ("Run `pledgewatch extract` now.<!-- note -->", "Run pledgewatch extract now."),
    ],
)
def test_marks_are_dropped_and_every_kept_character_maps_back(text, stripped):
    got, origin = strip_markup(text)
    assert got == stripped
    assert len(origin) == len(got) + 1 and origin[-1] == len(text)
    assert all(text[origin[i]] == got[i] for i in range(len(got)))


@pytest.mark.parametrize(
    "text",
    [
        "The tariff falls from 10 percent to 5 percent (Annex 2 * Schedule 3).",
        "Footnote marks stay: the 2030 target* is unchanged, as is snake_case_name and 2 * 3 * 4.",
        "Rates of 5%-10% apply [see below] to goods under heading #8703.",
        "",
    ],
)
def test_plain_text_is_returned_as_it_is(text):
    got, origin = strip_markup(text)
    assert got is text and origin is None


def test_a_markdown_fact_sheet_keeps_its_actions_and_deadlines(nlp):
    records = extract(FACT_SHEET, doc_date="2026-03-02", nlp=nlp)
    got = {(r.action.verb, r.deadline.value if r.deadline else None) for r in records}
    assert {("eliminate", "P30D"), ("accept", "2026-06-30"), ("publish", "P60D"), ("apply", None)} <= got
    accept = next(r for r in records if r.action.verb == "accept")
    assert accept.action.text == "accept vehicles built to U.S. standards by June 30, 2026"  # no asterisks
    consider = next(r for r in records if r.action.verb == "consider")
    assert consider.action.text == "consider removing tariffs on coffee and cocoa"
    for record in records:
        for part in [record.span, record.actor, record.deadline, *record.quantities, *record.flags]:
            if part is not None:
                assert FACT_SHEET[part.start : part.end] == part.text
        assert record.sentence in FACT_SHEET
    assert accept.deadline.text == "June 30, 2026"
