// How a language writes a date, read from CLDR through Intl.DateTimeFormat#formatToParts: the
// order of day, month and year, the words between them ("de", "del", "năm", "m."), weekday
// names, the day/month order of numeric dates, and the era offset of a non-Gregorian default
// calendar (Thai Buddhist years, 2568 = 2025). Month names live in ./months.ts. Built once per
// language and cached; nothing here reads the clock (instants are numbers).

import {fold} from "../text.ts";
import {supportedLanguage} from "./months.ts";

export interface CalendarVocabulary {
  /** Order of the fields in the language's long date: "dmy" (most), "mdy" (en, tl), "ymd" (hu, lt, ko). */
  order: "dmy" | "mdy" | "ymd";
  /** Order of a numeric day and month without a year: "md" for 3/5 meaning 5 March (en-US, ja), else "dm". */
  numericOrder: "dm" | "md";
  /** Words (lower case, as written) CLDR puts between the month and the year, or after the year ("de", "del", "năm", "г", "m", "gada"). */
  connectors: ReadonlySet<string>;
  /** Folded weekday names, long and short, format and stand-alone. */
  weekdays: ReadonlySet<string>;
  /** Letters CLDR glues to the front of a month name in a date (Hebrew "במרץ"). */
  monthPrefixes: readonly string[];
  /** Years of the language's default calendar minus Gregorian years (Thai Buddhist: 543), or 0. */
  eraOffset: number;
}

const cache = new Map<string, CalendarVocabulary>();

const MARCH_5 = Date.UTC(2024, 2, 5, 12);
// A week of noon instants, Monday 4 March 2024 to Sunday 10 March.
const WEEK = Array.from({length: 7}, (_, d) => Date.UTC(2024, 2, 4 + d, 12));

const NONE: CalendarVocabulary = {order: "dmy", numericOrder: "dm", connectors: new Set(), weekdays: new Set(), monthPrefixes: [], eraOffset: 0};

function parts(locale: string, options: Intl.DateTimeFormatOptions, instant = MARCH_5, calendar = "gregory"): Intl.DateTimeFormatPart[] {
  return new Intl.DateTimeFormat(locale, {...options, timeZone: "UTC", calendar, numberingSystem: "latn"}).formatToParts(instant);
}

export function calendarVocabulary(language: string): CalendarVocabulary {
  const locale = supportedLanguage(language);
  if (!locale) return NONE;
  let vocabulary = cache.get(locale);
  if (vocabulary) return vocabulary;
  const full = parts(locale, {day: "numeric", month: "long", year: "numeric"});
  const fields = full.filter((p) => p.type === "day" || p.type === "month" || p.type === "year").map((p) => p.type[0]).join("");
  const order = fields === "mdy" || fields === "ymd" ? fields : "dmy";
  const numeric = parts(locale, {day: "numeric", month: "numeric"}).filter((p) => p.type === "day" || p.type === "month");
  const numericOrder = numeric[0]?.type === "month" ? "md" : "dm";
  const connectors = new Set<string>();
  const monthPrefixes: string[] = [];
  for (const options of [{day: "numeric", month: "long", year: "numeric"}, {month: "long", year: "numeric"}, {day: "numeric", month: "short", year: "numeric"}] as const) {
    const ps = parts(locale, options);
    ps.forEach((p, i) => {
      if (p.type !== "literal") return;
      for (const w of p.value.normalize("NFC").toLowerCase().split(/[^\p{L}\p{M}]+/u)) if (w) connectors.add(w);
      // A literal that ends in a letter touching the month: " ב" + "מרץ".
      const glued = /\s(\p{L}{1,2})$/u.exec(p.value);
      if (glued && ps[i + 1]?.type === "month" && !monthPrefixes.includes(glued[1])) monthPrefixes.push(glued[1]);
    });
  }
  const weekdays = new Set<string>();
  for (const weekday of ["long", "short"] as const) {
    for (const options of [{weekday}, {weekday, day: "numeric", month: "long"}] as const) {
      const format = new Intl.DateTimeFormat(locale, {...options, timeZone: "UTC", calendar: "gregory"});
      for (const instant of WEEK) {
        const name = fold(format.formatToParts(instant).find((p) => p.type === "weekday")?.value ?? "").replace(/\.$/, "");
        if (name) weekdays.add(name);
      }
    }
  }
  // The default calendar's year for a Gregorian year: Thai "2567" for 2024.
  const calendar = new Intl.DateTimeFormat(locale).resolvedOptions().calendar;
  let eraOffset = 0;
  if (calendar === "buddhist") {
    const year = Number(parts(locale, {year: "numeric"}, Date.UTC(2024, 6, 1, 12), "buddhist").find((p) => p.type === "year")?.value);
    if (Number.isFinite(year)) eraOffset = year - 2024;
  }
  vocabulary = {order, numericOrder, connectors, weekdays, monthPrefixes, eraOffset};
  cache.set(locale, vocabulary);
  return vocabulary;
}

let digitValues: Map<string, number> | null = null;

/**
 * The value of every decimal digit of every numbering system ICU knows (Arabic-Indic "٣",
 * Persian "۳", Devanagari "३", Thai "๓", full-width "３"), read through Intl.NumberFormat.
 */
export function digitValue(ch: string): number | undefined {
  if (ch >= "0" && ch <= "9") return ch.charCodeAt(0) - 48;
  if (!digitValues) {
    digitValues = new Map();
    for (const system of Intl.supportedValuesOf("numberingSystem")) {
      try {
        const digits = [...new Intl.NumberFormat(`en-u-nu-${system}`, {useGrouping: false}).format(1234567890)];
        if (digits.length !== 10) continue;
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 0].forEach((value, i) => {
          if (!digitValues!.has(digits[i])) digitValues!.set(digits[i], value);
        });
      } catch {
        // An algorithmic numbering system (Roman, Han) has no digits.
      }
    }
    for (let i = 0; i < 10; ++i) digitValues.set(String.fromCharCode(0xff10 + i), i);
  }
  return digitValues.get(ch);
}

/** A string of decimal digits of any script as a number (NaN if one is not a digit). */
export function digitsToNumber(digits: string): number {
  let n = 0;
  for (const ch of digits) {
    const v = digitValue(ch);
    if (v === undefined) return NaN;
    n = n * 10 + v;
  }
  return n;
}
