// Small tables made at build so that no page downloads a whole corpus table: counts for the
// charts (per article and topic; per language, outlet and month; claims by stance; hosts by
// articles), the article index the reader searches, one file per group of articles (a shard)
// fetched when a reader opens an article of it, the list behind each claim's counts, and the
// rows of the articles the chapters quote (the glossed ones). Pure: rows in, rows out.
import {TOPICS} from "./tables.ts";

type Row = Record<string, string | number | null | undefined>;
type Rows = readonly Row[];

/** At or under this many articles the pages draw one row per article, as they always did. */
export const SMALL_CORPUS = 50;
/** Articles per shard (on average): one shard is what opening an article downloads. */
export const SHARD_SIZE = 25;
/** No chart labels more rows than this; the rest is reached by filter or paging. */
export const MAX_ROWS = 50;

export function shardCount(articles: number): number {
  return Math.max(1, Math.ceil(articles / SHARD_SIZE));
}

/**
 * Shards per archive (src/data/corpus/shards-[group].zip.ts). Framework reads a whole archive to
 * extract one member, so an archive stays a few megabytes at any corpus size; each archive is a
 * loader process, so it holds more than one shard.
 */
export const SHARDS_PER_ARCHIVE = 20;

export function shardArchiveCount(shards: number): number {
  return Math.ceil(shards / SHARDS_PER_ARCHIVE);
}

/** Where shard `n` is, under data/corpus/: in the folder of its archive. The same function is in src/components/corpusFiles.js (tested equal). */
export function shardFile(n: number): string {
  return `shards-${Math.floor(n / SHARDS_PER_ARCHIVE)}/shard-${n}.json`;
}

/**
 * The shard of an article: FNV-1a (32 bit) of its id, modulo the number of shards. A hash, not
 * the article's position, so the page finds the shard from the id alone (a shared link opens an
 * article without the index), and adding one article moves no other between shards of the same
 * count. The same function is in src/components/corpusFiles.js for the browser (tested equal).
 */
export function shardOf(articleId: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < articleId.length; ++i) {
    h ^= articleId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % Math.max(1, count);
}

/** "YYYY-MM" of a published date, "YYYY" when only the year is known, "" when none is. */
export function monthOf(published: unknown): string {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(String(published ?? ""));
  return m ? (m[2] ? `${m[1]}-${m[2]}` : m[1]) : "";
}

const str = (v: unknown) => (v == null ? "" : String(v));
const num = (v: unknown) => (v == null || v === "" ? 0 : Number(v));

/** Passages per topic of each article: article_id → {licensing: n, ...}. */
export function topicCounts(passages: Rows): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const p of passages) {
    const id = str(p.article_id);
    let counts = out.get(id);
    if (!counts) out.set(id, (counts = Object.fromEntries(TOPICS.map((t) => [t, 0]))));
    for (const t of str(p.topics).split(";")) if (t in counts) ++counts[t];
  }
  return out;
}

export const INDEX_COLUMNS = ["article_id", "title", "outlet", "language", "published", "translated_from", "words", "passages", "removed", "shard", ...TOPICS] as const;
export type IndexRow = Record<(typeof INDEX_COLUMNS)[number], string | number>;

/** One short row per article: what the reader searches and filters, and the topic counts the overview drills down to. */
export function articleIndex(articles: Rows, passages: Rows): IndexRow[] {
  const topics = topicCounts(passages);
  const shards = shardCount(articles.length);
  return articles.map((a) => {
    const id = str(a.article_id);
    const counts = topics.get(id) ?? {};
    return {
      article_id: id,
      title: str(a.title),
      outlet: str(a.outlet),
      language: str(a.language),
      published: str(a.published),
      translated_from: str(a.translated_from),
      words: num(a.words),
      passages: num(a.passages),
      removed: num(a.removed),
      shard: shardOf(id, shards),
      ...Object.fromEntries(TOPICS.map((t) => [t, counts[t] ?? 0]))
    } as IndexRow;
  });
}

export interface GroupRow {
  /** The group's value ("" when the articles do not say: no outlet named, no date). */
  value: string;
  articles: number;
  words: number;
  /** Per topic: articles with at least one passage on it, and passages in all. */
  topics: Record<string, {articles: number; passages: number}>;
}

export type GroupKey = "language" | "outlet" | "month";

/** Articles grouped by language, outlet or month, with topic counts per group; largest groups first, then by value. */
export function groupBy(index: readonly IndexRow[], key: GroupKey): GroupRow[] {
  const groups = new Map<string, GroupRow>();
  for (const a of index) {
    const value = key === "month" ? monthOf(a.published) : str(a[key]);
    let g = groups.get(value);
    if (!g) groups.set(value, (g = {value, articles: 0, words: 0, topics: Object.fromEntries(TOPICS.map((t) => [t, {articles: 0, passages: 0}]))}));
    ++g.articles;
    g.words += num(a.words);
    for (const t of TOPICS) {
      const n = num(a[t]);
      g.topics[t].passages += n;
      if (n > 0) ++g.topics[t].articles;
    }
  }
  const order = key === "month"
    ? (a: GroupRow, b: GroupRow) => (a.value === "" ? 1 : b.value === "" ? -1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
    : (a: GroupRow, b: GroupRow) => b.articles - a.articles || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  return [...groups.values()].sort(order);
}

export interface ClaimCount {
  claim_id: string;
  states: number;
  differs: number;
  silent: number;
}

/** Per claim, how many articles state it, differ or are silent (an article without a row is silent). */
export function claimStances(claims: Rows, articleCount: number, claimIds?: readonly string[]): ClaimCount[] {
  const ids = claimIds ?? [...new Set(claims.map((c) => str(c.claim_id)))];
  const counts = new Map(ids.map((id) => [id, {claim_id: id, states: 0, differs: 0, silent: 0}]));
  for (const c of claims) {
    const row = counts.get(str(c.claim_id));
    if (row && (c.stance === "states" || c.stance === "differs")) ++row[c.stance];
  }
  for (const row of counts.values()) row.silent = Math.max(0, articleCount - row.states - row.differs);
  return [...counts.values()];
}

export const CLAIM_LIST_COLUMNS = ["claim_id", "article_id", "title", "language", "stance", "value", "passage"] as const;

/** The list behind each claim's counts: claim_id → the rows that state or differ (silent is everyone else), with title and language. */
export function claimLists(claims: Rows, index: readonly IndexRow[]): Map<string, Record<(typeof CLAIM_LIST_COLUMNS)[number], string | number>[]> {
  const byId = new Map(index.map((a) => [a.article_id as string, a]));
  const out = new Map<string, Record<(typeof CLAIM_LIST_COLUMNS)[number], string | number>[]>();
  for (const c of claims) {
    const id = str(c.claim_id);
    if (!out.has(id)) out.set(id, []);
    if (c.stance !== "states" && c.stance !== "differs") continue;
    const a = byId.get(str(c.article_id));
    out.get(id)!.push({claim_id: id, article_id: str(c.article_id), title: str(a?.title), language: str(a?.language), stance: str(c.stance), value: str(c.value), passage: str(c.passage)});
  }
  return out;
}

/** Hosts by the number of articles naming them (mentions of kind host), most named first. */
export function hostsByArticles(mentions: Rows): {host: string; articles: number}[] {
  const seen = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.kind !== "host") continue;
    const host = str(m.entity);
    (seen.get(host) ?? seen.set(host, new Set()).get(host)!).add(str(m.article_id));
  }
  return [...seen].map(([host, ids]) => ({host, articles: ids.size})).sort((a, b) => b.articles - a.articles || (a.host < b.host ? -1 : 1));
}

export interface CorpusSummary {
  articles: number;
  passages: number;
  words: number;
  small: boolean;
  shards: number;
  topics: {topic: string; articles: number; passages: number}[];
  language: GroupRow[];
  outlet: GroupRow[];
  month: GroupRow[];
  claims: ClaimCount[];
  hosts: {host: string; articles: number}[];
  /** Every article's index row when the corpus is small (the pages then draw one row per article); else empty. */
  list: IndexRow[];
  /** Groups beyond MAX_ROWS are cut from `outlet` (and counted here), so the summary stays small at any size. */
  more: {outlet: number; month: number; hosts: number};
}

/** Everything the charts need at load, in a few kilobytes at any corpus size. */
export function corpusSummary(tables: {articles: Rows; passages: Rows; claims: Rows; mentions: Rows}, claimIds?: readonly string[]): CorpusSummary {
  const index = articleIndex(tables.articles, tables.passages);
  const outlet = groupBy(index, "outlet");
  const month = groupBy(index, "month");
  const hosts = hostsByArticles(tables.mentions);
  const small = index.length <= SMALL_CORPUS;
  const cap = <T>(rows: T[]) => rows.slice(0, MAX_ROWS);
  return {
    articles: index.length,
    passages: tables.passages.length,
    words: index.reduce((n, a) => n + num(a.words), 0),
    small,
    shards: shardCount(index.length),
    topics: TOPICS.map((topic) => ({topic, articles: index.filter((a) => num(a[topic]) > 0).length, passages: index.reduce((n, a) => n + num(a[topic]), 0)})),
    language: groupBy(index, "language"),
    outlet: cap(outlet),
    // Months in order; a long run keeps the latest ones (and "no date", always last).
    month: month.length > MAX_ROWS ? [...month.filter((m) => m.value).slice(-(MAX_ROWS - 1)), ...month.filter((m) => !m.value)] : month,
    claims: claimStances(tables.claims, index.length, claimIds),
    hosts: cap(hosts),
    list: small ? index : [],
    more: {outlet: Math.max(0, outlet.length - MAX_ROWS), month: Math.max(0, month.length - MAX_ROWS), hosts: Math.max(0, hosts.length - MAX_ROWS)}
  };
}

/** Rows of the given tables split by shard: shard → table → rows, every shard present (maybe empty). */
export function shardRows<T extends Record<string, Rows>>(tables: T, count: number): Array<{[K in keyof T]: Row[]}> {
  const out = Array.from({length: count}, () => Object.fromEntries(Object.keys(tables).map((k) => [k, [] as Row[]])) as {[K in keyof T]: Row[]});
  const cache = new Map<string, number>();
  const shard = (id: string) => cache.get(id) ?? cache.set(id, shardOf(id, count)).get(id)!;
  for (const [name, rows] of Object.entries(tables)) {
    for (const r of rows) out[shard(str(r.article_id))][name as keyof T].push(r);
  }
  return out;
}

/** Rows of the articles that have an English gloss: what the chapters quote, however large the corpus. */
export function glossedRows<T extends Record<string, Rows>>(tables: T, glosses: Rows): {[K in keyof T]: Row[]} {
  const ids = new Set(glosses.map((g) => str(g.article_id)));
  return Object.fromEntries(Object.entries(tables).map(([k, rows]) => [k, rows.filter((r) => ids.has(str(r.article_id)))])) as {[K in keyof T]: Row[]};
}

/** The corpus files the pages fetch on demand, under data/corpus/ (loaders/corpus-archives.ts), for Framework's dynamicPaths. */
export function corpusFileNames(articleCount: number, claimIds: readonly string[]): string[] {
  return [
    "summary.json",
    "index.csv",
    ...Array.from({length: shardCount(articleCount)}, (_, i) => shardFile(i)),
    ...claimIds.map((id) => `claim-${id}.csv`)
  ];
}
