import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declarationMessages } from '../../domain/declaration-messages.js';

// The messages the web server sends to the declaration process must be the model's: each by its name, caught by the
// element a replay looks for in the history (web/server/engine-commands/run-engine-command.ts).

describe('the declaration model’s messages', () => {
  it.each(Object.entries(declarationMessages))('%s is caught by the element the outbox looks for', async (_key, { messageName, catchingActivityId }) => {
    const xml = await readFile(path.join(import.meta.dirname, '..', '..', 'processes', 'declaration.bpmn'), 'utf8');
    const messageId = new RegExp(`<bpmn:message id="([^"]+)" name="${messageName}"`).exec(xml)?.[1];
    expect(messageId, messageName).toBeDefined();
    const element = new RegExp(`<bpmn:(\\w+) id="${catchingActivityId}"[\\s\\S]*?</bpmn:\\1>`).exec(xml)?.[0];
    expect(element, catchingActivityId).toContain(`messageRef="${messageId}"`);
  });
});
