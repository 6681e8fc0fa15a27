// Site tooling: the archives Framework extracts members from (src/data/*.zip.ts). One loader
// process makes many files this way, where a loader per file would cost a process each.
import JSZip from "jszip";

// A fixed date for every entry: same files, same bytes.
const DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * A zip of `files` (name → contents), in the order given. Stored, not deflated: Framework reads
 * the whole archive for each member it extracts, and the members are served gzipped anyway.
 */
export function zipArchive(files: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, contents] of Object.entries(files)) zip.file(name, contents, {date: DATE, createFolders: false});
  return zip.generateAsync({type: "nodebuffer", compression: "STORE"});
}
