// Lighthouse (accessibility, best practices, SEO) on every built page, in Debian's Chromium.
// Performance is measured by `npm run bench`, not here: it needs several runs to be stable.
import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {launch as launchChrome, type LaunchedChrome} from "chrome-launcher";
import lighthouse from "lighthouse";
import {CHROMIUM} from "./browser.ts";
import {builtPages, pageUrl} from "./pages.ts";
import {serve, type StaticServer} from "./server.ts";

const CATEGORIES = ["accessibility", "best-practices", "seo"] as const;
let chrome: LaunchedChrome;
let server: StaticServer;
before(async () => {
  server = await serve(undefined, {gzip: true});
  chrome = await launchChrome({chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]});
});
after(async () => {
  await chrome?.kill();
  await server?.close();
});

export const scores: Record<string, Record<string, number>> = {};

for (const page of builtPages()) {
  test(`${page}: Lighthouse accessibility, best practices and SEO are 100`, {timeout: 120_000}, async () => {
    const result = await lighthouse(pageUrl(server.url, page), {port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES]});
    const lhr = result!.lhr;
    const failing: string[] = [];
    for (const c of CATEGORIES) {
      const category = lhr.categories[c];
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${c}/${ref.id}: ${audit.title}`);
      }
    }
    scores[page] = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
    console.log(`lighthouse ${page}: ${CATEGORIES.map((c) => `${c} ${scores[page][c]}`).join(", ")}`);
    assert.deepEqual(failing, []);
  });
}
