// Small text utilities shared by the pipeline steps.

/** Lower-cases and strips diacritics so lexicon terms match "Marz" and "März" alike. Length-preserving for BMP text without combining marks is NOT guaranteed: use only for matching, never for offsets. */
export function fold(text: string): string {
  // ASCII has no diacritics and NFKD leaves it alone: lower-casing is the whole fold.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

const ASCII = /^[\x00-\x7F]*$/;

const wordSegmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(language: string): Intl.Segmenter {
  const locale = language === "und" ? undefined : language;
  const key = locale ?? "";
  let segmenter = wordSegmenters.get(key);
  if (!segmenter) wordSegmenters.set(key, (segmenter = new Intl.Segmenter(locale, {granularity: "word"})));
  return segmenter;
}

/** Word-like segments of `text` per Intl.Segmenter (works for scripts without spaces, such as Japanese). */
export function words(text: string, language = "und"): string[] {
  const segmenter = wordSegmenter(language);
  const out: string[] = [];
  // A short text is one chunk (see segmentInChunks): iterating the segmenter directly gives the
  // same segments without a generator step per word.
  const stable = stableColons(text);
  const segments = stable.length <= CHUNK ? segmenter.segment(stable) : segmentInChunks(segmenter, stable, (t, k) => /\s/.test(t[k - 1]));
  for (const s of segments) if (s.isWordLike) out.push(stable === text ? s.segment : text.slice(s.index, s.index + s.segment.length));
  return out;
}

/**
 * ICU versions disagree on a colon between letters ("Nutzer:innen", "k:a"): Node's keeps it
 * inside the word, Chromium's splits it, so the browser (/try) would count other words than the
 * CLI. A middle dot is inside the word in every version of UAX #29; segmenting with it in the
 * colon's place (same length, so offsets hold) gives every engine Node's reading.
 */
function stableColons(text: string): string {
  return text.includes(":") ? text.replace(/(?<=\p{L}):(?=\p{L})/gu, "\u00B7") : text;
}

/**
 * words(text, language).length, faster for text cut into many short pieces by ASCII white space.
 * UAX #29 (and ICU) always break a word on both sides of ASCII white space, except that a mark,
 * format character or joiner right after it belongs to it; so when every piece starts with a
 * character that is none of those, the count is the sum of the pieces' counts, and a piece seen
 * before (most words are) costs a look-up instead of Intl.Segmenter's steps. Otherwise, and for
 * text longer than CHUNK (which words() segments in chunks), it is words().length.
 */
export function countWords(text: string, language = "und"): number {
  if (text.length > CHUNK) return words(text, language).length;
  const segmenter = wordSegmenter(language);
  let memo = pieceCounts.get(segmenter);
  if (!memo) pieceCounts.set(segmenter, (memo = new Map()));
  let n = 0;
  // The pieces between ASCII white space, read in place (most are ASCII words: no substring).
  for (let i = 0; i < text.length; ) {
    let c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      ++i;
      continue;
    }
    const from = i;
    let ascii = true;
    for (; i < text.length; ++i) {
      c = text.charCodeAt(i);
      if (c === 32 || (c >= 9 && c <= 13)) break;
      if (ascii && !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) ascii = false;
    }
    // Letters and digits of ASCII alone are one word in every locale (UAX #29 WB5, WB8-WB10).
    if (ascii) {
      ++n;
      continue;
    }
    const piece = text.slice(from, i);
    if (!SAFE_START.test(piece) && JOINS_BEFORE.test(piece)) return words(text, language).length;
    let count = memo.get(piece);
    if (count === undefined) {
      count = 0;
      for (const s of segmenter.segment(stableColons(piece))) if (s.isWordLike) ++count;
      if (memo.size >= PIECES_MAX) memo.clear();
      memo.set(piece, count);
    }
    n += count;
  }
  return n;
}

// Printable ASCII, Latin-1 and Latin Extended-A/B without the soft hyphen (a format character),
// dashes, quotation marks and the ellipsis: no mark, format character or joiner among them.
const SAFE_START = /^[\x21-\x7E\u00A1-\u00AC\u00AE-\u024F\u2010-\u2027]/;
// UAX #29's Extend (Grapheme_Extend, spacing marks, emoji modifiers), Format and ZWJ: the only
// characters that attach to the white space before them (WB4). Any other first character (Greek,
// Cyrillic, Arabic, Devanagari, CJK, …) starts a new word, so its piece can be counted alone.
const JOINS_BEFORE = /^[\p{M}\p{Grapheme_Extend}\p{Cf}\p{Emoji_Modifier}]/u;
const PIECES_MAX = 100_000;
const pieceCounts = new WeakMap<Intl.Segmenter, Map<string, number>>();

/** Characters per chunk handed to Intl.Segmenter; see segmentInChunks. */
const CHUNK = 2000;

/**
 * Intl.Segmenter segments, with offsets into `text`. V8's segment iterator costs time in
 * proportion to the whole string at every step, so a 2 MB paragraph would take hours; the text
 * is cut into chunks of about CHUNK characters at positions where `cut` says no segment can
 * span the cut (after white space for words, after a full stop and a space for sentences) and each chunk is segmented on its own.
 */
export function* segmentInChunks(segmenter: Intl.Segmenter, text: string, cut: (text: string, at: number) => boolean): Generator<Intl.SegmentData> {
  // One chunk: the segments are already what we would yield (offsets into `text`, input `text`).
  if (text.length <= CHUNK) return yield* segmenter.segment(text);
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      let k = to;
      while (k > from + CHUNK / 2 && !cut(text, k)) --k;
      if (k > from + CHUNK / 2) to = k;
      else if (/[\uD800-\uDBFF]/.test(text[to - 1])) --to;
    }
    const chunk = text.slice(from, to);
    for (const s of segmenter.segment(chunk)) yield {...s, index: s.index + from, input: text};
    from = to;
  }
}

/** Runs of letters and digits: the unit of the "nothing lost" accounting. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** tokens(text).length, without building the array (boilerplate rules ask it of every block). */
export function countTokens(text: string): number {
  // With surrogates a character may be two units: count as tokens() does.
  if (/[\uD800-\uDFFF]/.test(text)) return tokens(text).length;
  let n = 0;
  let inside = false;
  for (let i = 0; i < text.length; ++i) {
    const word = isLetterOrDigitUnit(text.charCodeAt(i));
    if (word && !inside) ++n;
    inside = word;
  }
  return n;
}

// Whether a UTF-16 unit is a letter or digit (/[\p{L}\p{N}]/u), remembered per unit: 0 not yet known, 1 no, 2 yes.
const LETTER_OR_DIGIT = new Uint8Array(65536);

export function isLetterOrDigitUnit(c: number): boolean {
  let known = LETTER_OR_DIGIT[c];
  if (known === 0) LETTER_OR_DIGIT[c] = known = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 2 : 1;
  return known === 2;
}
