/**
 * Text from the compiled tables, written into the page's HTML by the build so it is there before
 * any script runs (nothing moves when the page loads, and a reader without JavaScript sees it):
 *
 *   <span data-table="passages" data-row="de-it-boltwise/7" data-column="text"></span>
 *
 * A row is named by its article and its number within the article (`passage` or `block`), as in
 * the #p- and #cut- anchors. loaders/postbuild.ts fills these spans from the same tables, with
 * `rowKey` below; `fillFromTables` fills the ones the build did not (the preview server).
 */
export function fillFromTables(tables, root = document) {
  for (const node of root.querySelectorAll("[data-table][data-row][data-column]")) {
    if (node.textContent) continue;
    const {table, row, column} = node.dataset;
    node.textContent = tableText(tables, table, row, column) ?? "";
  }
}

/** The value of `column` in the row of `table` named `article/number`, or undefined. */
export function tableText(tables, table, row, column) {
  const found = (tables[table] ?? []).find((r) => rowKey(r) === row);
  return found == null || found[column] == null ? undefined : String(found[column]);
}

/** "de-it-boltwise/7": the article id and the row's number within it (its passage, or its block for removed rows). */
export function rowKey(row) {
  return `${row.article_id}/${row.passage ?? row.block}`;
}
