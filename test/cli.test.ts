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
