// Every chart on every page downloads as SVG and PNG, and the image says what it is and where it
// came from: the title, the source line, the page's address and the build date (OWID's grapher
// standard). The files are opened again in Chromium: the SVG must parse and the PNG decode.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {open, useSite} from "./browser.ts";
import {builtPages, pageUrl} from "./pages.ts";

const site = useSite();
const html = (page: string) => readFileSync(`${process.env.LEDGER_DIST ?? "dist"}/${page}.html`, "utf8");
const chartPages = builtPages().filter((p) => /<figure class="chart"/.test(html(p)));

test("the pages with charts are found", () => {
  assert.ok(chartPages.length >= 5, chartPages.join(", "));
});

for (const name of chartPages) {
  test(`${name}: each chart downloads as SVG and PNG with its title, source line, address and build date`, async () => {
    const w = await open(site.browser, pageUrl(site.server.url, name));
    const {page} = w;
    const figures = page.locator("figure.chart");
    const count = await figures.count();
    assert.ok(count > 0);
    const buildDate = await page.locator("[data-build-date]").first().getAttribute("data-build-date");
    assert.match(buildDate ?? "", /^\d{4}-\d{2}-\d{2}$/);
    for (let i = 0; i < count; i++) {
      const figure = figures.nth(i);
      const id = await figure.getAttribute("id");
      await figure.locator("svg").first().waitFor({timeout: 120_000});
      const source = await figure.getAttribute("data-source");
      assert.ok(source, `${name} #${id}: the figure names its source`);
      const links = figure.locator(":scope > .chart-downloads a");
      assert.deepEqual(await links.allInnerTexts(), ["PNG", "SVG"], `${name} #${id}`);

      const download = async (n: number) => {
        try {
          return (await Promise.all([page.waitForEvent("download", {timeout: 60_000}), links.nth(n).click()]))[0];
        } catch (error) {
          throw new Error(`${name} #${id}: no download (${await figure.locator(".chart-download-status").innerText()}): ${error}`);
        }
      };
      const svgDownload = await download(1);
      assert.equal(svgDownload.suggestedFilename(), `llama-ledger-${name}-${id}.svg`);
      const svg = readFileSync((await svgDownload.path())!, "utf8");
      const lines = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "image/svg+xml");
        if (doc.querySelector("parsererror")) return null;
        // The lines the image adds are the root's own <text> children; the chart's are inside its nested <svg>.
        return [...doc.documentElement.children].filter((n) => n.tagName === "text").map((n) => n.textContent ?? "");
      }, svg);
      assert.ok(lines, `${name} #${id}: the SVG parses`);
      const all = lines.join(" ");
      assert.ok(lines.length >= 3, `${name} #${id}: title, source and credit lines: ${all}`);
      assert.ok(all.includes(`Source: ${source}`.split(" ").slice(0, 6).join(" ")), `${name} #${id}: source line in ${all}`);
      assert.ok(all.includes(`${new URL(pageUrl(site.server.url, name)).pathname}`), `${name} #${id}: the page's address`);
      assert.ok(all.includes(`built ${buildDate}`), `${name} #${id}: the build date`);
      assert.ok(/<svg[^>]*>[\s\S]*<svg/.test(svg), `${name} #${id}: the chart itself is inside`);
      assert.ok(!/<script/i.test(svg), "no script in the file");

      const pngDownload = await download(0);
      assert.equal(pngDownload.suggestedFilename(), `llama-ledger-${name}-${id}.png`);
      const png = readFileSync((await pngDownload.path())!);
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG file");
      // Decoded in the page: twice the SVG's size, and its title band is not blank.
      const decoded = await page.evaluate(async ({bytes, svgText}) => {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], {type: "image/png"}));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext("2d")!;
        context.drawImage(bitmap, 0, 0);
        const band = context.getImageData(0, 0, bitmap.width, Math.min(bitmap.height, 80)).data;
        let dark = 0;
        for (let k = 0; k < band.length; k += 4) if (band[k] < 128) dark++;
        const root = new DOMParser().parseFromString(svgText, "image/svg+xml").documentElement;
        return {width: bitmap.width, height: bitmap.height, svgWidth: Number(root.getAttribute("width")), svgHeight: Number(root.getAttribute("height")), dark};
      }, {bytes: [...png], svgText: svg});
      assert.equal(decoded.width, decoded.svgWidth * 2, `${name} #${id}`);
      assert.equal(decoded.height, decoded.svgHeight * 2, `${name} #${id}`);
      assert.ok(decoded.dark > 100, `${name} #${id}: the title is drawn (${decoded.dark} dark pixels)`);
    }
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.external, []);
    await w.context.close();
  });
}
