// The calculator in a real browser: Debian's Chromium driven by playwright-core, the page
// opened from disk. Set GENDER_SEAL_SCREENSHOTS=1 to (re)write docs/img/web-mali-{en,fr}.png.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { web, root, cli, fixtures } from './helpers.js';

const page_url = pathToFileURL(path.join(web, 'dist/gender-seal.html')).href;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--no-first-run', '--disable-component-update', '--disable-sync'];

async function open(hash = '') {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gender-seal-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath, args, headless: true, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(page_url + hash);
  return { context, page, requests, errors, userDataDir };
}

const text = (page, sel) => page.locator(sel).textContent();
const cliCheapestGold = () => JSON.parse(cli('plan', '--baseline', path.join(fixtures, 'mali-2020.json'),
  path.join(fixtures, 'mali-2021-plan.json'), '--target', 'gold', '--format', 'json').stdout);

test('the calculator works offline from disk', async () => {
  const { context, page, requests, errors } = await open();
  try {
    await page.click('#example');
    assert.equal(await text(page, '#official'), '74 %');
    assert.equal(await text(page, '#exact'), '74.359 %');
    assert.equal(await text(page, '#tier'), 'Silver-strong');
    const next = await text(page, '#next');
    assert.match(next, /Gold, 6 points missing/);

    // A rating change moves the percentage and the gap.
    await page.selectOption('#rating-MS1', 'met');
    assert.notEqual(await text(page, '#exact'), '74.359 %');
    assert.notEqual(await text(page, '#next'), next);
    // A rule value shows its derived rating.
    await page.fill('#value-MS3', '10');
    assert.match(await text(page, '#derived-MS3'), /Not met/);
    await page.fill('#value-MS3', '100');
    await page.selectOption('#rating-MS1', 'partially_met');
    assert.equal(await text(page, '#official'), '74 %');

    // Language.
    await page.selectOption('#lang', 'fr');
    assert.equal(await text(page, '#tier'), 'Argent-fort');
    assert.match(await text(page, '#next'), /Or, 6 points manquants/);
    await page.selectOption('#lang', 'en');

    // Save and reload the assessment (JSON and xlsx).
    await page.selectOption('#rating-MS1', 'met');
    const changed = await text(page, '#exact');
    for (const [button, ext] of [['#save-json', 'json'], ['#save-xlsx', 'xlsx']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const saved = path.join(os.tmpdir(), `gender-seal-saved.${ext}`);
      await download.saveAs(saved);
      await page.click('#example');
      assert.equal(await text(page, '#exact'), '74.359 %');
      await page.setInputFiles('#open', saved);
      await page.waitForFunction((v) => document.getElementById('exact').textContent === v, changed);
      assert.equal(await page.inputValue('#rating-MS1'), 'met', ext);
    }

    // Cheapest Gold over the Mali plan: the CLI's cost.
    await page.click('#example');
    await page.selectOption('#target', 'gold');
    await page.click('#cheapest');
    const want = cliCheapestGold();
    assert.match(await text(page, '#plan-cost'), new RegExp(`^${want.cost.replace('.', '\\.')}\\b`));
    assert.match(await text(page, '#plan-activities'), new RegExp(want.activities[0].replace('.', '\\.')));

    assert.deepEqual(errors, []);
    assert.deepEqual([...new Set(requests)], [page_url], 'no request but the page itself');
  } finally {
    await context.close();
  }
});

test('#example=mali-2020&lang=fr opens Mali in French; language and work are remembered', async () => {
  const { context, page, requests } = await open('#example=mali-2020&lang=fr');
  try {
    assert.equal(await text(page, '#tier'), 'Argent-fort');
    assert.equal(await text(page, '#official'), '74 %');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.selectOption('#rating-MS1', 'met');
    const exact = await text(page, '#exact');
    await page.goto(page_url);
    assert.equal(await page.inputValue('#lang'), 'fr');
    assert.equal(await text(page, '#exact'), exact, 'autosaved');
    // Every form control has a label.
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('select, input:not([type=file])')]
      .filter((e) => !e.labels?.length && !e.getAttribute('aria-label')).map((e) => e.id));
    assert.deepEqual(unlabelled, []);
    assert.ok(requests.every((u) => u.startsWith('file://')));
  } finally {
    await context.close();
  }
});

test('a framework file loads its matrix; the page reads on a phone and at 200 % zoom', async () => {
  const { context, page, errors } = await open('#example=mali-2020');
  try {
    await page.setInputFiles('#framework-file', path.join(root, 'benchmarks/gender-seal-public-institutions.json'));
    await page.waitForSelector('#rating-LP1');
    assert.equal(await page.locator('#rating-MS1').count(), 0, 'the default framework\'s matrix is gone');
    const before = await text(page, '#exact');
    await page.selectOption('#rating-LP1', 'compliant');
    assert.notEqual(await text(page, '#exact'), before, 'its ratings score live');
    assert.deepEqual(errors, []);
    // A phone's width (375 CSS px) and 200 % zoom of a 1280 px window (640 CSS px): nothing
    // wider than the window, the headline figures on screen.
    await page.click('#example');
    for (const width of [375, 640]) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${width} px: ${overflow} px wider than the window`);
      assert.equal(await text(page, '#official'), '74 %');
      assert.ok(await page.locator('#official').isVisible());
      assert.ok(await page.locator('#rating-MS1').isVisible());
    }
    // Keyboard: Tab reaches the form controls in order, starting with the framework choice.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'framework');
  } finally {
    await context.close();
  }
});

test('screenshots of Mali in both languages (GENDER_SEAL_SCREENSHOTS=1)', { skip: !process.env.GENDER_SEAL_SCREENSHOTS }, async () => {
  for (const lang of ['en', 'fr']) {
    const { context, page } = await open(`#example=mali-2020&lang=${lang}`);
    try {
      await page.screenshot({ path: path.join(root, 'docs/img', `web-mali-${lang}.png`) });
    } finally {
      await context.close();
    }
  }
});
