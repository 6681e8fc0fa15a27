// "Try your own article" (/try): the pipeline in the reader's browser. The tables it makes are the
// CLI's, byte for byte; no request carries the article; bad input gets the CLI's errors; a link
// carries a short article in its hash; article text never becomes markup.
import {test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";

const TABLES = ["articles", "passages", "removed", "sentences", "figures", "dates", "mentions", "quotes", "claims"];
const ROOT = process.cwd();
const site = useSite();
const tryUrl = () => `${site.server.url}try.html`;

/** `npm run compile` on a folder holding only these files: {table: CSV text}, or the error line it printed. */
function cli(files: Record<string, Buffer | string>): {tables: Record<string, string>; error: string; dir: string} {
  const dir = mkdtempSync(join(tmpdir(), "try-cli-"));
  mkdirSync(join(dir, "in"));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, "in", name), bytes);
  const run = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", "--articles", join(dir, "in"), "--out", join(dir, "out"), "--quiet"], {cwd: ROOT, encoding: "utf8"});
  const tables: Record<string, string> = {};
  if (run.status === 0) for (const t of TABLES) tables[t] = readFileSync(join(dir, "out", `${t}.csv`), "utf8");
  const error = run.status === 0 ? "" : run.stderr.trim().split("\n").find((l) => l.startsWith("error: ")) ?? run.stderr.trim();
  return {tables, error, dir: join(dir, "in")};
}

/** Waits until the page has read the article (or stopped on it): the status line says so. */
async function settled(page: Page, {timeout = 120_000} = {}): Promise<string> {
  await page.waitForFunction(() => {
    const status = document.getElementById("try-status")?.textContent ?? "";
    const error = document.getElementById("try-error")?.textContent ?? "";
    return /^Read in /.test(status) || error !== "";
  }, undefined, {timeout});
  return (await page.locator("#try-error").textContent()) ?? "";
}

/** Every table the page offers, as the file a reader downloads. */
async function downloads(page: Page, name: string): Promise<Record<string, string>> {
  await page.waitForSelector(`#try-table-downloads a[download="${name}-claims.csv"]`);
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#try-table-downloads a[download="${name}-${t}.csv"]`).click()]);
    assert.equal(download.suggestedFilename(), `${name}-${t}.csv`);
    out[t] = readFileSync((await download.path())!, "utf8");
  }
  return out;
}

/** The first line where two CSV texts differ, both ways. */
function firstDifference(got: string, expected: string): string {
  const [a, b] = [got.split("\n"), expected.split("\n")];
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}: browser ${JSON.stringify(a[at]?.slice(0, 160))}, CLI ${JSON.stringify(b[at]?.slice(0, 160))}`;
}

/** The charts of the results (the claims matrix and the capex comparison), drawn as printing draws them. */
async function drawCharts(page: Page): Promise<void> {
  await page.waitForSelector("#try-claims .deferred");
  await page.waitForSelector("#try-capex .deferred");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.waitForSelector("#try-claims svg");
  await page.waitForSelector("#try-capex svg");
}

/** A real paste (clipboard + Ctrl+V) into the text box. */
async function paste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {origin: new URL(page.url()).origin});
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator("#try-text").fill("");
  await page.focus("#try-text");
  await page.keyboard.press("Control+V");
}

// Written for this test: words no page, table or file name of the site contains.
const PRIVATE = [
  "Quorvane Tidelmark, chief of the Brisselholt cooperative, said on 3 March 2025 that the Llama licence",
  "forbids nothing her members need. \"We serve 12 million readers, far below 700 million monthly active users,\" she said.",
  "",
  "The Zentravik foundation says Meta plans to spend up to $65 billion in 2025 on data centres."
].join("\n");
const PRIVATE_WORDS = ["Quorvane", "Tidelmark", "Brisselholt", "Zentravik"];

test("the pipeline is not downloaded until an article is given, and nothing is fetched but the site's own files", async () => {
  const w = await open(site.browser, tryUrl());
  await w.page.waitForTimeout(500);
  // The site's own page lists (reading times, the check ids the progress line counts) are no corpus table.
  assert.deepEqual(w.requests.filter((u) => /pipeline-worker|_file\/data\/(?!reading-times|checks\.)/.test(u)), [], "no pipeline or corpus table before an article");
  assert.equal(await w.page.locator("label[for=try-text]").textContent(), "Article text");
  assert.match(await w.page.locator("#privacy").innerText(), /Nothing leaves your browser/);
  await paste(w.page, PRIVATE);
  assert.equal(await settled(w.page), "");
  assert.ok(w.requests.some((u) => /pipeline-worker\.[0-9a-f]+\.js$/.test(u)), "the worker script is fetched on the first paste");
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.external, []);
  await w.context.close();
});

test("identity: each seed article, chosen as a file in Chromium, gives the tables of `npm run compile` byte for byte", {timeout: 600_000}, async () => {
  const w = await open(site.browser, tryUrl());
  const differences: string[] = [];
  for (const file of readdirSync("data/articles").filter((f) => f.endsWith(".txt")).sort()) {
    const expected = cli({[file]: readFileSync(join("data/articles", file))}).tables;
    await w.page.setInputFiles("#try-file", join("data/articles", file));
    assert.equal(await settled(w.page), "", file);
    const got = await downloads(w.page, file.replace(/\.txt$/, ""));
    for (const t of TABLES) if (got[t] !== expected[t]) differences.push(`${file} ${t}.csv: ${firstDifference(got[t], expected[t])}`);
  }
  assert.deepEqual(differences, [], differences.join("\n"));
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("no leak: after a paste, no request carries a word of the article, nor the shared link's hash", {timeout: 180_000}, async () => {
  const w = await open(site.browser, tryUrl());
  const after: Array<{url: string; body: string}> = [];
  w.context.on("request", (r) => after.push({url: r.url(), body: r.postData() ?? ""}));
  await paste(w.page, PRIVATE);
  assert.equal(await settled(w.page), "");
  await w.page.waitForSelector("#try-reader .passage");
  // Draw the charts (Plot is fetched), download a table, make a link and open it: more requests, none with the text.
  await drawCharts(w.page);
  await downloads(w.page, "my-article");
  await w.page.locator("#try-share").click();
  // The link is made asynchronously (CompressionStream): wait for it rather than race it.
  await w.page.waitForFunction(() => /#article=/.test((document.getElementById("try-share-url") as HTMLInputElement | null)?.value ?? ""));
  const link = await w.page.locator("#try-share-url").inputValue();
  assert.match(link, /#article=[A-Za-z0-9_-]+$/);
  await w.page.goto(link, {waitUntil: "networkidle"});
  assert.equal(await settled(w.page), "");
  assert.ok(after.length > 5, "requests were recorded");
  const code = link.split("#article=")[1];
  for (const {url, body} of after) {
    for (const word of PRIVATE_WORDS) {
      assert.ok(!url.includes(word) && !decodeURIComponent(url).includes(word), `request URL carries "${word}": ${url}`);
      assert.ok(!body.includes(word), `request body carries "${word}": ${url}`);
    }
    assert.ok(!url.includes(code.slice(0, 24)) && !body.includes(code.slice(0, 24)), `a request carries the link's article: ${url}`);
    assert.ok(!url.includes("#"), `a request carries a fragment: ${url}`);
  }
  assert.deepEqual(w.external, []);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("bad input: a binary file, an empty file, a Latin-1 file and an empty paste show the CLI's own error", {timeout: 180_000}, async () => {
  const w = await open(site.browser, tryUrl());
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  const cases: Array<[string, Buffer]> = [["photo.txt", png], ["empty.txt", Buffer.alloc(0)], ["latin.txt", Buffer.from("Meta plant Ausgaben f\xfcr 2025.", "latin1")], ["blank.md", Buffer.from("  \n\t\n")]];
  for (const [name, bytes] of cases) {
    const {error, dir} = cli({[name]: bytes});
    assert.ok(error.startsWith(`error: ${dir}/${name}`), `the CLI fails on ${name}: ${error}`);
    await w.page.setInputFiles("#try-file", {name, mimeType: "text/plain", buffer: bytes});
    const shown = await settled(w.page);
    assert.equal(shown, error.replace(`${dir}/`, ""), name);
  }
  // Dropping a file on the page reads it the same way.
  const {error: emptyError, dir} = cli({"dropped.txt": ""});
  const transfer = await w.page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([], "dropped.txt", {type: "text/plain"}));
    return dt;
  });
  await w.page.dispatchEvent("main", "dragover", {dataTransfer: transfer});
  await w.page.dispatchEvent("main", "drop", {dataTransfer: transfer});
  await w.page.waitForFunction(() => /dropped\.txt/.test(document.getElementById("try-error")?.textContent ?? ""));
  assert.equal(await w.page.locator("#try-error").textContent(), emptyError.replace(`${dir}/`, ""));
  // An empty box, submitted, is the CLI's empty file under the pasted article's name.
  await w.page.locator("#try-text").fill("");
  await w.page.locator("#try-run").click();
  await w.page.waitForFunction(() => /my-article\.txt/.test(document.getElementById("try-error")?.textContent ?? ""));
  const {error: pasted, dir: pastedDir} = cli({"my-article.txt": ""});
  assert.equal(await w.page.locator("#try-error").textContent(), pasted.replace(`${pastedDir}/`, ""));
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("a shared link round-trips the article, within the stated limit, and the text is never markup", {timeout: 180_000}, async () => {
  const hostile = [
    "Markup test <img src=x onerror=\"window.__pwned=1\"> and <script>window.__pwned=2</script> and <b>bold</b>.",
    "",
    "Meta said it would spend <em>$60 billion</em> to $65 billion in 2025 on data centres &amp; servers.",
    "",
    "<a href=\"javascript:window.__pwned=3\">a link</a> <svg onload=\"window.__pwned=4\"></svg>"
  ].join("\n");
  const w = await open(site.browser, tryUrl());
  await paste(w.page, hostile);
  assert.equal(await settled(w.page), "");
  await drawCharts(w.page);
  const first = await downloads(w.page, "my-article");
  const created = await w.page.evaluate(() => ({
    img: document.querySelectorAll(["img", "script", "b", "em", "a[href^='javascript']", "svg"].map((tag) => `#try-reader ${tag}, #try-claims .claim-detail ${tag}`).join(", ")).length,
    pwned: (window as unknown as {__pwned?: number}).__pwned ?? null,
    text: document.getElementById("try-reader")!.textContent
  }));
  assert.equal(created.pwned, null);
  assert.equal(created.img, 0, "no element made from the article's text");
  assert.ok(created.text!.includes("<img src=x onerror=\"window.__pwned=1\">"), "the markup is shown as the characters it is");

  await w.page.locator("#try-share").click();
  // The link is made asynchronously (CompressionStream): wait for it rather than race it.
  await w.page.waitForFunction(() => /#article=/.test((document.getElementById("try-share-url") as HTMLInputElement | null)?.value ?? ""));
  const link = await w.page.locator("#try-share-url").inputValue();
  assert.ok(w.page.url().endsWith(link.slice(link.indexOf("#"))), "the address bar carries the link");
  const other = await open(site.browser, link);
  assert.equal(await settled(other.page), "");
  assert.equal(await other.page.locator("#try-text").inputValue(), hostile);
  assert.deepEqual(await downloads(other.page, "my-article"), first, "the link's article compiles to the same tables");
  assert.equal(await other.page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned ?? null), null);
  assert.deepEqual(other.errors, []);
  await other.context.close();

  // The limit is stated on the page, and a longer article gets no link.
  assert.match(await w.page.locator("main").innerText(), /8,000 characters/);
  await paste(w.page, "Meta plans to spend $65 billion. ".repeat(300));
  assert.equal(await settled(w.page), "");
  assert.equal(await w.page.locator("#try-share").isDisabled(), true);
  assert.match(await w.page.locator("#try-share-status").innerText(), /at most 8,000/);
  // Pasting another article drops the old article from the address.
  assert.ok(!w.page.url().includes("#article="), "the address no longer carries the shared article");
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("a long article is drawn in parts, and a link to a passage not drawn yet draws up to it", {timeout: 180_000}, async () => {
  const towns = ["Aberholt", "Brinmoor", "Calverly", "Dunmere", "Eskwith", "Fallowby", "Garnholm", "Hythebury"];
  const paragraphs = Array.from({length: 130}, (_, i) => `In ${towns[i % towns.length]}, report ${i + 1} of the series, the council discussed item ${i * 7 + 3} of its budget for ${2000 + (i % 20)} at length.`);
  paragraphs.push("Meta said in January that it plans capital expenditures of $60 billion to $65 billion in 2025, mostly for data centres.");
  const w = await open(site.browser, tryUrl());
  await paste(w.page, paragraphs.join("\n\n"));
  assert.equal(await settled(w.page), "");
  await w.page.waitForSelector("#try-reader .try-more");
  const drawn = await w.page.locator("#try-reader .passage, #try-reader .removed").count();
  assert.ok(drawn <= 80, `${drawn} blocks drawn at first`);
  const link = w.page.locator("#try-checks form.check[data-check^='try-capex'] .check-feedback a");
  await w.page.locator("#try-checks form.check[data-check^='try-capex'] input").first().check();
  await w.page.locator("#try-checks form.check[data-check^='try-capex'] button").click();
  const href = (await link.getAttribute("href"))!;
  assert.match(href, /^#p-my-article-\d+$/);
  await link.click();
  assert.equal(await w.page.locator(href).count(), 1, `${href} is drawn once its link is followed`);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("an article read on /try passes axe in light and dark, with its reader, matrix and checks", {timeout: 180_000}, async () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  for (const colorScheme of ["light", "dark"] as const) {
    const w = await open(site.browser, tryUrl(), {colorScheme, bypassCSP: true});
    await w.page.setInputFiles("#try-file", "data/articles/de-llama-finances.txt");
    assert.equal(await settled(w.page), "");
    await drawCharts(w.page);
    assert.equal(await w.page.locator("#try-checks form.check").count(), 3);
    await w.page.addScriptTag({content: axeSource});
    const violations = await w.page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      // The page's frame (sidebar toggle, footer) is a11y.test.ts's; this test is about what an article adds.
      const result = await window.axe.run({include: [["#observablehq-main"]]}, {resultTypes: ["violations"]});
      return result.violations.map((v: {id: string; help: string; nodes: {target: string[]}[]}) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(violations, [], `${colorScheme}: ${violations.join("\n")}`);
    assert.deepEqual(w.errors, []);
    await w.context.close();
  }
});
