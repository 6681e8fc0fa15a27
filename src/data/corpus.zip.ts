// The corpus files a page fetches by name (data/corpus/summary.json, index.csv, claim-*.csv,
// evidence-*.csv), made in loaders/corpus-archives.ts.
import {emitCorpusArchive} from "../../loaders/corpus-archives.ts";

emitCorpusArchive();
