import {test} from "node:test";
import assert from "node:assert/strict";
import {splitSentences} from "../loaders/sentences.ts";

const texts = (text: string, language: string) => splitSentences(text, language).map((s) => s.text);

test("German ordinal dates and 'v.' do not end a sentence", () => {
  assert.deepEqual(texts("Am 19. März 2025 sagte er etwas. Der Fall Kadrey v. Meta läuft noch.", "de"), ["Am 19. März 2025 sagte er etwas.", "Der Fall Kadrey v. Meta läuft noch."]);
});

test("offsets index the passage exactly, in any language", () => {
  for (const [text, language] of [["Satu. Dua dua! Tiga?", "ms"], ["Eén zin. Nog een zin.", "nl"], ["これは文です。もう一つの文です。", "ja"], ["  Leading space. Trailing  ", "en"]] as const) {
    const sentences = splitSentences(text, language);
    assert.ok(sentences.length >= 1);
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
  }
  assert.deepEqual(texts("これは文です。もう一つの文です。", "ja"), ["これは文です。", "もう一つの文です。"]);
});
