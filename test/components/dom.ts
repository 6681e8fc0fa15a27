// A DOM for chart snapshot tests: components run under jsdom exactly as in the page, and the
// SVG they return is normalised (numbers rounded, generated class names reindexed) so that a
// snapshot changes only when the drawing does.
import {JSDOM} from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>", {pretendToBeVisual: true});
const g = globalThis as Record<string, unknown>;
for (const key of ["window", "document", "Node", "HTMLElement", "SVGElement", "Element", "Event", "CustomEvent", "navigator", "getComputedStyle", "requestAnimationFrame"]) {
  if (!(key in g) || key === "window" || key === "document") g[key] = (dom.window as unknown as Record<string, unknown>)[key];
}

export function serialize(node: Element | DocumentFragment): string {
  const html = node instanceof dom.window.Element ? (node as Element).outerHTML : [...node.childNodes].map((n) => (n as Element).outerHTML ?? n.textContent).join("");
  const classes = new Map<string, string>();
  return html
    .replace(/\b(plot-[0-9a-f]{6,})\b/g, (c) => (classes.has(c) ? classes.get(c)! : (classes.set(c, `plot-${classes.size}`), `plot-${classes.size - 1}`)))
    .replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></g, ">\n<");
}

// Chart components draw with the Plot that src/components/plot.js loads on demand in the page.
// @ts-expect-error: components are plain JavaScript modules shared with the pages
await (await import("../../src/components/plot.js")).loadPlot();
