import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';

/** Every refusal's body: NestJS's shape with a stable code; the message is in Vietnamese unless English is asked for. */
export class ErrorResponse {
  @ApiProperty({ example: 409 })
  statusCode: number;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'Câu người đọc hiểu; lỗi dữ liệu gửi lên: một câu cho mỗi trường',
    example: 'Đợt sinh hoạt đang ở giai đoạn khác, chưa thể thực hiện bước này.',
  })
  message: string | string[];

  @ApiProperty({ example: 'Conflict' })
  error: string;

  @ApiProperty({ example: 'WRONG_STAGE', description: 'Mã ổn định của lỗi (xem api.md)' })
  code: string;
}

const MEANING: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ',
  401: 'Chưa đăng nhập, phiên đã hết hoặc sai mật khẩu',
  403: 'Không phải việc của người dùng này trong đợt sinh hoạt',
  404: 'Không có, hoặc thuộc Đảng bộ khác',
  409: 'Bước không hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã làm, khóa trùng)',
  413: 'Dữ liệu gửi lên quá lớn',
  429: 'Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After',
  503: 'PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key',
};

/** The refusals an operation can answer, each with the error body. */
export function ApiRefusals(...statuses: (keyof typeof MEANING)[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: MEANING[status], type: ErrorResponse })));
}
