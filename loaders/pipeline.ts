// SHA-256 in plain JavaScript, not node:crypto: the pipeline also runs in a browser worker (/try),
// where the digest must be computed synchronously and byte for byte the same.
import {sha256} from "@noble/hashes/sha2.js";
import {bytesToHex} from "@noble/hashes/utils.js";
import {splitBlocks} from "./blocks.ts";
import {removeBoilerplate} from "./boilerplate.ts";
import type {CatalogueEntry} from "./catalogue.ts";
import {evaluateClaims, type ClaimDefinition} from "./claims.ts";
import {idFromFile} from "./catalogue.ts";
import {InputError} from "./csv.ts";
import {extractAll, type Extractors} from "./extract/index.ts";
import {detectLanguage} from "./language.ts";
import type {Lexicon} from "./lexicon.ts";
import {decodeArticle} from "./read.ts";
import {splitSentences} from "./sentences.ts";
import type {ArticleRow, PassageContext, Tables} from "./tables.ts";
import {publishedFromPage} from "./published.ts";
import {topicsOf} from "./topics.ts";
import {countWords} from "./text.ts";

export interface ArticleInput {
  /** The file name as the user sees it (used in ids and error messages). */
  file: string;
  bytes: Uint8Array;
}

export interface CompileOptions {
  catalogue?: CatalogueEntry[];
  lexicon: Lexicon;
  extractors?: Extractors;
  claims?: ClaimDefinition[];
}

export interface Compiled {
  tables: Tables;
  warnings: string[];
}

export function emptyTables(): Tables {
  return {articles: [], passages: [], removed: [], sentences: [], figures: [], dates: [], mentions: [], quotes: [], claims: []};
}

/** Compiles articles into the tables of the contract. Deterministic: same bytes in, same rows out, in file-name order. */
export function compileCorpus(inputs: ArticleInput[], options: CompileOptions): Compiled {
  const plan = planCorpus(inputs, options.catalogue ?? []);
  const compiled = compileArticles(plan.jobs, options);
  if (plan.duplicate) throw plan.duplicate;
  return finishCorpus(plan, compiled, options);
}

/** One article to compile, with the id and catalogue row the whole corpus decided for it. */
export interface ArticleJob {
  id: string;
  input: ArticleInput;
  entry?: CatalogueEntry;
}

/** The corpus-wide part that comes before the per-article work: order, ids, catalogue rows. */
export interface CorpusPlan {
  /** Every input, in file-name order. */
  sorted: ArticleInput[];
  /** The articles to compile, in file-name order; they stop before a duplicate id. */
  jobs: ArticleJob[];
  /** The duplicate-id error, thrown once the articles before it have compiled (as they would one by one). */
  duplicate?: InputError;
}

export function planCorpus(inputs: ArticleInput[], catalogue: CatalogueEntry[]): CorpusPlan {
  const byFile = new Map(catalogue.map((e) => [e.file, e]));
  const ids = new Map<string, string>();
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const jobs: ArticleJob[] = [];
  for (const input of sorted) {
    const base = input.file.replace(/^.*\//, "");
    const entry = byFile.get(base);
    const id = entry?.id ?? idFromFile(base);
    if (ids.has(id)) return {sorted, jobs, duplicate: new InputError(input.file, 0, `article id "${id}" is also the id of ${ids.get(id)}; rename one file or set ids in the catalogue`)};
    ids.set(id, input.file);
    jobs.push({id, input, entry});
  }
  return {sorted, jobs};
}

/**
 * The per-article work: rows of every table but claims, and the articles' warnings, in the
 * order of `jobs`. Articles are independent, so contiguous runs of jobs can be compiled apart
 * (loaders/parallel.ts) and concatenated in order to the same result.
 */
export function compileArticles(jobs: ArticleJob[], options: CompileOptions): Compiled {
  const tables = emptyTables();
  const warnings: string[] = [];
  for (const {id, input, entry} of jobs) {
    if (!entry) warnings.push(`${input.file}: no row in the catalogue; title, outlet and date are inferred from the text`);
    compileArticle(id, input, entry, options, tables, warnings);
  }
  return {tables, warnings};
}

/** The corpus-wide part after the articles: claims compared across all of them, catalogue rows without a file. */
export function finishCorpus(plan: CorpusPlan, compiled: Compiled, options: CompileOptions): Compiled {
  const {tables} = compiled;
  tables.claims = evaluateClaims(options.claims ?? [], tables);
  return {tables, warnings: [...compiled.warnings, ...catalogueWarnings(plan, options)]};
}

/** Catalogue rows that name no article of the corpus. */
export function catalogueWarnings(plan: CorpusPlan, options: CompileOptions): string[] {
  const files = new Set(plan.sorted.map((i) => i.file.replace(/^.*\//, "")));
  return (options.catalogue ?? []).filter((e) => !files.has(e.file)).map((e) => `catalogue: row "${e.id}" names ${e.file}, which is not among the articles`);
}

function compileArticle(id: string, input: ArticleInput, entry: CatalogueEntry | undefined, options: CompileOptions, tables: Tables, warnings: string[]): void {
  const text = decodeArticle(input.bytes, input.file);
  // The language is read on the whole text first: furniture rules, sentence splitting and every
  // extractor depend on it, and a page's furniture is too short to mislead franc.
  const language = detectLanguage(text, options.lexicon.languages).language;
  const {kept, removed} = removeBoilerplate(splitBlocks(text), options.lexicon.boilerplate, language);
  if (entry?.language && language !== "und" && entry.language !== language) {
    warnings.push(`${input.file}: the catalogue says language "${entry.language}", the text reads as "${language}"`);
  }
  if (kept.length === 0) warnings.push(`${input.file}: every block was removed as boilerplate; no passage kept`);
  const published = entry?.published || publishedFromPage({removed, kept, language});

  removed.forEach((r, i) => tables.removed.push({article_id: id, block: i + 1, line: r.line, text: r.text, reason: r.reason}));
  kept.forEach((b, i) => {
    const passage = i + 1;
    const row = {article_id: id, passage, kind: b.kind, line: b.line, text: b.text, topics: ""};
    tables.passages.push(row);
    splitSentences(b.text, language).forEach((s, j) => tables.sentences.push({article_id: id, passage, sentence: j + 1, ...s}));
    const context: PassageContext = {article_id: id, passage, text: b.text, language, published, warn: (m) => warnings.push(`${input.file}: passage ${passage}: ${m}`)};
    const [figures, mentions] = [tables.figures.length, tables.mentions.length];
    extractAll(context, tables, options.extractors);
    // Topics after the extractors: a figure or mention of the passage is a signal of its topic.
    row.topics = topicsOf(b.text, options.lexicon.topics, language, {figures: tables.figures.slice(figures), mentions: tables.mentions.slice(mentions)}).join(";");
  });

  const article: ArticleRow = {
    article_id: id,
    file: input.file.replace(/^.*\//, ""),
    language,
    language_declared: entry?.language ?? "",
    title: entry?.title || inferTitle(kept),
    outlet: entry?.outlet ?? "",
    published,
    translated_from: entry?.translated_from ?? "",
    url: entry?.url ?? "",
    chars: codePointCount(text),
    // Per passage: a line break always ends a word (UAX #29), so the sum equals the count over
    // the joined body, and short texts keep Intl.Segmenter's per-step cost small.
    words: kept.reduce((n, b) => n + countWords(b.text, language), 0),
    passages: kept.length,
    removed: removed.length,
    sha256: bytesToHex(sha256(input.bytes))
  };
  tables.articles.push(article);
}

/** [...text].length (code points; a lone surrogate counts as one) without an array per article. */
function codePointCount(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; ++i) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { --n; ++i; }
    }
  }
  return n;
}

const TITLE_MAX = 120;

function inferTitle(kept: Array<{kind: string; text: string}>): string {
  const heading = kept.find((b) => b.kind === "heading");
  const text = (heading ?? kept[0])?.text ?? "";
  if (text.length <= TITLE_MAX) return text;
  const cut = text.slice(0, TITLE_MAX);
  return cut.slice(0, cut.lastIndexOf(" ") > 40 ? cut.lastIndexOf(" ") : TITLE_MAX) + "…";
}
