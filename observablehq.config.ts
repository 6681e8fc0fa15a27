import {readFileSync} from "node:fs";
import {parseCsv} from "./loaders/csv.ts";
import {projectCompile} from "./loaders/compile-cache.ts";
import {corpusFileNames} from "./loaders/aggregate.ts";
import {CHAPTERS} from "./src/components/chapters.js";
import {footer, buildDate, type SiteSettings} from "./loaders/site-footer.ts";

// Where the notebook's source lives: "View source" and "Edit this page" on every page link into it.
// Set it (or LEDGER_REPOSITORY) to the fork's address, e.g. https://github.com/you/llama-ledger;
// left empty, the site serves its own sources under _source/ and has no edit link. SITE_URL, if set, makes citations absolute at build.
const SITE: SiteSettings = {
  repository: process.env.LEDGER_REPOSITORY ?? "",
  branch: process.env.LEDGER_BRANCH ?? "main",
  siteUrl: process.env.SITE_URL || undefined,
  buildDate: buildDate()
};

// Framework folds accents in page text and queries but indexes only static Markdown; these documents
// add what cells draw (glossary terms, article passages), folded the same way, with ß also as ss.
function fold(text: string): string {
  const folded = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return (/ß/.test(folded) ? `${folded} ${folded.replace(/ß/g, "ss")}` : folded).replace(/[^\p{L}\p{N}]/gu, " ");
}

// Observable Framework configuration. No stylesheet or script is loaded from a third-party
// host: the default theme's web-font import is dropped (globalStylesheets: []) and every
// library is bundled from node_modules.
export default {
  title: "Llama Ledger",
  root: "src",
  // LEDGER_OUTPUT lets a test build a variant of the site (an extra article, a sub-path) beside the real one.
  output: process.env.LEDGER_OUTPUT ?? "dist",
  // One name per chapter (src/components/chapters.js): the sidebar, the start page, the heatmap and each title use it.
  pages: CHAPTERS.map(({name, path}) => ({name, path})),
  style: "style.css",
  globalStylesheets: [],
  head: `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23334'/%3E%3Ctext x='8' y='12' font-size='11' text-anchor='middle' fill='white' font-family='sans-serif'%3EL%3C/text%3E%3C/svg%3E">`,
  // A suggested citation, "Reuse this work", the licence line and the source links (loaders/site-footer.ts).
  footer: ({title, path}: {title: string | null; path: string}) => footer({title, path}, SITE),
  search: {
    async *index() {
      const glossary = readFileSync(new URL("./data/glossary.csv", import.meta.url), "utf8");
      for (const row of parseCsv(glossary, "data/glossary.csv", ["term", "slug", "definition"])) {
        yield {path: `/glossary.html#term-${row.slug}`, title: `Glossary: ${row.term}`, text: fold(row.definition), keywords: fold(row.term)};
      }
      // The build's one compile (loaders/compile-cache.ts), shared with the data loaders.
      const compile = await projectCompile();
      const articles = parseCsv(compile.table("articles"), "articles.csv", ["article_id", "title"]);
      const passages = parseCsv(compile.table("passages"), "passages.csv", ["article_id", "passage", "text"]);
      const titles = new Map(articles.map((a) => [a.article_id, a.title]));
      for (const p of passages) {
        yield {path: `/sources.html#p-${p.article_id}-${p.passage}`, title: `${titles.get(p.article_id)} (passage ${p.passage})`, text: fold(p.text), keywords: fold(titles.get(p.article_id) ?? "")};
      }
    }
  },
  // The shards of per-article rows and the lists behind the claim counts (src/data/corpus.zip.ts):
  // pages fetch them by name when a reader opens an article or a count, so no FileAttachment names them.
  async *dynamicPaths() {
    const compile = await projectCompile();
    const articles = parseCsv(compile.table("articles"), "articles.csv", ["article_id"]).length;
    const claims = parseCsv(readFileSync(new URL("./data/claims.csv", import.meta.url), "utf8"), "data/claims.csv", ["claim_id"]).map((c) => c.claim_id);
    for (const name of corpusFileNames(articles, claims)) yield `/data/corpus/${name}`;
  },
  toc: true,
  pager: true,
  preserveExtension: true
};
