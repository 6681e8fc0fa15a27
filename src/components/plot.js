/**
 * Plot and d3 are most of a chapter's script (about 170 kB compressed). They are loaded only when
 * the first chart is about to be drawn, so a reader on a phone gets the text, the Inputs and the
 * checks without them. Chart components import `Plot` from here, a live binding that is the
 * library once `loadPlot()` has resolved, and draw through `plot`; pages draw them with
 * `lazyChart(key, render, {height})`, which loads Plot first.
 */
import {deferred} from "./deferred.js";

export let Plot;
let loading;

export function loadPlot() {
  return (loading ??= import("@observablehq/plot").then((module) => (Plot = module)));
}

/** `deferred`, with Plot loaded before `render` runs (at once when it already is). */
export function lazyChart(key, render, options) {
  return deferred(key, render, {...options, load: () => (Plot ? undefined : loadPlot())});
}

/**
 * Plot.plot, made valid for screen readers: Plot labels its mark groups with aria-label but no
 * role, which ARIA forbids on a plain <g>; they become named groups. Every chart component of
 * this notebook draws through this function.
 */
export function plot(options) {
  const node = Plot.plot(options);
  for (const g of node.querySelectorAll("g[aria-label]")) if (!g.hasAttribute("role")) g.setAttribute("role", "group");
  return node;
}
