// npm run demo: against a running `npm start`, sets up a realistic commune (Đảng ủy xã Na Hối, 14 cells,
// their secretaries, one committee account) and drives one whole model-meeting cycle through the HTTP API,
// step by step, printing who did what. Safe to run again: the commune is reused, a new cycle is made.
// The cycle is driven by scripts/lib/cycle-driver.mjs with bodies from scripts/lib/step-bodies.mjs, in the
// demo's own words.
import { driveCycle } from './lib/cycle-driver.mjs';
import {
  acceptInvitationBody,
  acceptReviewBody,
  critiqueBody,
  declineInvitationBody,
  meetingBody,
  planBody,
  reportBody,
  reviseReviewBody,
} from './lib/step-bodies.mjs';

const ORIGIN = (process.env.DEMO_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
const BASE = `${ORIGIN}/api`;
const ADMIN = { username: process.env.ADMIN_USERNAME ?? 'admin', password: process.env.ADMIN_PASSWORD ?? 'admin' };
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-na-hoi-2026';
const COMMITTEE_NAME = 'Đảng ủy xã Na Hối (demo)';
const VILLAGES = [
  ['Na Hối Tày', 24],
  ['Na Hối Nùng', 19],
  ['Sín Chải', 24],
  ['Nàng Cảng', 17],
  ['Ba Đàn', 15],
  ['Coóc Ly', 13],
  ['Na Lang', 18],
  ['Ngải Phóng Chồ', 14],
  ['Chá Chải', 16],
  ['Nậm Chàn', 13],
  ['Đội 3', 21],
  ['Trung tâm xã', 31],
  ['Trường Tiểu học', 14],
  ['Trạm Y tế', 13],
];

const MEETING_MINUTES = 115;

const line = (who, text) => console.log(`  ${who.padEnd(24)} ${text}`);

async function call(method, path, { token, body, key } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (key) headers['Idempotency-Key'] = key;
  let response;
  try {
    response = await fetch(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Error(`Không kết nối được ${BASE} — hãy chạy "npm start" trước / start the service with "npm start" first`);
  }
  const payload = await response.json().catch(() => null);
  return { status: response.status, body: payload };
}

/** The error a refused request shows: what was being done, the status and the API's message. */
function refused(what, response) {
  const message = Array.isArray(response.body?.message) ? response.body.message.join('; ') : response.body?.message;
  return new Error(`${what}: ${response.status} ${message ?? ''}`);
}

async function expectOk(method, path, options, what) {
  const response = await call(method, path, options);
  if (response.status >= 300) throw refused(what, response);
  return response.body;
}

/** The same client as the cycle driver talks to it: each step's status is the one the API answers it with. */
const http = {
  async expect(status, method, path, { token, body, idempotencyKey, what }) {
    const response = await call(method, path, { token, body, key: idempotencyKey });
    if (response.status !== status) throw refused(what, response);
    return response;
  },
};

async function login(username, password) {
  return (await expectOk('POST', '/api/auth/login', { body: { username, password } }, `đăng nhập ${username}`)).accessToken;
}

/** Creates the account, or logs into it when it is already there (second run). */
async function account(adminToken, user) {
  const created = await call('POST', '/api/users', { token: adminToken, body: { ...user, password: DEMO_PASSWORD } });
  if (created.status >= 300 && created.body?.code !== 'USERNAME_TAKEN') throw new Error(`tạo tài khoản ${user.username}: ${created.status}`);
  return { username: user.username, fullName: user.fullName, token: await login(user.username, DEMO_PASSWORD) };
}

async function main() {
  const health = await call('GET', '/api/health');
  if (health.status !== 200) throw new Error(`Dịch vụ chưa sẵn sàng (health ${health.status}: ${JSON.stringify(health.body)})`);
  console.log(`\nSinh hoạt chi bộ điểm — demo trên ${BASE}\n`);

  const admin = await login(ADMIN.username, ADMIN.password);
  const committees = await expectOk('GET', '/api/committees', { token: admin }, 'danh sách Đảng ủy');
  const committee =
    committees.find((item) => item.name === COMMITTEE_NAME) ??
    (await expectOk('POST', '/api/committees', { token: admin, body: { name: COMMITTEE_NAME } }, 'tạo Đảng ủy'));
  const staff = await account(admin, {
    username: 'demo.vanphong.nahoi',
    fullName: 'Lương Thị Hoa (Văn phòng Đảng ủy)',
    role: 'committee',
    committeeId: committee.id,
  });

  const existing = await expectOk('GET', `/api/committees/${committee.id}/cells`, { token: staff.token }, 'danh sách chi bộ');
  const cells = [];
  for (const [index, [village, members]] of VILLAGES.entries()) {
    const name = `Chi bộ ${/Trường|Trạm|Trung tâm/.test(village) ? village : `thôn ${village}`}`;
    const cell =
      existing.find((item) => item.name === name) ??
      (await expectOk('POST', `/api/committees/${committee.id}/cells`, { token: staff.token, body: { name, memberCount: members } }, `tạo ${name}`));
    const secretary = await account(staff.token, {
      username: `demo.bithu${index + 1}.nahoi`,
      fullName: `Bí thư ${name.replace('Chi bộ ', '')}`,
      role: 'secretary',
      cellId: cell.id,
    });
    cells.push({ ...cell, name, secretary });
  }
  const cellName = (id) => cells.find((cell) => cell.id === id)?.name ?? id;
  console.log(`• ${committee.name}: ${cells.length} chi bộ, ${cells.reduce((sum, cell) => sum + cell.memberCount, 0)} đảng viên, tài khoản Đảng ủy "${staff.username}"\n`);

  const meetingAt = new Date(Date.now() + 8000);
  const cycle = await driveCycle(
    http,
    { committeeId: committee.id, staff, invited: cells },
    {
      meetingAt,
      // Every cell is invited; the committee then picks the host among them (the first of the ranking: the
      // cell that hosted last comes last), and that cell leaves the invitation list.
      launch: {
        title: `Sinh hoạt chi bộ điểm ngày ${meetingAt.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`,
        topic: 'Nâng cao chất lượng sinh hoạt chi bộ; rút kinh nghiệm quy trình điều hành',
        location: 'Nhà văn hóa thôn',
        // The demo holds a 115-minute meeting in a few seconds of real time: the recorded start may precede
        // the scheduled time by up to three hours.
        earlyStartTolerance: 'PT3H',
      },
      idempotencyKeys: 'demo',
      rsvpsBeforePlan: true,
      rsvp: (visitor, index) => (declines(index) ? declineInvitationBody({ note: 'Trùng lịch họp thôn' }) : acceptInvitationBody({ delegate: visitor.secretary.fullName })),
      plan: () =>
        planBody({
          agenda: ['Khai mạc, tuyên bố lý do', 'Đánh giá kết quả thực hiện nghị quyết tháng trước', 'Sinh hoạt chuyên đề', 'Thảo luận, biểu quyết nghị quyết'],
          content: 'Kế hoạch, tài liệu gửi các chi bộ trước 1 ngày theo hướng dẫn.',
          draftResolution: 'Dự thảo nghị quyết tháng',
        }),
      meetingMarginMs: 200,
      meeting: ({ host, attending }) =>
        meetingBody({
          attendingCellIds: attending.map((cell) => cell.id),
          durationMinutes: MEETING_MINUTES,
          attendance: { present: host.memberCount - 1, total: host.memberCount, absentWithReason: 1, absentWithoutReason: 0 },
          minutes: 'Biên bản: chi bộ đánh giá kết quả tháng, thảo luận chuyên đề, biểu quyết nghị quyết.',
          resolution: 'Nghị quyết: tập trung phát triển kinh tế hộ, phát triển đảng viên mới.',
          selfScores: { time: 5, attendance: 5, preparation: 9, conduct: 26, speaking: 10, principles: 5, results: 27, closing: 5 },
        }),
      critique: (_visitor, index) =>
        critiqueBody({
          points: [
            { stage: 'preparation', kind: 'strength', text: 'Chuẩn bị tài liệu chu đáo, gửi trước đúng hạn' },
            index % 2 === 0
              ? { stage: 'chairing', kind: 'weakness', text: 'Phần điều hành còn dài, chưa tập trung trọng tâm' }
              : { stage: 'minutes', kind: 'suggestion', text: 'Biên bản nên ghi rõ ý kiến của từng đảng viên' },
          ],
          scores: { time: 5, attendance: 5, preparation: 9, conduct: 25, speaking: 9, principles: 5, results: 26, closing: 4 },
        }),
      report: ({ host, pointsToAnswer }, round) =>
        reportBody({
          responses: pointsToAnswer.map((point) => ({
            pointId: point.id,
            stance: point.kind === 'weakness' ? 'accept' : 'partly',
            text: point.kind === 'weakness' ? 'Tiếp thu, sẽ rút gọn phần điều hành' : 'Tiếp thu một phần: ghi ý kiến chính của từng đảng viên',
          })),
          // The revised report adds the lesson the committee asked for.
          lessons: ['Chuẩn bị kỹ nội dung chuyên đề', ...(round > 0 ? ['Phân công nhiệm vụ cụ thể cho từng đảng viên'] : [])],
          actionItems: [{ title: 'Hoàn thiện mẫu biên bản sinh hoạt', owner: host.secretary.fullName, dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) }],
        }),
      reviews: [
        reviseReviewBody({ comment: 'Đề nghị bổ sung bài học về phân công nhiệm vụ' }),
        acceptReviewBody({ rating: 'TOT', comment: 'Buổi sinh hoạt đạt chất lượng tốt' }),
      ],
      onStep: narrate,
    },
  );
  const { closed, host, visitors } = cycle;
  const cycleId = cycle.id;

  const inbox = await expectOk('GET', '/api/me/notifications', { token: visitors[0].secretary.token }, 'hộp thư');
  console.log(`\n• Trạng thái cuối: ${closed.status}, xếp loại ${closed.review.rating}, ${closed.timeline.length} mốc trên dòng thời gian:`);
  for (const entry of closed.timeline) {
    const who = entry.cellId ? ` — ${cellName(entry.cellId)}` : '';
    console.log(`    ${new Date(entry.at).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}  ${entry.label}${who}`);
  }
  console.log(`• Hộp thư của ${visitors[0].secretary.fullName}: "${inbox[0]?.title}"`);
  console.log(`• Xem trên Temporal Web UI: workflow model-meeting-${cycleId}`);
  console.log(`\ncycle=${cycleId} status=${closed.status} rating=${closed.review.rating} host="${cellName(host.id)}"`);
}

/** Every sixth invited cell cannot come. */
const declines = (index) => index % 6 === 5;

/** Who did what, one line a step (the first few of the many RSVPs and critiques, then a count). */
function narrate({ kind, cycle, sent, answer, cell, index, count, round, candidates, chosen }) {
  const { host, invited, visitors, attending, pointsToAnswer } = cycle;
  switch (kind) {
    case 'launch':
      line('Đảng ủy', `khởi tạo «${answer.title}», mời ${invited.length} chi bộ; chờ chọn chi bộ điểm`);
      break;
    case 'host':
      for (const candidate of candidates.slice(0, 5)) line('  đề xuất', `${candidate.name} (${candidate.score} điểm): ${candidate.reasons.join('; ')}`);
      line('Đảng ủy', `chọn ${chosen.name} làm chi bộ điểm; giấy mời gửi tới ${visitors.length} chi bộ`);
      break;
    case 'rsvp': {
      const accept = sent.response === 'accept';
      if (index < 2 || !accept) line(cell.name, accept ? `xác nhận tham dự, cử ${cell.secretary.fullName}` : 'báo không tham dự: trùng lịch họp thôn');
      if (index === count - 1) line('…', `${attending.length} chi bộ nhận lời, ${visitors.length - attending.length} chi bộ báo vắng`);
      break;
    }
    case 'plan':
      line(host.name, 'đăng kế hoạch, chương trình và dự thảo nghị quyết');
      break;
    case 'meeting':
      line(host.name, `ghi nhận buổi sinh hoạt: ${MEETING_MINUTES} phút, ${host.memberCount - 1}/${host.memberCount} đảng viên, ${attending.length} chi bộ dự`);
      break;
    case 'critique':
      if (index < 2) line(cell.name, `gửi góp ý: ${answer.points.map((point) => point.text.toLowerCase()).join('; ')}`);
      if (index === count - 1) line('…', `${count}/${count} chi bộ đã góp ý: hết giai đoạn góp ý sớm`);
      break;
    case 'report':
      line(host.name, round === 0 ? `nộp báo cáo rút kinh nghiệm, trả lời ${pointsToAnswer.length} ý kiến` : 'nộp lại báo cáo đã hoàn thiện');
      break;
    case 'review':
      line('Đảng ủy', sent.decision === 'revise' ? 'đề nghị hoàn thiện báo cáo: bổ sung bài học về phân công nhiệm vụ' : 'chấp nhận báo cáo, xếp loại Tốt; bài học gửi tới các chi bộ');
      break;
  }
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
