import {emitTable} from "../../loaders/emit.ts";

emitTable("mentions");
