// Quotation marks and the spans they enclose.
//
// Every quotation mark is classified by what flanks it, as CommonMark does for emphasis: a mark
// with white space (or an opening bracket) before it and text after it can open; one with text
// before it and white space or punctuation after it can close. A ' or ’ between two letters or
// digits is an apostrophe ("Meta’s", "don't") and is no mark at all. „ ‚ 「 『 only open and
// 」 』 only close; « » and ‹ › pair with each other in either direction (French «…», German
// »…«). Marks pair within a family (double: „ “ ” " ״; single: ‚ ‘ ’ '), so typographic and
// typewriter marks may be mixed, as real text does. Nested quotes belong to the quote around
// them and are not rows of their own.
//
// Scripts that glue words to a mark: Korean and Japanese write the quotative particle onto the
// closing mark ("…"라고 말했다, 「…」と), and Chinese, Japanese and Korean put no space before an
// opening mark (所谓“开源”). Next to Hangul, Han or kana a mark may therefore close with a letter
// after it and open with a letter before it; the curly marks then go by their shape (“ ‘ open,
// ” ’ close) and a straight " by what is open.
//
// Machine-translation repairs (the Dutch corpus article needs all three):
// - a would-be opening mark after ", " and right before a speech verb closes the quote that
//   is open (`… krijgen, “zei Zuckerberg.”`: the translator moved the closing mark);
// - a closing mark after sentence-final punctuation, with no quote open and a capital after
//   it, opens one (`zei Zuckerberg.” Dus dat …`);
// - a mark with white space on both sides closes whatever is open (`… te doen. “`).
// A mark that opens and is never closed yields nothing: unbalanced text never throws and never
// produces a quote running to the end of the passage.

type Family = "double" | "single" | "guillemet" | "angle" | "corner" | "whiteCorner";

const FAMILY: Record<string, Family> = {
  "„": "double", "“": "double", "”": "double", "\"": "double", "״": "double",
  "‚": "single", "‘": "single", "’": "single", "'": "single",
  "«": "guillemet", "»": "guillemet",
  "‹": "angle", "›": "angle",
  "「": "corner", "」": "corner",
  "『": "whiteCorner", "』": "whiteCorner"
};

const OPEN_ONLY = new Set(["„", "「", "『"]);
const CLOSE_ONLY = new Set(["」", "』"]);
const EITHER_WAY = new Set(["«", "»", "‹", "›"]);
const APOSTROPHES = new Set(["'", "’", "‘"]);

interface Mark {
  i: number;
  ch: string;
  family: Family;
  canOpen: boolean;
  canClose: boolean;
  floating: boolean;
}

interface Opener {
  mark: Mark;
  innerStart: number;
}

export interface QuoteSpan {
  outerStart: number;
  outerEnd: number;
  innerStart: number;
  innerEnd: number;
}

export const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
// Hangul, Han and kana: scripts whose particles and words touch a quotation mark.
const isGlued = (c: string | undefined) => c !== undefined && /[\p{sc=Hangul}\p{scx=Han}\p{scx=Hira}\p{scx=Kana}]/u.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isOpenBracket = (c: string | undefined) => c !== undefined && /[\p{Ps}\p{Pd}]/u.test(c);

// The characters FAMILY knows: classify visits only those instead of every character.
const QUOTE_CHARS = new RegExp(`[${Object.keys(FAMILY).join("").replace(/[\\\]^-]/g, "\\$&")}]`, "g");

function classify(text: string): Mark[] {
  const marks: Mark[] = [];
  for (const m of text.matchAll(QUOTE_CHARS)) {
    const i = m.index;
    const ch = text[i];
    const family = FAMILY[ch];
    if (!family) continue;
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = i + 1 < text.length ? text[i + 1] : undefined;
    if (APOSTROPHES.has(ch) && isWordChar(prev) && isWordChar(next) && !isGlued(prev) && !isGlued(next)) continue;
    // Elisions at a word's start: "in the ’90s", "’24", Dutch "’s avonds", "’t".
    if (APOSTROPHES.has(ch) && !isWordChar(prev) && /^(?:\d\d(?:s)?|[tsn])(?![\p{L}\p{N}])/u.test(text.slice(i + 1, i + 5))) continue;
    const floating = isSpace(prev) && isSpace(next);
    let canOpen = !isSpace(next) && (isSpace(prev) || isOpenBracket(prev) || !isWordChar(prev));
    let canClose = !isSpace(prev) && (isSpace(next) || !isWordChar(next));
    if (!isSpace(prev) && isGlued(next) && !isGlued(prev) || isGlued(prev) && isGlued(next)) canClose = true;
    if (!isSpace(next) && isGlued(prev)) canOpen = true;
    if (isGlued(prev) || isGlued(next)) {
      if (ch === "“" || ch === "‘") canClose = false;
      else if (ch === "”" || ch === "’") canOpen = false;
    }
    if (OPEN_ONLY.has(ch)) { canOpen = true; canClose = false; }
    else if (CLOSE_ONLY.has(ch)) { canOpen = false; canClose = true; }
    else if (ch === "‚") canClose = false;
    else if (EITHER_WAY.has(ch)) { canOpen = true; canClose = true; }
    marks.push({i, ch, family, canOpen, canClose, floating});
  }
  return marks;
}

export function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i])) ++i;
  return i;
}

const NO_VERBS: ReadonlySet<number> = new Set();

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start])) ++start;
  while (end > start && /\s/u.test(text[end - 1])) --end;
  return [start, end];
}

/**
 * Top-level quotation spans of `text`, in order. `verbStarts` holds the offsets at which a
 * speech verb begins, for the displaced-closing-mark repair; it is asked only at a mark that
 * may be such a repair, so a caller may find the verbs when first asked.
 */
export function findQuoteSpans(text: string, verbStarts: {has(offset: number): boolean} = NO_VERBS): QuoteSpan[] {
  const stack: Opener[] = [];
  const pairs: QuoteSpan[] = [];
  const close = (k: number, innerEnd: number, outerEnd: number) => {
    const o = stack[k];
    stack.length = k;
    const [s, e] = trimSpan(text, o.innerStart, innerEnd);
    if (e > s) pairs.push({outerStart: o.mark.i, outerEnd, innerStart: s, innerEnd: e});
  };
  const topOfFamily = (family: Family) => {
    for (let k = stack.length - 1; k >= 0; --k) if (stack[k].mark.family === family) return k;
    return -1;
  };
  for (const m of classify(text)) {
    if (EITHER_WAY.has(m.ch)) {
      const k = topOfFamily(m.family);
      if (k >= 0 && stack[k].mark.ch !== m.ch) close(k, m.i, m.i + 1);
      else stack.push({mark: m, innerStart: m.i + 1});
      continue;
    }
    if (m.canClose) {
      const k = topOfFamily(m.family);
      if (k >= 0) { close(k, m.i, m.i + 1); continue; }
    }
    if (m.canOpen && !m.canClose && stack.length && isSpace(text[m.i - 1]) && verbStarts.has(m.i + 1)) {
      // `krijgen, “zei Zuckerberg`: the closing mark slid across the space onto the verb.
      let before = m.i;
      while (before > 0 && /\s/u.test(text[before - 1])) --before;
      if (before > 0 && /[,.!?…]/u.test(text[before - 1])) { close(stack.length - 1, before, m.i + 1); continue; }
    }
    if (m.canOpen) { stack.push({mark: m, innerStart: m.i + 1}); continue; }
    if (m.floating) {
      if (stack.length) {
        const k = topOfFamily(m.family);
        close(k >= 0 ? k : stack.length - 1, m.i, m.i + 1);
      }
      continue;
    }
    if (m.canClose && !stack.length && m.i > 0 && /[.!?…]/u.test(text[m.i - 1])) {
      // `zei Zuckerberg.” Dus …`: an opening mark slid back onto the attribution's full stop.
      const start = skipSpace(text, m.i + 1);
      if (start > m.i + 1 && /[\p{Lu}[(]/u.test(text[start] ?? "")) stack.push({mark: m, innerStart: start});
    }
  }
  pairs.sort((a, b) => a.outerStart - b.outerStart || b.outerEnd - a.outerEnd);
  const top: QuoteSpan[] = [];
  for (const p of pairs) if (!top.length || p.outerStart >= top[top.length - 1].outerEnd) top.push(p);
  return top;
}

