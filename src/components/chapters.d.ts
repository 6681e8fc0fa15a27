// Types for observablehq.config.ts, which builds the sidebar from the same list.
export const CHAPTERS: {name: string; path: string; topic?: string}[];
export const CHAPTER_OF_TOPIC: Record<string, string>;
