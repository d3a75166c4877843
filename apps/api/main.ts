import 'reflect-metadata';
import { loadConfig } from '../../libs/config/app-config.js';
import { runMain } from '../../libs/config/run-main.js';
import { createApiApp } from './create-api-app.js';

runMain(async () => {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.http.port);
});
