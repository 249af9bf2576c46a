import { inject } from 'vitest';
import type { EngineClientConfig } from '../../platform/config.js';
import { createEngineApi } from '../../platform/engine/index.js';
import { createEngineClient } from '../../platform/engine/client.js';
import '../provided-context.js';

/** The service-account configuration of the engine the global setup started. */
export function testEngineConfig(): EngineClientConfig {
  return { ENGINE_URL: inject('engineUrl'), ENGINE_REST_USER: inject('engineUser'), ENGINE_REST_PASSWORD: inject('enginePassword') };
}

/** A REST client and the typed API for the test engine. */
export function testEngine() {
  const client = createEngineClient(testEngineConfig());
  return { client, api: createEngineApi(client) };
}

/** Polls until `probe` returns a value other than undefined, or fails after timeoutMs with `what` in the message. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
