#!/usr/bin/env bash
# The workbooks gender-seal writes, opened by a second independent reader: LibreOffice,
# headless. Run from the repository root: bash tests/office/libreoffice_check.sh GS
# - the French template, converted to CSV: its header block, benchmark rows and French labels;
# - the French xlsx scorecard report, converted to CSV: its summary figures;
# - Mali's assessment and plan, written as xlsx by `convert`, saved as .ods by LibreOffice and
#   read back by gender-seal: the same scorecard and plan JSON as the JSON fixtures.
set -euo pipefail
GS=${1:-target/debug/gender-seal}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-libreoffice-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
soffice() {
  command soffice "-env:UserInstallation=file://$tmp/profile" --headless "$@" >/dev/null 2>&1
}
csv='csv:Text - txt - csv (StarCalc):44,34,76'
passed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { echo "not ok - $1" >&2; exit 1; }

"$GS" template --lang fr -o "$tmp/matrice.xlsx"
soffice --convert-to "$csv" --outdir "$tmp" "$tmp/matrice.xlsx"
grep -q '^MS1,' "$tmp/matrice.csv" || fail "the template's first benchmark row (MS1)"
grep -q 'undp-gender-seal-co' "$tmp/matrice.csv" || fail "the template's framework id"
grep -q "Auto-évaluation du Sceau pour l'égalité des genres" "$tmp/matrice.csv" \
  || fail "the template's French title"
ok "the French template converts to CSV with its header block and $(grep -c '^[A-Z][A-Z][0-9]*,' "$tmp/matrice.csv") benchmark rows"

"$GS" score fixtures/mali-2020.json --format xlsx --lang fr -o "$tmp/rapport.xlsx"
soffice --convert-to "$csv" --outdir "$tmp" "$tmp/rapport.xlsx"
# The report writes a narrow no-break space before '%'.
grep -q "^Pourcentage officiel,74"$'\xe2\x80\xaf'"% — Argent-fort" "$tmp/rapport.csv" \
  || fail "the report's summary: $(head -20 "$tmp/rapport.csv")"
ok "the French xlsx report's summary reads 'Pourcentage officiel,74 % — Argent-fort'"

"$GS" convert fixtures/mali-2020.json -o "$tmp/mali.xlsx"
"$GS" convert fixtures/mali-2021-plan.json -o "$tmp/plan.xlsx"
soffice --convert-to ods --outdir "$tmp" "$tmp/mali.xlsx" "$tmp/plan.xlsx"
"$GS" score "$tmp/mali.ods" --format json >"$tmp/ods.json"
"$GS" score fixtures/mali-2020.json --format json >"$tmp/json.json"
cmp -s "$tmp/ods.json" "$tmp/json.json" || fail "Mali saved as .ods by LibreOffice scores differently"
"$GS" plan --baseline "$tmp/mali.ods" "$tmp/plan.ods" --timeline --format json >"$tmp/plan-ods.json"
"$GS" plan --baseline fixtures/mali-2020.json fixtures/mali-2021-plan.json --timeline \
  --format json >"$tmp/plan-json.json"
cmp -s "$tmp/plan-ods.json" "$tmp/plan-json.json" || fail "the plan saved as .ods plans differently"
ok "Mali's assessment and plan saved as .ods by LibreOffice score and plan as the JSON fixtures"
echo "$passed passed, 0 failed"
