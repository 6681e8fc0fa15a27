// Process glue for the Framework data loaders and the CLI: warnings to stderr, tables to
// stdout or files, and bad input as one line naming the file, with a non-zero exit code.
import {formatCsv, InputError} from "./csv.ts";
import {compileProject} from "./project.ts";
import {TABLE_COLUMNS, type TableName, type Tables} from "./tables.ts";

export function tableCsv<T extends TableName>(tables: Tables, name: T): string {
  return formatCsv(tables[name] as Tables[T][number][], TABLE_COLUMNS[name] as readonly (keyof Tables[T][number])[]);
}

/**
 * Runs `main` (synchronous, or async like the CLI's parallel compile), turning an InputError
 * into a one-line message and exit code 1 (a stack trace helps nobody fix a CSV).
 */
export function run(main: () => unknown): void {
  const fail = (error: unknown) => {
    if (error instanceof InputError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  };
  try {
    const done = main();
    // Anything else than an InputError is rethrown: an unhandled rejection, with its stack.
    if (done instanceof Promise) done.catch(fail);
  } catch (error) {
    fail(error);
  }
}

/** The whole of a Framework data loader: compile the project's corpus and print one table. */
export function emitTable(name: TableName): void {
  run(() => {
    const {tables, warnings} = compileProject();
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    process.stdout.write(tableCsv(tables, name));
  });
}
