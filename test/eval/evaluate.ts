// Compiles the labelled pages of test/eval/<set>/ one by one and scores them (score.ts).
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {compileCorpus} from "../../loaders/pipeline.ts";
import {articleOptions} from "../../loaders/project.ts";
import {decodeArticle} from "../../loaders/read.ts";
import {tokens} from "../../loaders/text.ts";
import type {Tables} from "../../loaders/tables.ts";
import {addCounts, f1, FIELDS, scorePage, type Counts, type Field, type Labels, type PageScore} from "./score.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));
export const LEVELS_FILE = join(HERE, "levels.json");

export interface PageResult { set: string; stem: string; language: string; score: PageScore; lost: string[] }
export interface Report {
  pages: PageResult[];
  /** F1 per language and field, and over all pages ("all"). */
  summary: Record<string, Partial<Record<Field, {f1: number; precision: number; recall: number; tp: number; fp: number; fn: number}>>>;
}

export function labelledPages(set: string): Array<{stem: string; text: string; labels: Labels}> {
  const dir = join(HERE, set);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const stem = f.slice(0, -4);
      const labelsFile = join(dir, `${stem}.labels.json`);
      if (!existsSync(labelsFile)) throw new Error(`${join(set, f)}: no ${stem}.labels.json beside it`);
      let labels: Labels;
      try { labels = JSON.parse(readFileSync(labelsFile, "utf8")); }
      catch (error) { throw new Error(`${join(set, stem)}.labels.json: ${(error as Error).message}`); }
      return {stem, text: readFileSync(join(dir, f), "utf8"), labels};
    });
}

/** Words of the source that are in neither a kept passage nor a removed block (should be none). */
function lostWords(source: string, tables: Tables): string[] {
  const have = new Map<string, number>();
  for (const t of tokens([...tables.passages, ...tables.removed].map((r) => r.text).join("\n"))) have.set(t, (have.get(t) ?? 0) + 1);
  const lost: string[] = [];
  for (const t of tokens(source)) {
    const n = have.get(t) ?? 0;
    if (n > 0) have.set(t, n - 1);
    else lost.push(t);
  }
  return lost;
}

export function evaluate({sets = ["pages"], languages}: {sets?: string[]; languages?: string[]} = {}): Report {
  const options = articleOptions();
  const pages: PageResult[] = [];
  for (const set of sets) {
    for (const {stem, text, labels} of labelledPages(set)) {
      const language = stem.split("-")[0];
      if (languages && !languages.includes(language)) continue;
      const bytes = new TextEncoder().encode(text);
      const {tables} = compileCorpus([{file: `${set}/${stem}.txt`, bytes}], options);
      pages.push({set, stem, language, score: scorePage(labels, tables), lost: lostWords(decodeArticle(bytes, stem), tables)});
    }
  }
  const summary: Report["summary"] = {};
  const groups = new Map<string, PageResult[]>([["all", pages]]);
  for (const p of pages) groups.set(p.language, [...(groups.get(p.language) ?? []), p]);
  for (const [group, results] of [...groups].sort(([a], [b]) => (a === "all" ? 1 : b === "all" ? -1 : a < b ? -1 : 1))) {
    summary[group] = {};
    for (const field of FIELDS) {
      const c = results.reduce<Counts>((acc, r) => addCounts(acc, r.score[field]), {tp: 0, fp: 0, fn: 0, misses: []});
      if (c.tp + c.fp + c.fn === 0) continue;
      const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
      const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
      summary[group][field] = {f1: round(f1(c)), precision: round(precision), recall: round(recall), tp: c.tp, fp: c.fp, fn: c.fn};
    }
  }
  return {pages, summary};
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function formatReport(report: Report, {misses = false} = {}): string {
  const head = ["lang", ...FIELDS];
  const rows = Object.entries(report.summary).map(([group, fields]) => [group, ...FIELDS.map((f) => (fields[f] ? fields[f]!.f1.toFixed(2) : "  – "))]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(width[i])).join("  ");
  const out = [`F1 per language and field (${report.pages.length} pages)`, line(head), ...rows.map(line)];
  const all = report.summary.all ?? {};
  out.push("", "all pages, precision / recall:");
  for (const f of FIELDS) if (all[f]) out.push(`  ${f.padEnd(10)} P ${all[f]!.precision.toFixed(3)}  R ${all[f]!.recall.toFixed(3)}  (tp ${all[f]!.tp}, fp ${all[f]!.fp}, fn ${all[f]!.fn})`);
  const lost = report.pages.filter((p) => p.lost.length);
  out.push("", lost.length ? `words lost (in neither passages nor removed): ${lost.map((p) => `${p.stem}: ${p.lost.slice(0, 5).join(" ")}`).join("; ")}` : "no word lost on any page");
  if (misses) {
    for (const p of report.pages) {
      const m = FIELDS.flatMap((f) => p.score[f].misses);
      if (m.length) out.push("", `${p.set}/${p.stem}:`, ...m.map((x) => `  ${x}`));
    }
  }
  return out.join("\n");
}
