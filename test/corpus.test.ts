import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {decodeArticle} from "../loaders/read.ts";
import {tableCsv} from "../loaders/emit.ts";
import {compileProject, readLexicon} from "../loaders/project.ts";
import {compileCorpus} from "../loaders/pipeline.ts";
import {tokens} from "../loaders/text.ts";
import {assertSnapshot} from "./snapshot.ts";

const {tables, warnings} = compileProject();
const byId = (id: string) => tables.articles.find((a) => a.article_id === id)!;

test("the five articles compile, in the languages the catalogue declares", () => {
  const original = ["de-llama-finances", "de-it-boltwise", "ms-techcrunch-translation", "nl-techcrunch-translation", "de-llama-3-1-launch"];
  assert.deepEqual(original.map((id) => byId(id).language), ["de", "de", "ms", "nl", "de"]);
  for (const a of tables.articles) assert.equal(a.language, a.language_declared);
  assert.deepEqual(warnings, []);
  assert.equal(byId("de-llama-3-1-launch").published, "2024-07");
  assert.equal(byId("de-it-boltwise").outlet, "IT BOLTWISE");
});

test("job ads, the comment policy and the Dutch comment form are removed, not kept", () => {
  const removed = (id: string, reason: string) => tables.removed.filter((r) => r.article_id === id && r.reason === reason).map((r) => r.text);
  const kept = (id: string) => tables.passages.filter((p) => p.article_id === id).map((p) => p.text).join("\n");
  assert.ok(removed("de-it-boltwise", "jobs").some((t) => t.startsWith("Gruppenleiter*in Embedded AI")));
  assert.ok(removed("de-it-boltwise", "jobs").includes("Stellenangebote"));
  assert.ok(removed("de-it-boltwise", "comments").some((t) => t.startsWith("Es werden alle Kommentare moderiert")));
  assert.ok(removed("de-it-boltwise", "comments").some((t) => t.startsWith("Wir möchten, dass respektvoll")));
  assert.doesNotMatch(kept("de-it-boltwise"), /Stellenangebote|Duales Studium|Kommentar|StepStone|Patreon/);
  assert.deepEqual(removed("nl-techcrunch-translation", "comments"), ["LAAT EEN REACTIE ACHTER", "Vul alstublieft uw commentaar in!", "Vul hier uw naam in"]);
  assert.doesNotMatch(kept("nl-techcrunch-translation"), /REACTIE|Vul hier/);
  assert.deepEqual(tables.removed.filter((r) => r.article_id === "de-llama-3-1-launch").map((r) => r.text), ["date 2024-07"]);
  assert.equal(tables.removed.filter((r) => r.article_id === "de-llama-finances").length, 0, "a clean article loses nothing");
});

test("every word of every article is in a kept passage or a removed block", () => {
  for (const a of tables.articles) {
    const source = decodeArticle(readFileSync(new URL(`../data/articles/${a.file}`, import.meta.url)), a.file);
    const compiled = [...tables.passages.filter((p) => p.article_id === a.article_id), ...tables.removed.filter((r) => r.article_id === a.article_id)].map((r) => r.text).join("\n");
    assert.deepEqual(count(tokens(compiled)), count(tokens(source)), a.file);
    assert.equal(a.passages + a.removed, tables.passages.filter((p) => p.article_id === a.article_id).length + tables.removed.filter((r) => r.article_id === a.article_id).length);
  }
});

test("sentence offsets slice their passage exactly", () => {
  const passages = new Map(tables.passages.map((p) => [`${p.article_id}/${p.passage}`, p.text]));
  for (const s of tables.sentences) assert.equal(passages.get(`${s.article_id}/${s.passage}`)!.slice(s.start, s.end), s.text);
  const german = tables.sentences.filter((s) => s.article_id === "de-llama-finances").map((s) => s.text);
  assert.ok(german.includes("Ein kürzlich freigegebenes Gerichtsdokument vom 19. März hat Licht auf einen bisher unbekannten Aspekt der Llama AI-Modelle von Meta geworfen."));
});

test("the tables match their saved snapshots", () => {
  for (const name of ["articles", "passages", "removed", "sentences"] as const) assertSnapshot(`corpus/${name}.csv`, tableCsv(tables, name));
});

test("malformed but readable inputs compile: markdown syntax, a 2 MB line, an article that is only boilerplate", () => {
  const lexicon = readLexicon();
  const enc = (s: string) => new TextEncoder().encode(s);
  const big = "Meta teilt Einnahmen mit Hosting-Partnern. ".repeat(50_000);
  const result = compileCorpus([
    {file: "md.txt", bytes: enc("# Titel\n\n**Fett** und _kursiv_ mit [Link](javascript:alert(1)) und <img src=x onerror=alert(1)>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")},
    {file: "big.txt", bytes: enc(big)},
    {file: "only-boilerplate.txt", bytes: enc("Home › News\nLeave a comment\n19\n")},
    {file: "crlf.txt", bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...enc("Erste Zeile eines Artikels über Llama.\r\nZweite Zeile eines Artikels über Meta.\r\n")])}
  ], {lexicon});
  const passages = (file: string) => result.tables.passages.filter((p) => p.article_id === file.replace(/\.txt$/, ""));
  assert.ok(passages("md.txt").some((p) => p.text.includes("<img src=x onerror=alert(1)>")), "markup is kept as literal text");
  assert.equal(passages("big.txt").length, 1);
  assert.equal(passages("big.txt")[0].text.length, big.trim().length);
  assert.equal(passages("only-boilerplate.txt").length, 0);
  assert.equal(result.tables.removed.filter((r) => r.article_id === "only-boilerplate").length, 3);
  assert.ok(result.warnings.some((w) => w.startsWith("only-boilerplate.txt: every block was removed")));
  assert.deepEqual(passages("crlf.txt").map((p) => p.line), [1, 2]);
  assert.ok(result.warnings.some((w) => w.startsWith("md.txt: no row in the catalogue")));
});

function count(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return new Map([...m].sort());
}
