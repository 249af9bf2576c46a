import type { DocumentModel } from './document-model.js';

/** One recommended project, as a row of the 推荐表. */
export interface RecommendationRow {
  rank: number;
  template: string;
  enterpriseName: string;
  uscc: string;
  projectName: string;
  direction: string;
  totalInvestment: string;
  period: string;
  contact: string;
  opinion: string;
}

export const recommendationTableColumns = ['推荐排序', '类别', '申报企业', '统一社会信用代码', '项目名称', '申报方向', '总投资（万元）', '建设周期', '联系人及电话', '推荐意见'] as const;

/** 河北省工业互联网创新发展重点项目推荐表 (附件5): one row per recommended project, with the place for the unit's seal. */
export function recommendationTable(input: { callTitle: string; unitName: string; rows: readonly RecommendationRow[]; cityPlatforms: number }): DocumentModel {
  return {
    orientation: 'landscape',
    title: '河北省工业互联网创新发展重点项目推荐表',
    subtitle: `推荐单位：${input.unitName}　　${input.callTitle}`,
    blocks: [
      {
        type: 'table',
        columns: recommendationTableColumns,
        rows: input.rows.map((r) => [String(r.rank), r.template, r.enterpriseName, r.uscc, r.projectName, r.direction, r.totalInvestment, r.period, r.contact, r.opinion]),
      },
      { type: 'paragraph', text: `共推荐 ${input.rows.length} 个项目，其中市级工业互联网综合平台 ${input.cityPlatforms} 个。本单位已对推荐项目进行初审，并对上报材料的完整性进行了核查。` },
      { type: 'seal', lines: [`推荐单位（公章）：${input.unitName}`, '负责人（签字）：', '年　　月　　日'] },
    ],
  };
}
