import { z } from 'zod';
import { defineWorker } from '../worker.js';

/** The walking skeleton's automated step: prepares the text the reviewer sees. */
export const skeletonPrepareReview = defineWorker({
  topic: 'skeleton-prepare-review',
  description: 'Walking skeleton: prepares the greeting shown on the review form',
  input: z.object({ applicant: z.string().trim().min(1).max(100) }),
  output: z.object({ greeting: z.string(), preparedAt: z.string() }),
  async handle({ applicant }, { clock }) {
    return { greeting: `${applicant}，您的申请已收到，请审核。`, preparedAt: clock.now().toISOString() };
  },
});
