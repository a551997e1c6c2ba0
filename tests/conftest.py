"""Shared fixtures: tiny documents made from text, and one small built graph per test session."""

from __future__ import annotations

import os
import shutil
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


def launch_chromium(playwright):
    """The system's Chromium (Debian's ``chromium``, which ``.ci/run`` installs), headless; no download.

    Without Chromium a browser test skips, unless ``POLICYGRAPH_REQUIRE_BROWSER`` is set (CI sets it),
    where a missing browser is a failure.
    """
    found = os.environ.get("POLICYGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("POLICYGRAPH_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (apt-get install chromium) but was not found")
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=found, args=[
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"])
