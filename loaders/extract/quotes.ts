// Quotations and their speakers.
//
// 1. Pairing. Every quotation mark is classified by what flanks it, as CommonMark does for
//    emphasis: a mark with white space (or an opening bracket) before it and text after it can
//    open; one with text before it and white space or punctuation after it can close. A ' or ’
//    between two letters or digits is an apostrophe ("Meta’s", "don't") and is no mark at all.
//    „ ‚ 「 『 only open and 」 』 only close; « » and ‹ › pair with each other in either
//    direction (French «…», German »…«). Marks pair within a family (double: „ “ ” ";
//    single: ‚ ‘ ’ '), so typographic and typewriter marks may be mixed, as real text does.
//    Nested quotes belong to the quote around them and are not rows of their own.
// 2. Machine-translation repairs (the Dutch corpus article needs all three):
//    - a would-be opening mark after ", " and right before a speech verb closes the quote that
//      is open (`… krijgen, “zei Zuckerberg.”`: the translator moved the closing mark);
//    - a closing mark after sentence-final punctuation, with no quote open and a capital after
//      it, opens one (`zei Zuckerberg.” Dus dat …`);
//    - a mark with white space on both sides closes whatever is open (`… te doen. “`).
//    A mark that opens and is never closed yields nothing: unbalanced text never throws and
//    never produces a quote running to the end of the passage.
// 3. Speech or scare quote. A quote is a row when it has at least MIN_SPEECH_WORDS words, or a
//    speech verb attributes it (right after it: `„…“, so Mark Zuckerberg`, `'…,' kata
//    Zuckerberg`, `「…」と述べた`; or before it, ending in a colon, comma or complementizer:
//    `zei Mark Zuckerberg dat “…”`, `mengatakan bahawa '…'`), or it continues a quote that is
//    speech (the same reported-speech sentence, or the next sentence right after an
//    attribution). `den von ‘Anbietern geschlossener Modelle’ und betonte` is a scare quote: the
//    verb is near, but nothing ties it to the quote.
// 4. Speaker. The person (entity lexicon, kind person) nearest to the attributing verb, outside
//    any quote, in the same sentence, else the last one in the sentence before; a continuation
//    inherits its predecessor's speaker; otherwise "".

import type {PassageContext, QuoteRow} from "../tables.ts";
import {findQuoteSpans, isSpace, skipSpace, type QuoteSpan} from "./quote-marks.ts";
import {defaultEntityLexicon, findMentions, findTerm, type EntityLexicon, type MentionSpan} from "./mentions.ts";
import {defaultSpeechVerbs, verbsFor, type SpeechVerbs} from "./speech-verbs.ts";
import {bareTitleOf, defaultTitles, findTitles, isWhenWord, nameAsWritten, pronounRegex, type Candidate, type Titles} from "./speaker-cues.ts";

export {defaultSpeechVerbs, parseSpeechVerbs, type SpeechVerb, type SpeechVerbs} from "./speech-verbs.ts";
export {findQuoteSpans, type QuoteSpan} from "./quote-marks.ts";

export interface QuoteOptions {
  speechVerbs?: SpeechVerbs;
  entities?: EntityLexicon;
  titles?: Titles;
  /** State kept from passage to passage of one article, so a pronoun finds the last speaker. */
  carry?: SpeakerCarry;
}

/** Quotes of fewer words than this are speech only when a verb or a neighbouring quote says so. */
export const MIN_SPEECH_WORDS = 4;
// How far an attribution may sit from its quote, in words: "zei meta -CEO Mark Zuckerberg dat"
// needs five before the quote; "“…,” Meta's chief executive Mark Zuckerberg said" four after.
const MAX_WORDS_BEFORE = 6;
const MAX_WORDS_AFTER = 4;

// ---------------------------------------------------------------------------------------------
// Sentences, outside quotes

const ABBREVIATIONS = new Set([
  "v", "vs", "et al", "al", "dr", "mr", "mrs", "ms", "prof", "st", "inc", "corp", "ltd", "co", "jr", "sr", "no", "nr",
  "bzw", "ca", "vgl", "z.b", "u.a", "d.h", "usw", "etc", "sog", "bspw", "dll", "dsb", "mis", "bijv", "o.a", "m.a.w",
  "sr", "sra", "av", "p.ex", "e.g", "i.e", "u.s", "cf", "mme", "m"
]);

// Offsets at which a new sentence starts. Terminators inside a quote do not end the sentence
// around it, so a multi-sentence quote and its attribution stay one sentence.
function sentenceBreaks(text: string, quotes: readonly QuoteSpan[], language: string): number[] {
  const breaks: number[] = [];
  const inQuote = (k: number) => quotes.some((q) => k >= q.outerStart && k < q.outerEnd);
  // Only the positions of . ! ? … 。 ！ ？ can break a sentence.
  for (const m of text.matchAll(/[.!?…。！？]/g)) {
    const k = m.index;
    const c = text[k];
    if (inQuote(k)) continue;
    if (/[。！？]/u.test(c)) { breaks.push(k + 1); continue; }
    let j = k + 1;
    while (j < text.length && /[.!?…]/u.test(text[j])) ++j;
    const after = skipSpace(text, j);
    const marks = /^[\p{Pe}\p{Pf}"'“”’‘»«]*/u.exec(text.slice(j))![0].length;
    if (after === j && marks === 0 && j < text.length) continue;
    const nextChar = text[skipSpace(text, j + marks)];
    if (c === ".") {
      const token = (/[\p{L}\p{N}.]+$/u.exec(text.slice(Math.max(0, k - 12), k))?.[0] ?? "").toLowerCase();
      if (ABBREVIATIONS.has(token) || /^\p{L}$/u.test(token) || /^\p{L}(\.\p{L})+$/u.test(token)) continue;
      if (language === "de" && /^\d{1,2}$/.test(token)) continue;
      if (nextChar !== undefined && /\p{Ll}/u.test(nextChar)) continue;
    }
    breaks.push(j);
  }
  return breaks;
}

// ---------------------------------------------------------------------------------------------

// Words that end a reporting clause right before a quote ("said that “…”"). Grammar, not
// vocabulary: a closed list, kept here rather than in the lexicon.
const COMPLEMENTIZERS = new Set(["dass", "daß", "that", "dat", "bahawa", "bahwa", "que", "qu", "che", "ch", "att", "at", "hogy", "că", "że", "že", "что", "що", "ότι", "πως", "כי", "ש", "أن", "بأن"]);

/**
 * The words of an attribution clause that may name who speaks, counted up to two (all that
 * speakerFor asks): short lower-case words (articles, prepositions) and dates say nothing of it.
 */
function wordsWhoMaySpeak(clause: string, language: string): number {
  let n = 0;
  for (const [w] of clause.matchAll(/[\p{L}\p{N}]+/gu)) {
    if ((w.length <= 3 && !/\p{Lu}/u.test(w) && /\p{L}/u.test(w)) || isWhenWord(w, language)) continue;
    if (++n === 2) break;
  }
  return n;
}

function wordsIn(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+/gu) ?? [];
}

const SEGMENTED_SCRIPT = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{sc=Thai}]/u;
const SPACED_WORD = /\S*[\p{L}\p{N}]\S*/gu;

// Words are what white space separates, so a compound such as "700-Millionen-Nutzer-Klausel"
// is one; scripts written without spaces are counted with the word segmenter instead.
function countWords(s: string, language: string): number {
  // Without a script the segmenter reads, a word is a run of non-space characters holding a
  // letter or digit: one scan counts them (each match is such a run, from its first character).
  if (!SEGMENTED_SCRIPT.test(s)) return s.match(SPACED_WORD)?.length ?? 0;
  let n = 0;
  for (const token of s.split(/\s+/u)) {
    if (!/[\p{L}\p{N}]/u.test(token)) continue;
    if (!/[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{sc=Thai}]/u.test(token)) { ++n; continue; }
    for (const part of segmenter(language).segment(token)) if (part.isWordLike) ++n;
  }
  return n;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let seg = segmenters.get(language);
  if (!seg) {
    try { seg = new Intl.Segmenter(language || "und", {granularity: "word"}); }
    catch { seg = new Intl.Segmenter("ja", {granularity: "word"}); }
    segmenters.set(language, seg);
  }
  return seg;
}

interface Found {
  q: QuoteSpan;
  emitted: boolean;
  speaker: string;
  /** Attributed by a verb before the quote (a reported-speech clause that may hold more fragments). */
  before: boolean;
}

// Scandinavian, Finnish, Hungarian and Polish papers open a paragraph of speech with a dash and
// no marks: "– Det er en anden sag, siger advokat Mette Kjær.", "– Ez fontos nap – mondta
// Kovács Anna." The speech runs to the comma or dash before a speech verb that closes the
// paragraph's last sentence.
const DASH_OPENING = /^[–—]\s+/u;

function dashQuote(text: string, verbs: ReadonlyArray<[number, number]>): QuoteSpan | null {
  const open = DASH_OPENING.exec(text);
  if (!open) return null;
  for (let k = verbs.length - 1; k >= 0; --k) {
    const [vs] = verbs[k];
    const comma = Math.max(text.lastIndexOf(",", vs), text.lastIndexOf(" –", vs), text.lastIndexOf(" —", vs));
    if (comma <= open[0].length || /[^\s–—]/u.test(text.slice(comma + 1, vs)) || /[.!?]\s/u.test(text.slice(vs))) continue;
    const end = text[comma] === " " ? comma + 2 : comma + 1;
    return {outerStart: 0, innerStart: open[0].length, innerEnd: text.slice(0, comma).trimEnd().length, outerEnd: end};
  }
  return null;
}

// Words that announce a term rather than a quotation, right before the opening mark, and
// words that explain one right after the closing mark, in the 30 languages: grammar, a closed list.
const SO_CALLED = new RegExp("(?:^|[^\\p{L}])(?:so-called|so called|the term|the word|sogenannt\\p{L}*|so genannt\\p{L}*|llamad[oa]s?|denominad[oa]s?|chamad[oa]s?|cosiddett[oaie]|zogenaamd\\p{L}*|så kallad\\p{L}*|såkallad\\p{L}*|såkaldt\\p{L}*|såkalt\\p{L}*|niin sanottu\\p{L}*|tak zwan\\p{L}*|takzvan\\p{L}*|tzv\\.|úgynevezett|așa-numit\\p{L}*|sözde|так называем\\p{L}*|так звані\\p{L}*|так званий\\p{L}*|λεγόμεν\\p{L}*|ما يسمى|المسمى|מה שמכונה|המכונה|तथाकथित|소위|이른바|いわゆる|所谓|所謂|cái gọi là|ที่เรียกว่า|tinatawag na|yang disebut|apa yang disebut)\\s*$", "iu");
const EXPLAINED = /^\s*[,，、(（]?\s*(?:i\.\s?e\.|that is|d\.\s?h\.|das heißt|c'est-à-dire|es decir|ou seja|cioè|dat wil zeggen|dvs|det vil sige|det vil si|eli|czyli|tj\.|azaz|adică|yani|то есть|тобто|δηλαδή|أي|כלומר|यानी|즉|tức là|tức|nghĩa là|ibig sabihin|yaitu|iaitu|yakni)(?![\p{L}])|^\s*[,，、(（]?\s*(?:つまり|すなわち|即|也就是|คือ)/iu;
// Korean "'…'로 보다" (to regard as …): an instrumental particle after a one-word quote makes it a term.
const AS_TERM = /^(?:으로|로)\s/u;
const TERM_WORDS = 3;

function isTermQuote(text: string, q: QuoteSpan, words: number, mentions: readonly MentionSpan[]): boolean {
  const inner = text.slice(q.innerStart, q.innerEnd);
  if (mentions.some((m) => m.kind === "court_case" && m.start >= q.innerStart && m.end <= q.innerEnd) && words <= 6) return true;
  // A company, model or outlet in quotation marks is its name, no one's words: "ميتا", «Ламы».
  if (mentions.some((m) => m.kind !== "person" && m.start <= q.innerStart && m.end >= q.innerEnd)) return true;
  if (words > TERM_WORDS || /[.!?。！？,，;:]/u.test(inner)) return false;
  if (SO_CALLED.test(text.slice(Math.max(0, q.outerStart - 24), q.outerStart))) return true;
  const after = text.slice(q.outerEnd, q.outerEnd + 24);
  return EXPLAINED.test(after) || (words === 1 && AS_TERM.test(after));
}

/** The last speaker named in an article, handed on to a pronoun in the passages after it. */
export interface SpeakerCarry { article_id: string; passage: number; speaker: string }

// The most words between a short quote and the verb that makes it someone's words ("a qualifié
// 2025 d'« année décisive »", "ein „entscheidendes Jahr“ für künstliche Intelligenz genannt").
const SHORT_QUOTE_REACH = 6;
// A speaker carries over to a pronoun this many passages on (a paragraph, a heading between).
const CARRY_PASSAGES = 2;
// Particles written onto a closing mark that tie the quote to the verb after it (ko, ja).
const QUOTATIVE = /^\s*(?:[,，、—–-]|라고|이라고|고\s|며|이라며|라며|로\s|으로\s|と|という|って)/u;
// Subject-object-verb languages name the speaker before the quote and put the verb after it.
const SOV = new Set(["ko", "ja", "tr", "hi"]);
// Scripts without capitals, where speaker-cues.ts finds a name as written by the role beside it.
const UNCASED_NAMES = new Set(["ko", "ja", "zh"]);
const NOBODY = () => "";

/** The quotes table rows of one passage. */
export function extractQuotes(p: PassageContext, options: QuoteOptions = {}): QuoteRow[] {
  const text = p.text;
  const language = (p.language || "").toLowerCase().split(/[-_]/)[0];
  const entities = options.entities ?? defaultEntityLexicon();
  const carry = options.carry;
  const hasMarks = /["'„“”‚‘’«»‹›「」『』״]/u.test(text) || /^[–—]\s/u.test(text);
  // Persons named in a passage without quotes still hand their name on to the next passage.
  const remember = (speaker: string) => {
    if (carry && speaker) { carry.article_id = p.article_id; carry.passage = p.passage; carry.speaker = speaker; }
  };
  if (carry && carry.article_id !== p.article_id) { carry.article_id = p.article_id; carry.passage = 0; carry.speaker = ""; }
  if (!hasMarks) {
    if (carry) {
      const persons = findMentions(text, language, entities).filter((m) => m.kind === "person");
      if (persons.length) remember(persons[persons.length - 1].entity);
    }
    return [];
  }
  // The speech verbs are searched for only when a quote needs them: a displaced mark, a dash
  // quote, or any quote at all (a passage of apostrophes and stray marks needs none).
  let verbsFound: Array<[number, number]> | null = null;
  let verbStarts: Set<number> | null = null;
  const verbsOf = (): Array<[number, number]> => {
    if (!verbsFound) {
      verbsFound = [];
      for (const m of verbsFor(options.speechVerbs ?? defaultSpeechVerbs(), language)) verbsFound.push(...findTerm(text, m));
      verbsFound.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    }
    return verbsFound;
  };
  const quotes = findQuoteSpans(text, {has: (offset) => (verbStarts ??= new Set(verbsOf().map((v) => v[0]))).has(offset)});
  const dashed = DASH_OPENING.test(text) ? dashQuote(text, verbsOf()) : null;
  if (dashed && !quotes.some((q) => q.outerStart < dashed.outerEnd)) quotes.unshift(dashed);
  const mentions = findMentions(text, language, entities);
  const outside = (s: number, e: number) => !quotes.some((q) => s < q.outerEnd && q.outerStart < e);
  const persons = mentions.filter((m) => m.kind === "person" && outside(m.start, m.end));
  if (!quotes.length) {
    if (persons.length) remember(persons[persons.length - 1].entity);
    return [];
  }

  // Verbs outside quotes; of overlapping ones the longest ("a-t-il déclaré" over "a-t-il").
  const verbs: Array<[number, number]> = [];
  for (const v of verbsOf()) {
    if (!outside(v[0], v[1])) continue;
    if (verbs.length && v[0] < verbs[verbs.length - 1][1]) continue;
    verbs.push(v);
  }
  const breaks = sentenceBreaks(text, quotes, language);
  const sentenceStart = (x: number) => { let s = 0; for (const b of breaks) if (b <= x) s = b; return s; };
  const sentenceEnd = (x: number) => { for (const b of breaks) if (b > x) return b; return text.length; };
  const breaksIn = (s: number, e: number) => breaks.filter((b) => b > s && b <= e).length;
  // Titles are looked for only once a speaker is: many passages' quotes are terms or
  // continuations, and a search of all titles costs as much as the rest of a quote's reading.
  let titlesFound: Candidate[] | null = null;
  const titlesOf = () => titlesFound ??= findTitles(text, language, mentions, p.published, options.titles ?? defaultTitles()).filter((t) => outside(t.start, t.end));
  const pronouns = pronounRegex(language);

  // The clause that holds the attribution around a verb: out to the nearest quote, clause
  // punctuation or sentence edge on either side.
  const clauseAround = (verb: [number, number], q: QuoteSpan): [number, number] => {
    const sFrom = sentenceStart(Math.min(verb[0], q.outerStart));
    const sTo = sentenceEnd(Math.max(verb[1], q.outerEnd) - 1);
    let from = sFrom, to = sTo;
    for (const o of quotes) {
      if (o.outerEnd <= verb[0] && o.outerEnd > from) from = o.outerEnd;
      if (o.outerStart >= verb[1] && o.outerStart < to) to = o.outerStart;
    }
    const left = text.slice(from, verb[0]);
    const cut = Math.max(left.lastIndexOf(","), left.lastIndexOf(";"), left.lastIndexOf("，"));
    if (cut >= 0 && !SOV.has(language)) from += cut + 1;
    const right = /[,;:，；：(—–]/u.exec(text.slice(verb[1], to));
    if (right) to = verb[1] + right.index;
    if (SOV.has(language) && q.outerEnd <= verb[0]) from = Math.max(sFrom, quotes.filter((o) => o.outerEnd <= q.outerStart).reduce((x, o) => Math.max(x, o.outerEnd), sFrom));
    return [from, to];
  };

  // The person a verb names: the nearest lexicon person, resolved title or full name as
  // written in its sentence; else, when the clause names no one but a pronoun (or nothing at
  // all), the last speaker before it; else nobody.
  // `previous` gives the last speaker before the quote (lastBefore), asked only when no one is named.
  const speakerFor = (verb: [number, number], q: QuoteSpan, previous: () => string, allowNames = true): string => {
    const from = sentenceStart(Math.min(verb[0], q.outerStart));
    const to = sentenceEnd(Math.max(verb[1], q.outerEnd) - 1);
    const dist = (m: {start: number; end: number}) => Math.max(0, m.start - verb[1], verb[0] - m.end);
    const cands: Array<Candidate & {rank: number}> = [
      ...persons.filter((m) => m.start >= from && m.end <= to).map((m) => ({start: m.start, end: m.end, person: m.entity, rank: 0})),
      ...titlesOf().filter((t) => t.start >= from && t.end <= to).map((t) => ({...t, rank: 1}))
    ];
    const [cFrom, cTo] = clauseAround(verb, q);
    // Outside the clause, the sentence's first name is its subject ("Rebecca Owusu, a lawyer in San Francisco, says").
    const named = !allowNames ? null : nameOutside(cFrom, cTo, verb[0]) ?? (cands.length ? null : nameOutside(from, to, from));
    if (named && outside(named.start, named.end) && !cands.some((c) => c.start < named.end && named.start < c.end)) cands.push({...named, rank: 2});
    if (cands.length) return cands.sort((a, b) => dist(a) - dist(b) || a.rank - b.rank)[0].person;
    // No one named: a pronoun, or a clause of the verb alone, hands the last speaker on.
    const clause = text.slice(cFrom, verb[0]) + " " + text.slice(verb[1], cTo);
    const last = previous();
    const bare = (s: number, e: number) => bareTitleOf(text, s, e, language, last, p.published, options.titles ?? defaultTitles());
    if (bare(cFrom, verb[0]) || bare(verb[1], cTo)) return last;
    if (!(pronouns?.test(clause)) && wordsWhoMaySpeak(clause, language) > 0 && !(SOV.has(language) && wordsWhoMaySpeak(clause, language) <= 1)) return "";
    return last;
  };

  // A full name as written in [from, to), outside quotes.
  const nameOutside = (from: number, to: number, at: number): Candidate | null => {
    let best: Candidate | null = null;
    let s = from;
    for (const o of [...quotes.filter((q) => q.outerStart >= from && q.outerEnd <= to), {outerStart: to, outerEnd: to}]) {
      if (o.outerStart > s && (UNCASED_NAMES.has(language) || /\p{Lu}/u.test(text.slice(s, o.outerStart)))) {
        const c = nameAsWritten(text, s, o.outerStart, at, mentions, language);
        if (c && (!best || Math.abs(c.start - at) < Math.abs(best.start - at))) best = c;
      }
      s = o.outerEnd;
    }
    return best;
  };

  // The last person named before a position in this passage (outside quotes), else the carry.
  // The subject of the sentence before counts as named ("Advocaat Pieter Hulshof … ziet dat …").
  const lastBefore = (x: number, found: readonly Found[]): string => {
    let best = "", at = -1;
    const sStart = sentenceStart(x);
    if (sStart > 0) {
      const prevStart = sentenceStart(sStart - 1);
      const subject = nameOutside(prevStart, sStart, prevStart);
      if (subject) { best = subject.person; at = subject.start; }
    }
    for (const m of persons) if (m.end <= x && m.start > at) { best = m.entity; at = m.start; }
    for (const t of titlesOf()) if (t.end <= x && t.start > at) { best = t.person; at = t.start; }
    for (const f of found) if (f.emitted && f.speaker && f.q.outerEnd <= x && f.q.outerStart > at) { best = f.speaker; at = f.q.outerStart; }
    if (best) return best;
    return carry && carry.article_id === p.article_id && p.passage - carry.passage <= CARRY_PASSAGES ? carry.speaker : "";
  };

  const found: Found[] = [];
  // The last speaker before the quote being read, worked out when first asked (found and the
  // carry do not change while one quote is read).
  let lastSpeaker: string | null = null;
  let quoteStart = 0;
  const previous = () => lastSpeaker ??= lastBefore(quoteStart, found);
  for (let n = 0; n < quotes.length; ++n) {
    const q = quotes[n];
    lastSpeaker = null;
    quoteStart = q.outerStart;
    const prevQ = n > 0 ? quotes[n - 1] : undefined;
    const nextQ = quotes[n + 1];
    const inner = text.slice(q.innerStart, q.innerEnd);
    const words = countWords(inner, language);

    // Attribution after the quote: „…“, so Mark Zuckerberg / '…,' kata Zuckerberg / 「…」と述べた / "…"라고 말했다
    let verb: [number, number] | undefined;
    let before = false;
    const after = verbs.find((v) => v[0] >= q.outerEnd);
    if (after && (!nextQ || after[1] <= nextQ.outerStart) && breaksIn(q.outerEnd, after[0]) === 0) {
      const gap = text.slice(q.outerEnd, after[0]);
      const gapWords = wordsIn(gap);
      const attached = /[,，、!?…]$/u.test(inner) || QUOTATIVE.test(gap);
      if (gap.length <= 60 && gapWords.length <= MAX_WORDS_AFTER && (gapWords.length === 0 || attached)) verb = after;
    }
    // Attribution before it: zei Mark Zuckerberg dat “…” / mengatakan bahawa '…' / said: “…”
    if (!verb) {
      const prior = [...verbs].reverse().find((v) => v[1] <= q.outerStart);
      if (prior && (!prevQ || prior[0] >= prevQ.outerEnd) && breaksIn(prior[0], q.outerStart) === 0) {
        const gap = text.slice(prior[1], q.outerStart).trim();
        const gapWords = wordsIn(gap);
        const last = gapWords[gapWords.length - 1]?.toLowerCase();
        const ends = /[:,：，、]$/u.test(gap) || (last !== undefined && COMPLEMENTIZERS.has(last) && /[\p{L}]$/u.test(gap));
        if ((gap === "" || gapWords.length <= MAX_WORDS_BEFORE) && (ends || (gap === "" && SOV.has(language) === false && /[:：]\s*$/u.test(text.slice(prior[1], q.outerStart))))) { verb = prior; before = true; }
      }
    }
    // A name before a colon: "X: «…»", "En palabras de Zuckerberg: «…»", "수전 리 CFO: "…""
    let colon: [number, number] | undefined;
    if (!verb) {
      const head = text.slice(sentenceStart(q.outerStart), q.outerStart);
      const m = /[:：]\s*$/u.exec(head);
      if (m) {
        const at = q.outerStart - (head.length - m.index);
        colon = [at, at + 1];
      }
    }

    // A term in quotes is no one's words, whatever verb is near: "the so-called 'open source'",
    // "'seed', i.e. uploading", "진정한 '오픈소스'로", a case name ("'Kadrey v. Meta' 사건").
    if (isTermQuote(text, q, words, mentions)) { found.push({q, emitted: false, speaker: "", before: false}); continue; }

    const prev = found[found.length - 1];
    let sameSentence = false, nextSentence = false;
    if (prev?.emitted) {
      const between = breaksIn(prev.q.outerEnd, q.outerStart);
      sameSentence = between === 0;
      nextSentence = between === 1 && text.slice(sentenceStart(q.outerStart), q.outerStart).trim() === "";
    }
    const endsSentence = () => wordsIn(text.slice(q.outerEnd, sentenceEnd(q.outerEnd))).length === 0;

    let emitted: boolean;
    let speaker = "";
    if (verb) {
      emitted = true;
      speaker = speakerFor(verb, q, previous);
    } else if (colon && words >= 1) {
      // Without a verb, only a name the lexicon knows (or a title) may stand before the colon:
      // "Die Vorwürfe der Urheberrechtsverletzung: ‘Seeding’" is a heading, not a speaker.
      const who = speakerFor(colon, q, NOBODY, false);
      emitted = words >= MIN_SPEECH_WORDS || who !== "";
      speaker = who;
    } else if (prev?.emitted && ((sameSentence && prev.before) || (nextSentence && (words >= MIN_SPEECH_WORDS || endsSentence())))) {
      emitted = true;
      speaker = prev.speaker;
    } else {
      // A short quote is someone's words when a verb of its sentence (said, called it,
      // nannte, назвал, 규정했다) has a speaker; a term in quotes with no one saying it is not.
      const from = sentenceStart(q.outerStart);
      const to = sentenceEnd(q.outerEnd - 1);
      const near = (v: [number, number]) => wordsIn(v[1] <= q.outerStart ? text.slice(v[1], q.outerStart) : text.slice(q.outerEnd, v[0])).length <= SHORT_QUOTE_REACH;
      const loose = verbs.filter((v) => v[0] >= from && v[1] <= to && (words >= MIN_SPEECH_WORDS || near(v)))
        .sort((a, b) => Math.abs(a[0] - q.outerStart) - Math.abs(b[0] - q.outerStart))[0];
      if (loose) speaker = speakerFor(loose, q, previous, words >= MIN_SPEECH_WORDS);
      // "schreef de Meta-topman dat het verkopen van toegang „niet ons verdienmodel” is": the
      // quote stands in the clause a verb of speech introduces with a complementizer.
      // A single word there is more often a scare quote ("dat de „open” aanpak wint").
      if (!speaker && words >= 2) {
        const reported = verbs.filter((v) => v[0] >= from && v[1] <= q.outerStart && !quotes.some((o) => o.outerStart >= v[1] && o.outerEnd <= q.outerStart) &&
          wordsIn(text.slice(v[1], q.outerStart)).slice(0, MAX_WORDS_BEFORE).some((w) => COMPLEMENTIZERS.has(w.toLowerCase()))).pop();
        if (reported) speaker = speakerFor(reported, q, previous, true);
      }
      // "«…», añadió, antes de calificar el plan de «…»": a naming verb in the sentence of
      // someone's quote, naming no one else, is that speaker's.
      if (loose && !speaker && sameSentence && prev.speaker && !persons.some((m) => m.start >= from && m.end <= to && m.entity !== prev.speaker)) speaker = prev.speaker;
      emitted = words >= MIN_SPEECH_WORDS || speaker !== "";
    }
    found.push({q, emitted, speaker, before});
  }

  const lastPerson = persons.length ? persons[persons.length - 1] : undefined;
  const lastQuote = [...found].reverse().find((f) => f.emitted && f.speaker);
  if (lastQuote && (!lastPerson || lastQuote.q.outerStart > lastPerson.start)) remember(lastQuote.speaker);
  else if (lastPerson) remember(lastPerson.entity);

  return found.filter((f) => f.emitted).map((f) => ({
    article_id: p.article_id,
    passage: p.passage,
    text: text.slice(f.q.innerStart, f.q.innerEnd),
    speaker: f.speaker,
    start: f.q.innerStart,
    end: f.q.innerEnd
  }));
}
