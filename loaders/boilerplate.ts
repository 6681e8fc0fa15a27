import type {Block, BlockKind} from "./blocks.ts";
import type {BoilerplateRule} from "./lexicon.ts";
import type {RemovedReason} from "./tables.ts";
import {countTokens, isLetterOrDigitUnit} from "./text.ts";
import {applyCuts, inlineCuts} from "./furniture/inline.ts";
import {measure, type Measure} from "./furniture/measure.ts";
import {isDateLine, isReadingTime} from "./furniture/dateline.ts";
import {bareAddress, byline, copyright, counter, credit, keyboard, labelledList, linkOnly, readAlso, separatedParts, socialButtons, type Verdict} from "./furniture/shapes.ts";
import {vocabulary, type Vocabulary} from "./furniture/vocabulary.ts";
import {mayMatch, needleText} from "./furniture/needles.ts";

export interface KeptBlock { kind: BlockKind; line: number; text: string }
export interface RemovedBlock { line: number; text: string; reason: RemovedReason; rule: string }

/**
 * Sections (a job board, a comment form) are page furniture only near the end of a page; the
 * first part of an article is never swallowed by one, whatever words it uses.
 */
const SECTION_MIN_POSITION = 0.5;
/** A section runs on over short blocks (ads, form labels, policy lines) and stops at the first long one. */
const SECTION_BLOCK_MAX_WORDS = 60;
/** Blocks this long are article text to every signal but the lexicon's section and block rules. */
const LONG_TOKENS = 60;
/** A block of the top zone this long is a standfirst or a kicker sentence, never a byline or a label. */
const TOP_KEEP_WORDS = 8;

interface Item {
  block: Block;
  text: string;
  tokens: number;
  pieces: RemovedBlock[];
  verdict: Verdict | null;
  m?: Measure;
  prose: boolean;
  /** A photo credit was cut out of it: a caption, article text whatever its shape (a caption may read like a byline). */
  caption?: boolean;
}

/**
 * Separates page furniture from the article, in the tradition of jusText and Boilerpipe: each
 * block is measured (length, stopword density, letters, closing punctuation, link syntax) and
 * matched against shapes of furniture that hold in any language (loaders/furniture/) and the
 * lexicon's rules; its position on the page (the zones before and after the article's prose)
 * and its neighbours decide the short ones. Every block ends up in exactly one of the two lists,
 * and cut-out prefixes and inline artefacts go to removed, so the words of the input are exactly
 * the words of kept plus removed.
 */
export function removeBoilerplate(blocks: Block[], rules: BoilerplateRule[], language = "und"): {kept: KeptBlock[]; removed: RemovedBlock[]} {
  const applicable = rules.filter((r) => !r.language || r.language === language || language === "und");
  const vocab = vocabulary(language);
  const items = lexiconPass(blocks, applicable, language);
  for (const item of items) {
    if (!item.verdict && item.tokens <= LONG_TOKENS) item.verdict = anywhere(item.text, item.tokens);
    // A paragraph of whole sentences is prose on every measure: it is measured only for the page's stopword level.
    if (!item.verdict && item.tokens <= LONG_TOKENS && !(item.tokens >= 12 && SENTENCE_END.test(item.text) && !/\]\(|https?:/u.test(item.text))) item.m = measure(item.text, vocab);
  }
  const floor = stopwordFloor(items, vocab);
  for (const item of items) item.prose = !item.verdict && isProse(item, floor);
  zonePass(items, vocab);
  repetitionPass(items);

  const kept: KeptBlock[] = [];
  const removed: RemovedBlock[] = [];
  for (const item of items) {
    removed.push(...item.pieces);
    if (item.verdict) removed.push({line: item.block.line, text: item.text, reason: item.verdict.reason, rule: item.verdict.rule});
    else kept.push({kind: item.block.kind, line: item.block.line, text: item.text});
  }
  return {kept, removed};
}

const CREDIT_RULES = new Set(["shape:credit-tail", "shape:credit-brackets", "shape:agency-credit"]);

// The lexicon's rules, as before: prefixes and inline artefacts cut out, blocks matched whole,
// sections (a job board after the article) running on over short blocks.
function lexiconPass(blocks: Block[], rules: BoilerplateRule[], language: string): Item[] {
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  let seen = 0;
  let section: Verdict | null = null;
  const items: Item[] = [];
  for (const block of blocks) {
    let {text} = block;
    const position = total ? seen / total : 0;
    seen += text.length;
    const pieces: RemovedBlock[] = [];
    for (const rule of rules) {
      if (rule.scope !== "prefix") continue;
      const m = rule.pattern.exec(text);
      // A prefix glued to the next word ("статьюMeta") is left whole: cutting it would split a word.
      if (m && m.index === 0 && m[0].length < text.length && !(/[\p{L}\p{N}]$/u.test(m[0]) && /^[\p{L}\p{N}]/u.test(text.slice(m[0].length)))) {
        pieces.push({line: block.line, text: m[0].trim(), reason: rule.reason, rule: rule.source});
        text = text.slice(m[0].length).trimStart();
      }
    }
    const cuts = inlineCuts(text, rules, language);
    if (cuts.length) {
      const rest = applyCuts(text, cuts);
      if (/[\p{L}\p{N}]/u.test(rest)) {
        for (const c of cuts) pieces.push({line: block.line, text: text.slice(c.start, c.end), reason: c.reason, rule: c.rule});
        text = rest;
      }
    }
    const n = countTokens(text);
    const lower = needleText(text);
    const rule = rules.find((r) => (r.scope === "block" || r.scope === "section") && n <= r.maxWords && mayMatch(r.pattern, lower) && r.pattern.test(text));
    let verdict: Verdict | null = null;
    if (rule) {
      verdict = {reason: rule.reason, rule: rule.source};
      section = rule.scope === "section" && position >= SECTION_MIN_POSITION ? {reason: rule.reason, rule: rule.source} : null;
    } else if (section && n <= SECTION_BLOCK_MAX_WORDS) {
      verdict = {reason: section.reason, rule: `${section.rule} (section)`};
    } else section = null;
    items.push({block, text, tokens: n, pieces, verdict, prose: false, caption: pieces.some((p) => CREDIT_RULES.has(p.rule))});
  }
  return items;
}

// Shapes that are furniture wherever they stand on the page.
function anywhere(text: string, tokens: number): Verdict | null {
  if (/^[\p{Nd}\s.,]{1,9}$/u.test(text.trim())) return {reason: "social", rule: "shape:bare-number"};
  if (/^#[^\s#]+(?:[\s\u3000]+#[^\s#]+)+$/u.test(text.trim())) return {reason: "navigation", rule: "shape:hashtags"};
  return linkOnly(text) ?? bareAddress(text) ?? copyright(text, tokens) ?? keyboard(text, tokens) ?? separatedParts(text) ?? counter(text, false) ?? credit(text) ?? null;
}

const SENTENCE_END = /[.!?…。！？؟।]["'”’»›」』)\]]*\s*$/u;

function isProse(item: Item, floor: number): boolean {
  const m = item.m;
  if (!m) return item.tokens > LONG_TOKENS || item.tokens >= 12 && !item.verdict;
  if (m.linkShare > 0.5 || m.letterShare < 0.5) return false;
  return (m.words >= 8 && m.endsSentence) || (m.words >= 20 && m.stopwordDensity >= floor);
}

/**
 * The stopword density a long block needs to read as prose, relative to the page's own
 * sentences: languages that glue particles to words (ko, he, ar) or lists with few words
 * (zh, th) have low densities everywhere, so a fixed threshold would misread them.
 */
function stopwordFloor(items: Item[], vocab: Vocabulary): number {
  if (!vocab.stopwords.size) return 0;
  // A few of the page's sentences are enough to tell its level.
  const sample = items.filter((i) => !i.verdict && i.tokens >= 12 && i.tokens <= LONG_TOKENS && !i.m).slice(0, 5);
  for (const i of sample) i.m = measure(i.text, vocab);
  const densities = items.filter((i) => i.m && i.m.words >= 8 && i.m.endsSentence).map((i) => i.m!.stopwordDensity).sort((a, b) => a - b);
  const median = densities.length ? densities[densities.length >> 1] : 0.3;
  return Math.min(0.08, median / 3);
}

/**
 * The article's prose runs from the first two prose blocks in a row to the last two. Before it
 * (the top zone: breadcrumbs, headline, byline, date line) and after it (the bottom zone: tags,
 * share buttons, footers) short blocks are read by their shape and their neighbours, as
 * jusText's context step does; the headline, the first real line of the top zone, is kept.
 */
function zonePass(items: Item[], vocab: Vocabulary): void {
  const prose = items.map((i) => i.prose);
  let first = prose.findIndex((p, i) => p && (i + 1 >= prose.length || prose[i + 1]));
  let last = prose.findLastIndex((p, i) => p && (i === 0 || prose[i - 1]));
  if (first < 0) first = last = prose.findIndex((p) => p);
  if (first < 0) { first = items.length; last = items.length - 1; }
  const headline = items.findIndex((it, i) => i < first && !it.verdict && (it.tokens >= 3 || it.block.kind === "heading") && !isDateLine(it.text, vocab) && !isReadingTime(it.text, vocab) && !counter(it.text, true));

  for (let i = 0; i < items.length; ++i) {
    const it = items[i];
    const edge = i < first || i > last;
    if (it.verdict || it.prose || i === headline || it.tokens > LONG_TOKENS || it.caption) continue;
    const text = it.text;
    let v: Verdict | null = socialButtons(text, it.m?.words ?? it.tokens, edge) ?? readAlso(text, vocab) ?? (edge ? separatedParts(text, true) : null);
    if (!v && edge) {
      v = isDateLine(text, vocab) ? {reason: "other", rule: "shape:date-line"} : null;
      v ??= isReadingTime(text, vocab) ? {reason: "other", rule: "shape:reading-time"} : null;
      v ??= counter(text, true) ?? labelledList(text);
      if (!v && (i > headline || i > last) && (it.m?.words ?? it.tokens) < TOP_KEEP_WORDS) v = byline(text, vocab);
      if (!v && i < headline && it.tokens <= 2 && !it.m?.endsSentence) v = {reason: "navigation", rule: "shape:section-label"};
      if (!v && it.m && it.m.letterShare < 0.5 && it.tokens <= 10 && !text.includes("\n")) v = {reason: "other", rule: "shape:symbols"};
    }
    it.verdict = v;
  }

  // Context: a short block between furniture is furniture. In the top zone both neighbours must
  // be furniture (the page's start counts as such); in the bottom zone one is enough, except
  // for a list the last paragraph announces with a colon; inside the article only a word or two.
  const bad = (i: number) => i < 0 || i >= items.length || items[i].verdict !== null;
  for (let pass = 0; pass < 2; ++pass) {
    for (let i = 0; i < items.length; ++i) {
      const it = items[i];
      if (it.verdict || it.prose || i === headline || it.caption) continue;
      const words = it.m?.words ?? it.tokens;
      let smooth = false;
      if (i < first) smooth = words < TOP_KEEP_WORDS && bad(i - 1) && bad(i + 1) && i > headline;
      else if (i > last) smooth = (bad(i - 1) && i - 1 > last || i + 1 < items.length && bad(i + 1)) && !announcedList(items, i, last);
      else smooth = it.tokens <= 2 && !it.m?.endsSentence && bad(i - 1) && bad(i + 1);
      if (smooth) it.verdict = {reason: neighbourReason(items, i), rule: "context"};
    }
  }
}

function announcedList(items: Item[], i: number, last: number): boolean {
  let j = i;
  while (j > last && items[j].block.kind === "list_item" && !items[j].verdict) --j;
  return j < i && /[:：]$/u.test(items[j].text.trim());
}

function neighbourReason(items: Item[], i: number): RemovedReason {
  return items[i - 1]?.verdict?.reason ?? items[i + 1]?.verdict?.reason ?? "other";
}

// A caption or pull quote that repeats another block of the page word for word, or a sentence
// of the lede (the first prose blocks). Linear: one set of whole blocks, a few ledes to search.
function repetitionPass(items: Item[]): void {
  const seen = new Set<string>();
  const ledes: string[] = [];
  for (const it of items) {
    if (it.verdict) continue;
    const candidate = it.tokens >= 5 && it.tokens <= LONG_TOKENS && it.block.kind !== "heading";
    if (!candidate && !(it.prose && ledes.length < LEDES)) continue;
    const k = key(it.text);
    if (candidate && (seen.has(k) || ledes.some((l) => l.length > k.length && l.includes(k)))) {
      it.verdict = {reason: "other", rule: "repetition"};
      continue;
    }
    seen.add(k);
    if (it.prose && ledes.length < LEDES) ledes.push(k);
  }
}

const LEDES = 3;

/**
 * s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim(), the form blocks are compared in:
 * unit by unit into a buffer (a Unicode-class replacement cost more than the rest of the pass);
 * with surrogates, where a letter may be two units, by the replacement itself.
 */
function key(s: string): string {
  const lower = s.toLowerCase();
  if (SURROGATES.test(lower)) return lower.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  if (keyBuffer.length < lower.length) keyBuffer = new Uint16Array(lower.length * 2);
  let n = 0;
  let gap = false;
  for (let i = 0; i < lower.length; ++i) {
    const c = lower.charCodeAt(i);
    if (isLetterOrDigitUnit(c)) {
      if (gap && n > 0) keyBuffer[n++] = 32;
      gap = false;
      keyBuffer[n++] = c;
    } else gap = true;
  }
  let out = "";
  // String.fromCharCode takes its units as arguments: in slices well below engines' limits.
  for (let from = 0; from < n; from += 8192) out += String.fromCharCode.apply(null, keyBuffer.subarray(from, Math.min(n, from + 8192)) as unknown as number[]);
  return out;
}

const SURROGATES = /[\uD800-\uDFFF]/;
let keyBuffer = new Uint16Array(1024);
