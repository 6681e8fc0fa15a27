import * as Plot from "@observablehq/plot";

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
