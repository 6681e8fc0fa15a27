// What the furniture classifier knows of one language, built once per language and cached:
// its stopwords (from the stopword package, 60+ languages), and from the runtime's CLDR data
// through Intl its weekday names, the words of "2 hours ago" and the forms of the unit
// "minute". Nothing here is a hand list.
import * as stopwordLists from "stopword";
import {iso6393To1} from "iso-639-3";
import {monthIndex, supportedLanguage} from "../extract/months.ts";
import {fold} from "../text.ts";

export interface Vocabulary {
  language: string;
  /** Folded stopwords (see foldWord); empty when the package has no list for the language. */
  stopwords: ReadonlySet<string>;
  /** Folded month names (long, short, every grammatical form CLDR has). */
  months: ReadonlySet<string>;
  /** Folded weekday names, long and short. */
  weekdays: ReadonlySet<string>;
  /** Folded words of relative times ("há", "horas", "ago", "назад") and day periods (am, pm). */
  timeWords: ReadonlySet<string>;
  /** Folded words of the unit "minute" in every length and plural form ("minuti", "min", "мин"). */
  minuteWords: ReadonlySet<string>;
  /** True when words are not separated by spaces (ja, zh, th): word counts come from Intl.Segmenter. */
  spaceless: boolean;
  segmenter: Intl.Segmenter;
}

/** Lower case, no diacritics, Greek final sigma as sigma: the stopword lists are written so. */
export function foldWord(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    // Punctuation around a word ("«Meta»,", "(und") is not part of it.
    folded = fold(word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).replace(/ς/g, "σ");
    if (folds.size >= FOLDS_MAX) folds.clear();
    folds.set(word, folded);
  }
  return folded;
}

// Most words of a page were seen before: a look-up is cheaper than Unicode normalisation.
const folds = new Map<string, string>();
const FOLDS_MAX = 200_000;

const ISO1_TO_3 = new Map<string, string>();
for (const [three, one] of Object.entries(iso6393To1 as Record<string, string>)) if (!ISO1_TO_3.has(one)) ISO1_TO_3.set(one, three);
// The package names some lists by macrolanguage or by variant.
const LIST_NAME: Record<string, string> = {ms: "msa", zh: "zho", ar: "ara", nb: "nob", no: "nob", fa: "fas", sw: "swa"};

const SPACELESS = new Set(["ja", "zh", "th", "lo", "km", "my"]);
const SAMPLE_COUNTS = [1, 2, 3, 4, 5, 11, 21, 22, 25, 100];
const cache = new Map<string, Vocabulary>();

export function vocabulary(language: string): Vocabulary {
  let v = cache.get(language);
  if (!v) cache.set(language, (v = build(language)));
  return v;
}

function build(language: string): Vocabulary {
  const locale = supportedLanguage(language);
  const lists = stopwordLists as unknown as Record<string, unknown>;
  const listName = LIST_NAME[language] ?? ISO1_TO_3.get(language) ?? "";
  const list = Array.isArray(lists[listName]) ? (lists[listName] as string[]) : [];
  const stopwords = new Set(list.map(foldWord));
  const months = new Set(monthIndex(language).keys());
  const weekdays = new Set<string>();
  const timeWords = new Set<string>();
  const minuteWords = new Set<string>();
  if (locale) {
    for (const weekday of ["long", "short"] as const) {
      const format = new Intl.DateTimeFormat(locale, {weekday, timeZone: "UTC"});
      // 2024-01-01 was a Monday: seven noons give the seven names.
      for (let d = 0; d < 7; ++d) for (const w of wordsOf(format.format(Date.UTC(2024, 0, 1 + d, 12)))) weekdays.add(w);
    }
    for (const style of ["long", "short", "narrow"] as const) {
      const relative = new Intl.RelativeTimeFormat(locale, {style, numeric: "always"});
      for (const unit of ["minute", "hour", "day"] as const) for (const n of SAMPLE_COUNTS) for (const w of wordsOf(relative.format(-n, unit))) timeWords.add(w);
      const minutes = new Intl.NumberFormat(locale, {style: "unit", unit: "minute", unitDisplay: style});
      for (const n of SAMPLE_COUNTS) for (const part of minutes.formatToParts(n)) if (part.type === "unit") for (const w of wordsOf(part.value)) minuteWords.add(w);
    }
    const clock = new Intl.DateTimeFormat(locale, {hour: "numeric", hour12: true, timeZone: "UTC"});
    for (const h of [3, 15]) for (const part of clock.formatToParts(Date.UTC(2024, 0, 1, h))) if (part.type === "dayPeriod") for (const w of wordsOf(part.value)) timeWords.add(w);
  }
  return {language, stopwords, months, weekdays, timeWords, minuteWords, spaceless: SPACELESS.has(language), segmenter: new Intl.Segmenter(locale ?? undefined, {granularity: "word"})};
}

function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{M}]+/gu) ?? []).map(foldWord).filter((w) => w.length > 0);
}
