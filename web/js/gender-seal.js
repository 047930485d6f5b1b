// gender-seal for JavaScript: a thin wrapper over the wasm-bindgen module. Every answer is the
// JSON document the command line prints, parsed here (decimals stay strings); errors are thrown
// as GenderSealError with `kind` and `problems` [{path, message}]. docs/javascript.md.
import * as raw from './gender_seal_wasm.js';

/** The library's error: `kind` (syntax, format, invalid, framework_mismatch, not_scorable,
 * request, io), `problems` [{path, message}], `file` or null; `message` is the CLI's. */
export class GenderSealError extends Error {
  constructor(doc) {
    super(doc.message);
    this.name = 'GenderSealError';
    this.kind = doc.kind;
    this.problems = doc.problems;
    this.file = doc.file ?? null;
  }
}

function convert(e) {
  if (typeof e === 'string' && e.startsWith('{"gender_seal_error"')) {
    return new GenderSealError(JSON.parse(e).gender_seal_error);
  }
  return e;
}

function call(f) {
  try {
    return f();
  } catch (e) {
    throw convert(e);
  }
}

/** Instantiates the wasm synchronously from its bytes (or a compiled WebAssembly.Module). */
export function init(module) {
  raw.initSync({ module });
}

/** Instantiates the wasm asynchronously (a URL, Response or bytes; by default next to the glue). */
export async function initAsync(input) {
  await raw.default(input === undefined ? undefined : { module_or_path: input });
}

const isFormat = (f) => f === undefined || f === 'json';
const answer = (text, format) => (isFormat(format) ? JSON.parse(text) : text);

/** A validated framework. */
export class Framework {
  constructor(inner) {
    this.inner = inner;
  }
  /** A built-in framework; without version, the newest of the id. */
  static builtin(id, version) {
    return new Framework(call(() => raw.Framework.builtin(id, version)));
  }
  /** Parses and validates a framework from JSON text. */
  static fromJson(text) {
    return new Framework(call(() => raw.Framework.fromJson(text)));
  }
  /** The built-in frameworks as [id, version] pairs. */
  static builtins() {
    return JSON.parse(raw.builtinsJson());
  }
  get id() {
    return this.inner.id;
  }
  get version() {
    return this.inner.version;
  }
  /** The framework file as an object (numbers as JS numbers: for display only). */
  toObject() {
    return JSON.parse(this.inner.toJson());
  }
  /** The summary `gender-seal validate --format json` prints. */
  summary(lang = 'en') {
    return JSON.parse(call(() => this.inner.summaryJson(lang)));
  }
}

/** One office's evidence. */
export class Assessment {
  constructor(inner) {
    this.inner = inner;
  }
  /** Parses an assessment from JSON text. */
  static fromJson(text) {
    return new Assessment(call(() => raw.Assessment.fromJson(text)));
  }
  /** Reads JSON, an .xlsx matrix or CSV from bytes (Uint8Array), told by content. */
  static fromBytes(bytes, { framework } = {}) {
    return new Assessment(call(() => raw.Assessment.fromBytes(bytes, fwArg(framework))));
  }
  get office() {
    return this.inner.office;
  }
  get frameworkId() {
    return this.inner.frameworkId;
  }
  get frameworkVersion() {
    return this.inner.frameworkVersion;
  }
  toJson() {
    return this.inner.toJson();
  }
  /** The .xlsx matrix (Uint8Array). */
  toXlsx({ framework, lang = 'en' } = {}) {
    const fw = framework ?? Framework.builtin(this.frameworkId, this.frameworkVersion);
    return call(() => this.inner.toXlsx(fw.inner, lang));
  }
  /** The CSV matrix (Uint8Array, UTF-8). */
  toCsv({ framework, lang = 'en' } = {}) {
    const fw = framework ?? Framework.builtin(this.frameworkId, this.frameworkVersion);
    return call(() => this.inner.toCsv(fw.inner, lang));
  }
}

// wasm-bindgen consumes an owned Option<Framework> argument; hand it a fresh handle on the
// same (shared) framework.
function fwArg(framework) {
  return framework === undefined || framework === null ? undefined : framework.inner.share();
}

/** Scores an assessment: the object `gender-seal score --format json` prints. */
export function score(assessment, { framework, lang = 'en' } = {}) {
  return JSON.parse(call(() => raw.scoreReport(assessment.inner, fwArg(framework), lang, 'json')));
}

/** The score report in a format: "json" | "text" | "markdown" | "html". */
export function report(assessment, format = 'markdown', { framework, lang = 'en' } = {}) {
  return call(() => raw.scoreReport(assessment.inner, fwArg(framework), lang, format));
}

/** What the result rests on: `gender-seal explain --format json` as an object. */
export function explain(assessment, { framework, target, lang = 'en', format } = {}) {
  return answer(
    call(() => raw.explainReport(assessment.inner, fwArg(framework), target, lang, format ?? 'json')),
    format,
  );
}

/** A plan over a baseline. `plan` is the plan file's text or bytes (JSON, .xlsx, CSV). */
export class Planner {
  constructor(baseline, plan, { framework } = {}) {
    const bytes = typeof plan === 'string' ? new TextEncoder().encode(plan) : plan;
    this.inner = call(() => new raw.Planner(baseline.inner, bytes, fwArg(framework)));
  }
  cheapest(target, { timeline = false, marginal = false, lang = 'en', format } = {}) {
    return answer(call(() => this.inner.cheapest(target, timeline, marginal, lang, format ?? 'json')), format);
  }
  best(budget, { timeline = false, marginal = false, lang = 'en', format } = {}) {
    const b = budget === undefined || budget === null ? undefined : String(budget);
    return answer(call(() => this.inner.best(b, timeline, marginal, lang, format ?? 'json')), format);
  }
  timeline({ lang = 'en', format } = {}) {
    return answer(call(() => this.inner.timeline(lang, format ?? 'json')), format);
  }
  marginal({ lang = 'en', format } = {}) {
    return answer(call(() => this.inner.marginal(lang, format ?? 'json')), format);
  }
}

/** A live scorer for a form being edited. */
export class Scorer {
  constructor(assessment, { framework, lang = 'en' } = {}) {
    this.inner = call(() => new raw.Scorer(assessment.inner, fwArg(framework), lang));
  }
  setLang(lang) {
    call(() => this.inner.setLang(lang));
  }
  setRating(id, rating) {
    this.inner.setRating(id, rating);
  }
  setValue(id, value) {
    call(() => this.inner.setValue(id, String(value)));
  }
  setNote(id, note) {
    this.inner.setNote(id, note);
  }
  clear(id) {
    this.inner.clear(id);
  }
  setOffice(office) {
    this.inner.setOffice(office);
  }
  /** {percentage, official, tier, tierId, nextTier, pointsMissing, failing}; decimals as strings. */
  summary() {
    return JSON.parse(call(() => this.inner.summary()));
  }
  /** The object `gender-seal score --format json` prints. */
  toObject() {
    return JSON.parse(call(() => this.inner.json()));
  }
  report(format = 'markdown') {
    return call(() => this.inner.report(format));
  }
  explain() {
    return JSON.parse(call(() => this.inner.explainJson()));
  }
  assessment() {
    return new Assessment(this.inner.assessment());
  }
}

/** The built-in examples: "mali-2020" (assessment), "mali-2021-plan" (plan). */
export function example(name) {
  return raw.example(name);
}

export const version = () => raw.version();
