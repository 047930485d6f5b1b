"""Regression expectations from Python: gs.check equals `gender-seal check`."""

import json
from pathlib import Path

import pytest

import gender_seal as gs
from conftest import EXPECTATION_FILES, ROOT, cli


@pytest.mark.parametrize("path", EXPECTATION_FILES)
def test_every_expectation_file_passes_as_in_the_cli(path: str) -> None:
    report = gs.check(path)
    assert report.passed
    assert report.failed == 0 and report.failures == []
    assert report.cases == len(json.loads((ROOT / path).read_text())["cases"])
    assert report.to_dict() == cli("check", path, "--format", "json").json()
    for fmt in ("text", "markdown"):
        for lang in ("en", "fr"):
            expected = cli("check", path, "--format", fmt, "--lang", lang).stdout
            assert report.report(fmt, lang) == expected


def test_several_files_at_once() -> None:
    report = gs.check(EXPECTATION_FILES)
    assert report.cases == sum(gs.check(p).cases for p in EXPECTATION_FILES)
    assert report.to_dict() == cli("check", *EXPECTATION_FILES, "--format", "json").json()
    assert gs.check(tuple(Path(p) for p in EXPECTATION_FILES)).to_dict() == report.to_dict()


def test_a_failing_case_is_a_report_not_an_error(tmp_path: Path) -> None:
    doc = {
        "framework": str(ROOT / "benchmarks/undp-co-2021.json"),
        "cases": [
            {
                "name": "Mali, wrongly pinned at Gold",
                "assessment": str(ROOT / "fixtures/mali-2020.json"),
                "expect": {"tier": "gold", "percentage_rounded": "80"},
            }
        ],
    }
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(doc))
    report = gs.check(str(path))
    assert not report.passed
    assert (report.cases, report.failed) == (1, 1)
    assert report.failures == ["Mali, wrongly pinned at Gold"]
    run = cli("check", str(path), "--format", "json")
    assert run.code == 1
    assert report.to_dict() == json.loads(run.stdout)
    assert report.report() == cli("check", str(path)).stdout
    assert repr(report) == "<CheckReport passed=False cases=1 failed=1>"


def test_a_bad_expectations_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"cases": [{"name": "x", "assessment": "missing.json", "expect": {"tier": "gold"}}]}')
    with pytest.raises(gs.SealError) as e:
        gs.check(path)
    assert e.value.kind == "io"
    assert str(e.value) == cli("check", str(path)).error()
