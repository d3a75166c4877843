import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One sentence of a validation refusal with the field it is about, so a page can show it beside that field. */
export class FieldErrorResponse {
  @ApiProperty({
    example: 'attendance.present',
    description: 'Đường dẫn của mục thông tin trong nội dung gửi lên (tên các khóa nối bằng dấu chấm, phần tử của danh sách theo số thứ tự từ 0); rỗng: cả nội dung gửi lên',
  })
  field: string;

  @ApiProperty({ example: 'Số đảng viên có mặt là bắt buộc.', description: 'Câu gọi mục thông tin theo tên trên biểu mẫu; cũng có trong message' })
  message: string;
}

/** Every refusal's body: NestJS's shape with a stable code; the message is in Vietnamese unless English is asked for. */
export class ErrorResponse {
  @ApiProperty({ example: 409 })
  statusCode: number;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'Câu người đọc hiểu; lỗi dữ liệu gửi lên: một câu cho mỗi mục thông tin',
    example: 'Bước này không thực hiện được lúc này: đợt sinh hoạt đang ở bước “Chuẩn bị sinh hoạt”.',
  })
  message: string | string[];

  @ApiProperty({ example: 'Conflict' })
  error: string;

  @ApiProperty({ example: 'WRONG_STAGE', description: 'Mã ổn định của lỗi (xem api.md)' })
  code: string;

  @ApiPropertyOptional({
    type: [FieldErrorResponse],
    description: 'Chỉ với VALIDATION_FAILED do kiểm tra từng mục thông tin: các câu của message, mỗi câu kèm mục thông tin nó nói tới',
  })
  fields?: FieldErrorResponse[];
}

const MEANING: Record<number, string> = {
  400: 'Nội dung gửi lên chưa đúng quy định',
  401: 'Chưa đăng nhập, phiên đăng nhập đã hết hạn hoặc sai mật khẩu',
  403: 'Không phải việc của tài khoản này trong đợt sinh hoạt',
  404: 'Không có, hoặc thuộc Đảng bộ khác',
  409: 'Bước không phù hợp với đợt sinh hoạt lúc này (giai đoạn, thời hạn, đã thực hiện, khóa trùng)',
  413: 'Nội dung gửi lên quá dài',
  429: 'Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After',
  503: 'PostgreSQL hoặc Temporal tạm thời không trả lời; gửi lại với cùng Idempotency-Key',
};

/** The refusals an operation can answer, each with the error body. */
export function ApiRefusals(...statuses: (keyof typeof MEANING)[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: MEANING[status], type: ErrorResponse })));
}
