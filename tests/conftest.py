"""Shared fixtures: tiny documents made from text, and one small built graph per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.extract import extract_document
from policygraph.ingest import document_from_text
from policygraph.model import Extraction

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def doc(text: str, name: str = "t.txt"):
    return document_from_text(text, Path(name))


def extract(text: str, name: str = "t.txt") -> Extraction:
    return extract_document(doc(text, name))


def labels(x: Extraction, type_: str) -> set[str]:
    return {e.label for e in x.entities.values() if type_ in e.types}


def entity(x: Extraction, label: str):
    for e in x.entities.values():
        if label in e.labels:
            return e
    raise AssertionError(f"no entity {label!r}; have {sorted(e.label for e in x.entities.values())}")


@pytest.fixture(scope="session")
def small_build(tmp_path_factory) -> Path:
    """The two small sample documents of tests/data/corpus, built once."""
    from policygraph import build

    out = tmp_path_factory.mktemp("build")
    build([DATA / "corpus"], out)
    return out
