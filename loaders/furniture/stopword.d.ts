// The stopword package ships no types: each export is one language's list, named by its
// ISO 639-3 code (plus a few variants such as porBr), and removeStopwords.
declare module "stopword" {
  const lists: Record<string, string[] | ((...args: unknown[]) => unknown)>;
  export = lists;
}
