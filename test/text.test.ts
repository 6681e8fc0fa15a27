import {test} from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {countTokens, countWords, tokens, words} from "../loaders/text.ts";
import {generateCorpus} from "./bench/synthetic.ts";

// countWords adds up the word counts of the pieces between ASCII white space (remembered per
// piece); it must count exactly what Intl.Segmenter counts over the whole text.
const LOCALES = ["de", "nl", "ms", "en", "und", "ja", "zh", "th", "fi", "sv", "he", "ar", "ru"];

test("countWords counts what words() counts, on the synthetic corpus", () => {
  for (const a of generateCorpus({count: 40})) {
    for (const passage of a.text.split("\n")) for (const locale of ["de", "nl", "ms", "und"]) assert.equal(countWords(passage, locale), words(passage, locale).length, passage);
  }
});

test("countWords counts what words() counts, on random text with the characters UAX #29 treats specially", () => {
  const piece = fc.oneof(
    fc.constantFrom("Meta", "Llama-3", "e.g.", "U.S.", "1.000,5", "3.1", "405B", "can't", "l'homme", "’s", "a:b", "a·b", "x_y", "___", "'", "\"", "„Zitat“", "«mot»", "—", "…", "$5", "5%",
      "ß", "İ", "\u00AD", "\u00A0", "\u0301", "e\u0301", "\u200D", "\u200C", "\u2060", "😀", "👍🏽", "🇩🇪🇫🇷", "日本語です", "カタカナ", "\uFF9E", "한국어", "ภาษาไทย", "עברית", "ה\"ב", "العربية", "हिन्दी", "кириллица", "１２３", "\u3000", "\u2007", "\u2028", "\u0085"),
    fc.string({maxLength: 8}),
    fc.string({unit: "binary", maxLength: 4})
  );
  const separator = fc.constantFrom(" ", "  ", "\n", "\t", "", "\r\n", "\f", "\v", " \n ");
  fc.assert(fc.property(fc.array(fc.tuple(piece, separator), {maxLength: 16}), fc.constantFrom(...LOCALES), (parts, locale) => {
    const text = parts.map(([p, s]) => p + s).join("");
    assert.equal(countWords(text, locale), words(text, locale).length);
  }), {numRuns: 3000});
});

test("countTokens counts what tokens() finds", () => {
  fc.assert(fc.property(fc.string({unit: "binary", maxLength: 40}), (text) => assert.equal(countTokens(text), tokens(text).length)), {numRuns: 2000});
});

test("a colon between letters stays inside the word whatever the ICU version (Node and Chromium differ)", () => {
  assert.deepEqual(words("Die Nutzer:innen und jede:r von ihnen, um 10:30 Uhr.", "de"), ["Die", "Nutzer:innen", "und", "jede:r", "von", "ihnen", "um", "10", "30", "Uhr"]);
  assert.equal(countWords("Die Nutzer:innen und jede:r von ihnen, um 10:30 Uhr.", "de"), 10);
});
