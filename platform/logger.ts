import { pino, type DestinationStream, type Logger } from 'pino';
import { loadLogLevel } from './config.js';
import { REDACTED, redactPaths, safeErrorSerializer } from './log-redaction.js';

export type { Logger };

/**
 * A structured JSON logger named after the part of the system that writes it; secrets are redacted and errors
 * serialised without the requests they came from (platform/log-redaction.ts). `destination` defaults to stdout.
 */
export function createLogger(name: string, level = loadLogLevel(), destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: redactPaths, censor: REDACTED }, serializers: { err: safeErrorSerializer } };
  return destination ? pino(options, destination) : pino(options);
}
