"""Shared fixtures: one loaded pipeline per session, paths to the shipped corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def nlp():
    import pledgewatch

    return pledgewatch.load()


@pytest.fixture(scope="session")
def extract(nlp):
    import pledgewatch

    def run(text, **kwargs):
        return pledgewatch.extract(text, nlp=nlp, **kwargs)

    return run
