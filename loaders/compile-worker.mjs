// The entry of a compile worker thread (loaders/parallel.ts). Plain JavaScript on purpose: on
// Node 20 a worker does not get the TypeScript hooks that `node --import tsx` or `tsx` installed
// in the main thread (tsx issue #354), so the worker registers tsx itself and then loads the
// TypeScript worker.
import {register} from "tsx/esm/api";

register();
await import("./compile-worker.ts");
