import type { RubricCriterion } from './cycle.js';

/**
 * The default 100-point sheet, after the 2025 central guidance (Hướng dẫn 42-HD/BTCTW, 28/10/2025, earlier
 * 12-HD/BTCTW, 06/7/2018) as publicly summarised. It is a template: each committee adapts it to its
 * province's own sheet. "Conduct" is split so that members speaking can carry the full-points rule for Tốt.
 */
export const DEFAULT_RUBRIC = {
  id: '00000000-0000-4000-8000-000000000042',
  name: 'Phiếu chấm điểm chất lượng sinh hoạt chi bộ (mẫu theo Hướng dẫn 42-HD/BTCTW)',
  version: 1,
  isTemplate: true,
  criteria: [
    { id: 'time', label: 'Thời gian, thời lượng sinh hoạt', maxPoints: 5, requiredForTop: true },
    { id: 'attendance', label: 'Tỷ lệ đảng viên dự sinh hoạt', maxPoints: 5, requiredForTop: true },
    { id: 'preparation', label: 'Công tác chuẩn bị', maxPoints: 10 },
    { id: 'conduct', label: 'Tiến hành sinh hoạt, điều hành của chủ trì', maxPoints: 30 },
    { id: 'speaking', label: 'Đảng viên tham gia phát biểu, thảo luận', maxPoints: 10, requiredForTop: true },
    { id: 'principles', label: 'Thực hiện nguyên tắc tổ chức, sinh hoạt Đảng', maxPoints: 5 },
    { id: 'results', label: 'Kết quả thực hiện nghị quyết kỳ trước', maxPoints: 30 },
    { id: 'closing', label: 'Kết thúc sinh hoạt, biên bản và nghị quyết', maxPoints: 5, requiredForTop: true },
  ] satisfies RubricCriterion[],
};
