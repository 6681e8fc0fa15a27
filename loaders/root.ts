import {fileURLToPath} from "node:url";

/** The project's root folder. Its own module, so that a loader needing only paths loads no pipeline. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));
