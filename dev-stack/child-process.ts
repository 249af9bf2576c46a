import type { ChildProcess } from 'node:child_process';

/** Sends `signal`, waits for the child to exit, and kills it outright after `forceAfterMs` so nothing is left behind. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals, forceAfterMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), forceAfterMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
