import {parseTable, parseCsv} from "./ledgerTables.js";

/**
 * The corpus files a page fetches only when the reader asks (loaders/corpus-archives.ts, listed
 * in observablehq.config.ts dynamicPaths): the shard that holds an article's rows, the article
 * index the reader searches, and the list behind a claim's counts. Each is fetched once.
 */

/** FNV-1a of the id modulo the shard count: the same function as shardOf in loaders/aggregate.ts (tested equal). */
export function shardOf(articleId, count) {
  let h = 0x811c9dc5;
  for (let i = 0; i < articleId.length; ++i) {
    h ^= articleId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % Math.max(1, count);
}

/** Shards per archive: SHARDS_PER_ARCHIVE of loaders/aggregate.ts. */
const SHARDS_PER_ARCHIVE = 20;

/** Where shard `n` is under data/corpus/: the same function as shardFile in loaders/aggregate.ts (tested equal). */
export function shardFile(n) {
  return `shards-${Math.floor(n / SHARDS_PER_ARCHIVE)}/shard-${n}.json`;
}

const cache = new Map();

/** A corpus file's URL, relative to the page (the site works from any sub-path). */
export function corpusUrl(name, base = typeof document === "undefined" ? "http://localhost/" : document.baseURI) {
  return new URL(`data/corpus/${name}`, base).href;
}

function fetchOnce(name, parse) {
  if (!cache.has(name)) {
    const promise = fetch(corpusUrl(name)).then((r) => {
      if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
      return r.text();
    }).then(parse);
    promise.catch(() => cache.delete(name)); // a failed fetch is tried again next time
    cache.set(name, promise);
  }
  return cache.get(name);
}

const SHARD_TABLES = ["articles", "passages", "removed", "sentences", "figures", "dates", "mentions", "quotes", "glosses"];

/** The rows of every article in shard `n`, each table parsed as parseTable parses the whole one. */
export function loadShard(n) {
  return fetchOnce(shardFile(n), (text) => {
    const json = JSON.parse(text);
    return Object.fromEntries(SHARD_TABLES.map((name) => [name, parseTable(json[name] ?? "", name)]));
  });
}

/** The tables the article reader needs for one article: its shard's rows (with the rest of that shard). */
export function loadArticleTables(articleId, shards) {
  return loadShard(shardOf(articleId, shards));
}

const INDEX_NUMERIC = ["words", "passages", "removed", "shard", "licensing", "revenue-sharing", "seeding", "capex"];

/** One short row per article (title, outlet, language, published, counts per topic). */
export function loadIndex() {
  return fetchOnce("index.csv", (text) => {
    const rows = parseCsv(text);
    for (const r of rows) for (const c of INDEX_NUMERIC) r[c] = Number(r[c] || 0);
    return rows;
  });
}

/** The articles that state or differ on a claim (the silent ones are all the others). */
export function loadClaimList(claimId) {
  return fetchOnce(`claim-${claimId}.csv`, (text) => parseTable(text, "claims"));
}
