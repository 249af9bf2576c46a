import { ConfigError } from './env.js';
import { createLogger, type Logger } from './logger.js';

/** Stops what an entry point started. */
export type StopFunction = () => Promise<void>;

/**
 * Runs an entry point: start it, and on SIGINT/SIGTERM call the stop function it returned (after start-up finished,
 * so nothing half-started is left behind), then exit. A configuration error prints one line and exits 1.
 */
export function runMain(name: string, start: (logger: Logger) => Promise<StopFunction>): void {
  const logger = createLogger(name);
  const started = start(logger);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      const stop = await started.catch(() => undefined);
      await stop?.();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  // `on`, not `once`: Ctrl-C reaches the whole process group, and a wrapper (npm, sh) may relay it again, so a second
  // SIGINT arrives while stopping; with the default action it would kill this process and orphan the engine and the
  // database.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  started.catch((error: unknown) => {
    // One readable line for the person at the terminal; the stack goes to the structured log.
    console.error(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof ConfigError)) logger.debug({ err: error }, 'start-up failed');
    process.exit(1);
  });
}
