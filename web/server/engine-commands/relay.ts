import type { Logger } from '../../../platform/logger.js';
import { deliverNextDueEngineCommand, type EngineCommandDeps } from './deliver.js';

// The relay delivers what no request delivered: commands left pending by a crash, a failed COMMIT of their outcome,
// or an engine that was down. Every web replica runs one; a command is claimed with SKIP LOCKED, so replicas share
// the work and never run one command twice at once. A command that keeps failing stays pending with its attempts
// and the engine's last message (see store/engine-command-repository.ts, failingEngineCommands).

/** How often the relay looks for due commands. */
export const RELAY_INTERVAL_MS = 15_000;

/** Delivers due commands until none is left (a failed one waits for its back-off), at most `maxCommands`. */
export async function relayEngineCommands(deps: EngineCommandDeps & { logger?: Logger }, maxCommands = 100): Promise<{ done: number; failed: number }> {
  const counts = { done: 0, failed: 0 };
  for (let i = 0; i < maxCommands; i++) {
    const delivered = await deliverNextDueEngineCommand(deps);
    if (!delivered) break;
    if (delivered.delivery === 'done') {
      counts.done++;
    } else {
      counts.failed++;
      const { command } = delivered;
      deps.logger?.warn({ engineCommandId: command.id, kind: command.kind, attempts: command.attempts + 1, error: delivered.error }, 'engine command failed; retried later');
    }
  }
  return counts;
}

export interface EngineCommandRelay {
  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void>;
}

/** Runs a relay pass at once (what a restart finds pending), then every `intervalMs`. */
export function startEngineCommandRelay(deps: EngineCommandDeps & { logger: Logger }, intervalMs = RELAY_INTERVAL_MS): EngineCommandRelay {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const pass = () => {
    running = relayEngineCommands(deps)
      .then((counts) => {
        if (counts.done || counts.failed) deps.logger.info(counts, 'engine commands relayed');
      })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'engine command relay pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(pass, intervalMs);
      });
  };
  pass();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
