import {test} from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import fc from "fast-check";
import {InputError} from "../../loaders/csv.ts";
import {defaultEntityLexicon, extractMentions, parseEntityLexicon, type EntityLexicon} from "../../loaders/extract/mentions.ts";
import type {MentionRow, PassageContext} from "../../loaders/tables.ts";
import {checkFixtureSet, formatScore, score} from "./score.ts";

interface Case {
  name: string;
  language: string;
  text: string;
  source?: {file: string; line: number};
  /** Why the extractor gets this case wrong; such cases count in the score but are not asserted. */
  known_failure?: string;
  expected: Array<Pick<MentionRow, "entity" | "kind" | "text" | "start" | "end">>;
}

const root = new URL("../../", import.meta.url);
const cases: Case[] = JSON.parse(fs.readFileSync(new URL("test/fixtures/extract/mentions.json", root), "utf8"));

const passage = (text: string, language: string): PassageContext => ({article_id: "fixture", passage: 1, text, language, published: ""});
const key = (r: Pick<MentionRow, "entity" | "kind" | "text" | "start" | "end">) => `${r.entity} (${r.kind}) "${r.text}" @${r.start}-${r.end}`;
const pick = (r: MentionRow) => ({entity: r.entity, kind: r.kind, text: r.text, start: r.start, end: r.end});

checkFixtureSet(cases, {minCases: 40, minReal: 15});

test("synthetic cases other than the known failures are extracted exactly", () => {
  for (const c of cases.filter((c) => !c.source && !c.known_failure)) {
    assert.deepEqual(extractMentions(passage(c.text, c.language)).map(pick), c.expected, c.name);
  }
});

test("known failures still fail (remove the flag when one is fixed)", () => {
  for (const c of cases.filter((c) => c.known_failure)) {
    assert.notDeepEqual(extractMentions(passage(c.text, c.language)).map(pick), c.expected, c.name);
  }
});

test("precision and recall over the fixtures are at least 0.9", () => {
  const s = score("mentions", cases.map((c) => ({name: c.name, expected: c.expected, actual: extractMentions(passage(c.text, c.language)).map(pick)})), key);
  console.log(formatScore(s));
  assert.ok(s.precision >= 0.9, `precision ${s.precision}`);
  assert.ok(s.recall >= 0.9, `recall ${s.recall}`);
});

test("real-article cases are extracted exactly", () => {
  for (const c of cases.filter((c) => c.source && !c.known_failure)) {
    assert.deepEqual(extractMentions(passage(c.text, c.language)).map(pick), c.expected, c.name);
  }
});

test("the eight hosts of the revenue-sharing articles are hosts, their parents companies", () => {
  const lexicon = defaultEntityLexicon();
  const hosts = ["AWS", "Nvidia", "Databricks", "Groq", "Dell", "Microsoft Azure", "Google Cloud", "Snowflake"];
  for (const h of hosts) assert.equal(lexicon.entities.get(h)?.kind, "host", h);
  assert.equal(lexicon.entities.get("AWS")?.parent, "Amazon");
  assert.equal(lexicon.entities.get("Microsoft Azure")?.parent, "Microsoft");
  assert.equal(lexicon.entities.get("Google Cloud")?.parent, "Google");
  for (const parent of ["Amazon", "Microsoft", "Google"]) assert.equal(lexicon.entities.get(parent)?.kind, "company");
  for (const file of ["de-it-boltwise.txt", "ms-techcrunch-translation.txt", "nl-techcrunch-translation.txt", "de-llama-finances.txt"]) {
    const text = fs.readFileSync(new URL(`data/articles/${file}`, root), "utf8");
    const found = new Set(extractMentions(passage(text, file.slice(0, 2))).filter((m) => m.kind === "host").map((m) => m.entity));
    assert.deepEqual([...found].sort(), [...hosts].sort(), file);
  }
});

test("rows carry the passage's identity, are sorted and never overlap", () => {
  const rows = extractMentions({article_id: "a1", passage: 7, text: "AWS (Amazon Web Services) und Azure (Microsoft)", language: "de", published: ""});
  assert.deepEqual(rows.map((r) => [r.article_id, r.passage, r.entity, r.kind, r.text]), [
    ["a1", 7, "AWS", "host", "AWS"],
    ["a1", 7, "AWS", "host", "Amazon Web Services"],
    ["a1", 7, "Microsoft Azure", "host", "Azure"],
    ["a1", 7, "Microsoft", "company", "Microsoft"]
  ]);
  for (const c of cases) {
    const found = extractMentions(passage(c.text, c.language));
    for (let i = 1; i < found.length; ++i) assert.ok(found[i - 1].end <= found[i].start, c.name);
  }
});

test("language-specific aliases apply only in their language", () => {
  const nl = extractMentions(passage("zei meta -CEO over LLA-modellen", "nl")).map((m) => m.text);
  assert.deepEqual(nl, ["meta", "LLA"]);
  assert.deepEqual(extractMentions(passage("zei meta -CEO over LLA-modellen", "und")), []);
  assert.deepEqual(extractMentions(passage("Meta-Chef", "en")).map((m) => m.entity), ["Meta"]);
});

test("a custom lexicon is used instead of the default", () => {
  const lexicon = parseEntityLexicon("entity,kind,alias,language,parent,note\nAcme,company,Acme,,,\nAcme Cloud,host,Acme Cloud,,Acme,\n", "inline.csv");
  assert.deepEqual(extractMentions(passage("Acme Cloud and Acme", "en"), lexicon).map((m) => [m.entity, m.kind]), [["Acme Cloud", "host"], ["Acme", "company"]]);
});

function lexiconError(csv: string): InputError {
  try {
    parseEntityLexicon(csv, "data/lexicon/bad.csv");
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  assert.fail("no error");
}

test("a bad lexicon row is an InputError naming file and line", () => {
  const header = "entity,kind,alias,language,parent,note\n";
  let e = lexiconError(header + "Meta,company,Meta,,,\nGroq,hoster,Groq,,,\n");
  assert.equal(e.file, "data/lexicon/bad.csv");
  assert.equal(e.line, 3);
  assert.match(e.message, /^data\/lexicon\/bad\.csv:3: unknown kind "hoster"/);

  e = lexiconError(header + "Meta,company,Meta,,,\nGroq,host,Groq\n");
  assert.equal(e.line, 3);
  assert.match(e.message, /expected 6 cells/);

  e = lexiconError("entity,alias,language,parent,note\nMeta,Meta,,,\n");
  assert.equal(e.line, 1);
  assert.match(e.message, /missing column\(s\) kind/);

  e = lexiconError(header + "AWS,host,AWS,,Amazon,\n");
  assert.equal(e.line, 2);
  assert.match(e.message, /parent "Amazon"/);

  e = lexiconError(header + "Meta,company,Meta,,,\nMeta,model,Meta Platforms,,,\n");
  assert.equal(e.line, 3);

  e = lexiconError(header + "Meta,company,Meta,,,\nMeta,company,Meta,,,\n");
  assert.match(e.message, /:3: duplicate alias "Meta"/);

  // A quoted cell spanning two lines shifts the line numbers of the rows after it.
  e = lexiconError(header + "Meta,company,\"Meta\nPlatforms\",,,\nMeta,company,Meta,,,\nMark Zuckerberg,person,Zuckerberg,,,\n");
  assert.equal(e.line, 5);
  assert.match(e.message, /no alias row spelling its own canonical name/);

  e = lexiconError(header + "Meta,company,Meta,German,,\n");
  assert.equal(e.line, 2);
});

test("the default lexicon is read once", () => {
  assert.equal(defaultEntityLexicon(), defaultEntityLexicon());
});

// Alias spellings and punctuation that stress boundaries, possessives and overlaps.
const pieces = [
  "AWS", "aws", "Amazon Web Services", "Amazon", "Azure", "Microsoft", "Google Cloud", "Google", "Llama", "LLAMA", "lama",
  "Llama 3.1 405B", "Llama 3", ".1", "Meta", "meta", "Meta-Chef", "Mark Zuckerberg", "Zuckerberg", "Kadrey v. Meta", "メタ",
  "バース", "マーク・ザッカーバーグ", "'s", "’s", "s", " ", "  ", "-", "(", ")", ",", ".", "„", "“", "”", "‘", "’", "'", "\"",
  "«", "»", "「", "」", "\u00a0", "\n", "é", "\u0301", "\ud83d\ude00", "\ud800"
];
const lexicon: EntityLexicon = defaultEntityLexicon();

test("property: never throws, offsets slice to text, rows sorted and disjoint (< 5 s)", () => {
  const check = (text: string, language: string) => {
    const rows = extractMentions(passage(text, language), lexicon);
    let last = 0;
    for (const r of rows) {
      assert.equal(text.slice(r.start, r.end), r.text);
      assert.ok(r.start >= last && r.end > r.start);
      assert.ok(lexicon.entities.has(r.entity));
      last = r.end;
    }
  };
  const language = fc.constantFrom("de", "nl", "en", "ms", "ja", "und", "", "zz-ZZ");
  fc.assert(fc.property(fc.string({unit: "binary", maxLength: 200}), language, check), {numRuns: 300, seed: 42});
  fc.assert(fc.property(fc.string({unit: fc.integer({min: 0, max: 0xffff}).map((n) => String.fromCharCode(n)), maxLength: 100}), language, check), {numRuns: 200, seed: 7});
  fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}).map((a) => a.join("")), language, check), {numRuns: 500, seed: 1});
});
