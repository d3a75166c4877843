// The browser suites' side of Chromium: Debian's package driven by playwright-core (which never downloads a
// browser), a phone like the ones the pages are made for, axe-core's verdict and screenshots at phone size.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './server-control.js';

/** Installed by .ci/run, or by npm test when it runs as root (scripts/lib/chromium.mjs). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots land, one full-page PNG per page name; kept out of git. */
export const SCREENSHOT_DIR = join(ROOT, 'test-artifacts', 'pages');

/**
 * One browser for a whole suite: contexts are cheap, a browser start is not. This machine's network is
 * closed, so Chromium's own background traffic (updates, sync, QUIC probes) is switched off; otherwise
 * it fails many connections at every start. Playwright gives each launch a fresh, empty user-data-dir.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Debian's Chromium is not at ${CHROMIUM_PATH}: run .ci/run as root, or apt-get install chromium fonts-noto-core`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PhoneOptions {
  baseURL?: string;
  javaScriptEnabled?: boolean;
  offline?: boolean;
}

/**
 * A cheap Android phone as the people in the communes hold it: 360 px wide, touch, Vietnamese, Vietnam's
 * time. Chromium reports the zone as Asia/Saigon: compare offsets, not zone names.
 */
export async function phoneContext(browser: Browser, options: PhoneOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    offline: options.offline ?? false,
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
  });
  // The app is on this machine: an element missing after 10 s is missing, and Playwright's 30 s per wait
  // would make a suite against a broken page take minutes to say so.
  context.setDefaultTimeout(10_000);
  return context;
}

/** The impacts the pages must not have (web.md: "no serious or critical violation"). */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core in the page and fails, listing each blocking violation with its targets. The script is
 * evaluated through the DevTools protocol, not added as a <script>, so the pages' Content-Security-Policy
 * (no inline script) does not stop it. Needs JavaScript enabled in the context.
 */
export async function checkAccessibility(page: Page, name: string): Promise<void> {
  await page.evaluate(axe.source);
  // Runs in the page, where axe-core has just put itself on the global object.
  const results = await page.evaluate(() => (globalThis as unknown as { axe: typeof axe }).axe.run());
  const blocking = results.violations.filter((violation) => violation.impact && BLOCKING.has(violation.impact));
  if (blocking.length === 0) return;
  const lines = blocking.map(
    (violation) =>
      `- ${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    at ${JSON.stringify(node.target)}`).join('\n'),
  );
  throw new Error(`${name}: ${blocking.length} serious or critical accessibility violation(s) at ${page.url()}\n${lines.join('\n')}`);
}

/** A full-page PNG at test-artifacts/pages/<name>.png, for people to look at (and the README to show). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
