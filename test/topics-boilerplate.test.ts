import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {removeBoilerplate} from "../loaders/boilerplate.ts";
import {splitBlocks} from "../loaders/blocks.ts";
import {InputError} from "../loaders/csv.ts";
import {parseBoilerplate, parseTopics} from "../loaders/lexicon.ts";
import {readLexicon} from "../loaders/project.ts";
import {topicsOf} from "../loaders/topics.ts";
import fc from "fast-check";
import type {TopicTerm} from "../loaders/lexicon.ts";
import {TOPICS} from "../loaders/tables.ts";
import {countTokens, fold, tokens} from "../loaders/text.ts";

const lexicon = readLexicon();

test("topics are found in several languages, at word starts only", () => {
  assert.deepEqual(topicsOf("Die Kapitalausgaben steigen auf 65 Milliarden.", lexicon.topics), ["capex"]);
  assert.deepEqual(topicsOf("Meta membahagi pendapatan: pembahagian pendapatan dengan rakan hos.", lexicon.topics), ["revenue-sharing"]);
  assert.deepEqual(topicsOf("Eisers beweren dat Meta torrents gebruikte (zaaien).", lexicon.topics), ["seeding"]);
  assert.deepEqual(topicsOf("La licence interdit les services de plus de 700 millions d'utilisateurs.", lexicon.topics), ["licensing"]);
  assert.deepEqual(topicsOf("ライセンスはオープンソースではない。", lexicon.topics), ["licensing"]);
  assert.deepEqual(topicsOf("Unlicensed? No: 'unlicen' is not a word start.", [{topic: "licensing", language: "", term: "licen"}]), []);
});

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
  assert.throws(() => parseTopics("topic,language,term\nlicensing,,licen\nmoney,,x\n", "t.csv"), /t\.csv:3: unknown topic "money"/);
  assert.throws(() => parseTopics("topic,term\n", "t.csv"), /t\.csv:1: missing column\(s\) language/);
  assert.ok(readFileSync(new URL("../data/lexicon/boilerplate.csv", import.meta.url), "utf8").length > 0);
});

// topicsOf finds word starts in one pass; the search per term it replaced is the reference.
function topicsByTermSearch(text: string, terms: TopicTerm[], language = "und"): string[] {
  const folded = fold(text);
  const found = new Set<string>();
  for (const t of terms) {
    if (found.has(t.topic) || (t.language && language !== "und" && t.language !== language)) continue;
    const spaceless = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(t.term);
    for (let i = folded.indexOf(t.term); i >= 0; i = folded.indexOf(t.term, i + 1)) {
      if (spaceless || i === 0 || !/[\p{L}\p{N}]/u.test(folded[i - 1])) { found.add(t.topic); break; }
    }
  }
  return TOPICS.filter((t) => found.has(t));
}

test("topicsOf and countTokens agree with the plain definitions on random text", () => {
  const terms: TopicTerm[] = [...lexicon.topics, {topic: "seeding", language: "nl", term: "zaai"}, {topic: "capex", language: "", term: ""}, {topic: "capex", language: "ja", term: "設備投資"}];
  const piece = fc.oneof(
    fc.constantFrom(...lexicon.topics.slice(0, 40).map((t) => t.term), "Lizenz", "LIZENZ", "unlicen", "-licen", "(capex", "ライセンス", "設備投資", "zaaien", "Ärger", "ß", "İ", "e\u0301", " ", "\n", "1", "😀", "𝐀", "\uD800"),
    fc.string({maxLength: 6})
  );
  fc.assert(fc.property(fc.array(piece, {maxLength: 30}), fc.constantFrom("", " ", "-"), fc.constantFrom("und", "de", "nl", "ja", "en"), (parts, separator, language) => {
    const text = parts.join(separator);
    assert.deepEqual(topicsOf(text, lexicon.topics, language), topicsByTermSearch(text, lexicon.topics, language));
    assert.deepEqual(topicsOf(text, terms, language), topicsByTermSearch(text, terms, language));
    assert.equal(countTokens(text), tokens(text).length);
  }), {numRuns: 1000});
});
