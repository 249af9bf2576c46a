import { z } from 'zod';
import { formatBeijingTime } from '../../domain/applicant-notice.js';
import { batchReminderNotice } from '../../domain/unit-notices.js';
import { reportingUnits } from '../../domain/units.js';
import { callsWithUnitDeadlineBetween, unitsSubmitted } from '../../store/batch-repository.js';
import { addInAppMessage } from '../../store/notification-repository.js';
import { currentNoticeTexts } from '../../store/notice-text-repository.js';
import { defineWorker } from '../worker.js';

const DAY = 86_400_000;

/**
 * Reminds every unit that has not submitted its batch when the units' deadline is `daysBefore` days away or less.
 * One reminder per unit, call and day, however often the step runs, worded with the call's current texts.
 */
export const batchReminders = defineWorker({
  topic: 'batch-reminders',
  description: 'Remind units that have not submitted their batch as the deadline nears (input: daysBefore)',
  input: z.object({ daysBefore: z.coerce.number().int().min(0).max(60) }),
  output: z.object({ reminded: z.number() }),
  async handle({ daysBefore }, { db, clock }) {
    const now = clock.now();
    const day = formatBeijingTime(now).slice(0, 10);
    let reminded = 0;
    for (const call of await callsWithUnitDeadlineBetween(db, now, new Date(now.getTime() + daysBefore * DAY))) {
      const submitted = new Set(await unitsSubmitted(db, call.id));
      const texts = (await currentNoticeTexts(db, call.id))!;
      for (const unit of reportingUnits.filter((u) => !submitted.has(u.id))) {
        const notice = batchReminderNotice(texts.texts, { callTitle: call.title, unitName: unit.name, deadline: call.cityDeadline });
        await addInAppMessage(db, {
          eventKey: `batch-reminder:${call.id}:${unit.id}:${day}`,
          unitId: unit.id,
          ...notice,
          noticeTexts: { callId: texts.callId, version: texts.version },
        });
        reminded++;
      }
    }
    return { reminded };
  },
});
