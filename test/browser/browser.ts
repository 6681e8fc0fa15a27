// Debian's Chromium driven by playwright-core; every page is watched for console errors,
// uncaught exceptions and any request that leaves the local server.
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {existsSync} from "node:fs";
import {after, before} from "node:test";
import {serve, type StaticServer} from "./server.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({executablePath: CHROMIUM, args: FLAGS, headless: true});
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  errors: string[];
  external: string[];
  requests: string[];
}

export interface OpenOptions {
  colorScheme?: "light" | "dark";
  viewport?: {width: number; height: number};
  javaScriptEnabled?: boolean;
  /** Only for injecting a test tool (axe) into a page; every other test runs under the site's CSP. */
  bypassCSP?: boolean;
  media?: "screen" | "print";
  /**
   * Draw the blocks that wait until the reader scrolls near them (src/components/deferred.js), as
   * printing does, so a test sees the whole page. Off only for the tests of that waiting itself.
   */
  drawDeferred?: boolean;
}

export async function open(browser: Browser, url: string, {colorScheme = "light", viewport = {width: 1280, height: 900}, javaScriptEnabled = true, bypassCSP = false, media = "screen", drawDeferred = true}: OpenOptions = {}): Promise<Watched> {
  const context = await browser.newContext({colorScheme, viewport, javaScriptEnabled, bypassCSP});
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const watched: Watched = {page, context, errors: [], external: [], requests: []};
  page.on("console", (m) => { if (m.type() === "error") watched.errors.push(m.text()); });
  page.on("pageerror", (e) => watched.errors.push(String(e)));
  await context.route("**/*", (route) => {
    const u = route.request().url();
    watched.requests.push(u);
    if (u.startsWith(origin) || u.startsWith("data:") || u.startsWith("blob:")) return route.continue();
    watched.external.push(u);
    return route.abort();
  });
  await page.emulateMedia({media});
  await page.goto(url, {waitUntil: "networkidle"});
  if (drawDeferred && javaScriptEnabled) await drawAllDeferred(page);
  return watched;
}

/**
 * Draws every block still waiting for the reader to scroll to it (loading Plot if a chart needs
 * it), then waits two frames for resize() to lay out the charts.
 */
export async function drawAllDeferred(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  // A wait for a state, not a time budget: on a busy 2-core machine drawing every chart can take
  // well over 15 s (two CI runs failed there at load 17-20), so only a real hang should fail it.
  await page.waitForFunction(() => !document.querySelector(".deferred:not([data-drawn])"), undefined, {timeout: 120_000});
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** The built site on a loopback server and one browser, for the tests of one file. */
export function useSite(options: {base?: string; gzip?: boolean} = {}): {browser: Browser; server: StaticServer} {
  const site = {} as {browser: Browser; server: StaticServer};
  before(async () => {
    site.server = await serve(undefined, options);
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
