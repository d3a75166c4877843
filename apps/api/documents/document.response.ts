import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_KINDS, type DocumentKind } from './document-file-names.js';

export class DocumentFilesResponse {
  @ApiProperty({ example: '/api/cycles/7c0e…/documents/minutes.docx', description: 'Tệp Word (DOCX) để sửa trước khi ký' })
  docx: string;

  @ApiProperty({ example: '/api/cycles/7c0e…/documents/minutes.pdf', description: 'Tệp PDF để in' })
  pdf: string;
}

/** One paper of a cycle in GET /api/cycles/:id/documents. */
export class DocumentResponse {
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'Loại văn bản' })
  document: DocumentKind;

  @ApiProperty({ example: 'Biên bản sinh hoạt chi bộ điểm', description: 'Tên văn bản theo ngôn ngữ của yêu cầu; giấy mời và phiếu góp ý kèm tên chi bộ' })
  title: string;

  @ApiProperty({ description: 'Bước điền nội dung văn bản đã xong; khi chưa, văn bản vẫn tải được và ghi "chưa có" ở phần đó' })
  ready: boolean;

  @ApiPropertyOptional({ example: 'Chưa có biên bản: chi bộ điểm chưa ghi nhận buổi sinh hoạt.', description: 'Chỉ khi chưa sẵn sàng: phần nào chưa có' })
  missing?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Giấy mời: chi bộ được mời; phiếu góp ý: chi bộ góp ý' })
  cellId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Phiếu góp ý: phiếu nào' })
  critiqueId?: string;

  @ApiProperty({ type: DocumentFilesResponse })
  files: DocumentFilesResponse;
}
