// A deterministic synthetic corpus for the compile benchmark: real paragraphs, headings and
// list items from data/articles, shuffled and recombined across languages by a seeded PRNG,
// with page furniture (navigation, newsletter, share, comment, copyright, job-ad blocks in the
// articles' languages) added around them the way scraped pages carry it. Same seed, same bytes.
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import {fileURLToPath} from "node:url";
// @ts-expect-error: the PRNG is plain JavaScript shared with the pages
import {prng as mulberry32} from "../../src/components/swarm.js";

export const DEFAULT_SEED = 20250321;
export const ARTICLES_DIR = fileURLToPath(new URL("../../data/articles", import.meta.url));
/** The evaluation pages (one per language, written by us): the synthetic corpus draws on them too, so it has ~30 languages. */
export const EVAL_PAGES_DIR = fileURLToPath(new URL("../eval/pages", import.meta.url));
export const DEFAULT_SOURCES = [ARTICLES_DIR, EVAL_PAGES_DIR];

/** mulberry32, the seeded PRNG the swarm simulation uses: enough for shuffling test data. */
export const prng: (seed: number) => () => number = mulberry32;

interface Pools {
  languages: string[];
  paragraphs: Map<string, string[]>;
  headings: Map<string, string[]>;
  lists: Map<string, string[][]>;
}

/** Splits the real articles into paragraphs, headings and runs of list items, by language (the file-name prefix). */
export function readPools(source: string | readonly string[] = DEFAULT_SOURCES): Pools {
  const pools: Pools = {languages: [], paragraphs: new Map(), headings: new Map(), lists: new Map()};
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  const paths = [source].flat().flatMap((dir) => existsSync(dir) ? readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => join(dir, f)) : []);
  for (const path of paths) {
    const file = basename(path);
    const language = /^([a-z]{2})-/.exec(file)?.[1] ?? "und";
    if (!pools.languages.includes(language)) pools.languages.push(language);
    let list: string[] = [];
    const flush = () => { if (list.length) push(pools.lists, language, list); list = []; };
    for (const raw of readFileSync(path, "utf8").replace(/\r\n?/g, "\n").split("\n")) {
      const line = raw.trim().replace(/^date \d{4}(?:-\d{2})?\s+/, "");
      if (/^[-*] /.test(line) && line.length >= 6 && line.length < 400) { list.push(line.slice(2)); continue; }
      flush();
      if (line.length >= 120) push(pools.paragraphs, language, line);
      // Headings: short lines that end without ! or ?, and are not breadcrumbs, share bars or credits.
      else if (line.length >= 30 && line.length <= 80 && !/[!?]$/.test(line) && !/[›»|·©@/]/.test(line)) push(pools.headings, language, line);
    }
    flush();
  }
  return pools;
}

// Page furniture in the corpus's languages, each written to be caught by a rule of data/lexicon/boilerplate.csv.
const FURNITURE_TOP: Record<string, string[]> = {
  de: ["Startseite › Wirtschaft › Künstliche Intelligenz", "Anzeige", "Home › Tech › KI"],
  ms: ["Laman Utama › Teknologi › AI", "Beranda / Teknologi / Kecerdasan Buatan", "Iklan"],
  nl: ["Home Politiek Technologie", "Voorpagina › Tech › AI", "Advertentie"]
};
const FURNITURE_BOTTOM: Record<string, string[]> = {
  de: ["Lesen Sie auch: Wie offen ist Open Source wirklich?", "Mehr zum Thema: Meta und die KI-Kosten", "Die besten KI-News kostenlos per eMail erhalten!",
    "Teilen auf Facebook", "Facebook | Twitter | WhatsApp", "{n} Kommentare", "© {y} Verlag GmbH. Alle Rechte vorbehalten.", "Wir verwenden Cookies. Bitte akzeptieren Sie unsere Richtlinien.", "Zurück zur Startseite"],
  ms: ["Baca juga: Meta dan kos kecerdasan buatan", "Lihat juga: Llama 3 dilancarkan", "Kongsi di Facebook", "{n} komen", "© {y} Media Sdn Bhd. Hak cipta terpelihara.",
    "Langgan surat berita kami setiap minggu", "Kembali ke laman utama"],
  nl: ["Lees ook: Wat betekent open source voor Llama?", "Lees meer over kunstmatige intelligentie", "Delen op Facebook", "{n} reacties", "© {y} Uitgeverij B.V. Alle rechten voorbehouden.",
    "Schrijf je in voor onze nieuwsbrief en ontvang de newsletter elke week", "Terug naar de voorpagina"]
};
const SECTION: Record<string, {heading: string; items: string[]}> = {
  de: {heading: "Stellenangebote", items: ["Data Scientist (m/w/d) KI", "Werkstudent Machine Learning", "Teamleitung Cloud-Plattform"]},
  ms: {heading: "Jawatan Kosong", items: ["Jurutera Data", "Penganalisis AI", "Pengurus Produk Awan"]},
  nl: {heading: "Vacatures", items: ["Data engineer AI", "Product owner cloud", "Junior ML-ontwikkelaar"]}
};
const COMMENTS: Record<string, string[]> = {
  de: ["Es werden alle Kommentare moderiert!", "Bitte bleiben Sie sachlich."],
  ms: ["Tinggalkan balasan", "Alamat e-mel anda tidak akan disiarkan."],
  nl: ["LAAT EEN REACTIE ACHTER", "Vul alstublieft uw commentaar in!"]
};

/** What a catalogue row says of the article: distinct titles, outlets, dates, declared languages, as a real corpus has them. */
export interface SyntheticEntry { id: string; title: string; outlet: string; published: string; language: string }
export interface SyntheticArticle { file: string; text: string; entry: SyntheticEntry }

// Outlet names are made from two parts, so a large corpus has a few hundred outlets, a few of
// them large (picked with Zipf-like weights) and many small, as news corpora have.
const OUTLET_FIRST = ["Morning", "Daily", "Evening", "Northern", "Southern", "Harbour", "Valley", "Metro", "Capital", "Coastal", "River", "Highland", "Union", "Central", "Border", "Island", "Pacific", "Atlantic", "Lakeside", "Summit"];
const OUTLET_SECOND = ["Ledger", "Courier", "Herald", "Tribune", "Post", "Observer", "Chronicle", "Gazette", "Dispatch", "Review", "Times", "Monitor", "Digest", "Wire", "Report"];

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** The real articles whose passages are recombined. */
  source?: string | readonly string[];
}

/** The corpus as file names and texts, in file-name order. Pure: no clock, no file writes. */
export function generateCorpus({count, seed = DEFAULT_SEED, source = DEFAULT_SOURCES}: SyntheticOptions): SyntheticArticle[] {
  const pools = readPools(source);
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const chance = (p: number) => random() < p;
  const other = (language: string) => pick(pools.languages.filter((l) => l !== language));
  const width = String(count).length;
  const articles: SyntheticArticle[] = [];
  const outlets = OUTLET_FIRST.flatMap((a) => OUTLET_SECOND.map((b) => `The ${a} ${b}`));
  // Zipf-like: outlet k is picked with weight 1/(k+1).
  const weights = outlets.map((_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const outlet = () => { let r = random() * total; for (let k = 0; k < outlets.length; ++k) if ((r -= weights[k]) <= 0) return outlets[k]; return outlets[0]; };
  const titles = new Set<string>();
  for (let i = 0; i < count; ++i) {
    const language = pick(pools.languages);
    const from = (l: string) => (pools.paragraphs.get(l)?.length ? l : language);
    const lines: string[] = [];
    const date = chance(0.2) ? `date 20${int(23, 25)}-${String(int(1, 12)).padStart(2, "0")} ` : "";
    if (chance(0.5)) lines.push(pick(FURNITURE_TOP[language] ?? FURNITURE_TOP.de), "");
    const headings = pools.headings.get(language) ?? [];
    if (headings.length && chance(0.7)) lines.push(`${chance(0.5) ? "# " : ""}${pick(headings)}`, "");
    const n = int(5, 14);
    const blank = chance(0.5); // half the files put a blank line between paragraphs, half dump one per line
    for (let p = 0; p < n; ++p) {
      // One paragraph in seven comes from an article in another language (quotes, mixed pages, bad scrapes).
      const l = from(chance(1 / 7) ? other(language) : language);
      let text = pick(pools.paragraphs.get(l)!);
      // Sometimes two real paragraphs of one language are joined, so the texts are not all verbatim repeats.
      if (chance(0.15)) text += " " + pick(pools.paragraphs.get(l)!);
      lines.push(p === 0 ? date + text : text);
      if (blank) lines.push("");
      if (p > 1 && p < n - 1 && chance(0.12)) {
        const list = pools.lists.get(language);
        if (list?.length) lines.push(...pick(list).map((item) => `- ${item}`), "");
        else if (headings.length) lines.push(`## ${pick(headings)}`, "");
      }
    }
    if (!blank) lines.push("");
    const bottom = FURNITURE_BOTTOM[language] ?? FURNITURE_BOTTOM.de;
    for (let b = int(0, 4); b > 0; --b) lines.push(pick(bottom).replace("{n}", String(int(0, 99))).replace("{y}", String(int(2019, 2025))), "");
    if (chance(0.15)) { const s = SECTION[language] ?? SECTION.de; lines.push(s.heading, "", ...s.items.flatMap((x) => [x, ""])); }
    if (chance(0.15)) lines.push(...(COMMENTS[language] ?? COMMENTS.de).flatMap((x) => [x, ""]));
    const ext = chance(0.1) ? "md" : "txt";
    const id = `syn-${String(i + 1).padStart(width, "0")}-${language}`;
    // Catalogue: an outlet for nine articles in ten, a day from January 2023 to June 2025 for four in five.
    const source = chance(0.9) ? outlet() : "";
    const year = int(2023, 2025);
    const published = chance(0.8) ? `${year}-${String(int(1, year === 2025 ? 6 : 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}` : "";
    const heading = headings.length ? pick(headings).replace(/^#+\s*/, "") : id;
    let title = heading.length > 70 ? heading.slice(0, 68).trimEnd() + "…" : heading;
    if (titles.has(title)) title = `${title} (${source || "no outlet"}${published ? `, ${published}` : ""})`;
    if (titles.has(title)) title = `${title} #${i + 1}`;
    titles.add(title);
    articles.push({file: `${id}.${ext}`, text: lines.join("\n").replace(/\n+$/, "") + "\n", entry: {id, title, outlet: source, published, language}});
  }
  return articles;
}

/** The catalogue of a synthetic corpus (data/catalogue.csv's columns). */
export function catalogueCsv(articles: readonly SyntheticArticle[], {columns = CATALOGUE_COLUMNS, header = true}: {columns?: readonly string[]; header?: boolean} = {}): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const value = (a: SyntheticArticle, c: string) => (c === "file" ? a.file : c === "note" ? "synthetic" : (a.entry as unknown as Record<string, string>)[c] ?? "");
  const rows = articles.map((a) => columns.map((c) => cell(value(a, c))).join(","));
  return [...(header ? [columns.join(",")] : []), ...rows].join("\n") + "\n";
}
const CATALOGUE_COLUMNS = ["id", "file", "title", "outlet", "published", "language", "translated_from", "original_outlet", "note"];

/** Appends the corpus's rows to an existing catalogue, in its own columns (the project's data/catalogue.csv). */
export function appendCatalogue(path: string, articles: readonly SyntheticArticle[]): void {
  const text = readFileSync(path, "utf8");
  const columns = text.slice(0, text.indexOf("\n")).replace(/^\uFEFF/, "").trim().split(",");
  writeFileSync(path, text.replace(/\n*$/, "\n") + catalogueCsv(articles, {columns, header: false}));
}

/** Writes the corpus into `dir` (created if missing), and its catalogue to `catalogue` when given; returns the number of bytes written. */
export function writeCorpus(dir: string, options: SyntheticOptions & {catalogue?: string; appendTo?: string}): {files: number; bytes: number} {
  mkdirSync(dir, {recursive: true});
  let bytes = 0;
  const articles = generateCorpus(options);
  if (options.catalogue) writeFileSync(options.catalogue, catalogueCsv(articles));
  if (options.appendTo) appendCatalogue(options.appendTo, articles);
  for (const a of articles) {
    const data = Buffer.from(a.text, "utf8");
    writeFileSync(join(dir, a.file), data);
    bytes += data.length;
  }
  return {files: articles.length, bytes};
}

// npx tsx test/bench/synthetic.ts --count 1000 --out DIR [--catalogue FILE.csv | --append-catalogue data/catalogue.csv] [--seed N]
if (import.meta.url === `file://${process.argv[1]}`) {
  const {parseArgs} = await import("node:util");
  const {values} = parseArgs({options: {count: {type: "string", default: "100"}, out: {type: "string"}, seed: {type: "string"}, catalogue: {type: "string"}, "append-catalogue": {type: "string"}}});
  if (!values.out) throw new Error("--out DIR is required");
  const r = writeCorpus(values.out, {count: Number(values.count), seed: values.seed ? Number(values.seed) : DEFAULT_SEED, catalogue: values.catalogue, appendTo: values["append-catalogue"]});
  process.stderr.write(`wrote ${r.files} articles (${r.bytes} bytes) to ${values.out}\n`);
}
