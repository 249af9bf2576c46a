import { z } from 'zod';
import type { EngineClient } from './client.js';

/** The engine itself: its version, which the health check asks with a short timeout. */
export function createVersionApi(engine: EngineClient) {
  return {
    version: () => engine.request('GET', '/version', { schema: z.object({ version: z.string() }), timeoutMs: 3_000 }),
  };
}

export type VersionApi = ReturnType<typeof createVersionApi>;
