import { summaryOf } from '../domain/application-summary.js';
import { directionLabel, templateLabel, type Direction } from '../domain/directions.js';
import type { RecommendationRow } from './recommendation-table.js';

/** A recommended application as a row of the 推荐表 (and of the Excel exports), its direction named as its call names it. */
export function recommendationRow(
  entry: { rank: number; opinion: string; template: string; enterpriseUscc: string; data: Record<string, unknown> },
  call: { directions: readonly Direction[] },
): RecommendationRow {
  const summary = summaryOf(entry.data);
  return {
    rank: entry.rank,
    template: templateLabel(entry.template),
    enterpriseName: summary.enterpriseName,
    uscc: entry.enterpriseUscc,
    projectName: summary.projectName,
    direction: summary.direction && directionLabel(summary.direction, call.directions),
    totalInvestment: summary.totalInvestment,
    period: summary.periodStart && summary.periodEnd ? `${summary.periodStart} 至 ${summary.periodEnd}` : '',
    contact: [summary.contactName, summary.contactPhone].filter(Boolean).join(' '),
    opinion: entry.opinion,
  };
}
