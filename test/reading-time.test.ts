import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {execFileSync} from "node:child_process";
import {countWords, proseText, readingTime, readingTimes} from "../loaders/reading-time.ts";
import "./components/dom.ts";
import {readingTime as readingTimeNode, readingTimeText} from "../src/components/readingTime.js";

const words = (n: number, w = "word") => Array.from({length: n}, () => w).join(" ");

test("front matter, fenced code and ${…} expressions are not counted", () => {
  const page = [
    "---", "title: A page with a long title", "description: Many words here that nobody reads as prose", "---",
    "", "# Heading two", "",
    "One two three.",
    "```js", "const notProse = words(1000);", "```",
    "~~~~", "``` not a closing fence for tildes", "still code", "~~~~",
    "Four ${resize((width) => chart(data, {width, label: \"} a brace\"}))} five",
    "<figure class=\"chart\"><figcaption>Six seven</figcaption></figure>",
    "<!-- a comment of many words -->",
    "[Eight](https://example.com/a/long/url) nine `ten`."
  ].join("\n");
  assert.equal(proseText(page).includes("notProse"), false);
  assert.equal(proseText(page).includes("resize"), false);
  assert.equal(countWords(proseText(page)), 12, proseText(page));
});

test("an unclosed fence hides the rest of the page, as CommonMark renders it", () => {
  assert.equal(readingTime("one two\n```\nthree four\n").words, 2);
});

test("a backtick run whose info string has a backtick is not a fence (CommonMark)", () => {
  assert.equal(readingTime("``` inline `code` here\nmore prose").words, 5);
});

test("minutes are words / 200, rounded, and at least one for any prose", () => {
  assert.deepEqual(readingTime(words(2800)), {words: 2800, minutes: 14});
  assert.deepEqual(readingTime(words(2899)), {words: 2899, minutes: 14});
  assert.deepEqual(readingTime(words(2900)), {words: 2900, minutes: 15});
  assert.deepEqual(readingTime(words(20)), {words: 20, minutes: 1});
  assert.deepEqual(readingTime(""), {words: 0, minutes: 0});
  assert.deepEqual(readingTime(words(300), 100), {words: 300, minutes: 3});
});

test("words in any language and numbers count; punctuation does not", () => {
  assert.equal(countWords("Die Umsatzbeteiligung – 60 bis 80 Milliarden US-Dollar."), 8);
  assert.equal(countWords("Meta berkongsi pendapatan, kata laporan itu!"), 6);
});

test("readingTimes keys pages by name, in name order, and is deterministic", () => {
  const times = readingTimes({zeta: words(400), alpha: words(10)});
  assert.deepEqual(Object.keys(times), ["alpha", "zeta"]);
  assert.deepEqual(times.zeta, {words: 400, minutes: 2});
  assert.deepEqual(readingTimes({zeta: words(400), alpha: words(10)}), times);
});

test("the component says \"About N minutes\" (singular for one) and nothing for an unknown page", () => {
  const times = {licensing: {words: 2800, minutes: 14}, glossary: {words: 150, minutes: 1}};
  const node = readingTimeNode(times, "licensing");
  assert.equal(node.nodeType, 3, "a text node");
  assert.equal(node.textContent, "About 14 minutes");
  assert.equal(readingTimeText(times, "glossary"), "About 1 minute");
  assert.equal(readingTimeText(times, "no-such-page"), "");
  assert.equal(readingTimeText(undefined, "licensing"), "");
});

test("the data loader emits every page of src/ except 404, with the same numbers as the library", () => {
  const json = JSON.parse(execFileSync("npx", ["tsx", "src/data/reading-times.json.ts"], {encoding: "utf8"}));
  const pages = readdirSync("src").filter((f) => f.endsWith(".md") && f !== "404.md").map((f) => f.replace(/\.md$/, "")).sort();
  assert.deepEqual(Object.keys(json), pages);
  assert.deepEqual(json.index, readingTime(readFileSync("src/index.md", "utf8")));
  assert.ok(json.index.minutes >= 1);
});

test("charts and checks take time too: a minute per chart, half a minute per check, and the checks' words are read", () => {
  const check = 'display(check({id: "a", question: "Which month is counted by the clause?", choices: ["June", "July"], answer: 0, why: "The month before release."}));';
  const page = [words(400), "<figure class=\"chart\">", "${lazyChart(\"a\", () => 1)}", "</figure>", "<figure class=\"chart\">${lazyChart(\"b\", () => 1)}</figure>", ...Array.from({length: 4}, () => ["```js", check, "```"]).flat()].join("\n");
  const t = readingTime(page);
  assert.equal(t.charts, 2);
  assert.equal(t.checks, 4);
  assert.equal(t.words, 400 + 4 * 13);
  assert.equal(t.minutes, Math.round((400 + 52) / 200 + 2 + 2));
  const capex = readingTime(readFileSync("src/capex.md", "utf8"));
  assert.ok(capex.minutes >= 6, `the capex chapter, with ${capex.words} words, ${capex.charts} charts and ${capex.checks} checks, is more than ${capex.minutes} minutes`);
});
