"""Shared helpers: the repository root as working directory, and the command line to compare
with (GENDER_SEAL_CLI, else target/debug/gender-seal or target/release/gender-seal, as
`cargo build -p gender-seal-cli` leaves it)."""

import json
import os
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[3]


def pytest_configure(config: pytest.Config) -> None:
    """Every test runs in the repository root, as the command line's tests do."""
    os.chdir(ROOT)


def load(path: str) -> Any:
    """A JSON file as Python values, numbers with a fraction as Decimal (json.loads alone
    would make them floats, which gender_seal refuses)."""
    return json.loads((ROOT / path).read_text(), parse_float=Decimal)


def cli_path() -> Path:
    given = os.environ.get("GENDER_SEAL_CLI")
    if given:
        return Path(given)
    for profile in ("debug", "release"):
        path = ROOT / "target" / profile / "gender-seal"
        if path.exists():
            return path
    raise RuntimeError(
        "no gender-seal command line to compare with: run `cargo build -p gender-seal-cli` "
        "or set GENDER_SEAL_CLI"
    )


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        assert self.code == 0, self.stderr
        return json.loads(self.stdout)

    def error(self) -> str:
        """The message after `error: `, as SealError's str() gives it."""
        assert self.code == 2, (self.code, self.stdout)
        assert self.stdout == ""
        assert self.stderr.startswith("error: "), self.stderr
        return self.stderr[len("error: ") :].rstrip("\n")


def cli(*args: str) -> Run:
    done = subprocess.run(
        [str(cli_path()), *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    return Run(done.returncode, done.stdout, done.stderr)


EXPECTATION_FILES = [
    "fixtures/expectations.json",
    "fixtures/published/expectations.json",
    "fixtures/programmes/expectations.json",
]


def assessment_fixtures() -> List[Tuple[str, Optional[str]]]:
    """Every assessment under fixtures/ with the framework file its expectations score it
    against (None: the built-in framework it names)."""
    framework_of: Dict[str, Optional[str]] = {}
    for name in EXPECTATION_FILES:
        file = ROOT / name
        doc = json.loads(file.read_text())
        for case in doc["cases"]:
            fw = case.get("framework", doc.get("framework"))
            a = (file.parent / case["assessment"]).resolve().relative_to(ROOT)
            framework_of[str(a)] = (
                str((file.parent / fw).resolve().relative_to(ROOT)) if fw else None
            )
    found = []
    for path in sorted((ROOT / "fixtures").rglob("*.json")):
        doc = json.loads(path.read_text())
        if isinstance(doc, dict) and "evidence" in doc:
            rel = str(path.relative_to(ROOT))
            found.append((rel, framework_of.get(rel)))
    return found


def framework_files() -> Iterator[str]:
    """Every framework file: benchmarks/ and the generic ones of fixtures/published/."""
    for path in sorted(ROOT.glob("benchmarks/*.json")):
        yield str(path.relative_to(ROOT))
    for path in sorted(ROOT.glob("fixtures/published/met-over-applicable*.json")):
        yield str(path.relative_to(ROOT))
