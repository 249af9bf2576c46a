import { z } from 'zod';
import type { EngineClient } from './client.js';
import { asText, TEXT_ANSWER } from './wire-format.js';

// Jobs (timers, asynchronous continuations): what an operator reads and retries behind a failed job's incident.

const job = z.object({ id: z.string(), exceptionMessage: z.string().nullable(), retries: z.number(), dueDate: z.string().nullable(), processInstanceId: z.string().nullable() });

/** Jobs: read one and its last stack trace, set its retries. */
export function createJobsApi(engine: EngineClient) {
  return {
    job: (id: string) => engine.request('GET', `/job/${encodeURIComponent(id)}`, { schema: job }),

    /** The stack trace of a failed job's last exception; null if none. */
    jobStacktrace: (id: string) => engine.request('GET', `/job/${encodeURIComponent(id)}/stacktrace`, { accept: TEXT_ANSWER, schema: z.unknown() }).then(asText),

    /** Sets a failed job's retries; above zero it resolves the incident and the job executor runs it again. */
    setJobRetries: (id: string, retries: number) =>
      engine.request('PUT', `/job/${encodeURIComponent(id)}/retries`, { json: { retries }, schema: z.unknown() }),
  };
}

export type JobsApi = ReturnType<typeof createJobsApi>;
