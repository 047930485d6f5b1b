"""Scoring speed from Python (docs/PERFORMANCE.md, "Python"), side by side in one run:
gender_seal scoring the Mali 2020 assessment pre-loaded, from a dict and from JSON text, next
to the zen-engine package (GoRules' Rust rules engine, from PyPI) evaluating a weighted-sum
decision of the same 41 benchmarks.

Run from the repository root, with gender_seal built in release mode and zen-engine installed:

    pip install ./bindings/python zen-engine
    python bindings/python/bench.py

Each case runs in rounds of N calls; the table gives the best round (the least disturbed by
the machine's other load) and the median round, per call. Nothing here asserts a time.
"""

import json
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import gender_seal as gs

MALI = "fixtures/mali-2020.json"
ROUNDS = 15


def per_call(f: Callable[[], object], calls: int) -> Tuple[float, float]:
    """Best and median seconds per call over ROUNDS rounds of `calls` calls."""
    rounds: List[float] = []
    for _ in range(ROUNDS):
        start = time.perf_counter_ns()
        for _ in range(calls):
            f()
        rounds.append((time.perf_counter_ns() - start) / calls / 1e9)
    return min(rounds), statistics.median(rounds)


def zen_decision(card: gs.Scorecard) -> Tuple[Any, Dict[str, Any]]:
    """A JDM decision graph computing the same result by a weighted sum: credit by rating
    (the framework's scale), earned and possible over the applicable benchmarks, the
    percentage, its rounding and the tier by the framework's thresholds; and its input, the
    41 benchmarks with weight and rating."""
    import zen  # zen-engine

    fw = card.framework.summary()
    credit = {r["id"]: r["credit"] for r in fw["rating_scale"]}
    credit_expr = " : ".join(f"#.rating == '{r}' ? {c}" for r, c in credit.items()) + " : 0"
    tiers = sorted(((Decimal(t["min"]), t["id"]) for t in fw["tiers"]), reverse=True)
    tier_expr = " : ".join(f"rounded >= {m} ? '{t}'" for m, t in tiers) + " : null"
    nodes = [
        {"id": "in", "type": "inputNode", "name": "Request", "position": {"x": 0, "y": 0}},
        {
            "id": "sum",
            "type": "expressionNode",
            "name": "Weighted sum",
            "position": {"x": 200, "y": 0},
            "content": {
                "expressions": [
                    {
                        "key": "earned",
                        "value": f"sum(map(filter(benchmarks, #.rating != 'not_applicable'), #.weight * ({credit_expr})))",
                    },
                    {
                        "key": "possible",
                        "value": "sum(map(filter(benchmarks, #.rating != 'not_applicable'), #.weight))",
                    },
                ]
            },
        },
        {
            "id": "pct",
            "type": "expressionNode",
            "name": "Percentage",
            "position": {"x": 400, "y": 0},
            "content": {
                "expressions": [
                    {"key": "percentage", "value": "100 * earned / possible"},
                    {"key": "rounded", "value": "round(100 * earned / possible)"},
                ]
            },
        },
        {
            "id": "tier",
            "type": "expressionNode",
            "name": "Tier",
            "position": {"x": 600, "y": 0},
            "content": {
                "expressions": [
                    {"key": "rounded", "value": "rounded"},
                    {"key": "percentage", "value": "percentage"},
                    {"key": "tier", "value": tier_expr},
                ]
            },
        },
        {"id": "out", "type": "outputNode", "name": "Response", "position": {"x": 800, "y": 0}},
    ]
    for node in nodes:
        for k, e in enumerate(node.get("content", {}).get("expressions", [])):
            e["id"] = f"{node['id']}-{k}"
    order = ["in", "sum", "pct", "tier", "out"]
    edges = [
        {"id": f"e{i}", "type": "edge", "sourceId": a, "targetId": b}
        for i, (a, b) in enumerate(zip(order, order[1:]))
    ]
    decision = zen.ZenEngine().create_decision(json.dumps({"nodes": nodes, "edges": edges}))
    context = {
        "benchmarks": [
            {"id": b.id, "weight": int(b.weight), "rating": b.rating} for b in card.benchmarks
        ]
    }
    return decision, context


def main() -> None:
    fw = gs.Framework.builtin("undp-gender-seal-co")
    mali = gs.Assessment.from_path(MALI)
    text = Path(MALI).read_text()
    mali_dict = json.loads(text, parse_float=Decimal)
    card = gs.score(mali)
    assert (card.percentage, card.percentage_rounded) == (Decimal("74.359"), Decimal("74"))

    planner = gs.Planner(mali, "fixtures/mali-2021-plan.json")
    decision, context = zen_decision(card)
    result = decision.evaluate(context)["result"]
    assert result["rounded"] == 74 and result["tier"] == "silver", result
    context_json = json.dumps(context)

    def read() -> object:
        c = gs.score(mali)
        tier = c.tier
        return c.percentage_rounded, tier.label if tier else None

    cases: List[Tuple[str, Callable[[], object], int]] = [
        ("gs.score(assessment), pre-loaded", lambda: gs.score(mali), 20_000),
        ("gs.score(assessment, framework), both pre-loaded", lambda: gs.score(mali, fw), 20_000),
        ("… and read percentage_rounded and tier.label", read, 20_000),
        ("gs.score(dict) (Decimal numbers)", lambda: gs.score(mali_dict), 500),
        ("gs.score(JSON text)", lambda: gs.score(text), 500),
        ("card.to_dict() (the CLI's JSON as Python values)", card.to_dict, 500),
        ("planner.cheapest(\"gold\") (Mali 2021 plan)", lambda: planner.cheapest("gold"), 300),
        ("planner.best(30000)", lambda: planner.best(30000), 300),
        ("zen-engine decision.evaluate(dict)", lambda: decision.evaluate(context), 2_000),
        ("zen-engine decision.evaluate(JSON text)", lambda: decision.evaluate(context_json), 2_000),
    ]
    print(f"Python {sys.version.split()[0]}, gender_seal {gs.__version__}, {ROUNDS} rounds per case")
    print(f"zen-engine result: {result}")
    print()
    print("| case | best µs per call | median µs per call |")
    print("|---|---:|---:|")
    medians: Dict[str, float] = {}
    for name, f, calls in cases:
        f()
        best, median = per_call(f, calls)
        medians[name] = median
        print(f"| {name} | {best * 1e6:,.2f} | {median * 1e6:,.2f} |")
    zen_median = medians["zen-engine decision.evaluate(dict)"]
    ours = medians["gs.score(assessment), pre-loaded"]
    print()
    print(f"zen-engine (dict) ÷ gs.score (pre-loaded), medians: {zen_median / ours:,.1f}×")


if __name__ == "__main__":
    main()
