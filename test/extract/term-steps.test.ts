// The figures terms are matched by walking their steps (loaders/extract/term-steps.ts) instead
// of by a regular expression each; the walk must end where the sticky expression ends, for every
// term of the vocabulary, on the term as written and on near misses (case, accents, white space,
// hyphens, apostrophes, K and ſ, surrogates, an ending, a character changed).
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {DEFAULT_FIGURE_LEXICON, matcherFor, termMatcherForTest, type FigureTerm} from "../../loaders/extract/figures.ts";

const LANGUAGES = ["de", "el", "hu", "ro", "ru", "th", "ja", "ko", "hi", "ar", ""];
const ODD = ["K", "ſ", "\u212A", "İ", "ı", "ß", "ẞ", "ς", "Σ", " ", "\u00a0", "\u3000", "\n", "-", "\u2010", "'", "’", "\u0301", "😀", "\ud800", "Z", "5", "."];

function termsOf(lang: string): FigureTerm[] {
  const m = matcherFor(DEFAULT_FIGURE_LEXICON, lang);
  const out = new Set<FigureTerm>();
  for (const map of [m.byWord, m.byStem, m.byFirst]) for (const list of map.values()) for (const c of list) out.add(c.term);
  return [...out];
}

function nearMisses(t: string, pick: (n: number) => number): string[] {
  const out = [t, t.toUpperCase(), t.toLowerCase(), t.normalize("NFD"), t.normalize("NFD").replace(/\p{M}/gu, ""),
    t.replace(/\s/g, "  "), t.replace(/\s/g, "\u00a0"), t.replace(/-/g, " "), t.replace(/-/g, "\u2011"), t.replace(/'/g, "’"),
    t + "abcdef", t.replace(/ /g, "abc "), t.replace(/ /g, "abcdefg "), t.slice(0, -1), t.replace(/k/g, "\u212A").replace(/s/g, "ſ")];
  const cps = Array.from(t);
  for (let r = 0; r < 3; ++r) {
    const c = cps.slice();
    const k = pick(c.length + 1);
    const op = pick(3);
    if (op === 0) c.splice(k, 0, ODD[pick(ODD.length)]);
    else if (op === 1) c[k % c.length] = ODD[pick(ODD.length)];
    else c.splice(k, 1);
    out.push(c.join(""));
  }
  return out;
}

describe("figures term steps", () => {
  it("end where the term's sticky expression ends", () => {
    let seed = 7;
    const pick = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const seen = new Set<string>();
    let checked = 0;
    for (const lang of LANGUAGES) {
      for (const term of termsOf(lang)) {
        const key = `${term.term}\u0000${term.stem ? 1 : 0}\u0000${term.caseSensitive ? 1 : 0}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const {expression, end} = termMatcherForTest(term);
        for (const v of nearMisses(term.term, pick)) {
          for (const [text, i] of [[v, 0], [`xx ${v} yy`, 3]] as const) {
            expression.lastIndex = i;
            const hit = expression.exec(text);
            const want = hit && hit[0].length > 0 ? i + hit[0].length : -1;
            const got = end(text, i);
            assert.equal(got > i ? got : -1, want, `${JSON.stringify(term.term)} on ${JSON.stringify(text)}`);
            ++checked;
          }
        }
      }
    }
    assert.ok(checked > 10_000);
  });
});
