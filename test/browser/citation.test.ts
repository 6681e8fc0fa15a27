// Every page can be cited and reused: a suggested citation with the build's date and the page's
// own address, a copy button, the reuse terms and licences, and links to the page's source.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {open, useSite} from "./browser.ts";
import {builtPages, pageUrl} from "./pages.ts";

const site = useSite();

test("every page offers a suggested citation (text and BibTeX, the build's date, the page's own address), reuse terms and source links", async () => {
  const {version} = JSON.parse(readFileSync("package.json", "utf8"));
  for (const name of builtPages()) {
    const w = await open(site.browser, pageUrl(site.server.url, name));
    const page = w.page;
    const text = await page.locator("#citation-text").innerText();
    assert.match(text, new RegExp(`version ${version.replace(/\./g, "\\.")}, built \\d{4}-\\d{2}-\\d{2}`), `${name}: ${text}`);
    const url = new URL(page.url());
    assert.ok(text.endsWith(`${url.origin}${url.pathname}`), `${name}: the citation ends with the page's address: ${text}`);
    assert.match(await page.locator("#citation-bibtex").textContent() ?? "", /^@misc\{llamaledger\d{4}/);
    assert.equal(await page.locator("button[data-copy='citation-text']").count(), 1);
    assert.match(await page.locator("#observablehq-footer").innerText(), /Reuse this work[\s\S]*CC BY 4\.0[\s\S]*MIT/);
    assert.match(await page.locator("#observablehq-footer .licence-line").innerText(), /CC BY 4\.0 · code: MIT/);
    // No repository is configured in the test build: "View source" opens the site's own copy of
    // the page's Markdown, byte for byte, and there is no edit link to a made-up address.
    const source = await page.locator("a.view-source").getAttribute("href");
    // Framework writes the footer's relative links as "./…".
    assert.match(source ?? "", new RegExp(`^(?:\\./)?_source/src/${name}\\.md$`), `${name}: ${source}`);
    const served = await page.request.get(new URL(source!, page.url()).href);
    assert.equal(served.status(), 200, `${name}: ${source} is served`);
    assert.equal(await served.text(), readFileSync(`src/${name}.md`, "utf8"), `${name}: the served source is the page's Markdown`);
    assert.equal(await page.locator("a.edit-page").count(), 0, `${name}: no edit link without a repository`);
    await w.context.close();
  }
});
