// The pages of the built site, found in dist/ (so a new chapter is checked without editing a list).
import {readdirSync} from "node:fs";
import {compileProject} from "../../loaders/project.ts";
import {readReference} from "../../loaders/reference.ts";

export function builtPages(dist = process.env.LEDGER_DIST ?? "dist"): string[] {
  return readdirSync(dist).filter((f) => f.endsWith(".html") && f !== "404.html").map((f) => f.replace(/\.html$/, "")).sort();
}

export function pageUrl(base: string, page: string): string {
  return page === "index" ? base : `${base}${page}.html`;
}

/** Every id a page may link to on sources.html: passages (p-), cut blocks (cut-) and reference rows (ref-). */
export function knownAnchors(): Set<string> {
  const {tables} = compileProject();
  const ids = new Set([...tables.passages.map((p) => `p-${p.article_id}-${p.passage}`), ...tables.removed.map((r) => `cut-${r.article_id}-${r.block}`)]);
  for (const file of readdirSync("data/reference").filter((f) => f.endsWith(".csv"))) {
    for (const row of readReference(file.replace(/\.csv$/, "")).rows) ids.add(`ref-${row.id}`);
  }
  return ids;
}
