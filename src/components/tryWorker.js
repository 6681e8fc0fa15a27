/**
 * The page's side of the pipeline's Web Worker (loaders/browser/compile-worker.ts). The worker is
 * created on the first compile, not before: a reader who only reads /try never downloads the
 * pipeline. One compile runs at a time; starting another (a new paste while a 2 MB one is still
 * running) stops the first by ending its worker, since the pipeline has no way to be
 * interrupted from inside, and the next compile starts a fresh one.
 *
 *   const compiler = pipelineCompiler(() => FileAttachment("data/pipeline-worker.js").url());
 *   const {bytes, warnings, ms} = await compiler.compile("my-article.txt", bytes, {onStage});
 *
 * `onStage(stage)` hears "starting" (the worker script is loading), then the worker's own
 * "loading" (lexicons) and "compiling". The tables arrive one message each, as the UTF-8 bytes of
 * the CSV text the CLI writes; `bytes` has all nine, by table name. A bad file rejects with an Error whose message is the
 * CLI's ("file:line: reason") and whose `input` is true; a stopped compile rejects with
 * `stopped` true.
 */
export function pipelineCompiler(workerUrl) {
  let worker;
  let nextId = 0;
  let current; // {id, resolve, reject, onStage}

  async function ensureWorker() {
    if (worker) return worker;
    const url = await workerUrl();
    worker = new Worker(url, {type: "module"});
    worker.onmessage = ({data}) => {
      if (!current || data.id !== current.id) return;
      if (data.type === "stage") return current.onStage?.(data.stage);
      // Kept as the worker's bytes: downloads are those bytes, and the page decodes them in pieces.
      if (data.type === "table") return void (current.bytes[data.name] = data.bytes);
      const job = current;
      current = undefined;
      if (data.type === "done") job.resolve({bytes: job.bytes, warnings: data.warnings, ms: data.ms});
      else job.reject(Object.assign(new Error(data.message), {input: !/^the pipeline failed/.test(data.message)}));
    };
    // A worker that cannot start (script blocked, out of memory) fails every pending compile.
    worker.onerror = (event) => {
      event.preventDefault?.();
      const job = current;
      current = undefined;
      end();
      job?.reject(new Error(`the pipeline could not run in this browser: ${event.message || "the worker failed to start"}`));
    };
    return worker;
  }

  function end() {
    worker?.terminate();
    worker = undefined;
  }

  function stop() {
    if (!current) return false;
    const job = current;
    current = undefined;
    end();
    job.reject(Object.assign(new Error("stopped"), {stopped: true}));
    return true;
  }

  async function compile(file, bytes, {onStage} = {}) {
    stop();
    const id = ++nextId;
    const done = new Promise((resolve, reject) => (current = {id, resolve, reject, onStage, bytes: {}}));
    onStage?.("starting");
    try {
      const w = await ensureWorker();
      // The job may have been stopped while the script was loading.
      if (current?.id === id) w.postMessage({id, file, bytes}, [bytes]);
    } catch (error) {
      if (current?.id === id) {
        current = undefined;
        end();
        throw error;
      }
    }
    return done;
  }

  return {compile, stop, get busy() { return !!current; }, get started() { return !!worker; }};
}

/** What each stage is called on the page. */
export const STAGE_LABELS = {
  starting: "Loading the pipeline",
  loading: "Reading the lexicons",
  compiling: "Compiling the article",
  parsing: "Reading the tables",
  drawing: "Drawing the results"
};
