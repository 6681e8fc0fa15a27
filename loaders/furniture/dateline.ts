// A page's date line ("Publicado: viernes 2 may 2025 · 08:12 CEST", "3 мая 2025, 10:42",
// "27/06/2025 09h12 · Atualizado há 2 horas") and its reading-time line ("4 мин. чтения",
// "Tempo di lettura: 4 minuti"), recognised in any language from CLDR names read through Intl
// (vocabulary.ts): the line is made of date and time material, with at most a label word.
import {foldWord, type Vocabulary} from "./vocabulary.ts";

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const DIGITS = /^\p{Nd}+$/u;
// Numeric dates in any digits: 27/06/2025, 12.05.2025, 2025-05-03, and CJK 2025年5月3日, 2025년 5월.
const NUMERIC_DATE = /(?:^|[^\p{Nd}])(?:\p{Nd}{1,2}[./-]\p{Nd}{1,2}[./-]\p{Nd}{2,4}|\p{Nd}{4}[./-]\p{Nd}{1,2}[./-]\p{Nd}{1,2}|\p{Nd}{2,4}\s*[年년]\s*\p{Nd}{1,2}\s*[月월]|\p{Nd}{1,2}\s*[月월]\s*\p{Nd}{1,2}\s*[日일])/u;
const CLOCK = /\p{Nd}{1,2}\s*[:h時시]\s*\p{Nd}{2}/u;
const CJK_DATE_TOKEN = /^[\p{Nd}年月日時分秒년월일시분초号號]+$/u;
const ZONE = /^(?:[A-Z]{2,4}T|UTC|GMT|MSK|WIB|WITA|WIT|IST|KST|JST|HKT|SGT|AEST|ICT|PHT)$/;
const SEPARATORS = /\s[·|•—–-]\s|,\s|;\s/u;
const MAX_TOKENS = 16;

interface DateMaterial { anchor: boolean; longOther: number; other: number; date: number }

function read(text: string, vocab: Vocabulary): DateMaterial {
  let anchor = NUMERIC_DATE.test(text);
  let longOther = 0;
  let other = 0;
  let date = 0;
  // A label may stand before the date of each separated part ("Atualizado há 2 horas"), one long word per part.
  for (const part of text.split(SEPARATORS)) {
    let partLong = 0;
    for (const [token] of part.matchAll(TOKEN)) {
      const w = foldWord(token);
      if (DIGITS.test(token) || CJK_DATE_TOKEN.test(token) || ZONE.test(token) || /^\p{Nd}+h\p{Nd}+$/u.test(token)) { ++date; continue; }
      if (vocab.months.has(w) || vocab.weekdays.has(w)) { ++date; anchor = true; continue; }
      if (vocab.timeWords.has(w)) { ++date; continue; }
      ++other;
      // Connectors ("о", "ore", "at", "um", "de") are short; labels and prose words are long.
      if ([...w].length > 3) ++partLong;
    }
    if (partLong > 1) longOther += partLong + 1;
    else longOther += partLong;
  }
  return {anchor, longOther, other, date};
}

/** True when the block is a date line: a date (and maybe a time) with at most a label word or two. */
export function isDateLine(text: string, vocab: Vocabulary): boolean {
  const t = text.trim();
  if (t.length > 120 || /[.!?。]$/u.test(t) && !/\p{Nd}\.$|\b\p{L}{1,3}\.$/u.test(t)) return false;
  const m = read(t, vocab);
  if (m.date + m.other > MAX_TOKENS) return false;
  const anchored = m.anchor || (CLOCK.test(t) && m.date >= 3);
  // With a full date and a clock, a time-zone phrase may follow ("بتوقيت مكة المكرمة").
  const longMax = m.anchor && CLOCK.test(t) ? 4 : 2;
  return anchored && m.date >= 2 && m.longOther <= longMax && m.other <= Math.max(2, m.date - 1);
}

/** True when the block says how long the article takes to read: a number, a minute unit, a label. */
export function isReadingTime(text: string, vocab: Vocabulary): boolean {
  const t = text.trim();
  if (t.length > 60 || !/\p{Nd}/u.test(t)) return false;
  const tokens = t.match(TOKEN) ?? [];
  if (tokens.length > 6) return false;
  let unit = false;
  let other = 0;
  for (const token of tokens) {
    if (DIGITS.test(token)) continue;
    const w = foldWord(token);
    // CJK writes the unit onto the number ("5分で読めます").
    if (vocab.minuteWords.has(w) || /^\p{Nd}+(?:分|분|นาที)/u.test(token) && vocab.minuteWords.size) unit = true;
    else ++other;
  }
  return unit && other <= 3;
}
