"""Saving and loading pledgewatch components with ``nlp.to_disk`` / ``spacy.load`` and ``to_bytes``.

Every pledgewatch component keeps its whole state — rule files and settings — as one JSON-able dict.
:class:`JSONState` turns that dict into spaCy's four serialisation methods, so a saved pipeline carries its
own rules (``<component>/state.json``) and loads without the ``patterns/`` folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import srsly

STATE_FILE = "state.json"


class JSONState:
    """Mixin: a component defines ``get_state() -> dict`` and ``set_state(dict)``; this supplies the rest."""

    def get_state(self) -> dict:
        raise NotImplementedError

    def set_state(self, state: dict) -> None:
        raise NotImplementedError

    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / STATE_FILE, self.get_state())

    def from_disk(self, path, *, exclude: Iterable[str] = ()):
        self.set_state(srsly.read_json(Path(path) / STATE_FILE))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps(self.get_state()).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()):
        self.set_state(srsly.json_loads(data))
        return self
