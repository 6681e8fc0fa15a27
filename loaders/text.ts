// Small text utilities shared by the pipeline steps.

/** Lower-cases and strips diacritics so lexicon terms match "Marz" and "März" alike. Length-preserving for BMP text without combining marks is NOT guaranteed: use only for matching, never for offsets. */
export function fold(text: string): string {
  // ASCII has no diacritics and NFKD leaves it alone: lower-casing is the whole fold.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

const ASCII = /^[\x00-\x7F]*$/;

const wordSegmenters = new Map<string, Intl.Segmenter>();

/** Word-like segments of `text` per Intl.Segmenter (works for scripts without spaces, such as Japanese). */
export function words(text: string, language = "und"): string[] {
  const locale = language === "und" ? undefined : language;
  const key = locale ?? "";
  let segmenter = wordSegmenters.get(key);
  if (!segmenter) wordSegmenters.set(key, (segmenter = new Intl.Segmenter(locale, {granularity: "word"})));
  const out: string[] = [];
  for (const s of segmentInChunks(segmenter, text, (t, k) => /\s/.test(t[k - 1]))) if (s.isWordLike) out.push(s.segment);
  return out;
}

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
