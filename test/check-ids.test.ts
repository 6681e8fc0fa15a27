import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {checkIds, checksByChapter} from "../loaders/check-ids.ts";
import {CHAPTERS} from "../src/components/chapters.js";

test("checkIds reads the literal id of every check({…}) call, in order, and skips ids built at run time", () => {
  const source = [
    'display(check({id: "a-one", question: "?"}));',
    "```js\ndisplay(check({\n  id: 'a-two',\n  choices: []\n}));\n```",
    "check({\n  id: `try-700m-${key}`,\n})",
    "licenceCheck({id: \"not-a-check\"}); checkLicence({id: \"nor-this\"})",
    "check({ id: `a-three` })"
  ].join("\n");
  assert.deepEqual(checkIds(source), ["a-one", "a-two", "a-three"]);
});

test("checkIds refuses a check whose id is missing or used twice", () => {
  assert.throws(() => checkIds('check({question: "no id"})'), /does not start with its id/);
  assert.throws(() => checkIds('check({id: "x"}); check({id: "x"})'), /used twice/);
  assert.throws(() => checksByChapter({a: 'check({id: "x"})', b: 'check({id: "x"})'}, [{name: "A", path: "/a"}, {name: "B", path: "/b"}]), /on \/a and \/b/);
});

test("the real pages: every chapter has checks, listed in the sidebar's order", () => {
  const pages = Object.fromEntries(readdirSync("src").filter((f) => f.endsWith(".md")).map((f) => [f.replace(/\.md$/, ""), readFileSync(`src/${f}`, "utf8")]));
  const list = checksByChapter(pages, CHAPTERS);
  const order = CHAPTERS.map((c: {path: string}) => c.path);
  assert.deepEqual(list.map((c) => c.path), [...list.map((c) => c.path)].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  for (const path of ["/licensing", "/revenue-sharing", "/seeding", "/capex"]) {
    assert.ok((list.find((c) => c.path === path)?.ids.length ?? 0) >= 4, `${path} has checks`);
  }
  assert.ok(!list.some((c) => c.ids.some((id) => id.includes("${"))), "no run-time id is listed");
});
