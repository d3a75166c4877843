// npm run demo: against a running `npm start`, sets up a realistic commune (Đảng ủy xã Na Hối, 14 cells,
// their secretaries, one committee account) and drives one whole model-meeting cycle through the HTTP API,
// step by step, printing who did what. Safe to run again: the commune is reused, a new cycle is made.
const BASE = (process.env.DEMO_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '') + '/api';
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

const line = (who, text) => console.log(`  ${who.padEnd(24)} ${text}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(method, path, { token, body, key } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (key) headers['Idempotency-Key'] = key;
  let response;
  try {
    response = await fetch(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Error(`Không kết nối được ${BASE} — hãy chạy "npm start" trước / start the service with "npm start" first`);
  }
  const payload = await response.json().catch(() => null);
  return { status: response.status, body: payload };
}

async function expectOk(method, path, options, what) {
  const response = await call(method, path, options);
  if (response.status >= 300) {
    const message = Array.isArray(response.body?.message) ? response.body.message.join('; ') : response.body?.message;
    throw new Error(`${what}: ${response.status} ${message ?? ''}`);
  }
  return response.body;
}

async function login(username, password) {
  return (await expectOk('POST', '/auth/login', { body: { username, password } }, `đăng nhập ${username}`)).accessToken;
}

/** Creates the account, or logs into it when it is already there (second run). */
async function account(adminToken, user) {
  const created = await call('POST', '/users', { token: adminToken, body: { ...user, password: DEMO_PASSWORD } });
  if (created.status >= 300 && created.body?.code !== 'USERNAME_TAKEN') throw new Error(`tạo tài khoản ${user.username}: ${created.status}`);
  return { username: user.username, fullName: user.fullName, token: await login(user.username, DEMO_PASSWORD) };
}

async function main() {
  const health = await call('GET', '/health');
  if (health.status !== 200) throw new Error(`Dịch vụ chưa sẵn sàng (health ${health.status}: ${JSON.stringify(health.body)})`);
  console.log(`\nSinh hoạt chi bộ điểm — demo trên ${BASE}\n`);

  const admin = await login(ADMIN.username, ADMIN.password);
  const committees = await expectOk('GET', '/committees', { token: admin }, 'danh sách Đảng ủy');
  const committee =
    committees.find((item) => item.name === COMMITTEE_NAME) ??
    (await expectOk('POST', '/committees', { token: admin, body: { name: COMMITTEE_NAME } }, 'tạo Đảng ủy'));
  const staff = await account(admin, {
    username: 'demo.vanphong.nahoi',
    fullName: 'Lương Thị Hoa (Văn phòng Đảng ủy)',
    role: 'committee',
    committeeId: committee.id,
  });

  const existing = await expectOk('GET', `/committees/${committee.id}/cells`, { token: staff.token }, 'danh sách chi bộ');
  const cells = [];
  for (const [index, [village, members]] of VILLAGES.entries()) {
    const name = `Chi bộ ${/Trường|Trạm|Trung tâm/.test(village) ? village : `thôn ${village}`}`;
    const cell =
      existing.find((item) => item.name === name) ??
      (await expectOk('POST', `/committees/${committee.id}/cells`, { token: staff.token, body: { name, memberCount: members } }, `tạo ${name}`));
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
  const { cycleId, host, visitors } = await launchAndPickHost(staff, committee, cells, meetingAt);

  for (const [index, visitor] of visitors.entries()) {
    const accept = index % 6 !== 5;
    await expectOk(
      'POST',
      `/cycles/${cycleId}/invitations/${visitor.id}/rsvp`,
      {
        token: visitor.secretary.token,
        key: `demo-rsvp-${cycleId}-${visitor.id}`,
        body: accept ? { response: 'accept', delegate: visitor.secretary.fullName } : { response: 'decline', note: 'Trùng lịch họp thôn' },
      },
      'xác nhận tham dự',
    );
    if (index < 2 || !accept) line(visitor.name, accept ? `xác nhận tham dự, cử ${visitor.secretary.fullName}` : 'báo không tham dự: trùng lịch họp thôn');
  }
  const attending = visitors.filter((_, index) => index % 6 !== 5);
  line('…', `${attending.length} chi bộ nhận lời, ${visitors.length - attending.length} chi bộ báo vắng`);

  await expectOk(
    'POST',
    `/cycles/${cycleId}/plan`,
    {
      token: host.secretary.token,
      body: {
        agenda: ['Khai mạc, tuyên bố lý do', 'Đánh giá kết quả thực hiện nghị quyết tháng trước', 'Sinh hoạt chuyên đề', 'Thảo luận, biểu quyết nghị quyết'],
        content: 'Kế hoạch, tài liệu gửi các chi bộ trước 1 ngày theo hướng dẫn.',
        draftResolution: 'Dự thảo nghị quyết tháng',
      },
    },
    'đăng kế hoạch',
  );
  line(host.name, 'đăng kế hoạch, chương trình và dự thảo nghị quyết');

  await sleep(Math.max(0, meetingAt.getTime() - Date.now() + 200));
  const started = Date.now() - 120 * 60_000;
  await expectOk(
    'POST',
    `/cycles/${cycleId}/meeting`,
    {
      token: host.secretary.token,
      body: {
        startedAt: new Date(started).toISOString(),
        endedAt: new Date(started + 115 * 60_000).toISOString(),
        attendance: { present: host.memberCount - 1, total: host.memberCount, absentWithReason: 1, absentWithoutReason: 0 },
        attendingCellIds: attending.map((cell) => cell.id),
        minutes: 'Biên bản: chi bộ đánh giá kết quả tháng, thảo luận chuyên đề, biểu quyết nghị quyết.',
        resolution: 'Nghị quyết: tập trung phát triển kinh tế hộ, phát triển đảng viên mới.',
        selfScores: { time: 5, attendance: 5, preparation: 9, conduct: 26, speaking: 10, principles: 5, results: 27, closing: 5 },
      },
    },
    'ghi nhận buổi sinh hoạt',
  );
  line(host.name, `ghi nhận buổi sinh hoạt: 115 phút, ${host.memberCount - 1}/${host.memberCount} đảng viên, ${attending.length} chi bộ dự`);

  const pointsToAnswer = [];
  for (const [index, visitor] of attending.entries()) {
    const critique = await expectOk(
      'POST',
      `/cycles/${cycleId}/critiques`,
      {
        token: visitor.secretary.token,
        key: `demo-critique-${cycleId}-${visitor.id}`,
        body: {
          points: [
            { stage: 'preparation', kind: 'strength', text: 'Chuẩn bị tài liệu chu đáo, gửi trước đúng hạn' },
            index % 2 === 0
              ? { stage: 'chairing', kind: 'weakness', text: 'Phần điều hành còn dài, chưa tập trung trọng tâm' }
              : { stage: 'minutes', kind: 'suggestion', text: 'Biên bản nên ghi rõ ý kiến của từng đảng viên' },
          ],
          scores: { time: 5, attendance: 5, preparation: 9, conduct: 25, speaking: 9, principles: 5, results: 26, closing: 4 },
        },
      },
      'góp ý',
    );
    pointsToAnswer.push(critique.points[1]);
    if (index < 2) line(visitor.name, `gửi góp ý: ${critique.points.map((point) => point.text.toLowerCase()).join('; ')}`);
  }
  line('…', `${attending.length}/${attending.length} chi bộ đã góp ý: hết giai đoạn góp ý sớm`);

  const report = (lessons) => ({
    responses: pointsToAnswer.map((point) => ({
      pointId: point.id,
      stance: point.kind === 'weakness' ? 'accept' : 'partly',
      text: point.kind === 'weakness' ? 'Tiếp thu, sẽ rút gọn phần điều hành' : 'Tiếp thu một phần: ghi ý kiến chính của từng đảng viên',
    })),
    lessons,
    actionItems: [{ title: 'Hoàn thiện mẫu biên bản sinh hoạt', owner: host.secretary.fullName, dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) }],
  });
  await expectOk('POST', `/cycles/${cycleId}/report`, { token: host.secretary.token, body: report(['Chuẩn bị kỹ nội dung chuyên đề']) }, 'nộp báo cáo');
  line(host.name, `nộp báo cáo rút kinh nghiệm, trả lời ${pointsToAnswer.length} ý kiến`);
  await expectOk('POST', `/cycles/${cycleId}/review`, { token: staff.token, body: { decision: 'revise', comment: 'Đề nghị bổ sung bài học về phân công nhiệm vụ' } }, 'yêu cầu hoàn thiện');
  line('Đảng ủy', 'đề nghị hoàn thiện báo cáo: bổ sung bài học về phân công nhiệm vụ');
  await expectOk(
    'POST',
    `/cycles/${cycleId}/report`,
    { token: host.secretary.token, body: report(['Chuẩn bị kỹ nội dung chuyên đề', 'Phân công nhiệm vụ cụ thể cho từng đảng viên']) },
    'nộp lại báo cáo',
  );
  line(host.name, 'nộp lại báo cáo đã hoàn thiện');
  const closed = await expectOk('POST', `/cycles/${cycleId}/review`, { token: staff.token, body: { decision: 'accept', rating: 'TOT', comment: 'Buổi sinh hoạt đạt chất lượng tốt' } }, 'đánh giá');
  line('Đảng ủy', 'chấp nhận báo cáo, xếp loại Tốt; bài học gửi tới các chi bộ');

  const inbox = await expectOk('GET', '/me/notifications', { token: visitors[0].secretary.token }, 'hộp thư');
  console.log(`\n• Trạng thái cuối: ${closed.status}, xếp loại ${closed.review.rating}, ${closed.timeline.length} mốc trên dòng thời gian:`);
  for (const entry of closed.timeline) {
    const who = entry.cellId ? ` — ${cellName(entry.cellId)}` : '';
    console.log(`    ${new Date(entry.at).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}  ${entry.label}${who}`);
  }
  console.log(`• Hộp thư của ${visitors[0].secretary.fullName}: "${inbox[0]?.title}"`);
  console.log(`• Xem trên Temporal Web UI: workflow model-meeting-${cycleId}`);
  console.log(`\ncycle=${cycleId} status=${closed.status} rating=${closed.review.rating} host="${cellName(host.id)}"`);
}

/**
 * The committee invites every cell and decides the host afterwards: the system ranks the cells with its
 * reasons (the cell that hosted last comes last) and the committee picks the first.
 */
async function launchAndPickHost(staff, committee, cells, meetingAt) {
  // Every cell is invited; the committee then picks the host among them, and that cell leaves the invitation list.
  const invited = cells;
  const cycle = await expectOk(
    'POST',
    '/cycles',
    {
      token: staff.token,
      body: {
        committeeId: committee.id,
        title: `Sinh hoạt chi bộ điểm ngày ${meetingAt.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`,
        topic: 'Nâng cao chất lượng sinh hoạt chi bộ; rút kinh nghiệm quy trình điều hành',
        kind: 'regular',
        invitedCellIds: invited.map((cell) => cell.id),
        meetingAt: meetingAt.toISOString(),
        location: 'Nhà văn hóa thôn',
        // The demo holds a 115-minute meeting in a few seconds of real time: the recorded start may precede
        // the scheduled time by up to three hours.
        reminders: { earlyStartTolerance: 'PT3H' },
      },
    },
    'khởi tạo đợt sinh hoạt',
  );
  line('Đảng ủy', `khởi tạo «${cycle.title}», mời ${invited.length} chi bộ; chờ chọn chi bộ điểm`);
  const ranking = await expectOk('GET', `/cycles/${cycle.id}/host-candidates`, { token: staff.token }, 'đề xuất chi bộ điểm');
  for (const candidate of ranking.slice(0, 5)) line('  đề xuất', `${candidate.name} (${candidate.score} điểm): ${candidate.reasons.join('; ')}`);
  const chosen = ranking[0];
  await expectOk('POST', `/cycles/${cycle.id}/host`, { token: staff.token, body: { cellId: chosen.cellId } }, 'chọn chi bộ điểm');
  const visitors = invited.filter((cell) => cell.id !== chosen.cellId);
  line('Đảng ủy', `chọn ${chosen.name} làm chi bộ điểm; giấy mời gửi tới ${visitors.length} chi bộ`);
  return { cycleId: cycle.id, host: cells.find((cell) => cell.id === chosen.cellId), visitors };
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
