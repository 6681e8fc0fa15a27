// Month names per language, read from the runtime's ICU data through Intl.DateTimeFormat, so a
// new language costs no hand-written list and no list can drift from CLDR. Names are folded
// (lower case, no diacritics, no trailing ".") so "Marz", "MÄRZ" and "März" are one key.
// Regional variants of a language are merged in: Arabic as written in Iraq and the Levant
// ("تموز", "كانون الثاني") and the Maghreb ("جويلية"), Austrian "Jänner", Peruvian "setiembre".

import {fold} from "../text.ts";

export type MonthForm = "long" | "short";

export interface MonthName {
  month: number;
  /** "long" when the name is a full month name in any form, "short" when it is only an abbreviation. */
  form: MonthForm;
}

/** Languages tried, in this order of preference, when a passage's language is undetermined. */
export const FALLBACK_LANGUAGES: readonly string[] = ["en", "de", "fr", "es", "it", "pt", "nl", "ms", "id"];

// Mid-month, mid-day UTC instants: no time zone can move them into another month. A number, not
// a Date object, so nothing here reads the clock.
const INSTANTS = Array.from({length: 12}, (_, m) => Date.UTC(2024, m, 15, 12));

// Standalone forms ({month} alone) and format forms (inside a full date) differ in languages
// with grammatical case: Russian "март" / "марта", Polish "marzec" / "marca", Catalan "de març".
const STANDALONE_LONG: Intl.DateTimeFormatOptions = {month: "long"};
const LONG_OPTIONS: Intl.DateTimeFormatOptions[] = [STANDALONE_LONG, {day: "numeric", month: "long"}, {day: "numeric", month: "long", year: "numeric"}, {month: "long", year: "numeric"}];
const SHORT_OPTIONS: Intl.DateTimeFormatOptions[] = [{month: "short"}, {day: "numeric", month: "short"}, {day: "numeric", month: "short", year: "numeric"}, {month: "short", year: "numeric"}];

/** A language's month names: single words, and names of two words ("كانون الثاني", "de març" read as "març"). */
export interface MonthVocabulary {
  words: ReadonlyMap<string, MonthName>;
  /** Folded two-word names, the words joined by one space. */
  phrases: ReadonlyMap<string, MonthName>;
  /** Every folded long single-word name with its month, for matching inflected forms by stem. */
  longForms: ReadonlyArray<{form: string; month: number}>;
  /** A word every long name is written with, before the month's number (Vietnamese "tháng 3"), or "". */
  numberedPrefix: string;
  /** The names as CLDR writes them (NFC, unfolded), for scripts written without spaces (Thai). */
  raw: ReadonlyMap<string, MonthName>;
}

const cache = new Map<string, MonthVocabulary>();

/** A canonical locale tag when the runtime has data for `language`, else null ("und", "", invalid tags). */
export function supportedLanguage(language: string): string | null {
  if (!language || language === "und") return null;
  // Asked for every passage; the runtime's locale data does not change while it runs.
  const known = supported.get(language);
  if (known !== undefined) return known;
  let answer: string | null;
  try {
    const [canonical] = Intl.getCanonicalLocales(language);
    answer = canonical && Intl.DateTimeFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : null;
  } catch {
    // An ill-formed tag is a property of the input, not a failure: it just has no month names.
    answer = null;
  }
  supported.set(language, answer);
  return answer;
}

const supported = new Map<string, string | null>();

let regionsByLanguage: Map<string, string[]> | null = null;

/**
 * Regions whose most likely language is `language` (CLDR likely subtags through
 * Intl.Locale#maximize): Iraq and Syria for Arabic, Austria for German. Asking every region of
 * the world for its month names costs ~50 ms a language; these few cost ~2 ms.
 */
function regionsOf(language: string): string[] {
  if (!regionsByLanguage) {
    regionsByLanguage = new Map();
    const names = new Intl.DisplayNames("en", {type: "region"});
    for (let a = 65; a <= 90; ++a) {
      for (let b = 65; b <= 90; ++b) {
        const region = String.fromCharCode(a, b);
        try {
          if (names.of(region) === region) continue;
          const likely = new Intl.Locale(`und-${region}`).maximize();
          const list = regionsByLanguage.get(likely.language) ?? [];
          list.push(`${region}`);
          regionsByLanguage.set(likely.language, list);
        } catch {
          // A code the runtime does not know is no region.
        }
      }
    }
  }
  return regionsByLanguage.get(language) ?? [];
}

function monthParts(locale: string, options: Intl.DateTimeFormatOptions): string[] {
  const format = new Intl.DateTimeFormat(locale, {...options, timeZone: "UTC", calendar: "gregory", numberingSystem: "latn"});
  return INSTANTS.map((instant) => format.formatToParts(instant).find((p) => p.type === "month")?.value ?? "");
}

/** The month vocabulary of one language and its regional variants; built once, cached. */
export function monthVocabulary(language: string): MonthVocabulary {
  const locale = supportedLanguage(language);
  const empty: MonthVocabulary = {words: new Map(), phrases: new Map(), longForms: [], numberedPrefix: "", raw: new Map()};
  if (!locale) return empty;
  let vocabulary = cache.get(locale);
  if (vocabulary) return vocabulary;
  const words = new Map<string, MonthName>();
  const phrases = new Map<string, MonthName>();
  const longForms = new Map<string, number>();
  const raw = new Map<string, MonthName>();
  const base = locale.split("-")[0];
  // A formatter costs far more than its twelve months: the standalone long names, asked for the
  // comparison of regions, the collection and the numbered prefix, are read once per locale.
  const standalone = new Map<string, string[]>();
  const parts = (loc: string, options: Intl.DateTimeFormatOptions): string[] => {
    if (options !== STANDALONE_LONG) return monthParts(loc, options);
    let names = standalone.get(loc);
    if (!names) standalone.set(loc, (names = monthParts(loc, options)));
    return names;
  };
  const baseNames = parts(locale, STANDALONE_LONG).join("|");
  const locales = [locale];
  // Regional variants only for a bare language tag; "de-AT" already is one.
  if (locale === base) {
    for (const region of regionsOf(base)) {
      const regional = `${base}-${region}`;
      try {
        if (parts(regional, STANDALONE_LONG).join("|") !== baseNames) locales.push(regional);
      } catch {
        // No data for that region: the language's own names stand.
      }
    }
  }
  const collect = (loc: string, options: Intl.DateTimeFormatOptions[], form: MonthForm) => {
    for (const opts of options) {
      parts(loc, opts).forEach((part, m) => {
        // Catalan writes the preposition into the format form ("de març", "d’abril").
        const name = foldMonth(part).replace(/^(?:de\s+|d['’]\s*)/u, "");
        const entry: MonthName = {month: m + 1, form};
        // Thai abbreviations carry dots inside ("พ.ค."); the dots stay part of the name.
        const written = part.normalize("NFC");
        if (/^\p{L}[\p{L}\p{M}.]+$/u.test(written) && !raw.has(written)) raw.set(written, entry);
        if (/^\p{L}{2,}$/u.test(name)) {
          // A long name wins over an abbreviation that folds to the same key ("mai", "juni").
          if (!words.has(name)) words.set(name, entry);
          if (form === "long") longForms.set(name, m + 1);
        } else if (/^\p{L}{2,} \p{L}{2,}$/u.test(name)) {
          if (!phrases.has(name)) phrases.set(name, entry);
        }
      });
    }
  };
  for (const loc of locales) collect(loc, LONG_OPTIONS, "long");
  for (const loc of locales) collect(loc, SHORT_OPTIONS, "short");
  // "tháng 1" … "tháng 12": one word and the month's number.
  const long = parts(locale, STANDALONE_LONG).map(foldMonth);
  const prefix = /^(\p{L}+) 1$/u.exec(long[0])?.[1] ?? "";
  const numberedPrefix = prefix && long.every((name, m) => name === `${prefix} ${m + 1}`) ? prefix : "";
  vocabulary = {words, phrases, longForms: [...longForms].map(([form, month]) => ({form, month})), numberedPrefix, raw};
  cache.set(locale, vocabulary);
  return vocabulary;
}

/**
 * The month-name index of one language: folded name → {month (1-12), form}. Empty when the
 * runtime has no data for the language or its month names are numerals (ja, zh "7月"): those
 * scripts are matched by their own numeric patterns.
 */
export function monthIndex(language: string): ReadonlyMap<string, MonthName> {
  return monthVocabulary(language).words;
}

/** Folded month name → month number (1-12) for one language, long names and abbreviations alike. */
export function monthNames(language: string): Map<string, number> {
  return new Map([...monthIndex(language)].map(([name, entry]) => [name, entry.month]));
}

/** The key a word is looked up by: folded, with one trailing abbreviation dot dropped. */
export function foldMonth(word: string): string {
  return fold(word).replace(/\.$/, "").trim();
}
