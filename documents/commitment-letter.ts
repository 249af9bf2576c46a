import type { DocumentModel } from './document-model.js';

/** 承诺书: the enterprise answers for the truth of its materials (申报企业要对申报材料的真实性负责). */
export function commitmentLetter(input: { enterpriseName: string; uscc: string; projectName: string; applicationNumber: string }): DocumentModel {
  return {
    title: '承诺书',
    subtitle: `申报编号：${input.applicationNumber}`,
    blocks: [
      { type: 'paragraph', text: '河北省工业和信息化厅：' },
      {
        type: 'paragraph',
        text:
          `我单位${input.enterpriseName}（统一社会信用代码：${input.uscc}）申报的“${input.projectName}”项目，` +
          '所提交的申报材料及附件均真实、准确、完整，不存在弄虚作假行为；项目属于新建或续建项目，未获得过各级财政资金支持；' +
          '企业在经营管理、社会信用、安全生产、节能环保等方面无不良记录。如有不实，我单位愿承担相应责任，并接受有关部门依法依规作出的处理。',
      },
      { type: 'paragraph', text: '特此承诺。' },
      { type: 'seal', lines: [`申报企业（公章）：${input.enterpriseName}`, '法定代表人（签字）：', '年　　月　　日'] },
    ],
  };
}
