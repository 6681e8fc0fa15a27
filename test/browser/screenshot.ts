// Screenshots of built pages for a person to look at: desktop and phone width, light and dark.
// npx tsx test/browser/screenshot.ts [page ...]   (dist from LEDGER_DIST or dist/; PNGs to SHOTS or /tmp/shots)
import {mkdirSync} from "node:fs";
import {launch, open} from "./browser.ts";
import {serve} from "./server.ts";

const pages = process.argv.slice(2).length ? process.argv.slice(2) : ["index"];
const out = process.env.SHOTS ?? "/tmp/shots";
mkdirSync(out, {recursive: true});
const server = await serve();
const browser = await launch();
for (const page of pages) {
  for (const [name, viewport] of [["desktop", {width: 1280, height: 900}], ["phone", {width: 390, height: 844}]] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      const w = await open(browser, `${server.url}${page === "index" ? "" : page + ".html"}${process.env.QUERY ?? ""}`, {viewport, colorScheme});
      await w.page.waitForTimeout(500);
      const file = `${out}/${page}-${name}-${colorScheme}.png`;
      await w.page.screenshot({path: file, fullPage: true});
      console.log(file, w.errors.length ? `console errors: ${w.errors.join(" | ")}` : "", w.external.length ? `external: ${w.external.join(" ")}` : "");
      await w.context.close();
    }
  }
}
await browser.close();
await server.close();
