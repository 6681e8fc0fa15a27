// Reading time of every page, {page: {words, minutes}}, from the prose of src/*.md.
// Framework re-runs this loader only when this file is newer than its cache; `npm run build`
// clears the cache, so a build always counts the current pages.
import {readdirSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {join} from "node:path";
import {readingTimes} from "../../loaders/reading-time.ts";

const src = fileURLToPath(new URL("..", import.meta.url));
const pages = Object.fromEntries(
  readdirSync(src)
    .filter((f) => f.endsWith(".md") && f !== "404.md")
    .map((f) => [f.replace(/\.md$/, ""), readFileSync(join(src, f), "utf8")])
);

process.stdout.write(JSON.stringify(readingTimes(pages), null, 2) + "\n");
