"""The terminal view of ``pledgewatch extract --format table``: one row per commitment, plain text.

Columns: the record id's ordinal, actor, action (clipped), deadline value, strength, specificity label and
score, and the flag codes abbreviated (``NO_DEADLINE`` → ``NO_DL``), followed by a legend line. Widths fit
120 columns; long cells are clipped with an ellipsis, never wrapped, so every record stays on one line.
"""

from __future__ import annotations

from .records import CommitmentRecord

FLAG_ABBREVIATIONS = {
    "NO_DEADLINE": "NO_DL", "VAGUE_ACTION": "VAGUE", "HEDGED": "HEDGE", "UNQUANTIFIED": "UNQ",
    "OPEN_ENDED": "OPEN", "NO_VERIFICATION": "NO_VER", "CONDITIONAL": "COND",
}
_WIDTHS = {"#": 4, "doc": 18, "actor": 16, "action": 40, "deadline": 12, "str": 4, "label": 13, "flags": 30}


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cells(r: CommitmentRecord, many_docs: bool) -> dict[str, str]:
    cells = {
        "#": r.id.rsplit(":", 1)[-1],
        "doc": r.doc_id or "",
        "actor": r.actor.canonical if r.actor else "?",
        "action": r.action.text,
        "deadline": (r.deadline.value or r.deadline.text) if r.deadline else "-",
        "str": r.strength,
        "label": f"{r.specificity.label} {r.specificity.score:.2f}",
        "flags": " ".join(FLAG_ABBREVIATIONS.get(c, c) for c in sorted({f.code for f in r.flags})) or "-",
    }
    if not many_docs:
        del cells["doc"]
    return cells


def render_table(records: list[CommitmentRecord]) -> str:
    """A fixed-width table of ``records`` (``"no commitments found"`` when empty)."""
    if not records:
        return "no commitments found"
    many_docs = len({r.doc_id for r in records}) > 1
    rows = [_cells(r, many_docs) for r in records]
    columns = list(rows[0])
    widths = {c: min(_WIDTHS[c], max(len(c), *(len(" ".join(row[c].split())) for row in rows))) for c in columns}

    def line(cells: dict[str, str]) -> str:
        return "  ".join(_clip(cells[c], widths[c]).ljust(widths[c]) for c in columns).rstrip()

    out = [line({c: c for c in columns}), line({c: "-" * widths[c] for c in columns}), *map(line, rows)]
    labels = [r.specificity.label for r in records]
    out.append("")
    out.append(f"{len(records)} commitments: " + ", ".join(f"{labels.count(k)} {k}" for k in ("specific", "partial", "vague"))
               + "   flags: " + ", ".join(f"{v}={k}" for k, v in FLAG_ABBREVIATIONS.items()))
    return "\n".join(out)
