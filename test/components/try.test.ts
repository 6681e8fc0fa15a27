// The pure parts of /try: the hash that carries a shared article, and the parsing of the
// worker's CSV text in pieces.
import {test} from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {SHARE_LIMIT, decodeArticle, encodeArticle, hashCode, hashName, shareUrl} from "../../src/components/shareLink.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {csvPieces, decodeInPieces, parseTables, sourceBlocks} from "../../src/components/tryArticle.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {parseTable} from "../../src/components/ledgerTables.js";

test("an article survives the trip through a link's hash, in any script, up to the stated limit", async () => {
  for (const text of ["Meta plant bis zu 65 Milliarden US-Dollar.", "メタは2025年に650億ドルを投じる。\n\n«Пример» — <b>не разметка</b> 🦙", "x".repeat(SHARE_LIMIT)]) {
    const code = await encodeArticle(text);
    assert.match(code, /^[A-Za-z0-9_-]+$/);
    assert.equal(await decodeArticle(code), text);
    const url = shareUrl(code, {name: "nyt-llama", where: {origin: "https://example.org", pathname: "/ledger/try.html", search: "?classroom"}});
    assert.equal(url, `https://example.org/ledger/try.html?classroom#article=${code}&name=nyt-llama`);
    const hash = url.slice(url.indexOf("#"));
    assert.equal(hashCode(hash), code);
    assert.equal(hashName(hash), "nyt-llama");
  }
  await assert.rejects(encodeArticle("x".repeat(SHARE_LIMIT + 1)), RangeError);
});

test("a hand-made hash is refused: not base64url, not deflate, not UTF-8, or too long once inflated", async () => {
  assert.equal(hashCode("#article=<script>"), null);
  assert.equal(hashCode("#p-de-it-boltwise-7"), null);
  assert.equal(hashName("#article=abc&name=../etc/passwd"), null);
  await assert.rejects(decodeArticle("bm90IGRlZmxhdGU"));
  // 100,000 spaces deflate to a few hundred bytes: the reader stops before the text is built.
  const stream = new Blob([new TextEncoder().encode(" ".repeat(100_000))]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bomb = new Uint8Array(await new Response(stream).arrayBuffer());
  const code = Buffer.from(bomb).toString("base64url");
  await assert.rejects(decodeArticle(code), RangeError);
});

test("the worker's CSV text parses in pieces to exactly the rows parseTable reads from the whole", async () => {
  const text = 'article_id,passage,text\na,1,"one ""quoted""\nline, with a comma"\na,2,plain\n' + Array.from({length: 500}, (_, i) => `b,${i + 1},"row\n${i}"\n`).join("");
  const pieces = csvPieces(text, 100);
  assert.ok(pieces.length > 10);
  assert.equal(pieces.join(""), text);
  assert.equal(pieces[0], "article_id,passage,text\n");
  const tables = await parseTables({passages: text}, {chunk: 100});
  const whole = parseTable(text, "passages");
  assert.deepEqual(tables.passages, whole);
  assert.deepEqual(tables.passages.columns, whole.columns);
  assert.deepEqual(tables.articles, parseTable("", "articles"));
});

test("the reader's blocks come in source order, a cut block before a passage on the same line", () => {
  const blocks = sourceBlocks({passages: [{passage: 1, line: 3}, {passage: 2, line: 1}], removed: [{block: 1, line: 3}, {block: 2, line: 9}]});
  assert.deepEqual(blocks.map((b: {type: string; n: number}) => `${b.type}:${b.n}`), ["passage:2", "removed:1", "passage:1", "removed:2"]);
});

test("the worker's bytes decode in pieces to the text, a character split across pieces included", async () => {
  const text = "\uFEFFarticle_id,text\nde,Umsatzbeteiligung über 65 Mrd. – „Seeding“ 🦙 メタ\n".repeat(50);
  const bytes = new TextEncoder().encode(text);
  for (const size of [1, 3, 7, 64, 1 << 20]) assert.equal(await decodeInPieces(bytes.buffer, {size}), text, `pieces of ${size} bytes`);
  const tables = await parseTables({articles: bytes.buffer}, {chunk: 100});
  assert.deepEqual(tables.articles, await parseTables({articles: text}, {chunk: 100}).then((t: {articles: unknown}) => t.articles));
});
