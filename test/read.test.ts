import {test} from "node:test";
import assert from "node:assert/strict";
import {decodeArticle} from "../loaders/read.ts";
import {InputError} from "../loaders/csv.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const refuses = (bytes: Uint8Array, message: RegExp) => {
  assert.throws(() => decodeArticle(bytes, "a.txt"), (e: unknown) => e instanceof InputError && message.test(e.message) && e.message.startsWith("a.txt") && !e.message.includes("\n"));
};

test("a BOM is dropped and CRLF and CR become LF", () => {
  assert.equal(decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Eins\r\nZwei\rDrei")]), "a.txt"), "Eins\nZwei\nDrei");
});

test("UTF-16 with a byte-order mark is decoded (documented recovery)", () => {
  const le = new Uint8Array([0xff, 0xfe, ...[..."Größe"].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  assert.equal(decodeArticle(le, "a.txt"), "Größe");
  const be = new Uint8Array([0xfe, 0xff, ...[..."Größe"].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
  assert.equal(decodeArticle(be, "a.txt"), "Größe");
});

test("Latin-1 is refused with the line and byte of the first bad byte", () => {
  refuses(new Uint8Array([...utf8("Zeile eins\nGr"), 0xf6, ...utf8("ße\n")]), /^a\.txt:2: invalid UTF-8 at byte 13 \(0xF6\)/);
});

test("UTF-16 without a BOM, binary and NUL bytes are refused", () => {
  refuses(new Uint8Array([0x48, 0, 0x69, 0]), /^a\.txt:1: NUL byte at byte 1/);
  refuses(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /NUL byte/);
  refuses(utf8("Text\n\u0007bell"), /^a\.txt:2: control character U\+0007/);
});

test("empty and blank files are refused", () => {
  refuses(new Uint8Array(), /^a\.txt: the file is empty/);
  refuses(utf8(" \n\t\n  "), /^a\.txt: the file has no letters or digits/);
});
