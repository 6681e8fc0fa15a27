// Framework hard-codes two accessibility faults into every page it renders: no lang attribute
// on <html>, and a viewport that forbids zooming. This pass fixes the emitted HTML in place.
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";

export function fixHtml(html: string, lang = "en"): string {
  return html
    .replace(/<html(?![^>]*\slang=)([^>]*)>/i, `<html lang="${lang}"$1>`)
    .replace(/(<meta name="viewport" content=")([^"]*)(")/i, (_, a, content: string, z) => a + content.split(",").map((s) => s.trim()).filter((s) => !/^(maximum-scale|user-scalable)=/.test(s)).join(", ") + z)
    // The sidebar's close button sits inside its <ol>, where only <li> may stand.
    .replace(/(<ol>)(\s*<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2$1")
    .replace(/<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">/, '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar" aria-label="Show or hide the list of chapters">')
    .replace(/<nav id="observablehq-sidebar">/, '<nav id="observablehq-sidebar" aria-label="Chapters">')
    .replace(/<nav class="observablehq-pager">/g, '<nav class="observablehq-pager" aria-label="Previous and next chapter">');
}

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? "dist";
  let n = 0;
  for (const file of htmlFiles(dist)) {
    writeFileSync(file, fixHtml(readFileSync(file, "utf8")));
    ++n;
  }
  process.stderr.write(`postbuild: fixed lang and viewport in ${n} pages\n`);
}
