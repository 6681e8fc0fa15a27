// One name per chapter: the sidebar, each page's title and heading, the start page's links and the heatmap's columns.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, existsSync} from "node:fs";
import {CHAPTERS} from "../../src/components/chapters.js";
// @ts-expect-error: plain JavaScript module
import {TOPIC_COLUMNS} from "../../src/components/topicGrid.js";
import config from "../../observablehq.config.ts";

test("every chapter has one name: sidebar, page title, heading, start page and heatmap", () => {
  assert.deepEqual(config.pages, CHAPTERS.map(({name, path}: {name: string; path: string}) => ({name, path})));
  const index = readFileSync("src/index.md", "utf8");
  for (const {name, path, topic} of CHAPTERS as {name: string; path: string; topic?: string}[]) {
    if (path === "/") continue;
    const file = `src${path}.md`;
    if (!existsSync(file)) continue;
    const md = readFileSync(file, "utf8");
    assert.equal(/^title: (.*)$/m.exec(md)?.[1], name, `${file}: front-matter title`);
    assert.ok(/^# (.*)$/m.exec(md)?.[1].startsWith(name), `${file}: the heading starts with "${name}"`);
    if (topic) {
      assert.ok(index.includes(`[${name}](.${path})`), `start page links ${path} as "${name}"`);
      assert.equal(TOPIC_COLUMNS[topic], name, `heatmap column for ${topic}`);
    }
  }
  assert.doesNotMatch(index, /What does it cost\?\]|\[Is Llama open source\?\]/);
});
