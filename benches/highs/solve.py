"""Times HiGHS (highspy, gap 0) on the plan files `benches/plan_classes.rs` writes.

Usage: solve.py FOLDER. For each `<stem>-plan.json` with its `<stem>-framework.json` and
`<stem>-baseline.json`, builds the MILP of `cheapest(gold)` (weights and credits from the
framework file, `flat` or `by_dimension`; the gold tier's threshold under the framework's
rounding; the benchmark gates of every tier up to gold) and prints one CSV line per case:
stem,build_ms,solve_ms,status,cost,ties_ms,count. `solve_ms` is the lowest cost alone; when
Gold is reachable, two more solves answer the project's first tie-breaks too (docs/plan.md):
the highest score at that cost, then the fewest activities at both, and `ties_ms` is the time
of all three solves, `count` that number of activities (the last tie-break, the first sorted
id list, is not asked of HiGHS). Timing only: the project's answers never use floats.
"""

import json
import math
import sys
import time
from fractions import Fraction
from pathlib import Path

import highspy


def least_percentage(minimum: Fraction, rounding: dict) -> tuple[Fraction, bool]:
    """The least exact percentage whose official rounding reaches `minimum`: (value, strict)."""
    half = Fraction(1, 2) / 10 ** rounding.get("decimals", 0)
    mode = rounding.get("mode", "half_up")
    if mode == "down":
        return minimum, False
    if mode == "half_up":
        return minimum - half, False
    # half_even: the tie below `minimum` rounds to it only when its last digit is even.
    last = int(minimum * 10 ** rounding.get("decimals", 0)) % 10
    return minimum - half, last % 2 == 1


class Shape:
    """What the MILP needs of a framework."""

    def __init__(self, fw: dict) -> None:
        self.order = [r["id"] for r in fw["rating_scale"]]
        self.credit = {r["id"]: Fraction(str(r["credit"])) for r in fw["rating_scale"]}
        top = max(self.credit.values())
        by_dim = fw.get("aggregation", "flat") == "by_dimension"
        dims = fw["dimensions"]
        dim_weight = {d["id"]: Fraction(str(d.get("weight", 1))) if by_dim else Fraction(1)
                      for d in dims}
        total_dim_weight = sum(dim_weight.values())
        possible = {d["id"]: sum(Fraction(str(b.get("weight", 1))) * top
                                 for b in d["benchmarks"]) for d in dims}
        all_possible = sum(possible.values())
        # P = 100 × sum of factor[b] × credit(b): flat, earned over possible; by dimension,
        # each dimension's share weighted (every benchmark applicable in these baselines).
        self.factor = {}
        for d in dims:
            for b in d["benchmarks"]:
                w = Fraction(str(b.get("weight", 1)))
                if by_dim:
                    self.factor[b["id"]] = w * dim_weight[d["id"]] / (
                        possible[d["id"]] * total_dim_weight)
                else:
                    self.factor[b["id"]] = w / all_possible
        tiers = fw["tiers"]
        gold = next(t for t in tiers if t["id"] == "gold")
        self.least, self.strict = least_percentage(Fraction(str(gold["min"])), fw["rounding"])
        self.gates = {}
        for t in tiers[: tiers.index(gold) + 1]:
            for g in t.get("gates", []):
                if "benchmark" in g:
                    lvl = self.order.index(g["at_least"])
                    self.gates[g["benchmark"]] = max(self.gates.get(g["benchmark"], 0), lvl)


def build(shape: Shape, base: dict, plan: dict, gold: bool):
    """The MILP over the plan's activities: x (chosen), y (benchmark reaches a level), the
    score's terms (y index, exact percent), and with `gold` its threshold and gates. Returns
    (highs, x, terms, feasible): `feasible` is False when gold is out of reach already."""
    order, credit = shape.order, shape.credit
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0)
    acts = plan["activities"]
    level0 = {b: order.index(e["rating"]) for b, e in base["evidence"].items()}
    inf = highspy.kHighsInf
    x = [h.addVariable(0, 1, float(a["cost"])) for a in acts]
    for v in x:
        h.changeColIntegrality(v.index, highspy.HighsVarType.kInteger)
    # y[b][l] = 1 when benchmark b reaches level l or more (l above its baseline).
    start = Fraction(0)
    terms = []  # (var index, exact coefficient in percent)
    reach = {}
    for b, l0 in level0.items():
        start += 100 * shape.factor[b] * credit[order[l0]]
        for lvl in range(l0 + 1, len(order)):
            cover = [i for i, a in enumerate(acts) for e in a["effects"]
                     if e["benchmark"] == b and order.index(e["rating"]) >= lvl]
            if not cover:
                continue
            y = h.addVariable(0, 1, 0.0)
            reach[(b, lvl)] = y
            h.addRow(-inf, 0.0, 1 + len(cover), [y.index] + [x[i].index for i in cover],
                     [1.0] + [-1.0] * len(cover))
            gain = 100 * shape.factor[b] * (credit[order[lvl]] - credit[order[lvl - 1]])
            if gain:
                terms.append((y.index, gain))
    if not gold:
        return h, x, terms, True
    for b, lvl in shape.gates.items():
        if level0[b] >= lvl:
            continue
        y = reach.get((b, lvl))
        if y is None:
            return h, x, terms, False
        h.changeColBounds(y.index, 1.0, 1.0)
    missing = shape.least - start
    if terms and (missing > 0 or (missing == 0 and shape.strict)):
        # Integer coefficients: the row is exact up to floats' 53 bits, enough for timing.
        den = math.lcm(*[c.denominator for _, c in terms], missing.denominator)
        rhs = missing * den
        rhs = math.floor(rhs) + 1 if shape.strict else math.ceil(rhs)
        scale = max(abs(c * den) for _, c in terms)
        h.addRow(float(Fraction(rhs) / scale), inf, len(terms), [i for i, _ in terms],
                 [float(c * den / scale) for _, c in terms])
    elif missing > 0:
        return h, x, terms, False
    return h, x, terms, True


def objective(h, cols, coef: float, sense) -> None:
    """Sets the objective to `coef` times each of `cols` (0 elsewhere) in direction `sense`."""
    for c in range(h.getNumCol()):
        h.changeColCost(c, 0.0)
    for c in cols:
        h.changeColCost(c, coef)
    h.changeObjectiveSense(sense)


def ties(h, x, acts, terms, cost_first: bool) -> tuple[str, str]:
    """The project's next tie-breaks on a solved model: with `cost_first` (a reachable gold,
    its lowest cost found), the highest score at that cost; without (gold out of reach: the
    answer is the best reachable set, whose score is every activity's), the lowest cost at
    that score. Then the fewest activities at both. Returns the cost and that number ("" when
    a solve found no optimum)."""
    inf = highspy.kHighsInf
    den = math.lcm(*[c.denominator for _, c in terms]) if terms else 1
    scale = max((abs(c * den) for _, c in terms), default=1)
    coef = [(i, float(c * den / scale)) for i, c in terms]
    costs = [float(a["cost"]) for a in acts]
    cols = [v.index for v in x]
    maximize, minimize = highspy.ObjSense.kMaximize, highspy.ObjSense.kMinimize
    cost = h.getInfo().objective_function_value
    if cost_first:
        h.addRow(-inf, cost + 0.5, len(x), cols, costs)
        objective(h, [], 0.0, maximize)
        for i, c in coef:
            h.changeColCost(i, c)
        h.run()
        # Distinct sums of the scaled scores differ by far more than 1e-6 in these classes.
        best = h.getInfo().objective_function_value
        h.addRow(best - 1e-6, inf, len(coef), [i for i, _ in coef], [c for _, c in coef])
    else:
        # Every activity's score, then the cheapest set that keeps it.
        best = sum(c for _, c in coef)
        h.addRow(best - 1e-6, inf, len(coef), [i for i, _ in coef], [c for _, c in coef])
        objective(h, [], 0.0, minimize)
        for v, c in zip(cols, costs):
            h.changeColCost(v, c)
        h.run()
        cost = h.getInfo().objective_function_value
        h.addRow(-inf, cost + 0.5, len(x), cols, costs)
    objective(h, cols, 1.0, minimize)
    h.run()
    if h.modelStatusToString(h.getModelStatus()) != "Optimal":
        return "", ""
    return str(round(cost)), str(round(h.getInfo().objective_function_value))


def solve(shape: Shape, base: dict, plan: dict):
    """(build s, solve s, status, cost, ties s, count) for one case: `solve` the cheapest
    gold alone (or its proof of unreachability), `ties` that and the tie-breaks of [`ties`]
    (for an unreachable gold, the best reachable set's cost and count)."""
    t0 = time.perf_counter()
    h, x, terms, feasible = build(shape, base, plan, True)
    build_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    if feasible:
        h.run()
        status = h.modelStatusToString(h.getModelStatus())
    else:
        status = "Infeasible"
    solve_s = time.perf_counter() - t1
    acts = plan["activities"]
    if status == "Optimal":
        t2 = time.perf_counter()
        cost, count = ties(h, x, acts, terms, True)
        ties_s = solve_s + time.perf_counter() - t2
    else:
        # The best reachable set instead, on a model without gold (its build not timed).
        h, x, terms, _ = build(shape, base, plan, False)
        t2 = time.perf_counter()
        cost, count = ties(h, x, acts, terms, False)
        ties_s = solve_s + time.perf_counter() - t2
    return build_s, solve_s, status, cost, ties_s, count


def main() -> None:
    folder = Path(sys.argv[1])
    print("stem,build_ms,solve_ms,status,cost,ties_ms,count")
    for plan_path in sorted(folder.glob("*-plan.json")):
        stem = plan_path.name[: -len("-plan.json")]
        shape = Shape(json.loads((folder / f"{stem}-framework.json").read_text()))
        base = json.loads((folder / f"{stem}-baseline.json").read_text())
        plan = json.loads(plan_path.read_text())
        build, solve_s, status, cost, ties_s, count = solve(shape, base, plan)
        print(f"{stem},{build * 1e3:.2f},{solve_s * 1e3:.2f},{status},{cost},"
              f"{ties_s * 1e3:.2f},{count}")


if __name__ == "__main__":
    main()
