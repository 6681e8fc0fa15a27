// The build's list of checks counts every check a reader can answer on a page, those drawn at run
// time included (/try's, one set per pasted article), and the start page counts them the same way.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {checksByChapter} from "../loaders/check-ids.ts";
import {CHAPTERS} from "../src/components/chapters.js";
import {runtimeCheckPrefixes, withRuntimeChecks} from "../loaders/check-ids.ts";
import {chapterRight, chapterTotal} from "../src/components/checkList.js";

const pages = Object.fromEntries(readdirSync("src").filter((f) => f.endsWith(".md")).map((f) => [f.replace(/\.md$/, ""), readFileSync(`src/${f}`, "utf8")]));

test("runtimeCheckPrefixes reads the literal start of every id built at run time, and only those", () => {
  const source = [
    "check({\n  id: `try-700m-${key}`,\n  question: 'a, b'\n})",
    'display(check({id: "try-where"}));',
    "check({ id: `x-${a}-${b}` }); licenceCheck({id: `not-${a}`})"
  ].join("\n");
  assert.deepEqual(runtimeCheckPrefixes(source), ["try-700m-", "x-"]);
  assert.throws(() => runtimeCheckPrefixes("check({id: `${key}`})"), /no literal start/);
  assert.throws(() => runtimeCheckPrefixes("check({id: `a-${k}`}); check({id: `a-${j}`})"), /two run-time check ids start a-/);
  assert.throws(() => withRuntimeChecks([{name: "A", path: "/a", ids: ["a-1"]}], {a: "check({id: `a-${k}`})"}, [{name: "A", path: "/a"}]), /literal check id a-1 starts like/);
  assert.deepEqual(withRuntimeChecks([], {a: "check({id: `a-${k}`})"}, [{name: "A", path: "/a"}]), [{name: "A", path: "/a", ids: [], prefixes: ["a-"]}], "a page whose only checks are drawn at run time is listed");
});

test("/try: the list counts its one check and the three drawn for a pasted article, 4 in all", () => {
  const list = withRuntimeChecks(checksByChapter(pages, CHAPTERS), pages, CHAPTERS);
  const tried = list.find((c) => c.path === "/try");
  assert.ok(tried);
  assert.deepEqual(tried, {name: "Try your own article", path: "/try", ids: ["try-where"], prefixes: ["try-700m-", "try-capex-", "try-cut-"]});
  assert.equal(chapterTotal(tried), 4);
  // Every check() call of every page is counted once, literal or not.
  for (const c of list) assert.equal(chapterTotal(c), (pages[c.path.slice(1)].match(/\bcheck\(\{/g) ?? []).length, c.path);
});

test("a run-time check counts as right once it was answered right for any article; a literal one by its id", () => {
  const chapter = {ids: ["try-where"], prefixes: ["try-700m-", "try-cut-"]};
  assert.equal(chapterRight(chapter, []), 0);
  assert.equal(chapterRight(chapter, ["try-where", "try-700m-abc", "try-700m-def", "lic-osd"]), 2);
  assert.equal(chapterRight(chapter, ["try-cut-1"]), 1);
  assert.equal(chapterRight({ids: ["a"]}, ["a", "b"]), 1);
  assert.equal(chapterTotal({ids: ["a", "b"]}), 2);
});
