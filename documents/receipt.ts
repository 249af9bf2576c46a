import { createHash } from 'node:crypto';
import type { DocumentModel } from './document-model.js';

/** A stable fingerprint of submitted data: SHA-256 of its JSON with keys in sorted order at every level. */
export function submissionHash(data: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
    return value;
  };
  return createHash('sha256').update(JSON.stringify(canonical(data))).digest('hex');
}

/** 申报回执: what was submitted, when, and the fingerprint that shows it was not changed afterwards. */
export function submissionReceipt(input: { applicationNumber: string; enterpriseName: string; uscc: string; projectName: string; callTitle: string; unitName: string; submittedAt: string; hash: string }): DocumentModel {
  return {
    title: '申报回执',
    subtitle: input.callTitle,
    blocks: [
      {
        type: 'fields',
        rows: [
          ['申报编号', input.applicationNumber],
          ['申报企业', input.enterpriseName],
          ['统一社会信用代码', input.uscc],
          ['项目名称', input.projectName],
          ['受理单位', input.unitName],
          ['提交时间（北京时间）', input.submittedAt],
          ['申报内容摘要（SHA-256）', input.hash],
        ],
      },
      { type: 'paragraph', text: '本回执证明上述申报材料已于所列时间提交。申报内容摘要由提交的全部填报内容计算得出，内容如有任何改动，摘要随之不同。' },
    ],
  };
}
