// `npm start`: the whole system on one machine — embedded PostgreSQL (unless DATABASE_URL is set), the engine,
// migrations and model deployment, the workers and the web server. Ctrl-C stops everything it started.
import path from 'node:path';
import { buildBrowserBundle } from '../dev-stack/browser-bundle-build.js';
import { systemClock } from '../platform/clock.js';
import { loadEngineClientConfig, loadLocalStackConfig, loadMailConfig, loadWebConfig, loadWorkerConfig } from '../platform/config.js';
import { createPool } from '../platform/database.js';
import { loadOrCreateLocalSecrets } from '../dev-stack/local-secrets.js';
import { assertPortFree } from '../platform/ports.js';
import { startLocalStack } from '../dev-stack/local-stack.js';
import { runMain } from '../platform/run-main.js';
import { startSmtpSink } from '../dev-stack/smtp-sink.js';
import { startOutboxSender } from '../workers/outbox/outbox-sender.js';
import { stopStack } from '../dev-stack/stop-stack.js';
import { seedDemoAccounts } from '../web/server/identity/demo-accounts.js';
import { keepDemoCallOpen } from '../store/demo-call.js';
import { seedDemoApplicationsLine } from './demo/demo-seed-line.js';
import { BROWSER_DIR, startWebServer } from '../web/server/server.js';
import { allWorkers } from '../workers/index.js';
import { createWorkerDeps } from '../workers/deps.js';
import { startWorkerRuntime } from '../workers/runtime.js';

runMain('start', async (logger) => {
  const startedAt = Date.now();
  const local = loadLocalStackConfig();
  const secrets = await loadOrCreateLocalSecrets(local.DATA_DIR);
  const say = (line: string) => console.log(line);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ENGINE_REST_USER: process.env.ENGINE_REST_USER || 'iiotservice',
    ENGINE_REST_PASSWORD: process.env.ENGINE_REST_PASSWORD || secrets.engineRestPassword,
    ENGINE_ADMIN_PASSWORD: process.env.ENGINE_ADMIN_PASSWORD || secrets.engineAdminPassword,
  };
  // Check every setting and port before starting anything, so a mistake costs seconds, not an engine boot.
  const webConfig = loadWebConfig(env);
  loadEngineClientConfig(env);
  loadWorkerConfig(env);
  loadMailConfig(env);
  await assertPortFree(webConfig.WEB_PORT, 'WEB_PORT', webConfig.WEB_HOST);
  const stack = stopStack();
  try {
    const localStack = await startLocalStack({
      databaseUrl: process.env.DATABASE_URL || undefined,
      embeddedPostgres: { dataDir: path.join(local.DATA_DIR, 'postgres'), port: local.EMBEDDED_PG_PORT, password: secrets.databasePassword },
      engine: {
        port: local.ENGINE_PORT,
        restUser: env.ENGINE_REST_USER!,
        restPassword: env.ENGINE_REST_PASSWORD!,
        adminUser: local.ENGINE_ADMIN_USER,
        adminPassword: env.ENGINE_ADMIN_PASSWORD!,
        javaOptions: local.ENGINE_JAVA_OPTS,
      },
      logDir: path.join(local.DATA_DIR, 'logs'),
      log: say,
      env,
    });
    stack.push('database and engine', localStack.stop);
    env.DATABASE_URL = localStack.databaseUrl;
    env.ENGINE_URL = localStack.engineUrl;

    // A second or so: always build, so the bundle never lags behind the sources.
    say('Building the browser bundle …');
    await buildBrowserBundle(BROWSER_DIR);
    const web = await startWebServer(logger.child({ part: 'web' }), env);
    stack.push('web', web.stop);

    const db = createPool(localStack.databaseUrl);
    stack.push('database pool', () => db.end());
    const seedDemo = !process.env.DATABASE_URL || process.env.SEED_DEMO_ACCOUNTS === 'true';
    const demoAccounts = seedDemo ? await seedDemoAccounts(db, secrets.demoPassword) : [];
    if (seedDemo) await keepDemoCallOpen(db, systemClock.now());
    const mail = loadMailConfig(env);
    let smtpUrl = mail.SMTP_URL;
    if (!smtpUrl) {
      // No mail server configured: catch outgoing mail locally, as .eml files under DATA_DIR/mail.
      const sink = await startSmtpSink({ saveDir: path.join(local.DATA_DIR, 'mail') });
      stack.push('local mail catcher', sink.stop);
      smtpUrl = sink.url;
    }
    const sender = startOutboxSender({ db, smtpUrl, from: mail.MAIL_FROM, logger: logger.child({ part: 'mail' }) });
    stack.push('mail sender', sender.stop);

    const workerConfig = loadWorkerConfig(env);
    const engineConfig = loadEngineClientConfig(env);
    const workers = startWorkerRuntime({
      engine: engineConfig,
      config: workerConfig,
      workers: allWorkers,
      deps: createWorkerDeps({ db, engine: engineConfig, attachmentDir: workerConfig.ATTACHMENT_DIR, logger: logger.child({ part: 'workers' }), clock: systemClock }),
    });
    stack.push('workers', workers.stop);
    // Through the running web server and workers, as the demo accounts: the real path, never SQL.
    if (seedDemo) say(await seedDemoApplicationsLine(web.url, secrets.demoPassword, logger.child({ part: 'demo' })));

    const engineHome = localStack.engineUrl.replace(/\/engine-rest$/, '');
    say([
      '',
      `Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s${localStack.engineBuilt ? ' (including the first engine build)' : ''}.`,
      `  Web application     ${web.url}/`,
      `  API documentation   ${web.url}/docs`,
      `  Readiness           ${web.url}/ready`,
      `  Camunda Cockpit     ${engineHome}/camunda/app/cockpit/  (loopback only; user ${local.ENGINE_ADMIN_USER}, password ${env.ENGINE_ADMIN_PASSWORD})`,
      `  Data and logs       ${local.DATA_DIR}`,
      `  Outgoing mail       ${mail.SMTP_URL ? mail.SMTP_URL.replace(/\/\/[^@]*@/, '//…@') : `caught locally in ${path.join(local.DATA_DIR, 'mail')}`}`,
      ...(demoAccounts.length
        ? [`Demo accounts (password ${secrets.demoPassword}):`, ...demoAccounts.map((a) => `  ${a.username.padEnd(16)} ${a.role.padEnd(17)} ${a.displayName}`)]
        : []),
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'));
    return () =>
      stack
        .stopAll((name, error) => logger.error({ err: error }, `could not stop ${name}`), (name, ms) => say(`Stopped ${name} (${ms} ms).`))
        .then(() => say('Stopped.'));
  } catch (error) {
    await stack.stopAll();
    throw error;
  }
});
