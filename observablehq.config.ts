import {readFileSync} from "node:fs";
import {parseCsv} from "./loaders/csv.ts";
import {projectCompile} from "./loaders/compile-cache.ts";
import {corpusFileNames} from "./loaders/aggregate.ts";
import {searchDocuments} from "./loaders/search-index.ts";
import {projectClaimIds} from "./loaders/corpus-archives.ts";
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

// The build's one compile (loaders/compile-cache.ts), shared with the data loaders, started as
// the configuration loads: its worker threads then run while Framework bundles the pages' npm
// modules, instead of after. Awaited where it is used; a failure is reported there.
const compiling = projectCompile();
compiling.catch(() => {});

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
    // Glossary terms and the articles: by passage in a small corpus, by article in a large one (loaders/search-index.ts).
    async *index() {
      const glossary = parseCsv(readFileSync(new URL("./data/glossary.csv", import.meta.url), "utf8"), "data/glossary.csv", ["term", "slug", "definition"]);
      const compile = await compiling;
      const articles = parseCsv(compile.table("articles"), "articles.csv", ["article_id", "title", "outlet"]);
      const passages = parseCsv(compile.table("passages"), "passages.csv", ["article_id", "passage", "text"]);
      yield* searchDocuments(glossary, articles, passages);
    }
  },
  // The shards of per-article rows and the lists behind the claim counts (loaders/corpus-archives.ts):
  // pages fetch them by name when a reader opens an article or a count, so no FileAttachment names them.
  async *dynamicPaths() {
    const compile = await compiling;
    const articles = parseCsv(compile.table("articles"), "articles.csv", ["article_id"]).length;
    for (const name of corpusFileNames(articles, projectClaimIds())) yield `/data/corpus/${name}`;
  },
  // Data loaders in TypeScript run as `node --import tsx`, not through the tsx command, which
  // starts a second Node process for each: about 0.4 s less per loader here, and a build runs some twenty of them.
  interpreters: {".ts": [process.execPath, "--import", "tsx"]},
  toc: true,
  pager: true,
  preserveExtension: true
};
