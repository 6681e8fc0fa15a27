import type {Extractors} from "./index.ts";

/** The extractors of this project, with their default lexicons. */
export function defaultExtractors(): Extractors {
  return {};
}
