// The one place that touches the file system: reads a corpus folder, the catalogue and the
// lexicons, and hands bytes to the pure pipeline.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {parseCatalogue, type CatalogueEntry} from "./catalogue.ts";
import {parseClaims, type ClaimDefinition} from "./claims.ts";
import {InputError} from "./csv.ts";
import type {Lexicon} from "./lexicon.ts";
import {lexiconFromFiles} from "./lexicon-files.ts";
import {compileCorpus, type ArticleInput, type Compiled, type CompileOptions} from "./pipeline.ts";
import {defaultExtractors} from "./extract/default.ts";

export {ROOT} from "./root.ts";
import {ROOT} from "./root.ts";

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
  return lexiconFromFiles((name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : undefined), display(dir));
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

/**
 * What every article needs: the lexicon (from `lexicon`, a folder, or data/lexicon) and the
 * extractors. Built from paths, so a worker thread builds the same options as the main thread
 * (extractors hold functions and compiled regexes, which cannot be posted to a worker).
 */
export function articleOptions(lexicon?: string): CompileOptions {
  return {lexicon: readLexicon(lexicon), extractors: defaultExtractors()};
}

/** The options of a project compile: articleOptions plus the catalogue and the claims. */
export function compileOptions(paths: Omit<ProjectPaths, "articles">): CompileOptions {
  return {
    catalogue: paths.catalogue ? readCatalogue(paths.catalogue) : [],
    ...articleOptions(paths.lexicon),
    claims: readClaims(paths.claims)
  };
}

/** Compiles a folder on this thread (the Framework data loaders, tests); see loaders/parallel.ts for large corpora. */
export function compileFolder(paths: ProjectPaths): Compiled {
  return compileCorpus(readArticles(paths.articles), compileOptions(paths));
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
