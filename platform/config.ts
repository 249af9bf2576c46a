import path from 'node:path';
import { z } from 'zod';
import { flag, parseEnv, port, positiveInt } from './env.js';

/** The project's root folder, where processes/, forms/ and migrations/ live. */
export const projectRoot = path.resolve(import.meta.dirname, '..');

const secret = z.string().min(12, 'must be at least 12 characters');

// The folder for local data; attachments default to a folder inside it, so a second DATA_DIR never shares the
// first one's files.
const dataDir = z.string().default(path.join(projectRoot, '.data'));
// Unset means `<DATA_DIR>/attachments`, filled in by the loaders below (a zod default cannot read another variable).
const attachmentDir = z.string().optional();

/** Where uploaded and rendered files live: ATTACHMENT_DIR, or `attachments` inside DATA_DIR. */
function withAttachmentDir<T extends { ATTACHMENT_DIR?: string | undefined }>(parsed: T, env: NodeJS.ProcessEnv): T & { ATTACHMENT_DIR: string } {
  return { ...parsed, ATTACHMENT_DIR: parsed.ATTACHMENT_DIR ?? path.join(parseEnv(z.object({ DATA_DIR: dataDir }), env).DATA_DIR, 'attachments') };
}

const engineClientSchema = z.object({
  ENGINE_URL: z.url().default('http://127.0.0.1:8080/engine-rest'),
  ENGINE_REST_USER: z.string().regex(/^[A-Za-z0-9]{3,64}$/, 'letters and digits only (3–64), as the engine requires for user ids').default('iiotservice'),
  ENGINE_REST_PASSWORD: secret,
});
export type EngineClientConfig = z.infer<typeof engineClientSchema>;

/** Where and how to reach the engine's REST API. */
export function loadEngineClientConfig(env: NodeJS.ProcessEnv = process.env): EngineClientConfig {
  const parsed = parseEnv(engineClientSchema, env);
  return { ...parsed, ENGINE_URL: parsed.ENGINE_URL.replace(/\/+$/, '') };
}

const databaseSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL'),
  DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
});
export type DatabaseConfig = z.infer<typeof databaseSchema>;

/** The application's database. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return parseEnv(databaseSchema, env);
}

const workerSchema = z.object({
  WORKER_MAX_TASKS: positiveInt.max(100).default(10),
  WORKER_LOCK_MS: positiveInt.default(60_000),
  WORKER_LONG_POLL_MS: positiveInt.max(1_800_000).default(20_000),
  WORKER_RETRIES: positiveInt.max(20).default(3),
  WORKER_RETRY_BASE_MS: positiveInt.default(10_000),
  WORKER_ID_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]+$/).default('iiot-worker'),
  // Shared with the web server: rendered documents are attachments it serves.
  ATTACHMENT_DIR: attachmentDir,
});
export type WorkerConfig = z.infer<typeof workerSchema> & { ATTACHMENT_DIR: string };

/** How workers fetch, lock and retry external tasks, and where they keep the files they render. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return withAttachmentDir(parseEnv(workerSchema, env), env);
}

const webSchema = z.object({
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: port.default(3000),
  PROCESSES_DIR: z.string().default(path.join(projectRoot, 'processes')),
  FORMS_DIR: z.string().default(path.join(projectRoot, 'forms')),
  DEPLOY_MODELS: flag.default(true),
  ENGINE_WAIT_SECONDS: positiveInt.max(3600).default(180),
  // Browsers keep Secure cookies on http://localhost and 127.0.0.1 too; turn off only behind plain-HTTP hosts.
  COOKIE_SECURE: flag.default(true),
  SESSION_HOURS: positiveInt.max(24 * 30).default(8),
  SIGN_IN_ATTEMPTS_PER_MINUTE: positiveInt.max(1000).default(10),
  // Registration, e-mail confirmation and password-reset requests, per client address and minute.
  ACCOUNT_REQUESTS_PER_MINUTE: positiveInt.max(1000).default(5),
  // The address people open the system at, for links in mail (confirmation, password reset); never taken from a
  // request's Host header, which a caller chooses. Defaults to http://WEB_HOST:WEB_PORT.
  PUBLIC_URL: z.string().url().regex(/^https?:\/\//, 'must be an http:// or https:// URL').optional(),
  ATTACHMENT_DIR: attachmentDir,
  ATTACHMENT_MAX_MB: positiveInt.max(200).default(20),
});
export type WebConfig = z.infer<typeof webSchema> & { ATTACHMENT_DIR: string };

/** The web server: where it listens, which models it deploys at start, and where it keeps files. */
export function loadWebConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  return withAttachmentDir(parseEnv(webSchema, env), env);
}

const logSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The log level shared by every part. */
export function loadLogLevel(env: NodeJS.ProcessEnv = process.env): z.infer<typeof logSchema>['LOG_LEVEL'] {
  return parseEnv(logSchema, env).LOG_LEVEL;
}

const localStackSchema = z.object({
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: port.default(54329).refine((p) => p !== 5432, 'must not be 5432, where a system PostgreSQL usually listens'),
  ENGINE_PORT: port.default(8080),
  ENGINE_ADMIN_USER: z.string().regex(/^[A-Za-z0-9]{3,64}$/, 'letters and digits only (3–64)').default('admin'),
  ENGINE_JAVA_OPTS: z.string().default('-Xmx1g'),
});
export type LocalStackConfig = z.infer<typeof localStackSchema>;

/** What `npm start` needs beyond the parts: where local data lives and which ports the embedded parts take. */
export function loadLocalStackConfig(env: NodeJS.ProcessEnv = process.env): LocalStackConfig {
  return parseEnv(localStackSchema, env);
}

const mailSchema = z.object({
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('河北省工业互联网重点项目平台 <noreply@gxt.hebei.local>'),
});
export type MailConfig = z.infer<typeof mailSchema>;

/** Outgoing mail: the SMTP server (npm start runs a local catcher when unset) and the sender address. */
export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  return parseEnv(mailSchema, env);
}
