import { withTransaction, type Pool, type PoolClient } from '../../../platform/database.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { setProcessInstance } from '../../../store/application-repository.js';
import { setBatchProcessInstance } from '../../../store/batch-repository.js';
import { setPanelSeatProcessInstance } from '../../../store/panel-seat-repository.js';
import { setProjectProcessInstance } from '../../../store/project-repository.js';
import { setReviewSessionProcessInstance } from '../../../store/review-session-repository.js';
import {
  claimEngineCommand, claimNextDueEngineCommand, markEngineCommandDone, markEngineCommandFailed, type EngineCommand,
} from '../../../store/engine-command-repository.js';
import { runEngineCommand, type EngineCommandOutcome } from './run-engine-command.js';

// A delivery claims one pending command, makes its engine call and records the outcome in one transaction: the row
// lock keeps a second runner (another replica's relay, the request that queued it) away meanwhile, and a crash
// before the commit leaves the command pending, so the relay replays it.

export interface EngineCommandDeps {
  db: Pool;
  engine: EngineApi;
  /** Runs after the engine call, before its outcome is recorded: a test stops there as a crash would. */
  afterEngineCall?: (command: EngineCommand) => Promise<void>;
}

/** What a delivery did: `done`, `failed` (the engine refused or was unreachable; retried later), or nothing left to do. */
export type Delivery = 'done' | 'failed' | 'already-done';

/** Delivers one command, waiting while another runner holds it. */
export function deliverEngineCommand(deps: EngineCommandDeps, id: string): Promise<Delivery> {
  return withTransaction(deps.db, async (client) => {
    const command = await claimEngineCommand(client, id);
    return command ? (await runClaimed(deps, client, command)).delivery : 'already-done';
  });
}

/** Delivers the next due command nobody holds; undefined when there is none. */
export function deliverNextDueEngineCommand(deps: EngineCommandDeps): Promise<({ command: EngineCommand } & Ran) | undefined> {
  return withTransaction(deps.db, async (client) => {
    const command = await claimNextDueEngineCommand(client);
    return command && { command, ...(await runClaimed(deps, client, command)) };
  });
}

/**
 * Delivers a command its request has just committed, so the answer reflects the engine when it is up. The request
 * was acknowledged by its commit: a failure here is left to the relay, which retries and reports it.
 */
export async function deliverAfterCommit(deps: EngineCommandDeps, id: string): Promise<void> {
  await deliverEngineCommand(deps, id).catch(() => undefined);
}

// helpers

type Ran = { delivery: 'done' } | { delivery: 'failed'; error: string };

async function runClaimed(deps: EngineCommandDeps, client: PoolClient, command: EngineCommand): Promise<Ran> {
  let outcome: EngineCommandOutcome;
  try {
    outcome = await runEngineCommand(deps.engine, command);
  } catch (cause) {
    const error = cause instanceof Error ? cause.message : String(cause);
    await markEngineCommandFailed(client, command.id, error);
    return { delivery: 'failed', error };
  }
  await deps.afterEngineCall?.(command);
  if (command.kind === 'start-process' && command.subject && outcome.processInstanceId) {
    if ('applicationId' in command.subject) await setProcessInstance(client, command.subject.applicationId, outcome.processInstanceId);
    else if ('projectId' in command.subject) await setProjectProcessInstance(client, command.subject.projectId, outcome.processInstanceId);
    else if ('reviewSessionId' in command.subject) await setReviewSessionProcessInstance(client, command.subject.reviewSessionId, outcome.processInstanceId);
    else if ('panelSeatId' in command.subject) await setPanelSeatProcessInstance(client, command.subject.panelSeatId, outcome.processInstanceId);
    else await setBatchProcessInstance(client, command.subject.batch.callId, command.subject.batch.unitId, outcome.processInstanceId);
  }
  await markEngineCommandDone(client, command.id, outcome.processInstanceId);
  return { delivery: 'done' };
}
