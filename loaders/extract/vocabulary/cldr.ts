// The figures vocabulary that CLDR already holds, read from Intl at start-up for one language:
// scale words in every plural form ("миллион", "миллиона", "миллионов"; "억"; "tỷ"), their short
// forms ("млрд", "Mrd.", "δισ."), currency names in every plural form ("долар США", "доларів
// США"), symbols and narrow symbols ("₴", "zł", "kr"), and the ISO codes. Built once per
// language and cached; data/lexicon/figures.csv keeps only what CLDR lacks (see README-figures.md).
//
// Why from Intl: Node's ICU carries CLDR for every locale, so a language nobody listed gets its
// scale and currency words for free, with the same plural forms a formatter would write.

import type {FigureTerm} from "../figures.ts";
import {foldWord} from "./fold.ts";

const BIDI = /[\u200e\u200f\u061c\u00a0\u202f]/g;
const SPACELESS = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
/** Stems shorter than this are matched exactly: a short stem would swallow unrelated words. */
const MIN_STEM = 4;

function term(text: string, type: FigureTerm["type"], value: string, lang: string, extra: Partial<FigureTerm> = {}): FigureTerm {
  return {term: text, type, value, languages: [lang], fallback: false, caseSensitive: false, abbrev: false, line: 0, origin: "cldr", ...extra};
}

/** One integer per plural category of `lang` (1 → "one", 2 → "few"…), so every form gets written. */
export function pluralSamples(lang: string): number[] {
  const rules = new Intl.PluralRules(lang);
  const want = new Set(rules.resolvedOptions().pluralCategories);
  const out: number[] = [];
  for (let n = 1; n <= 200 && want.size; ++n) {
    const c = rules.select(n);
    if (want.delete(c)) out.push(n);
  }
  return out;
}

function displayed(parts: Intl.NumberFormatPart[]): number {
  const int = parts.filter((p) => p.type === "integer").map((p) => p.value).join("");
  const frac = parts.find((p) => p.type === "fraction")?.value ?? "";
  return Number(frac ? `${int}.${frac}` : int);
}

function longestCommonPrefix(words: string[]): string {
  let p = words[0] ?? "";
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

const letters = (s: string) => Array.from(s).filter((c) => /\p{L}/u.test(c)).length;

/**
 * The terms for a list of forms of one word or phrase: one stem term when every word position
 * shares a stem of MIN_STEM letters or more (so the case endings CLDR does not list still
 * match), else the forms themselves.
 */
function stemmed(forms: string[], make: (text: string, stem: boolean) => FigureTerm): FigureTerm[] {
  const unique = [...new Set(forms.map((f) => f.replace(BIDI, " ").replace(/\s+/g, " ").trim()).filter(Boolean))];
  if (!unique.length) return [];
  if (unique.some((f) => SPACELESS.test(f))) return unique.map((f) => make(f, false));
  const split = unique.map((f) => f.split(" "));
  const n = split[0].length;
  if (split.every((w) => w.length === n)) {
    const words: string[] = [];
    let stemOk = true;
    for (let i = 0; i < n; ++i) {
      const col = split.map((w) => w[i]);
      if (new Set(col).size === 1 && letters(col[0]) < MIN_STEM) {
        words.push(col[0]);
        continue;
      }
      const p = longestCommonPrefix(col.map(foldWord));
      if (letters(p) < MIN_STEM || !/\p{L}$/u.test(p)) stemOk = false;
      words.push(p);
    }
    if (stemOk && words.some((w) => letters(w) >= MIN_STEM)) return [make(words.join(" "), true)];
  }
  return unique.map((f) => make(f, false));
}

function scaleTerms(lang: string): FigureTerm[] {
  const samples = pluralSamples(lang);
  const out: FigureTerm[] = [];
  for (const display of ["long", "short"] as const) {
    const f = new Intl.NumberFormat(lang, {notation: "compact", compactDisplay: display, numberingSystem: "latn"});
    const byExp = new Map<number, string[]>();
    const expOf = new Map<string, number>();
    for (let e = 3; e <= 15; ++e) {
      for (const m of samples) {
        const n = m * 10 ** e;
        const parts = f.formatToParts(n);
        const word = parts.filter((p) => p.type === "compact").map((p) => p.value).join("").replace(BIDI, " ").trim();
        const shown = displayed(parts);
        if (!word || !shown) continue;
        const exp = Math.round(Math.log10(n / shown));
        if (exp <= 0 || Math.abs(10 ** exp * shown - n) > 1e-6 * n) continue;
        if (expOf.has(word) && expOf.get(word) !== exp) continue;
        expOf.set(word, exp);
        const list = byExp.get(exp) ?? [];
        if (!list.includes(word)) list.push(word);
        byExp.set(exp, list);
      }
    }
    for (const [exp, words] of byExp) {
      if (display === "short") {
        for (const w of words) {
          // One-letter short forms ("K", "M", "E", "N") are too ambiguous in running text.
          if (letters(w) < 2) continue;
          const ascii = /^[A-Za-z.]+$/.test(w);
          const abbrev = ascii || letters(w) <= 3;
          const caseSensitive = ascii && letters(w) <= 2;
          out.push(term(w, "scale", String(exp), lang, {abbrev, caseSensitive}));
          if (w.endsWith(".")) out.push(term(w.slice(0, -1), "scale", String(exp), lang, {abbrev, caseSensitive}));
        }
      } else {
        // Multi-word forms ("nghìn tỷ", "พันล้าน") are their own terms; single words share a stem.
        const single = words.filter((w) => !/\s/.test(w));
        const multi = words.filter((w) => /\s/.test(w));
        out.push(...stemmed(single, (t, stem) => term(t, "scale", String(exp), lang, {stem})));
        // A form whose first word is a smaller scale word ("mil millones", "mille miliardi",
        // "nghìn tỷ") is written without a numeral for one of itself: "los mil millones de usuarios".
        // Italian writes one thousand as "mille", with no numeral, so the loop above never keeps it.
        const thousand = f.format(1000).replace(BIDI, " ").trim();
        const smaller = new Set([...byExp].filter(([e]) => e < exp).flatMap(([, ws]) => ws.map((w) => w.toLowerCase())));
        if (!/\p{N}/u.test(thousand)) smaller.add(thousand.toLowerCase());
        for (const w of multi) out.push(term(w, "scale", String(exp), lang, {stacked: smaller.has(w.split(/\s+/u)[0].toLowerCase())}));
      }
    }
  }
  return out;
}

// Currencies whose everyday name is shared with others: the word common to these names
// ("доллар" in "доллар США" and "канадский доллар") means the first one when written alone.
const FAMILIES: Array<[string, string[]]> = [["USD", ["CAD", "AUD"]], ["GBP", ["EGP"]], ["INR", ["PKR"]], ["RUB", ["BYN"]]];

function currencyForms(lang: string, code: string, samples: number[], names: Intl.DisplayNames): string[] {
  const forms: string[] = [];
  try {
    const name = names.of(code);
    if (name) forms.push(name);
  } catch { /* a code ICU does not name */ }
  const f = new Intl.NumberFormat(lang, {style: "currency", currency: code, currencyDisplay: "name", maximumFractionDigits: 0, minimumFractionDigits: 0});
  for (const n of samples) {
    const c = f.formatToParts(n).find((p) => p.type === "currency")?.value;
    if (c) forms.push(c);
  }
  return [...new Set(forms.map((f) => f.replace(BIDI, " ").replace(/\s+/g, " ").trim()))].filter((f) => f && f !== code);
}

function symbolOf(lang: string, code: string, display: "symbol" | "narrowSymbol"): string {
  const parts = new Intl.NumberFormat(lang, {style: "currency", currency: code, currencyDisplay: display}).formatToParts(5);
  return (parts.find((p) => p.type === "currency")?.value ?? "").replace(BIDI, "").trim();
}

let codesCache: string[] | undefined;
function currencyCodes(): string[] {
  return (codesCache ??= Intl.supportedValuesOf("currency"));
}

function currencyTerms(lang: string): FigureTerm[] {
  const samples = pluralSamples(lang);
  const out: FigureTerm[] = [];
  const codes = currencyCodes();
  for (const code of codes) out.push(term(code, "currency", code, lang, {caseSensitive: true}));

  // Symbols: a symbol two currencies share ("kr", "$" narrow) is left to the hand lexicon.
  const claims = new Map<string, Set<string>>();
  const symbols = new Set<string>();
  const symbolByCode = new Map<string, string>();
  for (const code of codes) {
    for (const d of ["symbol", "narrowSymbol"] as const) {
      // A narrow symbol differs from a sign-like symbol almost never ("$" and "$"), so it is
      // asked for only when the symbol is the code or letters ("USD" → "$", "CN¥" → "¥").
      if (d === "narrowSymbol" && !/^[\p{L}.]*\p{L}[\p{L}.]*$|\p{L}\p{Sc}/u.test(symbolByCode.get(code) ?? "")) continue;
      const s = symbolOf(lang, code, d);
      if (d === "symbol") symbolByCode.set(code, s);
      if (!s || s === code || /^[A-Za-z]$/.test(s)) continue;
      if (d === "symbol") symbols.add(s);
      const set = claims.get(s) ?? new Set();
      set.add(code);
      claims.set(s, set);
    }
  }
  for (const [s, owners] of claims) {
    let code: string | undefined;
    if (owners.size === 1) code = [...owners][0];
    else if (symbols.has(s)) {
      const own = [...owners].filter((c) => symbolByCode.get(c) === s);
      if (own.length === 1) code = own[0];
    }
    if (code) out.push(term(s, "currency", code, lang, {caseSensitive: /\p{L}/u.test(s)}));
  }

  // Names, in every plural form, written after the amount.
  const formsOf = new Map<string, string[]>();
  const names = new Intl.DisplayNames([lang], {type: "currency", fallback: "none"});
  for (const code of codes) {
    const forms = currencyForms(lang, code, samples, names);
    if (!forms.length) continue;
    formsOf.set(code, forms);
    for (const group of groupByWordCount(forms)) out.push(...stemmed(group, (t, stem) => term(t, "currency", code, lang, {stem, suffixOnly: true})));
  }
  for (const [code, others] of FAMILIES) {
    const head = sharedWord(formsOf.get(code) ?? [], others.map((o) => formsOf.get(o) ?? []));
    // Always matched as a stem, so accents written or not ("đô la", "do la") both match.
    if (head.length) out.push(...stemmed(head, (t) => term(t, "currency", code, lang, {stem: true, suffixOnly: true})));
  }
  return out;
}

function groupByWordCount(forms: string[]): string[][] {
  const groups = new Map<number, string[]>();
  for (const f of forms) {
    const n = f.split(" ").length;
    groups.set(n, [...(groups.get(n) ?? []), f]);
  }
  return [...groups.values()];
}

/**
 * The words the names of `code` share with the names of each list of `others`, as whole runs
 * of words ("доллар" of "доллар США" and "канадский доллар"; "đô la" of "Đô la Mỹ" and "Đô la
 * Canada"), folded; the longest runs only.
 */
function sharedWord(mine: string[], others: string[][]): string[] {
  if (!mine.length || others.some((o) => !o.length)) return [];
  if (mine.some((f) => SPACELESS.test(f))) {
    // Spaceless scripts: the common prefix ("ดอลลาร์สหรัฐ", "ดอลลาร์แคนาดา").
    const p = longestCommonPrefix([mine[0], ...others.map((o) => o[0])]);
    return letters(p) >= 2 ? [p] : [];
  }
  const runs = (forms: string[]) => {
    const out = new Set<string>();
    for (const f of forms) {
      const w = f.split(/[ -]/).map(foldWord);
      for (let i = 0; i < w.length; ++i) for (let j = i + 1; j <= w.length; ++j) out.add(w.slice(i, j).join(" "));
    }
    return out;
  };
  // Two letters are a word in Hangul ("달러"), rarely more than a particle in Latin ("ng").
  let common = [...runs(mine)].filter((r) => letters(r) >= (/[a-z]/.test(r) ? 3 : 2));
  for (const o of others) {
    const theirs = runs(o);
    common = common.filter((r) => theirs.has(r));
  }
  // Short function words at the edges go ("dolyar ng" → "dolyar"), unless nothing else is left ("đô la").
  const trimmed = common.map((r) => {
    const w = r.split(" ");
    while (w.length > 1 && letters(w[w.length - 1]) <= 2 && letters(w.slice(0, -1).join("")) >= 3) w.pop();
    while (w.length > 1 && letters(w[0]) <= 2 && letters(w.slice(1).join("")) >= 3) w.shift();
    return w.join(" ");
  });
  const unique = [...new Set(trimmed)];
  return unique.filter((r) => !unique.some((x) => x !== r && ` ${x} `.includes(` ${r} `)));
}

const cache = new Map<string, FigureTerm[]>();

/**
 * The CLDR figure terms (scale words, currency names, symbols, codes) of a language, by its
 * ISO 639-1 or BCP 47 tag; empty for an undetermined or unusable tag. Cached per tag.
 */
export function cldrFigureTerms(lang: string): readonly FigureTerm[] {
  const hit = cache.get(lang);
  if (hit) return hit;
  let terms: FigureTerm[] = [];
  try {
    if (lang && lang !== "und" && Intl.NumberFormat.supportedLocalesOf([lang]).length) terms = [...scaleTerms(lang), ...currencyTerms(lang)];
  } catch {
    terms = [];
  }
  if (cache.size > 256) cache.clear();
  cache.set(lang, terms);
  return terms;
}
