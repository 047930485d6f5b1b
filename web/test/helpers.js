// Shared by the tests: the package (initialised from web/pkg/) and the command line.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const web = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const root = path.dirname(web);
export const fixtures = path.join(root, 'fixtures');

export async function loadPackage() {
  const gs = await import(path.join(web, 'pkg/gender-seal.js'));
  gs.init(fs.readFileSync(path.join(web, 'pkg/gender_seal_wasm_bg.wasm')));
  return gs;
}

let bin;
/** The command line: $GENDER_SEAL_BIN, else target/debug/gender-seal (built when missing). */
export function cliPath() {
  if (bin) return bin;
  bin = process.env.GENDER_SEAL_BIN ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'debug/gender-seal');
  if (!fs.existsSync(bin)) execFileSync('cargo', ['build', '--locked', '-p', 'gender-seal-cli'], { cwd: root, stdio: 'inherit' });
  return bin;
}

/** Runs the command line: {status, stdout, stderr}. */
export function cli(...args) {
  const r = spawnSync(cliPath(), args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
