import {test} from "node:test";
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parquetReadObjects} from "hyparquet";
import {parseCsv} from "../loaders/csv.ts";
import {TABLE_COLUMNS, TABLE_NAMES} from "../loaders/tables.ts";

// `npm run compile -- --format parquet` writes the same rows as the CSV output, column for
// column: numbers as numbers, empty cells as nulls.
test("the Parquet and CSV outputs of the CLI hold the same rows", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ledger-parquet-"));
  const cli = (format: string) =>
    execFileSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", "--articles", "data/articles", "--catalogue", "data/catalogue.csv", "--out", join(dir, format), "--format", format, "--quiet"], {stdio: "pipe"});
  cli("csv");
  cli("parquet");
  for (const name of TABLE_NAMES) {
    const columns = TABLE_COLUMNS[name] as readonly string[];
    const csv = parseCsv(readFileSync(join(dir, "csv", `${name}.csv`), "utf8"), `${name}.csv`, [...columns]);
    const bytes = readFileSync(join(dir, "parquet", `${name}.parquet`));
    const parquet = await parquetReadObjects({file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)});
    assert.equal(parquet.length, csv.length, name);
    assert.ok(csv.length > 0, `${name} has rows`);
    parquet.forEach((row, i) => {
      for (const c of columns) {
        const want = (csv[i] as Record<string, string>)[c];
        const got = row[c];
        if (want === "") assert.ok(got === null || got === "", `${name} row ${i + 1} ${c}: ${got}`);
        else if (typeof got === "number") assert.equal(got, Number(want), `${name} row ${i + 1} ${c}`);
        else assert.equal(got, want, `${name} row ${i + 1} ${c}`);
      }
    });
  }
  rmSync(dir, {recursive: true, force: true});
});

test("an unknown --format is refused with the usage line", () => {
  assert.throws(
    () => execFileSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", "--articles", "data/articles", "--out", "/tmp/x", "--format", "xlsx"], {stdio: "pipe"}),
    (error: {status: number; stderr: Buffer}) => error.status === 2 && /--format is csv or parquet, not "xlsx"/.test(error.stderr.toString())
  );
});
