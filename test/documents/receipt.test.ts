import { describe, expect, it } from 'vitest';
import { submissionHash, submissionReceipt } from '../../documents/receipt.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { pdfText } from '../support/documents.js';

describe('the submission receipt', () => {
  it('fingerprints what was submitted, whatever the order of its keys, and changes with any change', () => {
    const data = { projectName: '智能排产', performanceTargets: [{ target: '20', indicator: '效率' }], totalInvestment: 1200 };
    const same = { totalInvestment: 1200, performanceTargets: [{ indicator: '效率', target: '20' }], projectName: '智能排产' };
    expect(submissionHash(data)).toBe(submissionHash(same));
    expect(submissionHash(data)).toMatch(/^[0-9a-f]{64}$/);
    expect(submissionHash({ ...data, totalInvestment: 1201 })).not.toBe(submissionHash(data));
  });

  it('prints the number, the enterprise, the time and the fingerprint, in Chinese', async () => {
    const hash = submissionHash({ a: 1 });
    const pdf = await renderPdf(submissionReceipt({ applicationNumber: '2021-130100-0007', enterpriseName: '石家庄示例装备制造有限公司', uscc: '91130100MA0A1B2C31', projectName: '智能排产示范项目', callTitle: '2021年申报', unitName: '石家庄市', submittedAt: '2021-12-10 09:30', hash }));
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    for (const expected of ['申报回执', '2021-130100-0007', '石家庄示例装备制造有限公司', '2021-12-1009:30', hash]) expect(text).toContain(expected);
  });
});
