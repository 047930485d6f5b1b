// Speed of the package in Node and in Chromium, and the size of the page: node web/bench/bench.mjs
// (after web/build.sh). Prints one line per figure; docs/PERFORMANCE.md keeps the results.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { web, loadPackage } from '../test/helpers.js';

// Runs in Node and, as text, in the page (GS: the package).
function measure(GS) {
  const time = (n, f) => {
    for (let i = 0; i < Math.min(n, 200); i += 1) f(i);
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) f(i);
    return ((performance.now() - t0) * 1000) / n; // µs per call
  };
  const a = GS.Assessment.fromJson(GS.example('mali-2020'));
  const s = new GS.Scorer(a);
  const flip = ['partially_met', 'met'];
  const planner = new GS.Planner(a, GS.example('mali-2021-plan'));
  return {
    'rescore + summary (µs)': time(20000, (i) => { s.setRating('MS1', flip[i & 1]); s.summary(); }),
    'rescore + full object (µs)': time(5000, (i) => { s.setRating('MS1', flip[i & 1]); s.toObject(); }),
    'score(assessment) full object (µs)': time(5000, () => GS.score(a)),
    'cheapest gold, Mali plan (µs)': time(200, () => planner.cheapest('gold')),
  };
}

const round = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const gs = await loadPackage();
for (const [k, v] of Object.entries(measure(gs))) console.log(`node     ${k}: ${round(v)}`);

const html = fs.readFileSync(path.join(web, 'dist/gender-seal.html'));
const wasm = fs.readFileSync(path.join(web, 'pkg/gender_seal_wasm_bg.wasm'));
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
console.log(`size     wasm: ${wasm.length} B, ${gz(wasm)} B gzipped`);
console.log(`size     page: ${html.length} B, ${gz(html)} B gzipped`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gender-seal-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? (await context.newPage());
const url = pathToFileURL(path.join(web, 'dist/gender-seal.html')).href + '#example=mali-2020';
for (let run = 0; run < 3; run += 1) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(() => window.__firstResult !== undefined);
  const first = await page.evaluate(() => window.__firstResult);
  console.log(`chromium first result on screen after open (ms): ${round(first)}`);
}
const browser = await page.evaluate(`(${measure.toString()})(window.GenderSeal)`);
for (const [k, v] of Object.entries(browser)) console.log(`chromium ${k}: ${round(v)}`);
await context.close();
