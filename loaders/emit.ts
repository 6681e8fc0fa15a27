// Process glue for the Framework data loaders and the CLI: warnings to stderr, tables to
// stdout or files, and bad input as one line naming the file, with a non-zero exit code.
import {InputError} from "./csv.ts";
import {projectCompile} from "./compile-cache.ts";
import type {TableName} from "./tables.ts";

export {tableCsv} from "./tables.ts";

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

/**
 * The whole of a Framework data loader: print one table of the project's corpus, compiled once
 * per build for all the loaders (loaders/compile-cache.ts). The loader that compiles reports
 * the warnings.
 */
export function emitTable(name: TableName): void {
  run(async () => {
    const compile = await projectCompile();
    if (compile.compiled) for (const w of compile.warnings) process.stderr.write(`warning: ${w}\n`);
    process.stdout.write(compile.table(name));
  });
}
