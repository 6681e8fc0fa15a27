/**
 * Keeps an Observable Input in the page URL (?key=value), so a shared link opens the same
 * scenario. Call it on the input before `view(...)`: `view(urlState(Inputs.range(...), "share"))`.
 * Numbers, strings, booleans and arrays (joined with ",") round-trip; an invalid value in the
 * URL is ignored and the input keeps its default.
 */
export function urlState(input, key, {parse = guessParse, format = guessFormat} = {}) {
  const params = new URLSearchParams(location.search);
  if (params.has(key)) {
    try {
      const value = parse(params.get(key), input.value);
      if (value !== undefined) {
        const before = input.value;
        input.value = value;
        if (!sameValue(input.value, value)) input.value = before; // the input refused it (a select without that option): keep its default
      }
    } catch {
      // A hand-edited URL with a bad value: keep the default.
    }
  }
  input.addEventListener("input", () => {
    const next = new URLSearchParams(location.search);
    next.set(key, format(input.value));
    history.replaceState(history.state, "", `${location.pathname}?${next.toString().replace(/%2C/g, ",")}${location.hash}`);
  });
  return input;
}

function guessParse(text, current) {
  if (Array.isArray(current)) return text === "" ? [] : text.split(",").map((t) => (typeof current[0] === "number" ? Number(t) : t));
  if (typeof current === "number") return Number.isFinite(Number(text)) ? Number(text) : undefined;
  if (typeof current === "boolean") return text === "true" || text === "1";
  return text;
}

function guessFormat(value) {
  return Array.isArray(value) ? value.join(",") : String(value);
}

function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
