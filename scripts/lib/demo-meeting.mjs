// What is said in the demo's cycle (npm run demo), in the words of a commune: the host's agenda and
// documents, its record of the meeting, the visiting cells' critiques point by point ("từng khâu, từng
// việc"), the host's answer to each weakness and suggestion, its lessons and commitments, and the
// committee's two reviews. Bodies are built with step-bodies.mjs, so they are checked against the API's DTOs.
import { acceptReviewBody, critiqueBody, reviseReviewBody, vietnamDayFromToday } from './step-bodies.mjs';

/**
 * @typedef {import('./step-bodies.mjs').CritiquePoint} CritiquePoint
 * @typedef {import('./step-bodies.mjs').PointResponse} PointResponse
 * @typedef {import('./step-bodies.mjs').Scores} Scores
 * @typedef {{ month: string, previousMonth: string }} Months "12/2026" and "11/2026": the meeting's month and the one before
 */

export const TOPIC = 'Phát huy vai trò tiền phong, gương mẫu của đảng viên trong xây dựng nông thôn mới, giữ gìn vệ sinh môi trường thôn';
export const LOCATION = 'Nhà văn hóa thôn';
/** A thematic meeting held with the monthly regular one: at least 120 minutes (domain.md). */
export const MEETING_MINUTES = 135;

/** @param {Months} months */
export const launchWords = ({ month }) => ({
  title: `Sinh hoạt chi bộ điểm tháng ${month}`,
  topic: TOPIC,
  kind: /** @type {const} */ ('thematic'),
  location: LOCATION,
});

/** @param {Months} months */
export const planWords = ({ month, previousMonth }) => ({
  agenda: [
    'Khai mạc: chào cờ, tuyên bố lý do, giới thiệu đại biểu, báo cáo số đảng viên có mặt',
    `Đánh giá kết quả thực hiện nghị quyết tháng ${previousMonth}, triển khai nhiệm vụ tháng ${month}`,
    `Sinh hoạt chuyên đề: ${TOPIC}`,
    'Thảo luận, biểu quyết thông qua nghị quyết',
    'Bế mạc',
  ],
  content: `Báo cáo kết quả thực hiện nghị quyết tháng ${previousMonth}; đề cương sinh hoạt chuyên đề do chi ủy chuẩn bị; danh sách dự kiến phân công đảng viên phụ trách nhóm hộ.`,
  draftResolution: `Dự thảo nghị quyết tháng ${month}: mỗi đảng viên phụ trách ít nhất 3 hộ; vận động các hộ làm nhà tiêu hợp vệ sinh, thu gom rác đúng nơi quy định; ra quân vệ sinh đường thôn vào Chủ nhật cuối tháng.`,
});

/**
 * The host's record: everyone present but one member excused, the minutes and the resolution, its own
 * score sheet (full points where Tốt needs them).
 * @param {{ memberCount: number }} host
 * @param {Months} months
 */
export const meetingWords = (host, { month }) => ({
  attendance: { present: host.memberCount - 1, total: host.memberCount, absentWithReason: 1, absentWithoutReason: 0 },
  minutes: `Chi bộ sinh hoạt tháng ${month} do đồng chí Bí thư chi bộ chủ trì; 11 lượt đảng viên phát biểu; ${host.memberCount - 1}/${host.memberCount - 1} đảng viên có mặt biểu quyết tán thành nghị quyết.`,
  resolution: `Nghị quyết tháng ${month}: mỗi đảng viên phụ trách ít nhất 3 hộ; vận động 12 hộ làm nhà tiêu hợp vệ sinh trong quý; ra quân vệ sinh đường thôn vào Chủ nhật cuối tháng.`,
  selfScores: { time: 5, attendance: 5, preparation: 9, conduct: 27, speaking: 10, principles: 5, results: 27, closing: 5 },
});

/** @type {{ stage: CritiquePoint['stage'], text: string }[]} */
const STRENGTHS = [
  { stage: 'preparation', text: 'Chi ủy chuẩn bị chu đáo; chương trình, đề cương chuyên đề và dự thảo nghị quyết gửi các chi bộ trước buổi sinh hoạt' },
  { stage: 'procedure', text: 'Thực hiện đúng trình tự: chào cờ, tuyên bố lý do, giới thiệu đại biểu, báo cáo số đảng viên có mặt, vắng mặt' },
  { stage: 'content', text: 'Nội dung chuyên đề sát tình hình của thôn, nêu rõ số hộ chưa có nhà tiêu hợp vệ sinh và nguyên nhân' },
  { stage: 'chairing', text: 'Đồng chí chủ trì điều hành linh hoạt, gợi mở để đảng viên trẻ và đảng viên nữ phát biểu' },
  { stage: 'content', text: 'Đảng viên phát biểu thẳng thắn, có tự phê bình và phê bình; không khí sinh hoạt cởi mở' },
  { stage: 'minutes', text: 'Biên bản ghi đầy đủ diễn biến buổi sinh hoạt và kết quả biểu quyết' },
  { stage: 'tasks', text: 'Nghị quyết giao việc cụ thể: mỗi đảng viên phụ trách nhóm hộ, có thời hạn hoàn thành' },
  { stage: 'preparation', text: 'Hội trường bố trí gọn gàng, có tài liệu in sẵn cho đảng viên và đại biểu' },
  { stage: 'procedure', text: 'Kết hợp sinh hoạt thường kỳ với sinh hoạt chuyên đề mà không bỏ sót nội dung nào, bảo đảm thời lượng' },
  { stage: 'chairing', text: 'Đồng chí chủ trì kết luận rõ từng nội dung, nêu được những việc cần làm ngay' },
  { stage: 'minutes', text: 'Nghị quyết ngắn gọn, dễ nhớ, phù hợp với điều kiện của thôn' },
  { stage: 'tasks', text: 'Chi bộ phân công đảng viên trẻ giúp các hộ khó khăn, có danh sách kèm theo' },
  { stage: 'content', text: 'Chuyên đề gắn với nhiệm vụ của tháng, có giải pháp cho từng nhóm hộ' },
  { stage: 'procedure', text: 'Đại biểu các chi bộ bạn được giới thiệu đầy đủ và được mời nhận xét sau khi kết thúc sinh hoạt' },
  { stage: 'minutes', text: 'Biên bản có chữ ký của đồng chí chủ trì và thư ký ngay sau buổi sinh hoạt' },
];

/**
 * The weaknesses and suggestions, each with the host's answer in its report (tiếp thu / tiếp thu một phần /
 * giải trình, bảo lưu).
 * @type {{ stage: CritiquePoint['stage'], kind: 'weakness' | 'suggestion', text: string, answer: Omit<PointResponse, 'pointId'> }[]}
 */
const POINTS_TO_ANSWER = [
  {
    stage: 'content',
    kind: 'weakness',
    text: 'Phần đánh giá kết quả thực hiện nghị quyết tháng trước còn chung chung, chưa có số liệu theo từng chỉ tiêu',
    answer: { stance: 'accept', text: 'Từ kỳ sinh hoạt tới, báo cáo kết quả có số liệu theo từng chỉ tiêu của nghị quyết' },
  },
  {
    stage: 'chairing',
    kind: 'weakness',
    text: 'Đồng chí chủ trì còn đọc nhiều văn bản chuẩn bị sẵn, phần kết luận từng nội dung chưa gọn',
    answer: { stance: 'accept', text: 'Đồng chí chủ trì chuẩn bị trước ý kết luận ngắn cho từng nội dung' },
  },
  {
    stage: 'minutes',
    kind: 'suggestion',
    text: 'Đề nghị biên bản ghi rõ tên đảng viên phát biểu và tóm tắt ý kiến của từng đồng chí',
    answer: { stance: 'accept', text: 'Chi bộ dùng mẫu biên bản có mục ghi ý kiến của từng đảng viên' },
  },
  {
    stage: 'procedure',
    kind: 'suggestion',
    text: 'Đề nghị tách sinh hoạt chuyên đề thành một buổi riêng để có thêm thời gian thảo luận',
    answer: {
      stance: 'disagree',
      text: 'Nhiều đảng viên đi làm nương xa, chi bộ kết hợp hai nội dung để bảo đảm số đảng viên dự; thời lượng vẫn bảo đảm không dưới 120 phút theo hướng dẫn',
    },
  },
  {
    stage: 'tasks',
    kind: 'weakness',
    text: 'Một số nhiệm vụ trong nghị quyết chưa ghi rõ đồng chí chịu trách nhiệm chính',
    answer: { stance: 'accept', text: 'Nghị quyết đã bổ sung người chịu trách nhiệm chính cho từng nhiệm vụ' },
  },
  {
    stage: 'content',
    kind: 'suggestion',
    text: 'Đề nghị phối hợp với Chi hội Phụ nữ, Chi đoàn thanh niên vận động các hộ làm nhà tiêu hợp vệ sinh',
    answer: {
      stance: 'partly',
      text: 'Giao Chi hội Phụ nữ vận động các hộ; Chi đoàn tham gia ra quân vệ sinh đường thôn, không giao chỉ tiêu vận động hộ',
    },
  },
  {
    stage: 'preparation',
    kind: 'weakness',
    text: 'Dự thảo nghị quyết chưa nêu chỉ tiêu cụ thể nên khó kiểm tra kết quả thực hiện',
    answer: { stance: 'accept', text: 'Nghị quyết được thông qua đã có chỉ tiêu vận động 12 hộ làm nhà tiêu hợp vệ sinh trong quý' },
  },
  {
    stage: 'chairing',
    kind: 'suggestion',
    text: 'Đề nghị đồng chí chủ trì định thời gian cho mỗi ý kiến để nhiều đảng viên được phát biểu',
    answer: { stance: 'accept', text: 'Mỗi ý kiến phát biểu không quá 5 phút' },
  },
  {
    stage: 'tasks',
    kind: 'suggestion',
    text: 'Đề nghị chi ủy kiểm tra việc thực hiện nhiệm vụ của đảng viên hằng tháng, báo cáo tại kỳ sinh hoạt sau',
    answer: { stance: 'accept', text: 'Chi ủy kiểm tra và báo cáo kết quả tại kỳ sinh hoạt thường kỳ tiếp theo' },
  },
  {
    stage: 'minutes',
    kind: 'weakness',
    text: 'Nghị quyết chưa được đọc lại toàn văn trước khi biểu quyết',
    answer: {
      stance: 'partly',
      text: 'Chi bộ sẽ đọc lại phần nhiệm vụ, giải pháp trước khi biểu quyết; phần đánh giá tình hình đã thống nhất ở đầu buổi nên không đọc lại',
    },
  },
  {
    stage: 'procedure',
    kind: 'weakness',
    text: 'Phần giới thiệu đại biểu còn thiếu chức vụ của một số đồng chí dự',
    answer: { stance: 'accept', text: 'Chi bộ lập danh sách đại biểu có chức vụ trước buổi sinh hoạt' },
  },
  {
    stage: 'content',
    kind: 'suggestion',
    text: 'Đề nghị biểu dương đảng viên làm tốt để các hộ trong thôn học tập',
    answer: { stance: 'accept', text: 'Chi bộ biểu dương 3 đảng viên làm tốt và thông báo tại cuộc họp thôn' },
  },
  {
    stage: 'preparation',
    kind: 'suggestion',
    text: 'Đề nghị gửi đề cương chuyên đề sớm hơn để các chi bộ bạn nghiên cứu trước',
    answer: { stance: 'partly', text: 'Tài liệu đã gửi đúng hạn theo hướng dẫn; kỳ sau chi bộ gửi đề cương chuyên đề sớm hơn một ngày' },
  },
  {
    stage: 'content',
    kind: 'weakness',
    text: 'Ý kiến thảo luận chủ yếu của các đồng chí chi ủy viên, đảng viên cao tuổi ít phát biểu',
    answer: { stance: 'accept', text: 'Chi ủy gợi ý trước nội dung để đảng viên cao tuổi chuẩn bị ý kiến' },
  },
  {
    stage: 'tasks',
    kind: 'weakness',
    text: 'Chưa phân công đảng viên theo dõi, đôn đốc các hộ đã đăng ký làm nhà tiêu hợp vệ sinh',
    answer: { stance: 'accept', text: 'Mỗi hộ đăng ký có một đảng viên theo dõi, đôn đốc' },
  },
];

/**
 * The critique of the `index`-th attending cell: one strength and one weakness or suggestion, different
 * for each cell, and its score sheet.
 * @param {number} index
 */
export const critiqueWords = (index) => {
  const strength = STRENGTHS[index % STRENGTHS.length];
  const { stage, kind, text } = POINTS_TO_ANSWER[index % POINTS_TO_ANSWER.length];
  /** @type {Scores} */
  const scores = { time: 5, attendance: 5, preparation: 9 + (index % 2), conduct: 26 + (index % 3), speaking: 10, principles: 5, results: 27, closing: 5 };
  return critiqueBody({ points: [{ ...strength, kind: 'strength' }, { stage, kind, text }], scores });
};

/**
 * The host's answer to a point, found by its words (a point comes back from the API exactly as it was sent).
 * @param {{ id: string, text: string }} point
 * @returns {PointResponse}
 */
export const answerTo = (point) => {
  const known = POINTS_TO_ANSWER.find((each) => each.text === point.text);
  if (!known) throw new Error(`no answer written for the point “${point.text}”`);
  return { pointId: point.id, ...known.answer };
};

/**
 * The lessons and commitments of the report; the revised report (round 1) adds what the committee asked for.
 * @param {{ secretaryName: string }} host
 * @param {number} round
 */
export const lessonsAndCommitments = ({ secretaryName }, round) => ({
  lessons: [
    'Chuẩn bị kỹ đề cương chuyên đề, có số liệu cụ thể của thôn',
    'Đồng chí chủ trì kết luận ngắn gọn từng nội dung, dành thời gian cho đảng viên phát biểu',
    ...(round > 0 ? ['Phân công nhiệm vụ đến từng đảng viên: ai làm, làm đến đâu, khi nào xong; chi ủy kiểm tra hằng tháng'] : []),
  ],
  actionItems: [
    { title: 'Áp dụng mẫu biên bản ghi ý kiến của từng đảng viên', owner: `Đồng chí ${secretaryName}, Bí thư chi bộ`, dueDate: vietnamDayFromToday(30) },
    ...(round > 0 ? [{ title: 'Lập danh sách đảng viên phụ trách, theo dõi từng hộ đăng ký làm nhà tiêu hợp vệ sinh', owner: 'Chi ủy chi bộ', dueDate: vietnamDayFromToday(14) }] : []),
  ],
});

/** The committee's reviews: the report sent back once, then accepted with its own score sheet and rated Tốt. */
export const REVIEWS = [
  reviseReviewBody({
    comment: 'Đề nghị chi bộ bổ sung bài học về phân công nhiệm vụ cho đảng viên sau sinh hoạt: ai làm, làm đến đâu, khi nào xong, chi ủy kiểm tra thế nào.',
  }),
  acceptReviewBody({
    rating: 'TOT',
    comment: 'Buổi sinh hoạt chuẩn bị chu đáo, đúng trình tự, nội dung sát thực tế; chi bộ tiếp thu nghiêm túc ý kiến của các chi bộ bạn. Đề nghị các chi bộ nghiên cứu, vận dụng.',
    scores: { time: 5, attendance: 5, preparation: 9, conduct: 27, speaking: 10, principles: 5, results: 28, closing: 5 },
  }),
];

/** Cells that cannot come, and why (a cell that is the host this time is not invited). */
export const DECLINES = new Map([
  ['Chi bộ thôn Ly Chư Phìn', 'Trùng ngày chi bộ ra quân trồng rừng theo kế hoạch của xã; chi bộ sẽ nghiên cứu bài học kinh nghiệm khi Đảng ủy gửi về'],
  ['Chi bộ Trạm Y tế xã', 'Trạm trực tiêm chủng mở rộng đúng ngày sinh hoạt, không bố trí được đồng chí dự'],
]);

/** What the first visiting cell will adopt from the lessons (nhân rộng). */
export const ADOPTION = 'Áp dụng mẫu biên bản ghi ý kiến của từng đảng viên và phân công đảng viên phụ trách nhóm hộ từ kỳ sinh hoạt tháng sau';
