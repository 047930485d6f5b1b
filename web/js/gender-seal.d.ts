// Types of the gender-seal wrapper (gender-seal.js). Decimals are strings throughout.
export interface Problem { path: string; message: string }
export class GenderSealError extends Error {
  kind: 'syntax' | 'format' | 'invalid' | 'framework_mismatch' | 'not_scorable' | 'request' | 'io' | string;
  problems: Problem[];
  file: string | null;
}
export function init(module: BufferSource | WebAssembly.Module): void;
export function initAsync(input?: string | URL | Response | BufferSource): Promise<void>;
export type Lang = 'en' | 'fr' | string;
export type TextFormat = 'json' | 'text' | 'markdown' | 'html';
export class Framework {
  static builtin(id: string, version?: string): Framework;
  static fromJson(text: string): Framework;
  static builtins(): [string, string][];
  readonly id: string;
  readonly version: string;
  toObject(): any;
  summary(lang?: Lang): any;
}
export class Assessment {
  static fromJson(text: string): Assessment;
  static fromBytes(bytes: Uint8Array, opts?: { framework?: Framework }): Assessment;
  readonly office: string;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  toJson(): string;
  toXlsx(opts?: { framework?: Framework; lang?: Lang }): Uint8Array;
  toCsv(opts?: { framework?: Framework; lang?: Lang }): Uint8Array;
}
export interface ScoreOptions { framework?: Framework; lang?: Lang }
/** The object `gender-seal score --format json` prints. */
export function score(assessment: Assessment, opts?: ScoreOptions): any;
export function report(assessment: Assessment, format?: TextFormat, opts?: ScoreOptions): string;
export function explain(assessment: Assessment, opts?: ScoreOptions & { target?: string; format?: TextFormat }): any;
export interface PlanOptions { timeline?: boolean; marginal?: boolean; lang?: Lang; format?: TextFormat }
export class Planner {
  constructor(baseline: Assessment, plan: string | Uint8Array, opts?: { framework?: Framework });
  cheapest(target: string, opts?: PlanOptions): any;
  best(budget?: string, opts?: PlanOptions): any;
  timeline(opts?: { lang?: Lang; format?: TextFormat }): any;
  marginal(opts?: { lang?: Lang; format?: TextFormat }): any;
}
export interface Summary {
  percentage: string; official: string; tier: string | null; tierId: string | null;
  nextTier: string | null; pointsMissing: string | null; failing: number;
}
export class Scorer {
  constructor(assessment: Assessment, opts?: ScoreOptions);
  setLang(lang: Lang): void;
  setRating(id: string, rating: string): void;
  setValue(id: string, value: string): void;
  setNote(id: string, note: string): void;
  clear(id: string): void;
  setOffice(office: string): void;
  summary(): Summary;
  toObject(): any;
  report(format?: TextFormat): string;
  explain(): any;
  assessment(): Assessment;
}
export function example(name: 'mali-2020' | 'mali-2021-plan' | string): string | undefined;
export function version(): string;
