"""The workbooks gender-seal writes, opened by an independent reader (openpyxl).

Run from the repository root: ``python tests/office/openpyxl_check.py target/debug/gender-seal``.
It checks the French template's drop-down lists, locked and open cells, frozen header and
print setup; fills it as a focal team would, with Mali's ratings written as French labels
(fixtures/mali-2020.json; the labels from the framework file, not from gender-seal); scores
it and compares the scorecard JSON with the one of the JSON fixture; checks that a bad label
is named by its cell; and reads the xlsx scorecard report and its charts. Prints '7 passed, 0 failed'.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

GS = sys.argv[1] if len(sys.argv) > 1 else "target/debug/gender-seal"
FW = json.loads(Path("benchmarks/undp-co-2021.json").read_text(encoding="utf-8"))
MALI = json.loads(Path("fixtures/mali-2020.json").read_text(encoding="utf-8"))
TMP = Path(tempfile.mkdtemp(prefix="gs-openpyxl-"))
passed = 0


def gs(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    run = subprocess.run([GS, *args], capture_output=True)
    if ok:
        assert run.returncode == 0, (args, run.stderr.decode())
    return run


def check(name: str) -> None:
    global passed
    passed += 1
    print(f"ok - {name}")


def label(rating: str, lang: str) -> str:
    if rating == "not_applicable":
        return {"en": "Not applicable", "fr": "Non applicable"}[lang]
    for r in FW["rating_scale"]:
        if r["id"] == rating:
            text = r["label"]
            return text if isinstance(text, str) else text.get(lang, text["en"])
    raise KeyError(rating)


STATUS_FR = {"documented": "Documenté", "verified": "Vérifié", "assumed": "Supposé"}

template = TMP / "matrice.xlsx"
gs("template", "--lang", "fr", "-o", str(template))
wb = openpyxl.load_workbook(template)
ws = wb["Assessment"]
rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}

# Drop-down lists: every rating cell offers the French labels and "not applicable".
lists = {}
for dv in ws.data_validations.dataValidation:
    if dv.type == "list":
        for rng in dv.sqref.ranges:
            lists[rng.coord] = dv.formula1
ms1 = rows["MS1"]
assert lists[f"D{ms1}"] == '"Non atteint,Partiellement atteint,Atteint,Non applicable"', lists.get(f"D{ms1}")
assert lists[f"G{ms1}"] == '"Documenté,Vérifié,Supposé"', lists.get(f"G{ms1}")
assert sum(1 for k in lists if k.startswith("D")) == 41, len(lists)
check("drop-down lists of French rating labels and statuses on all 41 benchmarks")

# Protection: the sheet is protected; ids, titles and guidance locked, input cells open.
assert ws.protection.sheet
assert ws.cell(ms1, 1).protection.locked and ws.cell(ms1, 2).protection.locked
assert ws.cell(ms1, 3).protection.locked
for col in (4, 7, 8, 9):
    assert not ws.cell(ms1, col).protection.locked, col
assert not ws["B2"].protection.locked and ws["B4"].protection.locked  # office open, framework id locked
assert ws.cell(rows["MS5"], 5).protection.locked is False  # a rule benchmark's value is open
assert ws.cell(ms1, 5).protection.locked  # MS1 has no rule: no value
check("ids, titles and guidance locked, ratings, values, notes and sources open")

# Values, header block, layout and printing.
assert ws["A1"].value.startswith("Auto-évaluation")
assert (ws["A4"].value, ws["B4"].value, ws["B5"].value, ws["B6"].value) == ("Cadre", "undp-gender-seal-co", "2021.2", "fr")
assert ws.cell(rows["MS5"], 6).value.startswith("pourcentage") or "%" in ws.cell(rows["MS5"], 6).value
assert ws.freeze_panes == "C9", ws.freeze_panes
assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
# Fit to one page wide (1 is the default, so the file may leave it out), any number tall.
assert ws.sheet_properties.pageSetUpPr.fitToPage
assert ws.page_setup.fitToWidth in (None, 1) and int(ws.page_setup.fitToHeight) == 0
assert ws.print_area is not None
check("header block, thresholds beside rule benchmarks, frozen header, A4 landscape fit to width")

# Fill it as a focal team would: French labels, numbers typed as numbers.
ws["B2"] = MALI["office"]
ws["B3"] = MALI["period"]
for bid, ev in MALI["evidence"].items():
    r = rows[bid]
    if "rating" in ev:
        ws.cell(r, 4).value = label(ev["rating"], "fr")
    if "value" in ev:
        ws.cell(r, 5).value = ev["value"]  # a float, as Excel stores a typed number
    if "status" in ev:
        ws.cell(r, 7).value = STATUS_FR[ev["status"]]
    if "note" in ev:
        ws.cell(r, 8).value = ev["note"]
    if ev.get("sources"):
        ws.cell(r, 9).value = "\n".join(ev["sources"])
filled = TMP / "mali-rempli.xlsx"
wb.save(filled)
from_sheet = gs("score", str(filled), "--format", "json").stdout
from_json = gs("score", "fixtures/mali-2020.json", "--format", "json").stdout
assert json.loads(from_sheet) == json.loads(from_json)
assert from_sheet == from_json
check("template filled with French labels scores as fixtures/mali-2020.json")

# A label that is no rating is named by its cell, with the French choices.
ws.cell(ms1, 4).value = "Partiellement"
bad = TMP / "mali-faux.xlsx"
wb.save(bad)
run = gs("score", str(bad), ok=False)
assert run.returncode == 2 and not run.stdout
message = run.stderr.decode()
expected = f"Assessment!D{ms1}: 'Partiellement' is not a rating of this framework; expected one of Non atteint, Partiellement atteint, Atteint, Non applicable"
assert expected in message, message
check("a bad label is exit 2 naming Assessment!D" + str(ms1))

# The xlsx scorecard report: a summary and one sheet per table, with the figures.
report = TMP / "mali-rapport.xlsx"
gs("score", "fixtures/mali-2020.json", "--format", "xlsx", "--lang", "fr", "-o", str(report))
rb = openpyxl.load_workbook(report)
assert rb.sheetnames[0] == "Résultat", rb.sheetnames
summary = [[c.value for c in row] for row in rb["Résultat"].iter_rows()]
assert any(r[:2] == ["Pourcentage officiel", "74\u202f% — Argent-fort"] for r in summary), summary
assert "Dimensions" in rb.sheetnames
check("the xlsx scorecard report reads back: " + ", ".join(rb.sheetnames))

# Its chart: a native Excel chart on the chart sheet after the summary, drawn from numeric
# cells (display only) beside the report's own texts.
charts = rb["Graphiques"]
assert rb.sheetnames[1] == "Graphiques", rb.sheetnames
assert len(charts._charts) == 1, charts._charts
data = [[c.value for c in row] for row in charts.iter_rows(min_row=3, max_row=3)]
assert data[0][:3] == ["Pourcentage officiel", 74, "74\u202f%"], data
assert [c.value for c in charts[2]][3:6] == ["Bronze 60\u202f%", "Argent 70\u202f%", "Or 80\u202f%"]
plan_book = TMP / "plan.xlsx"
gs("plan", "--baseline", "fixtures/mali-2020.json", "fixtures/mali-2021-plan.json",
   "--timeline", "--format", "xlsx", "-o", str(plan_book))
pb = openpyxl.load_workbook(plan_book)
assert len(pb["Charts"]._charts) == 2, pb.sheetnames
check("the reports' charts are native: 1 in the scorecard, 2 in the plan timeline")

print(f"{passed} passed, 0 failed")
