// Terms the pages use without explaining them link to the glossary where they first appear, and
// every glossary link names a term that exists.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";

const slugs = new Set(csvParse(readFileSync("data/glossary.csv", "utf8")).map((r) => r.slug));
const TERMS: [string, RegExp, string][] = [
  ["src/capex.md", /finance leases?/i, "finance-lease"],
  ["src/capex.md", /fact sheet/i, "fact-sheet"],
  ["src/method.md", /the contract/i, "contract"],
  ["src/seeding.md", /\bunchoke/i, "unchoke"],
  ["src/seeding.md", /tit-for-tat/i, "tit-for-tat"],
  ["src/seeding.md", /summary judgment/i, "summary-judgment"]
];

test("each listed term links to its glossary row at its first use in the prose", () => {
  for (const [file, term, slug] of TERMS) {
    assert.ok(slugs.has(slug), `glossary has ${slug}`);
    // Prose only: fenced code is not read as prose.
    const prose = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
    const first = term.exec(prose);
    assert.ok(first, `${file} uses ${term}`);
    const around = prose.slice(Math.max(0, first.index - 1), first.index + first[0].length + 40);
    assert.match(around, new RegExp(`^\\[?${term.source}[^\\]]*\\]\\(glossary\\.html#term-${slug}\\)`, "i"), `${file}: first "${first[0]}" links to the glossary: …${around}…`);
  }
});

test("every glossary link on a page names a row of the glossary", () => {
  for (const file of ["index", "licensing", "revenue-sharing", "seeding", "capex", "sources", "method"].map((p) => `src/${p}.md`)) {
    for (const m of readFileSync(file, "utf8").matchAll(/glossary\.html#term-([a-z0-9-]+)/g)) assert.ok(slugs.has(m[1]), `${file}: #term-${m[1]}`);
  }
});
