// A figures term matched one character at a time, instead of by a regular expression of its own.
//
// Why: a passage language sees thousands of terms (CLDR currency names in every plural form,
// scale words, the hand lexicon), and V8 compiles an expression on its first use, 0.1–0.4 ms
// for a sticky case-insensitive Unicode one: for 1,000 articles about 3,700 of them, a second of
// CPU in every worker, before the matching itself.
//
// A term's expression (figures.ts) is a sequence of steps: one character, as a literal or a class
// ("[δΔ]", "['’]"), a run of white space (\s+), or a stem's ending ([\p{L}\p{M}]{0,5}). No step
// can match the character the step after it needs (a word's first character follows white
// space; white space follows an ending), so a greedy walk finds exactly the match the whole
// expression finds, without backtracking. Whether a character passes a step is decided as the
// expression decides it, by the step's own source compiled alone (`^(?:source)$`, with the
// term's flags): once per distinct step for the whole process, and remembered per character.
// Only ASCII against an ASCII literal is compared directly: under /iu an ASCII letter folds to
// its other case and to nothing else in ASCII (K and ſ, which fold to k and s, are not ASCII and
// go through the step's expression).

export interface Step {
  /** The step's expression, without its quantifier. */
  readonly source: string;
  /** Case-insensitive (/iu), else /u. */
  readonly fold: boolean;
  readonly min: number;
  readonly max: number;
  /** The code point of a literal step, or -1 for a class. */
  readonly cp: number;
  /** Per ASCII code: 0 not yet known, 1 passes, 2 does not. */
  readonly ascii: Int8Array;
  /** Non-ASCII code points seen, and whether they pass. */
  readonly memo: Map<number, boolean>;
  re?: RegExp;
}

const steps = new Map<string, Step>();

function step(source: string, fold: boolean, cp: number, min: number, max: number): Step {
  const key = `${fold ? "i" : "c"}${min},${max}:${source}`;
  let s = steps.get(key);
  if (!s) steps.set(key, (s = {source, fold, min, max, cp, ascii: new Int8Array(128), memo: new Map()}));
  return s;
}

/** One character `ch` (a single code point), written `source` in an expression. */
export function literalStep(ch: string, source: string, fold: boolean): Step {
  return step(source, fold, ch.codePointAt(0)!, 1, 1);
}

/** One character of a class such as "['’]". */
export function classStep(source: string, fold: boolean): Step {
  return step(source, fold, -1, 1, 1);
}

/** \s+ */
export function spaceStep(fold: boolean): Step {
  return step("\\s", fold, -1, 1, Infinity);
}

/** [\p{L}\p{M}]{0,5}: the ending after a stem word. */
export function endingStep(fold: boolean): Step {
  return step("[\\p{L}\\p{M}]", fold, -1, 0, 5);
}

/** The expression the steps stand for (what figures.ts compiled before; kept for tests). */
export function expressionOf(list: readonly Step[]): string {
  return list.map((s) => s.source + (s.min === 1 && s.max === 1 ? "" : s.max === Infinity ? "+" : `{${s.min},${s.max}}`)).join("");
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

function oracle(s: Step, cp: number): boolean {
  s.re ??= new RegExp(`^(?:${s.source})$`, s.fold ? "iu" : "u");
  return s.re.test(String.fromCodePoint(cp));
}

function passes(s: Step, cp: number): boolean {
  if (cp < 128) {
    const known = s.ascii[cp];
    if (known) return known === 1;
    const ok = s.cp >= 0 && s.cp < 128 ? (s.fold ? lowerAscii(cp) === lowerAscii(s.cp) : cp === s.cp) : s.cp === cp || (s.cp < 0 || s.fold) && oracle(s, cp);
    s.ascii[cp] = ok ? 1 : 2;
    return ok;
  }
  if (cp === s.cp) return true;
  if (s.cp >= 0 && !s.fold) return false;
  let ok = s.memo.get(cp);
  if (ok === undefined) {
    ok = oracle(s, cp);
    if (s.memo.size < 4096) s.memo.set(cp, ok);
  }
  return ok;
}

/** Where a match of the steps starting at `i` ends, or -1. */
export function walk(list: readonly Step[], text: string, i: number): number {
  let j = i;
  for (let k = 0; k < list.length; ++k) {
    const s = list[k];
    let n = 0;
    while (n < s.max && j < text.length) {
      const cp = text.codePointAt(j)!;
      if (!passes(s, cp)) break;
      j += cp > 0xffff ? 2 : 1;
      ++n;
    }
    if (n < s.min) return -1;
  }
  return j;
}
