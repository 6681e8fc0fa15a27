import {bundleWorker} from "../../loaders/browser/bundle.ts";
import {run} from "../../loaders/emit.ts";

run(async () => process.stdout.write(await bundleWorker()));
