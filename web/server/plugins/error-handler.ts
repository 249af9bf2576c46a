import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { EngineError, EngineUnavailableError } from '../../../platform/engine/index.js';
import { AppError, errorCodes, type ErrorCode, type FieldError } from '../errors.js';

/** The answer body of every error. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

/** The one error handler: 4xx answers say what was wrong; 5xx answers are generic and the cause is logged. */
export const errorHandler = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = toAnswer(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(catalogued('NOT_FOUND').body));
});

function toAnswer(error: FastifyError): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { code: error.code, message: error.message, ...(error.fields.length ? { fields: error.fields } : {}) } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => ({
      path: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
      message: issue.message ?? '格式不正确',
    }));
    return { status: 400, body: { code: 'VALIDATION_FAILED', message: errorCodes.VALIDATION_FAILED.message, fields } };
  }
  if (error instanceof EngineUnavailableError) return catalogued('ENGINE_UNAVAILABLE');
  if (error instanceof EngineError && error.status === 404) return catalogued('NOT_FOUND');
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    // fastify's own 4xx (malformed JSON, body too large, wrong content type): its message is safe to show.
    return { status: error.statusCode, body: { code: 'VALIDATION_FAILED', message: error.message } };
  }
  return catalogued('INTERNAL');
}

function catalogued(code: ErrorCode): { status: number; body: ErrorBody } {
  return { status: errorCodes[code].status, body: { code, message: errorCodes[code].message } };
}
