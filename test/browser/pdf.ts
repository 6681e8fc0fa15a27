// The text of a PDF that Chromium printed (page.pdf()), page by page, with each run's font size in
// points and its position: read with pdf.js (pdfjs-dist, a dev dependency), no rasteriser needed.
import {getDocument} from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfRun {
  text: string;
  /** Font size in pt (PDF user units are points). */
  size: number;
  /** Distance of the baseline from the top of the page, in pt. */
  top: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  runs: PdfRun[];
  /** The page's text in reading order, runs joined by spaces, whitespace collapsed. */
  text: string;
}

export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false}).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const runs: PdfRun[] = [];
    for (const item of content.items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const [, , c, d, , f] = item.transform as number[];
      runs.push({text: item.str, size: Math.hypot(c, d), top: height - f});
    }
    pages.push({number: n, width, height, runs, text: runs.map((r) => r.text).join(" ").replace(/\s+/g, " ")});
  }
  await doc.destroy();
  return pages;
}

/** Text as a PDF carries it: ligatures (fi, ff) and spacing vary, so compare letters and digits only. */
export function letters(text: string): string {
  return text.normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();
}
