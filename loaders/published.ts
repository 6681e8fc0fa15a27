import type {KeptBlock, RemovedBlock} from "./boilerplate.ts";

export interface PageBlocks {
  removed: RemovedBlock[];
  kept: KeptBlock[];
  /** ISO 639-1 code of the article, or "und". */
  language: string;
}

/**
 * The article's publication date (YYYY-MM-DD or YYYY-MM) from the page's own date line, or "".
 */
export function publishedFromPage({removed}: PageBlocks): string {
  for (const r of removed) {
    const m = /^date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/i.exec(r.text.trim());
    if (m) return m[1];
  }
  return "";
}
