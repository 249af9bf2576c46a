import { formatBeijingTime, type Notice } from './applicant-notice.js';
import { fillNoticeText, type NoticeTexts } from './notice-texts.js';

// The in-app notices a unit's reviewers receive, worded as the call words them (domain/notice-texts.ts).

/** The reminder to a unit that has not submitted its batch as the units' deadline nears. */
export function batchReminderNotice(texts: NoticeTexts, values: { callTitle: string; unitName: string; deadline: Date }): Notice {
  const filled = { ...values, deadline: formatBeijingTime(values.deadline) };
  return { title: fillNoticeText(texts.batchReminderTitle, filled), body: fillNoticeText(texts.batchReminderBody, filled) };
}

/** What the unit is told when an enterprise withdraws an application: with a line when its recommendation ended. */
export function withdrawalNotice(
  texts: NoticeTexts,
  values: { applicationNumber: string; projectName: string; enterpriseName: string; reason: string },
  recommendationEnded: boolean,
): Notice {
  const lines = [fillNoticeText(texts.withdrawalBody, values)];
  if (recommendationEnded) lines.push(fillNoticeText(texts.withdrawalRecommendationEnded, values));
  return { title: fillNoticeText(texts.withdrawalTitle, values), body: lines.filter((line) => line !== '').join('\n') };
}
