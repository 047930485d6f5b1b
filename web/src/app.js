// The calculator: a form over the package's live Scorer (GS is the inlined wrapper).
const UI = {
  en: {
    title: 'Gender Equality Seal — self-assessment calculator', framework: 'Framework', frameworkFile: 'Framework file',
    language: 'Language', example: 'Mali example (2020)', open: 'Open assessment', saveJson: 'Save JSON',
    saveXlsx: 'Save spreadsheet (.xlsx)', print: 'Print', office: 'Office', result: 'Result', exact: 'Exact percentage',
    fewest: 'Fewest changes to the next tier', whatif: 'What-if: a plan', examplePlan: 'Mali plan (2021)', openPlan: 'Open plan',
    target: 'Target', cheapest: 'Cheapest set', budget: 'Budget', best: 'Best set', noTier: 'No tier',
    next: (t, p) => `Next tier: ${t}, ${p} points missing`, top: 'Top tier reached', failing: 'Gates failing:',
    rating: 'Rating', value: 'Value', na: 'Not applicable', note: 'Note', guidance: 'Guidance', unrated: '— not rated —',
    derived: 'Derived rating:', cost: 'Cost', activities: 'Activities', feasible: 'Target reached', infeasible: 'Target out of reach',
    timeline: 'Timeline (official percentage by quarter)', quarter: 'Q', noPlan: 'Load a plan first.', nothing: 'Nothing to change.',
    strong: 'strong', requires: (b, r, a) => `${b}: needs ${r}, is ${a}`, dimGate: (d, r, a) => `${d}: needs ${r} %, is ${a} %`,
    change: (id, from, to) => `${id}: ${from} → ${to}`, matrix: 'Self-assessment matrix',
  },
  fr: {
    title: 'Sceau de l’égalité des genres — calculatrice d’auto-évaluation', framework: 'Cadre', frameworkFile: 'Fichier de cadre',
    language: 'Langue', example: 'Exemple du Mali (2020)', open: 'Ouvrir une évaluation', saveJson: 'Enregistrer en JSON',
    saveXlsx: 'Enregistrer le classeur (.xlsx)', print: 'Imprimer', office: 'Bureau', result: 'Résultat', exact: 'Pourcentage exact',
    fewest: 'Changements les moins nombreux vers le niveau suivant', whatif: 'Et si : un plan', examplePlan: 'Plan du Mali (2021)',
    openPlan: 'Ouvrir un plan', target: 'Cible', cheapest: 'Ensemble le moins cher', budget: 'Budget', best: 'Meilleur ensemble',
    noTier: 'Aucun niveau', next: (t, p) => `Niveau suivant : ${t}, ${p} points manquants`, top: 'Niveau le plus haut atteint',
    failing: 'Conditions non remplies :', rating: 'Notation', value: 'Valeur', na: 'Sans objet', note: 'Note', guidance: 'Conseils',
    unrated: '— non noté —', derived: 'Notation déduite :', cost: 'Coût', activities: 'Activités', feasible: 'Cible atteinte',
    infeasible: 'Cible hors de portée', timeline: 'Calendrier (pourcentage officiel par trimestre)', quarter: 'T',
    noPlan: 'Chargez d’abord un plan.', nothing: 'Rien à changer.', strong: 'fort',
    requires: (b, r, a) => `${b} : requis ${r}, actuel ${a}`, dimGate: (d, r, a) => `${d} : requis ${r} %, actuel ${a} %`,
    change: (id, from, to) => `${id} : ${from} → ${to}`, matrix: 'Matrice d’auto-évaluation',
  },
};
const $ = (id) => document.getElementById(id);
const store = { get: (k) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k, v) => { try { localStorage.setItem(k, v); } catch { /* storage off */ } } };
const state = { lang: 'en', fw: null, fwObj: null, scorer: null, plan: null, planName: '' };
const tx = (t) => (t == null ? '' : typeof t === 'string' ? t : t[state.lang] ?? t.en ?? Object.values(t)[0]);
const ui = () => UI[state.lang];
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v; else if (v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids) e.append(k);
  return e;
};
const ratingLabel = (id) => {
  if (id === 'not_applicable') return ui().na;
  const r = state.fwObj.rating_scale.find((x) => x.id === id);
  return r ? tx(r.label) : id ?? '';
};

function showError(e) {
  $('error').textContent = e ? (e.problems?.length ? e.problems.map((p) => (p.path ? `${p.path}: ` : '') + p.message).join('\n') : e.message) : '';
}

function setFramework(fw, assessmentJson) {
  state.fw = fw;
  state.fwObj = fw.toObject();
  const blank = JSON.stringify({ framework: { id: fw.id, version: fw.version }, office: '', evidence: {} });
  let a;
  try { a = GS.Assessment.fromJson(assessmentJson ?? blank); } catch (e) { showError(e); a = GS.Assessment.fromJson(blank); }
  state.scorer = new GS.Scorer(a, { framework: fw, lang: state.lang });
  $('office').value = a.office;
  buildForm(JSON.parse(a.toJson()));
  buildTargets();
  update();
}

function buildForm(assessment) {
  const form = $('matrix');
  form.replaceChildren();
  form.setAttribute('aria-label', ui().matrix);
  for (const dim of state.fwObj.dimensions) {
    const fs = el('fieldset', { id: `dim-${dim.id}` }, el('legend', { text: `${dim.id} — ${tx(dim.title)}` }));
    for (const b of dim.benchmarks) {
      const ev = assessment.evidence[b.id] ?? {};
      const row = el('div', { class: 'bm', id: `bm-${b.id}` }, el('span', { class: 'id', text: b.id }), el('span', { text: tx(b.title) }));
      const controls = el('div', { class: 'controls' });
      const naAllowed = b.allow_not_applicable !== false;
      if (b.rule) {
        const input = el('input', { type: 'text', inputmode: 'decimal', id: `value-${b.id}`, size: 8, value: ev.value ?? '' });
        const unit = typeof b.rule.unit === 'string' ? (b.rule.unit === 'percent' ? '%' : b.rule.unit) : tx(b.rule.unit);
        controls.append(el('label', { for: input.id, text: `${ui().value} (${unit})` }), input,
          el('output', { id: `derived-${b.id}`, class: 'derived', for: input.id }));
        input.addEventListener('input', () => { edit(b.id, { value: input.value.trim() }); });
        if (naAllowed) {
          const na = el('input', { type: 'checkbox', id: `na-${b.id}` });
          na.checked = ev.rating === 'not_applicable';
          input.disabled = na.checked;
          na.addEventListener('change', () => { input.disabled = na.checked; edit(b.id, na.checked ? { rating: 'not_applicable' } : { value: input.value.trim() }); });
          controls.append(na, el('label', { for: na.id, text: ui().na }));
        }
      } else {
        const sel = el('select', { id: `rating-${b.id}` }, el('option', { value: '', text: ui().unrated }));
        for (const r of state.fwObj.rating_scale) sel.append(el('option', { value: r.id, text: tx(r.label) }));
        if (naAllowed) sel.append(el('option', { value: 'not_applicable', text: ui().na }));
        sel.value = ev.rating ?? '';
        sel.addEventListener('change', () => edit(b.id, { rating: sel.value }));
        controls.append(el('label', { for: sel.id, text: ui().rating }), sel);
      }
      const note = el('input', { type: 'text', id: `note-${b.id}`, value: ev.note ?? '', size: 30 });
      note.addEventListener('change', () => { state.scorer.setNote(b.id, note.value); autosave(); });
      controls.append(el('label', { for: note.id, text: ui().note }), note);
      row.append(controls);
      if (b.guidance) row.append(el('details', {}, el('summary', { text: ui().guidance }), el('p', { text: tx(b.guidance) })));
      fs.append(row);
    }
    form.append(fs);
  }
}

function edit(id, { rating, value }) {
  showError(null);
  try {
    if (rating !== undefined) { if (rating === '') state.scorer.clear(id); else state.scorer.setRating(id, rating); }
    else if (value === '') state.scorer.clear(id);
    else state.scorer.setValue(id, value);
  } catch (e) { showError(e); return; }
  update();
  autosave();
}

function autosave() {
  store.set('gender-seal:assessment', state.scorer.assessment().toJson());
}

function svgBars(card) {
  const tiers = state.fwObj.tiers;
  const w = 300, rowH = 22, left = 40, h = card.dimensions.length * rowH + 20 + 12 * Math.max(0, tiers.length - 1);
  const x = (p) => left + ((w - left - 10) * Number(p)) / 100;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.setAttribute('role', 'img');
  const add = (tag, attrs, text) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text) e.textContent = text; svg.append(e); return e; };
  const dimTitle = (id) => tx(state.fwObj.dimensions.find((d) => d.id === id)?.title);
  svg.setAttribute('aria-label', card.dimensions.map((d) => `${d.id} ${d.percentage ?? '—'} %`).join(', '));
  card.dimensions.forEach((d, i) => {
    const y = i * rowH + 4;
    add('text', { x: 0, y: y + 13 }, d.id).append(Object.assign(document.createElementNS(ns, 'title'), { textContent: dimTitle(d.id) }));
    if (d.percentage != null) add('rect', { class: 'bar', x: left, y, height: rowH - 8, width: Math.max(0, x(d.percentage) - left) });
    add('text', { x: Math.min(x(d.percentage ?? 0) + 3, w - 40), y: y + 13 }, d.percentage == null ? '—' : `${Math.round(Number(d.percentage))} %`);
  });
  // Threshold labels on staggered lines, so that close tiers do not overlap.
  const base = card.dimensions.length * rowH + 16;
  tiers.forEach((t, i) => {
    add('line', { class: 'threshold', x1: x(t.min), x2: x(t.min), y1: 0, y2: base + 12 * i - 10 });
    add('text', { x: Math.min(x(t.min) - 8, w - 60), y: base + 12 * i }, `${tx(t.label)} ${t.min}`);
  });
  return svg;
}

function update() {
  let card;
  try { card = state.scorer.toObject(); } catch (e) {
    showError(e);
    for (const id of ['official', 'exact']) $(id).textContent = '—';
    $('tier').textContent = ''; $('next').textContent = ''; $('failing').replaceChildren(); $('bars').replaceChildren(); $('explain').replaceChildren();
    return;
  }
  $('official').textContent = `${card.percentage_rounded} %`;
  $('exact').textContent = `${card.percentage} %`;
  $('tier').textContent = card.tier ? card.tier.label : ui().noTier;
  $('next').textContent = card.next ? ui().next(card.next.label, card.next.points_missing) : ui().top;
  const failing = $('failing');
  failing.replaceChildren();
  for (const f of card.next?.failing ?? []) {
    failing.append(el('li', { text: f.kind === 'benchmark' ? ui().requires(f.benchmark, ratingLabel(f.required), ratingLabel(f.actual)) : ui().dimGate(f.dimension, f.required_percent, f.actual_percent) }));
  }
  $('bars').replaceChildren(svgBars(card));
  for (const b of card.benchmarks) {
    const out = $(`derived-${b.id}`);
    // A rule benchmark may also be rated directly (no value): show that rating.
    if (out) out.textContent = b.basis === 'derived' ? `${ui().derived} ${ratingLabel(b.rating)}` : b.rating && b.rating !== 'not_applicable' ? `${ui().rating}: ${ratingLabel(b.rating)}` : '';
  }
  const ex = $('explain');
  ex.replaceChildren();
  try {
    const e = state.scorer.explain();
    const changes = e.raise?.reachable ? e.raise.benchmarks : [];
    if (!changes.length) ex.append(el('li', { text: ui().nothing }));
    for (const c of changes) ex.append(el('li', { text: ui().change(c.id, ratingLabel(c.from), ratingLabel(c.to)) }));
  } catch (e) { ex.append(el('li', { text: e.message })); }
}

function buildTargets() {
  const sel = $('target');
  const keep = sel.value;
  sel.replaceChildren();
  for (const t of state.fwObj.tiers) {
    sel.append(el('option', { value: t.id, text: tx(t.label) }));
    if (t.strong_from != null) sel.append(el('option', { value: `${t.id}:strong`, text: tx(t.strong_label) || `${tx(t.label)} (${ui().strong})` }));
  }
  if ([...sel.options].some((o) => o.value === keep)) sel.value = keep;
  else if ([...sel.options].some((o) => o.value === 'gold')) sel.value = 'gold';
}

function applyLang(lang) {
  state.lang = lang;
  store.set('gender-seal:lang', lang);
  document.documentElement.lang = lang;
  $('lang').value = lang;
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = ui()[e.dataset.t];
  $('title').textContent = ui().title;
  document.title = ui().title;
  if (state.scorer) {
    state.scorer.setLang(lang);
    buildForm(JSON.parse(state.scorer.assessment().toJson()));
    buildTargets();
    update();
    if ($('plan-result').dataset.last) runPlan($('plan-result').dataset.last);
  }
}

function loadAssessmentText(text) {
  showError(null);
  const a = GS.Assessment.fromJson(text);
  const fw = GS.Framework.builtin(a.frameworkId, a.frameworkVersion);
  $('framework').value = `${fw.id}@${fw.version}`;
  setFramework(fw, text);
  autosave();
}

function loadExample() {
  loadAssessmentText(GS.example('mali-2020'));
  state.plan = GS.example('mali-2021-plan');
  $('plan-name').textContent = 'mali-2021-plan.json';
}

function download(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
const fileName = (ext) => `${(state.scorer.assessment().office || 'assessment').replace(/[^\p{L}\p{N}_-]+/gu, '-')}.${ext}`;

function runPlan(kind) {
  const out = $('plan-result');
  out.replaceChildren();
  out.dataset.last = kind;
  if (!state.plan) { out.append(el('p', { text: ui().noPlan })); return; }
  let ans;
  try {
    const planner = new GS.Planner(state.scorer.assessment(), state.plan, { framework: state.fw });
    const opts = { timeline: true, lang: state.lang };
    const budget = $('budget').value.trim();
    ans = kind === 'cheapest' ? planner.cheapest($('target').value, opts) : planner.best(budget === '' ? undefined : budget, opts);
  } catch (e) { out.append(el('p', { role: 'alert', text: e.message })); return; }
  const cur = ans.currency ? ` ${ans.currency}` : '';
  out.append(el('p', { id: 'plan-feasible', text: ans.feasible ? ui().feasible : ui().infeasible }),
    el('p', {}, `${ui().cost}: `, el('strong', { id: 'plan-cost', text: `${ans.cost}${cur}` })),
    el('p', { id: 'plan-activities', text: `${ui().activities}: ${ans.activities.join(', ') || '—'}` }),
    el('p', { text: `${ans.scorecard.percentage_rounded} % — ${ans.scorecard.tier?.label ?? ui().noTier}` }));
  if (ans.timeline) {
    const ns = 'http://www.w3.org/2000/svg';
    const w = 320, h = 140, n = ans.timeline.length;
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${ui().timeline}: ` + ans.timeline.map((q) => `${ui().quarter}${q.quarter} ${q.percentage_rounded} %`).join(', '));
    const x = (i) => 30 + (i * (w - 40)) / Math.max(1, n - 1);
    const y = (p) => h - 20 - ((h - 30) * Number(p)) / 100;
    const pts = ans.timeline.map((q, i) => `${x(i)},${y(q.percentage_rounded)}`).join(' ');
    const add = (tag, attrs, text) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text) e.textContent = text; svg.append(e); };
    for (const t of state.fwObj.tiers) { add('line', { class: 'threshold', x1: 30, x2: w - 10, y1: y(t.min), y2: y(t.min) }); add('text', { x: 0, y: y(t.min) + 4 }, String(t.min)); }
    add('polyline', { points: pts, fill: 'none', stroke: '#0b5cad', 'stroke-width': 2 });
    ans.timeline.forEach((q, i) => { add('circle', { cx: x(i), cy: y(q.percentage_rounded), r: 3, fill: '#0b5cad' }); add('text', { x: x(i) - 6, y: h - 4 }, `${ui().quarter}${q.quarter}`); });
    out.append(el('h3', { text: ui().timeline }), svg);
  }
}

async function readFile(input) {
  const f = input.files[0];
  input.value = '';
  return f ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
}

function start() {
  const hash = new URLSearchParams(location.hash.slice(1));
  applyLang(hash.get('lang') ?? store.get('gender-seal:lang') ?? (navigator.language?.startsWith('fr') ? 'fr' : 'en'));
  const sel = $('framework');
  for (const [id, v] of GS.Framework.builtins()) sel.append(el('option', { value: `${id}@${v}`, text: `${id} ${v}` }));
  sel.addEventListener('change', () => {
    const [id, v] = sel.value.split('@');
    setFramework(GS.Framework.builtin(id, v));
  });
  $('framework-file').addEventListener('change', async (ev) => {
    const f = await readFile(ev.target);
    if (!f) return;
    try { const fw = GS.Framework.fromJson(new TextDecoder().decode(f.bytes)); setFramework(fw); } catch (e) { showError(e); }
  });
  $('lang').addEventListener('change', () => applyLang($('lang').value));
  $('example').addEventListener('click', loadExample);
  $('office').addEventListener('change', () => { state.scorer.setOffice($('office').value); autosave(); });
  $('open').addEventListener('change', async (ev) => {
    const f = await readFile(ev.target);
    if (!f) return;
    try {
      const a = GS.Assessment.fromBytes(f.bytes, { framework: state.fw });
      const fw = a.frameworkId === state.fw.id && a.frameworkVersion === state.fw.version ? state.fw : GS.Framework.builtin(a.frameworkId, a.frameworkVersion);
      setFramework(fw, a.toJson());
      autosave();
    } catch (e) { showError(e); }
  });
  $('save-json').addEventListener('click', () => download(fileName('json'), state.scorer.assessment().toJson(), 'application/json'));
  $('save-xlsx').addEventListener('click', () => {
    try { download(fileName('xlsx'), state.scorer.assessment().toXlsx({ framework: state.fw, lang: state.lang }), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'); } catch (e) { showError(e); }
  });
  $('print').addEventListener('click', () => window.print());
  $('example-plan').addEventListener('click', () => { state.plan = GS.example('mali-2021-plan'); $('plan-name').textContent = 'mali-2021-plan.json'; });
  $('plan-file').addEventListener('change', async (ev) => {
    const f = await readFile(ev.target);
    if (f) { state.plan = f.bytes; $('plan-name').textContent = f.name; }
  });
  $('cheapest').addEventListener('click', () => runPlan('cheapest'));
  $('best').addEventListener('click', () => runPlan('best'));
  if (hash.get('example') === 'mali-2020') { loadExample(); return; }
  const saved = store.get('gender-seal:assessment');
  if (saved) { try { loadAssessmentText(saved); return; } catch { /* fall through to a blank matrix */ } }
  const [id, v] = sel.value.split('@');
  setFramework(GS.Framework.builtin(id, v));
}

start();
window.GenderSeal = GS;
window.__firstResult = performance.now();
