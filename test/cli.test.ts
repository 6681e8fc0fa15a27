import {test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parseCsv} from "../loaders/csv.ts";
import {TABLE_COLUMNS, TABLE_NAMES} from "../loaders/tables.ts";

const cli = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", ...args], {encoding: "utf8", cwd: new URL("..", import.meta.url).pathname});

test("compile writes every table of the contract for a folder without a catalogue", () => {
  const dir = mkdtempSync(join(tmpdir(), "ledger-"));
  const articles = join(dir, "articles");
  const out = join(dir, "out");
  spawnSync("mkdir", ["-p", articles]);
  copyFileSync(new URL("../data/articles/nl-techcrunch-translation.txt", import.meta.url), join(articles, "nieuw.txt"));
  writeFileSync(join(articles, "english.md"), "Meta shares revenue with the companies that host its Llama models, according to a newly unredacted court filing.\n");
  const run = cli("--articles", articles, "--out", out);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /warning: .*nieuw\.txt: no row in the catalogue/);
  assert.deepEqual(readdirSync(out).sort(), TABLE_NAMES.map((t) => `${t}.csv`).sort());
  for (const t of TABLE_NAMES) assert.equal(readFileSync(join(out, `${t}.csv`), "utf8").split("\n")[0], TABLE_COLUMNS[t].join(","));
  const rows = parseCsv(readFileSync(join(out, "articles.csv"), "utf8"), "articles.csv");
  assert.deepEqual(rows.map((r) => [r.article_id, r.language]), [["english", "en"], ["nieuw", "nl"]]);
});

test("bad input stops the compile with one line naming the file, never a stack trace", () => {
  const dir = mkdtempSync(join(tmpdir(), "ledger-"));
  writeFileSync(join(dir, "latin1.txt"), Buffer.from([0x47, 0x72, 0xf6, 0xdf, 0x65, 0x0a]));
  const run = cli("--articles", dir, "--out", join(dir, "out"));
  assert.equal(run.status, 1);
  assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
  assert.match(run.stderr, /^error: .*latin1\.txt:1: invalid UTF-8 at byte 2 \(0xF6\)/);
  const usage = cli("--articles", dir);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--articles and --out are required/);
});

// From DEFAULT_MIN_ARTICLES (200) articles on, the CLI compiles on worker threads (loaders/parallel.ts).
const tsxCli = (env: Record<string, string>, ...args: string[]) => spawnSync(new URL("../node_modules/.bin/tsx", import.meta.url).pathname, ["loaders/cli.ts", ...args], {encoding: "utf8", cwd: new URL("..", import.meta.url).pathname, env: {...process.env, ...env}});
const nodeCli = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", ...args], {encoding: "utf8", cwd: new URL("..", import.meta.url).pathname, env: {...process.env, ...env}});

function manyArticles(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "ledger-many-"));
  const articles = join(dir, "articles");
  spawnSync("mkdir", ["-p", articles]);
  const sentences = [
    "Meta teilt Einnahmen mit den Unternehmen, die seine Llama-Modelle hosten, heißt es in einem Gerichtsdokument.",
    "Meta berkongsi hasil dengan syarikat yang menjadi hos model Llama, menurut dokumen mahkamah.",
    "Meta deelt inkomsten met de bedrijven die zijn Llama-modellen hosten, blijkt uit een rechtbankdocument."
  ];
  for (let i = 0; i < n; ++i) writeFileSync(join(articles, `a-${String(i).padStart(4, "0")}.txt`), `Artikel ${i}\n\n${sentences[i % 3]} Am ${1 + (i % 28)}. März ${2020 + (i % 6)} waren es ${i} Millionen Nutzer.\n`);
  return articles;
}

test("≥ 200 articles compile on worker threads, under `node --import tsx` and under `tsx`, to the tables of one thread", {timeout: 180_000}, () => {
  const articles = manyArticles(210);
  const out = (name: string) => join(articles, "..", name);
  const one = nodeCli({LEDGER_WORKERS: "1"}, "--articles", articles, "--out", out("one"), "--quiet");
  assert.equal(one.status, 0, one.stderr);
  assert.doesNotMatch(one.stderr, /worker threads/);
  const node = nodeCli({LEDGER_WORKERS: "2"}, "--articles", articles, "--out", out("node"), "--quiet");
  assert.equal(node.status, 0, node.stderr);
  assert.match(node.stderr, /^compiled 210 articles .* on 2 worker threads\n$/);
  const tsx = tsxCli({LEDGER_WORKERS: "2"}, "--articles", articles, "--out", out("tsx"), "--quiet");
  assert.equal(tsx.status, 0, tsx.stderr);
  assert.match(tsx.stderr, /^compiled 210 articles .* on 2 worker threads\n$/);
  for (const t of TABLE_NAMES) {
    const expected = readFileSync(join(out("one"), `${t}.csv`), "utf8");
    assert.equal(readFileSync(join(out("node"), `${t}.csv`), "utf8"), expected, `${t}.csv, node --import tsx`);
    assert.equal(readFileSync(join(out("tsx"), `${t}.csv`), "utf8"), expected, `${t}.csv, tsx`);
  }
});

test("with ≥ 200 articles, an invalid UTF-8 file stops the compile with the same one line as on one thread", {timeout: 180_000}, () => {
  const articles = manyArticles(210);
  writeFileSync(join(articles, "a-0150-latin1.txt"), Buffer.from([0x47, 0x72, 0xf6, 0xdf, 0x65, 0x0a]));
  const expected = /^error: .*a-0150-latin1\.txt:1: invalid UTF-8 at byte 2 \(0xF6\); the file is probably Latin-1 or Windows-1252: save it as UTF-8\n$/;
  for (const run of [nodeCli({LEDGER_WORKERS: "2"}, "--articles", articles, "--out", join(articles, "..", "out")), tsxCli({LEDGER_WORKERS: "2"}, "--articles", articles, "--out", join(articles, "..", "out2")), nodeCli({LEDGER_WORKERS: "1"}, "--articles", articles, "--out", join(articles, "..", "out3"))]) {
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, expected);
  }
});
