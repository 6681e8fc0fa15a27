// Accent-insensitive matching of stems, without changing string offsets.
//
// Why: inflection moves or drops accents. Greek writes "δολάρια" but "δολαρίων", "εκατομμύριο" but
// "εκατομμυρίων"; a stem taken from CLDR's forms must match both. Folding the text itself would
// shift offsets (NFD adds marks), so instead each letter of a stem becomes a character class of
// every precomposed letter with the same base letter ("α" → "[αάἀἁ…]").

const variants = new Map<string, Set<string>>();

// Latin-1 Supplement to Latin Extended-B, Greek and Coptic, Cyrillic, Greek Extended: the
// precomposed letters of the scripts whose words the figures vocabulary stems.
const RANGES: Array<[number, number]> = [[0x00c0, 0x024f], [0x0370, 0x03ff], [0x0400, 0x04ff], [0x1e00, 0x1fff]];

function build(): void {
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; ++cp) {
      const ch = String.fromCodePoint(cp);
      const base = baseLetter(ch);
      if (base === ch) continue;
      for (const c of [base, ch, ch.toLowerCase(), ch.toUpperCase()]) {
        const set = variants.get(base) ?? new Set([base]);
        set.add(c);
        variants.set(base, set);
      }
    }
  }
}

/** The letter without its accents: "ά" → "α", "é" → "e"; other characters unchanged. Lower case. */
export function baseLetter(ch: string): string {
  let b = baseCache.get(ch);
  if (b === undefined) {
    const d = ch.normalize("NFD");
    const first = String.fromCodePoint(d.codePointAt(0) ?? 0);
    // Only a letter with combining marks folds; Hangul syllables decompose into letters, not marks.
    b = (d.length > first.length && /^\p{L}$/u.test(first) && /^\p{M}+$/u.test(d.slice(first.length)) ? first : ch).toLowerCase();
    if (b === "ς") b = "σ"; // final sigma: one letter for matching, as upper case has one
    if (baseCache.size < 4096) baseCache.set(ch, b);
  }
  return b;
}
const baseCache = new Map<string, string>();

/** A word with every letter's accents removed ("δολάρια" → "δολαρια"), lower case. */
export function foldWord(word: string): string {
  let out = "";
  for (const ch of word) out += baseLetter(ch);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** A regular-expression class matching `ch` with or without any accent, in either case. */
export function accentClass(ch: string): string {
  // Every letter of every stem asks for its class: the few hundred distinct letters are built once.
  let cls = classCache.get(ch);
  if (cls === undefined) {
    if (variants.size === 0) build();
    const base = baseLetter(ch);
    const set = variants.get(base);
    cls = set ? `[${[...new Set([...set, base.toUpperCase()])].map(escape).join("")}]` : escape(ch);
    if (classCache.size < 4096) classCache.set(ch, cls);
  }
  return cls;
}
const classCache = new Map<string, string>();
