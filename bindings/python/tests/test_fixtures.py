"""`to_dict()` equals `json.loads` of the command line's JSON, and `report()` its text and
Markdown, on every assessment under fixtures/ (fixtures/published/ and fixtures/programmes/
included), each against the framework its expectations file scores it with."""

from typing import List, Optional

import pytest

import gender_seal as gs
from conftest import assessment_fixtures, cli, framework_files

FIXTURES = assessment_fixtures()


def test_every_assessment_fixture_is_covered() -> None:
    names = {a for a, _ in FIXTURES}
    assert "fixtures/mali-2020.json" in names
    assert any(n.startswith("fixtures/published/") for n in names)
    assert any(n.startswith("fixtures/programmes/") for n in names)
    assert len(names) >= 21
    builtins = set(gs.Framework.builtins())
    for assessment, framework in FIXTURES:
        if framework is None:
            a = gs.Assessment.from_path(assessment)
            assert (a.framework_id, a.framework_version) in builtins, assessment


def framework_args(framework: Optional[str]) -> List[str]:
    return ["--framework", framework] if framework else []


@pytest.mark.parametrize("assessment,framework", FIXTURES)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_to_dict_equals_the_cli_json(assessment: str, framework: Optional[str], lang: str) -> None:
    card = gs.score(assessment, framework, lang=lang)
    expected = cli("score", *framework_args(framework), assessment, "--format", "json", "--lang", lang)
    assert card.to_dict() == expected.json()
    assert card.to_json() == expected.stdout


@pytest.mark.parametrize("assessment,framework", FIXTURES)
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_reports_equal_the_cli(assessment: str, framework: Optional[str], fmt: str) -> None:
    card = gs.score(assessment, framework)
    expected = cli("score", *framework_args(framework), assessment, "--format", fmt)
    assert card.report(fmt) == expected.stdout


@pytest.mark.parametrize("assessment,framework", FIXTURES)
def test_accessors_agree_with_to_dict(assessment: str, framework: Optional[str]) -> None:
    from decimal import Decimal

    card = gs.score(assessment, framework)
    d = card.to_dict()
    assert card.percentage == Decimal(d["percentage"])
    assert card.percentage_rounded == Decimal(d["percentage_rounded"])
    assert (card.tier.id if card.tier else None) == (d["tier"]["id"] if d["tier"] else None)
    assert (card.rank.level, card.rank.strong) == (d["rank"]["level"], d["rank"]["strong"])
    for row, raw in zip(card.benchmarks, d["benchmarks"]):
        assert row.id == raw["id"] and row.rating == raw["rating"]
        assert row.earned == (Decimal(raw["earned"]) if raw["earned"] is not None else None)
        assert row.weight == Decimal(raw["weight"])
        assert row.status == raw.get("status")
    for dim, raw in zip(card.dimensions, d["dimensions"]):
        assert dim.possible == Decimal(raw["possible"])
        pct = raw["percentage"]
        assert dim.percentage == (Decimal(pct) if pct is not None else None)
    assert [w.code for w in card.warnings] == [w["code"] for w in d["warnings"]]
    nxt = d["next"]
    assert (card.next.id if card.next else None) == (nxt["id"] if nxt else None)


@pytest.mark.parametrize("path", list(framework_files()))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_framework_summary_equals_validate(path: str, lang: str) -> None:
    fw = gs.Framework.from_path(path)
    assert fw.summary(lang) == cli("validate", path, "--format", "json", "--lang", lang).json()
    for fmt in ("text", "markdown"):
        assert fw.report(fmt, lang) == cli("validate", path, "--format", fmt, "--lang", lang).stdout


def test_an_xlsx_report_is_the_workbook_as_bytes() -> None:
    card = gs.score("fixtures/mali-2020.json")
    book = card.report("xlsx")
    assert isinstance(book, bytes) and book[:4] == b"PK\x03\x04"
    assert isinstance(card.report("text"), str)


def test_an_answer_keeps_text_reports_only() -> None:
    planner = gs.Planner(baseline="fixtures/mali-2020.json", plan="fixtures/mali-2021-plan.json")
    answer = planner.timeline()
    with pytest.raises(ValueError, match="plan --format xlsx"):
        answer.report("xlsx")
