"""The contract with ../shared/eval/score.py: a build of the seeds scores above zero on every part."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policygraph import build
from tests.conftest import SHARED


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared is not beside the checkout")
def test_seed_build_scores_on_every_part(tmp_path: Path):
    report = build([SHARED / "seeds"], tmp_path / "b", html=False)
    out = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(report.graph), str(SHARED / "gold"),
                    "--json", str(out), "--show", "0"], check=True, capture_output=True)
    result = json.loads(out.read_text(encoding="utf-8"))
    for part in ("entities", "relations", "positions", "indicators"):
        assert result[part]["f1"] > 0, part
    assert result["relations_by_predicate"]["date"]["tp"] > 0
