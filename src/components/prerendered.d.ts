// Types for the build (loaders/postbuild.ts), which fills the same cells into the HTML.
export function tableText(tables: object, table: string, row: string, column: string): string | undefined;
export function rowKey(row: object): string;
export function fillFromTables(tables: object, root?: ParentNode): void;
