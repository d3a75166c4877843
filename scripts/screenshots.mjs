// npm run screenshots: the README's pictures of the pages, taken from a running `npm start` after
// `npm run demo`, in Debian's Chromium as a 360×740 phone (the demo's people, as they would see their pages).
// Writes docs/screenshots/<name>.png: what fits on the phone's screen, as a person first sees it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureDependencies } from './lib/bootstrap.mjs';
import { CHROMIUM_PATH, ensureChromium } from './lib/chromium.mjs';

ensureDependencies();
const { chromium } = await import('playwright-core');
const { DEMO_PASSWORD, PAGES, call, login } = await import('./lib/demo-api.mjs');
const { COMMUNE_CELLS, OFFICE_STAFF } = await import('./lib/demo-commune.mjs');
const ORIGIN = PAGES.replace(/\/$/, '');

const OUTPUT = join(ROOT, 'docs', 'screenshots');

/** A session of one of the demo's people, on a phone. */
async function phoneOf(browser, username) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    baseURL: ORIGIN,
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('form[action="/login"] [type="submit"]').click()]);
  return { context, page };
}

/** The phone's screen at `path`; `heading` scrolls to the section with that title first. */
async function shoot(page, name, path, { heading } = {}) {
  await page.goto(path);
  if (heading) await page.evaluate((text) => [...document.querySelectorAll('h2')].find((h2) => h2.textContent === text)?.scrollIntoView(), heading);
  const file = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${file}`);
}

async function main() {
  ensureChromium();
  mkdirSync(OUTPUT, { recursive: true });
  const health = await fetch(`${ORIGIN}/api/health`).catch(() => null);
  if (!health?.ok) throw new Error(`nothing answers at ${ORIGIN}: run npm start, then npm run demo, then this`);
  // The demo's latest cycle, its host cell's secretary and a visiting cell's that sent a critique.
  const token = await login(OFFICE_STAFF.username, DEMO_PASSWORD);
  const { body: list } = await call('GET', '/api/cycles?limit=1', { token });
  const cycle = list?.items?.[0] ? (await call('GET', `/api/cycles/${list.items[0].id}`, { token })).body : null;
  if (!cycle) throw new Error('no cycle yet: run npm run demo first');
  const { body: cells } = await call('GET', `/api/committees/${cycle.committeeId}/cells`, { token });
  const secretaryOf = (cellId) => COMMUNE_CELLS.find((cell) => cell.name === cells.find((known) => known.id === cellId)?.name)?.secretary.username;
  const visitorCellId = cycle.critiques.find((critique) => critique.cellId)?.cellId;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'] });
  try {
    const office = await phoneOf(browser, OFFICE_STAFF.username);
    await shoot(office.page, 'cycle', `/dot/${cycle.id}`);
    await shoot(office.page, 'cycle-report', `/dot/${cycle.id}`, { heading: 'Báo cáo rút kinh nghiệm' });
    await shoot(office.page, 'dashboard', '/tong-quan');
    await shoot(office.page, 'year-report', `/bao-cao?nam=${new Date(cycle.meetingAt).getFullYear()}`);
    const host = await phoneOf(browser, secretaryOf(cycle.hostCellId));
    await shoot(host.page, 'tasks', '/');
    if (visitorCellId) {
      const visitor = await phoneOf(browser, secretaryOf(visitorCellId));
      await shoot(visitor.page, 'notifications', '/notifications');
    }
  } finally {
    await browser.close();
  }
}

await main();
