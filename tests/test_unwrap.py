"""Hard-wrapped text: wrapping line breaks read as spaces, every other character and every offset kept."""

from __future__ import annotations

import textwrap

import pytest

from pledgewatch import extract
from pledgewatch.io.unwrap import layout, unwrap

PARAGRAPHS = [
    "Mayor Teresa Delgado today presented her proposed budget for Fiscal Year 2027, which begins July 1, 2026, "
    "to the City Council. The spending plan holds the property tax rate flat for a third consecutive year.",
    "\"This budget builds on that work,\" the Mayor said. \"We will put more officers on the street, fix more "
    "roads and keep our libraries open longer, and we will not ask families to pay a single new fee to do it.\"",
    "The City will replace all remaining lead service lines in the Riverside and Millbrook neighborhoods by "
    "December 31, 2028, and the Department of Public Works will repave 180 lane-miles of streets over the next "
    "two years, funded by a $45 million allocation approved by the Council in March.",
]
BULLETS = [
    "The City will expand the co-responder program, which pairs mental health clinicians with officers, to all "
    "five police districts.",
    "The Department of Public Works will repave 180 lane-miles of streets over the next two years, funded by a "
    "$45 million allocation.",
]
ONE_LINE_EACH = "CITY OF ASHFORD BAY\nNews Release\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def _wrapped(width_: int) -> str:
    blocks = ["CITY OF ASHFORD BAY\nNews Release"] + ["\n".join(textwrap.wrap(p, width_)) for p in PARAGRAPHS]
    return "\n\n".join(blocks) + "\n"


def _wrapped_list(width_: int) -> str:
    items = ["\n".join(textwrap.wrap("- " + item, width_)) for item in BULLETS]
    return "Highlights of the proposed budget\n\n" + "\n".join(items) + "\n"


def _as_one_line_each(text: str) -> str:
    """The paragraphs after the title block, each on one line (line breaks turned into spaces)."""
    title, *blocks = text.split("\n\n")
    return "\n\n".join([title] + [" ".join(block.split("\n")) for block in blocks])


@pytest.mark.parametrize("columns", [60, 72, 80, 100])
def test_a_wrapped_text_reads_as_its_paragraphs(columns):
    text = _wrapped(columns)
    assert layout(text.split("\n")) is not None
    unwrapped = unwrap(text)
    assert len(unwrapped) == len(text)
    # the title block keeps its lines (they are not full); every paragraph becomes one line
    assert unwrapped.startswith("CITY OF ASHFORD BAY\nNews Release\n\n")
    assert unwrapped.rstrip("\n").split("\n\n")[1:] == PARAGRAPHS


def test_a_text_written_one_paragraph_to_a_line_is_left_alone():
    assert layout(ONE_LINE_EACH.split("\n")) is None
    assert unwrap(ONE_LINE_EACH) is ONE_LINE_EACH


@pytest.mark.parametrize(
    "text",
    [
        # short list items and table rows are not wrapped prose
        "Pledges announced\n\nGermany: EUR 180 million\nFrance: EUR 150 million\nJapan: USD 90 million\n"
        "Canada: CAD 60 million\nNorway: NOK 400 million\n",
        "",
        "One line only, with no line break at all.",
    ],
)
def test_lists_tables_and_single_lines_are_not_wrapped(text):
    assert unwrap(text) == text


def test_list_items_and_chapeaux_keep_their_line_breaks():
    text = (
        "Under the arrangement announced today the United States will take the following actions\n"
        "to support the Agreement and its implementation in the first year after entry into force:\n"
        "- Eliminate tariffs on 97 percent of United States industrial goods exports within 30\n"
        "days of the entry into force of the Agreement, including machinery and medical devices;\n"
        "- Accept vehicles built to U.S. Federal Motor Vehicle Safety Standards without further\n"
        "testing or certification, effective on the date of entry into force of the Agreement;\n"
        "(b) provide technical assistance to customs authorities on rules of origin and on the\n"
        "verification of certificates of origin issued by exporters and producers in the region.\n"
    )
    lines = unwrap(text).split("\n")
    assert lines[0].endswith("implementation in the first year after entry into force:")
    assert [line[:2] for line in lines[1:4]] == ["- ", "- ", "(b"]
    assert "within 30 days of the entry" in lines[1]


def test_an_items_closing_conjunction_goes_back_on_its_line():
    text = (
        "The two governments reached the arrangement after nine rounds of talks held\n"
        "in Geneva and in Hanoi over the course of the year, officials said today.\n"
        "The United States will:\n"
        "  - apply a zero reciprocal tariff to the coffee, cashews, black pepper and\n"
        "    natural rubber listed in Annex II, from the same date of entry into force;\n"
        "    and\n"
        "  - publish, through the Office of the United States Trade Representative, a\n"
        "    notice implementing these changes within ten days of the date of signature.\n"
    )
    lines = unwrap(text).split("\n")
    assert lines[2].endswith("from the same date of entry into force;     and")
    assert lines[3].startswith("  - publish")


def test_windows_line_ends_are_joined_whole():
    text = _wrapped(72).replace("\n", "\r\n")
    unwrapped = unwrap(text)
    assert len(unwrapped) == len(text)
    assert unwrapped.startswith("CITY OF ASHFORD BAY\r\nNews Release\r\n\r\n")
    assert [p.replace("  ", " ") for p in unwrapped.rstrip().split("\r\n\r\n")[1:]] == PARAGRAPHS


def test_records_of_a_wrapped_text_match_the_unwrapped_one_and_quote_the_text_as_read(nlp):
    wrapped = _wrapped(64)
    flat = _as_one_line_each(wrapped)
    assert len(flat) == len(wrapped)  # the same paragraphs, line breaks turned into spaces
    got = extract(wrapped, doc_date="2026-03-02", nlp=nlp)
    want = extract(flat, doc_date="2026-03-02", nlp=nlp)
    assert [(r.actor.canonical, r.action.verb, r.span.start, r.span.end) for r in got] == [
        (r.actor.canonical, r.action.verb, r.span.start, r.span.end) for r in want
    ]
    assert {r.action.verb for r in got} >= {"put", "fix", "keep", "ask", "replace", "repave"}
    for record in got:
        for part in [record.span, record.actor, record.deadline, *record.quantities, *record.flags]:
            if part is not None:
                assert wrapped[part.start : part.end] == part.text
        assert record.sentence in wrapped
    assert any("\n" in r.span.text for r in got)  # quoted as read, wrapping and all


@pytest.mark.parametrize("columns", [64, 72])
def test_a_wrapped_list_item_keeps_its_whole_action(nlp, columns):
    text = _wrapped_list(columns)
    assert unwrap(text).split("\n")[2:4] == ["- " + item for item in BULLETS]
    actions = [r.action.text for r in extract(text, doc_date="2026-03-02", nlp=nlp)]
    assert actions == [
        "expand the co-responder program, which pairs mental health clinicians with officers, to all five police "
        "districts",
        "repave 180 lane-miles of streets over the next two years",
    ]


def test_a_pdf_whose_lines_wrap_list_items_keeps_their_whole_actions(nlp, tmp_path):
    from pledgewatch.io.readers import read_document

    from test_readers import text_pdf_bytes

    lines = _wrapped_list(64).split("\n")
    path = tmp_path / "budget.pdf"
    path.write_bytes(text_pdf_bytes(lines))
    text = read_document(path).text
    assert "\n" in text.split("- ", 2)[1].strip()  # the text layer keeps the wrapping
    actions = [r.action.text for r in extract(text, doc_date="2026-03-02", nlp=nlp)]
    assert actions == [
        "expand the co-responder program, which pairs mental health clinicians with officers, to all five police "
        "districts",
        "repave 180 lane-miles of streets over the next two years",
    ]
