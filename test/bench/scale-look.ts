// Looks at a built site as a reader would: each page at load (what it downloads), optionally with
// screenshots at phone and desktop width in light and dark.
// npx tsx test/bench/scale-look.ts DIST [--shots DIR] [--pages index,sources,licensing]
import {parseArgs} from "node:util";
import {serve} from "../browser/server.ts";
import {launch, drawAllDeferred} from "../browser/browser.ts";

const {values, positionals} = parseArgs({allowPositionals: true, options: {shots: {type: "string"}, pages: {type: "string", default: "index,sources,licensing"}, article: {type: "string"}}});
const dist = positionals[0] ?? "dist";
const server = await serve(dist, {gzip: true});
const browser = await launch();
for (const name of values.pages!.split(",")) {
  const url = name === "index" ? server.url : `${server.url}${name}.html`;
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const errors: string[] = [];
  const sizes = new Map<string, number>();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (r) => pending.push(r.sizes().then((s) => { sizes.set(r.url().replace(server.url, "/"), s.responseBodySize + s.responseHeadersSize); }, () => undefined)));
  await page.goto(url, {waitUntil: "networkidle"});
  await page.waitForTimeout(1500);
  await Promise.all(pending);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const data = [...sizes].filter(([u]) => /_file\/data|\/data\//.test(u));
  console.log(`${name}: ${sizes.size} requests, ${(total / 1024).toFixed(1)} KiB transferred (gzip) at load; data: ${data.map(([u, n]) => `${u.replace(/.*\/data\//, "")} ${(n / 1024).toFixed(1)} KiB`).join(", ") || "none"}`);
  if (errors.length) console.log(`  errors: ${errors.join(" | ")}`);
  await context.close();
}
if (values.shots) {
  for (const name of values.pages!.split(",")) {
    for (const scheme of ["light", "dark"] as const) {
      for (const width of [390, 1280]) {
        const context = await browser.newContext({viewport: {width, height: width < 600 ? 844 : 900}, colorScheme: scheme, deviceScaleFactor: 1});
        const page = await context.newPage();
        await page.goto(name === "index" ? server.url : `${server.url}${name}.html${name === "sources" && values.article ? `?article=${values.article}` : ""}`, {waitUntil: "networkidle"});
        await drawAllDeferred(page).catch(() => undefined);
        await page.waitForTimeout(500);
        await page.screenshot({path: `${values.shots}/${name}-${width}-${scheme}.png`, fullPage: true});
        // The views that change with the corpus's size, one image each.
        for (const selector of ["#corpus-grid", ".article-finder", "#claims-matrix", ".reader"]) {
          const el = page.locator(selector).first();
          if (await el.count()) await el.screenshot({path: `${values.shots}/${name}-${width}-${scheme}-${selector.replace(/\W/g, "")}.png`}).catch(() => undefined);
        }
        await context.close();
      }
    }
  }
}
await browser.close();
await server.close();
