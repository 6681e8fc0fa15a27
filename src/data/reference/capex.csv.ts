import {emitReference} from "../../../loaders/reference.ts";

emitReference("capex");
