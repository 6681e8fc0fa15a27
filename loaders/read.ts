import {InputError} from "./csv.ts";

/**
 * Decodes an article file as strict UTF-8 and normalises it: a BOM is dropped, CRLF and lone CR
 * become LF, a UTF-16 file with a byte-order mark is decoded as UTF-16 (the one encoding we can
 * recognise without guessing). Everything else that is not clean text is refused with an
 * InputError naming the file, line and byte, so a build never compiles mojibake.
 */
export function decodeArticle(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError(file, 0, "the file is empty; an article needs some text");
  let text: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    try {
      text = new TextDecoder(encoding, {fatal: true}).decode(bytes);
    } catch {
      throw new InputError(file, 0, `starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`);
    }
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw new InputError(file, lineAtByte(bytes, nul), `NUL byte at byte ${nul}: this looks like a binary or UTF-16 file without a byte-order mark; save it as UTF-8 text`);
    }
    try {
      text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: false}).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      throw new InputError(file, lineAtByte(bytes, at), `invalid UTF-8 at byte ${at} (0x${bytes[at].toString(16).toUpperCase().padStart(2, "0")}); the file is probably Latin-1 or Windows-1252: save it as UTF-8`);
    }
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const control = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split("\n").length;
    throw new InputError(file, line, `control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}: not a text file`);
  }
  if (!/[\p{L}\p{N}]/u.test(text)) throw new InputError(file, 0, "the file has no letters or digits; an article needs some text");
  return text;
}

function lineAtByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; ++i) if (bytes[i] === 0x0a) ++line;
  return line;
}

// TextDecoder reports only that decoding failed, not where; this walks the byte patterns of RFC 3629.
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; ++k) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}
