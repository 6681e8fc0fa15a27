/**
 * A short article carried in the URL's hash, so a teacher can share a link that opens /try with
 * the article compiled. The text is compressed (CompressionStream "deflate-raw") and written as
 * base64url after `#article=`. Browsers never send the part after # to a server, so the article
 * stays on the devices of whoever has the link; it is, though, in their browser history.
 *
 *   const code = await encodeArticle(text);    // throws a RangeError above SHARE_LIMIT characters
 *   const text = await decodeArticle(code);    // throws on anything that is not such a code
 */

/** The longest article a link carries, in characters (a short news article; links stay under about 10 KB). */
export const SHARE_LIMIT = 8000;

const KEY = "article";

/** The code in a URL hash (`#article=…`), or null. */
export function hashCode(hash) {
  const code = new URLSearchParams(String(hash ?? "").replace(/^#/, "")).get(KEY);
  return code && /^[A-Za-z0-9_-]+$/.test(code) ? code : null;
}

/** The file name a link gives its article (`&name=…`, so the tables download under it), or null. */
export function hashName(hash) {
  const name = new URLSearchParams(String(hash ?? "").replace(/^#/, "")).get("name");
  return name && /^[A-Za-z0-9._-]{1,80}$/.test(name) ? name : null;
}

/** The URL of this page with the code (and a name, if any) in its hash; the path and query, such as ?classroom, are kept. */
export function shareUrl(code, {name, where = location} = {}) {
  return `${where.origin}${where.pathname}${where.search}#${KEY}=${code}${name ? `&name=${encodeURIComponent(name)}` : ""}`;
}

export async function encodeArticle(text) {
  text = String(text ?? "");
  if (text.length > SHARE_LIMIT) throw new RangeError(`the article has ${text.length.toLocaleString("en-US")} characters; a link carries at most ${SHARE_LIMIT.toLocaleString("en-US")}`);
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

export async function decodeArticle(code) {
  const bytes = fromBase64url(code);
  // A hand-made link could inflate to gigabytes: read no more than the limit allows (4 bytes a character in UTF-8).
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.length;
    if (size > SHARE_LIMIT * 4) {
      await reader.cancel();
      throw new RangeError("the link carries more text than a shared article may have");
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", {fatal: true}).decode(await new Blob(chunks).arrayBuffer());
  if (text.length > SHARE_LIMIT) throw new RangeError("the link carries more text than a shared article may have");
  return text;
}

export function toBase64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(code) {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) throw new TypeError("not a base64url code");
  const base64 = code.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (code.length % 4)) % 4);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
