// Locale-aware reading of numerals written in running text ("1.234,5", "81.7", "1 000",
// "12,34,567", "７００"). Shared by the extractors (figures, dates): pure and deterministic.
//
// Why hand-written: Intl.NumberFormat only formats, it never parses, and no installed library
// parses numerals in a language's own conventions. The locale's symbols themselves are not
// hand-written: they come from Intl.NumberFormat(lang).formatToParts, so every locale ICU knows
// works. What is hand-written is the disambiguation that a formatter never needs: writers mix
// conventions (an English figure quoted in a German text), and "1.234" is a thousand in German
// but a decimal in English.

/** The separators and grouping sizes a locale uses when it writes numbers. */
export interface NumberSymbols {
  /** Locale tag the symbols were resolved for ("und" when the given tag was unusable). */
  locale: string;
  group: string;
  decimal: string;
  /** Size of the rightmost integer group (3 almost everywhere). */
  primaryGroup: number;
  /** Size of the other integer groups (2 in Indian lakh/crore grouping, else 3). */
  secondaryGroup: number;
}

const symbolsCache = new Map<string, NumberSymbols>();

/**
 * The number symbols of `lang` (a BCP 47 tag such as "de", "pt-BR", "ms"), from ICU. An empty,
 * malformed or undetermined tag falls back to the root locale ("und"), whose symbols do not
 * depend on the host the code runs on (unlike the runtime's default locale).
 */
export function numberSymbols(lang: string): NumberSymbols {
  const cached = symbolsCache.get(lang);
  if (cached) return cached;
  let format: Intl.NumberFormat;
  let locale = lang;
  try {
    if (!lang || lang.trim() === "") throw new RangeError("empty tag");
    format = new Intl.NumberFormat(lang, {useGrouping: true});
  } catch {
    locale = "und";
    format = new Intl.NumberFormat("und", {useGrouping: true});
  }
  const parts = format.formatToParts(1234567890.5);
  const group = parts.find((p) => p.type === "group")?.value ?? ",";
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
  const integers = parts.filter((p) => p.type === "integer").map((p) => p.value.length);
  const primaryGroup = integers.length >= 2 ? integers[integers.length - 1] : 3;
  const secondaryGroup = integers.length >= 3 ? integers[integers.length - 2] : primaryGroup;
  const symbols = {locale, group, decimal, primaryGroup, secondaryGroup};
  if (symbolsCache.size > 512) symbolsCache.clear(); // arbitrary tags must not grow memory forever
  symbolsCache.set(lang, symbols);
  return symbols;
}

const ND = /^\p{Nd}$/u;

/**
 * The value 0–9 of a decimal digit in any script (ASCII, full-width, Arabic-Indic, Devanagari…),
 * or -1. Unicode guarantees decimal digits come in contiguous runs of ten starting at zero, so
 * the value is the distance to the start of the run, modulo 10; no table is needed.
 */
export function digitValue(ch: string): number {
  const cp = ch.codePointAt(0);
  if (cp === undefined) return -1;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (!ND.test(String.fromCodePoint(cp))) return -1;
  let start = cp;
  while (start > 0 && cp - start < 60 && ND.test(String.fromCodePoint(start - 1))) --start;
  return (cp - start) % 10;
}

// Whether a code point of the BMP is a decimal digit (1) or not (2), learnt on first sight:
// isDigitAt runs at every word start of a passage, where a string and a regular expression per
// non-ASCII character cost more than the rest of the test.
const DIGIT_BMP = new Uint8Array(0x10000);

/** True when the code point at `index` of `text` is a decimal digit in any script. */
export function isDigitAt(text: string, index: number): boolean {
  const cp = text.codePointAt(index);
  if (cp === undefined) return false;
  if (cp >= 0x30 && cp <= 0x39) return true;
  if (cp <= 0x7f) return false;
  if (cp > 0xffff) return ND.test(String.fromCodePoint(cp));
  return (DIGIT_BMP[cp] ||= ND.test(String.fromCodePoint(cp)) ? 1 : 2) === 1;
}

/** Replaces every decimal digit of any script by its ASCII digit; other characters are kept. */
export function toAsciiDigits(text: string): string {
  let out = "";
  for (const ch of text) {
    const d = digitValue(ch);
    out += d >= 0 ? String(d) : ch;
  }
  return out;
}

// Separators that can sit between digits of one numeral. Whitespace is handled apart, because a
// plain space also separates two numerals ("im Jahr 2025 65 Milliarden").
const TYPOGRAPHIC_SPACES = new Set(["\u00A0", "\u202F", "\u2009", "\u2007"]);
const ALWAYS_GROUP = new Set(["'", "\u2019", "\u066C"]); // apostrophes (de-CH), Arabic thousands mark
const ARABIC_DECIMAL = "\u066B";

function digitRunEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && isDigitAt(text, i)) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}

function digitCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += text.codePointAt(i)! > 0xffff ? 2 : 1) ++n;
  return n;
}

// What scanNumeral derives from a locale's symbols, once per symbols object rather than per numeral.
const scanRulesCache = new WeakMap<NumberSymbols, {spaceGrouping: boolean; seps: ReadonlySet<string>}>();

function scanRules(symbols: NumberSymbols): {spaceGrouping: boolean; seps: ReadonlySet<string>} {
  let rules = scanRulesCache.get(symbols);
  if (!rules) {
    const spaceGrouping = /^\s$/u.test(symbols.group);
    const seps = new Set([".", ",", ARABIC_DECIMAL, ...ALWAYS_GROUP]);
    if (!/^\s$/u.test(symbols.group)) seps.add(symbols.group);
    if (!/^\s$/u.test(symbols.decimal)) seps.add(symbols.decimal);
    scanRulesCache.set(symbols, (rules = {spaceGrouping, seps}));
  }
  return rules;
}

/**
 * The end index of the numeral that starts at `index` in `text` (a digit run with the separators
 * that may join digit groups), or `index` itself when no digit starts there. The span is not
 * validated: pass `text.slice(index, end)` to `parseLocaleDecimal`, which returns null for
 * things like version numbers ("3.1.2").
 */
export function scanNumeral(text: string, index: number, lang: string): number {
  if (!isDigitAt(text, index)) return index;
  const {spaceGrouping, seps} = scanRules(numberSymbols(lang));
  let end = digitRunEnd(text, index);
  // Space grouping is accepted only while the numeral so far is "d{1,3}( ddd)*": "1 000 000".
  let spaceGroupsOk = digitCount(text, index, end) <= 3;
  for (;;) {
    const c = text[end];
    if (c === undefined) break;
    const next = end + 1;
    if (seps.has(c) && isDigitAt(text, next)) {
      end = digitRunEnd(text, next);
      spaceGroupsOk = false;
      continue;
    }
    const spaceLike = TYPOGRAPHIC_SPACES.has(c) || (spaceGrouping && (c === " " || /^\s$/u.test(c) && c !== "\n" && c !== "\r"));
    if (spaceLike && spaceGroupsOk && isDigitAt(text, next)) {
      const runEnd = digitRunEnd(text, next);
      if (digitCount(text, next, runEnd) === 3) {
        end = runEnd;
        continue;
      }
    }
    break;
  }
  return end;
}

function isSpaceChar(c: string): boolean {
  return /^\s$/u.test(c);
}

/**
 * Reads a numeral written in the conventions of `lang` and returns it as a plain decimal string
 * ("1234.5", "-0.25"), exact (no binary rounding), or null when `text` is not one well-formed
 * numeral. Rules, in order:
 * - spaces (any kind) and apostrophes between digit groups are always grouping;
 * - with both "." and ",", the one written last is the decimal separator;
 * - one separator written several times is grouping ("1.234.567");
 * - one separator written once is grouping only when exactly 3 digits follow, the integer part
 *   is not 0, and it is not the locale's decimal separator: "81.7" is 81.7 everywhere, "1.234"
 *   is 1234 in German and 1.234 in English, "65.000" is 65000 in Spanish;
 * - before a scale word (`beforeScale`), three digits ending in 0 after a lone separator are a
 *   group even when the separator is the locale's decimal mark: "US$ 45,000 millones" is 45 000
 *   millions, since nobody writes 45.000 million with trailing zeros; "1,234 millones" stays 1.234;
 * - grouped integer parts must have 3-digit groups (or the locale's own, e.g. Indian 2-digit).
 */
export function parseLocaleDecimal(text: string, lang: string, options: {beforeScale?: boolean} = {}): string | null {
  // Most numerals of a text are plain ASCII digit runs ("2025", "65"): no sign, no separator,
  // so the rules below come down to dropping leading zeros.
  if (isAsciiDigits(text)) {
    let z = 0;
    while (z < text.length - 1 && text.charCodeAt(z) === 0x30) ++z;
    return z ? text.slice(z) : text;
  }
  let s = toAsciiDigits(text.trim());
  let sign = "";
  if (/^[-\u2212+]/.test(s)) {
    sign = s[0] === "+" ? "" : "-";
    s = s.slice(1);
  }
  const m = /^(\d+)((?:\D\d+)*)$/u.exec(s);
  if (!m) return null;
  const groups = s.split(/\D/u);
  const seps = Array.from(s.matchAll(/\D/gu), (x) => x[0]);
  const symbols = numberSymbols(lang);
  const kinds = seps.map((c): "G" | "D" | "?" | "X" => {
    if (isSpaceChar(c) || ALWAYS_GROUP.has(c)) return "G";
    if (c === ARABIC_DECIMAL) return "D";
    if (c === "." || c === "," || c === symbols.group || c === symbols.decimal) return "?";
    return "X";
  });
  if (kinds.includes("X")) return null;
  const dots = seps.filter((c) => c === ".").length;
  const commas = seps.filter((c) => c === ",").length;
  let decimalChar: string | null = null;
  if (dots && commas) decimalChar = seps.lastIndexOf(".") > seps.lastIndexOf(",") ? "." : ",";
  else if (dots + commas === 1) {
    const c = dots ? "." : ",";
    const at = seps.indexOf(c);
    const after = groups[at + 1];
    const before = groups.slice(0, at + 1);
    if (kinds.includes("G")) decimalChar = c; // "1 234,5": a lone mark after space groups is decimal
    else if (after.length !== 3 || before.join("") === "0" || /^0/.test(before[0]) && before[0].length > 1) decimalChar = c;
    else if (options.beforeScale && after.endsWith("0")) decimalChar = null;
    else if (c === symbols.decimal) decimalChar = c;
  }
  if (kinds.includes("D")) {
    if (decimalChar !== null) return null; // "1,5٫2": two decimal marks
    decimalChar = ARABIC_DECIMAL;
  }
  const resolved = seps.map((c, i) => (kinds[i] === "G" ? "G" : decimalChar !== null && c === decimalChar ? "D" : "G"));
  const decimals = resolved.filter((k) => k === "D").length;
  if (decimals > 1) return null;
  if (decimals === 1 && resolved[resolved.length - 1] !== "D") return null;
  const intGroups = decimals ? groups.slice(0, -1) : groups;
  const fraction = decimals ? groups[groups.length - 1] : "";
  const groupChars = new Set(seps.filter((_, i) => resolved[i] === "G").map((c) => (isSpaceChar(c) ? " " : c === "\u2019" ? "'" : c)));
  if (groupChars.size > 1) return null;
  if (intGroups.length > 1 && !validGrouping(intGroups, symbols)) return null;
  const integer = intGroups.join("").replace(/^0+(?=\d)/, "");
  return sign + integer + (fraction ? `.${fraction}` : "");
}

function isAsciiDigits(text: string): boolean {
  if (!text.length) return false;
  for (let i = 0; i < text.length; ++i) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function validGrouping(groups: string[], symbols: NumberSymbols): boolean {
  const ok = (primary: number, secondary: number) => {
    if (groups[groups.length - 1].length !== primary) return false;
    for (let i = 1; i < groups.length - 1; ++i) if (groups[i].length !== secondary) return false;
    return groups[0].length >= 1 && groups[0].length <= secondary && !(groups[0].startsWith("0"));
  };
  return ok(3, 3) || ok(symbols.primaryGroup, symbols.secondaryGroup);
}

/**
 * Reads a numeral written in the conventions of `lang` ("1.234,5" in "de" → 1234.5; "1,234.5" in
 * "ms" → 1234.5; "81.7" in "de" → 81.7). Null when `text` is not one well-formed numeral or its
 * value is not a finite number.
 */
export function parseLocaleNumber(text: string, lang: string): number | null {
  const decimal = parseLocaleDecimal(text, lang);
  if (decimal === null) return null;
  const value = Number(decimal);
  return Number.isFinite(value) ? value : null;
}
