import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { rolesFor } from '../../../libs/domain/cycle-policy.js';
import type { Language } from '../../../libs/wording/language.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiRefusals } from '../common/error.response.js';
import { RequestLanguage } from '../common/request-language.decorator.js';
import { CycleIdParams } from '../cycles/dto/cycle-id.params.js';
import { CONTENT_TYPES } from './document-file-names.js';
import { sendDocument } from './document-reply.js';
import { DocumentFileParams } from './document-file.params.js';
import { DocumentResponse } from './document.response.js';
import { DocumentsService } from './documents.service.js';

/** A cycle's papers in Party format (documents.md): who may see the cycle may have them, as its view shows it to them. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('cycles/:id/documents')
export class DocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Get()
  @Roles(...rolesFor('view'))
  @ApiOperation({
    summary: 'Các văn bản của đợt sinh hoạt người dùng được tải',
    description:
      'Giấy mời (mỗi chi bộ được mời: văn phòng Đảng ủy tất cả, chi bộ giấy mời của mình), chương trình, biên bản, phiếu nhận xét góp ý (những phiếu người dùng được xem), báo cáo rút kinh nghiệm, thông báo kết luận; mỗi văn bản có tệp DOCX và PDF.',
  })
  @ApiOkResponse({ type: [DocumentResponse] })
  @ApiRefusals(400, 401, 403, 404)
  list(@CurrentUser() caller: AuthUser, @Param() params: CycleIdParams, @RequestLanguage() language: Language): Promise<DocumentResponse[]> {
    return this.documents.list(caller, params.id, language);
  }

  @Get(':file')
  @Roles(...rolesFor('view'))
  @ApiOperation({
    summary: 'Tải một văn bản (DOCX hoặc PDF)',
    description:
      'Tệp theo thể thức Hướng dẫn 36-HD/VPTW, điền từ nội dung đợt sinh hoạt lúc tải; Content-Disposition kèm tên tiếng Việt (filename*), ETag mạnh (SHA-256 của tệp; If-None-Match → 304). Tên khác những tên danh sách đưa ra → 404.',
  })
  @ApiProduces(CONTENT_TYPES.docx, CONTENT_TYPES.pdf)
  @ApiOkResponse({ description: 'Tệp văn bản', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'Tệp không đổi so với ETag gửi trong If-None-Match' })
  @ApiRefusals(400, 401, 403, 404)
  async file(@CurrentUser() caller: AuthUser, @Param() params: DocumentFileParams, @Req() request: Request, @Res() response: Response): Promise<void> {
    sendDocument(request, response, await this.documents.file(caller, params.id, params.file));
  }
}
