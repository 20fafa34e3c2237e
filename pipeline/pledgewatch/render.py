"""One document as a self-contained HTML page with every commitment highlighted and explained.

The look follows displaCy's span style (coloured underlines stacked under the text, labels in small caps) but
needs no ``Doc``: :func:`render_document` takes the text and the records ``pledgewatch extract`` made of it.

* each commitment's span is tinted by its specificity label (green specific, amber partial, red vague) and
  numbered; the number links to a side note holding the record (actor, action, deadline, quantities,
  verification, flags, score), and hovering the span shows the same summary as a tooltip;
* the actor is underlined in blue, the action verb in green, the deadline boxed in orange, quantities in
  teal, and every flag's text gets a dotted red underline carrying its code and rule.

Spans may overlap freely: the text is cut at every span boundary and each piece carries the classes of the
spans covering it. No JavaScript, no web fonts, no network.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .records import CommitmentRecord

LABEL_COLOURS = {"specific": "#c8e6c9", "partial": "#ffecb3", "vague": "#ffcdd2"}
LAYER_COLOURS = {"actor": "#1565c0", "action": "#2e7d32", "deadline": "#ef6c00", "quantity": "#00838f", "flag": "#c62828"}

_CSS = """
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#222}
header{padding:1rem 2rem;border-bottom:1px solid #ddd}header h1{font-size:1.3rem;margin:0 0 .3rem}
.legend span{display:inline-block;margin-right:.9rem;font-size:.85rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:1.5rem;padding:1rem 2rem}
.doc{white-space:pre-wrap;overflow-wrap:anywhere}
.c{border-radius:3px;padding:1px 0}
.c-specific{background:%(specific)s}.c-partial{background:%(partial)s}.c-vague{background:%(vague)s}
.actor{border-bottom:3px solid %(actor)s}
.action{border-bottom:3px solid %(action)s;font-weight:600}
.deadline{outline:2px solid %(deadline)s;outline-offset:-1px}
.quantity{border-bottom:3px double %(quantity)s}
.flag{text-decoration:underline dotted %(flag)s 2px;text-underline-offset:5px}
sup.n{font-size:.7rem;font-weight:700;margin-left:1px}sup.n a{color:#333;text-decoration:none}
aside .note{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.5rem .7rem;margin:0 0 .8rem;font-size:.85rem;line-height:1.4}
aside .note.specific{border-left-color:#2e7d32}aside .note.partial{border-left-color:#f9a825}aside .note.vague{border-left-color:#c62828}
aside .note:target{box-shadow:0 0 0 3px #90caf9}
aside dl{display:grid;grid-template-columns:6.5rem 1fr;margin:.3rem 0 0;gap:.1rem .4rem}aside dt{color:#666}aside dd{margin:0}
.code{font-family:ui-monospace,monospace;font-size:.78rem;color:%(flag)s}
""" % {**LABEL_COLOURS, **LAYER_COLOURS}


@dataclass
class _Mark:
    start: int
    end: int
    css: str
    title: str
    record: int | None = None


def _find(text: str, needle: str, lo: int, hi: int) -> int:
    """Where ``needle`` starts in ``text[lo:hi]`` (widened to the whole text when absent), or -1."""
    if not needle:
        return -1
    at = text.find(needle, max(0, lo), hi)
    return at if at >= 0 else text.find(needle)


def _summary(n: int, r: CommitmentRecord) -> str:
    parts = [f"#{n} {r.specificity.label} ({r.specificity.score:.2f})",
             f"actor: {r.actor.canonical if r.actor else '?'}", f"action: {r.action.verb}"]
    parts.append(f"deadline: {r.deadline.text} ({r.deadline.value})" if r.deadline else "deadline: none")
    if r.flags:
        parts.append("flags: " + ", ".join(sorted({f.code for f in r.flags})))
    return " | ".join(parts)


def _marks(text: str, records: list[CommitmentRecord]) -> list[_Mark]:
    marks = []
    for n, r in enumerate(records, start=1):
        label = r.specificity.label
        marks.append(_Mark(r.span.start, r.span.end, f"c c-{label}", _summary(n, r), record=n))
        if r.actor and r.actor.end > r.actor.start:
            marks.append(_Mark(r.actor.start, r.actor.end, "actor", f"actor: {r.actor.canonical}"))
        verb_at = _find(text, r.action.text.split(" ")[0] if r.action.text else "", r.span.start, r.span.end)
        if verb_at >= 0 and r.action.text:
            word = r.action.text.split(" ")[0]
            marks.append(_Mark(verb_at, verb_at + len(word), "action", f"action: {r.action.text}"))
        if r.deadline:
            marks.append(_Mark(r.deadline.start, r.deadline.end, "deadline",
                               f"deadline ({r.deadline.relation}): {r.deadline.value}"))
        for q in r.quantities:
            marks.append(_Mark(q.start, q.end, "quantity", f"quantity: {q.text}"))
        for f in r.flags:
            if f.end > f.start:
                marks.append(_Mark(f.start, f.end, "flag", f"{f.code} ({f.rule}): {f.text}"))
    return [m for m in marks if 0 <= m.start < m.end <= len(text)]


def _note(n: int, r: CommitmentRecord) -> str:
    esc = html.escape
    rows = [("actor", r.actor.canonical + (f" (“{r.actor.text}”)" if r.actor.text != r.actor.canonical else "")
             if r.actor else "—"),
            ("action", f"{r.action.verb}: {r.action.text}"),
            ("strength", f"{r.strength}, {r.polarity}"),
            ("deadline", f"{r.deadline.relation} {r.deadline.text} → {r.deadline.value or 'no value'}"
             if r.deadline else "none"),
            ("time-bound", "yes" if r.time_bound else "no")]
    if r.co_actors:
        rows.append(("with", ", ".join(r.co_actors)))
    if r.reported:
        rows.append(("reported", f"{r.reported.speaker or '?'} ({r.reported.cue})"))
    if r.condition:
        rows.append(("condition", r.condition.text))
    if r.quantities:
        rows.append(("quantities", "; ".join(q.text for q in r.quantities)))
    if r.verification:
        rows.append(("verification", r.verification.text))
    body = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)
    flags = "".join(f'<dt class="code">{esc(f.code)}</dt><dd>“{esc(f.text)}” <span class="code">{esc(f.rule)}</span></dd>'
                    for f in r.flags)
    return (f'<div class="note {r.specificity.label}" id="c{n}"><strong>#{n} {r.specificity.label}</strong> '
            f'score {r.specificity.score:.2f} <span class="code">{esc(r.id)}</span><dl>{body}{flags}</dl></div>')


def render_document(text: str, records: list[CommitmentRecord], *, title: str = "pledgewatch") -> str:
    """The HTML page of one document and its records (records' offsets index ``text``)."""
    esc = html.escape
    marks = _marks(text, records)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    ends_at: dict[int, list[int]] = {}
    for m in marks:
        if m.record is not None:
            ends_at.setdefault(m.end, []).append(m.record)
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start <= a and b <= m.end]
        chunk = esc(text[a:b])
        if covering:
            classes = " ".join(dict.fromkeys(c for m in covering for c in m.css.split()))
            tip = "\n".join(dict.fromkeys(m.title for m in covering))
            chunk = f'<span class="{classes}" title="{esc(tip)}">{chunk}</span>'
        pieces.append(chunk)
        for n in ends_at.get(b, []):
            pieces.append(f'<sup class="n"><a href="#c{n}">{n}</a></sup>')
    counts = {label: sum(r.specificity.label == label for r in records) for label in LABEL_COLOURS}
    legend = "".join(f'<span class="{css}">{name}</span>' for name, css in [
        ("specific", "c c-specific"), ("partial", "c c-partial"), ("vague", "c c-vague"), ("actor", "actor"),
        ("action", "action"), ("deadline", "deadline"), ("quantity", "quantity"), ("flag", "flag")])
    stats = f"{len(records)} commitments: " + ", ".join(f"{counts[k]} {k}" for k in LABEL_COLOURS)
    notes = "".join(_note(n, r) for n, r in enumerate(records, start=1)) or "<p>No commitments found.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>"
        f'<header><h1>{esc(title)}</h1><div class="stats">{esc(stats)}</div><div class="legend">{legend}</div></header>'
        f'<div class="layout"><main class="doc">{"".join(pieces)}</main><aside>{notes}</aside></div>'
        "</body></html>\n"
    )


def render_file(path, *, nlp, doc_date: str | None = None, doc_id: str | None = None) -> str:
    """Read a document (.txt, .md, .html, .pdf), extract its commitments with ``nlp`` and render the page."""
    from pathlib import Path

    from .api import DocContext, extract_docs
    from .io.readers import read_document

    path = Path(path)
    document = read_document(path)
    if not document.text.strip():
        raise ValueError("empty document: no text to read")
    context = DocContext(doc_id=doc_id or path.stem, doc_date=doc_date or document.date, source=str(path),
                         title=document.title)
    records = next(iter(extract_docs([(document.text, context)], nlp=nlp)))[1]
    title = document.title or path.name
    if context.doc_date:
        title += f" ({context.doc_date})"
    return render_document(document.text, records, title=title)
