// The measurements the classifier reads off one block of text, in the spirit of jusText:
// length, stopword density, the share of letters, closing punctuation, link syntax.
import {foldWord, type Vocabulary} from "./vocabulary.ts";

export interface Measure {
  /** Words: whitespace-separated, or Intl.Segmenter words in scripts without spaces. */
  words: number;
  /** Share of those words that are stopwords of the language (0 when it has no list). */
  stopwordDensity: number;
  /** Letters / (letters + digits + symbols and punctuation), white space aside. */
  letterShare: number;
  /** The block ends as a sentence does (. ! ? and their CJK forms, closing quotes allowed). */
  endsSentence: boolean;
  /** Share of the characters inside markdown link or image syntax, or bare URLs. */
  linkShare: number;
}

const SENTENCE_END = /[.!?…。！？؟।]["'”’»›」』)\]]*$/u;
const LINK = /!?\[(?:[^\[\]]|!?\[[^\[\]]*\]\([^()\s]*\))*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)|\bhttps?:\/\/\S+|\bwww\.\S+/gu;

export function measure(text: string, vocab: Vocabulary): Measure {
  // One pass over the units instead of a split, a filter and two replacements: the words
  // (runs between white space, /\s+/u, with a letter or digit), the letters and marks
  // (/[\p{L}\p{M}]/u) and the other characters that are not white space, all in UTF-16 units
  // as the replacements' lengths counted them.
  const stopwords = vocab.stopwords.size ? vocab.stopwords : null;
  let words = 0;
  let stop = 0;
  let letters = 0;
  let other = 0;
  let wordStart = -1;
  let wordlike = false;
  const spaceless = vocab.spaceless;
  for (let i = 0; i <= text.length; ++i) {
    let kind = SPACE;
    let width = 1;
    if (i < text.length) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          kind = classify(String.fromCharCode(c, d));
          width = 2;
        } else kind = unitKind(c);
      } else kind = unitKind(c);
    }
    if (kind & SPACE) {
      if (wordStart >= 0 && wordlike && !spaceless) {
        ++words;
        if (stopwords && stopwords.has(foldWord(text.slice(wordStart, i)))) ++stop;
      }
      wordStart = -1;
      wordlike = false;
      continue;
    }
    if (wordStart < 0) wordStart = i;
    if (kind & WORD) wordlike = true;
    if (kind & LETTER) letters += width;
    else other += width;
    if (width === 2) ++i;
  }
  if (spaceless) {
    const list = wordList(text, vocab);
    words = list.length;
    if (stopwords) for (const w of list) if (stopwords.has(foldWord(w))) ++stop;
  }
  let linked = 0;
  // Link syntax has "](", a bare URL "http" or "www.": without them LINK cannot match.
  if (text.includes("](") || text.includes("http") || text.includes("www.")) for (const m of text.matchAll(LINK)) linked += m[0].length;
  return {
    words,
    stopwordDensity: words ? stop / words : 0,
    letterShare: letters + other ? letters / (letters + other) : 0,
    endsSentence: SENTENCE_END.test(text.trim()),
    linkShare: text.length ? linked / text.length : 0
  };
}

// A character's kind as bits: white space (/\s/u), a letter or mark, a letter or digit.
const SPACE = 1;
const LETTER = 2;
const WORD = 4;

function classify(ch: string): number {
  return (/\s/u.test(ch) ? SPACE : 0) | (/[\p{L}\p{M}]/u.test(ch) ? LETTER : 0) | (/[\p{L}\p{N}]/u.test(ch) ? WORD : 0);
}

/** classify() of one UTF-16 unit (a lone surrogate is a code point of its own under /u), remembered: 8 marks a known unit. */
const KINDS = new Uint8Array(65536);

function unitKind(c: number): number {
  let k = KINDS[c];
  if (k === 0) KINDS[c] = k = classify(String.fromCharCode(c)) | 8;
  return k;
}

export function wordList(text: string, vocab: Vocabulary): string[] {
  if (!vocab.spaceless) return text.match(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-.]*/gu)?.map((w) => w.replace(/[.\-'’]+$/u, "")) ?? [];
  const out: string[] = [];
  for (const s of vocab.segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}
