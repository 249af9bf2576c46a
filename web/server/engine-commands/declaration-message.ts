import type { Queryable } from '../../../platform/database.js';
import { DECLARATION_PROCESS, declarationMessages, type DeclarationMessage } from '../../../domain/declaration-messages.js';
import { queueMessageCorrelation } from '../../../store/engine-command-repository.js';

/**
 * Queues a message to an application's declaration process (business key: its application number) in the caller's
 * transaction; deliver it after the commit. Returns the command's id.
 */
export function queueDeclarationMessage(
  db: Queryable,
  application: { id: string; applicationNumber: string },
  message: DeclarationMessage,
  variables: Record<string, unknown> = {},
): Promise<string> {
  return queueMessageCorrelation(db, {
    ...declarationMessages[message],
    businessKey: application.applicationNumber,
    processDefinitionKey: DECLARATION_PROCESS,
    variables,
    subject: { applicationId: application.id },
  });
}
