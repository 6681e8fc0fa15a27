// The compile benchmark in small: 100 synthetic articles through the CLI, as a forker would run
// it. The full benchmark (100, 1,000 and 10,000 articles, memory, linear growth) is
// `npx tsx test/bench/run.ts --only compile`; see docs/performance.md.
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {runCompile} from "./bench/compile.ts";
import {writeCorpus} from "./bench/synthetic.ts";
import {TABLE_COLUMNS, TABLE_NAMES} from "../loaders/tables.ts";

// Time is the bench's (test/bench/run.ts): on a shared 2-core machine a wall-clock limit here
// would fail for the machine's load, not for the code.
const ARTICLES = 100;

test(`the CLI compiles ${ARTICLES} synthetic articles and writes every table`, {timeout: 120_000}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "ledger-smoke-"));
  try {
    writeCorpus(join(dir, "articles"), {count: ARTICLES});
    const run = await runCompile({articles: join(dir, "articles"), out: join(dir, "out")});
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.articles, ARTICLES, run.stderr);
    assert.deepEqual(run.tables, TABLE_NAMES.map((t) => `${t}.csv`).sort());
    for (const t of TABLE_NAMES) {
      const lines = readFileSync(join(dir, "out", `${t}.csv`), "utf8").split("\n");
      assert.equal(lines[0], TABLE_COLUMNS[t].join(","), `${t}.csv header`);
      if (t !== "quotes") assert.ok(lines.filter(Boolean).length > 1, `${t}.csv has rows`);
    }
    const articles = readFileSync(join(dir, "out", "articles.csv"), "utf8").trim().split("\n").length - 1;
    assert.equal(articles, ARTICLES);
    assert.ok(!Number.isFinite(run.maxRssBytes) || run.maxRssBytes < 1024 ** 3, `peak memory ${(run.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
