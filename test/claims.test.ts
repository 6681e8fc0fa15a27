import {test} from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {findTerm, firstTermAt, parseClaims} from "../loaders/claims.ts";
import {fold} from "../loaders/text.ts";
import {InputError} from "../loaders/csv.ts";
import {compileProject} from "../loaders/project.ts";
import {assertSnapshot} from "./snapshot.ts";
import {tableCsv} from "../loaders/emit.ts";

const {tables} = compileProject();
const stance = (claim: string) => Object.fromEntries(tables.claims.filter((c) => c.claim_id === claim).map((c) => [c.article_id, [c.stance, c.value]]));

test("the articles disagree on 2025 capex, and with Meta's $60–65 billion", () => {
  assert.deepEqual(stance("capex-2025"), {
    "de-it-boltwise": ["differs", "60 bis 80 Milliarden US-Dollar"],
    "de-llama-3-1-launch": ["silent", ""],
    "de-llama-finances": ["states", "bis zu 65 Milliarden US-Dollar"],
    "ms-techcrunch-translation": ["differs", "$60 bilion - $80 bilion"],
    "nl-techcrunch-translation": ["differs", "$ 60 miljard- $ 80 miljard"]
  });
});

test("four articles name all eight hosts; the Llama 3.1 article states the 700M clause", () => {
  const hosts = stance("named-hosts");
  for (const id of ["de-it-boltwise", "de-llama-finances", "ms-techcrunch-translation", "nl-techcrunch-translation"]) assert.equal(hosts[id][0], "states", id);
  assert.equal(hosts["de-llama-3-1-launch"][0], "silent");
  assert.deepEqual(stance("mau-700m")["de-llama-3-1-launch"], ["states", "mehr als 700 Millionen Usern"]);
  assert.deepEqual(Object.values(stance("business-model")).map((s) => s[0]), ["states", "states", "states", "states", "states"]);
  assert.deepEqual(Object.values(stance("book-volume")).map((s) => s[0]).sort(), ["differs", "differs", "differs", "silent", "silent"]);
});

test("every claim row that is not silent cites a passage whose sentence it quotes", () => {
  for (const c of tables.claims) {
    if (c.stance === "silent") continue;
    const passage = tables.passages.find((p) => p.article_id === c.article_id && p.passage === c.passage)!;
    assert.ok(passage.text.includes(c.text), `${c.claim_id}/${c.article_id}: ${c.text}`);
    if (c.claim_id !== "named-hosts") assert.ok(passage.text.includes(c.value), `${c.claim_id}/${c.article_id}: ${c.value}`);
  }
  assertSnapshot("corpus/claims.csv", tableCsv(tables, "claims"));
});

test("bad claim definitions are refused with file and line", () => {
  const header = "claim_id,topic,statement,rule,params,reference_id\n";
  const refuses = (row: string, message: RegExp) => assert.throws(() => parseClaims(header + row, "claims.csv"), (e: unknown) => e instanceof InputError && message.test(e.message));
  refuses("x,capex,s,guess,a,r\n", /^claims\.csv:2: unknown rule "guess"/);
  refuses("x,money,s,terms,a,r\n", /^claims\.csv:2: unknown topic "money"/);
  refuses("x,capex,s,figure,kind=money;low=abc,r\n", /^claims\.csv:2: low=abc is not a number/);
  refuses("x,capex,s,figure,kind=money,r\n", /needs low= or high=/);
  refuses("x,capex,s,terms,a,r\nx,capex,s,terms,b,r\n", /^claims\.csv:3: duplicate claim_id/);
});

// findTerm maps a match in the folded text back to the original by bisection over prefixes; the
// scan it replaced (one fold per prefix length) is the reference.
function findTermByScan(text: string, terms: string[]): {text: string; start: number} | null {
  const best = firstTermAt(fold(text), terms);
  if (!best) return null;
  let start = 0;
  while (start < text.length && fold(text.slice(0, start)).length < best.at) ++start;
  let end = start;
  while (end < text.length && fold(text.slice(start, end)).length < best.term.length) ++end;
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) ++end;
  return {text: text.slice(start, end), start};
}

test("findTerm finds the same word as a scan of every prefix, whatever folding does to lengths", () => {
  const piece = fc.oneof(
    fc.constantFrom("Straße", "STRASSE", "ﬁnanzierung", "Finanzierung", "İstanbul", "e\u0301", "\u0301", "Ä", "ä", "Æ", "ǅ", "ﬃ", "㎏", "½", " ", "\n", "-", "(", "“", "Umsatzbeteiligung", "revenue share", "hos", "gedeeld", "😀", "𝐀"),
    fc.string({maxLength: 6})
  );
  fc.assert(fc.property(fc.array(piece, {maxLength: 30}), fc.array(fc.constantFrom("strasse", "finanz", "istanbul", "e", "a", "ae", "umsatz", "revenue share", "hos", "ffi", "kg", "1/2", "gedeeld"), {minLength: 1, maxLength: 3}), (parts, terms) => {
    const text = parts.join("");
    assert.deepEqual(findTerm(text, terms), findTermByScan(text, terms));
  }), {numRuns: 1000});
});
