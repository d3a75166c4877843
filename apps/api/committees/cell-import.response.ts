import { ApiProperty } from '@nestjs/swagger';
import type { ImportView } from './cell-import.service.js';

export class ImportRowResponse {
  @ApiProperty({ description: 'Số dòng trong bảng tính (dòng tiêu đề là dòng 1)' }) row: number;
  @ApiProperty() cell: string;
  @ApiProperty({ type: Number, nullable: true }) memberCount: number | null;
  @ApiProperty() secretary: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ['CREATE', 'UPDATE', 'UNCHANGED', 'ERROR'] }) outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';
  @ApiProperty({ type: [String], description: 'Những gì dòng này sẽ thay đổi' }) changes: string[];
  @ApiProperty({ type: [String], description: 'Vì sao dòng này chưa nhập được' }) errors: string[];
}

export class ImportSummaryResponse {
  @ApiProperty() rows: number;
  @ApiProperty() cellsCreated: number;
  @ApiProperty() cellsUpdated: number;
  @ApiProperty() secretariesCreated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() errors: number;
}

export class TemporaryPasswordResponse {
  @ApiProperty() row: number;
  @ApiProperty() username: string;
  @ApiProperty({ description: 'Mật khẩu tạm, chỉ trả về một lần; bí thư phải đổi khi đăng nhập' }) password: string;
}

export class ImportResponse implements ImportView {
  @ApiProperty() committed: boolean;
  @ApiProperty({ type: ImportSummaryResponse }) summary: ImportSummaryResponse;
  @ApiProperty({ type: [ImportRowResponse] }) rows: ImportRowResponse[];
  @ApiProperty({ type: [TemporaryPasswordResponse] }) temporaryPasswords: TemporaryPasswordResponse[];
}
