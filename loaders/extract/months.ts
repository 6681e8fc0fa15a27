// Month names per language, read from the runtime's ICU data through Intl.DateTimeFormat, so a
// new language costs no hand-written list and no list can drift from CLDR. Names are folded
// (lower case, no diacritics, no trailing ".") so "Marz", "MÄRZ" and "März" are one key.

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
const LONG_OPTIONS: Intl.DateTimeFormatOptions[] = [{month: "long"}, {day: "numeric", month: "long"}, {day: "numeric", month: "long", year: "numeric"}, {month: "long", year: "numeric"}];
const SHORT_OPTIONS: Intl.DateTimeFormatOptions[] = [{month: "short"}, {day: "numeric", month: "short"}, {day: "numeric", month: "short", year: "numeric"}, {month: "short", year: "numeric"}];

const cache = new Map<string, ReadonlyMap<string, MonthName>>();

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

/**
 * The month-name index of one language: folded name → {month (1-12), form}. Empty when the
 * runtime has no data for the language or its month names are numerals (ja, zh "7月"): those
 * scripts are matched by their own numeric patterns.
 */
export function monthIndex(language: string): ReadonlyMap<string, MonthName> {
  const locale = supportedLanguage(language);
  if (!locale) return new Map();
  let index = cache.get(locale);
  if (index) return index;
  const built = new Map<string, MonthName>();
  const collect = (options: Intl.DateTimeFormatOptions[], form: MonthForm) => {
    for (const opts of options) {
      const format = new Intl.DateTimeFormat(locale, {...opts, timeZone: "UTC", calendar: "gregory", numberingSystem: "latn"});
      INSTANTS.forEach((instant, m) => {
        const part = format.formatToParts(instant).find((p) => p.type === "month")?.value ?? "";
        const name = foldMonth(part);
        // Numerals, multi-word names ("thg 7") and one-letter names cannot be matched as one word.
        if (!/^\p{L}{2,}$/u.test(name)) return;
        // A long name wins over an abbreviation that folds to the same key ("mai", "juni").
        if (!built.has(name)) built.set(name, {month: m + 1, form});
      });
    }
  };
  collect(LONG_OPTIONS, "long");
  collect(SHORT_OPTIONS, "short");
  index = built;
  cache.set(locale, index);
  return index;
}

/** Folded month name → month number (1-12) for one language, long names and abbreviations alike. */
export function monthNames(language: string): Map<string, number> {
  return new Map([...monthIndex(language)].map(([name, entry]) => [name, entry.month]));
}

/** The key a word is looked up by: folded, with one trailing abbreviation dot dropped. */
export function foldMonth(word: string): string {
  return fold(word).replace(/\.$/, "").trim();
}
