import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {parseCatalogue} from "../loaders/catalogue.ts";

test("the catalogue's url is an address found for the article, \"not found\", or empty; never anything else", () => {
  const rows = parseCatalogue(readFileSync("data/catalogue.csv", "utf8"), "data/catalogue.csv");
  for (const r of rows) assert.ok(r.url === "" || r.url === "not found" || /^https?:\/\//.test(r.url), `${r.id}: ${r.url}`);
  assert.ok(rows.some((r) => /^https?:/.test(r.url)), "at least one seed article's original page was found");
  assert.throws(() => parseCatalogue("id,file,url\na,a.txt,somewhere\n", "c.csv"), /url "somewhere"/);
});
