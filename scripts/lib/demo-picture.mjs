// What `npm run demo` adds so that the committee's overview (/tong-quan) and year report have a picture: the
// commune's model meetings of the quarters before this one (from January of last year), and two more cycles of
// this quarter driven through the API beside the narrated one, each ending differently.
//
// The past cannot go through the API: a cycle is launched with its meeting ahead, and a meeting is recorded
// only from its time on. So those quarters are written into the database as the workflow's activities would
// have left them once each cycle was closed (commune-history.mjs: one meeting a quarter for the whole commune,
// hosted by its cells in turn, ratings, RSVPs, critiques sent or missed, reports on time or late, action items),
// once: a later run finds them there. Without a database it can reach (DATABASE_URL, or `npm start`'s embedded
// one), the demo says so and goes on with this quarter alone.
import pg from 'pg';
import { writeHistory } from './commune-history.mjs';
import { fileReport, launchCycle, pickHost, postPlan, recordMeeting, review, rsvp, submitCritique, waitForMeetingTime } from './cycle-driver.mjs';
import { driverHttp, expectOk } from './demo-api.mjs';
import { answerTo, critiqueWords, DECLINES, lessonsAndCommitments, meetingWords, planWords, TOPIC, LOCATION, MEETING_MINUTES } from './demo-meeting.mjs';
import { say } from './demo-narration.mjs';
import { acceptInvitationBody, acceptReviewBody, declineInvitationBody, meetingBody, planBody, reportBody } from './step-bodies.mjs';

const RATING_LABELS = { TOT: 'Tốt', KHA: 'Khá', TRUNG_BINH: 'Trung bình', KEM: 'Kém' };

/** The database `npm start` gives the apps: DATABASE_URL, or its embedded PostgreSQL. */
const databaseUrl = () => process.env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_POSTGRES_PORT ?? 5433}/chi_bo_diem`;

/** The first moment of the quarter `epochMs` falls in, in Vietnam. */
function quarterStart(epochMs) {
  const vietnam = new Date(epochMs + 7 * 3_600_000);
  const month = Math.floor(vietnam.getUTCMonth() / 3) * 3;
  return new Date(Date.UTC(vietnam.getUTCFullYear(), month, 1) - 7 * 3_600_000);
}

/**
 * The quarters before this one, from January of last year: written once. Answers a sentence for each outcome.
 * @param {{ committee: { id: string }, staffUsername: string, cells: { id: string }[] }} commune
 */
export async function writePastQuarters({ committee, staffUsername, cells }) {
  const until = quarterStart(Date.now());
  const fromYear = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() - 1;
  const client = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 3000, application_name: 'demo' });
  try {
    await client.connect();
  } catch (error) {
    say(`[Kỹ thuật] Không kết nối được cơ sở dữ liệu của dịch vụ (${error.message}): bỏ qua các quý trước, trang tổng quan chỉ có các đợt của quý này.`);
    await client.end().catch(() => {});
    return;
  }
  try {
    const { rows: before } = await client.query(`SELECT count(*)::int AS count FROM cycles WHERE committee_id = $1 AND meeting_at < $2`, [committee.id, until]);
    if (before[0].count > 0) {
      say(`Các quý trước: ${before[0].count} đợt đã có từ lần chạy trước.`);
      return;
    }
    const { rows: staff } = await client.query(`SELECT id FROM users WHERE lower(username) = lower($1)`, [staffUsername]);
    const written = await writeHistory(client, {
      communes: [{ committeeId: committee.id, staffId: staff[0].id, name: '', cellIds: cells.map((cell) => cell.id), clusterSize: cells.length }],
      fromYear,
      until,
      openWithinDays: 0,
      passwordHash: null,
      tag: 'demo',
    });
    const { rows: ratings } = await client.query(
      `SELECT review->>'rating' AS rating, count(*)::int AS count FROM cycles WHERE committee_id = $1 AND meeting_at < $2 AND status = 'CLOSED' GROUP BY 1 ORDER BY 1`,
      [committee.id, until],
    );
    say(
      `Các quý trước (từ quý I năm ${fromYear}): ${written.closed} đợt sinh hoạt chi bộ điểm đã kết thúc, mỗi quý một đợt; ` +
        `xếp loại ${ratings.map((row) => `${RATING_LABELS[row.rating]} ${row.count}`).join(', ')}; ${written.critiques} bản góp ý gửi đúng hạn, ${written.missed} chi bộ dự mà không góp ý trước hạn.`,
    );
    say('[Kỹ thuật] Các đợt của những quý đã qua được ghi thẳng vào cơ sở dữ liệu như khi đã kết thúc (không qua quy trình: giờ sinh hoạt của một đợt mới luôn ở phía trước).');
  } finally {
    await client.end();
  }
}

/**
 * How the two more cycles of this quarter end. The first: eight of the cells that accepted come, two of them
 * send no critique and the window closes without them, rated Khá. The second: every cell that accepted comes
 * and critiques, the report is filed after its due time, rated Trung bình. (A critique is sent within its
 * window or not at all: the workflow takes none after it.)
 */
const MORE = [
  { critiqueWindow: 'PT20S', reportWindow: 'PT1H', attending: 8, silent: 2, lateReport: false, rating: 'KHA', comment: 'Buổi sinh hoạt đạt yêu cầu; phần thảo luận cần sâu hơn, gắn với việc cụ thể của thôn.' },
  { critiqueWindow: 'PT1H', reportWindow: 'PT4S', attending: Infinity, silent: 0, lateReport: true, rating: 'TRUNG_BINH', comment: 'Chuẩn bị chưa kỹ, báo cáo rút kinh nghiệm gửi chậm; đề nghị chi bộ khắc phục trong kỳ sau.' },
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A cell the demo's narrated meeting may be given to: rated Tốt, it needs 90 % of members present, and with one
 * member excused (meetingWords) a cell of fewer than 10 cannot reach it.
 */
const canBeRatedTop = (cell) => cell.memberCount >= 10;

/** The narrated cycle's choice of host: it is rated Tốt in the end (the ranking brings the smaller cells up in turn). */
export const narratedHostChoice = (cells) => firstThatCouldBeTop(cells);

/** The first of the ranking that could be rated Tốt, or the first. */
const firstThatCouldBeTop = (cells) => (candidates) => candidates.find((candidate) => canBeRatedTop(cells.find((cell) => cell.id === candidate.cellId))) ?? candidates[0];

/**
 * Two more cycles of this quarter, side by side (and beside the narrated one), each with a host of its own. The
 * ranking leaves out cells already hosting an open cycle, so the hosts are picked one after another, each from
 * the ranking as the pick before it left it: these two wait for `after` (the narrated cycle's pick), then the
 * first picks, then the second. Answers a sentence per cycle.
 */
export function driveMoreCycles({ committee, staff, cells, months, after }) {
  const meetingAt = Date.now() + 10_000;
  let turn = after;
  return Promise.all(
    MORE.map((variant, index) => {
      const mine = turn;
      /** @type {() => void} */
      let done = () => {};
      turn = new Promise((resolve) => {
        done = () => resolve(undefined);
      });
      return driveOne({ committee, staff, cells, months, meetingAt, variant, index, pickAfter: mine, picked: done });
    }),
  );
}

async function driveOne({ committee, staff, cells, months, meetingAt, variant, index, pickAfter, picked }) {
  const cycle = await launchCycle(
    driverHttp,
    { committeeId: committee.id, staff, invited: cells },
    {
      meetingAt: new Date(meetingAt),
      launch: {
        title: `Sinh hoạt chi bộ điểm tháng ${months.month}, cụm ${index + 2}`,
        topic: TOPIC,
        kind: 'regular',
        location: LOCATION,
        critiqueWindow: variant.critiqueWindow,
        reportWindow: variant.reportWindow,
        reminders: { planDueLead: 'PT5S', hostPickLead: 'PT5S' },
        earlyStartTolerance: 'PT3H',
      },
      idempotencyKeys: 'demo',
    },
  );
  await pickAfter;
  try {
    await pickHost(cycle, firstThatCouldBeTop(cells));
  } finally {
    picked();
  }
  const host = cycle.host;
  await postPlan(cycle, planBody(planWords(months)));
  for (const [place, visitor] of cycle.visitors.entries()) {
    const note = DECLINES.get(visitor.name);
    await rsvp(cycle, visitor, note ? declineInvitationBody({ note }) : acceptInvitationBody({ delegate: `Đồng chí ${visitor.secretary.fullName}, Bí thư chi bộ` }), { index: place, count: cycle.visitors.length });
  }
  await waitForMeetingTime(cycle, 200);
  const attending = cycle.attending.slice(0, variant.attending);
  await recordMeeting(cycle, meetingBody({ attendingCellIds: attending.map((cell) => cell.id), durationMinutes: MEETING_MINUTES, combined: false, ...meetingWords(host, months) }));
  const speaking = attending.slice(0, attending.length - variant.silent);
  for (const [place, visitor] of speaking.entries()) await submitCritique(cycle, visitor, critiqueWords(place + index), { index: place, count: speaking.length });
  let view = await waitWhile(cycle.id, staff.token, 'CRITIQUE');
  if (variant.lateReport) await sleep(Math.max(0, Date.parse(view.deadlines.reportDueAt) - Date.now()) + 1_000);
  await fileReport(cycle, reportBody({ responses: cycle.pointsToAnswer.map(answerTo), ...lessonsAndCommitments({ secretaryName: host.secretary.fullName }, 0) }));
  await review(cycle, acceptReviewBody({ rating: variant.rating, comment: variant.comment }));
  view = await expectOk('GET', `/api/cycles/${cycle.id}`, { token: staff.token }, 'xem đợt sinh hoạt');
  const late = view.report?.late ? ', báo cáo rút kinh nghiệm gửi sau hạn' : '';
  const silent = variant.silent ? `, ${variant.silent} chi bộ dự mà không góp ý trước hạn` : '';
  return `${view.title}: chi bộ điểm ${host.name}; ${attending.length} chi bộ dự, ${speaking.length} bản góp ý${silent}${late}; xếp loại ${RATING_LABELS[variant.rating]}.`;
}

/** The cycle's view once it has left `stage` (the critique window closes by the workflow's timer, or early once all attending cells have spoken). */
async function waitWhile(cycleId, token, stage) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const view = await expectOk('GET', `/api/cycles/${cycleId}`, { token }, 'xem đợt sinh hoạt');
    if (view.status !== stage) return view;
    await sleep(500);
  }
  throw new Error(`đợt ${cycleId} vẫn ở giai đoạn ${stage} sau 60 giây`);
}

/**
 * What the committee's overview shows after the run, as its office reads it: the ratings of each year, this year's
 * meetings, the cells that missed critiques this year; where to open it and this year's report.
 */
export async function showOverview({ committee, staff, pages }) {
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
  const overview = await expectOk('GET', `/api/committees/${committee.id}/dashboard`, { token: staff.token }, 'xem tổng quan');
  for (const { year: shown, counts } of overview.ratingsByYear) {
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    say(`Năm ${shown}: ${total} đợt đã xếp loại — ${Object.entries(RATING_LABELS).map(([rating, label]) => `${label} ${counts[rating] ?? 0}`).join(', ')}.`);
  }
  const held = overview.meetings.length;
  const missed = overview.punctuality.filter((cell) => cell.missed > 0);
  say(`Năm ${year} đến nay: ${held} buổi sinh hoạt chi bộ điểm; ${missed.length} chi bộ có lần dự mà không góp ý trước hạn${missed.length ? ` (${missed.map((cell) => cell.cellName).join(', ')})` : ''}.`);
  say(`Trang tổng quan của Văn phòng Đảng ủy: ${pages}tong-quan`);
  const report = await expectOk('GET', `/api/committees/${committee.id}/year-report?year=${year}`, { token: staff.token }, 'xem báo cáo năm');
  say(`Báo cáo năm ${year} (${report.meetings.length} buổi sinh hoạt chi bộ điểm; tải về dạng Excel hoặc Word): ${pages}bao-cao?nam=${year}`);
}
