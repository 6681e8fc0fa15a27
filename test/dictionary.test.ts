// docs/data-dictionary.md is generated from the table contract; it cannot drift from it.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {DESCRIPTIONS, DICTIONARY_PATH, dictionaryMarkdown, type TableDescription} from "../loaders/dictionary.ts";
import {TABLE_COLUMNS, TABLE_NAMES} from "../loaders/tables.ts";

test("the committed docs/data-dictionary.md is exactly the generated text (run: npx tsx loaders/dictionary.ts --write)", () => {
  assert.equal(readFileSync(DICTIONARY_PATH, "utf8"), dictionaryMarkdown());
});

test("every column of every table is described, and nothing else is", () => {
  assert.deepEqual(Object.keys(DESCRIPTIONS).sort(), [...TABLE_NAMES].sort());
  for (const table of TABLE_NAMES) {
    const described = DESCRIPTIONS[table].columns as Record<string, readonly [string, string]>;
    assert.deepEqual(Object.keys(described).sort(), [...(TABLE_COLUMNS[table] as readonly string[])].sort(), table);
    assert.ok(DESCRIPTIONS[table].rows.trim(), `${table}: what one row is`);
    for (const [column, [type, meaning]] of Object.entries(described)) {
      assert.ok(type.trim() && meaning.trim().length >= 10, `${table}.${column} has a type and a meaning`);
    }
  }
});

test("the dictionary lists each table's columns in the contract's order", () => {
  const text = dictionaryMarkdown();
  for (const table of TABLE_NAMES) {
    const section = text.split(`\n## ${table}\n`)[1].split("\n## ")[0];
    const columns = [...section.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(columns, [...(TABLE_COLUMNS[table] as readonly string[])], table);
  }
});

test("a description missing a column does not compile (checked by tsc)", () => {
  // @ts-expect-error: `quotes` has six columns; a description with one is a type error.
  const incomplete: TableDescription<"quotes"> = {rows: "one row per quotation", columns: {article_id: ["text", "The article's id."]}};
  assert.ok(incomplete);
});
