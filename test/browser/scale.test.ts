// A corpus of some hundreds of articles (the five seed articles and 300 synthetic ones from
// test/bench/synthetic.ts, with catalogue rows): no page downloads a whole corpus table, at load
// or with every chart drawn; the start page groups the articles and lists those behind a cell;
// the sources page finds an article by search and opens it from its shard. The project is copied
// to a temp dir, the corpus added there, the site built and served.
import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {launch, open} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";
import {generateCorpus, appendCatalogue, writeCorpus} from "../bench/synthetic.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const COUNT = 300;
// The tables of the contract as Framework names them in dist/_file/data/ (name.hash.csv).
const WHOLE = /\/_file\/data\/(articles|passages|removed|sentences|figures|dates|mentions|quotes|claims)\.[0-9a-f]+\.csv$/;

let dir: string;
let browser: Browser;
let server: StaticServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "ledger-scale-"));
  for (const path of readdirSync(ROOT).filter((f) => ["src", "data", "loaders", "package.json", "tsconfig.json"].includes(f) || f.endsWith(".ts"))) {
    cpSync(join(ROOT, path), join(dir, path), {recursive: true, filter: (src) => !src.includes(`${join(ROOT, "src", ".observablehq")}`)});
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeCorpus(join(dir, "data/articles"), {count: COUNT, appendTo: join(dir, "data/catalogue.csv")});
  const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", LEDGER_OUTPUT: "dist", PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`};
  execFileSync(process.execPath, [join(ROOT, "node_modules/@observablehq/framework/dist/bin/observable.js"), "build"], {cwd: dir, env, stdio: "pipe", timeout: 15 * 60_000});
  execFileSync(process.execPath, ["--import", "tsx", "loaders/postbuild.ts", "dist"], {cwd: dir, env, stdio: "pipe"});
  server = await serve(join(dir, "dist"));
  browser = await launch();
}, {timeout: 16 * 60_000});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

const pages = () => readdirSync(join(dir, "dist")).filter((f) => f.endsWith(".html") && f !== "404.html" && f !== "try.html").map((f) => f.replace(/\.html$/, ""));

test(`with ${COUNT + 5} articles no page downloads a whole corpus table, at load or with every chart drawn`, async () => {
  for (const name of pages()) {
    for (const drawDeferred of [false, true]) {
      const w = await open(browser, name === "index" ? server.url : `${server.url}${name}.html`, {drawDeferred});
      await w.page.waitForLoadState("networkidle");
      const whole = w.requests.filter((u) => WHOLE.test(u) || u.endsWith("/data/corpus/index.csv"));
      assert.deepEqual(whole, [], `${name}${drawDeferred ? " (every chart drawn)" : ""} fetched whole tables`);
      assert.deepEqual(w.errors, [], `${name}: errors`);
      await w.context.close();
    }
  }
});

test("the start page groups the articles, and a cell lists the articles behind it, paged", async () => {
  const w = await open(browser, server.url);
  const cells = w.page.locator("#corpus-grid rect[role=button]");
  assert.ok((await cells.count()) >= 5, "a grid of groups");
  assert.ok((await w.page.locator("#corpus-grid [aria-label*='Axis'] text, #corpus-grid g[aria-label='y-axis tick label'] text").count()) <= 50, "at most 50 labelled rows");
  await cells.first().click();
  await w.page.waitForSelector(".group-detail table tbody tr");
  const rows = await w.page.locator(".group-detail tbody tr").count();
  assert.ok(rows > 0 && rows <= 20, `one page of articles (${rows})`);
  assert.ok(w.requests.some((u) => u.endsWith("/data/corpus/index.csv")), "the index is fetched on click");
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("the reader finds an article by search and opens it from its shard", async () => {
  const target = generateCorpus({count: COUNT}).find((a) => a.entry.title.length > 30)!;
  const w = await open(browser, `${server.url}sources.html`);
  const search = w.page.locator(".article-finder input[type=search]");
  await search.fill(target.entry.title.slice(0, 40));
  const link = w.page.locator(`.article-finder tbody a[href*="article=${encodeURIComponent(target.entry.id)}#"]`).first();
  await link.waitFor();
  const shards = () => w.requests.filter((u) => /\/data\/corpus\/shards-\d+\/shard-\d+\.json$/.test(u));
  assert.deepEqual(shards(), [], "no shard before the reader points at a title");
  // Pointing at a title fetches its shard ahead of the click (timings are the bench's, not a test's).
  const shard = w.page.waitForRequest((r) => /\/data\/corpus\/shards-\d+\/shard-\d+\.json$/.test(r.url()));
  await link.hover();
  await shard;
  await link.click();
  await w.page.waitForSelector(`#article-${target.entry.id} .reader-title`);
  assert.equal(shards().length, 1, "the article's shard is fetched once, by the hover, and the click reuses it");
  assert.ok(!w.requests.some((u) => WHOLE.test(u)), "no whole table");
  assert.match(w.page.url(), new RegExp(`article=${target.entry.id}`));
  assert.deepEqual(w.errors, []);
  await w.context.close();
});
