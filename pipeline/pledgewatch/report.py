"""Side-by-side summaries of commitment records: whose commitments are concrete and time-bound, whose are vague.

:func:`read_records` loads JSONL files written by ``pledgewatch extract``; :func:`summarize` groups the records
(by actor, document, document date or flag code) and counts, per group:

* ``commitments``, ``firm`` / ``soft`` (the strength of the cue: "will" vs "intends to");
* ``time_bound`` and its share (a concrete date, deadline or duration binds the action);
* the ``specific`` / ``partial`` / ``vague`` shares of the specificity labels and the mean score;
* the most frequent flag codes;
* the most concrete and the vaguest commitment, quoted from the document.

:func:`format_report` writes the summaries as a terminal ``table``, ``markdown``, ``csv`` (one row per group,
numeric columns always numeric, so pandas and DuckDB infer ``int64`` / ``float64``), ``json`` or a
self-contained ``html`` page with an inline-SVG bar chart per group (no JavaScript, no network).

>>> groups = summarize(read_records(["records.jsonl"]), by="actor")   # doctest: +SKIP
>>> print(format_report(groups, fmt="markdown", by="actor"))            # doctest: +SKIP
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Literal

from pydantic import ValidationError

from .patterns import describe
from .records import CommitmentRecord

GroupBy = Literal["actor", "document", "date", "flag"]
Format = Literal["table", "markdown", "csv", "json", "html"]
GROUP_BY = ("actor", "document", "date", "flag")
FORMATS = ("table", "markdown", "csv", "json", "html")
LABELS = ("specific", "partial", "vague")
TOP_FLAGS = 3
QUOTE_MIN_WORDS = 4
UNKNOWN = {"actor": "(no actor)", "document": "(no document id)", "date": "(undated)", "flag": "(no flags)"}


class ReportError(ValueError):
    """A records file is missing or holds a line that is not a commitment record (names file and line)."""


@dataclass
class Quote:
    """One commitment quoted as evidence: who, the words of the document, and how it scored."""

    id: str
    actor: str | None
    text: str
    score: float
    label: str
    deadline: str | None
    flags: list[str]


@dataclass
class GroupSummary:
    """The numbers and quotes of one group (one actor, document, date or flag code)."""

    key: str
    commitments: int
    firm: int
    soft: int
    time_bound: int
    specific: int
    partial: int
    vague: int
    mean_score: float
    top_flags: list[tuple[str, int]] = field(default_factory=list)
    most_concrete: Quote | None = None
    vaguest: Quote | None = None

    def share(self, count: int) -> float:
        return round(count / self.commitments, 3) if self.commitments else 0.0

    @property
    def time_bound_share(self) -> float:
        return self.share(self.time_bound)

    @property
    def firm_share(self) -> float:
        return self.share(self.firm)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["top_flags"] = [{"code": code, "count": n} for code, n in self.top_flags]
        out.update({
            "firm_share": self.firm_share,
            "time_bound_share": self.time_bound_share,
            **{f"{label}_share": self.share(getattr(self, label)) for label in LABELS},
        })
        return out


def read_records(paths: Iterable[str | Path]) -> list[CommitmentRecord]:
    """Every record of the given JSONL files (``-`` is not accepted here; pass files)."""
    records = []
    for path in map(Path, paths):
        if not path.is_file():
            raise ReportError(f"{path}: no such file")
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    records.append(CommitmentRecord.model_validate_json(line))
                except ValidationError as err:
                    raise ReportError(f"{path}:{lineno}: not a commitment record ({describe(err)})") from None
    return records


def _keys(record: CommitmentRecord, by: str) -> list[str]:
    if by == "actor":
        value = record.actor.canonical if record.actor else None
    elif by == "document":
        value = record.doc_id
    elif by == "date":
        value = record.doc_date
    elif by == "flag":
        return sorted({f.code for f in record.flags}) or [UNKNOWN["flag"]]
    else:
        raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(GROUP_BY)}")
    return [value or UNKNOWN[by]]


def _quote(r: CommitmentRecord) -> Quote:
    """The record as a quote: its span, or its whole sentence when the span is a bare list item ("Enhance")."""
    text = " ".join(r.span.text.split())
    if len(text.split()) < QUOTE_MIN_WORDS:
        text = " ".join(r.sentence.split()).lstrip("-•*· ").strip()
    return Quote(
        id=r.id, actor=r.actor.canonical if r.actor else None, text=text,
        score=r.specificity.score, label=r.specificity.label,
        deadline=r.deadline.text if r.deadline and r.time_bound else None,
        flags=sorted({f.code for f in r.flags}),
    )


def _concreteness(r: CommitmentRecord) -> tuple:
    """Sort key, most concrete last: score, then time-bound, then quantities, then fewer flags."""
    return (r.specificity.score, r.time_bound, len(r.quantities), -len(r.flags))


def summarize(records: Iterable[CommitmentRecord], by: str = "actor") -> list[GroupSummary]:
    """Group ``records`` and summarise each group; largest groups first, then by name."""
    groups: dict[str, list[CommitmentRecord]] = {}
    for r in records:
        for key in _keys(r, by):
            groups.setdefault(key, []).append(r)
    out = []
    for key, rs in groups.items():
        labels = Counter(r.specificity.label for r in rs)
        flags = Counter(code for r in rs for code in {f.code for f in r.flags})
        ranked = sorted(rs, key=_concreteness)
        out.append(GroupSummary(
            key=key,
            commitments=len(rs),
            firm=sum(r.strength == "firm" for r in rs),
            soft=sum(r.strength == "soft" for r in rs),
            time_bound=sum(r.time_bound for r in rs),
            specific=labels["specific"], partial=labels["partial"], vague=labels["vague"],
            mean_score=round(sum(r.specificity.score for r in rs) / len(rs), 3),
            top_flags=sorted(flags.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_FLAGS],
            most_concrete=_quote(ranked[-1]),
            vaguest=_quote(ranked[0]),
        ))
    unknown = set(UNKNOWN.values())
    out.sort(key=lambda g: (g.key in unknown, -g.commitments, g.key.lower()))
    return out


def format_report(groups: list[GroupSummary], *, fmt: str = "table", by: str = "actor", title: str | None = None) -> str:
    """Write ``groups`` in one of :data:`FORMATS`."""
    writers = {"table": _table, "markdown": _markdown, "csv": _csv, "json": _json, "html": _html}
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](groups, by, title or f"Commitments by {by}")


def _pct(value: float) -> str:
    return f"{value:.0%}"


def _flags_text(g: GroupSummary) -> str:
    return ", ".join(f"{code} ({n})" for code, n in g.top_flags) or "-"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------------------- table

_COLUMNS = ("commitments", "firm", "time-bound", "specific", "partial", "vague", "score", "top flags")


def _row(g: GroupSummary) -> list[str]:
    return [str(g.commitments), f"{g.firm}/{g.commitments}", _pct(g.time_bound_share), _pct(g.share(g.specific)),
            _pct(g.share(g.partial)), _pct(g.share(g.vague)), f"{g.mean_score:.2f}", _flags_text(g)]


def _table(groups: list[GroupSummary], by: str, title: str) -> str:
    if not groups:
        return "no commitment records"
    header = [by, *_COLUMNS]
    rows = [[_clip(g.key, 28), *_row(g)] for g in groups]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells):
        return "  ".join(c.ljust(w) if i in (0, len(cells) - 1) else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    out = [title, "", line(header), line(["-" * w for w in widths]), *map(line, rows), ""]
    for g in groups:
        out.append(f"{g.key}")
        out.append(f"  most concrete ({g.most_concrete.score:.2f} {g.most_concrete.label}): \"{_clip(g.most_concrete.text, 110)}\"")
        out.append(f"  vaguest       ({g.vaguest.score:.2f} {g.vaguest.label}): \"{_clip(g.vaguest.text, 110)}\"")
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------------- markdown

def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(groups: list[GroupSummary], by: str, title: str) -> str:
    out = [f"# {title}", ""]
    if not groups:
        return "\n".join(out + ["No commitment records."])
    out.append("| " + " | ".join([by, *_COLUMNS]) + " |")
    out.append("|" + "---|" + "---:|" * (len(_COLUMNS) - 1) + "---|")
    for g in groups:
        out.append("| " + " | ".join(_md(c) for c in [g.key, *_row(g)]) + " |")
    for g in groups:
        out += ["", f"## {_md(g.key)}", "",
                f"- **Most concrete** ({g.most_concrete.score:.2f}, {g.most_concrete.label}): “{_md(g.most_concrete.text)}”",
                f"- **Vaguest** ({g.vaguest.score:.2f}, {g.vaguest.label}): “{_md(g.vaguest.text)}”"
                + (f" — flags: {', '.join(g.vaguest.flags)}" if g.vaguest.flags else "")]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------------------------ csv

CSV_COLUMNS = (
    "commitments", "firm", "soft", "time_bound", "specific", "partial", "vague",
    "firm_share", "time_bound_share", "specific_share", "partial_share", "vague_share", "mean_score",
    "top_flags", "most_concrete_id", "most_concrete_score", "most_concrete", "vaguest_id", "vaguest_score", "vaguest",
)


def _csv(groups: list[GroupSummary], by: str, title: str) -> str:
    """One row per group; integer counts, shares and scores always written with a decimal point."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([by, *CSV_COLUMNS])
    for g in groups:
        writer.writerow([
            g.key, g.commitments, g.firm, g.soft, g.time_bound, g.specific, g.partial, g.vague,
            f"{g.firm_share:.3f}", f"{g.time_bound_share:.3f}", *(f"{g.share(getattr(g, lab)):.3f}" for lab in LABELS),
            f"{g.mean_score:.3f}",
            "; ".join(f"{code}:{n}" for code, n in g.top_flags),
            g.most_concrete.id, f"{g.most_concrete.score:.3f}", g.most_concrete.text,
            g.vaguest.id, f"{g.vaguest.score:.3f}", g.vaguest.text,
        ])
    return buf.getvalue()


def _json(groups: list[GroupSummary], by: str, title: str) -> str:
    return json.dumps({"by": by, "groups": [g.to_dict() for g in groups]}, indent=2, ensure_ascii=False)


# ----------------------------------------------------------------------------------------------------------- html

BAR_COLOURS = {"specific": "#2e7d32", "partial": "#f9a825", "vague": "#c62828", "time-bound": "#1565c0", "firm": "#6a1b9a"}

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin:0 0 .4rem}
table{border-collapse:collapse;margin:1rem 0 2rem;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:right}
th:first-child,td:first-child,th:last-child,td:last-child{text-align:left}
.group{border:1px solid #ddd;border-radius:6px;padding:1rem;margin:0 0 1.2rem;display:grid;grid-template-columns:340px 1fr;gap:1rem}
blockquote{margin:.2rem 0 .7rem;padding:.3rem .7rem;border-left:4px solid #ccc;background:#fafafa}
blockquote.concrete{border-color:#2e7d32}blockquote.vaguest{border-color:#c62828}
.meta{color:#555;font-size:.85rem}
"""


def _svg_bars(g: GroupSummary) -> str:
    """A horizontal bar chart of one group's shares, in inline SVG with text labels."""
    bars = [("specific", g.share(g.specific)), ("partial", g.share(g.partial)), ("vague", g.share(g.vague)),
            ("time-bound", g.time_bound_share), ("firm", g.firm_share)]
    label_w, bar_w, row_h = 80, 200, 22
    height = row_h * len(bars) + 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 50}" height="{height}" role="img" '
             f'aria-label="{html.escape(g.key)}: shares">']
    for i, (name, value) in enumerate(bars):
        y = i * row_h + 2
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">{name}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="{row_h - 8}" fill="#eee"/>')
        parts.append(f'<rect class="bar bar-{name}" x="{label_w}" y="{y + 3}" width="{round(bar_w * value, 1)}" '
                     f'height="{row_h - 8}" fill="{BAR_COLOURS[name]}"><title>{name}: {_pct(value)}</title></rect>')
        parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 15}" font-size="12">{_pct(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _html_quote(q: Quote, kind: str, heading: str) -> str:
    meta = f"{q.label}, score {q.score:.2f}"
    if q.deadline:
        meta += f", deadline: {q.deadline}"
    if q.flags:
        meta += f", flags: {', '.join(q.flags)}"
    return (f'<div class="meta">{heading} <span class="id">({html.escape(q.id)})</span></div>'
            f'<blockquote class="{kind}">“{html.escape(q.text)}”<div class="meta">{html.escape(meta)}</div></blockquote>')


def _html(groups: list[GroupSummary], by: str, title: str) -> str:
    esc = html.escape
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>", f"<h1>{esc(title)}</h1>"]
    if not groups:
        out.append("<p>No commitment records.</p></body></html>")
        return "\n".join(out)
    out.append("<table><thead><tr>" + "".join(f"<th>{esc(c)}</th>" for c in [by, *_COLUMNS]) + "</tr></thead><tbody>")
    for g in groups:
        out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in [g.key, *_row(g)]) + "</tr>")
    out.append("</tbody></table>")
    for g in groups:
        out.append(f'<section class="group"><div><h2>{esc(g.key)}</h2>'
                   f'<div class="meta">{g.commitments} commitments, {g.firm} firm / {g.soft} soft, '
                   f'{g.time_bound} time-bound, mean score {g.mean_score:.2f}</div>{_svg_bars(g)}'
                   f'<div class="meta">Top flags: {esc(_flags_text(g))}</div></div><div>'
                   + _html_quote(g.most_concrete, "concrete", "Most concrete")
                   + _html_quote(g.vaguest, "vaguest", "Vaguest")
                   + "</div></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
