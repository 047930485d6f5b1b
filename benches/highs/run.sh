#!/usr/bin/env bash
# Side by side: the project's `cheapest(gold)` and HiGHS (gap 0) on the same generated files.
# Usage: benches/highs/run.sh [PLANS_PER_CASE] (default 5). Needs highspy in /tmp/venv
# (`python3 -m venv /tmp/venv && /tmp/venv/bin/pip install highspy`) or $HIGHS_PYTHON.
# Not run in CI. Prints a Markdown table: per class and size, our median/worst, HiGHS
# median/worst for the cheapest cost alone (or the proof that gold is out of reach), and the
# median for our question up to its last tie-break (highest score, fewest activities; for an
# unreachable gold the best reachable set: benches/highs/solve.py), the ratios of medians
# (HiGHS / ours), and agreement on feasibility, cost and number of activities.
set -euo pipefail
cd "$(dirname "$0")/../.."
plans="${1:-5}"
py="${HIGHS_PYTHON:-/tmp/venv/bin/python}"
dir="$(mktemp -d)"
PLAN_CLASSES_PLANS="$plans" PLAN_CLASSES_DIR="$dir" \
  cargo bench --locked --bench plan_classes -- > "$dir/ours.csv"
# HiGHS prints its banner on stdout: keep the CSV lines only.
"$py" benches/highs/solve.py "$dir" \
  | grep -E '^(stem,|[a-z_0-9]+-[0-9]+-[0-9]+,)' > "$dir/highs.csv"
"$py" - "$dir" <<'PY'
import csv, json, statistics, sys
from pathlib import Path
d = Path(sys.argv[1])
ours = {(r["class"], int(r["n"])): r for r in csv.DictReader(open(d / "ours.csv"))}
highs, ties, agree = {}, {}, {}
for r in csv.DictReader(open(d / "highs.csv")):
    cls, n, _k = r["stem"].rsplit("-", 2)
    key = (cls, int(n))
    highs.setdefault(key, []).append(float(r["solve_ms"]))
    ties.setdefault(key, []).append(float(r["ties_ms"]))
    mine = json.loads((d / f"{r['stem']}-ours.json").read_text())
    theirs_feasible = r["status"] == "Optimal"
    # Reached or not, the cost and the number of activities of the answer (for an unreachable
    # gold: of the best reachable set).
    ok = (mine["feasible"] == theirs_feasible
          and str(int(float(mine["cost"]))) == r["cost"] and str(mine["count"]) == r["count"])
    a = agree.setdefault(key, [0, 0])
    a[0] += ok
    a[1] += 1
print("| class | n | ours median ms | ours worst ms | proven | HiGHS cost median ms | HiGHS cost worst ms | ratio (cost) | HiGHS same question median ms | ratio (same question) | agree |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for key, o in ours.items():
    h = sorted(highs.get(key, [float("nan")]))
    t = sorted(ties.get(key, [float("nan")]))
    om = float(o["median_ms"])
    ratio = lambda v: v / om if om > 0 else float("inf")
    a = agree.get(key, [0, 0])
    hm, tm = statistics.median(h), statistics.median(t)
    print(f"| {key[0]} | {key[1]} | {o['median_ms']} | {o['worst_ms']} | {o['proven']}/{o['plans']} | {hm:.2f} | {h[-1]:.2f} | {ratio(hm):.2f} | {tm:.2f} | {ratio(tm):.2f} | {a[0]}/{a[1]} |")
PY
