import {InputError, parseCsv} from "./csv.ts";
import type {RemovedReason, Topic} from "./tables.ts";
import {TOPICS} from "./tables.ts";
import {fold} from "./text.ts";
import {FRANC_LANGUAGES} from "./language.ts";

// "inline": the match is cut out of a kept block wherever it stands (a screen-reader label).
export type BoilerplateScope = "block" | "prefix" | "section" | "inline";

export interface BoilerplateRule {
  reason: RemovedReason;
  language: string;
  scope: BoilerplateScope;
  /** A block longer than this is never removed by the rule (article prose is long, page furniture is short). */
  maxWords: number;
  pattern: RegExp;
  source: string;
}

export interface TopicTerm {
  topic: Topic;
  language: string;
  term: string;
}

export interface Lexicon {
  boilerplate: BoilerplateRule[];
  topics: TopicTerm[];
  /**
   * The languages the detector may answer (ISO 639-3, as franc names them), from
   * data/lexicon/languages.csv; empty or absent: every language franc knows.
   */
  languages?: string[];
}

const REASONS: readonly RemovedReason[] = ["navigation", "newsletter", "advert", "jobs", "comments", "social", "other"];
const SCOPES: readonly BoilerplateScope[] = ["block", "prefix", "section", "inline"];

export function parseBoilerplate(text: string, file: string): BoilerplateRule[] {
  return parseCsv(text, file, ["reason", "language", "scope", "max_words", "pattern"]).map((row) => {
    const at = (reason: string) => new InputError(file, row._line, reason);
    if (!REASONS.includes(row.reason as RemovedReason)) throw at(`unknown reason "${row.reason}" (expected one of ${REASONS.join(", ")})`);
    if (!SCOPES.includes(row.scope as BoilerplateScope)) throw at(`unknown scope "${row.scope}" (expected one of ${SCOPES.join(", ")})`);
    const maxWords = row.max_words === "" ? Infinity : Number(row.max_words);
    if (!(maxWords > 0)) throw at(`max_words must be a positive number or empty, not "${row.max_words}"`);
    let pattern: RegExp;
    try {
      pattern = new RegExp(row.pattern, "iu");
    } catch (error) {
      throw at(`invalid pattern: ${(error as Error).message}`);
    }
    return {reason: row.reason as RemovedReason, language: row.language.trim(), scope: row.scope as BoilerplateScope, maxWords, pattern, source: `${file}:${row._line}`};
  });
}

export function parseTopics(text: string, file: string): TopicTerm[] {
  return parseCsv(text, file, ["topic", "language", "term"]).map((row) => {
    if (!TOPICS.includes(row.topic as Topic)) throw new InputError(file, row._line, `unknown topic "${row.topic}" (expected one of ${TOPICS.join(", ")})`);
    if (!row.term.trim()) throw new InputError(file, row._line, "empty term");
    return {topic: row.topic as Topic, language: row.language.trim(), term: fold(row.term.trim())};
  });
}

/**
 * data/lexicon/languages.csv: `code,name,note`, one ISO 639-3 code per row as franc spells it
 * (`deu`, `zlm` for Malay, `cmn` for Mandarin). An empty file, or a header without rows, means
 * every language franc knows (see data/lexicon/README-languages.md for the trade-off).
 */
export function parseLanguages(text: string, file: string): string[] {
  if (!text.replace(/^\uFEFF/, "").trim()) return [];
  const seen = new Map<string, number>();
  return parseCsv(text, file, ["code"]).map((row) => {
    const code = row.code.trim();
    const at = (reason: string) => new InputError(file, row._line, reason);
    if (!/^[a-z]{3}$/.test(code)) throw at(`code "${row.code}" must be an ISO 639-3 code of three lower-case letters, e.g. deu, zlm, cmn`);
    if (!FRANC_LANGUAGES.has(code)) throw at(`code "${code}" is not a language the detector (franc) knows; see node_modules/franc/readme.md for its codes`);
    if (seen.has(code)) throw at(`duplicate code "${code}" (also on line ${seen.get(code)})`);
    seen.set(code, row._line);
    return code;
  });
}
