// npm run new:page -- NAME   (or: npx tsx loaders/new-page.ts NAME)
// Scaffolds a chapter that already follows the project's conventions: src/NAME.md from
// docs/templates/page.md and its data loader src/data/NAME.csv.ts from docs/templates/loader.csv.ts.
// Refuses an invalid or existing name with one line on stderr and exit code 1; writes nothing then.
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const PROJECT = fileURLToPath(new URL("..", import.meta.url));
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Names Framework or the site already uses for something else. */
const RESERVED = new Set(["index", "404", "data", "components", "new"]);

export class PageNameError extends Error {}

/** Why `name` cannot be a page (null when it can): lower-case words joined by hyphens, at most 40 characters. */
export function invalidName(name: string): string | null {
  if (!name) return "give the page a name, e.g. npm run new:page -- energy-use";
  if (!NAME.test(name)) return `"${name}" is not a valid page name: use lower-case letters, digits and single hyphens, starting with a letter (e.g. energy-use)`;
  if (name.length > 40) return `"${name}" is too long (at most 40 characters)`;
  if (RESERVED.has(name)) return `"${name}" is reserved`;
  return null;
}

/** "energy-use" → "Energy use": a first title; edit it in the front matter. */
export function titleOf(name: string): string {
  const words = name.split("-").join(" ");
  return words[0].toUpperCase() + words.slice(1);
}

export function render(template: string, name: string): string {
  return template.replaceAll("{{name}}", name).replaceAll("{{title}}", titleOf(name));
}

/** Writes the two files under `root` (the project folder) and returns their paths, relative to it. */
export function scaffold(name: string, root = PROJECT): string[] {
  const problem = invalidName(name);
  if (problem) throw new PageNameError(problem);
  const targets = {[join("src", `${name}.md`)]: "page.md", [join("src", "data", `${name}.csv.ts`)]: "loader.csv.ts"};
  const existing = Object.keys(targets).filter((path) => existsSync(join(root, path)));
  if (existing.length) throw new PageNameError(`"${name}" already exists (${existing.join(", ")}): pick another name`);
  const templates = join(root, "docs", "templates");
  const texts = Object.entries(targets).map(([path, template]) => {
    const file = join(templates, template);
    if (!existsSync(file)) throw new PageNameError(`template ${join("docs", "templates", template)} is missing`);
    return [path, render(readFileSync(file, "utf8"), name)] as const;
  });
  for (const [path, text] of texts) writeFileSync(join(root, path), text, {flag: "wx"});
  return texts.map(([path]) => path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  try {
    if (args.length > 1) throw new PageNameError(`one name at a time (got ${args.length}: ${args.join(" ")})`);
    const name = args[0] ?? "";
    const written = scaffold(name);
    process.stdout.write(
      `created ${written.join(" and ")}\n` +
        `next: add {name: "${titleOf(name)}", path: "/${name}"} to pages in observablehq.config.ts, edit the page, and run npm run dev\n`
    );
  } catch (error) {
    if (!(error instanceof PageNameError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(1);
  }
}
