// Checks the reference tables in data/reference/*.csv: the facts carried over from
// /work/shared/reference (facts.md, meta-capex.csv), each row with its source, a verbatim
// excerpt and a confidence grade. Run: node --import tsx --test test/reference.test.ts
import {test} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseCsv} from "../loaders/csv.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIR = join(ROOT, "data", "reference");
// CI keeps the shared reference beside the repository: <repo>/../shared/reference.
// The team's verified reference: beside the repository when it is there, and a copy in the
// repository (test/fixtures/shared-reference) that the tests read, so that no check depends on
// where the repository was cloned.
const SHARED_BESIDE = resolve(ROOT, "..", "shared", "reference");
const SHARED = join(ROOT, "test", "fixtures", "shared-reference");

const CONFIDENCE = new Set(["seen-verbatim", "seen-verbatim (secondary)", "inferred", "not-found"]);
const COMMON = ["id", "source_title", "source_url", "excerpt", "confidence", "note"] as const;
const ARTICLES_LAST_UPDATED = "2025-03-21";

interface Spec {
  required: string[];
  /** Columns that, when non-empty, must parse as finite numbers. */
  numbers?: string[];
  /** Columns that, when non-empty, must be YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn. */
  dates?: string[];
  /** Columns that must be empty when the row's confidence is not-found. */
  values: string[];
  /** Columns that must be "true" or "false" (or empty, when listed in `optionalBooleans`). */
  booleans?: string[];
  optionalBooleans?: string[];
}

const SPECS: Record<string, Spec> = {
  "capex.csv": {
    required: ["year", "period", "capex_usd_billions", "purchases_pe_usd_millions", "finance_lease_usd_millions", "definition", "stated_on", "components_confidence"],
    numbers: ["year", "capex_usd_billions", "purchases_pe_usd_millions", "finance_lease_usd_millions"],
    dates: ["stated_on"],
    values: ["capex_usd_billions", "purchases_pe_usd_millions", "finance_lease_usd_millions"],
  },
  "capex_guidance.csv": {
    required: ["fiscal_year", "stated_on", "event", "kind", "low_usd_billions", "high_usd_billions", "value_text", "prior_low_usd_billions", "prior_high_usd_billions"],
    numbers: ["fiscal_year", "low_usd_billions", "high_usd_billions", "prior_low_usd_billions", "prior_high_usd_billions"],
    dates: ["stated_on"],
    values: ["low_usd_billions", "high_usd_billions", "value_text"],
  },
  "capex_discrepancies.csv": {
    required: ["fiscal_year", "kind", "claimed_text", "correct_text", "correct_ref"],
    numbers: ["fiscal_year"],
    values: ["claimed_text"],
  },
  "licence_clause.csv": {
    required: ["version", "licence", "release_date", "date_label", "has_mau_clause", "mau_threshold", "measured_on", "measured_month", "test_month", "clause_text", "clause_text_complete", "source_path", "source_commit"],
    numbers: ["mau_threshold"],
    dates: ["release_date", "test_month"],
    values: ["clause_text", "mau_threshold"],
    booleans: ["has_mau_clause"],
    optionalBooleans: ["clause_text_complete"],
  },
  "licence_terms.csv": {
    required: ["term", "llama_2", "llama_3", "llama_3_1_to_4", "excerpt_from", "source_path", "source_commit"],
    values: ["llama_2", "llama_3", "llama_3_1_to_4"],
  },
  "osi.csv": {
    required: ["date", "date_text", "subject", "fact", "verdict", "osd_points"],
    dates: ["date"],
    values: ["verdict"],
  },
  "kadrey_timeline.csv": {
    required: ["date", "date_text", "event", "kind", "is_allegation", "after_articles", "volumes"],
    dates: ["date"],
    values: ["date", "volumes"],
    booleans: ["is_allegation"],
    optionalBooleans: ["after_articles"],
  },
  "dates.csv": {
    required: ["date", "date_text", "event", "kind", "source_path"],
    dates: ["date"],
    values: ["date"],
  },
  "prices.csv": {
    required: ["provider", "model", "input_usd_per_million_tokens", "output_usd_per_million_tokens", "blended_usd_per_million_tokens", "blend", "as_of", "as_of_text", "caveat"],
    numbers: ["input_usd_per_million_tokens", "output_usd_per_million_tokens", "blended_usd_per_million_tokens"],
    dates: ["as_of"],
    values: ["input_usd_per_million_tokens", "output_usd_per_million_tokens", "blended_usd_per_million_tokens"],
  },
  "mau.csv": {
    required: ["service", "metric", "users", "monthly_active_users", "qualifier", "as_of", "as_of_text", "reported_on", "vs_700m_june_2024", "vs_700m_confidence"],
    numbers: ["users", "monthly_active_users"],
    dates: ["as_of", "reported_on"],
    values: ["users", "monthly_active_users", "as_of"],
  },
  "bittorrent.csv": {
    required: ["rule", "sim_param", "source", "source_path", "source_commit"],
    values: ["rule", "sim_param"],
  },
  "not_found.csv": {
    required: ["kind", "section", "item", "value", "correct_value", "related_ids"],
    values: ["value", "correct_value"],
  },
};

type Row = Record<string, string> & {_line: number};

function load(file: string): Row[] {
  const bytes = readFileSync(join(DIR, file));
  const text = new TextDecoder("utf-8", {fatal: true}).decode(bytes); // throws on invalid UTF-8
  return parseCsv(text, `data/reference/${file}`, [...COMMON, ...SPECS[file].required]) as Row[];
}

const csvFiles = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith(".csv")).sort() : [];
// Files that fail to parse are left out here; their own "well-formed rows" test reports the
// InputError (file:line) from parseCsv.
const tables = new Map<string, Row[]>();
for (const file of csvFiles.filter((f) => f in SPECS)) {
  try {
    tables.set(file, load(file));
  } catch {
    // reported below
  }
}
const at = (file: string, row: Row) => `data/reference/${file}:${row._line} (${row.id})`;

/** Parses YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn; returns the first and last day it covers, or null. */
function period(value: string): {start: string; end: string} | null {
  let m = /^(\d{4})$/.exec(value);
  if (m) return {start: `${m[1]}-01-01`, end: `${m[1]}-12-31`};
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const q = Number(m[2]);
    return {start: isoDay(+m[1], 3 * q - 2, 1), end: isoDay(+m[1], 3 * q + 1, 0)};
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m && +m[2] >= 1 && +m[2] <= 12) return {start: `${value}-01`, end: isoDay(+m[1], +m[2] + 1, 0)};
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m && isoDay(+m[1], +m[2], +m[3]) === value) return {start: value, end: value};
  return null;
}

function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

test("parseCsv rejects a ragged row, naming file and line", () => {
  assert.throws(() => parseCsv("id,excerpt\na,\"x, y\"\nb,1,2\n", "sample.csv", ["id"]), (e: Error) => e.name === "InputError" && /sample\.csv:3/.test(e.message));
});

test("data/reference holds exactly the expected CSV files, each described in README.md", () => {
  assert.deepEqual(csvFiles, Object.keys(SPECS).sort());
  const readme = readFileSync(join(DIR, "README.md"), "utf-8");
  for (const file of csvFiles) assert.ok(readme.includes(`\`${file}\``), `README.md does not describe ${file}`);
});

for (const [file, spec] of Object.entries(SPECS)) {
  test(`${file}: well-formed rows`, () => {
    assert.ok(csvFiles.includes(file), `data/reference/${file} is missing`);
    const rows = load(file); // throws InputError naming file:line on a ragged row or missing column
    assert.ok(rows.length > 0, `${file} has no rows`);
    const ids = new Set<string>();
    for (const row of rows) {
      const where = at(file, row);
      // Stable, anchor-safe id (#ref-<id>), unique within the file.
      assert.match(row.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${where}: bad id`);
      assert.ok(!ids.has(row.id), `${where}: duplicate id`);
      ids.add(row.id);

      assert.ok(CONFIDENCE.has(row.confidence), `${where}: confidence "${row.confidence}" not allowed`);
      for (const col of Object.keys(row).filter((c) => c.endsWith("_confidence"))) {
        assert.ok(row[col] === "" || CONFIDENCE.has(row[col]), `${where}: ${col} "${row[col]}" not allowed`);
      }

      assert.ok(row.source_title.trim(), `${where}: empty source_title`);
      if (row.source_url) assert.match(row.source_url, /^https?:\/\/\S+$/, `${where}: source_url is not a URL`);
      else assert.ok(row.confidence === "not-found" || /not identified/.test(row.source_title), `${where}: empty source_url`);
      for (const url of row.other_urls ? row.other_urls.split(" ; ") : []) {
        assert.match(url, /^https?:\/\/\S+$/, `${where}: other_urls entry "${url}" is not a URL`);
      }

      assert.ok(row.excerpt.trim(), `${where}: empty excerpt`);
      const words = row.excerpt.split(/\s+/).filter(Boolean).length;
      assert.ok(words < 40, `${where}: excerpt has ${words} words (limit: fewer than 40)`);

      for (const col of spec.numbers ?? []) {
        if (row[col] === "") continue;
        assert.match(row[col], /^-?\d+(\.\d+)?$/, `${where}: ${col} "${row[col]}" is not a plain number`);
        assert.ok(Number.isFinite(Number(row[col])), `${where}: ${col} "${row[col]}" is not finite`);
      }
      for (const col of spec.dates ?? []) {
        if (row[col] === "") continue;
        assert.ok(period(row[col]), `${where}: ${col} "${row[col]}" is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn`);
      }
      for (const col of spec.booleans ?? []) assert.ok(["true", "false"].includes(row[col]), `${where}: ${col} must be true or false`);
      for (const col of spec.optionalBooleans ?? []) assert.ok(["true", "false", ""].includes(row[col]), `${where}: ${col} must be true, false or empty`);

      if (row.confidence === "not-found") {
        for (const col of spec.values) assert.equal(row[col], "", `${where}: ${col} has a value but confidence is not-found`);
      }
    }
  });
}

test("ids are unique across all reference files (one page may anchor several tables)", () => {
  const seen = new Map<string, string>();
  for (const [file, rows] of tables) {
    for (const row of rows) {
      assert.ok(!seen.has(row.id), `${at(file, row)}: id also used in ${seen.get(row.id)}`);
      seen.set(row.id, file);
    }
  }
});

test("cross-references name existing ids", () => {
  const all = new Set([...tables.values()].flatMap((rows) => rows.map((r) => r.id)));
  for (const [file, col] of [["capex_discrepancies.csv", "correct_ref"], ["not_found.csv", "related_ids"]] as const) {
    for (const row of tables.get(file)!) {
      for (const ref of row[col] ? row[col].split(" ; ") : []) assert.ok(all.has(ref), `${at(file, row)}: ${col} names unknown id "${ref}"`);
    }
  }
});

test("capex.csv: component columns are empty where components are not-found; sums match the headline", () => {
  for (const row of tables.get("capex.csv")!) {
    const where = at("capex.csv", row);
    if (row.components_confidence === "not-found") {
      assert.equal(row.purchases_pe_usd_millions, "", where);
      assert.equal(row.finance_lease_usd_millions, "", where);
    }
    if (row.purchases_pe_usd_millions && row.finance_lease_usd_millions) {
      const sum = (Number(row.purchases_pe_usd_millions) + Number(row.finance_lease_usd_millions)) / 1000;
      assert.ok(Math.abs(sum - Number(row.capex_usd_billions)) < 0.006, `${where}: components sum to ${sum}, headline ${row.capex_usd_billions}`);
    }
    if (Number(row.year) >= 2019) assert.match(row.definition, /finance leases/, `${where}: definition from 2019 includes finance leases`);
    else assert.doesNotMatch(row.definition, /finance leases/, `${where}: definition before 2019 is purchases of P&E only`);
  }
});

test("capex_guidance.csv: the 2025 path $60-65 → 64-72 → 66-72 → 70-72 → actual 72.22", () => {
  const rows = tables.get("capex_guidance.csv")!.filter((r) => r.fiscal_year === "2025" && r.low_usd_billions !== "");
  rows.sort((a, b) => a.stated_on.localeCompare(b.stated_on));
  const path = rows.map((r) => [r.stated_on, r.kind, Number(r.low_usd_billions), Number(r.high_usd_billions)]);
  assert.deepEqual(path, [
    ["2025-01-24", "announced", 60, 65],
    ["2025-01-29", "initial", 60, 65],
    ["2025-04-30", "raised", 64, 72],
    ["2025-07-30", "narrowed", 66, 72],
    ["2025-10-29", "raised", 70, 72],
    ["2026-01-28", "actual", 72.22, 72.22],
  ]);
  const byId = new Map(tables.get("capex_guidance.csv")!.map((r) => [r.id, r]));
  assert.equal(byId.get("guidance-2025-2025-01-29")?.high_usd_billions, "65");
  assert.equal(byId.get("guidance-2025-actual")?.low_usd_billions, "72.22");
  for (const fy of ["2024", "2026"]) assert.ok([...byId.values()].some((r) => r.fiscal_year === fy && r.low_usd_billions), `no ${fy} guidance`);
  // Nothing Meta said contained "$80 billion": no guidance row may reach 80 for 2025.
  for (const r of rows) assert.ok(Number(r.high_usd_billions) < 80, `${at("capex_guidance.csv", r)}: 2025 high >= 80`);
  const disc = tables.get("capex_discrepancies.csv")!;
  assert.ok(disc.some((r) => r.claimed_text === "$60-80 billion" && r.fiscal_year === "2025"), "the $60-80 billion misstatement is missing");
  assert.ok(disc.some((r) => r.kind === "hypothesis" && r.confidence === "inferred"), "the mix-up hypothesis must be graded inferred");
});

test("licence_clause.csv: the 700M clause and its timing", () => {
  const rows = tables.get("licence_clause.csv")!;
  const l31 = rows.find((r) => r.id === "clause-llama-3-1");
  assert.ok(l31, "Llama 3.1 clause row missing");
  assert.equal(l31.clause_text_complete, "true");
  assert.ok(l31.clause_text.includes("700 million monthly active users"));
  assert.ok(l31.clause_text.includes("in the preceding calendar month"));
  for (const row of rows) {
    const where = at("licence_clause.csv", row);
    if (row.clause_text_complete === "true") assert.ok(row.clause_text.includes("700 million monthly active users"), where);
    if (row.has_mau_clause !== "true") continue;
    assert.equal(row.mau_threshold, "700000000", where);
    assert.equal(row.measured_month, "preceding calendar month", where);
    assert.match(row.measured_on, /^the .*version release date$/, where);
    assert.ok(row.clause_text.startsWith(`If, on ${row.measured_on}`) || row.clause_text.includes(`If, on ${row.measured_on}`), `${where}: clause does not test on ${row.measured_on}`);
    const [y, m] = row.release_date.split("-").map(Number);
    assert.equal(row.test_month, isoDay(y, m - 1, 1).slice(0, 7), `${where}: test_month is not the month before release`);
  }
});

test("kadrey_timeline.csv: after_articles agrees with the date", () => {
  for (const row of tables.get("kadrey_timeline.csv")!) {
    const where = at("kadrey_timeline.csv", row);
    const p = row.date ? period(row.date) : null;
    if (!p) {
      assert.equal(row.after_articles, "", `${where}: undated rows cannot be placed`);
    } else if (p.start > ARTICLES_LAST_UPDATED) {
      assert.equal(row.after_articles, "true", where);
    } else if (p.end <= ARTICLES_LAST_UPDATED) {
      assert.equal(row.after_articles, "false", where);
    } else {
      // The period straddles the last article update (e.g. "2025"); only a month that facts.md
      // ties to the articles themselves (March 2025) may still be marked false.
      assert.ok(row.after_articles === "" || (row.date === "2025-03" && row.after_articles === "false"), `${where}: ambiguous date must leave after_articles empty`);
    }
  }
});

test("mau.csv: monthly_active_users only for MAU metrics, equal to users", () => {
  for (const row of tables.get("mau.csv")!) {
    const where = at("mau.csv", row);
    if (/MAU/.test(row.metric)) assert.equal(row.monthly_active_users, row.users, where);
    else assert.equal(row.monthly_active_users, "", `${where}: ${row.metric} is not a monthly figure`);
    assert.ok(["", "above", "below"].includes(row.vs_700m_june_2024), where);
    if (row.vs_700m_june_2024) {
      assert.equal(row.vs_700m_confidence, "inferred", where);
      assert.equal(row.vs_700m_june_2024, Number(row.monthly_active_users) > 700e6 ? "above" : "below", where);
    }
  }
});

// Normalises facts.md's markdown so that quoted table cells compare as rendered text:
// bold markers (**) are dropped and escaped table pipes (\|) become plain pipes.
function rendered(markdown: string): string {
  return markdown.replace(/\*\*/g, "").replace(/\\\|/g, "|");
}

test("the repository's copy of the shared reference is the shared reference, where that is beside the repository", () => {
  for (const file of ["facts.md", "meta-capex.csv"]) {
    assert.ok(existsSync(join(SHARED, file)), `${join(SHARED, file)} is missing`);
    if (existsSync(join(SHARED_BESIDE, file))) {
      assert.equal(readFileSync(join(SHARED, file), "utf-8"), readFileSync(join(SHARED_BESIDE, file), "utf-8"), `${file} changed in ${SHARED_BESIDE}: copy it to ${SHARED}`);
    }
  }
});

test("every excerpt appears verbatim in facts.md or meta-capex.csv", () => {
  const sources = [rendered(readFileSync(join(SHARED, "facts.md"), "utf-8")), readFileSync(join(SHARED, "meta-capex.csv"), "utf-8")];
  const missing: string[] = [];
  for (const [file, rows] of tables) {
    for (const row of rows) if (!sources.some((s) => s.includes(row.excerpt))) missing.push(`${at(file, row)}: ${row.excerpt}`);
  }
  assert.deepEqual(missing, [], `excerpts not found verbatim:\n${missing.join("\n")}`);
});

test("capex tables carry every row of meta-capex.csv with its source", () => {
  const meta = parseCsv(readFileSync(join(SHARED, "meta-capex.csv"), "utf-8"), "meta-capex.csv", ["year", "capex_usd_billions", "kind", "stated_on", "source_url"]);
  const capex = tables.get("capex.csv")!;
  const guidance = tables.get("capex_guidance.csv")!;
  for (const m of meta) {
    if (m.kind === "actual") {
      const row = capex.find((r) => r.year === m.year && r.period === "FY");
      assert.ok(row, `meta-capex.csv:${m._line}: FY${m.year} missing from capex.csv`);
      assert.ok(Math.abs(Number(row.capex_usd_billions) - Number(m.capex_usd_billions)) < 0.006, `FY${m.year}: ${row.capex_usd_billions} vs ${m.capex_usd_billions}`);
      assert.equal(row.stated_on, m.stated_on, `FY${m.year} stated_on`);
      assert.equal(row.source_url, m.source_url, `FY${m.year} keeps meta-capex's source`);
    } else {
      const col = m.kind === "guidance_low" ? "low_usd_billions" : "high_usd_billions";
      const row = guidance.find((r) => r.fiscal_year === m.year && r.stated_on === m.stated_on);
      assert.ok(row, `meta-capex.csv:${m._line}: ${m.year} guidance of ${m.stated_on} missing`);
      assert.equal(Number(row[col]), Number(m.capex_usd_billions), `${row.id} ${col}`);
      assert.equal(row.source_url, m.source_url, `${row.id} keeps meta-capex's source`);
    }
  }
});
