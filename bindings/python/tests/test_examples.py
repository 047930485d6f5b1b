"""The typed sample script (examples/mali.py, which mypy --strict checks in CI) runs and says
what the Mali case is."""

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SCRIPT = Path(__file__).resolve().parents[1] / "examples" / "mali.py"


def test_the_mali_example_runs() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "UNDP Mali 2020: 74 % Silver-strong (exact 74.359 %)",
        "toward Gold: 6 points missing; gates: MS1, PR3, GR2",
        "not fully met: 10 benchmarks",
        "cheapest: target out of reach; 5 activities for 19000 USD -> 87 % Silver-strong",
        "best: target reached; 5 activities for 19000 USD -> 87 % Silver-strong",
        "timeline: Q0 74 %, Q1 74 %, Q2 77 %, Q3 77 %, Q4 87 %",
        "refused (format) at evidence.IC2.value",
    ]
