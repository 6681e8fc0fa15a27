// The forker: scaffolding refuses bad names, and a scaffolded page builds in a copy of the project.
import {test} from "node:test";
import assert from "node:assert/strict";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {spawnSync} from "node:child_process";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {invalidName, PageNameError, render, scaffold, titleOf} from "../loaders/new-page.ts";

const ROOT = resolve(import.meta.dirname, "..");

test("page names are lower-case words joined by hyphens, and not reserved", () => {
  for (const ok of ["energy-use", "capex2", "a"]) assert.equal(invalidName(ok), null, ok);
  for (const bad of ["", "Energy", "energy_use", "../etc", "-x", "x-", "a--b", "2024", "index", "404", "data", "é", "a".repeat(41)]) {
    assert.ok(invalidName(bad), bad);
    assert.doesNotMatch(invalidName(bad)!, /\n/, "one line");
  }
});

test("templates are filled with the name and a title", () => {
  assert.equal(titleOf("energy-use"), "Energy use");
  assert.equal(render("# {{title}} data/{{name}}.csv {{name}}", "energy-use"), "# Energy use data/energy-use.csv energy-use");
  for (const template of ["page.md", "loader.csv.ts"]) {
    const text = render(readFileSync(join(ROOT, "docs/templates", template), "utf8"), "energy-use");
    assert.doesNotMatch(text, /\{\{/, `${template}: every placeholder filled`);
  }
});

test("the page template follows the chapter conventions", () => {
  const page = readFileSync(join(ROOT, "docs/templates/page.md"), "utf8");
  assert.match(page, /^---\ntitle: .+\ndescription: .{20,}\n---\n/);
  const description = /^description: (.*)$/m.exec(page)![1];
  assert.ok(/^".*"$/.test(description) || !/: /.test(description), "the description is valid YAML (quoted, or without \": \")");
  assert.match(page, /\*\*You will be able to:\*\*/);
  assert.match(page, /resize\(\(width\) =>/);
  assert.match(page, /textAlternative\(/);
  assert.match(page, /downloadCsv\(/);
  assert.match(page, /check\(\{/);
  assert.match(page, /import "\.\/components\/classroom\.js";/);
  assert.doesNotMatch(page, /from "npm:|FileAttachment\([^)]*\)\.csv\(/, "no CDN import");
});

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "ledger-new-page-"));
  for (const entry of ["src", "data", "loaders", "docs/templates", "observablehq.config.ts", "RIGHTS.md", "LICENSE", "LICENSE-CONTENT.md", "package.json", "tsconfig.json"]) {
    cpSync(join(ROOT, entry), join(dir, entry), {recursive: true, filter: (src) => !src.includes(`${join("src", ".observablehq")}`)});
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

test("an existing or invalid name is refused with one line and nothing is written", () => {
  const dir = copyProject();
  try {
    const before = readdirSync(join(dir, "src")).sort();
    assert.throws(() => scaffold("index", dir), PageNameError);
    assert.throws(() => scaffold("Bad Name", dir), PageNameError);
    writeFileSync(join(dir, "src/data/taken.csv.ts"), "");
    assert.throws(() => scaffold("taken", dir), /already exists \(src\/data\/taken\.csv\.ts\)/);
    assert.deepEqual(readdirSync(join(dir, "src")).sort(), before);
    const cli = spawnSync("npx", ["tsx", "loaders/new-page.ts", "licensing"], {cwd: dir, encoding: "utf8"});
    assert.equal(cli.status, 1);
    const errorLines = cli.stderr.split("\n").filter((l) => l.startsWith("error:"));
    assert.deepEqual(errorLines, ['error: "licensing" already exists (src/licensing.md): pick another name']);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("a scaffolded page builds in a copy of the project, and its loader's CSV is emitted", {timeout: 15 * 60_000}, () => {
  const dir = copyProject();
  try {
    const made = spawnSync("npx", ["tsx", "loaders/new-page.ts", "energy-use"], {cwd: dir, encoding: "utf8"});
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /created src\/energy-use\.md and src\/data\/energy-use\.csv\.ts/);
    const env: NodeJS.ProcessEnv = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"};
    delete env.LEDGER_OUTPUT;
    const build = spawnSync("npx", ["observable", "build"], {cwd: dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024});
    assert.equal(build.status, 0, build.stderr + build.stdout.slice(-2000));
    const post = spawnSync("npx", ["tsx", "loaders/postbuild.ts", "dist"], {cwd: dir, encoding: "utf8"});
    assert.equal(post.status, 0, post.stderr);
    const html = readFileSync(join(dir, "dist/energy-use.html"), "utf8");
    assert.match(html, /<title>Energy use \| Llama Ledger<\/title>/, "front matter parsed");
    assert.match(html, /<meta name="description" content="A new Llama Ledger chapter about Energy use\./);
    assert.doesNotMatch(html, /description:|<hr>/, "no front matter in the body");
    assert.match(html, /<h1[^>]*>.*Energy use/);
    assert.match(html, /You will be able to/);
    assert.match(html, /_import\/components\/classroom\.[0-9a-f]+\.js/);
    const csv = readdirSync(join(dir, "dist/_file/data")).find((f) => /^energy-use\.[0-9a-f]+\.csv$/.test(f));
    assert.ok(csv, "dist/_file/data/energy-use.<hash>.csv");
    const lines = readFileSync(join(dir, "dist/_file/data", csv!), "utf8").trim().split("\n");
    assert.equal(lines[0], "topic,language,passages");
    assert.ok(lines.length > 1, "at least one row");
    assert.ok(existsSync(join(dir, "dist/_file/data/reading-times.json")) || readdirSync(join(dir, "dist/_file/data")).some((f) => f.startsWith("reading-times.")), "reading times emitted");
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
