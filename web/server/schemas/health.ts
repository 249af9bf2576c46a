import { z } from 'zod';

// Liveness and readiness (routes/health.ts).

export const liveness = z.object({ status: z.literal('ok') });
export const readiness = z.object({
  status: z.enum(['ready', 'not-ready']),
  engine: z.object({ ok: z.boolean(), version: z.string().optional(), error: z.string().optional() }),
  database: z.object({ ok: z.boolean() }),
});

export type Readiness = z.infer<typeof readiness>;
