/**
 * The footer's suggested citation (loaders/site-footer.ts writes it at build): fills in the page's own
 * address where the site is served, and makes the copy buttons copy the citation or its BibTeX.
 * Imported by classroom.js, which every page loads; so are the charts' PNG and SVG downloads.
 */
import {wireChartDownloads} from "./chartDownloads.js";

function pageAddress() {
  return `${location.origin}${location.pathname}`;
}

export function fillCitation(root = document) {
  for (const node of root.querySelectorAll("[data-page-url]")) {
    const relative = node.dataset.pageUrl;
    if (!relative || /^https?:/.test(relative) || !node.textContent.includes(relative)) continue;
    // Only the last occurrence is the address (the text before it is the title and the version).
    const text = node.textContent;
    const at = text.lastIndexOf(relative);
    node.textContent = text.slice(0, at) + pageAddress() + text.slice(at + relative.length);
    node.dataset.pageUrl = pageAddress();
  }
  for (const button of root.querySelectorAll("button[data-copy]")) {
    if (button.dataset.wired) continue;
    button.dataset.wired = "true";
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      const status = button.parentElement?.querySelector(".copy-status");
      const text = source?.textContent ?? "";
      try {
        await navigator.clipboard.writeText(text);
        if (status) status.textContent = "Copied.";
      } catch {
        // No clipboard (an insecure origin, or permission refused): select the text so the reader can copy it.
        const range = document.createRange();
        range.selectNodeContents(source);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        if (status) status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
      }
    });
  }
}

if (typeof document !== "undefined") {
  fillCitation();
  const main = document.getElementById("observablehq-main");
  if (main) wireChartDownloads(main);
}
