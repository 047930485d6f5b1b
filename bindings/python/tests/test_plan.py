"""Planning from Python: the Mali 2021 plan cannot reach Gold; each answer's to_dict() and
report equal the command line's `plan`; answers are immutable and their GIL-free questions
give the same answers from several threads."""

import threading
from decimal import Decimal
from typing import List

import pytest

import gender_seal as gs
from conftest import ROOT, cli, load

MALI = "fixtures/mali-2020.json"
PLAN = "fixtures/mali-2021-plan.json"


@pytest.fixture(scope="module")
def planner() -> gs.Planner:
    return gs.Planner(baseline=MALI, plan=gs.Plan.from_path(PLAN))


def plan_cli(*args: str) -> List[str]:
    return ["plan", "--baseline", MALI, PLAN, *args]


def test_mali_2021_plan_cannot_reach_gold(planner: gs.Planner) -> None:
    gold = planner.cheapest("gold")
    assert gold.question == "cheapest"
    assert gold.feasible is False
    assert gold.cost == Decimal("19000")
    assert isinstance(gold.cost, Decimal)
    assert len(gold.activities) == 5
    assert gold.activities == sorted(gold.activities)
    assert gold.budget is None
    card = gold.scorecard
    assert card.percentage_rounded == Decimal("87")
    assert card.tier is not None and card.tier.label == "Silver-strong"
    assert card.period == "2021"
    failing = [g["benchmark"] for g in gold["shortfall"]["failing"]]
    assert failing == ["PR3", "GR2"]
    assert gold["target"]["id"] == "gold"
    assert gold.search_nodes > 0


def test_best_for_30000(planner: gs.Planner) -> None:
    for budget in (Decimal("30000"), 30000, "30000", Decimal("3E+4")):
        best = planner.best(budget)
        assert best.question == "best"
        assert best.budget == Decimal("30000")
        assert best.cost <= Decimal("30000")
        assert best.feasible
        assert best.to_dict() == cli(*plan_cli("--budget", "30000", "--format", "json")).json()


def test_best_with_the_plans_own_budget(planner: gs.Planner) -> None:
    best = planner.best()
    assert best.to_dict() == cli(*plan_cli("--budget", "--format", "json")).json()
    assert best.budget == gs.Plan.from_path(PLAN).budget


CASES = [
    (lambda p: p.cheapest("gold"), ["--target", "gold"]),
    (lambda p: p.cheapest("silver:strong"), ["--target", "silver:strong"]),
    (lambda p: p.cheapest("gold", timeline=True), ["--target", "gold", "--timeline"]),
    (lambda p: p.cheapest("gold", marginal=True), ["--target", "gold", "--marginal"]),
    (lambda p: p.best(Decimal("30000")), ["--budget", "30000"]),
    (lambda p: p.best(Decimal("30000"), timeline=True), ["--budget", "30000", "--timeline"]),
    (lambda p: p.best(Decimal("30000"), marginal=True), ["--budget", "30000", "--marginal"]),
    (lambda p: p.timeline(), ["--timeline"]),
    (lambda p: p.marginal(), ["--marginal"]),
    (lambda p: p.cheapest("or", lang="fr"), ["--target", "or", "--lang", "fr"]),
    (lambda p: p.timeline(lang="fr"), ["--timeline", "--lang", "fr"]),
    (lambda p: p.marginal(lang="fr"), ["--marginal", "--lang", "fr"]),
]


@pytest.mark.parametrize("ask,args", CASES)
def test_answers_equal_the_cli(planner: gs.Planner, ask, args) -> None:  # type: ignore[no-untyped-def]
    answer = ask(planner)
    expected = cli(*plan_cli(*args, "--format", "json"))
    assert answer.to_dict() == expected.json()
    assert answer.to_json() == expected.stdout
    for fmt in ("text", "markdown"):
        assert answer.report(fmt) == cli(*plan_cli(*args, "--format", fmt)).stdout
    assert answer.report() == cli(*plan_cli(*args)).stdout
    assert answer.report("json") == expected.stdout


def test_timeline_and_marginal_views(planner: gs.Planner) -> None:
    t = planner.timeline()
    assert t.question == "whole_plan"
    quarters = [p["quarter"] for p in t["timeline"]]
    assert quarters == [0, 1, 2, 3, 4]
    m = planner.marginal()
    assert m.question == "committed"
    assert len(m["marginal"]) == len(gs.Plan.from_path(PLAN).activity_ids) - len(m.activities)
    with pytest.raises(KeyError):
        t["no_such_field"]


def test_every_field_of_the_json_is_reachable_by_key(planner: gs.Planner) -> None:
    answer = planner.cheapest("gold")
    for key, value in answer.to_dict().items():
        assert answer[key] == value


def test_inputs_in_every_form(planner: gs.Planner) -> None:
    expected = planner.cheapest("gold").to_dict()
    text = (ROOT / PLAN).read_text()
    forms = [
        gs.Planner(MALI, PLAN),
        gs.Planner(gs.Assessment.from_path(MALI), gs.Plan.from_json(text)),
        gs.Planner(load(MALI), load(PLAN)),
        gs.Planner(MALI, gs.Plan.from_dict(load(PLAN)), gs.Framework.builtin("undp-gender-seal-co")),
        gs.Planner(MALI, text, framework="benchmarks/undp-co-2021.json"),
    ]
    for p in forms:
        assert p.cheapest("gold").to_dict() == expected


def test_plan_accessors() -> None:
    plan = gs.Plan.from_path(PLAN)
    assert plan.office == "UNDP Mali"
    assert plan.period == "2021"
    assert plan.currency == "USD"
    assert plan.file == PLAN
    assert len(plan.activity_ids) == 16
    assert plan.budget is None or isinstance(plan.budget, Decimal)
    assert repr(plan) == "<Plan office='UNDP Mali' activities=16>"


def test_answers_are_immutable(planner: gs.Planner) -> None:
    answer = planner.cheapest("gold")
    with pytest.raises(AttributeError):
        answer.feasible = True  # type: ignore[misc]
    activities = answer.activities
    activities.append("X")
    assert "X" not in answer.activities
    d = answer.to_dict()
    d["cost"] = "0"
    assert answer.to_dict()["cost"] == "19000"


def test_reprs(planner: gs.Planner) -> None:
    assert repr(planner.cheapest("gold")) == (
        "<Answer question='cheapest' feasible=False activities=5 cost=19000 "
        "percentage_rounded=87 tier='Silver-strong'>"
    )
    assert repr(planner) == (
        "<Planner baseline='UNDP Mali' activities=16 framework=undp-gender-seal-co 2021.2>"
    )


def test_questions_from_several_threads_agree(planner: gs.Planner) -> None:
    expected = planner.cheapest("gold").to_dict()
    results: List[dict] = []  # type: ignore[type-arg]
    lock = threading.Lock()

    def ask() -> None:
        for _ in range(5):
            d = planner.cheapest("gold").to_dict()
            with lock:
                results.append(d)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 20
    assert all(r == expected for r in results)


def test_a_tiny_work_budget_still_answers_with_a_bound() -> None:
    full = gs.Planner(MALI, PLAN).cheapest("silver")
    assert full.optimal and full.lower_bound is None and full.to_dict()["optimal"] is True
    small = gs.Planner(MALI, PLAN, work=1).cheapest("silver")
    assert small.feasible and not small.optimal
    assert isinstance(small.lower_bound, Decimal)
    assert small.lower_bound <= full.cost <= small.cost
    assert small.to_dict()["lower_bound"] == str(small.lower_bound)
    best = gs.Planner(MALI, PLAN, work=1).best("30000")
    assert not best.optimal and isinstance(best.upper_bound, Decimal)
    assert gs.Planner(MALI, PLAN, time_limit="5").cheapest("silver").optimal
    with pytest.raises(gs.SealError):
        gs.Planner(MALI, PLAN, work=1, time_limit=1)
