// Entry point of the web server process (docker-compose runs it; `npm start` starts it in-process instead).
import { runMain } from '../../platform/run-main.js';
import { startWebServer } from './server.js';

runMain('web', async (logger) => {
  const server = await startWebServer(logger);
  logger.info({ url: server.url }, 'web server listening');
  return server.stop;
});
