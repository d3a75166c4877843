import { type INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, raw } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import type { AppConfig } from '../../libs/config/app-config.js';
import { AppModule } from './app.module.js';
import { rejectDeepBodies } from './common/body-depth.middleware.js';
import { noStore } from './common/no-store.middleware.js';
import { requestLogging } from './common/request-logging.middleware.js';

/**
 * The largest report body: 6,600 answers (LIST_LIMITS.responses) of a point id, a stance and a short text fit
 * in well under this; the workflow bounds the same step at a megabyte of JSON too.
 */
const REPORT_BODY_LIMIT = '1mb';

/** The HTTP app exactly as production runs it; tests boot the same function. */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: config.environment === 'test' ? ['error', 'warn'] : ['error', 'warn', 'log'],
  });
  app.use(requestLogging(config.environment !== 'test'));
  app.use(helmet());
  // Pages and JSON gzipped: a cycle's page is a fifth of its size on a phone's weak connection.
  app.use(compression());
  app.use(noStore);
  // A report answers every point of the cycle in one body: it may be larger than any other request.
  app.use('/api/cycles/:id/report', json({ limit: REPORT_BODY_LIMIT }));
  // Zalo signs the exact bytes of its webhook's body: the parsers after this one leave a parsed body alone.
  app.use('/api/webhooks/zalo', raw({ type: () => true, limit: config.http.bodyLimit }));
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  // The pages post plain forms (web.md: they work with JavaScript off).
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  app.use(rejectDeepBodies);
  // The pages live at the root, the JSON API under /api. An exclusion matches a controller's path whatever its
  // module: no page may take a path an API controller has (cycles/:id would move the API's GET /api/cycles/:id).
  app.setGlobalPrefix('api', {
    exclude: [
      { path: '/', method: RequestMethod.GET },
      { path: 'login', method: RequestMethod.GET },
      { path: 'login', method: RequestMethod.POST },
      { path: 'logout', method: RequestMethod.POST },
      { path: 'ngon-ngu', method: RequestMethod.GET },
      { path: 'notifications', method: RequestMethod.GET },
      { path: 'dot/:id', method: RequestMethod.GET },
      { path: 'dot/:id/xac-nhan', method: RequestMethod.GET },
      { path: 'dot/:id/xac-nhan', method: RequestMethod.POST },
      { path: 'dot/:id/chuong-trinh', method: RequestMethod.GET },
      { path: 'dot/:id/chuong-trinh', method: RequestMethod.POST },
      { path: 'dot/:id/gop-y', method: RequestMethod.GET },
      { path: 'dot/:id/gop-y', method: RequestMethod.POST },
      { path: 'dot/:id/bao-cao', method: RequestMethod.GET },
      { path: 'dot/:id/bao-cao', method: RequestMethod.POST },
      { path: 'dot/:id/buoi-sinh-hoat', method: RequestMethod.GET },
      { path: 'dot/:id/buoi-sinh-hoat', method: RequestMethod.POST },
      { path: 'dot-moi', method: RequestMethod.GET },
      { path: 'dot-moi', method: RequestMethod.POST },
      { path: 'dot/:id/chon-chi-bo-diem', method: RequestMethod.GET },
      { path: 'dot/:id/chon-chi-bo-diem', method: RequestMethod.POST },
      { path: 'dot/:id/danh-gia', method: RequestMethod.GET },
      { path: 'dot/:id/danh-gia', method: RequestMethod.POST },
      { path: 'dot/:id/ap-dung', method: RequestMethod.GET },
      { path: 'dot/:id/ap-dung', method: RequestMethod.POST },
      { path: 'dot/:id/viec-can-lam', method: RequestMethod.GET },
      { path: 'dot/:id/viec-can-lam/:itemId/xong', method: RequestMethod.POST },
      { path: 'dot/:id/viec-can-lam/:itemId/bo', method: RequestMethod.POST },
      { path: 'dot', method: RequestMethod.GET },
      { path: 'dot/:id/doi-lich', method: RequestMethod.GET },
      { path: 'dot/:id/doi-lich', method: RequestMethod.POST },
      { path: 'dot/:id/huy', method: RequestMethod.GET },
      { path: 'dot/:id/huy', method: RequestMethod.POST },
      { path: 'tep/bang-diem.js', method: RequestMethod.GET },
      { path: 'chi-bo', method: RequestMethod.GET },
      { path: 'chi-bo', method: RequestMethod.POST },
      { path: 'chi-bo/:cellId', method: RequestMethod.GET },
      { path: 'chi-bo/:cellId', method: RequestMethod.POST },
      { path: 'chi-bo/:cellId/bi-thu', method: RequestMethod.POST },
      { path: 'chi-bo/:cellId/mat-khau', method: RequestMethod.POST },
      { path: 'chi-bo/:cellId/giai-the', method: RequestMethod.POST },
      { path: 'quan-tri', method: RequestMethod.GET },
      { path: 'quan-tri', method: RequestMethod.POST },
      { path: 'quan-tri/:committeeId', method: RequestMethod.GET },
      { path: 'quan-tri/:committeeId', method: RequestMethod.POST },
      { path: 'quan-tri/:committeeId/can-bo', method: RequestMethod.POST },
      { path: 'quan-tri/:committeeId/tai-khoan/:userId/ngung', method: RequestMethod.POST },
      { path: 'quan-tri/:committeeId/tai-khoan/:userId/mo-lai', method: RequestMethod.POST },
      { path: 'doi-mat-khau', method: RequestMethod.GET },
      { path: 'doi-mat-khau', method: RequestMethod.POST },
      { path: 'dot/:id/van-ban/:file', method: RequestMethod.GET },
      { path: 'chi-bo/:cellId/lien-lac', method: RequestMethod.POST },
      { path: 'lien-lac', method: RequestMethod.GET },
      { path: 'lien-lac', method: RequestMethod.POST },
      { path: 'kenh-gui-tin', method: RequestMethod.GET },
      { path: 'kenh-gui-tin', method: RequestMethod.POST },
      { path: 'dot/:id/gui-tin', method: RequestMethod.GET },
      { path: 'chua-nhan-tin', method: RequestMethod.GET },
      { path: 'tong-quan', method: RequestMethod.GET },
      { path: 'chi-bo/:cellId/tinh-hinh', method: RequestMethod.GET },
      { path: 'bao-cao', method: RequestMethod.GET },
      { path: 'bao-cao/tep.xlsx', method: RequestMethod.GET },
      { path: 'bao-cao/tep.docx', method: RequestMethod.GET },
      { path: 'bao-cao/tep.pdf', method: RequestMethod.GET },
      { path: 'tong-quan-cap-tren', method: RequestMethod.GET },
    ],
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sinh hoạt chi bộ điểm — API')
      .setDescription('Quy trình sinh hoạt chi bộ điểm: chọn chi bộ, mời dự, tổ chức, góp ý, rút kinh nghiệm, đánh giá.')
      .setVersion('1')
      .addServer('/', 'Máy chủ đang phục vụ tài liệu này')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
