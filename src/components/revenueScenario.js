/**
 * The revenue-sharing scenario as arithmetic, shared by the revenue and capex chapters so both
 * show the same numbers: tokens served per month through hosts × price per million tokens ×
 * Meta's share, times 12. Every input is a reader's assumption; nothing here is a reported fact.
 */
export function impliedRevenue({tokensPerMonth, pricePerMillion, share}) {
  return (tokensPerMonth / 1e6) * pricePerMillion * share * 12;
}

/** Low, mid and high yearly revenue for a share range (fractions, e.g. 0.05 to 0.2). */
export function revenueBand({tokensPerMonth, pricePerMillion, shareLow, shareHigh}) {
  const low = impliedRevenue({tokensPerMonth, pricePerMillion, share: shareLow});
  const high = impliedRevenue({tokensPerMonth, pricePerMillion, share: shareHigh});
  return {low, high, mid: (low + high) / 2};
}

/**
 * The default scenario a page opens with (and the capex chapter compares against). Its price is
 * a prices.csv row, DEFAULT_PRICE_ID; `pricePerMillion` is only the fallback of a page that has
 * not loaded prices.csv. Pages that show a price use `defaultScenario(prices)` (scenarioPrices.js),
 * so both chapters open on the same row and the same numbers.
 */
export const DEFAULT_PRICE_ID = "price-aws-bedrock-3-1-70b-launch";
export const DEFAULT_SCENARIO = {tokensPerMonth: 1e12, pricePerMillion: 1, shareLow: 0.05, shareHigh: 0.2};
