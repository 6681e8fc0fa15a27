// The footer of every page, written at build: a suggested citation (text and BibTeX, with the
// build's date and the package version), what may be reused under which licence, and "View
// source" / "Edit this page" links into the repository. The page address is the page's own,
// filled in by src/components/citation.js where the site is served (or SITE_URL at build).
// The BibTeX is a <div> styled as code, not a <pre>: Framework wraps every <pre> in a container of its own.
import {readFileSync} from "node:fs";

export interface SiteSettings {
  /**
   * The repository that holds this notebook's source; "View source" and "Edit this page" link
   * into it. Empty: the site carries its own sources (postbuild copies them to `_source/`),
   * "View source" opens that copy and there is no edit link, rather than a made-up address.
   */
  repository: string;
  /** The branch those links open. */
  branch: string;
  /** The site's public address, if known at build (else each page fills in its own). */
  siteUrl?: string;
  /** The build's date, YYYY-MM-DD: SOURCE_DATE_EPOCH if set (reproducible builds), else the day of the build. */
  buildDate: string;
}

/** Where postbuild copies the page sources and licence files when no repository is set. */
export const SOURCE_DIR = "_source";
/** The files besides the pages that the footer links to. */
export const SOURCE_FILES = ["RIGHTS.md", "LICENSE", "LICENSE-CONTENT.md"];

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {version: string};

export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The page's file in the repository: "/" → src/index.md, "/capex" → src/capex.md. */
export function sourceFile(path: string): string {
  const p = path.replace(/\.html$/, "").replace(/^\//, "");
  return `src/${p === "" || p.endsWith("/") ? `${p}index` : p}.md`;
}

export function citation({title, path}: {title: string | null; path: string}, site: SiteSettings, version = pkg.version) {
  const page = path.replace(/^\//, "").replace(/\.html$/, "");
  const relative = page === "" || page === "index" ? "./" : `${page}.html`;
  const url = site.siteUrl ? new URL(relative, site.siteUrl.endsWith("/") ? site.siteUrl : `${site.siteUrl}/`).href : relative;
  const name = title ?? "Llama Ledger";
  const year = site.buildDate.slice(0, 4);
  const text = `Llama Ledger contributors (${year}). “${name}”. In Llama Ledger: an interactive notebook about Meta's Llama models, version ${version}, built ${site.buildDate}. ${url}`;
  const key = `llamaledger${year}${(page || "index").replace(/[^a-z0-9]/gi, "")}`;
  const bibtex = [`@misc{${key},`, `  author = {{Llama Ledger contributors}},`, `  title = {${name}},`, `  howpublished = {Llama Ledger: an interactive notebook about Meta's Llama models},`, `  year = {${year}},`, `  version = {${version}},`, `  note = {Built ${site.buildDate}; text, data and charts under CC BY 4.0},`, `  url = {${url}}`, `}`].join("\n");
  return {text, bibtex, url, relative};
}

export function footer({title, path}: {title: string | null; path: string}, site: SiteSettings): string {
  const {text, bibtex, relative} = citation({title, path}, site);
  const file = sourceFile(path);
  const repo = site.repository.replace(/\/$/, "");
  // Pages sit at the site's root, so "_source/" is relative to every one of them.
  const fileHref = (f: string) => (repo ? `${repo}/blob/${site.branch}/${f}` : `${SOURCE_DIR}/${f}`);
  const edit = repo ? ` · <a class="edit-page" href="${escape(`${repo}/edit/${site.branch}/${file}`)}">Edit this page</a>` : "";
  return `<section class="cite-this" id="cite-this-page" aria-labelledby="cite-this-page-heading" data-build-date="${escape(site.buildDate)}">
<h2 id="cite-this-page-heading">Cite this page</h2>
<p class="citation-text" id="citation-text" data-page-url="${escape(relative)}">${escape(text)}</p>
<details class="citation-bibtex"><summary>BibTeX</summary><div class="bibtex" id="citation-bibtex" data-page-url="${escape(relative)}">${escape(bibtex)}</div></details>
<p class="citation-buttons"><button type="button" data-copy="citation-text">Copy citation</button> <button type="button" data-copy="citation-bibtex">Copy BibTeX</button> <span class="copy-status" role="status"></span></p>
<h2 id="reuse-this-work">Reuse this work</h2>
<p>The notebook's own text, data tables and charts are under <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>: copy, adapt and republish them, also commercially, if you credit “Llama Ledger contributors” and link to the page; the citation above is enough. The code is under the MIT licence. The news articles quoted on these pages are third-party texts, quoted for teaching and research; their rights stay with their publishers and they are not covered by either licence (see <a href="${escape(fileHref("RIGHTS.md"))}">RIGHTS.md</a>, which also says how to ask for an article's removal). Reference rows keep their sources' own terms; each links to its source.</p>
</section>
<p class="licence-line">Llama Ledger: news articles are evidence and are quoted as data; outside facts come from data/reference with their sources and confidence. Text, data and charts: CC BY 4.0 · code: MIT · articles: © their publishers. <a class="view-source" href="${escape(fileHref(file))}">View source</a>${edit}</p>`;
}
