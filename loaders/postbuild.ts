// Framework hard-codes two accessibility faults into every page it renders: no lang attribute
// on <html>, and a viewport that forbids zooming. This pass fixes the emitted HTML in place.
import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {createHash} from "node:crypto";
import {readingTimes, type ReadingTime} from "./reading-time.ts";
import {readingTimeText} from "../src/components/readingTime.js";
import {tableText} from "../src/components/prerendered.js";
import {projectCompile} from "./compile-cache.ts";
import {parseCsv} from "./csv.ts";
import {SOURCE_DIR, SOURCE_FILES} from "./site-footer.ts";
import {TABLE_NAMES, type TableName} from "./tables.ts";

export function fixHtml(html: string, {lang = "en", description = ""}: {lang?: string; description?: string} = {}): string {
  if (description && !/<meta name="description"/.test(html)) html = html.replace(/(<meta name="viewport"[^>]*>)/, `$1\n<meta name="description" content="${escapeAttribute(description)}">`);
  if (!/http-equiv="Content-Security-Policy"/.test(html)) html = html.replace(/(<meta charset="utf-8">)/, `$1\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}">`);
  return html
    .replace(/<html(?![^>]*\slang=)([^>]*)>/i, `<html lang="${lang}"$1>`)
    .replace(/(<meta name="viewport" content=")([^"]*)(")/i, (_, a, content: string, z) => a + content.split(",").map((s) => s.trim()).filter((s) => !/^(maximum-scale|user-scalable)=/.test(s)).join(", ") + z)
    // The sidebar's close button sits inside its <ol>, where only <li> may stand.
    .replace(/(<ol>)(\s*<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2$1")
    .replace(/<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">/, '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar" aria-label="Show or hide the list of chapters">')
    .replace(/<nav id="observablehq-sidebar">/, '<nav id="observablehq-sidebar" aria-label="Chapters">')
    // Code blocks scroll sideways on a phone; a keyboard user must be able to focus them to scroll.
    .replace(/<pre data-language=/g, '<pre tabindex="0" data-language=')
    .replace(/(<aside id="observablehq-toc"[^>]*>\s*)<nav>/, '$1<nav aria-label="On this page">')
    .replace(/<nav class="observablehq-pager">/g, '<nav class="observablehq-pager" aria-label="Previous and next chapter">');
}

/**
 * Writes each page's reading time into its empty `<span data-reading-time="page">`, so the text is
 * in the HTML before any script runs and the line it sits in never reflows at load (a layout
 * shift on every chapter otherwise). The same numbers as data/reading-times.json: both come from
 * loaders/reading-time.ts over src/*.md.
 */
export function prerenderReadingTimes(html: string, times: Record<string, ReadingTime>): string {
  return html.replace(/(<span data-reading-time="([^"]*)"(?: data-prefix="([^"]*)")?>)(<\/span>)/g, (_, open: string, page: string, prefix: string | undefined, close: string) =>
    open + escapeText(readingTimeText(times, page, {prefix: prefix ?? "about "})) + close);
}

/**
 * Fills each empty `<span data-table="passages" data-row="article/n" data-column="text">` with that
 * cell of the compiled tables (src/components/prerendered.js), as text. A name that matches no
 * row stops the build with the page and the name, rather than leaving a hole in the page.
 */
export function prerenderTableText(html: string, tables: object, page = "page"): string {
  return html.replace(/(<(span|em|p|q)\b[^>]*?\bdata-table="([^"]+)" data-row="([^"]+)" data-column="([^"]+)"[^>]*>)(<\/\2>)/g,
    (_, open: string, _tag: string, table: string, row: string, column: string, close: string) => {
      const text = tableText(tables, table, row, column);
      if (text === undefined) throw new Error(`${page}: data-table="${table}" data-row="${row}" data-column="${column}" names no cell of the compiled tables`);
      return open + escapeText(text) + close;
    });
}

/**
 * The strictest Content Security Policy the built pages work under, as a <meta> placed before
 * any script. Framework renders each page's cells into one inline module script, so scripts
 * are allowed by the hash of each inline script rather than by 'unsafe-inline', so an injected
 * <script> or event handler never runs. 'unsafe-eval' stays: d3-dsv builds its row objects and
 * Arquero compiles its table expressions with `new Function`, from column names and expressions
 * the authors wrote (never from article text). Inputs builds its elements with htl, whose
 * templates briefly carry placeholder handlers such as oninput="::3" before the real function is
 * set as a property; 'unsafe-hashes' admits exactly those placeholder strings (which are not even
 * valid JavaScript), never an arbitrary handler. Styles need
 * 'unsafe-inline': Plot and Inputs write <style> elements and style attributes at run time.
 * Images may be data: (the favicon) and blob: (CSV downloads); connections stay on this host.
 * frame-ancestors cannot be set from a <meta> and is left to the host.
 */
const HTL_PLACEHOLDERS = Array.from({length: 100}, (_, i) => `'sha256-${createHash("sha256").update(`::${i}`).digest("base64")}'`).join(" ");

export function contentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval' 'unsafe-hashes' ${[...new Set(hashes)].join(" ")} ${HTL_PLACEHOLDERS}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'"
  ].join("; ");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The `description` of a page's front matter (a one-line YAML string), for its meta description. */
export function frontMatterDescription(markdown: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? "";
  const line = /^description:\s*(.*)$/m.exec(front)?.[1]?.trim() ?? "";
  return line.replace(/^(["'])(.*)\1$/, "$2");
}

async function cachedTables(): Promise<object> {
  const compile = await projectCompile();
  const parsed = new Map<string, object[]>();
  const table = (name: string) => parsed.get(name) ?? parsed.set(name, parseCsv(compile.table(name as TableName), `${name}.csv`)).get(name);
  return new Proxy({}, {get: (_, name) => (typeof name === "string" && (TABLE_NAMES as string[]).includes(name) ? table(name) : undefined)});
}

/**
 * The pages' Markdown and the licence files, copied into the site, so that "View source" opens
 * the very text a page was built from even where no repository address is set (site-footer.ts).
 */
export function copySources(dist: string, root = "."): number {
  let n = 0;
  const copy = (file: string) => {
    mkdirSync(dirname(join(dist, SOURCE_DIR, file)), {recursive: true});
    copyFileSync(join(root, file), join(dist, SOURCE_DIR, file));
    ++n;
  };
  for (const f of readdirSync(join(root, "src")).sort()) if (f.endsWith(".md")) copy(join("src", f));
  for (const f of SOURCE_FILES) if (existsSync(join(root, f))) copy(f);
  return n;
}

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? "dist";
  const pages = Object.fromEntries(readdirSync("src").filter((f) => f.endsWith(".md") && f !== "404.md").map((f) => [f.replace(/\.md$/, ""), readFileSync(join("src", f), "utf8")]));
  const times = readingTimes(pages);
  let tables: object | undefined;
  let n = 0;
  for (const file of htmlFiles(dist)) {
    const source = join("src", relative(dist, file).replace(/\.html$/, ".md"));
    const description = existsSync(source) ? frontMatterDescription(readFileSync(source, "utf8")) : "";
    let html = prerenderReadingTimes(readFileSync(file, "utf8"), times);
    // The build's one compile (loaders/compile-cache.ts), each table parsed when a page first names it.
    if (html.includes("data-table=")) html = prerenderTableText(html, (tables ??= await cachedTables()), relative(dist, file));
    writeFileSync(file, fixHtml(html, {description}));
    ++n;
  }
  const sources = copySources(dist);
  process.stderr.write(`postbuild: fixed lang and viewport in ${n} pages; ${sources} source files in ${SOURCE_DIR}/\n`);
}
