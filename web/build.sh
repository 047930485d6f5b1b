#!/usr/bin/env bash
# Builds the JavaScript/WebAssembly package (web/pkg/) and the offline calculator
# (web/dist/gender-seal.html, one self-contained file). Needs the wasm32-unknown-unknown target
# and wasm-bindgen-cli of exactly the wasm-bindgen version in Cargo.lock:
#   rustup target add wasm32-unknown-unknown
#   cargo install wasm-bindgen-cli --version 0.2.130
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
want="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
if [ "$want" != "$have" ]; then
  echo "web/build.sh: wasm-bindgen-cli $want is needed (found '${have:-none}'):" >&2
  echo "  cargo install wasm-bindgen-cli --version $want" >&2
  exit 1
fi
target_dir="${CARGO_TARGET_DIR:-$root/target}"
cargo build --locked -p gender-seal-wasm --target wasm32-unknown-unknown --profile wasm-release
rm -rf "$here/pkg"
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$here/pkg" --out-name gender_seal_wasm \
  "$target_dir/wasm32-unknown-unknown/wasm-release/gender_seal_wasm.wasm"
cp "$here/js/gender-seal.js" "$here/js/gender-seal.d.ts" "$here/pkg/"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
cat > "$here/pkg/package.json" <<JSON
{
  "name": "gender-seal",
  "version": "$version",
  "description": "Exact scoring of UN Gender Equality Seal self-assessments (WebAssembly)",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "gender-seal.js",
  "types": "gender-seal.d.ts",
  "files": ["gender-seal.js", "gender-seal.d.ts", "gender_seal_wasm.js", "gender_seal_wasm.d.ts", "gender_seal_wasm_bg.wasm", "gender_seal_wasm_bg.wasm.d.ts"],
  "engines": { "node": ">=20" }
}
JSON
node "$here/tools/build-page.mjs"
ls -l "$here/pkg/gender_seal_wasm_bg.wasm" "$here/dist/gender-seal.html"
