// Entry point of the mail sender process (docker-compose runs it as its own service).
import { loadDatabaseConfig, loadMailConfig } from '../../platform/config.js';
import { createPool } from '../../platform/database.js';
import { ConfigError } from '../../platform/env.js';
import { runMain } from '../../platform/run-main.js';
import { startOutboxSender } from './outbox-sender.js';

runMain('outbox-sender', async (logger) => {
  const mail = loadMailConfig();
  if (!mail.SMTP_URL) throw new ConfigError('Environment variable SMTP_URL is invalid: the mail sender needs it (it is not set)');
  const database = loadDatabaseConfig();
  const db = createPool(database.DATABASE_URL, 2);
  const sender = startOutboxSender({ db, smtpUrl: mail.SMTP_URL, from: mail.MAIL_FROM, logger });
  logger.info('outbox sender started');
  return async () => {
    await sender.stop();
    await db.end();
  };
});
