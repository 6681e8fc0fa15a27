import {emitReference} from "../../../loaders/reference.ts";

emitReference("not_found");
