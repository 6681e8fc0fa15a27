import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {cachedCompile, cachedFiles, cacheKey} from "../loaders/compile-cache.ts";
import {compileCorpus, type Compiled} from "../loaders/pipeline.ts";
import {articleOptions} from "../loaders/project.ts";

// A project in a temporary folder: two articles, a lexicon file, a loader file. The compile
// counts how often it runs, so the tests see when the cache answers and when it compiles.
function project() {
  const root = mkdtempSync(join(tmpdir(), "ledger-cache-"));
  mkdirSync(join(root, "data/articles"), {recursive: true});
  mkdirSync(join(root, "data/lexicon"), {recursive: true});
  mkdirSync(join(root, "loaders"), {recursive: true});
  writeFileSync(join(root, "data/articles/a.txt"), "Meta teilt Einnahmen mit den Hosting-Partnern, heißt es in einem Gerichtsdokument.\n");
  writeFileSync(join(root, "data/articles/b.txt"), "Meta wil in 2025 tussen 60 en 65 miljard dollar investeren in datacenters.\n");
  writeFileSync(join(root, "data/lexicon/topics.csv"), "topic,term\n");
  writeFileSync(join(root, "loaders/stage.ts"), "export const stage = 1;\n");
  let compiles = 0;
  const options = articleOptions();
  const compile = (): Compiled => {
    ++compiles;
    const inputs = readdirSync(join(root, "data/articles")).sort().map((f) => ({file: f, bytes: new TextEncoder().encode(f)}));
    return compileCorpus(inputs, options);
  };
  const cache = {root, dir: join(root, ".cache/compile"), inputs: ["data", "loaders"]};
  return {root, cache, compile, compiles: () => compiles, done: () => rmSync(root, {recursive: true, force: true})};
}

test("the corpus compiles once; every later loader reads its table from the cache", async () => {
  const p = project();
  const first = await cachedCompile(p.cache, p.compile);
  const second = await cachedCompile(p.cache, p.compile);
  assert.equal(p.compiles(), 1);
  assert.equal(first.compiled, true);
  assert.equal(second.compiled, false);
  assert.equal(second.table("articles"), first.table("articles"));
  assert.match(second.table("articles"), /^article_id,file,language/);
  p.done();
});

test("changing an article, a lexicon, a loader, or adding or renaming a file compiles again", async () => {
  const p = project();
  const keys = new Set<string>();
  const step = async (change: () => void) => {
    change();
    const c = await cachedCompile(p.cache, p.compile);
    assert.equal(c.compiled, true);
    keys.add(c.key);
  };
  await step(() => {});
  await step(() => writeFileSync(join(p.root, "data/articles/a.txt"), "Meta teilt Einnahmen mit Hosting-Partnern.\n"));
  await step(() => writeFileSync(join(p.root, "data/lexicon/topics.csv"), "topic,term\ncapex,Rechenzentrum\n"));
  await step(() => writeFileSync(join(p.root, "loaders/stage.ts"), "export const stage = 2;\n"));
  await step(() => writeFileSync(join(p.root, "data/articles/c.txt"), "Ein drittes Stück.\n"));
  await step(() => renameSync(join(p.root, "data/articles/c.txt"), join(p.root, "data/articles/d.txt")));
  assert.equal(p.compiles(), 6);
  assert.equal(keys.size, 6);
  // Back to bytes seen before: the key is the bytes, not the time, so the old entry answers.
  writeFileSync(join(p.root, "loaders/stage.ts"), "export const stage = 1;\n");
  const before = cacheKey(p.root, p.cache.inputs);
  writeFileSync(join(p.root, "loaders/stage.ts"), "export const stage = 2;\n");
  assert.notEqual(cacheKey(p.root, p.cache.inputs), before);
  assert.equal((await cachedCompile(p.cache, p.compile)).compiled, false);
  p.done();
});

test("a compile that fails leaves no entry and no lock behind", async () => {
  const p = project();
  await assert.rejects(cachedCompile(p.cache, () => { throw new Error("bad article"); }), /bad article/);
  assert.deepEqual(readdirSync(p.cache.dir), []);
  assert.equal((await cachedCompile(p.cache, p.compile)).compiled, true);
  p.done();
});

test("files made from a compile (the site's archives) are made once per compile, and again for a new one", async () => {
  const p = project();
  let makes = 0;
  const make = (compile: Awaited<ReturnType<typeof cachedCompile>>) => () => {
    ++makes;
    return {"a.txt": `made from ${compile.key}`, "b.bin": new Uint8Array([1, 2, 3])};
  };
  const first = await cachedCompile(p.cache, p.compile);
  const read = await cachedFiles(first, "site", make(first));
  const again = await cachedFiles(await cachedCompile(p.cache, p.compile), "site", make(first));
  assert.equal(makes, 1);
  assert.equal(read("a.txt").toString(), `made from ${first.key}`);
  assert.deepEqual([...again("b.bin")], [1, 2, 3]);
  writeFileSync(join(p.root, "data/articles/b.txt"), "Meta wil in 2026 meer investeren.\n");
  const changed = await cachedCompile(p.cache, p.compile);
  assert.notEqual(changed.key, first.key);
  assert.equal((await cachedFiles(changed, "site", make(changed)))("a.txt").toString(), `made from ${changed.key}`);
  assert.equal(makes, 2);
  // A make that fails leaves nothing that a later loader would read as made.
  const broken = await cachedCompile({...p.cache, inputs: ["data"]}, p.compile);
  await assert.rejects(cachedFiles(broken, "site", () => { throw new Error("bad shard"); }), /bad shard/);
  assert.deepEqual(readdirSync(broken.folder).filter((f) => f.startsWith("site")), []);
  p.done();
});
