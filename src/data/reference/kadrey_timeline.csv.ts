import {emitReference} from "../../../loaders/reference.ts";

emitReference("kadrey_timeline");
