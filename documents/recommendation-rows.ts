import { directionLabel, templates, type DirectionCode } from '../domain/directions.js';
import type { RecommendationRow } from './recommendation-table.js';

/** A recommended application as a row of the 推荐表 (and of the Excel exports). */
export function recommendationRow(entry: { rank: number; opinion: string; template: string; enterpriseUscc: string; data: Record<string, unknown> }): RecommendationRow {
  const text = (key: string) => (entry.data[key] === undefined || entry.data[key] === null ? '' : String(entry.data[key]));
  return {
    rank: entry.rank,
    template: templates.find((t) => t.code === entry.template)?.label ?? entry.template,
    enterpriseName: text('enterpriseName'),
    uscc: entry.enterpriseUscc,
    projectName: text('projectName'),
    direction: directionLabel(text('direction') as DirectionCode),
    totalInvestment: text('totalInvestment'),
    period: text('periodStart') && text('periodEnd') ? `${text('periodStart')} 至 ${text('periodEnd')}` : '',
    contact: [text('contactName'), text('contactPhone')].filter(Boolean).join(' '),
    opinion: entry.opinion,
  };
}
