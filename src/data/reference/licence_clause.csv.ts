import {emitReference} from "../../../loaders/reference.ts";

emitReference("licence_clause");
