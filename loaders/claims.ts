import {InputError, parseCsv} from "./csv.ts";
import type {ClaimRow, Stance, Tables, Topic} from "./tables.ts";
import {TOPICS} from "./tables.ts";
import {fold} from "./text.ts";

/**
 * A claim the notebook compares across articles, and how an article's stance on it is read
 * from the tables:
 * - `terms`: the article states it when any passage contains one of the terms (any language,
 *   accent- and case-insensitive, at a word start); it is silent otherwise.
 * - `hosts`: the article states it when its host mentions are exactly the listed entities,
 *   differs when it names other or fewer hosts, silent when it names none.
 * - `figure`: the first figure of `kind` (and `unit`) in a passage tagged `topic` (and, with
 *   `year`, mentioning that year) is compared with `low`/`high`: states when every bound the
 *   figure has matches within 2%, differs otherwise; silent when there is no such figure.
 */
export interface ClaimDefinition {
  claim_id: string;
  topic: Topic;
  statement: string;
  rule: "terms" | "hosts" | "figure";
  terms: string[];
  figure: {kind: string; unit: string; topic: string; year: string; low: number | null; high: number | null};
  reference_id: string;
}

const RULES = ["terms", "hosts", "figure"] as const;
const TOLERANCE = 0.02;

export function parseClaims(text: string, file: string): ClaimDefinition[] {
  const seen = new Set<string>();
  return parseCsv(text, file, ["claim_id", "topic", "statement", "rule", "params", "reference_id"]).map((row) => {
    const at = (reason: string) => new InputError(file, row._line, reason);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(row.claim_id)) throw at(`claim_id "${row.claim_id}" must be lower-case letters, digits and "-"`);
    if (seen.has(row.claim_id)) throw at(`duplicate claim_id "${row.claim_id}"`);
    seen.add(row.claim_id);
    if (!TOPICS.includes(row.topic as Topic)) throw at(`unknown topic "${row.topic}" (expected one of ${TOPICS.join(", ")})`);
    if (!RULES.includes(row.rule as (typeof RULES)[number])) throw at(`unknown rule "${row.rule}" (expected one of ${RULES.join(", ")})`);
    const definition: ClaimDefinition = {
      claim_id: row.claim_id, topic: row.topic as Topic, statement: row.statement, rule: row.rule as ClaimDefinition["rule"],
      terms: [], figure: {kind: "", unit: "", topic: "", year: "", low: null, high: null}, reference_id: row.reference_id
    };
    if (definition.rule === "figure") {
      const params = new Map(row.params.split(";").filter(Boolean).map((kv) => {
        const [k, ...v] = kv.split("=");
        return [k.trim(), v.join("=").trim()] as const;
      }));
      const unknown = [...params.keys()].filter((k) => !["kind", "unit", "topic", "year", "low", "high"].includes(k));
      if (unknown.length) throw at(`unknown figure parameter(s) ${unknown.join(", ")}`);
      const number = (k: string) => {
        if (!params.has(k) || params.get(k) === "") return null;
        const n = Number(params.get(k));
        if (!Number.isFinite(n)) throw at(`${k}=${params.get(k)} is not a number`);
        return n;
      };
      definition.figure = {kind: params.get("kind") ?? "", unit: params.get("unit") ?? "", topic: params.get("topic") ?? "", year: params.get("year") ?? "", low: number("low"), high: number("high")};
      if (!definition.figure.kind) throw at("a figure claim needs kind=");
      if (definition.figure.low === null && definition.figure.high === null) throw at("a figure claim needs low= or high=");
    } else {
      definition.terms = row.params.split("|").map((t) => t.trim()).filter(Boolean);
      if (!definition.terms.length) throw at(`a ${definition.rule} claim needs a "|"-separated list in params`);
    }
    return definition;
  });
}

/** One row per claim and article, in claim order then article order. */
export function evaluateClaims(definitions: ClaimDefinition[], tables: Omit<Tables, "claims">): ClaimRow[] {
  return evaluateClaimsByClaim(definitions, tables).flat();
}

/**
 * evaluateClaims, one list of rows per definition. Each row reads one article's rows only, so
 * chunks of articles can be evaluated apart (on worker threads) and joined claim by claim.
 */
export function evaluateClaimsByClaim(definitions: ClaimDefinition[], tables: Omit<Tables, "claims">): ClaimRow[][] {
  // Rows grouped by article once: looking them up per claim and article by scanning whole
  // tables made the cost grow with the square of the corpus.
  const byArticle = new Map<string, ArticleRows>();
  const group = <K extends keyof ArticleRows>(key: K, rows: ArticleRows[K]) => {
    for (const row of rows) {
      let entry = byArticle.get(row.article_id);
      if (!entry) byArticle.set(row.article_id, (entry = {passages: [], sentences: [], figures: [], dates: [], mentions: []}));
      (entry[key] as typeof rows).push(row as never);
    }
  };
  group("passages", tables.passages);
  group("sentences", tables.sentences);
  group("figures", tables.figures);
  group("dates", tables.dates);
  group("mentions", tables.mentions);
  const empty: ArticleRows = {passages: [], sentences: [], figures: [], dates: [], mentions: []};
  const folded = new Map<Tables["passages"][number], string>();
  return definitions.map((claim) => {
    const terms = claim.terms.map(fold);
    return tables.articles.map((article) => ({claim_id: claim.claim_id, article_id: article.article_id, ...stanceOf(claim, byArticle.get(article.article_id) ?? empty, terms, folded)}));
  });
}

interface ArticleRows {
  passages: Tables["passages"];
  sentences: Tables["sentences"];
  figures: Tables["figures"];
  dates: Tables["dates"];
  mentions: Tables["mentions"];
}

type Found = {stance: Stance; value: string; passage: number | null; text: string};
const SILENT: Found = {stance: "silent", value: "", passage: null, text: ""};

function stanceOf(claim: ClaimDefinition, article: ArticleRows, terms: string[], folded: Map<Tables["passages"][number], string>): Found {
  const {passages} = article;
  const sentenceAt = (passage: number, offset: number) =>
    article.sentences.find((s) => s.passage === passage && s.start <= offset && offset < s.end)?.text ?? passages.find((p) => p.passage === passage)?.text ?? "";
  if (claim.rule === "terms") {
    for (const p of passages) {
      let text = folded.get(p);
      if (text === undefined) folded.set(p, (text = fold(p.text)));
      const hit = findTerm(p.text, terms, text);
      if (hit) return {stance: "states", value: hit.text, passage: p.passage, text: sentenceAt(p.passage, hit.start)};
    }
    return SILENT;
  }
  if (claim.rule === "hosts") {
    const mentions = article.mentions.filter((m) => m.kind === "host");
    if (!mentions.length) return SILENT;
    const named = [...new Set(mentions.map((m) => m.entity))];
    const wanted = new Set(claim.terms);
    const same = named.length === wanted.size && named.every((e) => wanted.has(e));
    const first = mentions[0];
    return {stance: same ? "states" : "differs", value: [...named].sort().join(";"), passage: first.passage, text: sentenceAt(first.passage, first.start)};
  }
  const f = claim.figure;
  const figure = article.figures.find((row) => {
    if (row.kind !== f.kind || (f.unit && row.unit !== f.unit)) return false;
    const passage = passages.find((p) => p.passage === row.passage);
    if (!passage || (f.topic && !passage.topics.split(";").includes(f.topic))) return false;
    return !f.year || passage.text.includes(f.year) || article.dates.some((d) => d.passage === row.passage && d.date.startsWith(f.year));
  });
  if (!figure) return SILENT;
  const close = (a: number | null, b: number | null) => a === null || b === null || Math.abs(a - b) <= TOLERANCE * Math.abs(b);
  const bounds = [figure.low, figure.high].filter((x) => x !== null);
  const states = bounds.length > 0 && close(figure.low, f.low) && close(figure.high, f.high) && (figure.low !== null || f.high !== null) && (figure.high !== null || f.low !== null);
  return {stance: states ? "states" : "differs", value: figure.text, passage: figure.passage, text: sentenceAt(figure.passage, figure.start)};
}

/** The earliest term that starts a word of `folded` (the passage folded), and where. */
export function firstTermAt(folded: string, terms: string[]): {at: number; term: string} | null {
  let best: {at: number; term: string} | null = null;
  for (const term of terms) {
    for (let i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + 1)) {
      if (i === 0 || !/[\p{L}\p{N}]/u.test(folded[i - 1])) {
        if (!best || i < best.at) best = {at: i, term};
        break;
      }
    }
  }
  return best;
}

export function findTerm(text: string, terms: string[], folded = fold(text)): {text: string; start: number} | null {
  // Folding can change length (ß, ligatures), so a match in the folded text is mapped back to
  // the original by folding prefixes; the value is the whole word the term starts.
  const best = firstTermAt(folded, terms);
  if (!best) return null;
  const at = best.at;
  let start = 0;
  if (/[\uD800-\uDFFF]/.test(text)) {
    while (start < text.length && fold(text.slice(0, start)).length < at) ++start;
  } else {
    // The first prefix whose fold reaches `at`, by bisection: without surrogates every UTF-16
    // unit is a whole character, each folds on its own (NFKD decomposes character by character,
    // marks are dropped, lower-casing maps character by character), so the folded length of a
    // prefix never shrinks as the prefix grows. Same answer as the scan above, in O(n log n)
    // instead of O(n²) (the scan was most of the claims' time on long passages).
    let hi = text.length;
    while (start < hi) {
      const mid = (start + hi) >> 1;
      if (fold(text.slice(0, mid)).length < at) start = mid + 1;
      else hi = mid;
    }
  }
  let end = start;
  while (end < text.length && fold(text.slice(start, end)).length < best.term.length) ++end;
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) ++end;
  return {text: text.slice(start, end), start};
}
