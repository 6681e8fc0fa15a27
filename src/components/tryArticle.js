/**
 * The reader's own article on /try: its compiled tables (the worker's CSV text, parsed as the
 * other pages parse theirs), drawn with the components the chapters use, beside the corpus.
 * Article text is only ever set as text: every node here is made by articleReader, highlight,
 * the claims matrix or textContent.
 */
import {downloadText} from "./download.js";
import {parseTable} from "./ledgerTables.js";
import {articleReader} from "./articleReader.js";
import {capexClaims} from "./claimsVsMeta.js";

/** The nine tables of the contract, in the order the CLI writes them. */
export const TABLES = ["articles", "passages", "removed", "sentences", "figures", "dates", "mentions", "quotes", "claims"];

/** The name of the file a pasted article is compiled as; its tables download as my-article-<table>.csv. */
export const PASTED_FILE = "my-article.txt";

/** Yields to the browser, so a long run of work is cut into tasks the page can answer between. */
export const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Parses the worker's tables (CSV text, or its UTF-8 bytes) into rows as parseTable does, about
 * `chunk` characters per task: a 2 MB article makes tables of a megabyte each, which would hold
 * the page for a fifth of a second apiece on a slow machine (16 KB take a few milliseconds).
 */
export async function parseTables(csv, {chunk = 16 * 1024} = {}) {
  const tables = {};
  for (const name of TABLES) {
    const text = typeof csv[name] === "string" ? csv[name] : await decodeInPieces(csv[name]);
    const pieces = csvPieces(text, chunk);
    if (pieces.length <= 1) {
      tables[name] = parseTable(text, name);
      continue;
    }
    const [header, ...bodies] = pieces;
    const rows = [];
    for (const body of bodies) {
      await yieldToBrowser();
      for (const row of parseTable(header + body, name)) rows.push(row);
    }
    tables[name] = Object.assign(rows, {columns: parseTable(header, name).columns});
  }
  return tables;
}

/** UTF-8 bytes as text, `size` bytes per task (a byte-order mark, if any, is kept as it is). */
export async function decodeInPieces(bytes, {size = 128 * 1024} = {}) {
  if (!bytes) return "";
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const decoder = new TextDecoder("utf-8", {ignoreBOM: true});
  let text = "";
  for (let at = 0; at < view.length; at += size) {
    if (at) await yieldToBrowser();
    text += decoder.decode(view.subarray(at, at + size), {stream: at + size < view.length});
  }
  return text + decoder.decode();
}

/**
 * CSV text cut at record boundaries (a newline outside quotes) into its header line and pieces of
 * about `size` characters; [text] when it is short. Each piece ends with its newline.
 */
export function csvPieces(text, size) {
  if (text.length <= size) return [text];
  const ends = [];
  let quoted = false;
  let last = 0;
  for (let i = 0; i < text.length; ++i) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted && (ends.length === 0 || i + 1 - last >= size)) {
      ends.push(i + 1);
      last = i + 1;
    }
  }
  if (last < text.length) ends.push(text.length);
  return ends.map((end, k) => text.slice(k ? ends[k - 1] : 0, end));
}

/** The article's blocks in source order, as the reader shows them: kept passages and cut blocks, by line. */
export function sourceBlocks({passages = [], removed = []}) {
  return [
    ...passages.map((row) => ({type: "passage", line: +row.line, order: 1, n: +row.passage, row})),
    ...removed.map((row) => ({type: "removed", line: +row.line, order: 0, n: +row.block, row}))
  ].sort((a, b) => a.line - b.line || a.order - b.order || a.n - b.n);
}

/**
 * The article reader, drawn `size` blocks at a time: a long article (a 2 MB paste has tens of
 * thousands of blocks) would otherwise hold the page for seconds. Returns the reader's section
 * and a function that draws the next blocks and says how many are left.
 */
export function chunkedReader(articleId, tables, {size = 150, first = size} = {}) {
  const blocks = sourceBlocks(tables);
  const spans = {};
  for (const name of ["figures", "dates", "mentions", "quotes"]) spans[name] = groupBy(tables[name] ?? [], (d) => +d.passage);
  let shown = 0;
  let section;
  const next = () => {
    const chunk = blocks.slice(shown, shown + (shown ? size : first));
    shown += chunk.length;
    const kept = chunk.filter((b) => b.type === "passage").map((b) => b.row);
    const subset = {
      articles: tables.articles,
      passages: kept,
      removed: chunk.filter((b) => b.type === "removed").map((b) => b.row),
      sentences: [],
      glosses: []
    };
    for (const name of Object.keys(spans)) subset[name] = kept.flatMap((p) => spans[name].get(+p.passage) ?? []);
    const drawn = articleReader(articleId, subset);
    if (!section) section = drawn;
    else section.querySelector(".reader-blocks")?.append(...drawn.querySelector(".reader-blocks").children);
    return blocks.length - shown;
  };
  next();
  return {section, next, get left() { return blocks.length - shown; }, total: blocks.length};
}

function groupBy(rows, key) {
  const map = new Map();
  for (const row of rows) {
    const k = key(row);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(row);
  }
  return map;
}

/** The id the reader's article has in the claims matrix and the capex chart, apart from any corpus article's. */
export const YOURS = "your-article";

/** The reader's article as a row of the corpus's articles table, labelled so it cannot be taken for one of them. */
export function yourArticleRow(article) {
  return {...article, article_id: YOURS, title: `Your article: ${article.title || article.article_id}`};
}

/**
 * The claims of the corpus with the reader's article added as one more article (first), and
 * where a cell of the matrix or the table should link: the reader's passages are on this page,
 * the corpus's on the sources page.
 */
export function claimsWithYours({mine, corpus}) {
  const article = mine.articles[0];
  const claims = [...mine.claims.map((c) => ({...c, article_id: YOURS})), ...corpus.claims];
  const articles = [yourArticleRow(article), ...corpus.articles];
  const passageHref = (articleId, passage) => (articleId === YOURS ? `#p-${article.article_id}-${passage}` : `sources.html#p-${articleId}-${passage}`);
  return {claims, articles, passageHref};
}

/** Points the "#p-<article>-<n>" links a claims component drew at the right page. */
export function relinkPassages(node, passageHref) {
  for (const a of node.querySelectorAll("a[href^='#p-']")) {
    const href = a.getAttribute("href").slice(3);
    const match = /^(.*)-(\d+)$/.exec(href);
    if (match) a.setAttribute("href", passageHref(match[1], match[2]));
  }
  return node;
}

/** The 2025 capex figures of the reader's article (first, labelled as theirs) and of the corpus. */
export function capexWithYours({mine, corpus}) {
  const article = mine.articles[0];
  const yours = capexClaims({figures: mine.figures, passages: mine.passages, articles: mine.articles, claims: mine.claims}).map((c) => ({
    ...c,
    title: `Your article: ${c.title}`,
    href: `#p-${article.article_id}-${c.passage}`
  }));
  const theirs = capexClaims({figures: corpus.figures, passages: corpus.passages, articles: corpus.articles, claims: corpus.claims});
  return {yours, all: [...yours, ...theirs]};
}

/** A link that downloads the worker's CSV (its bytes, or text) as it is: the same bytes as `npm run compile`. */
export function csvLink(text, filename, label = filename) {
  return downloadText(() => text, {filename, label});
}

/** "German (de)", or what the code is when the browser has no name for it ("und" when franc could not tell). */
export function languageName(code) {
  if (!code || code === "und") return "not recognised (und)";
  try {
    return `${new Intl.DisplayNames(["en"], {type: "language"}).of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
}

/** The stance of the reader's article on one claim, or "silent" when the claims table has no row. */
export function stanceOf(claims, claimId) {
  return claims.find((c) => c.claim_id === claimId) ?? {claim_id: claimId, stance: "silent", value: "", passage: null, text: ""};
}

/** Sets the reader's own rows in bold in a chart whose labels start with "Your article:". */
export function markYours(node) {
  for (const text of node.querySelectorAll?.("text") ?? []) if (text.textContent.startsWith("Your article:")) text.setAttribute("font-weight", "bold");
  return node;
}
