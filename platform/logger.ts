import { pino, type Logger } from 'pino';
import { loadLogLevel } from './config.js';

export type { Logger };

/** A structured JSON logger named after the part of the system that writes it. */
export function createLogger(name: string, level = loadLogLevel()): Logger {
  return pino({ name, level });
}
