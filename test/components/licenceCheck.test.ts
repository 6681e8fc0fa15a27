import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {period, testMonth, monthsApart, nearestRow, mustAsk, checkLicence, formatPeriod} from "../../src/components/licenceCheck.js";

const mau = csvParse(readFileSync(new URL("../../data/reference/mau.csv", import.meta.url), "utf8"));
const clauses = csvParse(readFileSync(new URL("../../data/reference/licence_clause.csv", import.meta.url), "utf8"));
const clause = (id: string) => clauses.find((c) => c.id === id)!;

test("periods cover a day, a month, a quarter or a year", () => {
  assert.equal(period("2024-06").precision, "month");
  assert.equal(new Date(period("2024-Q2").start).toISOString().slice(0, 10), "2024-04-01");
  assert.equal(new Date(period("2024-Q2").end).toISOString().slice(0, 10), "2024-07-01");
  assert.equal(formatPeriod("2024-05-23"), "23 May 2024");
  assert.equal(formatPeriod("2024-Q2"), "Q2 2024");
});

test("the test month is the calendar month before each release date", () => {
  for (const c of clauses.filter((c) => c.has_mau_clause === "true")) assert.equal(testMonth({release_date: c.release_date}), c.test_month, c.id);
  assert.equal(testMonth({release_date: "2024-01-15"}), "2023-12");
});

test("months apart: 0 when the period overlaps the month, signed otherwise", () => {
  assert.equal(monthsApart("2024-Q2", "2024-06"), 0);
  assert.equal(monthsApart("2024-04", "2024-06"), -2);
  assert.equal(monthsApart("2024-07", "2024-06"), 1);
  assert.equal(monthsApart("2024-05-23", "2024-06"), -1);
});

test("strictly greater than 700 million", () => {
  assert.equal(mustAsk(700_000_000), false);
  assert.equal(mustAsk(700_000_001), true);
});

test("Llama 3.1 (June 2024): WeChat is dated in the month, Telegram is an estimate from July", () => {
  const wechat = checkLicence({clause: clause("clause-llama-3-1"), rows: mau, service: "WeChat/Weixin"});
  assert.deepEqual([wechat.mustAsk, wechat.estimate, wechat.row.id], [true, false, "mau-wechat-2024-06-30"]);
  const telegram = checkLicence({clause: clause("clause-llama-3-1"), rows: mau, service: "Telegram"});
  assert.deepEqual([telegram.mustAsk, telegram.estimate, telegram.monthsApart, telegram.row.id], [true, true, 1, "mau-telegram-2024-07"]);
  const x = checkLicence({clause: clause("clause-llama-3-1"), rows: mau, service: "X (Twitter)"});
  assert.deepEqual([x.mustAsk, x.estimate, x.row.id], [false, true, "mau-x-2024-05-23"]);
});

test("a tie prefers the count from before the test month; a number typed in is never an estimate", () => {
  const near = nearestRow([{service: "S", monthly_active_users: "1", as_of: "2024-05"}, {service: "S", monthly_active_users: "2", as_of: "2024-07"}], "S", "2024-06");
  assert.equal(near.users, 1);
  const typed = checkLicence({clause: clause("clause-llama-3-2"), users: 750e6});
  assert.deepEqual([typed.mustAsk, typed.estimate, typed.month], [true, false, "2024-08"]);
  assert.equal(checkLicence({clause: clause("clause-llama-1-weights"), users: 2e9}).applies, false);
});

// @ts-expect-error: plain JavaScript module
import {formatUsers, listPhrase, versionSummary, datedCounts, THRESHOLD} from "../../src/components/licenceCheck.js";

const chartRowsFor = (c: Record<string, string>) => {
  const services = [...new Set(mau.filter((r) => r.monthly_active_users).map((r) => r.service))];
  return services.map((s) => {
    const r = checkLicence({clause: c, rows: mau, service: s});
    return {service: s, must_ask: r.mustAsk ? "yes" : "no", estimate: r.estimate ? "yes" : "no"};
  });
};

test("the chart caption names, for every version, exactly the services whose count is dated in its test month", () => {
  for (const c of clauses.filter((c) => c.has_mau_clause === "true")) {
    const rows = chartRowsFor(c);
    const text = versionSummary({version: c.version, month: testMonth(c), rows});
    assert.doesNotMatch(text, /only none|undefined|NaN/, text);
    const dated = rows.filter((r) => r.estimate === "no").map((r) => r.service);
    if (dated.length) assert.ok(text.includes(`only ${listPhrase(dated)} ha`), text);
    else assert.match(text, /none of the counts is dated/, text);
  }
  // Llama 3 (test month March 2024) has X's count of that month.
  assert.match(versionSummary({version: "Llama 3", month: "2024-03", rows: chartRowsFor(clause("clause-llama-3"))}), /only X \(Twitter\) has a count dated/);
  assert.equal(versionSummary({version: "V", month: "2024-01", rows: [{service: "A", must_ask: "yes", estimate: "yes"}]}), "For V (test month January 2024), A is above 700 million and no service is below 700 million; none of the counts is dated in the test month itself, so every answer is an estimate.");
});

test("the counts dated inside a test month are listed from the data, with their versions", () => {
  const dated = datedCounts({clauses, rows: mau});
  const ids = dated.map((d: {row: {id: string}}) => d.row.id);
  assert.ok(ids.includes("mau-x-2024-03"), "X in March 2024 is inside Llama 3's test month");
  assert.ok(ids.includes("mau-wechat-2024-06-30") && ids.includes("mau-telegram-2025-03-19"));
});

test("typed user counts are said as typed: never rounded onto or off the 700 million line", () => {
  assert.equal(formatUsers(700.5e6), "700.5 million");
  assert.equal(formatUsers(5e9), "5 billion");
  assert.equal(formatUsers(THRESHOLD), "700 million");
  assert.notEqual(formatUsers(700_000_400), "700 million");
  assert.equal(formatUsers(650e6), "650 million");
  assert.equal(listPhrase(["a", "b", "c"]), "a, b and c");
});
