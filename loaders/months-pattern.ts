// Month names per language, read from Intl.DateTimeFormat (never a hand list), as one pattern
// that matches a month name at the start of a string.

const cache = new Map<string, RegExp>();

export function monthPattern(language: string): RegExp {
  const key = language || "und";
  let re = cache.get(key);
  if (re) return re;
  const locales = key === "und" ? ["en", "de", "fr", "es", "it", "pt", "nl", "ms", "id"] : [key, "en"];
  const names = new Set<string>();
  for (const locale of locales) {
    for (const month of ["long", "short"] as const) {
      const format = new Intl.DateTimeFormat(locale, {month, timeZone: "UTC"});
      for (let m = 0; m < 12; ++m) names.add(format.format(Date.UTC(2024, m, 15)).replace(/\.$/, ""));
    }
  }
  const alternatives = [...names].filter((n) => /\p{L}/u.test(n)).sort((a, b) => b.length - a.length).map(escape);
  re = new RegExp(`^\\s*(?:${alternatives.join("|")})(?![\\p{L}])`, "iu");
  cache.set(key, re);
  return re;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
