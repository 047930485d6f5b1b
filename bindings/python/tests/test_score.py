"""Scoring from Python: the Mali 2020 answers, every accessor of a scorecard and its parts,
every way of giving the inputs, and the reports equal to the command line's."""

import json
import pathlib
from decimal import Decimal

import pytest

import gender_seal as gs
from conftest import ROOT, cli, load

MALI = "fixtures/mali-2020.json"


@pytest.fixture(scope="module")
def card() -> gs.Scorecard:
    return gs.score(MALI)


def test_mali_2020_is_74_silver_strong_at_74_359(card: gs.Scorecard) -> None:
    assert card.percentage_rounded == Decimal("74")
    assert card.percentage == Decimal("74.359")
    assert isinstance(card.percentage, Decimal)
    assert isinstance(card.percentage_rounded, Decimal)
    assert card.tier is not None
    assert (card.tier.id, card.tier.level, card.tier.strong) == ("silver", 2, True)
    assert card.tier.label == "Silver-strong"
    assert card.rank.level == 2
    assert card.rank.strong is True
    assert (card.office, card.period, card.lang) == ("UNDP Mali", "2020", "en")


def test_mali_next_tier_is_gold_with_three_failing_gates(card: gs.Scorecard) -> None:
    nxt = card.next
    assert nxt is not None
    assert (nxt.id, nxt.level, nxt.label) == ("gold", 3, "Gold")
    assert nxt.points_missing == Decimal("6")
    failing = [(g.kind, g.tier, g.benchmark, g.required, g.actual) for g in nxt.failing]
    assert failing == [
        ("benchmark", "gold", "MS1", "met", "partially_met"),
        ("benchmark", "gold", "PR3", "met", "partially_met"),
        ("benchmark", "gold", "GR2", "met", "partially_met"),
    ]
    gate = nxt.failing[0]
    assert gate.dimension is None
    assert gate.required_percent is None and gate.actual_percent is None
    assert card.blocked == []
    assert card.warnings == []


def test_mali_rows(card: gs.Scorecard) -> None:
    dims = card.dimensions
    assert [d.id for d in dims] == ["MS", "IC", "EE", "CK", "PR", "PA", "GR"]
    ms = dims[0]
    assert (ms.percentage, ms.earned, ms.possible) == (
        Decimal("57.1429"),
        Decimal("4"),
        Decimal("7"),
    )
    assert (ms.weight, ms.benchmarks, ms.applicable) == (Decimal("1"), 7, 7)
    assert dims[4].applicable == 6 and dims[4].benchmarks == 7
    rows = card.benchmarks
    assert len(rows) == 41
    ms1 = rows[0]
    assert (ms1.id, ms1.dimension, ms1.rating, ms1.basis) == (
        "MS1",
        "MS",
        "partially_met",
        "rated",
    )
    assert ms1.status == "documented"
    assert (ms1.weight, ms1.credit, ms1.earned) == (Decimal("1"), Decimal("0"), Decimal("0"))
    na = next(r for r in rows if r.id == "PR6")
    assert na.rating == "not_applicable"
    assert na.credit is None and na.earned is None
    assert sum(r.earned for r in rows if r.earned is not None) == Decimal("29")
    assert ms1.as_dict() == {
        "id": "MS1",
        "dimension": "MS",
        "rating": "partially_met",
        "basis": "rated",
        "status": "documented",
        "value": None,
        "weight": Decimal("1"),
        "credit": Decimal("0"),
        "earned": Decimal("0"),
    }
    assert ms.as_dict()["percentage"] == Decimal("57.1429")


def test_values_derived_by_rules_come_back_as_decimals() -> None:
    rows = gs.score(MALI).benchmarks
    derived = [r for r in rows if r.value is not None]
    assert derived, "Mali has benchmarks rated from a measured value"
    for r in derived:
        assert isinstance(r.value, Decimal)
        assert r.basis == "derived"


def test_french_labels() -> None:
    fr = gs.score(MALI, lang="fr")
    assert fr.lang == "fr"
    assert fr.tier is not None and fr.tier.label == "Argent-fort"
    assert fr.next is not None and fr.next.label == "Or"
    assert gs.score(MALI, lang="FR-fr").lang == "fr"


def test_to_dict_is_the_command_lines_json(card: gs.Scorecard) -> None:
    d = card.to_dict()
    assert d == cli("score", MALI, "--format", "json").json()
    assert d["percentage"] == "74.359"
    assert json.loads(card.to_json()) == d
    assert card.to_json() == cli("score", MALI, "--format", "json").stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "MarkDown"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_reports_are_the_command_lines(fmt: str, lang: str) -> None:
    card = gs.score(MALI, lang=lang)
    expected = cli("score", MALI, "--format", fmt.lower(), "--lang", lang).stdout
    assert card.report(fmt) == expected
    assert card.report(format=fmt) == expected


def test_default_report_is_text(card: gs.Scorecard) -> None:
    assert card.report() == cli("score", MALI).stdout
    assert "74 % — Silver-strong" in card.report()


def test_every_way_of_giving_an_assessment_scores_the_same() -> None:
    text = (ROOT / MALI).read_text()
    expected = gs.score(MALI).to_dict()
    given = [
        MALI,
        pathlib.Path(MALI),
        str(ROOT / MALI),
        text,
        text.encode(),
        json.loads(text, parse_float=Decimal),
        gs.Assessment.from_path(MALI),
        gs.Assessment.from_path(pathlib.Path(MALI)),
        gs.Assessment.from_json(text),
        gs.Assessment.from_json(text.encode()),
        gs.Assessment.from_dict(json.loads(text, parse_float=Decimal)),
    ]
    for g in given:
        assert gs.score(g).to_dict() == expected, repr(g)


def test_every_way_of_giving_a_framework_scores_the_same() -> None:
    path = "benchmarks/undp-co-2021.json"
    text = (ROOT / path).read_text()
    expected = gs.score(MALI).to_dict()
    given = [
        gs.Framework.builtin("undp-gender-seal-co"),
        gs.Framework.builtin("undp-gender-seal-co", "2021.2"),
        gs.Framework.from_path(path),
        gs.Framework.from_json(text),
        gs.Framework.from_dict(json.loads(text, parse_float=Decimal)),
        path,
        pathlib.Path(path),
        text,
        json.loads(text, parse_float=Decimal),
    ]
    for fw in given:
        assert gs.score(MALI, fw).to_dict() == expected, repr(fw)
        assert gs.score(MALI, framework=fw).to_dict() == expected


def test_dict_numbers_as_decimal_int_or_string() -> None:
    base = load("fixtures/gold-office.json")
    expected = gs.score(base).to_dict()
    fw = load("benchmarks/undp-co-2021.json")
    for weight in (Decimal("1"), 1, "1", Decimal("1.000"), Decimal("1E+0")):
        fw["dimensions"][0]["benchmarks"][0]["weight"] = weight
        assert gs.score(base, fw).to_dict() == expected, weight


def test_allow_version_mismatch_scores_against_the_built_in_version() -> None:
    doc = load(MALI)
    doc["framework"]["version"] = "2019"
    with pytest.raises(gs.SealError) as e:
        gs.score(doc)
    assert e.value.kind == "request"
    card = gs.score(doc, allow_version_mismatch=True)
    assert card.percentage_rounded == Decimal("74")
    assert [w.code for w in card.warnings] == ["version_mismatch"]
    assert card.warnings[0].benchmark is None
    assert "2019" in card.warnings[0].message
    fr = gs.score(doc, allow_version_mismatch=True, lang="fr")
    assert fr.warnings[0].message != card.warnings[0].message


def test_warnings_name_their_benchmark() -> None:
    doc = load(MALI)
    del doc["evidence"]["CK4"]
    card = gs.score(doc)
    codes = [(w.code, w.benchmark) for w in card.warnings]
    assert ("missing_evidence", "CK4") in codes
    cli_doc = card.to_dict()
    assert [w["code"] for w in cli_doc["warnings"]] == [w.code for w in card.warnings]


def test_the_scorecard_shares_its_framework() -> None:
    fw = gs.Framework.builtin("undp-gender-seal-co")
    card = gs.score(MALI, fw)
    assert card.framework.id == "undp-gender-seal-co"
    assert card.framework.version == "2021.2"


def test_results_are_immutable(card: gs.Scorecard) -> None:
    with pytest.raises(AttributeError):
        card.percentage = Decimal("100")  # type: ignore[misc]
    assert card.tier is not None
    with pytest.raises(AttributeError):
        card.tier.label = "Gold"  # type: ignore[misc]
    row = card.benchmarks[0]
    with pytest.raises(AttributeError):
        row.rating = "met"  # type: ignore[misc]
    d = card.to_dict()
    d["percentage"] = "100"
    assert card.to_dict()["percentage"] == "74.359"


def test_reprs_read_well(card: gs.Scorecard) -> None:
    assert repr(card) == (
        "<Scorecard office='UNDP Mali' period='2020' percentage_rounded=74 "
        "tier='Silver-strong' percentage=74.359>"
    )
    assert card.tier is not None
    assert repr(card.tier) == "Tier(id='silver', level=2, strong=True, label='Silver-strong')"
    assert repr(card.rank) == "Rank(level=2, strong=True)"
    assert card.next is not None
    assert repr(card.next) == "Shortfall(id='gold', points_missing=Decimal('6'), failing=3)"
    assert repr(card.next.failing[0]) == (
        "GateFailure(kind='benchmark', tier='gold', benchmark='MS1', required='met', "
        "actual='partially_met')"
    )
    assert repr(card.benchmarks[0]) == "BenchmarkRow(id='MS1', rating='partially_met', earned=Decimal('0'))"
    assert repr(card.dimensions[0]).startswith("DimensionRow(id='MS', percentage=Decimal('57.1429')")
    assert repr(gs.Assessment.from_path(MALI)) == (
        "<Assessment UNDP Mali 2020: 41 evidence entries for undp-gender-seal-co 2021.2>"
    )


def test_equal_parts_compare_equal() -> None:
    a, b = gs.score(MALI), gs.score(MALI)
    assert a.tier == b.tier
    assert a.next == b.next
    assert a.benchmarks == b.benchmarks
    assert a.dimensions == b.dimensions
    assert a.rank == b.rank and hash(a.rank) == hash(b.rank)
    gold = gs.score("fixtures/gold-office.json")
    assert gold.rank > a.rank
    assert gold.tier != a.tier
    assert sorted([gold.rank, a.rank])[0] == a.rank


def test_no_tier_office_has_no_tier() -> None:
    card = gs.score("fixtures/no-tier-office.json")
    assert card.tier is None
    assert card.rank.level == 0
    assert "tier=None" in repr(card)
    assert card.to_dict()["tier"] is None


def test_blocked_tiers_and_dimension_gates() -> None:
    card = gs.score("fixtures/gated-office.json")
    assert card.to_dict() == cli("score", "fixtures/gated-office.json", "--format", "json").json()
    blocked = card.blocked
    assert [b.id for b in blocked] == [b["id"] for b in card.to_dict()["blocked"]]
    for b, d in zip(blocked, card.to_dict()["blocked"]):
        assert b.points_missing == Decimal(d["points_missing"])
        assert len(b.failing) == len(d["failing"])


def test_dimension_gate_fields() -> None:
    fw = load("benchmarks/undp-co-2021.json")
    gold = fw["tiers"][-1]
    gold["gates"] = [{"dimension": "MS", "at_least_percent": Decimal("99.5")}]
    card = gs.score(MALI, fw)
    assert card.next is not None
    gate = card.next.failing[0]
    assert gate.kind == "dimension"
    assert (gate.tier, gate.dimension) == ("gold", "MS")
    assert gate.required_percent == Decimal("99.5")
    assert gate.actual_percent == Decimal("57.1429")
    assert gate.benchmark is None and gate.required is None and gate.actual is None
    assert "kind='dimension'" in repr(gate)


def test_assessment_accessors() -> None:
    a = gs.Assessment.from_path(MALI)
    assert (a.office, a.period) == ("UNDP Mali", "2020")
    assert (a.framework_id, a.framework_version) == ("undp-gender-seal-co", "2021.2")
    assert a.file == MALI
    assert gs.Assessment.from_json((ROOT / MALI).read_text()).file is None
    d = a.to_dict()
    assert d["office"] == "UNDP Mali"
    assert gs.score(gs.Assessment.from_dict(d)).to_dict() == gs.score(a).to_dict()


def test_version() -> None:
    cargo = (ROOT / "Cargo.toml").read_text()
    version = next(
        line.split('"')[1] for line in cargo.splitlines() if line.startswith("version = ")
    )
    assert gs.__version__ == version
