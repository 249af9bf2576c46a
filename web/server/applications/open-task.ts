import type { EngineApi, EngineTask } from '../../../platform/engine/index.js';

/**
 * The open task of a step, waiting briefly for it: a worker records a new status in its own transaction a moment
 * before the engine, on the worker's completion, creates the task that follows. A person who reacts to the status
 * at once must not be told "nothing to do".
 */
export async function openTask(engine: EngineApi, processInstanceId: string | null, taskDefinitionKey: string, waitMs = 5_000): Promise<EngineTask | undefined> {
  if (!processInstanceId) return undefined;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const task = (await engine.tasks({ processInstanceId, taskDefinitionKey }))[0];
    if (task || Date.now() >= deadline) return task;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
