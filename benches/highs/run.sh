#!/usr/bin/env bash
# Side by side: the project's `cheapest(gold)` and HiGHS (gap 0) on the same generated files.
# Usage: benches/highs/run.sh [PLANS_PER_CASE] (default 5). Needs highspy in /tmp/venv
# (`python3 -m venv /tmp/venv && /tmp/venv/bin/pip install highspy`) or $HIGHS_PYTHON.
# Not run in CI. Prints a Markdown table: per class and size, our median/worst, HiGHS
# median/worst (solve only), the ratio of medians (HiGHS / ours), and cost agreement.
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
highs = {}
agree = {}
for r in csv.DictReader(open(d / "highs.csv")):
    cls, n, _k = r["stem"].rsplit("-", 2)
    key = (cls, int(n))
    highs.setdefault(key, []).append(float(r["solve_ms"]))
    mine = json.loads((d / f"{r['stem']}-ours.json").read_text())
    theirs_feasible = r["status"] == "Optimal"
    ok = (mine["feasible"] == theirs_feasible) and (
        not theirs_feasible or str(int(float(mine["cost"]))) == r["cost"])
    a = agree.setdefault(key, [0, 0])
    a[0] += ok
    a[1] += 1
print("| class | n | ours median ms | ours worst ms | proven | HiGHS median ms | HiGHS worst ms | HiGHS/ours (median) | costs agree |")
print("|---|---|---|---|---|---|---|---|---|")
for key, o in ours.items():
    h = sorted(highs.get(key, [float("nan")]))
    hm = statistics.median(h)
    om = float(o["median_ms"])
    ratio = hm / om if om > 0 else float("inf")
    a = agree.get(key, [0, 0])
    print(f"| {key[0]} | {key[1]} | {o['median_ms']} | {o['worst_ms']} | {o['proven']}/{o['plans']} | {hm:.2f} | {h[-1]:.2f} | {ratio:.2f} | {a[0]}/{a[1]} |")
PY
