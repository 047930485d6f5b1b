"""Errors: SealError (a ValueError) with the library's kind, every problem's path and message,
the file at fault, and str() equal to the command line's message; floats and other inexact or
unreadable values refused at their path; bad arguments named."""

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, List

import pytest

import gender_seal as gs
from conftest import cli, load

MALI = "fixtures/mali-2020.json"
PLAN = "fixtures/mali-2021-plan.json"


def raised(f: Callable[[], Any]) -> gs.SealError:
    with pytest.raises(gs.SealError) as e:
        f()
    assert isinstance(e.value, ValueError)
    return e.value


def write(tmp_path: Path, name: str, doc: Any) -> str:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, default=str))
    return str(path)


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.json")
    e = raised(lambda: gs.score(missing))
    assert e.kind == "io"
    assert e.file == missing
    assert str(e) == cli("score", missing).error()
    assert raised(lambda: gs.Assessment.from_path(missing)).kind == "io"
    assert raised(lambda: gs.Framework.from_path(missing)).kind == "io"
    assert raised(lambda: gs.Plan.from_path(missing)).kind == "io"


def test_syntax_error(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.json", '{"framework": ')
    e = raised(lambda: gs.score(path))
    assert e.kind == "syntax"
    assert str(e) == cli("score", path).error()
    assert raised(lambda: gs.Assessment.from_json('{"framework": ')).kind == "syntax"


def test_format_error_names_the_path(tmp_path: Path) -> None:
    doc = load(MALI)
    doc["evidence"]["IC2"] = {"rating": 3}
    path = write(tmp_path, "bad.json", doc)
    e = raised(lambda: gs.score(path))
    assert e.kind == "format"
    assert [p.path for p in e.problems] == ["evidence.IC2.rating"]
    assert str(e) == cli("score", path).error()
    from_dict = raised(lambda: gs.score(doc))
    assert from_dict.kind == "format"
    assert from_dict.file is None
    assert [p.path for p in from_dict.problems] == ["evidence.IC2.rating"]
    # A position in the JSON written from a dict would mean nothing: it is left out.
    assert from_dict.problems[0].message == "invalid type: integer `3`, expected a string"
    assert str(e).startswith(f"{path}: {from_dict} at line ")


def test_invalid_evidence_lists_every_problem(tmp_path: Path) -> None:
    doc = load(MALI)
    doc["evidence"]["XX9"] = {"rating": "met"}
    doc["evidence"]["MS1"] = {"rating": "superb"}
    path = write(tmp_path, "invalid.json", doc)
    e = raised(lambda: gs.score(path))
    assert e.kind == "invalid"
    assert len(e.problems) == 2
    assert {p.path for p in e.problems} == {"evidence.XX9", "evidence.MS1.rating"}
    assert str(e) == cli("score", path).error()
    assert str(e).count("\n") == 1
    for p in e.problems:
        assert str(p) == f"{p.path}: {p.message}"
        assert repr(p).startswith("Problem(path=")


def test_framework_mismatch(tmp_path: Path) -> None:
    doc = load(MALI)
    path = write(tmp_path, "mali.json", doc)
    fw = "benchmarks/tiny-boundary.json"
    e = raised(lambda: gs.score(path, fw))
    assert e.kind == "framework_mismatch"
    assert e.problems[0].path == "framework.id"
    assert str(e) == cli("score", "--framework", fw, path).error()


def test_not_scorable(tmp_path: Path) -> None:
    fw = load("benchmarks/tiny-boundary.json")
    a = {
        "framework": {"id": "tiny-boundary", "version": "1"},
        "office": "Nowhere",
        "evidence": {b: {"rating": "not_applicable", "note": "n/a"} for b in ("T1", "T2", "T3", "T4")},
    }
    e = raised(lambda: gs.score(a, fw))
    assert e.kind == "not_scorable"
    path = write(tmp_path, "na.json", a)
    assert str(raised(lambda: gs.score(path, "benchmarks/tiny-boundary.json"))) == cli(
        "score", "--framework", "benchmarks/tiny-boundary.json", path
    ).error()


def test_invalid_framework_file(tmp_path: Path) -> None:
    fw = load("benchmarks/tiny-boundary.json")
    fw["tiers"][1]["min"] = 50
    fw["dimensions"][0]["benchmarks"][1]["weight"] = "-1"
    path = write(tmp_path, "fw.json", fw)
    e = raised(lambda: gs.Framework.from_path(path))
    assert e.kind == "invalid"
    assert len(e.problems) >= 2
    assert str(e) == cli("validate", path).error()
    assert str(raised(lambda: gs.score("fixtures/boundary-half.json", path))) == cli(
        "score", "--framework", path, "fixtures/boundary-half.json"
    ).error()


def test_unknown_builtin_named_by_the_assessment() -> None:
    doc = load(MALI)
    doc["framework"]["id"] = "no-such-seal"
    e = raised(lambda: gs.score(doc))
    assert e.kind == "request"
    assert "no built-in framework 'no-such-seal'" in str(e)


def test_plan_errors_name_the_plan_file(tmp_path: Path) -> None:
    plan = load(PLAN)
    first = next(i for i, a in enumerate(plan["activities"]) if a.get("effects"))
    plan["activities"][first]["effects"][0]["benchmark"] = "XX1"
    plan["activities"][1]["cost"] = "-5"
    path = write(tmp_path, "plan.json", plan)
    e = raised(lambda: gs.Planner(MALI, path))
    assert e.kind == "invalid"
    assert e.file == path
    assert {p.path for p in e.problems} == {
        f"activities[{first}].effects[0].benchmark",
        "activities[1].cost",
    }
    assert str(e) == cli("plan", "--baseline", MALI, path, "--target", "gold").error()


def test_baseline_errors_name_the_baseline_file(tmp_path: Path) -> None:
    doc = load(MALI)
    doc["evidence"]["MS1"] = {"rating": "superb"}
    path = write(tmp_path, "baseline.json", doc)
    e = raised(lambda: gs.Planner(path, PLAN))
    assert e.kind == "invalid"
    assert e.file == path
    assert str(e) == cli("plan", "--baseline", path, PLAN, "--target", "gold").error()


def test_unknown_target() -> None:
    p = gs.Planner(MALI, PLAN)
    e = raised(lambda: p.cheapest("platinum"))
    assert e.kind == "request"
    assert str(e) == cli("plan", "--baseline", MALI, PLAN, "--target", "platinum").error()
    e = raised(lambda: p.cheapest("gold:mighty"))
    assert str(e) == cli("plan", "--baseline", MALI, PLAN, "--target", "gold:mighty").error()


def test_bad_budget() -> None:
    p = gs.Planner(MALI, PLAN)
    e = raised(lambda: p.best(30000.0))  # type: ignore[arg-type]
    assert e.kind == "request"
    assert e.problems[0].path == "budget"
    assert "float" in e.problems[0].message
    e = raised(lambda: p.best("thirty"))
    assert e.problems[0].path == "budget"
    e = raised(lambda: p.best(Decimal("0.1234567")))
    assert e.problems[0].path == "budget"
    e = raised(lambda: p.best([1]))  # type: ignore[arg-type]
    assert e.problems[0].path == "budget"


def test_bad_lang_and_format() -> None:
    e = raised(lambda: gs.score(MALI, lang="de"))
    assert (e.kind, e.problems[0].path) == ("request", "lang")
    assert "expected one of en, fr" in e.problems[0].message
    card = gs.score(MALI)
    e = raised(lambda: card.report("pdf"))
    assert (e.kind, e.problems[0].path) == ("request", "format")
    assert e.problems[0].message.startswith("unknown format 'pdf'; expected one of text, json, markdown")
    p = gs.Planner(MALI, PLAN)
    assert raised(lambda: p.cheapest("gold", lang="xx")).problems[0].path == "lang"
    assert raised(lambda: p.timeline().report("docx")).problems[0].path == "format"
    assert raised(lambda: gs.Framework.builtin("undp-gender-seal-co").summary("xx")).kind == "request"
    assert raised(lambda: gs.check("fixtures/expectations.json").report(lang="xx")).kind == "request"


FLOAT_CASES = [
    ("assessment", lambda d: d["evidence"].__setitem__("IC2", {"value": 62.5}), "evidence.IC2.value"),
    ("framework", lambda d: d["dimensions"][0]["benchmarks"][1].__setitem__("weight", 0.5), "dimensions[0].benchmarks[1].weight"),
    ("framework", lambda d: d["tiers"][2].__setitem__("min", 80.0), "tiers[2].min"),
    ("plan", lambda d: d["activities"][3].__setitem__("cost", 1500.0), "activities[3].cost"),
]


@pytest.mark.parametrize("kind,spoil,path", FLOAT_CASES)
def test_floats_are_refused_at_their_path(kind: str, spoil: Callable[[Any], None], path: str) -> None:
    docs = {
        "assessment": load(MALI),
        "framework": load("benchmarks/undp-co-2021.json"),
        "plan": load(PLAN),
    }
    spoil(docs[kind])
    loaders = {
        "assessment": lambda: gs.score(docs["assessment"]),
        "framework": lambda: gs.score(MALI, docs["framework"]),
        "plan": lambda: gs.Planner(MALI, docs["plan"]),
    }
    e = raised(loaders[kind])
    assert e.kind == "format"
    assert [p.path for p in e.problems] == [path]
    assert "is a float" in e.problems[0].message
    assert "Decimal(" in e.problems[0].message


def test_plain_json_loads_gives_floats_which_are_refused() -> None:
    doc = json.loads(Path(MALI).read_text())
    e = raised(lambda: gs.Assessment.from_dict(doc))
    assert e.kind == "format"
    assert e.problems[0].path.startswith("evidence.")
    assert gs.Assessment.from_dict(load(MALI)).office == "UNDP Mali"


@pytest.mark.parametrize(
    "value,words",
    [
        (Decimal("NaN"), "not a finite number"),
        (Decimal("Infinity"), "not a finite number"),
        (Decimal("-Infinity"), "not a finite number"),
        ({1, 2}, "type 'set'"),
        (Fraction(1, 3), "type 'Fraction'"),
        (b"62", "type 'bytes'"),
        (float("nan"), "is a float"),
    ],
)
def test_values_that_are_not_exact_json(value: Any, words: str) -> None:
    doc = load(MALI)
    doc["evidence"]["IC2"] = {"value": value}
    e = raised(lambda: gs.Assessment.from_dict(doc))
    assert e.kind == "format"
    assert e.problems[0].path == "evidence.IC2.value"
    assert words in e.problems[0].message


def test_library_checks_apply_to_dict_numbers() -> None:
    doc = load(MALI)
    doc["evidence"]["IC2"] = {"value": Decimal("0.1234567")}
    e = raised(lambda: gs.score(doc))
    assert e.kind == "format"
    assert e.problems[0].path == "evidence.IC2.value"
    doc["evidence"]["IC2"] = {"value": 10**40}
    assert raised(lambda: gs.score(doc)).problems[0].path == "evidence.IC2.value"


def test_keys_must_be_strings() -> None:
    doc = load(MALI)
    doc["evidence"][7] = {"rating": "met"}
    e = raised(lambda: gs.Assessment.from_dict(doc))
    assert e.kind == "format"
    assert e.problems[0].path == "evidence"
    assert "key 7 is not a string" in e.problems[0].message


def test_lone_surrogates_are_refused() -> None:
    doc = load(MALI)
    doc["office"] = "bad \ud800 text"
    e = raised(lambda: gs.Assessment.from_dict(doc))
    assert (e.kind, e.problems[0].path) == ("format", "office")


def test_self_referencing_values_end_in_an_error() -> None:
    d: dict = {}  # type: ignore[type-arg]
    d["office"] = d
    e = raised(lambda: gs.Assessment.from_dict(d))
    assert e.kind == "syntax"
    assert "128 levels" in str(e)
    wide: List[Any] = []
    wide.append(wide)
    wide.append(wide)
    e = raised(lambda: gs.Assessment.from_dict({"evidence": wide}))
    assert e.kind == "syntax"


def test_deep_but_legal_nesting_reaches_the_library() -> None:
    doc: Any = "x"
    for _ in range(100):
        doc = [doc]
    e = raised(lambda: gs.Assessment.from_dict({"office": doc}))
    assert e.kind == "format"


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        gs.score(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gs.Assessment.from_dict([1, 2])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gs.Assessment.from_json({"a": 1})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gs.Planner(MALI, 3.5)  # type: ignore[arg-type]


def test_json_text_and_bytes_of_a_list_are_the_librarys_format_errors() -> None:
    e = raised(lambda: gs.Assessment.from_json("[1, 2]"))
    assert e.kind == "format"
    e = raised(lambda: gs.Assessment.from_json(b""))
    assert e.kind == "syntax"
