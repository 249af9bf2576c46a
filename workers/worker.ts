import type { z } from 'zod';
import type { AttachmentStore } from '../platform/attachment-store.js';
import type { Clock } from '../platform/clock.js';
import type { DeployedFormReader } from '../platform/deployed-form-reader.js';
import type { Pool } from '../platform/database.js';
import type { Logger } from '../platform/logger.js';

/** What a handler may use. It never talks to the engine: the adapter does. */
export interface WorkerDeps {
  clock: Clock;
  db: Pool;
  logger: Logger;
  /** The forms deployed with the task's process version. */
  forms: DeployedFormReader;
  /** Where rendered documents are stored, as attachments. */
  attachments: AttachmentStore;
}

/** Which engine task a handler works on: the id makes its writes idempotent when the engine retries it. */
export interface TaskContext {
  externalTaskId: string;
  processInstanceId: string;
  processDefinitionId: string;
  businessKey: string | null;
  activityId: string;
}

/** One external-task topic: its input and output variables, and a handler that turns one into the other. */
export interface Worker<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  topic: string;
  /** One line for operators and the modeler's element template. */
  description: string;
  input: I;
  output: O;
  handle(input: z.infer<I>, deps: WorkerDeps, task: TaskContext): Promise<z.infer<O>>;
}

/** Declares a worker with its types inferred from the schemas. */
export function defineWorker<I extends z.ZodType, O extends z.ZodType>(worker: Worker<I, O>): Worker<I, O> {
  return worker;
}

/**
 * A business outcome, not a fault: the adapter raises it as a BPMN error with this code, which the model catches.
 * Variables go along with the error.
 */
export class BusinessError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'BusinessError';
  }
}
