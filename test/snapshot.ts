// Golden-file assertions: compare with test/output/<name>; a missing file is written (never
// under CI=true, where it fails), and a mismatch writes <name>-changed.<ext> to diff against.
import assert from "node:assert/strict";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";

const OUTPUT = new URL("./output/", import.meta.url).pathname;

export function assertSnapshot(name: string, actual: string): void {
  const file = join(OUTPUT, name);
  if (!existsSync(file)) {
    if (process.env.CI === "true") assert.fail(`missing snapshot test/output/${name} (run the tests once outside CI to write it, then review and commit it)`);
    mkdirSync(dirname(file), {recursive: true});
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, "utf8");
  if (expected !== actual) {
    const changed = file.replace(/(\.[^./]+)?$/, "-changed$1");
    writeFileSync(changed, actual);
    assert.fail(`snapshot test/output/${name} differs; see ${changed.slice(changed.indexOf("test/output"))}`);
  }
}
