/**
 * A cheap test before a boilerplate rule's expression runs on a block. Most blocks are prose
 * that no rule matches, and an unanchored case-insensitive alternation ("\bnewsletter\b|
 * \bsubscribe to\b|…") is tried at every position of the block. When every top-level branch of
 * the expression starts with a run of ASCII letters, digits or spaces, a match contains one of
 * those runs; under the "i" and "u" flags an ASCII letter matches only itself in either case,
 * K (U+212A) or ſ (U+017F), so unless the text has one of those two, its lower-cased form
 * contains the run lower-cased. A rule without such runs in every branch is always run.
 */

const MIN_NEEDLE = 3;
const cache = new WeakMap<RegExp, string[] | null>();

/** The lower-cased literal start of each top-level branch, or null when some branch has none. */
export function needlesOf(re: RegExp): string[] | null {
  let needles = cache.get(re);
  if (needles === undefined) {
    const starts = branches(re.source)?.map(literalStart) ?? null;
    needles = starts && starts.every((n) => n.length >= MIN_NEEDLE) ? starts.map((n) => n.toLowerCase()) : null;
    cache.set(re, needles);
  }
  return needles;
}

/** The form of `text` needlesOf's needles are looked for in, or null when they cannot be used. */
export function needleText(text: string): string | null {
  return /[\u212A\u017F]/.test(text) ? null : text.toLowerCase();
}

/** False only when `re` cannot match the text whose needleText is `lower`. */
export function mayMatch(re: RegExp, lower: string | null): boolean {
  if (lower === null) return true;
  const needles = needlesOf(re);
  return needles === null || needles.some((n) => lower.includes(n));
}

/** The top-level alternatives of a pattern's source, or null when it cannot be split safely. */
function branches(source: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; ++i) {
    const c = source[i];
    if (c === "\\") { ++i; continue; }
    if (inClass) { if (c === "]") inClass = false; continue; }
    if (c === "[") inClass = true;
    else if (c === "(") ++depth;
    else if (c === ")") --depth;
    else if (c === "|" && depth === 0) { out.push(source.slice(from, i)); from = i + 1; }
  }
  if (depth !== 0 || inClass) return null;
  out.push(source.slice(from));
  return out;
}

/**
 * The ASCII letters, digits and spaces a branch must start with, after a leading ^ or \b; a
 * character followed by a quantifier is optional or repeated and ends the run before it.
 */
function literalStart(branch: string): string {
  let i = 0;
  for (;;) {
    if (branch[i] === "^") ++i;
    else if (branch.startsWith("\\b", i)) i += 2;
    else break;
  }
  let run = "";
  for (; i < branch.length; ++i) {
    const c = branch[i];
    if (!/[A-Za-z0-9 ]/.test(c)) break;
    if (/[?*+{]/.test(branch[i + 1] ?? "")) break;
    run += c;
  }
  return run;
}
