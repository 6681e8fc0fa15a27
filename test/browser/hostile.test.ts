// A hostile article: markup, event handlers and javascript: links in the text of an article must
// reach the page as text and run nothing. The project is copied to a temp dir, the article added,
// the site built there and served.
import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {launch, open} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const HOSTILE = `# Ein feindlicher Artikel über Llama

Meta hat am Dienstag das Modell Llama vorgestellt. Die Lizenz erlaubt vieles, aber nicht alles, und Kritiker sagen, dass Llama nicht wirklich Open Source ist. <script>window.__pwned=1</script>

Mark Zuckerberg schrieb in einem Blogbeitrag, dass offene Modelle gut für die Welt seien. <img src=x onerror="window.__pwned=2"> Die Entwickler können die Modelle herunterladen und anpassen.

Weitere Informationen finden Sie hier: [click](javascript:window.__pwned=3) und auch <a href="javascript:window.__pwned=4">x</a> auf der Seite des Unternehmens.

Meta says the licence lets developers build on Llama, but services with more than 700 million monthly users need permission first.
`;

let dir: string;
let browser: Browser;
let server: StaticServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "ledger-hostile-"));
  for (const path of ["src", "data", "loaders", "observablehq.config.ts", "package.json", "tsconfig.json"]) {
    cpSync(join(ROOT, path), join(dir, path), {recursive: true, filter: (src) => !src.includes(`${join(ROOT, "src", ".observablehq")}`)});
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "data/articles/zz-hostile.txt"), HOSTILE);
  const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", LEDGER_OUTPUT: "dist"};
  execFileSync("npx", ["observable", "build"], {cwd: dir, env, stdio: "pipe", timeout: 240_000});
  execFileSync("npx", ["tsx", "loaders/postbuild.ts", "dist"], {cwd: dir, env, stdio: "pipe"});
  server = await serve(join(dir, "dist"));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

test("a hostile article is shown as text and runs nothing", {timeout: 300_000}, async () => {
  const {page, errors, external, context} = await open(browser, `${server.url}sources.html?article=zz-hostile`);
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.waitForSelector("#article-zz-hostile .passage");
  const text = await page.locator("#article-zz-hostile").innerText();
  assert.match(text, /<script>window\.__pwned=1<\/script>/, "the script tag is visible as text");
  assert.match(text, /onerror/, "the event handler is visible as text");
  assert.match(text, /javascript:window\.__pwned=3/);
  assert.equal(await page.locator("#article-zz-hostile script, #article-zz-hostile img, #article-zz-hostile iframe").count(), 0);
  // Every link inside the passages is the reader's own (¶ anchors); click each, then try the hostile hrefs by hand.
  const links = page.locator("#article-zz-hostile .passage a");
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  assert.ok(hrefs.length > 0);
  assert.ok(hrefs.every((h) => /^#p-zz-hostile-\d+$/.test(h)), `only passage anchors: ${hrefs.join(" ")}`);
  for (let i = 0; i < hrefs.length; i++) await links.nth(i).click();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned), undefined);
  assert.deepEqual(dialogs, []);
  // The same article, reached by a passage link instead of ?article=.
  await page.goto(`${server.url}sources.html#p-zz-hostile-2`, {waitUntil: "networkidle"});
  await page.waitForSelector("#p-zz-hostile-2");
  assert.equal(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(external, []);
  await context.close();
});
