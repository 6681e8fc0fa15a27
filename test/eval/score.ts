// Scores the compiled tables of one labelled page against its labels (format: README.md).
// Pure: labels and tables in, counts out, so the runner and the test share it.
import type {Tables} from "../../loaders/tables.ts";

export const FIELDS = ["language", "published", "money", "users", "dates", "furniture", "quotes", "speakers", "hosts", "topics"] as const;
export type Field = (typeof FIELDS)[number];

export interface AmountLabel { text: string; unit?: string; low: number | null; high: number | null; qualifier?: string }
export interface Labels {
  language: string;
  published: string;
  money: AmountLabel[];
  users: AmountLabel[];
  dates: Array<{text: string; date: string}>;
  furniture: string[];
  quotes: Array<{text: string; speaker: string}>;
  hosts: string[];
  topics: string[];
}

export interface Counts { tp: number; fp: number; fn: number; misses: string[] }
export type PageScore = Record<Field, Counts>;

const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
// Quote marks and trailing punctuation are where labellers and extractors differ harmlessly.
const quoteKey = (s: string) => norm(s).replace(/^[\s"'“”„‘’«»‹›「」『』״]+|[\s"'“”„‘’«»‹›「」『』״.,;:!?。、，！？]+$/gu, "");

function multiset(expected: string[], actual: string[], what: string): Counts {
  const want = new Map<string, number>();
  for (const k of expected) want.set(k, (want.get(k) ?? 0) + 1);
  const c: Counts = {tp: 0, fp: 0, fn: 0, misses: []};
  for (const k of actual) {
    const n = want.get(k) ?? 0;
    if (n > 0) { ++c.tp; want.set(k, n - 1); }
    else { ++c.fp; c.misses.push(`${what}: unexpected ${k}`); }
  }
  for (const [k, n] of want) if (n > 0) { c.fn += n; c.misses.push(`${what}: missed ${k}`); }
  return c;
}

const amountKey = (unit: string, low: number | null, high: number | null) => `${unit} ${low ?? "·"}–${high ?? "·"}`;

export function scorePage(labels: Labels, tables: Tables): PageScore {
  const article = tables.articles[0];
  const same = (field: string, want: string, got: string): Counts =>
    want === got ? {tp: 1, fp: 0, fn: 0, misses: []} : {tp: 0, fp: got ? 1 : 0, fn: want ? 1 : 0, misses: [`${field}: want "${want}", got "${got}"`]};

  const money = multiset(
    labels.money.map((m) => amountKey(m.unit ?? "", m.low, m.high)),
    tables.figures.filter((f) => f.kind === "money").map((f) => amountKey(f.unit, f.low, f.high)),
    "money"
  );
  const users = multiset(
    labels.users.map((m) => amountKey("users", m.low, m.high)),
    tables.figures.filter((f) => f.kind === "users").map((f) => amountKey("users", f.low, f.high)),
    "users"
  );
  const dates = multiset(labels.dates.map((d) => d.date), tables.dates.map((d) => d.date), "dates");

  // Furniture: a removed block (or cut-out span) is right when it is a labelled one; a labelled
  // one not removed is missed; a removed one that is not labelled is article text lost.
  const furniture = multiset(labels.furniture.map(norm), tables.removed.map((r) => norm(r.text)), "furniture");

  const quotes = multiset(labels.quotes.map((q) => quoteKey(q.text)), tables.quotes.map((q) => quoteKey(q.text)), "quotes");

  // Speakers, over the labelled quotes that were found: a right name is a hit, an empty one a
  // miss, a wrong one both a false hit and a miss (it counts against precision and recall).
  const speakers: Counts = {tp: 0, fp: 0, fn: 0, misses: []};
  const found = new Map<string, string[]>();
  for (const q of tables.quotes) {
    const k = quoteKey(q.text);
    found.set(k, [...(found.get(k) ?? []), q.speaker]);
  }
  for (const q of labels.quotes) {
    const got = found.get(quoteKey(q.text))?.shift();
    if (got === undefined) continue;
    if (got === q.speaker) { if (q.speaker) ++speakers.tp; }
    else {
      if (got) ++speakers.fp;
      if (q.speaker) ++speakers.fn;
      speakers.misses.push(`speakers: "${quoteKey(q.text).slice(0, 40)}…" want "${q.speaker}", got "${got}"`);
    }
  }

  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  const hosts = multiset(uniq(labels.hosts), uniq(tables.mentions.filter((m) => m.kind === "host").map((m) => m.entity)), "hosts");
  const topics = multiset(uniq(labels.topics), uniq(tables.passages.flatMap((p) => (p.topics ? p.topics.split(";") : []))), "topics");

  return {
    language: same("language", labels.language, article?.language ?? ""),
    published: same("published", labels.published, article?.published ?? ""),
    money, users, dates, furniture, quotes, speakers, hosts, topics
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, misses: [...a.misses, ...b.misses]};
}

export function f1({tp, fp, fn}: Counts): number {
  if (tp + fp + fn === 0) return 1;
  return (2 * tp) / (2 * tp + fp + fn);
}
