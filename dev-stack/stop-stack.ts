import type { StopFunction } from '../platform/run-main.js';

/** Remembers how to stop each started part and stops them in reverse order, continuing past errors. */
export function stopStack() {
  const stops: { name: string; stop: StopFunction }[] = [];
  return {
    push(name: string, stop: StopFunction) {
      stops.push({ name, stop });
    },
    async stopAll(onError: (name: string, error: unknown) => void = () => undefined, onStopped?: (name: string, ms: number) => void): Promise<void> {
      for (const { name, stop } of stops.splice(0).reverse()) {
        const started = Date.now();
        try {
          await stop();
          onStopped?.(name, Date.now() - started);
        } catch (error) {
          onError(name, error);
        }
      }
    },
  };
}
