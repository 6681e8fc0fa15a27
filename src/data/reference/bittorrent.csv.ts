import {emitReference} from "../../../loaders/reference.ts";

emitReference("bittorrent");
