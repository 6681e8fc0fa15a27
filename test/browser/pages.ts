// The pages of the built site, found in dist/ (so a new chapter is checked without editing a list).
import {readdirSync} from "node:fs";

export function builtPages(dist = process.env.LEDGER_DIST ?? "dist"): string[] {
  return readdirSync(dist).filter((f) => f.endsWith(".html") && f !== "404.html").map((f) => f.replace(/\.html$/, "")).sort();
}

export function pageUrl(base: string, page: string): string {
  return page === "index" ? base : `${base}${page}.html`;
}
