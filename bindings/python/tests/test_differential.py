"""Differential test: generated frameworks and assessments (seeded, so every run sees the same
ones) scored from Python and by the command line must agree: the same JSON document for every
valid pair, the same error message for every invalid one. Numbers are written as Decimal, int
or decimal strings at random, in files as bare JSON numbers."""

import json
import random
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import gender_seal as gs
from conftest import cli

CASES = 160
MODES = ["half_up", "half_even", "down"]


def number(rng: random.Random, d: Decimal) -> Any:
    """The same number as a Decimal, an int (when whole) or a decimal string."""
    choice = rng.randrange(3)
    if choice == 0 and d == d.to_integral_value():
        return int(d)
    if choice == 1:
        return str(d)
    return d


def dec(rng: random.Random, lo: int, hi: int, places: int) -> Decimal:
    scale = 10**places
    return Decimal(rng.randint(lo * scale, hi * scale)) / scale


def text(name: str) -> Dict[str, str]:
    return {"en": name, "fr": f"{name} (fr)"}


def framework(rng: random.Random, i: int) -> Dict[str, Any]:
    n_ratings = rng.randint(2, 4)
    middle = sorted({dec(rng, 0, 1, 2) for _ in range(n_ratings - 2)} - {Decimal(0), Decimal(1)})
    credits = [Decimal(0), *middle, Decimal(1)]
    ratings = [
        {"id": f"r{k}", "credit": number(rng, c), "label": text(f"Rating {k}")}
        for k, c in enumerate(credits)
    ]
    by_dimension = rng.random() < 0.3
    dims = []
    bench_ids: List[str] = []
    for d in range(rng.randint(1, 5)):
        benches = []
        for b in range(rng.randint(1, 6)):
            bid = f"D{d}B{b}"
            bench_ids.append(bid)
            bench: Dict[str, Any] = {"id": bid, "title": text(f"Benchmark {bid}")}
            if rng.random() < 0.7:
                bench["weight"] = number(rng, dec(rng, 1, 20, rng.choice([0, 0, 1, 3])) or Decimal(1))
            if rng.random() < 0.2:
                bench["allow_not_applicable"] = False
            if rng.random() < 0.25:
                steps = sorted({dec(rng, 1, 99, 1) for _ in range(len(ratings) - 1)}, reverse=True)
                top = [r["id"] for r in ratings][::-1]
                bench["rule"] = {
                    "unit": "percent",
                    "ladder": [{"at_least": number(rng, s), "rating": top[k]} for k, s in enumerate(steps)],
                    "otherwise": ratings[0]["id"],
                }
            benches.append(bench)
        dim: Dict[str, Any] = {"id": f"D{d}", "title": text(f"Dimension {d}"), "benchmarks": benches}
        if by_dimension and rng.random() < 0.6:
            dim["weight"] = number(rng, dec(rng, 1, 5, 1))
        dims.append(dim)
    tiers = []
    mins = sorted(rng.sample(range(30, 95), rng.randint(1, 3)))
    for t, m in enumerate(mins):
        tier: Dict[str, Any] = {"id": f"t{t}", "min": number(rng, Decimal(m)), "label": text(f"Tier {t}")}
        upper = mins[t + 1] if t + 1 < len(mins) else 100
        if upper - m > 2 and rng.random() < 0.5:
            tier["strong_from"] = number(rng, Decimal(rng.randint(m + 1, upper - 1)))
            tier["strong_label"] = text(f"Tier {t} strong")
        gates = []
        if rng.random() < 0.4:
            gates.append({"benchmark": rng.choice(bench_ids), "at_least": rng.choice(ratings[1:])["id"]})
        if rng.random() < 0.3:
            gates.append({"dimension": rng.choice(dims)["id"], "at_least_percent": number(rng, dec(rng, 10, 90, 1))})
        if gates:
            tier["gates"] = gates
        tiers.append(tier)
    return {
        "id": f"generated-{i}",
        "version": "1",
        "title": text(f"Generated framework {i}"),
        "rating_scale": ratings,
        "aggregation": "by_dimension" if by_dimension else "flat",
        "rounding": {"decimals": rng.randint(0, 3), "mode": rng.choice(MODES)},
        "dimensions": dims,
        "tiers": tiers,
    }


def assessment(rng: random.Random, fw: Dict[str, Any], spoil: bool) -> Dict[str, Any]:
    ratings = [r["id"] for r in fw["rating_scale"]]
    evidence: Dict[str, Any] = {}
    for dim in fw["dimensions"]:
        for b in dim["benchmarks"]:
            roll = rng.random()
            if roll < 0.08:
                continue  # missing evidence: a warning
            if roll < 0.18 and b.get("allow_not_applicable", True):
                entry: Dict[str, Any] = {"rating": "not_applicable"}
                if rng.random() < 0.5:
                    entry["note"] = "out of scope"
            elif "rule" in b and roll < 0.7:
                entry = {"value": number(rng, dec(rng, 0, 100, rng.choice([0, 1, 2])))}
            else:
                entry = {"rating": rng.choice(ratings)}
            if rng.random() < 0.3:
                entry["status"] = rng.choice(["documented", "verified", "assumed"])
            evidence[b["id"]] = entry
    if spoil:
        kind = rng.randrange(4)
        if kind == 0:
            evidence["ZZ9"] = {"rating": ratings[0]}
        elif kind == 1 and evidence:
            evidence[next(iter(evidence))] = {"rating": "superb"}
        elif kind == 2:
            evidence[fw["dimensions"][0]["benchmarks"][0]["id"]] = {"value": "250", "rating": ratings[0]}
        else:
            evidence = {b: {"rating": ratings[-1]} for b in list(evidence)[:1]}
            evidence["bad"] = []
    return {
        "framework": {"id": fw["id"], "version": fw["version"]},
        "office": f"Office {rng.randrange(1000)}",
        "period": "2026",
        "evidence": evidence,
    }


def dump(obj: Any) -> str:
    """JSON with every Decimal as a bare number token (never through float)."""
    marked = json.dumps(obj, default=lambda d: f"\u0000{d}\u0000")
    return re.sub('"\u0000([^\u0000]*)\u0000"', r"\1", marked.replace("\\u0000", "\u0000"))


def cases() -> List[Tuple[int, Dict[str, Any], Dict[str, Any]]]:
    rng = random.Random(20261201)
    out = []
    for i in range(CASES):
        fw = framework(rng, i)
        if rng.random() < 0.06:
            # An invalid framework: a benchmark id twice.
            first = fw["dimensions"][0]["benchmarks"][0]
            fw["dimensions"][-1]["benchmarks"].append(dict(first))
        out.append((i, fw, assessment(rng, fw, spoil=rng.random() < 0.15)))
    return out


def outcome(f: Any) -> Tuple[Optional[Any], Optional[gs.SealError]]:
    try:
        return f(), None
    except gs.SealError as e:
        return None, e


def test_generated_frameworks_and_assessments_agree_with_the_cli(tmp_path: Path) -> None:
    scored = errors = 0
    for i, fw, a in cases():
        fw_path, a_path = tmp_path / f"fw{i}.json", tmp_path / f"a{i}.json"
        fw_path.write_text(dump(fw))
        a_path.write_text(dump(a))
        lang = "fr" if i % 3 == 0 else "en"
        run = cli("score", "--framework", str(fw_path), str(a_path), "--format", "json", "--lang", lang)
        from_files, e_files = outcome(lambda: gs.score(str(a_path), str(fw_path), lang=lang))
        from_dicts, e_dicts = outcome(lambda: gs.score(a, fw, lang=lang))
        if run.code == 0:
            scored += 1
            assert from_files is not None and from_dicts is not None, (i, e_files, e_dicts)
            expected = json.loads(run.stdout)
            assert from_files.to_dict() == expected, i
            assert from_dicts.to_dict() == expected, i
            assert from_dicts.percentage == Decimal(expected["percentage"])
        else:
            errors += 1
            assert e_files is not None and e_dicts is not None, i
            assert str(e_files) == run.error(), i
            assert e_dicts.kind == e_files.kind, i
            assert [p.path for p in e_dicts.problems] == [p.path for p in e_files.problems], i
    # Most generated pairs score; some are meant to fail, so both paths are exercised.
    assert scored >= CASES * 0.7, (scored, errors)
    assert errors >= 5, (scored, errors)
