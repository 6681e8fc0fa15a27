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

const WORDLIKE = /[\p{L}\p{N}]/u;

export function measure(text: string, vocab: Vocabulary): Measure {
  const words = vocab.spaceless ? wordList(text, vocab) : text.split(/\s+/u).filter((w) => WORDLIKE.test(w));
  let stop = 0;
  if (vocab.stopwords.size) for (const w of words) if (vocab.stopwords.has(foldWord(w))) ++stop;
  const letters = text.replace(/[^\p{L}\p{M}]+/gu, "").length;
  const other = text.replace(/[\s\p{L}\p{M}]+/gu, "").length;
  let linked = 0;
  for (const m of text.matchAll(LINK)) linked += m[0].length;
  return {
    words: words.length,
    stopwordDensity: words.length ? stop / words.length : 0,
    letterShare: letters + other ? letters / (letters + other) : 0,
    endsSentence: SENTENCE_END.test(text.trim()),
    linkShare: text.length ? linked / text.length : 0
  };
}

export function wordList(text: string, vocab: Vocabulary): string[] {
  if (!vocab.spaceless) return text.match(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-.]*/gu)?.map((w) => w.replace(/[.\-'’]+$/u, "")) ?? [];
  const out: string[] = [];
  for (const s of vocab.segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}
