// The package's answers equal the command line's, on every fixture and on generated cases.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPackage, cli, fixtures } from './helpers.js';

const gs = await loadPackage();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gender-seal-js-'));

function assessmentFiles() {
  const out = [];
  for (const dir of ['', 'published', 'programmes']) {
    for (const f of fs.readdirSync(path.join(fixtures, dir)).sort()) {
      const p = path.join(fixtures, dir, f);
      if (!f.endsWith('.json') || fs.statSync(p).isDirectory()) continue;
      const doc = JSON.parse(fs.readFileSync(p, 'utf8'));
      if (doc.evidence && doc.framework) out.push(p);
    }
  }
  return out;
}

test('score equals `score --format json` on every fixture, en and fr', () => {
  let scored = 0;
  for (const file of assessmentFiles()) {
    const a = gs.Assessment.fromJson(fs.readFileSync(file, 'utf8'));
    for (const lang of ['en', 'fr']) {
      const r = cli('score', '--format', 'json', '--lang', lang, file);
      if (r.status === 0) {
        assert.deepEqual(gs.score(a, { lang }), JSON.parse(r.stdout), `${file} ${lang}`);
        scored += 1;
      } else {
        assert.throws(() => gs.score(a, { lang }), gs.GenderSealError, file);
      }
    }
  }
  assert.ok(scored >= 10, `only ${scored} fixtures scored`);
});

test('explain equals `explain --format json` on the fixtures', () => {
  for (const file of assessmentFiles()) {
    const r = cli('explain', '--format', 'json', file);
    if (r.status !== 0) continue;
    const a = gs.Assessment.fromJson(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(gs.explain(a), JSON.parse(r.stdout), file);
  }
});

// A small deterministic generator (no Math.random: the cases are the same on every run).
function* lcg(seed) {
  let s = seed >>> 0;
  for (;;) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    yield s;
  }
}

test('generated cases: ratings and values varied over Mali score as the CLI does', () => {
  const mali = JSON.parse(fs.readFileSync(path.join(fixtures, 'mali-2020.json'), 'utf8'));
  const fw = gs.Framework.builtin(mali.framework.id, mali.framework.version).toObject();
  const ratings = fw.rating_scale.map((r) => r.id);
  const rnd = lcg(16);
  for (let n = 0; n < 24; n += 1) {
    const doc = structuredClone(mali);
    for (const dim of fw.dimensions) {
      for (const b of dim.benchmarks) {
        const r = rnd.next().value % 10;
        if (r >= 6) continue; // keep the original
        const ev = { status: 'documented' };
        if (b.rule && r < 3) ev.value = String(rnd.next().value % 101);
        else if (r === 5 && b.allow_not_applicable !== false) ev.rating = 'not_applicable';
        else ev.rating = ratings[rnd.next().value % ratings.length];
        doc.evidence[b.id] = ev;
      }
    }
    const file = path.join(tmp, `case-${n}.json`);
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = cli('score', '--format', 'json', file);
    const a = gs.Assessment.fromJson(JSON.stringify(doc));
    if (r.status !== 0) {
      assert.throws(() => gs.score(a), gs.GenderSealError);
      continue;
    }
    assert.deepEqual(gs.score(a), JSON.parse(r.stdout), `case ${n}`);
    // The live scorer agrees with the full object.
    const s = new gs.Scorer(a);
    const card = JSON.parse(r.stdout);
    assert.deepEqual(s.toObject(), card);
    const sum = s.summary();
    assert.equal(sum.percentage, card.percentage);
    assert.equal(sum.official, card.percentage_rounded);
    assert.equal(sum.tier, card.tier?.label ?? null);
    assert.equal(sum.pointsMissing, card.next?.points_missing ?? null);
  }
});

test('the Scorer follows edits', () => {
  const a = gs.Assessment.fromJson(gs.example('mali-2020'));
  const s = new gs.Scorer(a);
  assert.deepEqual(s.summary(), {
    percentage: '74.359', official: '74', tier: 'Silver-strong', tierId: 'silver',
    nextTier: 'Gold', pointsMissing: '6', failing: 3,
  });
  s.setRating('MS1', 'met');
  const edited = s.assessment();
  const file = path.join(tmp, 'edited.json');
  fs.writeFileSync(file, edited.toJson());
  assert.deepEqual(s.toObject(), JSON.parse(cli('score', '--format', 'json', file).stdout));
  assert.notEqual(s.summary().percentage, '74.359');
  s.setLang('fr');
  s.setRating('MS1', 'partially_met');
  assert.equal(s.summary().tier, 'Argent-fort');
  assert.throws(() => s.setValue('MS3', 'abc'), (e) => e instanceof gs.GenderSealError && e.kind === 'request');
});

test('planner answers equal `plan --format json`', () => {
  const baseline = path.join(fixtures, 'mali-2020.json');
  const planFile = path.join(fixtures, 'mali-2021-plan.json');
  const planner = new gs.Planner(gs.Assessment.fromJson(fs.readFileSync(baseline, 'utf8')), fs.readFileSync(planFile, 'utf8'));
  const plan = (...args) => JSON.parse(cli('plan', '--baseline', baseline, planFile, '--format', 'json', ...args).stdout);
  assert.deepEqual(planner.cheapest('gold'), plan('--target', 'gold'));
  assert.deepEqual(planner.cheapest('silver:strong', { timeline: true }), plan('--target', 'silver:strong', '--timeline'));
  assert.deepEqual(planner.best(), plan('--budget'));
  assert.deepEqual(planner.best('25000', { lang: 'fr' }), plan('--budget', '25000', '--lang', 'fr'));
  assert.deepEqual(planner.timeline(), plan('--timeline'));
  assert.deepEqual(planner.marginal(), plan('--marginal'));
  const md = cli('plan', '--baseline', baseline, planFile, '--format', 'markdown', '--target', 'gold').stdout;
  assert.equal(planner.cheapest('gold', { format: 'markdown' }), md);
});

test('reports equal the CLI in markdown and html', () => {
  const file = path.join(fixtures, 'mali-2020.json');
  const a = gs.Assessment.fromJson(fs.readFileSync(file, 'utf8'));
  for (const format of ['markdown', 'html', 'text']) {
    for (const lang of ['en', 'fr']) {
      assert.equal(gs.report(a, format, { lang }), cli('score', '--format', format, '--lang', lang, file).stdout, `${format} ${lang}`);
    }
  }
});

test('errors carry kind and problems', () => {
  assert.throws(() => gs.Assessment.fromJson('{'), (e) => e instanceof gs.GenderSealError && e instanceof Error && e.kind === 'syntax');
  const bad = JSON.parse(gs.example('mali-2020'));
  bad.evidence.MS1.rating = 'excellent';
  const a = gs.Assessment.fromJson(JSON.stringify(bad));
  assert.throws(() => gs.score(a), (e) => {
    assert.ok(e instanceof gs.GenderSealError);
    assert.equal(e.kind, 'invalid');
    assert.equal(e.problems[0].path, 'evidence.MS1.rating');
    assert.match(e.problems[0].message, /excellent/);
    return true;
  });
  assert.throws(() => gs.Framework.builtin('no-such-framework'), (e) => e instanceof gs.GenderSealError && typeof e.kind === 'string');
  assert.throws(() => gs.score(gs.Assessment.fromJson(gs.example('mali-2020')), { lang: 'de' }), (e) => e.kind === 'request' && e.problems[0].path.includes('lang'));
});

test('the .xlsx and CSV matrix round-trip', () => {
  const a = gs.Assessment.fromJson(gs.example('mali-2020'));
  const fw = gs.Framework.builtin(a.frameworkId, a.frameworkVersion);
  for (const bytes of [a.toXlsx({ lang: 'fr' }), a.toCsv()]) {
    const back = gs.Assessment.fromBytes(bytes, { framework: fw });
    assert.deepEqual(gs.score(back), gs.score(a));
  }
});
