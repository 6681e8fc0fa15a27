// The licence checker's controls on phones and a desktop: each label sits directly above (or left
// of) its own control and nearer to it than to any other control, and all three are laid out alike,
// so a reader never pairs "Service" with the Llama version's select.
import {test} from "node:test";
import assert from "node:assert/strict";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";

const site = useSite();

interface Rect { left: number; top: number; right: number; bottom: number }
const CONTROLS = [
  {label: "Llama version", control: "select"},
  {label: "Service", control: "select"},
  {label: /^Your own service's monthly active users/, control: "input[type=number]"}
] as const;

/** The gap between two boxes (0 if they touch or overlap), the way an eye groups them. */
function gap(a: Rect, b: Rect): number {
  const dx = Math.max(0, b.left - a.right, a.left - b.right);
  const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
  return Math.hypot(dx, dy);
}

async function boxes(page: Page): Promise<{label: Rect; control: Rect; name: string}[]> {
  const out = [];
  for (const {label, control} of CONTROLS) {
    const lab = page.locator("#observablehq-main form label").filter({hasText: label}).first();
    const id = await lab.getAttribute("for");
    assert.ok(id, `the label ${label} names its control`);
    const ctl = page.locator(`[id="${id}"]`);
    assert.equal(await ctl.evaluate((e, sel) => e.matches(sel), control), true, `${label} labels a ${control}`);
    const rect = async (l: typeof lab): Promise<Rect> => {
      const b = (await l.boundingBox())!;
      return {left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height};
    };
    out.push({name: String(label), label: await rect(lab), control: await rect(ctl)});
  }
  return out;
}

for (const width of [360, 390, 412, 430, 1280]) {
  test(`licence checker at ${width} px: every label sits with its own control`, async () => {
    const w = await open(site.browser, `${site.server.url}licensing.html`, {viewport: {width, height: width < 640 ? 844 : 800}});
    await w.page.getByLabel("Service", {exact: true}).waitFor();
    const b = await boxes(w.page);
    const placements = b.map(({name, label, control}) => {
      const above = label.bottom <= control.top + 0.5 && label.left <= control.left + 0.5 && label.right > control.left;
      const beside = label.right <= control.left + 0.5 && label.top < control.bottom && label.bottom > control.top;
      assert.ok(above || beside, `${name}: the label is neither directly above nor left of its control (${JSON.stringify({label, control})})`);
      const own = gap(label, control);
      for (const other of b) {
        if (other.name === name) continue;
        const d = gap(label, other.control);
        assert.ok(own < d, `${name}: ${own.toFixed(1)} px from its own control but ${d.toFixed(1)} px from ${other.name}'s`);
      }
      return above ? "above" : "beside";
    });
    assert.deepEqual(placements, placements.map(() => placements[0]), `the controls are laid out alike (${placements.join(", ")})`);
    for (const {name, control} of b) assert.ok(control.bottom - control.top >= 24, `${name}'s control is ${(control.bottom - control.top).toFixed(1)} px tall (at least 24 px for a finger)`);
    assert.deepEqual(w.errors, []);
    await w.context.close();
  });
}
