import type { EngineApi } from '../../../platform/engine/index.js';
import type { CompleteTaskCommand, EngineCommand, StartProcessCommand } from '../../../store/engine-command-repository.js';

// Running a command is safe to repeat: the engine may have done what it asks while its outcome went unrecorded
// (the web server stopped between the engine's answer and the commit), so each run first finds out.

/** What the engine did: the instance a start started or found, the task's instance for a completion. */
export interface EngineCommandOutcome {
  processInstanceId: string;
}

/** Makes the command's engine call, or finds that an earlier run made it; throws the engine's error otherwise. */
export function runEngineCommand(engine: EngineApi, command: EngineCommand): Promise<EngineCommandOutcome> {
  return command.kind === 'start-process' ? startOnce(engine, command) : completeOnce(engine, command);
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
