import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PageQuery } from '../common/page.query.js';
import { CommitteeIdParams } from './committee-id.params.js';
import { CommitteesService } from './committees.service.js';
import { CellImportQuery } from './cell-import.query.js';
import { ImportResponse } from './cell-import.response.js';
import { CellImportService } from './cell-import.service.js';
import { CreateCellDto } from './create-cell.dto.js';
import { CreateCommitteeDto, MergeCommitteesDto } from './create-committee.dto.js';
import { ApiRefusals } from '../common/error.response.js';
import { CellListItemResponse, CellResponse, CommitteeResponse, DeactivatedCellResponse, MergedCommitteeResponse } from './committee.response.js';
import { ChangeCellDto, DeactivateCellDto, MoveCellDto } from './change-cell.dto.js';
import { CommitteeCellParams } from '../users/user-id.params.js';
import { OFFICE_ROLES } from '../../../libs/domain/cycle-policy.js';
import { PlaceCommitteeDto } from '../areas/create-area.dto.js';
import { CommitteeChannelsDto } from './committee-channels.dto.js';
import { CommitteeChannelsResponse } from './committee-channels.response.js';
import { CommitteeChannelsService } from './committee-channels.service.js';

/** A commune's list of 100+ cells is a few tens of kilobytes; a megabyte leaves room for a formatted workbook. */
const IMPORT_FILE_LIMIT = 1024 * 1024;

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committees')
export class CommitteesController {
  constructor(
    @Inject(CommitteesService) private readonly committees: CommitteesService,
    @Inject(CellImportService) private readonly cellImport: CellImportService,
    @Inject(CommitteeChannelsService) private readonly channels: CommitteeChannelsService,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Tạo Đảng ủy xã/phường (quản trị)' })
  @ApiCreatedResponse({ type: CommitteeResponse })
  @ApiRefusals(400, 401, 403)
  create(@Body() dto: CreateCommitteeDto) {
    return this.committees.create(dto);
  }

  @Get()
  @Roles('admin', 'committee', 'secretary')
  @ApiOperation({ summary: 'Danh sách Đảng ủy mà người dùng được xem' })
  @ApiOkResponse({ type: [CommitteeResponse] })
  @ApiRefusals(400, 401, 403)
  list(@CurrentUser() caller: AuthUser, @Query() page: PageQuery) {
    return this.committees.list(caller, page);
  }

  @Post(':committeeId/cells')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Thêm chi bộ vào Đảng bộ' })
  @ApiCreatedResponse({ type: CellResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  createCell(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Body() dto: CreateCellDto) {
    return this.committees.createCell(caller, params.committeeId, dto);
  }

  @Get(':committeeId/cells')
  @Roles('admin', 'committee', 'secretary')
  @ApiOperation({ summary: 'Danh sách chi bộ, lần tổ chức sinh hoạt điểm gần nhất và xếp loại' })
  @ApiOkResponse({ type: [CellListItemResponse] })
  @ApiRefusals(400, 401, 403, 404)
  listCells(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Query() page: PageQuery) {
    return this.committees.listCells(caller, params.committeeId, page);
  }

  @Patch(':committeeId/cells/:cellId')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Đổi tên chi bộ, số đảng viên' })
  @ApiOkResponse({ type: CellResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  changeCell(@CurrentUser() caller: AuthUser, @Param() params: CommitteeCellParams, @Body() dto: ChangeCellDto) {
    return this.committees.changeCell(caller, params.committeeId, params.cellId, dto);
  }

  @Post(':committeeId/cells/:cellId/deactivate')
  @HttpCode(200)
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Giải thể chi bộ hoặc sáp nhập vào chi bộ khác; trả về các đợt sinh hoạt chưa kết thúc mà chi bộ tham gia' })
  @ApiOkResponse({ type: DeactivatedCellResponse })
  @ApiRefusals(400, 401, 403, 404)
  deactivateCell(@CurrentUser() caller: AuthUser, @Param() params: CommitteeCellParams, @Body() dto: DeactivateCellDto) {
    return this.committees.deactivateCell(caller, params.committeeId, params.cellId, dto);
  }

  @Post(':committeeId/cells/:cellId/move')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Chuyển chi bộ (cùng bí thư) sang Đảng ủy khác (quản trị)' })
  @ApiOkResponse({ type: CellResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  moveCell(@CurrentUser() caller: AuthUser, @Param() params: CommitteeCellParams, @Body() dto: MoveCellDto) {
    return this.committees.moveCell(caller, params.committeeId, params.cellId, dto.committeeId);
  }

  @Patch(':committeeId')
  @Roles('admin')
  @ApiOperation({ summary: 'Đổi tên Đảng ủy (quản trị)' })
  @ApiOkResponse({ type: CommitteeResponse })
  @ApiRefusals(400, 401, 403, 404)
  rename(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Body() dto: CreateCommitteeDto) {
    return this.committees.rename(caller, params.committeeId, dto.name);
  }

  @Put(':committeeId/area')
  @Roles('admin')
  @ApiOperation({ summary: 'Đặt Đảng bộ xã trực thuộc một huyện (hoặc thẳng một tỉnh): cấp trên đó xem được số liệu của xã (quản trị)' })
  @ApiOkResponse({ type: CommitteeResponse })
  @ApiRefusals(400, 401, 403, 404)
  place(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Body() dto: PlaceCommitteeDto) {
    return this.committees.place(caller, params.committeeId, dto.areaId);
  }

  @Post('merge')
  @Roles('admin')
  @ApiOperation({ summary: 'Hợp nhất các Đảng ủy thành một Đảng ủy mới: chi bộ, cán bộ, đợt sinh hoạt và phiếu chấm điểm chuyển sang (quản trị)' })
  @ApiCreatedResponse({ type: MergedCommitteeResponse })
  @ApiRefusals(400, 401, 403, 404)
  merge(@CurrentUser() caller: AuthUser, @Body() dto: MergeCommitteesDto) {
    return this.committees.merge(caller, dto);
  }

  @Post(':committeeId/cells/import')
  @HttpCode(200)
  @Roles(...OFFICE_ROLES)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_FILE_LIMIT, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'Bảng tính .xlsx hoặc tệp .csv' } } } })
  @ApiOperation({ summary: 'Nhập danh sách chi bộ và bí thư từ bảng tính (xem trước từng dòng, rồi ghi một lần)' })
  @ApiOkResponse({ type: ImportResponse })
  @ApiRefusals(400, 401, 403, 404, 409, 413)
  importCells(
    @CurrentUser() caller: AuthUser,
    @Param() params: CommitteeIdParams,
    @Query() query: CellImportQuery,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ) {
    return this.cellImport.import(caller, params.committeeId, file?.buffer, query.commit === 'true');
  }

  @Get(':committeeId/channels')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Các kênh Đảng ủy dùng để gửi thông báo ngoài ứng dụng, và các kênh đã được cấu hình trên máy chủ' })
  @ApiOkResponse({ type: CommitteeChannelsResponse })
  @ApiRefusals(400, 401, 403, 404)
  channelsOf(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams) {
    return this.channels.of(caller, params.committeeId);
  }

  @Put(':committeeId/channels')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Chọn các kênh Đảng ủy dùng để gửi thông báo ngoài ứng dụng (thư điện tử, Zalo ZNS, tin nhắn SMS)' })
  @ApiOkResponse({ type: CommitteeChannelsResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  setChannels(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Body() dto: CommitteeChannelsDto) {
    return this.channels.set(caller, params.committeeId, dto.channels);
  }
}
