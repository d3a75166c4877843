import { RATING_LABELS, type Rating } from './cycle.js';

/** What a person reads in the in-app inbox, in Vietnamese (the inbox keeps the reason code for other languages). */
export function notificationText(reason: string, cycleTitle: string, extra: { rating?: Rating | null } = {}): { title: string; body: string } {
  const of = `«${cycleTitle}»`;
  switch (reason) {
    case 'HOST_SELECTION_NEEDED':
      return { title: 'Cần chọn chi bộ điểm', body: `Đợt sinh hoạt điểm ${of} đang chờ Đảng ủy chọn chi bộ tổ chức.` };
    case 'INVITED':
      return { title: 'Giấy mời dự sinh hoạt chi bộ điểm', body: `Chi bộ được mời dự ${of}. Vui lòng xác nhận tham dự và cử người dự.` };
    case 'CHOSEN_AS_HOST':
      return { title: 'Chi bộ được chọn tổ chức sinh hoạt điểm', body: `Chi bộ được chọn tổ chức ${of}. Vui lòng đăng kế hoạch, chương trình và dự thảo nghị quyết.` };
    case 'PLAN_POSTED':
      return { title: 'Đã có kế hoạch buổi sinh hoạt', body: `Chi bộ điểm đã đăng kế hoạch cho ${of}.` };
    case 'PLAN_REVISED':
      return { title: 'Kế hoạch buổi sinh hoạt đã được cập nhật', body: `Chi bộ điểm đã cập nhật kế hoạch cho ${of}.` };
    case 'RESCHEDULED':
      return { title: 'Đổi lịch sinh hoạt chi bộ điểm', body: `Thời gian tổ chức ${of} đã thay đổi. Vui lòng xem lịch mới.` };
    case 'CRITIQUE_OPEN':
      return { title: 'Mời gửi ý kiến nhận xét, góp ý', body: `Buổi sinh hoạt ${of} đã kết thúc. Vui lòng gửi nhận xét, góp ý trong thời hạn.` };
    case 'REPORT_NEEDED':
      return { title: 'Cần báo cáo rút kinh nghiệm', body: `Đã hết thời gian góp ý cho ${of}. Vui lòng trả lời từng ý kiến và nộp báo cáo rút kinh nghiệm.` };
    case 'REVIEW_NEEDED':
      return { title: 'Báo cáo rút kinh nghiệm chờ đánh giá', body: `Chi bộ điểm đã nộp báo cáo rút kinh nghiệm cho ${of}. Vui lòng đánh giá, xếp loại.` };
    case 'REVISION_REQUESTED':
      return { title: 'Báo cáo cần bổ sung, hoàn thiện', body: `Đảng ủy đề nghị hoàn thiện lại báo cáo rút kinh nghiệm của ${of}.` };
    case 'LESSONS_SHARED':
      return {
        title: 'Bài học kinh nghiệm từ chi bộ điểm',
        body: `Đợt ${of} đã kết thúc${extra.rating ? `, xếp loại ${RATING_LABELS[extra.rating]}` : ''}. Mời chi bộ xem bài học kinh nghiệm và vận dụng, nhân rộng.`,
      };
    case 'CANCELLED':
      return { title: 'Hủy đợt sinh hoạt chi bộ điểm', body: `Đợt ${of} đã bị hủy.` };
    case 'RSVP_REMINDER':
      return { title: 'Nhắc xác nhận tham dự', body: `Chi bộ chưa xác nhận tham dự ${of}.` };
    case 'PLAN_REMINDER':
      return { title: 'Nhắc đăng kế hoạch sinh hoạt', body: `Chưa có kế hoạch, tài liệu cho ${of}; tài liệu cần sẵn sàng trước buổi sinh hoạt ít nhất 1 ngày.` };
    case 'PLAN_OVERDUE_ALERT':
      return { title: 'Chi bộ điểm chưa đăng kế hoạch', body: `Đến hạn nhưng chi bộ điểm chưa đăng kế hoạch cho ${of}.` };
    case 'CRITIQUE_REMINDER':
      return { title: 'Nhắc gửi ý kiến góp ý', body: `Sắp hết hạn gửi nhận xét, góp ý cho ${of}; chi bộ chưa gửi.` };
    case 'REPORT_REMINDER':
      return { title: 'Nhắc nộp báo cáo rút kinh nghiệm', body: `Sắp đến hạn nộp báo cáo rút kinh nghiệm của ${of}.` };
    case 'REPORT_OVERDUE':
      return { title: 'Quá hạn báo cáo rút kinh nghiệm', body: `Đã quá hạn nộp báo cáo rút kinh nghiệm của ${of}; Đảng ủy đã được báo.` };
    case 'REPORT_OVERDUE_ESCALATION':
      return { title: 'Chi bộ điểm quá hạn báo cáo', body: `Chi bộ điểm chưa nộp báo cáo rút kinh nghiệm của ${of} đúng hạn.` };
    default:
      return { title: 'Thông báo', body: `Có cập nhật cho ${of}.` };
  }
}
