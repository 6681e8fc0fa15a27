import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {removeBoilerplate} from "../loaders/boilerplate.ts";
import {splitBlocks} from "../loaders/blocks.ts";
import {InputError} from "../loaders/csv.ts";
import {parseBoilerplate} from "../loaders/lexicon.ts";
import {readLexicon} from "../loaders/project.ts";
import fc from "fast-check";
import {countTokens, tokens} from "../loaders/text.ts";

const lexicon = readLexicon();

// Topics: test/topics.test.ts.

test("page furniture is removed with its reason, in several languages; article text is kept", () => {
  const page = [
    "Home › Tech › Meta and Llama",
    "Meta shares revenue with the companies that host its Llama models, a court filing shows.",
    "The filing, submitted by the plaintiffs in Kadrey v. Meta, does not name the hosts that pay.",
    "Read more: Meta's capex plans",
    "Share on Facebook",
    "Leave a Reply",
    "Your email address will not be published.",
    "Subscribe to our newsletter"
  ].join("\n");
  const {kept, removed} = removeBoilerplate(splitBlocks(page), lexicon.boilerplate);
  assert.deepEqual(kept.map((k) => k.line), [2, 3]);
  assert.deepEqual(removed.map((r) => [r.line, r.reason]), [[1, "navigation"], [4, "navigation"], [5, "social"], [6, "comments"], [7, "comments"], [8, "newsletter"]]);
});

test("a comment form near the top does not swallow the article", () => {
  const page = "Leave a comment\nMeta shares revenue with the companies that host its Llama models, a court filing shows.\nSecond paragraph of the real article, with enough words to be prose.";
  const {kept} = removeBoilerplate(splitBlocks(page), lexicon.boilerplate);
  assert.equal(kept.length, 2);
});

test("the metadata prefix is cut from its block and kept in removed", () => {
  const {kept, removed} = removeBoilerplate(splitBlocks(" date 2024-07 Die Facebook-Mutter Meta hat am Dienstag ein Modell gestartet."), lexicon.boilerplate);
  assert.deepEqual(removed.map((r) => [r.text, r.reason]), [["date 2024-07", "other"]]);
  assert.equal(kept[0].text, "Die Facebook-Mutter Meta hat am Dienstag ein Modell gestartet.");
});

test("bad lexicon rows are refused with file and line", () => {
  assert.throws(() => parseBoilerplate("reason,language,scope,max_words,pattern\nads,,block,3,x\n", "b.csv"), (e: unknown) => e instanceof InputError && e.message.startsWith("b.csv:2: unknown reason"));
  assert.throws(() => parseBoilerplate("reason,language,scope,max_words,pattern\nadvert,,block,3,(\n", "b.csv"), /b\.csv:2: invalid pattern/);
  assert.ok(readFileSync(new URL("../data/lexicon/boilerplate.csv", import.meta.url), "utf8").length > 0);
});

test("countTokens agrees with tokens on random text", () => {
  const piece = fc.oneof(fc.constantFrom("Lizenz", "unlicen", "-licen", "ライセンス", "設備投資", "Ärger", "ß", "İ", "e\u0301", " ", "\n", "1", "😀", "𝐀", "\uD800"), fc.string({maxLength: 6}));
  fc.assert(fc.property(fc.array(piece, {maxLength: 30}), fc.constantFrom("", " ", "-"), (parts, separator) => {
    const text = parts.join(separator);
    assert.equal(countTokens(text), tokens(text).length);
  }), {numRuns: 1000});
});
