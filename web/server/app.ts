import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AttachmentStore } from '../../platform/attachment-store.js';
import type { Clock } from '../../platform/clock.js';
import type { Pool } from '../../platform/database.js';
import type { EngineApi } from '../../platform/engine/index.js';
import type { Logger } from '../../platform/logger.js';
import { deployedFormReader } from '../../platform/deployed-form-reader.js';
import { deployedForms } from './applications/deployed-forms.js';
import { authentication } from './plugins/authentication.js';
import { browserBundle } from './plugins/browser-bundle.js';
import { errorHandler } from './plugins/error-handler.js';
import { openApi } from './plugins/openapi.js';
import { storableText } from './plugins/storable-text.js';
import { applicationRoutes } from './routes/applications.js';
import { attachmentRoutes } from './routes/attachments.js';
import { auditRoutes } from './routes/audit.js';
import { batchRoutes } from './routes/batches.js';
import { callRoutes } from './routes/calls.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { healthRoutes } from './routes/health.js';
import { callDirectionRoutes } from './routes/call-directions.js';
import { indicatorRoutes } from './routes/indicators.js';
import { noticeTextRoutes } from './routes/notice-texts.js';
import { messageRoutes } from './routes/messages.js';
import { letterRoutes } from './routes/letters.js';
import { recommendationRoutes } from './routes/recommendations.js';
import { taskFilterRoutes } from './routes/task-filters.js';
import { taskRoutes } from './routes/tasks.js';
import { unitCalendarRoutes } from './routes/unit-calendar.js';
import { sessionRoutes } from './routes/session.js';
import { studioRoutes } from './routes/studio.js';
import { workingDayRoutes } from './routes/working-days.js';
import { unitGroupRoutes } from './routes/unit-groups.js';
import { accountRoutes } from './routes/accounts.js';
import { registrationRoutes } from './routes/registrations.js';
import { passwordResetRoutes } from './routes/password-reset.js';
import { projectChangeRoutes } from './routes/project-changes.js';
import { projectRoutes } from './routes/projects.js';
import { libraryRoutes } from './routes/library.js';
import { provinceBatchRoutes } from './routes/province-batches.js';
import { expertRoutes } from './routes/experts.js';
import { reviewSessionRoutes } from './routes/review-sessions.js';

export interface AppDeps {
  engine: EngineApi;
  db: Pool;
  logger: Logger;
  clock: Clock;
  security: {
    cookieSecure: boolean; sessionHours: number; signInAttemptsPerMinute: number;
    /** Registration, confirmation and reset requests per client address and minute. */
    accountRequestsPerMinute: number;
    /** Where mailed links point (no trailing slash). */
    publicUrl: string;
  };
  attachments: { store: AttachmentStore; maxBytes: number };
  /** The built browser bundle; omitted in API tests. */
  browserDir?: string;
}

/** Builds the web application (no listening): external plugins, then app plugins, then routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.logger, bodyLimit: 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(multipart, { limits: { fileSize: deps.attachments.maxBytes, files: 1, fields: 5, fieldSize: 1024 } });
  await app.register(openApi);
  await app.register(errorHandler);
  await app.register(authentication, { db: deps.db, clock: deps.clock });
  await app.register(storableText);

  await app.register(healthRoutes, { engine: deps.engine, db: deps.db });
  await app.register(sessionRoutes, { db: deps.db, clock: deps.clock, ...deps.security });
  await app.register(applicationRoutes, { db: deps.db, engine: deps.engine, forms: deployedForms(deps.engine, deployedFormReader(deps.engine), deps.db), clock: deps.clock });
  await app.register(taskRoutes, { db: deps.db, engine: deps.engine, clock: deps.clock });
  await app.register(taskFilterRoutes, { db: deps.db, clock: deps.clock });
  await app.register(unitCalendarRoutes, { db: deps.db });
  await app.register(messageRoutes, { db: deps.db });
  await app.register(letterRoutes, { db: deps.db });
  await app.register(recommendationRoutes, { db: deps.db, engine: deps.engine, clock: deps.clock });
  await app.register(indicatorRoutes, { db: deps.db });
  await app.register(callDirectionRoutes, { db: deps.db });
  await app.register(noticeTextRoutes, { db: deps.db });
  await app.register(batchRoutes, { db: deps.db, engine: deps.engine, clock: deps.clock });
  await app.register(dashboardRoutes, { db: deps.db, engine: deps.engine, clock: deps.clock });
  await app.register(callRoutes, { db: deps.db, clock: deps.clock, store: deps.attachments.store, maxBytes: deps.attachments.maxBytes });
  await app.register(attachmentRoutes, { db: deps.db, store: deps.attachments.store, maxBytes: deps.attachments.maxBytes });
  await app.register(studioRoutes, { db: deps.db, engine: deps.engine });
  await app.register(workingDayRoutes, { db: deps.db });
  await app.register(unitGroupRoutes, { db: deps.db });
  await app.register(auditRoutes, { db: deps.db, clock: deps.clock });
  await app.register(accountRoutes, { db: deps.db });
  await app.register(registrationRoutes, { db: deps.db, clock: deps.clock, store: deps.attachments.store, maxBytes: deps.attachments.maxBytes, ...deps.security });
  await app.register(passwordResetRoutes, { db: deps.db, clock: deps.clock, ...deps.security });
  await app.register(projectChangeRoutes, { db: deps.db, engine: deps.engine, clock: deps.clock });
  await app.register(projectRoutes, { db: deps.db, engine: deps.engine, forms: deployedForms(deps.engine, deployedFormReader(deps.engine), deps.db), clock: deps.clock });
  await app.register(libraryRoutes, { db: deps.db, clock: deps.clock });
  await app.register(provinceBatchRoutes, { db: deps.db, engine: deps.engine, clock: deps.clock });
  await app.register(expertRoutes, { db: deps.db, clock: deps.clock });
  await app.register(reviewSessionRoutes, { db: deps.db, engine: deps.engine, clock: deps.clock });
  if (deps.browserDir) await app.register(browserBundle, { dir: deps.browserDir });

  return app as unknown as FastifyInstance;
}
