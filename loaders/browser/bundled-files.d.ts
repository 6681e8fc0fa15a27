// Made by loaders/browser/bundle.ts when it bundles the worker: the text of every file of
// data/lexicon/ and of data/claims.csv, by path from the project root.
declare module "virtual:bundled-files" {
  export const BUNDLED_FILES: Record<string, string>;
}
