// axe-core on every built page, in light and in dark mode, after its charts have drawn.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {open, useSite} from "./browser.ts";
import {builtPages, pageUrl} from "./pages.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const site = useSite();

for (const page of builtPages()) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${page} (${colorScheme}): no axe violation, no console error, no third-party request`, async () => {
      const w = await open(site.browser, pageUrl(site.server.url, page), {colorScheme, bypassCSP: true});
      await w.page.waitForTimeout(300);
      await w.page.addScriptTag({content: axeSource});
      const violations = await w.page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        // Framework's sidebar toggle must stay a CSS sibling of the page, outside every landmark
        // (axe "region"); it is excluded here and checked on its own below.
        const result = await window.axe.run({exclude: [["#observablehq-sidebar-toggle"]]}, {resultTypes: ["violations"]});
        return result.violations.map((v: {id: string; help: string; nodes: {target: string[]; failureSummary: string}[]}) => `${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary.replace(/\n/g, " ")}`).join("\n    ")}`);
      });
      assert.deepEqual(violations, [], violations.join("\n"));
      assert.deepEqual(w.errors, []);
      assert.deepEqual(w.external, []);
      await w.context.close();
    });
  }
}

test("the sidebar toggle has a name and works from the keyboard", async () => {
  const w = await open(site.browser, site.server.url, {viewport: {width: 390, height: 844}});
  const toggle = w.page.locator("#observablehq-sidebar-toggle");
  assert.equal(await toggle.getAttribute("aria-label"), "Show or hide the list of chapters");
  await toggle.focus();
  const before = await toggle.isChecked();
  await w.page.keyboard.press("Space");
  assert.notEqual(await toggle.isChecked(), before);
  await w.context.close();
});
