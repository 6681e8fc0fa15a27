// Types for the build (loaders/postbuild.ts), which writes the same text into the HTML.
export function readingTimeText(times: Record<string, {minutes: number}> | undefined, page: string, options?: {prefix?: string}): string;
export function readingTime(times: Record<string, {minutes: number}> | undefined, page: string, options?: {prefix?: string}): Text;
export function fillReadingTimes(times: Record<string, {minutes: number}> | undefined, root?: ParentNode): void;
