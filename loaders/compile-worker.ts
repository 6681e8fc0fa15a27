// A worker thread of loaders/parallel.ts: builds the per-article options from the lexicon
// folder it is given (the same function as the main thread), then compiles the chunks of
// articles it is sent, one at a time, and posts back their rows (or their tables as CSV text,
// claims included: loaders/csv-chunks.ts) or the error that stopped them.
import {parentPort, workerData} from "node:worker_threads";
import {InputError} from "./csv.ts";
import type {ChunkRequest, ChunkResult, WorkerSetup} from "./parallel.ts";
import {chunkBuffers, csvChunk} from "./csv-chunks.ts";
import {compileArticles} from "./pipeline.ts";
import {articleOptions} from "./project.ts";

const setup = workerData as WorkerSetup;
const options = articleOptions(setup.lexicon);

parentPort!.on("message", ({chunk, jobs, output}: ChunkRequest) => {
  let result: ChunkResult;
  try {
    const compiled = compileArticles(jobs, options);
    if (output === "csv") {
      const csv = csvChunk(compiled, setup.claims ?? []);
      return parentPort!.postMessage({chunk, compiled: csv} satisfies ChunkResult, chunkBuffers(csv));
    }
    result = {chunk, compiled};
  } catch (error) {
    result = error instanceof InputError
      ? {chunk, error: {file: error.file, line: error.line, reason: error.reason}}
      : {chunk, crash: {message: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack}};
  }
  parentPort!.postMessage(result);
});
