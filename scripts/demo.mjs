// npm run demo: against a running `npm start`, sets up Đảng bộ xã Na Hối (18 cells, 221 members, their
// secretaries and the committee office's staff member; scripts/lib/demo-commune.mjs) and drives one whole
// model-meeting cycle through the HTTP API as those people would, printing who did what in a commune
// office's words. Safe to run again: the commune is reused, a new cycle is made (and the ranking picks
// another host). The cycle is driven by scripts/lib/cycle-driver.mjs; what is said in it is in
// scripts/lib/demo-meeting.mjs, and how it is told in scripts/lib/demo-narration.mjs. So that the committee's
// overview and year report have a picture (scripts/lib/demo-picture.mjs), the quarters before this one are
// written into the database on the first run, and two more cycles of this quarter are closed beside the
// narrated one: one with critiques missed, one with its report late, each rated otherwise.
import { driveCycle } from './lib/cycle-driver.mjs';
import { BASE, DEMO_PASSWORD, PAGES, account, call, demoEmailOf, driverHttp, expectOk, login } from './lib/demo-api.mjs';
import { COMMITTEE_NAME, COMMUNE_CELLS, OFFICE_STAFF, PARTY_BRANCH, titled } from './lib/demo-commune.mjs';
import { ADOPTION, DECLINES, MEETING_MINUTES, REVIEWS, answerTo, critiqueWords, launchWords, lessonsAndCommitments, meetingWords, planWords } from './lib/demo-meeting.mjs';
import { heading, narrator, say } from './lib/demo-narration.mjs';
import { driveMoreCycles, narratedHostChoice, showOverview, writePastQuarters } from './lib/demo-picture.mjs';
import { vietnamDay, vietnamTime } from './lib/demo-wording.mjs';
import { acceptInvitationBody, declineInvitationBody, meetingBody, planBody, reportBody } from './lib/step-bodies.mjs';

const ADMIN = { username: process.env.ADMIN_USERNAME ?? 'admin', password: process.env.ADMIN_PASSWORD ?? 'admin' };

/**
 * A cycle of weeks run in seconds. The meeting is set this far ahead: time for the host to be picked, every
 * invitation answered and the plan sent first.
 */
const MEETING_IN_MS = 15_000;
/**
 * Deadlines scaled to match, so that no step reads as late: the plan is due 5 seconds before the meeting
 * (the guidance's day before), the host 5 seconds before that. The recorded meeting of MEETING_MINUTES
 * ended just now, so it may start up to three hours before its scheduled time.
 */
const COMPRESSED_SCHEDULE = { reminders: { planDueLead: 'PT5S', hostPickLead: 'PT5S' }, earlyStartTolerance: 'PT3H' };

async function main() {
  const health = await call('GET', '/api/health');
  if (health.status !== 200) throw new Error(`Dịch vụ chưa sẵn sàng (health ${health.status}: ${JSON.stringify(health.body)})`);
  console.log(`\nSINH HOẠT CHI BỘ ĐIỂM: chạy thử một đợt trên ${BASE}`);
  console.log(
    `[Kỹ thuật] Thời gian được rút ngắn: giờ sinh hoạt đặt sau ${MEETING_IN_MS / 1000} giây, buổi sinh hoạt ${MEETING_MINUTES} phút được ghi nhận ngay,` +
      ' nên các mốc trong dòng thời gian chỉ cách nhau vài giây.',
  );

  const { committee, staff, cells, reused } = await commune();
  heading(`${PARTY_BRANCH.toUpperCase()}: ${cells.length} chi bộ trực thuộc, ${cells.reduce((sum, cell) => sum + cell.memberCount, 0)} đảng viên${reused ? ' (đã có từ lần chạy trước)' : ''}`);
  for (const cell of cells) say(`${cell.name.padEnd(30)} ${String(cell.memberCount).padStart(2)} đảng viên   Bí thư: đồng chí ${cell.secretary.fullName}`);
  say(`Văn phòng Đảng ủy: ${titled(OFFICE_STAFF)}`);
  await writePastQuarters({ committee, staffUsername: OFFICE_STAFF.username, cells });

  const meetingAt = new Date(Date.now() + MEETING_IN_MS);
  const months = monthsOf(meetingAt.getTime());
  // Told after the narrated cycle; run beside it, so their windows pass while it runs (their hosts picked after its own).
  /** @type {() => void} */
  let hostChosen = () => {};
  const after = new Promise((resolve) => {
    hostChosen = () => resolve(undefined);
  });
  const moreCycles = driveMoreCycles({ committee, staff, cells, months, after });
  void moreCycles.catch(() => undefined);
  const narrate = narrator({ staff: OFFICE_STAFF, cellCount: cells.length });
  const cycle = await driveCycle(
    driverHttp,
    { committeeId: committee.id, staff, invited: cells },
    {
      meetingAt,
      // Every cell is invited; the committee then picks the host, the first of the ranking (the cell that
      // hosted last comes last), and that cell leaves the invitation list.
      launch: { ...launchWords(months), ...COMPRESSED_SCHEDULE },
      idempotencyKeys: 'demo',
      rsvpsBeforePlan: true,
      chooseHost: narratedHostChoice(cells),
      rsvp: (visitor) => {
        const note = DECLINES.get(visitor.name);
        return note ? declineInvitationBody({ note }) : acceptInvitationBody({ delegate: `Đồng chí ${visitor.secretary.fullName}, Bí thư chi bộ` });
      },
      plan: () => planBody(planWords(months)),
      meetingMarginMs: 200,
      meeting: ({ host, attending }) =>
        meetingBody({ attendingCellIds: attending.map((cell) => cell.id), durationMinutes: MEETING_MINUTES, combined: true, ...meetingWords(host, months) }),
      critique: (_visitor, index) => critiqueWords(index),
      report: ({ host, pointsToAnswer }, round) =>
        reportBody({ responses: pointsToAnswer.map(answerTo), ...lessonsAndCommitments({ secretaryName: host.secretary.fullName }, round) }),
      reviews: REVIEWS,
      onStep: (event) => {
        narrate(event);
        if (event.kind === 'host') hostChosen();
      },
    },
  );
  const { host, attending } = cycle;

  heading('7. Nhân rộng');
  const adopter = attending[0];
  await expectOk('POST', `/api/cycles/${cycle.id}/adoption`, { token: adopter.secretary.token, body: { text: ADOPTION } }, 'ghi nhận nội dung vận dụng');
  say(`${adopter.name} ghi nhận nội dung vận dụng, nhân rộng: “${ADOPTION}”.`);
  say('Hộp thư (trích):');
  await showNotification(adopter, cycle.id, 'INVITED');
  await showNotification(host, cycle.id, 'RATED');
  await showNotification(adopter, cycle.id, 'LESSONS_SHARED');

  const final = await expectOk('GET', `/api/cycles/${cycle.id}`, { token: staff.token }, 'xem đợt sinh hoạt');
  heading('KẾT QUẢ');
  say(`Đợt “${final.title}”: ${final.statusLabel}.`);
  say(`Chi bộ điểm: ${host.name}; xếp loại: ${final.review.ratingLabel}.`);
  showTimeline(final.timeline, cells);

  heading('THÊM HAI ĐỢT TRONG QUÝ (chạy song song với đợt trên, mỗi đợt một kết quả khác)');
  for (const outcome of await moreCycles) say(outcome);
  heading('TỔNG QUAN CỦA ĐẢNG ỦY');
  await showOverview({ committee, staff, pages: PAGES });

  heading('TRÊN TRANG WEB');
  say(`Trang của đợt sinh hoạt: ${PAGES}dot/${cycle.id}`);
  say(`Văn bản (Word, PDF) ở mục “Văn bản” của trang, ví dụ biên bản: ${PAGES}dot/${cycle.id}/van-ban/minutes.pdf, thông báo kết luận: ${PAGES}dot/${cycle.id}/van-ban/conclusion.docx`);
  say(`Mở ${PAGES} trên điện thoại hoặc máy tính, đăng nhập bằng một trong các tài khoản (mật khẩu: ${DEMO_PASSWORD}):`);
  say(`  ${OFFICE_STAFF.username.padEnd(34)} Văn phòng Đảng ủy (đồng chí ${OFFICE_STAFF.fullName})`);
  say(`  ${host.secretary.username.padEnd(34)} Bí thư ${host.name}, chi bộ điểm: việc đã cam kết trong báo cáo rút kinh nghiệm`);
  say(`  ${adopter.secretary.username.padEnd(34)} Bí thư ${adopter.name}, chi bộ được mời`);
  await showMailCatcher(adopter);
  console.log(`\n[Kỹ thuật] Temporal workflow id: model-meeting-${cycle.id} (xem trên Temporal Web UI)`);
}

/** Where the emails of the run can be read: the mail catcher `npm start` runs when no SMTP_URL is set. */
async function showMailCatcher(/** @type {{ secretary: { username: string } }} */ visitor) {
  const page = `http://localhost:${process.env.MAIL_CATCHER_PORT ?? 1080}/`;
  const answers = await fetch(page, { signal: AbortSignal.timeout(2000) }).then(
    (response) => response.ok,
    () => false,
  );
  heading('THƯ ĐIỆN TỬ');
  if (!answers) {
    say(`Thư gửi tới địa chỉ đã cấu hình (SMTP_URL); các địa chỉ trong đợt chạy thử có dạng ${demoEmailOf(visitor.secretary.username)}.`);
    return;
  }
  say(`Thư hệ thống đã gửi trong đợt (giấy mời, nhắc việc, kết luận…) được giữ trên máy này: mở ${page}`);
  say(`Ví dụ thư của Bí thư chi bộ được mời: gửi tới ${demoEmailOf(visitor.secretary.username)}.`);
}

/** Đảng bộ xã Na Hối as the API holds it: made on the first run, reused (and its accounts logged into) on later ones. */
async function commune() {
  const admin = await login(ADMIN.username, ADMIN.password);
  const committees = await expectOk('GET', '/api/committees', { token: admin }, 'danh sách Đảng ủy');
  const found = committees.find((/** @type {{ name: string }} */ item) => item.name === COMMITTEE_NAME);
  const committee = found ?? (await expectOk('POST', '/api/committees', { token: admin, body: { name: COMMITTEE_NAME } }, 'tạo Đảng ủy'));
  const staff = await account(admin, { username: OFFICE_STAFF.username, fullName: OFFICE_STAFF.fullName, role: 'committee', committeeId: committee.id });
  const existing = await expectOk('GET', `/api/committees/${committee.id}/cells`, { token: staff.token }, 'danh sách chi bộ');
  const cells = [];
  for (const { name, memberCount, secretary } of COMMUNE_CELLS) {
    const cell =
      existing.find((/** @type {{ name: string }} */ item) => item.name === name) ??
      (await expectOk('POST', `/api/committees/${committee.id}/cells`, { token: staff.token, body: { name, memberCount } }, `tạo ${name}`));
    const { token } = await account(staff.token, { username: secretary.username, fullName: secretary.fullName, role: 'secretary', cellId: cell.id });
    cells.push({ id: cell.id, name, memberCount: cell.memberCount, secretary: { ...secretary, token } });
  }
  return { committee, staff, cells, reused: Boolean(found) };
}

/** "12/2026" and "11/2026": the month of the meeting, in Vietnam, and the one before. */
function monthsOf(/** @type {number} */ epochMs) {
  const [, month, year] = vietnamDay(epochMs).split('/').map(Number);
  const before = month === 1 ? { month: 12, year: year - 1 } : { month: month - 1, year };
  const written = (/** @type {number} */ m, /** @type {number} */ y) => `${String(m).padStart(2, '0')}/${y}`;
  return { month: written(month, year), previousMonth: written(before.month, before.year) };
}

const capitalised = (/** @type {string} */ text) => text.charAt(0).toUpperCase() + text.slice(1);

/** The newest notification of `reason` about this cycle in the inbox of the cell's secretary. */
async function showNotification(/** @type {any} */ cell, /** @type {string} */ cycleId, /** @type {string} */ reason) {
  const inbox = await expectOk('GET', '/api/me/notifications', { token: cell.secretary.token }, 'hộp thư');
  const notification = inbox.find((/** @type {any} */ item) => item.cycleId === cycleId && item.reason === reason);
  if (!notification) throw new Error(`không thấy thông báo ${reason} của đợt sinh hoạt trong hộp thư của ${cell.secretary.username}`);
  say(`  ${capitalised(titled(cell.secretary))}, nhận “${notification.title}”:`);
  say(`    ${notification.body}`);
}

/**
 * The cycle's timeline, one line a step; a run of one kind of step by several cells (the RSVPs, the
 * critiques) as one line with the number of cells.
 * @param {{ at: string, event: string, label: string, cellId: string | null }[]} timeline
 * @param {{ id: string, name: string }[]} cells
 */
function showTimeline(timeline, cells) {
  heading(`Dòng thời gian (${timeline.length} mốc):`);
  /** @type {(typeof timeline)[]} */
  const runs = [];
  for (const entry of timeline) {
    const last = runs.at(-1);
    if (last && last[0].event === entry.event && entry.cellId) last.push(entry);
    else runs.push([entry]);
  }
  for (const [first, ...others] of runs) {
    const name = first.cellId ? cells.find((cell) => cell.id === first.cellId)?.name : undefined;
    const who = others.length > 0 ? `: ${others.length + 1} chi bộ` : name ? `: ${name}` : '';
    say(`${vietnamTime(Date.parse(first.at))}   ${first.label}${who}`);
  }
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
