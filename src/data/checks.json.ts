// Every page's checks, [{name, path, ids, prefixes?}] in the sidebar's order, read from the check
// cells of src/*.md: literal ids (loaders/check-ids.ts) and the starts of ids built at run time
// (loaders/check-ids.ts too), so the start page counts every check a reader can answer on each
// page (/try: "try-where" and the three drawn for a pasted article) without loading the pages.
// Framework re-runs this loader only when this file is newer than its cache; `npm run build`
// clears the cache, so a build always lists the current checks.
import {readdirSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {join} from "node:path";
import {checksByChapter, withRuntimeChecks} from "../../loaders/check-ids.ts";
import {CHAPTERS} from "../components/chapters.js";

const src = fileURLToPath(new URL("..", import.meta.url));
const pages = Object.fromEntries(
  readdirSync(src)
    .filter((f) => f.endsWith(".md"))
    .map((f) => [f.replace(/\.md$/, ""), readFileSync(join(src, f), "utf8")])
);

process.stdout.write(JSON.stringify(withRuntimeChecks(checksByChapter(pages, CHAPTERS), pages, CHAPTERS), null, 2) + "\n");
