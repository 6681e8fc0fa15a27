/**
 * Seeded randomness for the pages: the same seed always gives the same numbers, so a swarm, a
 * shuffled check or a teacher's link replays exactly. Nothing here reads the clock or Math.random.
 */

/** mulberry32: a tiny, seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string's UTF-16 code units: a 32-bit seed from a name such as a check's id. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (const ch of String(text)) {
    for (let i = 0; i < ch.length; i++) {
      h ^= ch.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/** The indices 0…n-1 in a Fisher–Yates order drawn from `random`. */
export function shuffledIndices(n, random) {
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
