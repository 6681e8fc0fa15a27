// Small text utilities shared by the pipeline steps.

/** Lower-cases and strips diacritics so lexicon terms match "Marz" and "März" alike. Length-preserving for BMP text without combining marks is NOT guaranteed: use only for matching, never for offsets. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

const wordSegmenters = new Map<string, Intl.Segmenter>();

/** Word-like segments of `text` per Intl.Segmenter (works for scripts without spaces, such as Japanese). */
export function words(text: string, language = "und"): string[] {
  const locale = language === "und" ? undefined : language;
  const key = locale ?? "";
  let segmenter = wordSegmenters.get(key);
  if (!segmenter) wordSegmenters.set(key, (segmenter = new Intl.Segmenter(locale, {granularity: "word"})));
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Runs of letters and digits: the unit of the "nothing lost" accounting. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
