import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";

// Precision and recall of an extractor over a fixture set. A case lists the rows it expects;
// a row found counts as a true positive when `key` of it equals `key` of an expected row.

export interface Score {
  extractor: string;
  cases: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  misses: string[];
}

export function score<R>(extractor: string, cases: Array<{name: string; expected: R[]; actual: R[]}>, key: (row: R) => string): Score {
  let tp = 0, fp = 0, fn = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const want = new Map<string, number>();
    for (const r of c.expected) want.set(key(r), (want.get(key(r)) ?? 0) + 1);
    for (const r of c.actual) {
      const k = key(r);
      const n = want.get(k) ?? 0;
      if (n > 0) { ++tp; want.set(k, n - 1); }
      else { ++fp; misses.push(`${c.name}: unexpected ${k}`); }
    }
    for (const [k, n] of want) if (n > 0) { fn += n; misses.push(`${c.name}: missed ${k}`); }
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return {extractor, cases: cases.length, tp, fp, fn, precision, recall, misses};
}

export function formatScore(s: Score): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `${s.extractor}: ${s.cases} cases, precision ${pct(s.precision)} (${s.tp}/${s.tp + s.fp}), recall ${pct(s.recall)} (${s.tp}/${s.tp + s.fn})` +
    (s.misses.length ? `\n  ${s.misses.join("\n  ")}` : "");
}

interface FixtureCase {
  name: string;
  language: string;
  text: string;
  expected: Array<{text: string; start?: number; end?: number}>;
  source?: {file: string};
}

/** The checks every fixture set gets: coverage, offsets that slice their text, and real-article cases that are verbatim. */
export function checkFixtureSet(cases: FixtureCase[], {minCases, minLanguages = 8, minReal}: {minCases: number; minLanguages?: number; minReal: number}): void {
  const root = new URL("../../", import.meta.url);
  test(`fixtures cover at least ${minLanguages} languages and ${minCases} cases`, () => {
    assert.ok(cases.length >= minCases, `${cases.length} cases`);
    assert.ok(new Set(cases.map((c) => c.language)).size >= minLanguages);
  });
  test("fixture offsets are consistent", () => {
    for (const c of cases) for (const e of c.expected) if (e.start !== undefined) assert.equal(c.text.slice(e.start, e.end), e.text, c.name);
  });
  test("real-article fixtures are verbatim text of data/articles", () => {
    const real = cases.filter((c) => c.source);
    assert.ok(real.length >= minReal);
    for (const c of real) assert.ok(readFileSync(new URL(c.source!.file, root), "utf8").includes(c.text), `${c.name}: text not found in ${c.source!.file}`);
  });
}
