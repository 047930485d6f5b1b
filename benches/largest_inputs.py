#!/usr/bin/env python3
"""The largest valid input of each file kind, for docs/PERFORMANCE.md "Budgets per command".

Writes to the folder given (default target/largest):
  framework.json     10,000 benchmarks in 100 dimensions, 20 ratings, 20 tiers with 60 gates
                     each, a 19-step rule on every other benchmark, just under 16 MiB
  framework-b.json   the same with other weights (the `diff --to` side)
  assessment.json    evidence for all 10,000 benchmarks (values on the rules), notes and
                     sources filling it to just under 16 MiB
  plan.json          64 activities, 2,500 effects each (160,000), just under 16 MiB with notes
  expectations.json  40 cases on assessment.json pinning every field

Standard library only; deterministic.
"""

import json
import os
import sys

LIMIT = 16 * 1024 * 1024
OUT = sys.argv[1] if len(sys.argv) > 1 else "target/largest"
os.makedirs(OUT, exist_ok=True)

RATINGS = [
    {"id": f"r{r:02}", "credit": "1" if r == 19 else f"0.{r * 5:02}", "label": {"en": f"Rating {r}", "fr": f"Note {r}"}}
    for r in range(20)
]


def benchmark(i, weight, pad):
    b = {
        "id": f"B{i:05}",
        "title": {"en": f"Benchmark {i} " + "t" * pad, "fr": f"Critère {i} " + "t" * pad},
        "weight": weight,
    }
    if i % 2 == 0:
        b["rule"] = {
            "unit": "percent",
            "ladder": [{"at_least": 95 - 5 * s, "rating": f"r{19 - s:02}"} for s in range(19)],
            "otherwise": "r00",
        }
    return b


def framework(weight_of, pad):
    dims = []
    for d in range(100):
        dims.append({
            "id": f"D{d:03}",
            "title": {"en": f"Dimension {d}", "fr": f"Dimension {d}"},
            "benchmarks": [benchmark(d * 100 + j, weight_of(d * 100 + j), pad) for j in range(100)],
        })
    tiers = []
    for t in range(20):
        gates = [{"benchmark": f"B{(t * 500 + g * 7) % 10000:05}", "at_least": "r01"} for g in range(50)]
        gates += [{"dimension": f"D{(t * 5 + g) % 100:03}", "at_least_percent": 1} for g in range(10)]
        tiers.append({"id": f"t{t:02}", "min": 1 + 4 * t, "label": {"en": f"Tier {t}", "fr": f"Niveau {t}"}, "gates": gates})
    return {
        "id": "largest", "version": "1",
        "title": {"en": "The largest valid framework", "fr": "Le plus grand cadre valide"},
        "rating_scale": RATINGS,
        "rounding": {"decimals": 2, "mode": "half_even"},
        "dimensions": dims,
        "tiers": tiers,
    }


def fill(make, lo=0, hi=2000):
    """The largest pad keeping the document under the limit (binary search)."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(json.dumps(make(mid), ensure_ascii=False).encode()) <= LIMIT - 1024:
            lo = mid
        else:
            hi = mid - 1
    return make(lo)


def write(name, doc):
    text = json.dumps(doc, ensure_ascii=False)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{name}: {len(text.encode()):,} bytes")


write("framework.json", fill(lambda pad: framework(lambda i: str(1 + i % 97), pad)))
write("framework-b.json", fill(lambda pad: framework(lambda i: str(1 + i % 89), pad)))


def assessment(pad):
    evidence = {}
    for i in range(10000):
        e = {"value": (i * 37) % 101} if i % 2 == 0 else {"rating": f"r{i % 20:02}"}
        e["note"] = "n" * pad
        e["sources"] = [f"source {i}"]
        evidence[f"B{i:05}"] = e
    return {"framework": {"id": "largest", "version": "1"}, "office": "The largest office", "period": "2026", "evidence": evidence}


write("assessment.json", fill(assessment))


def plan(pad):
    activities = []
    for a in range(64):
        effects = [{"benchmark": f"B{(a * 151 + k * 4) % 10000:05}", "rating": "r19"} for k in range(2500)]
        activities.append({
            "id": f"A{a:02}", "title": {"en": f"Activity {a}", "fr": f"Activité {a}"},
            "cost": 1000 + a * 17, "quarter": 1 + a % 4, "committed": a < 2,
            "effects": [dict(e, note="e" * pad) for e in effects],
        })
    return {"framework": {"id": "largest", "version": "1"}, "office": "The largest office", "budget": 20000, "activities": activities}


write("plan.json", fill(plan, 0, 200))

cases = [{"name": f"case {c}", "assessment": "assessment.json", "expect": {"tier": None if c % 2 else "t00"}} for c in range(40)]
write("expectations.json", {"framework": "framework.json", "cases": cases})
