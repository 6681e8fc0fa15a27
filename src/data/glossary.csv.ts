// The glossary (data/glossary.csv), checked and printed: every slug well-formed and unique,
// every "see also" pointing at a term that exists, every source_id a row of data/reference/.
// A bad row stops the build with one line naming data/glossary.csv and its line.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {formatCsv, InputError, parseCsv} from "../../loaders/csv.ts";
import {run} from "../../loaders/emit.ts";
import {ROOT} from "../../loaders/root.ts";

const COLUMNS = ["term", "slug", "definition", "see_also", "source_id"] as const;
type GlossaryRow = Record<(typeof COLUMNS)[number], string>;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function referenceIds(dir = join(ROOT, "data/reference")): Set<string> {
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".csv")).sort()) {
    for (const row of parseCsv(readFileSync(join(dir, name), "utf8"), `data/reference/${name}`, ["id"])) ids.add(row.id);
  }
  return ids;
}

function load(file = "data/glossary.csv"): GlossaryRow[] {
  const rows = parseCsv(readFileSync(join(ROOT, file), "utf8"), file, COLUMNS);
  if (!rows.length) throw new InputError(file, 0, "no terms");
  const references = referenceIds();
  const slugs = new Map<string, number>();
  const terms = new Map<string, number>();
  for (const row of rows) {
    const fail = (reason: string) => new InputError(file, row._line, reason);
    for (const c of ["term", "slug", "definition"] as const) if (!row[c].trim()) throw fail(`empty ${c}`);
    if (row.term !== row.term.trim() || row.definition !== row.definition.trim()) throw fail("leading or trailing spaces in term or definition");
    if (!SLUG.test(row.slug)) throw fail(`slug "${row.slug}" must be lower-case letters and digits joined by single hyphens (it becomes the id term-${row.slug})`);
    if (slugs.has(row.slug)) throw fail(`slug "${row.slug}" already used on line ${slugs.get(row.slug)}`);
    slugs.set(row.slug, row._line);
    const key = row.term.toLocaleLowerCase("en");
    if (terms.has(key)) throw fail(`term "${row.term}" already defined on line ${terms.get(key)}`);
    terms.set(key, row._line);
    if (row.source_id && !references.has(row.source_id)) throw fail(`source_id "${row.source_id}" is not an id in data/reference/*.csv`);
  }
  for (const row of rows) {
    for (const see of row.see_also.split(";").filter(Boolean)) {
      if (see === row.slug) throw new InputError(file, row._line, `"${row.slug}" lists itself in see_also`);
      if (!slugs.has(see)) throw new InputError(file, row._line, `see_also "${see}" is not the slug of any term`);
    }
  }
  return rows.map((row) => Object.fromEntries(COLUMNS.map((c) => [c, row[c]])) as GlossaryRow);
}

run(() => process.stdout.write(formatCsv(load(), COLUMNS)));
