// The pipeline in a Web Worker, for the "Try your own article" page. It runs the very code of
// `npm run compile` (loaders/), with the project's lexicons and claims bundled in at build
// (loaders/browser/bundle.ts), on the bytes the reader pastes or drops. Nothing is fetched:
// the text never leaves the worker but as the tables it posts back to the page.
import {InputError} from "../csv.ts";
import {parseClaims} from "../claims.ts";
import {defaultExtractors} from "../extract/default.ts";
import {lexiconFromFiles} from "../lexicon-files.ts";
import {compileCorpus} from "../pipeline.ts";
import {TABLE_NAMES, tableCsv} from "../tables.ts";
import {BUNDLED_FILES} from "virtual:bundled-files";

export interface CompileRequest { id: number; file: string; bytes: ArrayBuffer }
// Each table is its own message, as UTF-8 bytes handed over (transferred, not copied): a 2 MB
// article's megabyte-long tables would otherwise hold the page while they are copied in.
export type CompileReply =
  | {id: number; type: "stage"; stage: "loading" | "compiling"}
  | {id: number; type: "table"; name: string; bytes: ArrayBuffer}
  | {id: number; type: "done"; warnings: string[]; ms: number}
  | {id: number; type: "error"; message: string};

let options: Parameters<typeof compileCorpus>[1] | undefined;

function compileOptions() {
  const file = (name: string) => BUNDLED_FILES[name];
  return (options ??= {
    lexicon: lexiconFromFiles((name) => file(`data/lexicon/${name}`), "data/lexicon"),
    extractors: defaultExtractors(),
    claims: parseClaims(file("data/claims.csv"), "data/claims.csv")
  });
}

const post = (reply: CompileReply, transfer: Transferable[] = []) => (self as unknown as {postMessage(m: CompileReply, t: Transferable[]): void}).postMessage(reply, transfer);

self.onmessage = (event: MessageEvent<CompileRequest>) => {
  const {id, file, bytes} = event.data;
  try {
    post({id, type: "stage", stage: "loading"});
    const started = performance.now();
    const opts = compileOptions();
    post({id, type: "stage", stage: "compiling"});
    const {tables, warnings} = compileCorpus([{file, bytes: new Uint8Array(bytes)}], opts);
    const ms = performance.now() - started;
    for (const name of TABLE_NAMES) {
      const bytes = new TextEncoder().encode(tableCsv(tables, name)).buffer as ArrayBuffer;
      post({id, type: "table", name, bytes}, [bytes]);
    }
    post({id, type: "done", warnings, ms});
  } catch (error) {
    post({id, type: "error", message: error instanceof InputError ? error.message : `the pipeline failed: ${(error as Error).message}`});
  }
};
