import assert from "node:assert/strict";
import test from "node:test";
import {formatCsv, parseCsv} from "../loaders/csv.ts";
import {csvRecords, firstCell, recordsCsv} from "../loaders/csv-records.ts";

const columns = ["article_id", "passage", "text"] as const;
const rows = [
  {article_id: "a", passage: 1, text: "plain"},
  {article_id: "b,c", passage: 2, text: "a \"quoted\" word, and a comma"},
  {article_id: "d\"e", passage: 3, text: "two\nlines, one \"cell\""},
  {article_id: "f", passage: 4, text: ""},
  {article_id: "a", passage: 5, text: "\"\n\""}
];

test("csv records: one per row of formatCsv's text, line breaks inside quotes kept", () => {
  const text = formatCsv(rows, columns);
  const {header, records} = csvRecords(text);
  assert.equal(header, "article_id,passage,text");
  assert.equal(records.length, rows.length);
  assert.deepEqual(records.map(firstCell), rows.map((r) => r.article_id));
  assert.equal(recordsCsv(header, records), text);
});

test("csv records: any subset of records is formatCsv's text of those rows", () => {
  const text = formatCsv(rows, columns);
  const {header, records} = csvRecords(text);
  for (const keep of [[0, 4], [1, 2], [3], []]) {
    const subset = recordsCsv(header, keep.map((i) => records[i]));
    assert.equal(subset, formatCsv(keep.map((i) => rows[i]), columns));
    assert.deepEqual(parseCsv(subset, "subset.csv").map((r) => r.article_id), keep.map((i) => rows[i].article_id));
  }
});

test("csv records: a header alone, and text without a final line break", () => {
  assert.deepEqual(csvRecords("a,b\n"), {header: "a,b", records: []});
  assert.deepEqual(csvRecords("a,b\nx,\"y\nz\""), {header: "a,b", records: ["x,\"y\nz\""]});
  assert.equal(firstCell("only"), "only");
  assert.equal(firstCell("\"x\"\"y\",z"), "x\"y");
});
