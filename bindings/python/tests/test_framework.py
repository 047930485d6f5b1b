"""Frameworks: built-in ones (parsed once, newest version by default), loading, accessors."""

import pytest

import gender_seal as gs
from conftest import cli, load


def test_builtins_are_listed_oldest_version_first() -> None:
    builtins = gs.Framework.builtins()
    assert ("undp-gender-seal-co", "2021.1") in builtins
    assert ("undp-gender-seal-co", "2021.2") in builtins
    assert builtins.index(("undp-gender-seal-co", "2021.1")) < builtins.index(
        ("undp-gender-seal-co", "2021.2")
    )


def test_builtin_defaults_to_the_newest_version() -> None:
    fw = gs.Framework.builtin("undp-gender-seal-co")
    assert (fw.id, fw.version) == ("undp-gender-seal-co", "2021.2")
    old = gs.Framework.builtin("undp-gender-seal-co", "2021.1")
    assert old.version == "2021.1"
    assert gs.score("fixtures/mali-2020.json", fw).percentage_rounded == 74


def test_accessors() -> None:
    fw = gs.Framework.builtin("undp-gender-seal-co")
    assert len(fw.benchmark_ids) == 41
    assert fw.benchmark_ids[0] == "MS1"
    assert fw.dimension_ids == ["MS", "IC", "EE", "CK", "PR", "PA", "GR"]
    assert fw.tier_ids == ["bronze", "silver", "gold"]
    assert "Gender Equality Seal" in fw.title()
    assert fw.title("fr") != ""
    assert repr(fw) == "<Framework undp-gender-seal-co 2021.2: 41 benchmarks in 7 dimensions, 3 tiers>"


def test_summary_of_a_builtin_equals_validate_of_its_file() -> None:
    fw = gs.Framework.builtin("undp-gender-seal-co")
    expected = cli("validate", "benchmarks/undp-co-2021.json", "--format", "json").json()
    assert fw.summary() == expected
    assert fw.summary()["counts"]["benchmarks"] == 41


def test_unknown_builtins_raise_the_librarys_error() -> None:
    with pytest.raises(gs.SealError) as e:
        gs.Framework.builtin("no-such-seal")
    assert e.value.kind == "request"
    assert "built in: undp-gender-seal-co 2021.1" in str(e.value)
    with pytest.raises(gs.SealError) as e:
        gs.Framework.builtin("undp-gender-seal-co", "1999")
    assert e.value.kind == "request"
    assert e.value.problems[0].path == "framework"


def test_from_dict_validates() -> None:
    doc = load("benchmarks/tiny-boundary.json")
    fw = gs.Framework.from_dict(doc)
    assert fw.id == "tiny-boundary"
    doc["tiers"][0]["min"] = 75
    with pytest.raises(gs.SealError) as e:
        gs.Framework.from_dict(doc)
    assert e.value.kind == "invalid"
    assert any(p.path.startswith("tiers") for p in e.value.problems)


def test_frameworks_are_immutable() -> None:
    fw = gs.Framework.builtin("undp-gender-seal-co")
    with pytest.raises(AttributeError):
        fw.id = "x"  # type: ignore[misc]
