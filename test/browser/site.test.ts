// The built site as a static host serves it: every internal link and asset resolves, pages work
// from a sub-path, the 404 page works, and every page carries its Content Security Policy.
import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {dirname, join, normalize} from "node:path";
import type {Browser} from "playwright-core";
import {launch, open} from "./browser.ts";
import {builtPages, knownAnchors, pageUrl} from "./pages.ts";
import {serve, type StaticServer} from "./server.ts";

const dist = process.env.LEDGER_DIST ?? "dist";
let browser: Browser;
let subpath: StaticServer;
before(async () => {
  subpath = await serve(dist, {base: "/llama-ledger/"});
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await subpath?.close();
});

// Passage, cut and reference anchors are drawn at run time by the sources page; they must name
// a passage or cut block of the compiled tables or a row of data/reference.
test("every internal link and asset in the HTML resolves to a file, every #fragment to an id", () => {
  const broken: string[] = [];
  const anchors = knownAnchors();
  for (const page of [...builtPages(), "404"]) {
    const file = join(dist, `${page}.html`);
    const html = readFileSync(file, "utf8");
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    if (page === "sources") for (const id of anchors) ids.add(id);
    for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      if (/^(?:[a-z]+:|\/\/)/i.test(url)) continue;
      const [path, fragment] = url.split("#");
      if (!path) {
        if (fragment && !ids.has(decodeURIComponent(fragment))) broken.push(`${page}: #${fragment}`);
        continue;
      }
      if (fragment && /^(?:p|ref|cut)-/.test(fragment) && !anchors.has(decodeURIComponent(fragment))) broken.push(`${page}: ${url}`);
      const target = normalize(join(dirname(file), decodeURIComponent(path.split("?")[0])));
      const resolved = existsSync(target) && !target.endsWith("/") ? target : existsSync(target + ".html") ? target + ".html" : join(target, "index.html");
      if (!existsSync(resolved)) broken.push(`${page}: ${url}`);
    }
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval' 'unsafe-hashes' 'sha256-/, page);
    assert.match(html, /<html lang="en"/, page);
    assert.doesNotMatch(html, /maximum-scale/, page);
    assert.match(html, /<meta name="description" content="[^"]{20,}"/, page);
  }
  assert.deepEqual(broken, []);
});

test("every page works from a sub-path, with no failed request", async () => {
  for (const page of builtPages()) {
    const failed: string[] = [];
    const w = await open(browser, pageUrl(subpath.url, page));
    w.page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await w.page.reload({waitUntil: "networkidle"});
    assert.deepEqual(failed, [], page);
    assert.deepEqual(w.errors, [], page);
    assert.ok(await w.page.locator("#observablehq-main h1").count(), page);
    await w.context.close();
  }
});

test("a missing page answers 404 with the notebook's own page", async () => {
  const root = await serve(dist);
  try {
    const w = await open(browser, `${root.url}no-such-chapter.html`);
    assert.match(await w.page.locator("h1").first().innerText(), /Page not found/);
    // The browser logs the 404 status of the page itself; anything else is a real error.
    assert.deepEqual(w.errors.filter((e) => !/status of 404/.test(e)), []);
    const response = await w.page.request.get(`${root.url}no-such-chapter.html`);
    assert.equal(response.status(), 404);
    await w.context.close();
  } finally {
    await root.close();
  }
});
