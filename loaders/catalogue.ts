import {InputError, parseCsv} from "./csv.ts";

/** What the catalogue says of an article, from the text itself or its provenance; empty means unknown. */
export interface CatalogueEntry {
  id: string;
  file: string;
  title: string;
  outlet: string;
  published: string;
  language: string;
  translated_from: string;
  original_outlet: string;
  /** The original page's address, where a stored copy of it was found; "not found" when it was looked for and not found; empty when not looked for. */
  url: string;
  note: string;
}

export const CATALOGUE_COLUMNS = ["id", "file", "title", "outlet", "published", "language", "translated_from", "original_outlet", "url", "note"] as const;

const PUBLISHED = /^(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)?$/;
const LANGUAGE = /^(?:[a-z]{2,3})?$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function parseCatalogue(text: string, file: string): CatalogueEntry[] {
  const seen = new Set<string>();
  return parseCsv(text, file, ["id", "file"]).map((row) => {
    const at = (reason: string) => new InputError(file, row._line, reason);
    const entry = Object.fromEntries(CATALOGUE_COLUMNS.map((c) => [c, ((row as Record<string, unknown>)[c] as string | undefined ?? "").trim()])) as unknown as CatalogueEntry;
    if (!ID.test(entry.id)) throw at(`id "${entry.id}" must be letters, digits, ".", "_" or "-"`);
    if (seen.has(entry.id)) throw at(`duplicate id "${entry.id}"`);
    seen.add(entry.id);
    if (!entry.file) throw at("file is empty");
    if (!PUBLISHED.test(entry.published)) throw at(`published "${entry.published}" must be YYYY-MM-DD, YYYY-MM, YYYY or empty`);
    if (!LANGUAGE.test(entry.language)) throw at(`language "${entry.language}" must be an ISO 639-1 code or empty`);
    if (entry.url && entry.url !== "not found" && !/^https?:\/\/\S+$/.test(entry.url)) throw at(`url "${entry.url}" must be an http(s) address, "not found" or empty`);
    if (!LANGUAGE.test(entry.translated_from)) throw at(`translated_from "${entry.translated_from}" must be an ISO 639-1 code or empty`);
    return entry;
  });
}

/** An article id made from a file name: the stem, with anything an id cannot hold replaced. */
export function idFromFile(file: string): string {
  const stem = file.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
  return stem.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "") || "article";
}
