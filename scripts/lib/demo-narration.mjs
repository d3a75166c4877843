// What `npm run demo` prints as each step of its cycle is answered: who did what, in the words of a commune
// office (language.md): "đồng chí", the active voice, times as people write them, stages, kinds and ratings
// by their labels, a point by its words, never an id.
import { titled } from './demo-commune.mjs';
import { LOCATION } from './demo-meeting.mjs';
import { CRITIQUE_STAGE_LABELS, POINT_KIND_LABELS, STANCE_LABELS, vietnamCalendarDay, vietnamDay, vietnamTime } from './demo-wording.mjs';

/** How many RSVPs and critiques are shown in full before the rest are counted. */
const SHOWN_IN_FULL = 3;

export const say = (/** @type {string} */ text = '') => console.log(text ? `  ${text}` : '');
export const heading = (/** @type {string} */ text) => console.log(`\n${text}`);
/** A number as Vietnamese write it: 100,6 */
const number = (/** @type {number} */ value) => value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const quoted = (/** @type {string} */ text) => `“${text}”`;
const lower = (/** @type {string} */ label) => label.charAt(0).toLowerCase() + label.slice(1);

const SECTIONS = {
  launch: '1. Khởi tạo đợt sinh hoạt, lựa chọn chi bộ điểm',
  rsvp: '2. Mời dự',
  plan: '3. Chuẩn bị sinh hoạt',
  meeting: '4. Tổ chức sinh hoạt',
  critique: '5. Nhận xét, góp ý',
  report: '6. Báo cáo rút kinh nghiệm; đánh giá, xếp loại',
};

/**
 * The narrator the cycle driver tells after each step.
 * @param {{ staff: import('./demo-commune.mjs').Person, cellCount: number }} setting
 */
export function narrator({ staff, cellCount }) {
  let section = '';
  /** @type {number[]} the critiques' score totals */
  const scoreTotals = [];
  const points = { strength: 0, weakness: 0, suggestion: 0 };
  /** @type {string[]} the commitments of the report before, so a revised one is told by what it adds */
  let committed = [];

  /** @param {import('./cycle-driver.mjs').StepEvent<any>} event */
  return function onStep({ kind, cycle, sent, answer, cell, index = 0, count = 0, round = 0, candidates = [], chosen }) {
    const next = SECTIONS[/** @type {keyof typeof SECTIONS} */ (kind)];
    if (next && next !== section) {
      section = next;
      heading(section);
    }
    const { host, visitors, attending } = cycle;
    const body = /** @type {any} */ (sent);
    const view = /** @type {any} */ (answer);
    switch (kind) {
      case 'launch':
        say(
          `Đảng ủy (${titled(staff)}) khởi tạo đợt ${quoted(view.title)}: sinh hoạt chuyên đề ${quoted(view.topic)}` +
            ` kết hợp sinh hoạt thường kỳ, ${vietnamTime(Date.parse(view.meetingAt))}, tại ${view.location}.`,
        );
        say(`Đảng ủy mời cả ${cellCount} chi bộ trực thuộc và chọn chi bộ điểm trong số đó.`);
        break;
      case 'host':
        say(`Hệ thống đề xuất chi bộ điểm (${Math.min(5, candidates.length)} chi bộ đứng đầu trong ${candidates.length}):`);
        for (const [place, candidate] of candidates.slice(0, 5).entries()) {
          say(`  ${place + 1}. ${candidate.name}: ${number(candidate.score)} điểm (${candidate.reasons.join('; ')})`);
        }
        say(`Đảng ủy chọn ${chosen?.name} làm chi bộ điểm; ${LOCATION.toLowerCase()} của chi bộ là nơi sinh hoạt. Giấy mời gửi tới ${visitors.length} chi bộ còn lại.`);
        say(`Chủ trì: ${titled(host.secretary)}.`);
        break;
      case 'rsvp':
        if (body.response === 'decline') say(`${cell.name} báo không tham dự (lý do: ${lower(body.note)}).`);
        else if (index < SHOWN_IN_FULL) say(`${cell.name} xác nhận tham dự, cử ${lower(body.delegate)}.`);
        if (index === count - 1) {
          say(`Cộng: ${attending.length} chi bộ xác nhận tham dự, ${visitors.length - attending.length} chi bộ báo không tham dự.`);
        }
        break;
      case 'plan':
        say(`${host.name} gửi chương trình, tài liệu sinh hoạt:`);
        for (const [place, item] of body.agenda.entries()) say(`  ${place + 1}. ${item}`);
        say(`  Tài liệu: ${body.content}`);
        say(`  ${body.draftResolution}`);
        break;
      case 'meeting': {
        const { attendance, combined } = view.meeting;
        const held = combined ? 'sinh hoạt chuyên đề kết hợp sinh hoạt thường kỳ' : 'sinh hoạt chuyên đề';
        say(
          `${host.name} ghi nhận buổi sinh hoạt ngày ${vietnamDay(Date.parse(view.meeting.startedAt))}: ${held}, thời lượng` +
            ` ${view.meeting.durationMinutes} phút (${combined ? 'sinh hoạt kết hợp cần ít nhất 120 phút' : 'cần ít nhất 90 phút'}).`,
        );
        const unexcused = attendance.absentWithoutReason === 0 ? 'không có đồng chí vắng không lý do' : `${attendance.absentWithoutReason} đồng chí vắng không lý do`;
        say(
          `Số đảng viên dự sinh hoạt: ${attendance.present}/${attendance.total}, ${attendance.absentWithReason} đồng chí vắng có lý do, ${unexcused};` +
            ` ${attending.length} chi bộ bạn dự. Chi bộ tự chấm ${number(view.meeting.selfScoreTotal)}/100 điểm.`,
        );
        say(`Biên bản: ${view.meeting.minutes}`);
        break;
      }
      case 'critique': {
        scoreTotals.push(view.scoreTotal);
        for (const point of view.points) points[/** @type {keyof typeof points} */ (point.kind)] += 1;
        if (index < SHOWN_IN_FULL) {
          say(`${cell.name} (đồng chí ${cell.secretary.fullName}) gửi nhận xét, góp ý, chấm ${number(view.scoreTotal)} điểm:`);
          for (const point of view.points) {
            say(`  ${POINT_KIND_LABELS[point.kind].vi} (${lower(CRITIQUE_STAGE_LABELS[point.stage].vi)}): ${quoted(point.text)}`);
          }
        }
        if (index === count - 1) {
          const average = scoreTotals.reduce((sum, total) => sum + total, 0) / scoreTotals.length;
          say(
            `${count - SHOWN_IN_FULL} chi bộ khác cũng đã gửi. Cộng ${count}/${count} chi bộ dự: ${points.strength} ưu điểm, ${points.weakness} hạn chế,` +
              ` ${points.suggestion} đề xuất; điểm chấm từ ${number(Math.min(...scoreTotals))} đến ${number(Math.max(...scoreTotals))}, bình quân ${number(average)}.`,
          );
          // The cycle as the meeting's record left it: the critique window it opened.
          const due = vietnamTime(Date.parse(cycle.view.deadlines.critiqueClosesAt ?? ''));
          say(`Mọi chi bộ dự đã gửi nhận xét, góp ý: kết thúc thời gian góp ý trước hạn (hạn ${due}).`);
        }
        break;
      }
      case 'report':
        if (round === 0) narrateFirstReport(host, body, cycle.pointsToAnswer);
        else narrateRevisedReport(host, body, committed);
        committed = body.actionItems.map((/** @type {{ title: string }} */ item) => item.title);
        break;
      case 'review':
        if (body.decision === 'revise') say(`Đảng ủy đề nghị hoàn thiện báo cáo: ${quoted(body.comment)}`);
        else {
          say(`Đảng ủy thông qua báo cáo rút kinh nghiệm, chấm ${number(sumOf(body.scores))}/100 điểm, xếp loại ${view.review.ratingLabel}:`);
          say(`  ${quoted(body.comment)}`);
        }
        break;
    }
  };
}

const sumOf = (/** @type {Record<string, number>} */ scores) => Object.values(scores).reduce((sum, points) => sum + points, 0);

/**
 * How the host answered the points (how many it took in, in part, or explained), its answer to each point it
 * kept its own view on, its lessons and commitments.
 * @param {any} host @param {any} report @param {{ id: string, text: string }[]} points
 */
function narrateFirstReport(host, report, points) {
  const stances = Object.keys(STANCE_LABELS)
    .map((stance) => ({ stance, many: report.responses.filter((/** @type {any} */ response) => response.stance === stance).length }))
    .filter(({ many }) => many > 0)
    .map(({ stance, many }) => `${lower(STANCE_LABELS[stance].vi)} ${many} ý kiến`);
  say(`${host.name} gửi báo cáo rút kinh nghiệm, trả lời ${report.responses.length} ý kiến về hạn chế, đề xuất: ${stances.join('; ')}.`);
  for (const response of report.responses.filter((/** @type {any} */ each) => each.stance === 'disagree')) {
    const point = points.find((each) => each.id === response.pointId);
    say(`  ${STANCE_LABELS.disagree.vi} ý kiến ${quoted(point?.text ?? '')}: ${response.text}.`);
  }
  say(`  Bài học: ${report.lessons.map(quoted).join('; ')}.`);
  narrateCommitments(report.actionItems);
}

/** @param {any} host @param {any} report @param {string[]} committed the titles of the report before's commitments */
function narrateRevisedReport(host, report, committed) {
  say(`${host.name} gửi lại báo cáo đã hoàn thiện, bổ sung bài học ${quoted(report.lessons.at(-1))}.`);
  narrateCommitments(report.actionItems.filter((/** @type {{ title: string }} */ item) => !committed.includes(item.title)));
}

/** @param {{ title: string, owner: string, dueDate: string }[]} items */
function narrateCommitments(items) {
  for (const item of items) say(`  Việc cam kết: ${quoted(item.title)} (${lower(item.owner)}; hạn ${vietnamCalendarDay(item.dueDate)}).`);
}
