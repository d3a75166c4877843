import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Language } from '../../../libs/wording/language.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { RequestLanguage } from '../common/request-language.decorator.js';
import { StepRateLimitGuard } from '../common/step-rate-limit.guard.js';
import { IdempotencyKey, ReplaysThroughWorkflow } from '../idempotency/idempotency.js';
import {
  claimAttendanceUpdate,
  fileReportUpdate,
  postPlanUpdate,
  recordMeetingUpdate,
  rescheduleUpdate,
  reviewUpdate,
  rsvpUpdate,
} from '../../../workflows/model-meeting/model-meeting.contract.js';
import { LAUNCH_ROLES, rolesFor } from '../../../libs/domain/cycle-policy.js';
import { CycleFollowUpService } from './cycle-follow-up.service.js';
import { CycleReadsService } from './cycle-reads.service.js';
import { CyclesService } from './cycles.service.js';
import { CancelCycleDto } from './dto/cancel-cycle.dto.js';
import { ClaimAttendanceDto } from './dto/claim-attendance.dto.js';
import { CompleteActionItemDto } from './dto/complete-action-item.dto.js';
import { CycleActionItemParams, CycleCellParams, CycleIdParams } from './dto/cycle-id.params.js';
import { DropActionItemDto } from './dto/drop-action-item.dto.js';
import { FileReportDto } from './dto/file-report.dto.js';
import { InviteGuestsDto } from './dto/invite-guests.dto.js';
import { LaunchCycleDto } from './dto/launch-cycle.dto.js';
import { ListCyclesQuery } from './dto/list-cycles.query.js';
import { PickHostDto } from './dto/pick-host.dto.js';
import { PostPlanDto } from './dto/post-plan.dto.js';
import { RecordAdoptionDto } from './dto/record-adoption.dto.js';
import { RecordMeetingDto } from './dto/record-meeting.dto.js';
import { RescheduleDto } from './dto/reschedule.dto.js';
import { ReviewDto } from './dto/review.dto.js';
import { RsvpDto } from './dto/rsvp.dto.js';
import { SubmitCritiqueDto } from './dto/submit-critique.dto.js';
import { ApiRefusals } from '../common/error.response.js';
import { sendJsonUnlessHeld } from '../common/conditional-get.js';
import { CritiqueResponse, CyclePageResponse, CycleResponse, HostCandidateResponse } from './cycle.response.js';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'Gửi lại cùng khóa: nhận lại câu trả lời đầu tiên, bước chỉ thực hiện một lần' };
const VIEW_ETAG = {
  ETag: {
    description: 'Tên phiên bản của chi tiết đợt này với người xem này (ETag yếu); đổi khi bất cứ điều gì người xem thấy thay đổi',
    schema: { type: 'string' },
  },
  'Cache-Control': { description: 'private, no-cache: trình duyệt được giữ bản sao nhưng phải hỏi lại (If-None-Match) trước khi dùng', schema: { type: 'string' } },
};

@ApiTags('cycles')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY_HEADER)
@Controller('cycles')
export class CyclesController {
  constructor(
    @Inject(CyclesService) private readonly cycles: CyclesService,
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
    @Inject(CycleFollowUpService) private readonly followUp: CycleFollowUpService,
  ) {}

  @Post()
  @UseGuards(StepRateLimitGuard)
  @Roles(...LAUNCH_ROLES)
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Khởi tạo đợt sinh hoạt chi bộ điểm' })
  @ApiCreatedResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  launch(@CurrentUser() caller: AuthUser, @Body() dto: LaunchCycleDto, @RequestLanguage() language: Language, @IdempotencyKey() key?: string) {
    return this.cycles.launch(caller, dto, language, key);
  }

  @Get()
  @Roles(...rolesFor('view'))
  @ApiOperation({ summary: 'Các đợt sinh hoạt người dùng được xem, mới nhất trước' })
  @ApiOkResponse({ type: CyclePageResponse })
  @ApiRefusals(400, 401, 403)
  list(@CurrentUser() caller: AuthUser, @Query() query: ListCyclesQuery) {
    return this.reads.list(caller, query);
  }

  @Get(':id')
  @Roles(...rolesFor('view'))
  @ApiOperation({
    summary: 'Chi tiết đợt sinh hoạt',
    description:
      'Kèm ETag: gửi lại trong If-None-Match, nếu đợt chưa có gì thay đổi với người xem thì nhận 304, không kèm nội dung. Người không được xem đợt vẫn nhận 404 dù gửi ETag nào.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag của bản đã có: còn đúng thì trả 304' })
  @ApiOkResponse({ type: CycleResponse, headers: VIEW_ETAG })
  @ApiResponse({ status: 304, description: 'Bản người dùng đang giữ (ETag trong If-None-Match) vẫn đúng', headers: VIEW_ETAG })
  @ApiRefusals(400, 401, 403, 404)
  async get(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @RequestLanguage() language: Language,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await sendJsonUnlessHeld(request, response, await this.reads.currentView(caller, params.id, language));
  }

  @Get(':id/host-candidates')
  @Roles(...rolesFor('rankHosts'))
  @ApiOperation({ summary: 'Các chi bộ đề xuất làm chi bộ điểm, kèm lý do' })
  @ApiOkResponse({ type: [HostCandidateResponse] })
  @ApiRefusals(400, 401, 403, 404)
  hostCandidates(@CurrentUser() caller: AuthUser, @Param() params: CycleIdParams) {
    return this.reads.hostCandidates(caller, params.id);
  }

  @Post(':id/host')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('pickHost'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Đảng ủy chọn chi bộ điểm' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  pickHost(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: PickHostDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.pickHost(caller, params.id, dto.cellId, language, key);
  }

  @Post(':id/guests')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('inviteGuests'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Đảng ủy mời đại biểu cấp trên dự sinh hoạt (trước khi kết thúc thời gian góp ý)' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  inviteGuests(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: InviteGuestsDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.inviteGuests(caller, params.id, dto.guestIds, language, key);
  }

  @Post(':id/plan')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('postPlan'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Chi bộ điểm gửi chương trình, tài liệu sinh hoạt và dự thảo nghị quyết' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  postPlan(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: PostPlanDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.step(caller, params.id, postPlanUpdate, dto, language, key);
  }

  @Post(':id/invitations/:cellId/rsvp')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('rsvp'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Chi bộ được mời xác nhận tham dự, cử người dự' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  rsvp(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleCellParams,
    @Body() dto: RsvpDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.step(caller, params.id, rsvpUpdate, { cellId: params.cellId, ...dto }, language, key);
  }

  @Post(':id/reschedule')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('reschedule'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Đổi lịch sinh hoạt (trước buổi sinh hoạt)' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  reschedule(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: RescheduleDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.step(caller, params.id, rescheduleUpdate, dto, language, key);
  }

  @Post(':id/meeting')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('recordMeeting'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Chi bộ điểm ghi nhận buổi sinh hoạt đã tổ chức' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  recordMeeting(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: RecordMeetingDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.step(caller, params.id, recordMeetingUpdate, dto, language, key);
  }

  @Post(':id/attendance')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('claimAttendance'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Chi bộ đã nhận lời báo đã dự sinh hoạt khi chi bộ điểm chưa ghi nhận (trong thời gian góp ý)' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  claimAttendance(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: ClaimAttendanceDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.step(caller, params.id, claimAttendanceUpdate, { cellId: caller.cellId, ...dto }, language, key);
  }

  @Post(':id/critiques')
  @UseGuards(StepRateLimitGuard)
  @Roles(...rolesFor('submitCritique'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Chi bộ dự sinh hoạt (hoặc đại biểu cấp trên được mời) gửi nhận xét, góp ý' })
  @ApiCreatedResponse({ type: CritiqueResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  submitCritique(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: SubmitCritiqueDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.submitCritique(caller, params.id, dto, key);
  }

  @Post(':id/report')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('fileReport'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Chi bộ điểm gửi báo cáo rút kinh nghiệm: tiếp thu, giải trình từng ý kiến, bài học, việc cần làm' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 413, 429, 503)
  fileReport(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: FileReportDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.step(caller, params.id, fileReportUpdate, dto, language, key);
  }

  @Post(':id/review')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('review'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Đảng ủy thông qua báo cáo rút kinh nghiệm và xếp loại, hoặc đề nghị hoàn thiện báo cáo' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  review(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: ReviewDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.step(caller, params.id, reviewUpdate, dto, language, key);
  }

  @Post(':id/cancel')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('cancel'))
  @ReplaysThroughWorkflow()
  @ApiOperation({ summary: 'Hủy đợt sinh hoạt (nêu lý do); hủy được cả khi quy trình của đợt không phản hồi' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 429, 503)
  cancel(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: CancelCycleDto,
    @RequestLanguage() language: Language,
    @IdempotencyKey() key?: string,
  ) {
    return this.cycles.cancel(caller, params.id, dto.reason, language, key);
  }

  @Post(':id/adoption')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('recordAdoption'))
  @ApiOperation({ summary: 'Chi bộ được mời ghi nhận nội dung sẽ vận dụng, nhân rộng (sau khi kết thúc)' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  recordAdoption(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleIdParams,
    @Body() dto: RecordAdoptionDto,
    @RequestLanguage() language: Language,
  ) {
    return this.followUp.recordAdoption(caller, params.id, dto.text, language);
  }

  @Post(':id/action-items/:itemId/done')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('settleActionItem'))
  @ApiOperation({ summary: 'Đánh dấu hoàn thành một việc trong báo cáo rút kinh nghiệm (sau khi kết thúc hoặc hủy đợt)' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  completeActionItem(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleActionItemParams,
    @Body() dto: CompleteActionItemDto,
    @RequestLanguage() language: Language,
  ) {
    return this.followUp.completeActionItem(caller, params.id, params.itemId, dto.note ?? null, language);
  }

  @Post(':id/action-items/:itemId/drop')
  @UseGuards(StepRateLimitGuard)
  @HttpCode(200)
  @Roles(...rolesFor('settleActionItem'))
  @ApiOperation({ summary: 'Thôi thực hiện một việc trong báo cáo rút kinh nghiệm, nêu lý do (sau khi kết thúc hoặc hủy đợt)' })
  @ApiOkResponse({ type: CycleResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  dropActionItem(
    @CurrentUser() caller: AuthUser,
    @Param() params: CycleActionItemParams,
    @Body() dto: DropActionItemDto,
    @RequestLanguage() language: Language,
  ) {
    return this.followUp.dropActionItem(caller, params.id, params.itemId, dto.reason, language);
  }
}
