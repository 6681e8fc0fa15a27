/**
 * The 700-million-user test of the Llama licences as plain functions (no DOM), shared by the
 * licence chapter's checker and chart and tested in Node.
 *
 * The clause (licence_clause.csv) is tested once, "on the … version release date", against the
 * monthly active users "in the preceding calendar month", and asks whether they are "greater than
 * 700 million". Reference user counts (mau.csv) are dated by month, day, quarter or year; a count
 * is "dated at the test month" only when its period lies inside that month. Anything else is an
 * estimate, and the functions say how far off it is.
 */
export const THRESHOLD = 700_000_000;

const MS_DAY = 86_400_000;

/** The period a date string covers, as UTC milliseconds [start, end): YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY. */
export function period(text) {
  const s = String(text ?? "").trim();
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    const start = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return {start, end: start + MS_DAY, precision: "day"};
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return {start: Date.UTC(+m[1], +m[2] - 1, 1), end: Date.UTC(+m[1], +m[2], 1), precision: "month"};
  if ((m = /^(\d{4})-Q([1-4])$/.exec(s))) return {start: Date.UTC(+m[1], (+m[2] - 1) * 3, 1), end: Date.UTC(+m[1], +m[2] * 3, 1), precision: "quarter"};
  if ((m = /^(\d{4})$/.exec(s))) return {start: Date.UTC(+m[1], 0, 1), end: Date.UTC(+m[1] + 1, 0, 1), precision: "year"};
  return undefined;
}

/** The middle of a period, as a Date (for plotting). */
export function midpoint(text) {
  const p = period(text);
  return p ? new Date((p.start + p.end) / 2) : undefined;
}

/** "2024-06" → "June 2024"; "2024-Q2" → "Q2 2024"; "2024-05-23" → "23 May 2024". */
export function formatPeriod(text) {
  const p = period(text);
  if (!p) return String(text ?? "");
  const d = new Date(p.start);
  const month = d.toLocaleString("en-GB", {month: "long", timeZone: "UTC"});
  if (p.precision === "day") return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
  if (p.precision === "month") return `${month} ${d.getUTCFullYear()}`;
  if (p.precision === "quarter") return `${String(text).slice(5)} ${d.getUTCFullYear()}`;
  return String(d.getUTCFullYear());
}

/** The test month of a clause row: its `test_month`, or the calendar month before `release_date`. */
export function testMonth(clause) {
  if (clause.test_month) return String(clause.test_month);
  const p = period(clause.release_date);
  if (!p) return undefined;
  const d = new Date(p.start);
  const prev = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return `${prev.getUTCFullYear()}-${String(prev.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Whole months between two periods (0 when they overlap); negative when `row` is before the test month. */
export function monthsApart(rowText, monthText) {
  const r = period(rowText);
  const t = period(monthText);
  if (!r || !t) return undefined;
  if (r.start < t.end && r.end > t.start) return 0;
  const months = (a, b) => {
    const da = new Date(a);
    const db = new Date(b);
    return (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth();
  };
  return r.end <= t.start ? -Math.max(1, months(r.end - 1, t.start)) : Math.max(1, months(t.start, r.start));
}

/** Rows with a monthly-active-user count (metric MAU of some kind), for one service or all. */
export function mauRows(rows, service) {
  return rows.filter((r) => r.monthly_active_users !== "" && r.monthly_active_users != null && Number.isFinite(+r.monthly_active_users) && (service === undefined || r.service === service));
}

/**
 * The reference row closest in time to the test month for `service`, preferring a row before the
 * month on a tie (what could have been known on release day). `dated` is true only when the row's
 * period lies inside the test month.
 */
export function nearestRow(rows, service, month) {
  const t = period(month);
  const candidates = mauRows(rows, service)
    .map((row) => ({row, apart: monthsApart(row.as_of, month), p: period(row.as_of)}))
    .filter((c) => c.apart !== undefined);
  if (!candidates.length || !t) return undefined;
  candidates.sort((a, b) => Math.abs(a.apart) - Math.abs(b.apart) || a.apart - b.apart);
  const best = candidates[0];
  const dated = best.p.start >= t.start && best.p.end <= t.end;
  return {row: best.row, users: +best.row.monthly_active_users, monthsApart: best.apart, dated};
}

/** Must a service with `users` monthly active users (in the test month) ask Meta for a licence? */
export function mustAsk(users) {
  return Number(users) > THRESHOLD;
}

/**
 * The checker's answer: for a clause row and either a service's reference rows or a number the
 * reader typed. Returns the verdict, the row used (if any), and whether it is an estimate.
 */
export function checkLicence({clause, rows = [], service, users}) {
  const month = testMonth(clause);
  if (String(clause.has_mau_clause) !== "true") return {month, applies: false, mustAsk: false, estimate: false};
  if (service === undefined || service === null || service === "") {
    const n = Number(users);
    return {month, applies: true, users: n, mustAsk: mustAsk(n), estimate: false, row: undefined};
  }
  const near = nearestRow(rows, service, month);
  if (!near) return {month, applies: true, users: undefined, mustAsk: undefined, estimate: true, row: undefined};
  return {month, applies: true, users: near.users, mustAsk: mustAsk(near.users), estimate: !near.dated, monthsApart: near.monthsApart, row: near.row};
}

/**
 * A user count in words, with as many decimals as it takes to be exact to a thousandth of a
 * million and never to print "700 million" for a number that is not 700 million: 700.5e6 →
 * "700.5 million", 5e9 → "5 billion", 700_000_400 → "700.0004 million".
 */
export function formatUsers(n) {
  const v = Number(n);
  if (!Number.isFinite(v)) return "–";
  const [unit, scale] = v >= 1e9 ? ["billion", 1e9] : ["million", 1e6];
  for (let digits = 3; digits <= 9; digits++) {
    const text = (v / scale).toLocaleString("en-US", {maximumFractionDigits: digits});
    const back = Number(text.replace(/,/g, "")) * scale;
    if (back !== THRESHOLD || v === THRESHOLD) return `${text} ${unit}`;
  }
  return `${v.toLocaleString("en-US")} users`;
}

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
/** 2 → "two"; 15 → "15". */
export function countWord(n) {
  return WORDS[n] ?? String(n);
}

/** Items joined as a reader writes them: [a] → [a]; [a, b] → [a, " and ", b]; [a, b, c] → [a, ", ", b, " and ", c]. Items may be DOM nodes. */
export function listParts(items, conjunction = "and") {
  return items.flatMap((item, i) => (i === 0 ? [item] : [i === items.length - 1 ? ` ${conjunction} ` : ", ", item]));
}

/** The same as one string. */
export function listPhrase(items, conjunction = "and") {
  return listParts(items.map(String), conjunction).join("");
}

/**
 * The caption of the checker's chart for one version, from the rows the checker computed for it
 * (service, must_ask "yes"/"no", estimate "yes"/"no"): which services are above and below the
 * line, and which (if any) have a count dated inside the test month. Every count and every name
 * comes from the rows, so "only none" or a wrong "only X" cannot be written.
 */
export function versionSummary({version, month, rows}) {
  const names = (f) => rows.filter(f).map((r) => r.service);
  const above = names((r) => r.must_ask === "yes");
  const below = names((r) => r.must_ask === "no");
  const unknown = names((r) => r.must_ask !== "yes" && r.must_ask !== "no");
  const dated = names((r) => r.estimate === "no");
  const side = (list, where) => (list.length ? `${listPhrase(list)} ${list.length === 1 ? "is" : "are"} ${where} 700 million` : `no service is ${where} 700 million`);
  const datedText = !dated.length
    ? "none of the counts is dated in the test month itself, so every answer is an estimate"
    : dated.length === rows.length
      ? "every count is dated in the test month itself"
      : `only ${listPhrase(dated)} ${dated.length === 1 ? "has a count" : "have counts"} dated in the test month itself; the others are estimates`;
  return `For ${version} (test month ${formatPeriod(month)}), ${side(above, "above")} and ${side(below, "below")}${unknown.length ? `; ${listPhrase(unknown)} ${unknown.length === 1 ? "has" : "have"} no count` : ""}; ${datedText}.`;
}

/**
 * Every reference count dated inside some licence's test month, once per row, with the versions
 * whose test month holds it: what the "what the data cannot tell you" paragraph lists.
 */
export function datedCounts({clauses, rows}) {
  const byRow = new Map();
  for (const clause of clauses.filter((c) => String(c.has_mau_clause) === "true")) {
    for (const service of [...new Set(mauRows(rows).map((r) => r.service))]) {
      const r = checkLicence({clause, rows, service});
      if (r.row && !r.estimate) {
        const entry = byRow.get(r.row.id) ?? {row: r.row, service, versions: []};
        entry.versions.push(clause.version);
        byRow.set(r.row.id, entry);
      }
    }
  }
  return [...byRow.values()].sort((a, b) => String(a.row.as_of).localeCompare(String(b.row.as_of)));
}
