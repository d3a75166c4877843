import 'reflect-metadata';
import { loadConfig } from '../../libs/config/app-config.js';
import { closeOnSignals } from '../../libs/config/graceful-shutdown.js';
import { runMain } from '../../libs/config/run-main.js';
import { createApiApp } from './create-api-app.js';

runMain(async () => {
  const config = loadConfig();
  const app = await createApiApp(config);
  closeOnSignals(app);
  await app.listen(config.http.port);
});
