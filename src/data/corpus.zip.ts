// The corpus as small files (loaders/aggregate.ts), in one archive so that one process makes
// them all: Framework extracts each file a page names (data/corpus/summary.json) or that
// observablehq.config.ts lists in dynamicPaths (the shards and claim lists, fetched on demand).
import {readFileSync} from "node:fs";
import JSZip from "jszip";
import {projectCompile} from "../../loaders/compile-cache.ts";
import {formatCsv, parseCsv} from "../../loaders/csv.ts";
import {run} from "../../loaders/emit.ts";
import {readGlosses} from "../../loaders/reference.ts";
import {TABLE_COLUMNS, type TableName} from "../../loaders/tables.ts";
import {CLAIM_LIST_COLUMNS, INDEX_COLUMNS, articleIndex, claimLists, corpusSummary, glossedRows, shardCount, shardRows} from "../../loaders/aggregate.ts";

// A fixed date for every entry: same tables, same bytes.
const DATE = new Date(Date.UTC(1980, 0, 1));
const SHARDED = ["articles", "passages", "removed", "sentences", "figures", "dates", "mentions", "quotes"] as const;
const EVIDENCE = ["articles", "passages", "removed", "sentences", "figures", "dates", "mentions", "quotes", "claims"] as const;

run(async () => {
  const compile = await projectCompile();
  const read = (name: TableName) => parseCsv(compile.table(name), `${name}.csv`, TABLE_COLUMNS[name] as readonly string[]);
  const tables = Object.fromEntries((["articles", "passages", "removed", "sentences", "figures", "dates", "mentions", "quotes", "claims"] as const).map((n) => [n, read(n)])) as Record<TableName, ReturnType<typeof read>>;
  const glosses = readGlosses(undefined, tables.sentences as unknown as Parameters<typeof readGlosses>[1]);
  const claimIds = parseCsv(readFileSync(new URL("../../data/claims.csv", import.meta.url), "utf8"), "data/claims.csv", ["claim_id"]).map((c) => c.claim_id);
  const zip = new JSZip();
  const add = (name: string, text: string) => zip.file(name, text, {date: DATE, createFolders: false});
  const csv = (name: TableName, rows: readonly object[]) => formatCsv(rows as Record<string, unknown>[], TABLE_COLUMNS[name] as readonly string[]);

  add("summary.json", JSON.stringify(corpusSummary(tables, claimIds)));
  const index = articleIndex(tables.articles, tables.passages);
  add("index.csv", formatCsv(index, INDEX_COLUMNS));
  const shards = shardRows(Object.fromEntries(SHARDED.map((n) => [n, tables[n]])) as Record<(typeof SHARDED)[number], typeof tables.passages>, shardCount(index.length));
  const shardGlosses = shardRows({glosses}, shards.length);
  // Each shard is a JSON object of CSV texts, one per table, parsed by the page as the whole tables were.
  shards.forEach((rows, i) => {
    add(`shard-${i}.json`, JSON.stringify({...Object.fromEntries(SHARDED.map((n) => [n, csv(n, rows[n])])), glosses: formatCsv(shardGlosses[i].glosses as Record<string, unknown>[], ["article_id", "passage", "sentence", "original", "gloss", "note"])}));
  });
  const lists = claimLists(tables.claims, index);
  for (const id of claimIds) add(`claim-${id}.csv`, formatCsv(lists.get(id) ?? [], CLAIM_LIST_COLUMNS));
  const evidence = glossedRows(Object.fromEntries(EVIDENCE.map((n) => [n, tables[n]])) as Record<(typeof EVIDENCE)[number], typeof tables.passages>, glosses);
  for (const n of EVIDENCE) add(`evidence-${n}.csv`, csv(n, evidence[n]));
  process.stdout.write(await zip.generateAsync({type: "nodebuffer", compression: "STORE"}));
});
