"""The Mali case from Python, typed: mypy --strict checks this script against the package's
stubs, and tests/test_examples.py runs it. Run it from the repository root:

    python bindings/python/examples/mali.py
"""

from decimal import Decimal
from typing import Dict, List, Optional

import gender_seal as gs


def rows_needing_work(card: gs.Scorecard) -> List[Dict[str, object]]:
    """The benchmarks not fully met, as plain dicts (a pandas DataFrame takes this list)."""
    return [
        row.as_dict()
        for row in card.benchmarks
        if row.credit is not None and row.credit < Decimal(1)
    ]


def describe(answer: gs.Answer, currency: Optional[str]) -> str:
    card = answer.scorecard
    tier = card.tier.label if card.tier else "no tier"
    reached = "reached" if answer.feasible else "out of reach"
    return (
        f"{answer.question}: target {reached}; {len(answer.activities)} activities "
        f"for {answer.cost}{' ' + currency if currency else ''} -> {card.percentage_rounded} % {tier}"
    )


def main() -> None:
    mali = gs.Assessment.from_path("fixtures/mali-2020.json")
    card = gs.score(mali)
    tier: Optional[gs.Tier] = card.tier
    print(f"{card.office} {card.period}: {card.percentage_rounded} % "
          f"{tier.label if tier else 'no tier'} (exact {card.percentage} %)")
    nxt = card.next
    if nxt is not None:
        gates = ", ".join(g.benchmark or g.dimension or "?" for g in nxt.failing)
        print(f"toward {nxt.label}: {nxt.points_missing} points missing; gates: {gates}")
    print(f"not fully met: {len(rows_needing_work(card))} benchmarks")

    plan = gs.Plan.from_path("fixtures/mali-2021-plan.json")
    planner = gs.Planner(baseline=mali, plan=plan)
    print(describe(planner.cheapest("gold"), plan.currency))
    print(describe(planner.best(Decimal("30000")), plan.currency))
    quarters = [(p["quarter"], p["percentage_rounded"]) for p in planner.timeline()["timeline"]]
    print("timeline:", ", ".join(f"Q{q} {pct} %" for q, pct in quarters))

    try:
        gs.score({"framework": {"id": "undp-gender-seal-co", "version": "2021.2"},
                  "office": "Test", "evidence": {"IC2": {"value": 62.5}}})
    except gs.SealError as e:
        problem: gs.Problem = e.problems[0]
        print(f"refused ({e.kind}) at {problem.path}")


if __name__ == "__main__":
    main()
