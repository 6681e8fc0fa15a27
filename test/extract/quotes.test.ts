import {test} from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import fc from "fast-check";
import {InputError} from "../../loaders/csv.ts";
import {parseEntityLexicon} from "../../loaders/extract/mentions.ts";
import {defaultSpeechVerbs, extractQuotes, findQuoteSpans, parseSpeechVerbs} from "../../loaders/extract/quotes.ts";
import type {PassageContext, QuoteRow} from "../../loaders/tables.ts";
import {checkFixtureSet, formatScore, score} from "./score.ts";

interface Case {
  name: string;
  language: string;
  text: string;
  source?: {file: string; line: number};
  /** Why the extractor gets this case wrong; such cases count in the score but are not asserted. */
  known_failure?: string;
  expected: Array<Pick<QuoteRow, "text" | "speaker" | "start" | "end">>;
}

const root = new URL("../../", import.meta.url);
const cases: Case[] = JSON.parse(fs.readFileSync(new URL("test/fixtures/extract/quotes.json", root), "utf8"));

const passage = (text: string, language: string): PassageContext => ({article_id: "fixture", passage: 1, text, language, published: ""});
const key = (r: Pick<QuoteRow, "text" | "speaker" | "start" | "end">) => `"${r.text}" by "${r.speaker}" @${r.start}-${r.end}`;
const pick = (r: QuoteRow) => ({text: r.text, speaker: r.speaker, start: r.start, end: r.end});
const run = (c: Case) => extractQuotes(passage(c.text, c.language)).map(pick);

checkFixtureSet(cases, {minCases: 40, minReal: 15});

test("precision and recall over the fixtures are at least 0.9", () => {
  const s = score("quotes", cases.map((c) => ({name: c.name, expected: c.expected, actual: run(c)})), key);
  console.log(formatScore(s));
  assert.ok(s.precision >= 0.9, `precision ${s.precision}`);
  assert.ok(s.recall >= 0.9, `recall ${s.recall}`);
});

test("real-article cases are extracted exactly", () => {
  for (const c of cases.filter((c) => c.source && !c.known_failure)) assert.deepEqual(run(c), c.expected, c.name);
});

test("synthetic cases other than the known failures are extracted exactly", () => {
  for (const c of cases.filter((c) => !c.source && !c.known_failure)) assert.deepEqual(run(c), c.expected, c.name);
});

test("known failures still fail (remove the flag when one is fixed)", () => {
  for (const c of cases.filter((c) => c.known_failure)) assert.notDeepEqual(run(c), c.expected, c.name);
});

test("every Zuckerberg quote of the German, Malay and Dutch articles is his", () => {
  const files = {"de-llama-3-1-launch.txt": 4, "de-llama-finances.txt": 2, "ms-techcrunch-translation.txt": 6, "nl-techcrunch-translation.txt": 6};
  for (const [file, n] of Object.entries(files)) {
    const lines = fs.readFileSync(new URL(`data/articles/${file}`, root), "utf8").split("\n");
    const quotes = lines.flatMap((line) => extractQuotes(passage(line.trim(), file.slice(0, 2))));
    assert.equal(quotes.filter((q) => q.speaker === "Mark Zuckerberg").length, n, file);
  }
});

test("rows carry the passage's identity and index the span inside the marks", () => {
  const text = "„Wir bauen ein Ökosystem auf“, so Zuckerberg.";
  const [q] = extractQuotes({article_id: "a9", passage: 3, text, language: "de", published: "2024-07-23"});
  assert.deepEqual(q, {article_id: "a9", passage: 3, text: "Wir bauen ein Ökosystem auf", speaker: "Mark Zuckerberg", start: 1, end: 28});
});

test("pairing: nesting, apostrophes, mixed and broken marks", () => {
  const spans = (t: string) => findQuoteSpans(t).map((q) => t.slice(q.innerStart, q.innerEnd));
  assert.deepEqual(spans("„Er sagte ‚nein‘ und ging“"), ["Er sagte ‚nein‘ und ging"]);
  assert.deepEqual(spans("Meta’s and Meta's ‘models’ don't"), ["models"]);
  assert.deepEqual(spans("»Digitale Demenz« und «Bonjour»"), ["Digitale Demenz", "Bonjour"]);
  assert.deepEqual(spans("“mixed typewriter\" end"), ["mixed typewriter"]);
  assert.deepEqual(spans("Bedrijfsmodel. ” Toch"), []);
  assert.deepEqual(spans("„never closed"), []);
  assert.deepEqual(spans("「外側『内側』」"), ["外側『内側』"]);
});

test("a custom speech-verb list and entity lexicon are used", () => {
  const speechVerbs = parseSpeechVerbs("verb,language,note\nbrummte,de,\n", "inline.csv");
  const entities = parseEntityLexicon("entity,kind,alias,language,parent,note\nErika Muster,person,Erika Muster,,,\nErika Muster,person,Muster,,,\n", "inline.csv");
  const rows = extractQuotes(passage("„Ja“, brummte Muster.", "de"), {speechVerbs, entities});
  assert.deepEqual(rows.map((r) => [r.text, r.speaker]), [["Ja", "Erika Muster"]]);
  assert.deepEqual(extractQuotes(passage("„Ja“, sagte Muster.", "de"), {speechVerbs, entities}), []);
});

test("the speech-verb list covers the brief's languages", () => {
  const languages = new Set(defaultSpeechVerbs().verbs.map((v) => v.language));
  for (const l of ["de", "ms", "id", "nl", "en", "fr", "es", "pt", "it", "ja"]) assert.ok(languages.has(l), l);
  assert.equal(defaultSpeechVerbs(), defaultSpeechVerbs());
});

function verbsError(csv: string): InputError {
  try {
    parseSpeechVerbs(csv, "data/lexicon/bad_verbs.csv");
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  assert.fail("no error");
}

test("a bad speech-verb row is an InputError naming file and line", () => {
  let e = verbsError("verb,note\nsagte,\n");
  assert.match(e.message, /^data\/lexicon\/bad_verbs\.csv:1: missing column\(s\) language/);
  e = verbsError("verb,language,note\nsagte,de,\nschrieb,de\n");
  assert.equal(e.line, 3);
  assert.match(e.message, /expected 3 cells/);
  e = verbsError("verb,language,note\nsagte,de,\n,de,\n");
  assert.equal(e.line, 3);
  e = verbsError("verb,language,note\nsagte,Deutsch,\n");
  assert.equal(e.line, 2);
  e = verbsError("verb,language,note\nsagte,de,\nSagte,de,\n");
  assert.match(e.message, /:3: duplicate verb/);
});

const pieces = [
  "„", "“", "”", "‚", "‘", "’", "'", "\"", "«", "»", "‹", "›", "「", "」", "『", "』", " ", " ", " ", ",", ".", "!", "\n",
  "\u00a0", "Zuckerberg", "Mark Zuckerberg", "Meta-Chef", "Meta’s", "don't", "so", "sagte", "zei", "kata", "said", "と述べた",
  "Wir bauen offen", "open source wins", "v.", "Kadrey v. Meta", "[I]", "ザッカーバーグ", "\ud83d\ude00", "\udc00", "x"
];

// The limit is on the extractor's time: fast-check's own generation of binary strings (a
// one-off table of every code point) takes seconds on a loaded machine and is not counted.
test("property: never throws, offsets slice to text, rows sorted and disjoint (< 5 s)", () => {
  const check = (text: string, language: string) => {
    const rows = extractQuotes(passage(text, language));
    let last = 0;
    for (const r of rows) {
      assert.equal(text.slice(r.start, r.end), r.text);
      assert.ok(r.end > r.start && r.start >= last);
      assert.equal(typeof r.speaker, "string");
      last = r.end;
    }
  };
  const language = fc.constantFrom("de", "nl", "en", "ms", "ja", "fr", "und", "", "not a tag!");
  fc.assert(fc.property(fc.string({unit: "binary", maxLength: 200}), language, check), {numRuns: 300, seed: 42});
  fc.assert(fc.property(fc.string({unit: fc.integer({min: 0, max: 0xffff}).map((n) => String.fromCharCode(n)), maxLength: 100}), language, check), {numRuns: 200, seed: 7});
  fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 60}).map((a) => a.join("")), language, check), {numRuns: 600, seed: 1});
});
