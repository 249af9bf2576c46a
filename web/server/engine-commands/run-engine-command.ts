import { fromEngineDate, type EngineApi } from '../../../platform/engine/index.js';
import type { CompleteTaskCommand, CorrelateMessageCommand, EngineCommand, StartProcessCommand } from '../../../store/engine-command-repository.js';

// Running a command is safe to repeat: the engine may have done what it asks while its outcome went unrecorded
// (the web server stopped between the engine's answer and the commit), so each run first finds out.

/** What the engine did: the instance a start started or found, the task's instance for a completion or a message. */
export interface EngineCommandOutcome {
  processInstanceId: string | null;
}

/** Makes the command's engine call, or finds that an earlier run made it; throws the engine's error otherwise. */
export function runEngineCommand(engine: EngineApi, command: EngineCommand): Promise<EngineCommandOutcome> {
  switch (command.kind) {
    case 'start-process':
      return startOnce(engine, command);
    case 'complete-task':
      return completeOnce(engine, command);
    case 'correlate-message':
      return correlateOnce(engine, command);
  }
}

// helpers

/** Starts the instance unless one of the business key exists, running or ended: one instance per business key. */
async function startOnce(engine: EngineApi, command: StartProcessCommand): Promise<EngineCommandOutcome> {
  const [existing] = await engine.historicProcessInstancesByBusinessKey(command.businessKey, command.processDefinitionKey);
  if (existing) return { processInstanceId: existing.id };
  const instance = await engine.startProcessById(command.processDefinitionId, command.businessKey, command.variables);
  return { processInstanceId: instance.id };
}

/** Completes the task; a refusal counts as done only when the history shows the task completed (not cancelled). */
async function completeOnce(engine: EngineApi, command: CompleteTaskCommand): Promise<EngineCommandOutcome> {
  try {
    await engine.completeTask(command.taskId, command.variables);
  } catch (error) {
    if (!(await taskCompleted(engine, command).catch(() => false))) throw error;
  }
  return { processInstanceId: command.processInstanceId };
}

async function taskCompleted(engine: EngineApi, command: CompleteTaskCommand): Promise<boolean> {
  const steps = await engine.historicActivitySteps(command.processInstanceId);
  return steps.some((step) => step.taskId === command.taskId && step.endTime !== null && !step.canceled);
}

/**
 * Delivers the message; a refusal (no instance of the key waits for it) counts as done when the history shows the
 * catching element reached since the command was queued (an earlier run delivered it), or the instance ended (nothing
 * will wait for it again). Otherwise the instance has not reached the wait yet (a worker's step before it): retried.
 */
async function correlateOnce(engine: EngineApi, command: CorrelateMessageCommand): Promise<EngineCommandOutcome> {
  try {
    await engine.correlateMessage(command.messageName, command.businessKey, command.variables);
  } catch (error) {
    const instance = await deliveredOrEnded(engine, command).catch(() => undefined);
    if (!instance) throw error;
    return { processInstanceId: instance };
  }
  const [instance] = await engine.historicProcessInstancesByBusinessKey(command.businessKey, command.processDefinitionKey).catch(() => []);
  return { processInstanceId: instance?.id ?? null };
}

async function deliveredOrEnded(engine: EngineApi, command: CorrelateMessageCommand): Promise<string | undefined> {
  const instances = await engine.historicProcessInstancesByBusinessKey(command.businessKey, command.processDefinitionKey);
  const instance = instances.at(-1);
  if (!instance) return undefined;
  if (instance.endTime !== null) return instance.id;
  const steps = await engine.historicActivitySteps(instance.id);
  const caught = steps.some((step) => step.activityId === command.catchingActivityId && !step.canceled && fromEngineDate(step.startTime) >= command.createdAt);
  return caught ? instance.id : undefined;
}
