// Types for the build (src/data/checks.json.ts) and the tests.
export interface ChapterChecks { name: string; path: string; ids: string[]; prefixes?: string[] }
export function runtimeCheckPrefixes(source: string): string[];
export function withRuntimeChecks(listed: {name: string; path: string; ids: string[]}[], pages: Record<string, string>, chapters: {name: string; path: string}[]): ChapterChecks[];
export function chapterTotal(chapter: {ids: string[]; prefixes?: string[]}): number;
export function chapterRight(chapter: {ids: string[]; prefixes?: string[]}, rightIds: Iterable<string>): number;
