// Every table of data/reference/, checked (loaders/reference.ts), as one archive: the pages
// read data/reference/<name>.csv and Framework extracts that member. One process for all of
// them, not one per table; a table added to data/reference/ needs no loader of its own.
import {emitReferenceArchive} from "../../loaders/reference.ts";

emitReferenceArchive();
