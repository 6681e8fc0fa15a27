// Types for the tests (the list itself is made by loaders/check-ids.ts).
export interface ChapterChecks { name: string; path: string; ids: string[]; prefixes?: string[] }
export function chapterTotal(chapter: {ids: string[]; prefixes?: string[]}): number;
export function chapterRight(chapter: {ids: string[]; prefixes?: string[]}, rightIds: Iterable<string>): number;
