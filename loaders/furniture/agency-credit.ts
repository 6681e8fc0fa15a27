// A news agency's credit at the very end of a caption or a paragraph, without the label and
// colon that the credit shapes of inline.ts need: "… في مينلو بارك (رويترز)", "…CEO＝ロイター"
// (the Japanese press's full-width equals), "…di California. - Foto fail REUTERS", "…milik
// OpenAI. -AGENSI", "…sa korte. (Larawan mula sa Reuters)".
//
// The outlets are the entity lexicon's (data/lexicon/entities.csv, kind outlet), which spells the
// agencies in the scripts of the 30 languages; an all-capitals word stands for an agency the
// lexicon lacks ("-AGENSI", "- BERNAMA"), but only where the shape alone is unambiguous.
//   - Brackets closing the block: an outlet alone ("(Reuters)"), or after at most three label
//     words when a sentence has ended before the bracket ("…korte. (Larawan mula sa Reuters)");
//     "(according to Bloomberg)" inside a sentence is a source, not a credit, and a bracket
//     with a full stop after it belongs to its sentence.
//   - A separator and a credit of at most four words closing the block: a dash or slash (" - ",
//     " – ", " -X", " /PAP") after a finished sentence, or "＝"/"=" glued to the caption; the credit ends with an
//     outlet, or (after a dash or "＝") with one or two all-capitals words, after at most three
//     label words. A separator glued to the credit is part of it ("-AGENSI", "＝ロイター"); a
//     spaced one is not, and inline.ts drops it with the cut.
import {defaultEntityLexicon, isBoundary} from "../extract/mentions.ts";

/** The credit's text: from the bracket, the glued separator or the first word after a spaced one. */
export interface CreditSpan { start: number; end: number }

interface Outlet { alias: string; lower: string; exact: boolean; cased: boolean }

const outletCache = new Map<string, Outlet[]>();

function outlets(language: string): Outlet[] {
  const key = (language || "").toLowerCase().split(/[-_]/)[0];
  let list = outletCache.get(key);
  if (!list) {
    list = defaultEntityLexicon().aliases
      .filter((a) => a.kind === "outlet" && (a.language === "" || a.language === key))
      .map((a) => {
        const letters = [...a.alias].filter((c) => /\p{L}/u.test(c));
        // As in mentions.ts: short capitals match with their case, and an all-lowercase spelling of a capitalised name is another word.
        return {alias: a.alias, lower: a.alias.toLowerCase(), exact: letters.length <= 4 && letters.every((c) => /\p{Lu}/u.test(c)), cased: /\p{Lu}/u.test(a.alias)};
      });
    outletCache.set(key, list);
  }
  return list;
}

/** Where an outlet of the lexicon ends `s`: the outlet's start, or -1. The longest wins. */
export function outletAtEnd(s: string, language: string): number {
  let best = -1;
  for (const o of outlets(language)) {
    if (o.alias.length > s.length) continue;
    const at = s.length - o.alias.length;
    const tail = s.slice(at);
    if (o.exact ? tail !== o.alias : tail.toLowerCase() !== o.lower || (o.cased && !/\p{Lu}/u.test(tail))) continue;
    if (!isBoundary(s, at)) continue;
    if (best < 0 || at < best) best = at;
  }
  return best;
}

const MAX_LABEL_WORDS = 3;
const MAX_CREDIT = 48;
const CAPS_WORD = /^\p{Lu}[\p{Lu}\p{M}]+$/u;
const SENTENCE_DONE = /[\p{L}\p{N}\p{M}][.!?…。！？]["'”’»)]*\s*$/u;

// The label words before an outlet or a capitals credit: a few short words without digits.
function isLabel(s: string): boolean {
  const words = s.trim().split(/\s+/u).filter(Boolean);
  return words.length <= MAX_LABEL_WORDS && words.every((w) => w.length <= 15 && !/\p{N}/u.test(w));
}

// "Foto fail REUTERS", "AGENSI", "Reuters", "ロイター": an outlet, or (when capitals may do) one
// or two capitals words, after label words.
function isCredit(credit: string, language: string, capsAllowed: boolean): boolean {
  if (!credit || credit.length > MAX_CREDIT || /[.!?。,;:，、]/u.test(credit)) return false;
  const o = outletAtEnd(credit, language);
  if (o >= 0) return isLabel(credit.slice(0, o));
  if (!capsAllowed || /\p{N}/u.test(credit)) return false;
  const words = credit.split(/\s+/u);
  let caps = 0;
  while (caps < 2 && caps < words.length && CAPS_WORD.test(words[words.length - 1 - caps])) ++caps;
  return caps > 0 && isLabel(words.slice(0, words.length - caps).join(" "));
}

const BRACKET_END = /[(（]\s*([^()（）]{1,60}?)\s*[)）]\s*$/u;
const SEPARATOR = /(\s[-–—/]\s+|\s[-–—/](?=\p{L})|[=＝]\s*)/gu;

/** The agency credit that ends `text` (looked for in its last `tail` characters), or null. */
export function agencyCredit(text: string, language: string, tail = 160): CreditSpan | null {
  const from = Math.max(0, text.length - tail);
  const end = text.trimEnd().length;
  const last = text[end - 1];
  if (last === ")" || last === "）") {
    const m = BRACKET_END.exec(text.slice(from, end));
    if (m) {
      const start = from + m.index;
      const inner = m[1];
      const o = outletAtEnd(inner, language);
      const before = text.slice(0, start);
      if (o >= 0 && enoughBefore(before) && (o === 0 || (isLabel(inner.slice(0, o)) && SENTENCE_DONE.test(before)))) return {start, end};
    }
    return null;
  }
  // The credit is short: only the block's last characters can hold its separator.
  const near = Math.max(from, end - MAX_CREDIT - 4);
  if (!/[-–—/=＝]/u.test(text.slice(near, end))) return null;
  let sep: RegExpExecArray | null = null;
  SEPARATOR.lastIndex = near;
  for (let m; (m = SEPARATOR.exec(text)) && m.index < end;) sep = m;
  if (!sep) return null;
  const mark = sep[0].trim();
  const markAt = sep.index + sep[0].indexOf(mark);
  const credit = text.slice(sep.index + sep[0].length, end);
  const before = text.slice(0, markAt);
  if (!enoughBefore(before)) return null;
  const spaced = /\s$/u.test(sep[0]);
  if (mark === "=" || mark === "＝") {
    if (!isCredit(credit, language, mark === "＝")) return null;
    return {start: spaced ? sep.index + sep[0].length : markAt, end};
  }
  // A dash or a slash: the caption or paragraph has ended, or the credit names an outlet outright.
  const done = SENTENCE_DONE.test(before);
  if (!isCredit(credit, language, done) || (!done && outletAtEnd(credit, language) < 0)) return null;
  return {start: spaced ? sep.index + sep[0].length : markAt, end};
}

// A credit follows a caption or a paragraph, never makes a block on its own.
function enoughBefore(before: string): boolean {
  return before.trim().length > 12 && ((before.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 3 || /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Thai}]/u.test(before));
}
