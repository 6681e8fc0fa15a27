import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DEFAULT_SEED, catalogueCsv, generateCorpus, readPools, writeCorpus} from "./synthetic.ts";

function files(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

test("the same seed writes byte-identical files", () => {
  const root = mkdtempSync(join(tmpdir(), "ledger-synthetic-"));
  try {
    writeCorpus(join(root, "a"), {count: 50, seed: DEFAULT_SEED});
    writeCorpus(join(root, "b"), {count: 50, seed: DEFAULT_SEED});
    const a = files(join(root, "a"));
    const b = files(join(root, "b"));
    assert.equal(a.size, 50);
    assert.deepEqual([...a.keys()], [...b.keys()]);
    for (const [name, bytes] of a) assert.ok(bytes.equals(b.get(name)!), `${name} differs between two runs with one seed`);
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});

test("a different seed gives a different corpus", () => {
  const a = generateCorpus({count: 50, seed: 1});
  const b = generateCorpus({count: 50, seed: 2});
  assert.notDeepEqual(a.map((x) => x.text), b.map((x) => x.text));
});

test("the corpus is made of the real passages, mixes languages and carries boilerplate", () => {
  const pools = readPools();
  const real = new Set([...pools.paragraphs.values()].flat());
  const corpus = generateCorpus({count: 200});
  const lines = corpus.flatMap((a) => a.text.split("\n")).map((l) => l.replace(/^date \d{4}-\d{2} /, ""));
  assert.ok(lines.filter((l) => real.has(l)).length > 500, "most body lines are real paragraphs");
  assert.deepEqual([...new Set(corpus.map((a) => /-(\w\w)\.\w+$/.exec(a.file)![1]))].sort(), [...pools.languages].sort());
  const mixed = corpus.filter((a) => {
    const language = /-(\w\w)\.\w+$/.exec(a.file)![1];
    return a.text.split("\n").some((l) => [...pools.paragraphs].some(([k, ps]) => k !== language && ps.includes(l)));
  });
  assert.ok(mixed.length > 20, `some articles mix languages (${mixed.length})`);
  assert.ok(corpus.some((a) => /Alle Rechte vorbehalten|Hak cipta terpelihara|Alle rechten voorbehouden/.test(a.text)));
  assert.ok(corpus.every((a) => a.text.endsWith("\n") && !a.text.includes("\r")));
});

test("the catalogue gives distinct titles, many outlets, dates over 30 months and ~30 languages", () => {
  const corpus = generateCorpus({count: 1000});
  const titles = new Set(corpus.map((a) => a.entry.title));
  assert.equal(titles.size, corpus.length, "every title is distinct");
  const outlets = new Set(corpus.map((a) => a.entry.outlet).filter(Boolean));
  assert.ok(outlets.size > 100, `many outlets (${outlets.size})`);
  const months = new Set(corpus.map((a) => a.entry.published.slice(0, 7)).filter(Boolean));
  assert.ok(months.size >= 28 && months.size <= 30, `months ${months.size}`);
  assert.ok(corpus.some((a) => !a.entry.published) && corpus.some((a) => !a.entry.outlet), "some articles name no outlet or date");
  assert.ok(new Set(corpus.map((a) => a.entry.language)).size >= 25, "most of the 30 languages");
  const csv = catalogueCsv(corpus.slice(0, 3));
  assert.match(csv, /^id,file,title,outlet,published,language,translated_from,original_outlet,note\n/);
  assert.equal(csv.trim().split("\n").length, 4);
});
