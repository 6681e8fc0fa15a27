// Site tooling: the corpus as small files (loaders/aggregate.ts), packed in the archives the
// site's loaders print. corpus.zip holds what the pages fetch by name (the summary, the article
// index, the lists behind the claim counts, the rows of the glossed articles); shards-<g>.zip
// hold SHARDS_PER_ARCHIVE shards each (one shard is what opening an article downloads).
//
// Why several archives: Framework reads the whole archive again for every member it extracts,
// so with every shard in one archive a 10,000-article build spent minutes re-reading 140 MB
// (docs/performance.md). Why made once: every archive comes from the same parsed tables, so the
// first loader that asks makes them all, kept beside the compile they come from
// (cachedFiles in loaders/compile-cache.ts), and the others only read their file.
import {readFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {cachedFiles, projectCompile, type CachedCompile} from "./compile-cache.ts";
import {formatCsv, parseCsv} from "./csv.ts";
import {run} from "./emit.ts";
import {GLOSS_COLUMNS, readGlosses} from "./reference.ts";
import {TABLE_COLUMNS, type TableName} from "./tables.ts";
import {zipArchive} from "./zip-archive.ts";
import {CLAIM_LIST_COLUMNS, INDEX_COLUMNS, SHARDS_PER_ARCHIVE, articleIndex, claimLists, corpusSummary, glossedRows, shardArchiveCount, shardCount, shardOf, shardRows} from "./aggregate.ts";
import {csvRecords, firstCell, recordsCsv} from "./csv-records.ts";

const SHARDED = ["articles", "passages", "removed", "sentences", "figures", "dates", "mentions", "quotes"] as const;

/**
 * Every archive of the corpus, by file name: corpus.zip and shards-0.zip, shards-1.zip, …
 * Only the tables the counts need are parsed (articles, passages, mentions, claims); the rows
 * of the shards and of the glossed articles are the compile's own CSV records, routed by their
 * first cell, the article id (loaders/csv-records.ts).
 */
export async function corpusArchives(compile: CachedCompile, claimIds: readonly string[]): Promise<Record<string, Buffer>> {
  const parsed = <N extends TableName>(name: N) => parseCsv(compile.table(name), `${name}.csv`, TABLE_COLUMNS[name] as readonly string[]);
  const tables = {articles: parsed("articles"), passages: parsed("passages"), mentions: parsed("mentions"), claims: parsed("claims")};
  const glosses = readGlosses(compile.table("sentences"));
  const glossed = new Set(glosses.map((g) => g.article_id));

  const files: Record<string, string> = {};
  files["summary.json"] = JSON.stringify(corpusSummary(tables, claimIds));
  const index = articleIndex(tables.articles, tables.passages);
  files["index.csv"] = formatCsv(index, INDEX_COLUMNS);
  const lists = claimLists(tables.claims, index);
  for (const id of claimIds) files[`claim-${id}.csv`] = formatCsv(lists.get(id) ?? [], CLAIM_LIST_COLUMNS);

  const count = shardCount(index.length);
  const shardOfId = new Map<string, number>();
  const shard = (id: string) => shardOfId.get(id) ?? shardOfId.set(id, shardOf(id, count)).get(id)!;
  const shards = Array.from({length: count}, () => ({} as Record<(typeof SHARDED)[number], string>));
  for (const name of SHARDED) {
    const {header, records} = csvRecords(compile.table(name));
    const byShard = Array.from({length: count}, () => [] as string[]);
    const evidence: string[] = [];
    for (const record of records) {
      const id = firstCell(record);
      byShard[shard(id)].push(record);
      if (glossed.has(id)) evidence.push(record);
    }
    byShard.forEach((list, i) => (shards[i][name] = recordsCsv(header, list)));
    files[`evidence-${name}.csv`] = recordsCsv(header, evidence);
  }
  // Claims start with the claim's id, so their evidence rows are picked from the parsed table.
  files["evidence-claims.csv"] = formatCsv(glossedRows({claims: tables.claims}, glosses).claims, TABLE_COLUMNS.claims as readonly string[]);
  const archives: Record<string, Buffer> = {"corpus.zip": await zipArchive(files)};

  const shardGlosses = shardRows({glosses}, count);
  for (let g = 0; g < shardArchiveCount(count); ++g) {
    const members: Record<string, string> = {};
    for (let i = g * SHARDS_PER_ARCHIVE; i < Math.min(count, (g + 1) * SHARDS_PER_ARCHIVE); ++i) {
      // A JSON object of CSV texts, one per table, parsed by the page as the whole tables were.
      members[`shard-${i}.json`] = JSON.stringify({...shards[i], glosses: formatCsv(shardGlosses[i].glosses as Record<string, unknown>[], GLOSS_COLUMNS as readonly string[])});
    }
    archives[`shards-${g}.zip`] = await zipArchive(members);
  }
  return archives;
}

/** The project's claim ids, in data/claims.csv order. */
export function projectClaimIds(): string[] {
  return parseCsv(readFileSync(new URL("../data/claims.csv", import.meta.url), "utf8"), "data/claims.csv", ["claim_id"]).map((c) => c.claim_id);
}

/** One archive of the project's corpus (made with the others on first use, per compile). */
export async function projectCorpusArchive(name: string): Promise<Buffer> {
  const compile = await projectCompile();
  const read = await cachedFiles(compile, "corpus-archives", () => corpusArchives(compile, projectClaimIds()));
  return read(name);
}

/**
 * The whole of src/data/corpus.zip.ts (no argument) and src/data/corpus/shards-[group].zip.ts
 * (Framework passes --group=<g>): print that archive.
 */
export function emitCorpusArchive(): void {
  run(async () => {
    const {group} = parseArgs({options: {group: {type: "string"}}, strict: false}).values;
    if (group !== undefined && !/^\d+$/.test(String(group))) throw new Error(`shards-${group}.zip: the group must be a number`);
    process.stdout.write(await projectCorpusArchive(group === undefined ? "corpus.zip" : `shards-${group}.zip`));
  });
}
