// The one place that touches the file system: reads a corpus folder, the catalogue and the
// lexicons, and hands bytes to the pure pipeline.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {parseCatalogue, type CatalogueEntry} from "./catalogue.ts";
import {parseClaims, type ClaimDefinition} from "./claims.ts";
import {InputError} from "./csv.ts";
import {parseBoilerplate, parseTopics, type Lexicon} from "./lexicon.ts";
import {compileCorpus, type ArticleInput, type Compiled} from "./pipeline.ts";
import {defaultExtractors} from "./extract/default.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Article files are text: .txt and .md. Anything else in the folder (README, .DS_Store) is ignored. */
const ARTICLE = /\.(?:txt|md|markdown)$/i;

export function readArticles(dir: string): ArticleInput[] {
  if (!existsSync(dir)) throw new InputError(dir, 0, "no such folder");
  return readdirSync(dir)
    .filter((f) => ARTICLE.test(f) && !/^readme\./i.test(f))
    .sort()
    .map((f) => ({file: display(join(dir, f)), bytes: new Uint8Array(readFileSync(join(dir, f)))}));
}

export function readLexicon(dir = join(ROOT, "data/lexicon")): Lexicon {
  const read = (name: string) => {
    const path = join(dir, name);
    return [readFileSync(path, "utf8"), display(path)] as const;
  };
  return {boilerplate: parseBoilerplate(...read("boilerplate.csv")), topics: parseTopics(...read("topics.csv"))};
}

export function readCatalogue(path: string): CatalogueEntry[] {
  return existsSync(path) ? parseCatalogue(readFileSync(path, "utf8"), display(path)) : [];
}

export function readClaims(path = join(ROOT, "data/claims.csv")): ClaimDefinition[] {
  return parseClaims(readFileSync(path, "utf8"), display(path));
}

export interface ProjectPaths {
  articles: string;
  catalogue?: string;
  lexicon?: string;
  /** The claims to compare; the project's own data/claims.csv when not given. */
  claims?: string;
}

export function compileFolder(paths: ProjectPaths): Compiled {
  return compileCorpus(readArticles(paths.articles), {
    catalogue: paths.catalogue ? readCatalogue(paths.catalogue) : [],
    lexicon: readLexicon(paths.lexicon),
    extractors: defaultExtractors(),
    claims: readClaims(paths.claims)
  });
}

let memo: Compiled | undefined;

/** The project's own corpus, as the Framework data loaders see it. */
export function compileProject(): Compiled {
  return (memo ??= compileFolder({articles: join(ROOT, "data/articles"), catalogue: join(ROOT, "data/catalogue.csv")}));
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}
