// The shards of group <group> (data/corpus/shards-<group>/shard-<n>.json): the per-article rows
// the reader fetches when it opens an article (loaders/corpus-archives.ts). Framework runs this
// once per group, with --group=<group>, for the paths in observablehq.config.ts dynamicPaths.
import {emitCorpusArchive} from "../../../loaders/corpus-archives.ts";

emitCorpusArchive();
