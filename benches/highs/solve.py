"""Times HiGHS (highspy, gap 0) on the plan files `benches/plan_classes.rs` writes.

Usage: solve.py FRAMEWORK.json FOLDER. For each `<stem>-plan.json` with its
`<stem>-baseline.json`, builds the MILP of `cheapest(gold)` for a flat framework (weights and
credits from the file; the gold tier's threshold, rounding half up to whole percent, and the
benchmark gates of every tier up to gold) and prints one CSV line per case:
stem,build_ms,solve_ms,status,cost. Timing only: the project's answers never use floats.
"""

import json
import math
import sys
import time
from fractions import Fraction
from pathlib import Path

import highspy


def main() -> None:
    fw = json.loads(Path(sys.argv[1]).read_text())
    folder = Path(sys.argv[2])
    scale = {r["id"]: Fraction(str(r["credit"])) for r in fw["rating_scale"]}
    order = [r["id"] for r in fw["rating_scale"]]
    weight = {}
    for d in fw["dimensions"]:
        for b in d["benchmarks"]:
            weight[b["id"]] = Fraction(str(b.get("weight", 1)))
    total = sum(weight.values())
    tiers = fw["tiers"]
    gold = next(t for t in tiers if t["id"] == "gold")
    # Least earned E with round_half_up(100 E / total) >= min: 100 E / total >= min - 1/2.
    need = (Fraction(str(gold["min"])) - Fraction(1, 2)) * total / 100
    gates = {}
    for t in tiers[: tiers.index(gold) + 1]:
        for g in t.get("gates", []):
            if "benchmark" in g:
                lvl = order.index(g["at_least"])
                gates[g["benchmark"]] = max(gates.get(g["benchmark"], 0), lvl)
    print("stem,build_ms,solve_ms,status,cost")
    for plan_path in sorted(folder.glob("*-plan.json")):
        stem = plan_path.name[: -len("-plan.json")]
        base = json.loads((folder / f"{stem}-baseline.json").read_text())
        plan = json.loads(plan_path.read_text())
        t0 = time.perf_counter()
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
        earned = Fraction(0)
        terms = []  # (var index, coefficient) of the score
        reach = {}
        for b, l0 in level0.items():
            earned += weight[b] * scale[order[l0]]
            for lvl in range(l0 + 1, len(order)):
                cover = [i for i, a in enumerate(acts) for e in a["effects"]
                         if e["benchmark"] == b and order.index(e["rating"]) >= lvl]
                if not cover:
                    continue
                y = h.addVariable(0, 1, 0.0)
                reach[(b, lvl)] = y
                # y <= sum of coverers
                h.addRow(-inf, 0.0, 1 + len(cover), [y.index] + [x[i].index for i in cover],
                         [1.0] + [-1.0] * len(cover))
                gain = weight[b] * (scale[order[lvl]] - scale[order[lvl - 1]])
                if gain:
                    terms.append((y.index, gain))
        feasible = True
        for b, lvl in gates.items():
            if level0[b] >= lvl:
                continue
            y = reach.get((b, lvl))
            if y is None:
                feasible = False
                break
            h.changeColBounds(y.index, 1.0, 1.0)
        missing = need - earned
        if feasible and terms and missing > 0:
            den = math.lcm(*[c.denominator for _, c in terms], missing.denominator)
            h.addRow(float(missing * den), inf, len(terms), [i for i, _ in terms],
                     [float(c * den) for _, c in terms])
        elif missing > 0:
            feasible = False
        build = time.perf_counter() - t0
        t1 = time.perf_counter()
        if feasible:
            h.run()
            status = h.modelStatusToString(h.getModelStatus())
            cost = h.getInfo().objective_function_value if status == "Optimal" else None
        else:
            status, cost = "Infeasible", None
        solve = time.perf_counter() - t1
        cost_s = "" if cost is None else str(round(cost))
        print(f"{stem},{build * 1e3:.2f},{solve * 1e3:.2f},{status},{cost_s}")


if __name__ == "__main__":
    main()
