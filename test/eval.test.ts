import {test} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {evaluate, labelledPages, LEVELS_FILE} from "./eval/evaluate.ts";

// The multilingual evaluation set (test/eval/README.md): no field of any language may fall below
// the F1 recorded in levels.json by `npm run eval -- --record`, and no page may lose a word.
const report = evaluate({sets: ["pages"]});
const levels: Record<string, Record<string, number>> = existsSync(LEVELS_FILE) ? JSON.parse(readFileSync(LEVELS_FILE, "utf8")) : {};

test("every development page has labels for every field and covers the 30 languages", () => {
  const pages = labelledPages("pages");
  for (const {stem, text, labels} of pages) {
    for (const field of ["language", "published", "money", "users", "dates", "furniture", "quotes", "hosts", "topics"] as const) assert.ok(field in labels, `${stem}: no "${field}"`);
    for (const f of labels.furniture) assert.ok(text.includes(f), `${stem}: furniture label not in the page: ${f}`);
    for (const q of labels.quotes) assert.ok(text.includes(q.text), `${stem}: quote label not in the page: ${q.text}`);
  }
  assert.ok(Object.keys(levels).length > 0, "levels.json is recorded");
  const languages = new Set(pages.map((p) => p.stem.split("-")[0]));
  for (const language of Object.keys(levels)) if (language !== "all") assert.ok(languages.has(language), `levels.json names ${language}, which has no page`);
});

test("no field of any language falls below its recorded F1", () => {
  const drops: string[] = [];
  for (const [group, fields] of Object.entries(levels)) {
    for (const [field, level] of Object.entries(fields)) {
      const now = report.summary[group]?.[field as keyof (typeof report.summary)[string]]?.f1 ?? 0;
      if (now + 1e-9 < level) drops.push(`${group} ${field}: ${now.toFixed(3)} < recorded ${level.toFixed(3)}`);
    }
  }
  assert.deepEqual(drops, []);
});

test("every word of every page is in a kept passage or a removed block", () => {
  assert.deepEqual(report.pages.filter((p) => p.lost.length).map((p) => `${p.stem}: ${p.lost.join(" ")}`), []);
});
