import { z } from 'zod';
import { withTransaction } from '../../platform/database.js';
import { changeProjectStatus } from '../../store/project-repository.js';
import { openReturn, recordReturnAnswer } from '../../store/project-review-repository.js';
import { defineWorker } from '../worker.js';

/** The unit did not answer a return by its due date: the return is recorded overdue and the project goes back to review. */
export const projectReturnOverdue = defineWorker({
  topic: 'project-return-overdue',
  description: 'Record a return to the unit as unanswered by its due date and bring the project back to formal review',
  input: z.object({ projectId: z.uuid() }),
  output: z.object({}),
  async handle(input, { db, clock }) {
    await withTransaction(db, async (client) => {
      const now = clock.now();
      const open = await openReturn(client, input.projectId, true);
      if (open) await recordReturnAnswer(client, { reviewId: open.id, kind: 'overdue', comment: null, attachments: [], newSealedTable: null, by: 'system', at: now });
      await changeProjectStatus(client, { projectId: input.projectId, to: 'received', actor: 'system', at: now, reason: '市局未在答复期限内答复退回意见' });
    });
    return {};
  },
});
