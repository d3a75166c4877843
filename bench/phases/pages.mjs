// Phase 6, the pages (issue 14's figures): what a phone downloads to open each page the first time (bytes
// transferred, gzip, and the requests that block rendering), the server's time for "Việc của tôi" and a
// cycle's page at PAGE_RATE requests/s (evenly paced, as phase 3), and a walk through the pages in Debian's
// Chromium on a 3G-like connection (400 ms latency, 400 kbit/s each way), each step timed to the loaded page.
// Its own cycles: one driven to CLOSED (14 critiques: the heaviest cycle page and report form), one waiting
// for its plan and answers, one waiting for its host.
import { launchBody, planBody } from '../../scripts/lib/step-bodies.mjs';
import { BENCH_LAUNCH, driveApiCycle, freshHost } from '../lib/api.mjs';
import { firstLoad, pageSession } from '../lib/pages.mjs';
import { pacedLoad } from '../lib/paced-load.mjs';
import { round } from '../lib/stats.mjs';
import { PAGE_BUDGET_BYTES, PAGE_RATE, SLOW_NETWORK } from '../plan.mjs';

export async function measurePages(bench) {
  const { plan, log, api, apps, commune } = bench;
  bench.ensureAlive();
  log(`\n── 6. Pages: first-load weight, server time at ${PAGE_RATE} requests/s, a walk on a 3G-like connection ──`);
  const cycles = await arrangeCycles(bench);
  const sessions = {
    staff: await pageSession(apps.baseUrl, commune.staff.username, commune.staff.password),
    admin: await pageSession(apps.baseUrl, commune.admin.username, commune.admin.password),
    visitor: await pageSession(apps.baseUrl, commune.cells[1].secretary.username, commune.cells[1].secretary.password),
    host: await pageSession(apps.baseUrl, cycles.open.host.secretary.username, cycles.open.host.secretary.password),
    closedHost: await pageSession(apps.baseUrl, cycles.closed.host.secretary.username, cycles.closed.host.secretary.password),
  };

  const weights = [];
  for (const target of pagesToWeigh(cycles, commune.cells[1].id)) {
    const loaded = await firstLoad(apps.baseUrl, target.path, target.as ? sessions[target.as] : undefined);
    weights.push({ page: target.page, as: target.as ?? 'anonymous', path: target.path.replace(/[0-9a-f-]{36}/g, ':id'), status: loaded.status, ...loaded });
  }
  log(`  ${weights.length} pages weighed; heaviest ${Math.max(...weights.map((w) => w.wireBytes))} B transferred`);

  const serverTime = [];
  const seconds = plan.pagesSeconds;
  const { body: visitorTasks } = await api.expect(200, 'GET', '/api/me/tasks', { token: commune.cells[1].secretary.token });
  for (const target of [
    { page: 'Việc của tôi', path: '/', as: 'visitor', note: `a visiting secretary with ${visitorTasks.length} tasks (its open invitations)` },
    { page: 'the cycle page', path: `/dot/${cycles.closed.id}`, as: 'staff', note: 'a closed cycle: 14 invitations, 14 critiques, its report and review; as committee staff' },
  ]) {
    const load = { url: `${apps.baseUrl}${target.path}`, headers: { cookie: sessions[target.as], 'accept-encoding': 'gzip', accept: 'text/html' } };
    await pacedLoad({ ...load, rate: PAGE_RATE, seconds: 1 });
    const result = await pacedLoad({ ...load, rate: PAGE_RATE, seconds });
    serverTime.push({ page: target.page, note: target.note, ...result });
    log(`  ${target.page}: p50 ${result.p50_ms} ms p99 ${result.p99_ms} ms, ${result.requests} requests, ${result.errors} errors`);
  }

  const walk = await walkOnSlowNetwork(bench, cycles, log);
  bench.figures.snapshotMemory('pages');
  return {
    budget_bytes: PAGE_BUDGET_BYTES,
    weights: weights.map(({ page, as, path, status, wireBytes, htmlBytes, gzipped, requests, blocking }) => ({
      page,
      as,
      path,
      status,
      transferred_bytes: wireBytes,
      html_bytes: htmlBytes,
      gzipped,
      requests,
      blocking_requests: blocking,
    })),
    server_time: { rate: PAGE_RATE, seconds, pages: serverTime },
    slow_network: walk,
  };
}

/** A closed cycle with its host's secretary, one in PREPARATION (host with a secretary), one waiting for its host. */
async function arrangeCycles(bench) {
  const { api, commune } = bench;
  const closed = await driveApiCycle(api, commune, { leadMs: 2_000, record: () => {} });
  const meetingAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
  const invitedCellIds = commune.cells.slice(1).map((cell) => cell.id);
  const host = await freshHost(api, commune, { withSecretary: true });
  const launch = (extra) => api.expect(201, 'POST', '/api/cycles', { token: commune.staff.token, body: launchBody({ ...BENCH_LAUNCH, committeeId: commune.committeeId, invitedCellIds, meetingAt, ...extra }) });
  const open = await launch({ hostCellId: host.id });
  const hostless = await launch({});
  return { closed: { id: closed.cycleId, host: closed.host }, open: { id: open.body.id, host }, hostless: { id: hostless.body.id } };
}

/** Every page, as the person who opens it, in the cycle where it is heaviest. */
function pagesToWeigh({ closed, open, hostless }, cellId) {
  return [
    { page: 'Đăng nhập', path: '/login' },
    { page: 'Việc của tôi (office)', path: '/', as: 'staff' },
    { page: 'Việc của tôi (visiting secretary)', path: '/', as: 'visitor' },
    { page: 'Việc của tôi (host secretary)', path: '/', as: 'host' },
    { page: 'Thông báo', path: '/notifications', as: 'visitor' },
    { page: 'Khởi tạo đợt', path: '/dot-moi', as: 'staff' },
    { page: 'Chọn chi bộ điểm', path: `/dot/${hostless.id}/chon-chi-bo-diem`, as: 'staff' },
    { page: 'Trang đợt (đang chuẩn bị)', path: `/dot/${open.id}`, as: 'staff' },
    { page: 'Trang đợt (đã kết thúc, office)', path: `/dot/${closed.id}`, as: 'staff' },
    { page: 'Trang đợt (đã kết thúc, visitor)', path: `/dot/${closed.id}`, as: 'visitor' },
    { page: 'Xác nhận tham dự', path: `/dot/${open.id}/xac-nhan`, as: 'visitor' },
    { page: 'Chương trình', path: `/dot/${open.id}/chuong-trinh`, as: 'host' },
    { page: 'Ghi nhận buổi sinh hoạt', path: `/dot/${closed.id}/buoi-sinh-hoat`, as: 'closedHost' },
    { page: 'Nhận xét, góp ý', path: `/dot/${closed.id}/gop-y`, as: 'visitor' },
    { page: 'Báo cáo (14 góp ý)', path: `/dot/${closed.id}/bao-cao`, as: 'closedHost' },
    { page: 'Đánh giá, xếp loại', path: `/dot/${closed.id}/danh-gia`, as: 'staff' },
    { page: 'Vận dụng, nhân rộng', path: `/dot/${closed.id}/ap-dung`, as: 'visitor' },
    { page: 'Việc cam kết', path: `/dot/${closed.id}/viec-can-lam`, as: 'closedHost' },
    { page: 'Đổi lịch', path: `/dot/${open.id}/doi-lich`, as: 'staff' },
    { page: 'Hủy đợt', path: `/dot/${open.id}/huy`, as: 'staff' },
    { page: 'Các đợt', path: '/dot', as: 'staff' },
    { page: 'Chi bộ', path: '/chi-bo', as: 'staff' },
    { page: 'Một chi bộ', path: `/chi-bo/${cellId}`, as: 'staff' },
    { page: 'Quản trị', path: '/quan-tri', as: 'admin' },
    { page: 'Đổi mật khẩu', path: '/doi-mat-khau', as: 'visitor' },
  ];
}

/**
 * The visiting secretary answers the invitation and the host posts the plan, through the pages, in Chromium
 * on a slow connection. Each step is timed from the tap to the next page's load event (a post's time includes
 * its redirect). Answers null, with the reason, when Chromium is not installed and cannot be.
 */
async function walkOnSlowNetwork(bench, cycles, log) {
  const { apps, commune } = bench;
  const { ensureChromium, CHROMIUM_PATH } = await import('../../scripts/lib/chromium.mjs');
  try {
    ensureChromium(log);
  } catch (error) {
    log(`  (no 3G walk: ${error.message})`);
    return { skipped: error.message };
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'] });
  bench.cleanups.add('Chromium', () => browser.close());
  const steps = [];
  try {
    const phone = async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', baseURL: apps.baseUrl });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: SLOW_NETWORK.latencyMs,
        downloadThroughput: (SLOW_NETWORK.kbitPerSecond * 1000) / 8,
        uploadThroughput: (SLOW_NETWORK.kbitPerSecond * 1000) / 8,
      });
      return { context, page };
    };
    const timed = async (who, step, page, act) => {
      const started = performance.now();
      await Promise.all([page.waitForEvent('load'), act()]);
      const ms = round(performance.now() - started, 0);
      steps.push({ who, step, ms, landed_on: new URL(page.url()).pathname.replace(/[0-9a-f-]{36}/g, ':id') });
    };
    const signIn = async (who, page, account) => {
      await timed(who, 'mở trang đăng nhập', page, () => page.goto('/login'));
      await page.locator('input[name="username"]').fill(account.username);
      await page.locator('input[name="password"]').fill(account.password);
      await timed(who, 'đăng nhập → Việc của tôi', page, () => page.locator('form[action="/login"] [type="submit"]').click());
    };

    const visitor = await phone();
    const visitorAccount = commune.cells[2].secretary;
    await signIn('chi bộ được mời', visitor.page, visitorAccount);
    await timed('chi bộ được mời', 'mở giấy mời', visitor.page, () => visitor.page.goto(`/dot/${cycles.open.id}/xac-nhan`));
    await visitor.page.locator('input[name="delegate"]').fill('Đồng chí Bí thư chi bộ');
    await timed('chi bộ được mời', 'gửi xác nhận → Việc của tôi', visitor.page, () => visitor.page.locator('main button.primary').click());
    await timed('chi bộ được mời', 'mở trang đợt', visitor.page, () => visitor.page.goto(`/dot/${cycles.open.id}`));
    await visitor.context.close();

    const host = await phone();
    await signIn('chi bộ điểm', host.page, cycles.open.host.secretary);
    await timed('chi bộ điểm', 'mở chương trình', host.page, () => host.page.goto(`/dot/${cycles.open.id}/chuong-trinh`));
    const plan = planBody();
    await host.page.locator('textarea[name="agenda"]').fill(plan.agenda.join('\n'));
    await host.page.locator('textarea[name="content"]').fill(plan.content);
    await timed('chi bộ điểm', 'gửi chương trình → trang đợt', host.page, () => host.page.locator('main button.primary').click());
    await host.context.close();
  } finally {
    await browser.close();
  }
  const slowest = Math.max(...steps.map((step) => step.ms));
  log(`  3G walk: ${steps.length} steps, slowest ${slowest} ms`);
  return { profile: SLOW_NETWORK, steps, slowest_ms: slowest };
}
