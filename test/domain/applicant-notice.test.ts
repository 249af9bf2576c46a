import { describe, expect, it } from 'vitest';
import { applicantNotice, formatBeijingTime } from '../../domain/applicant-notice.js';

describe('the notice an applicant receives', () => {
  const application = { applicationNumber: '2021-130100-0007', projectName: '智能排产示范项目' };

  it('names the application, its new status and the reason', () => {
    const notice = applicantNotice(application, 'refused', '【E5】已获得过各级财政资金支持的项目不得申报');
    expect(notice.title).toBe('申报编号 2021-130100-0007：不予受理');
    expect(notice.body).toContain('“智能排产示范项目”');
    expect(notice.body).toContain('原因：【E5】已获得过各级财政资金支持的项目不得申报');
  });

  it('gives the due date in Beijing time when something is to be done', () => {
    const notice = applicantNotice(application, 'correction-requested', '请补充', new Date('2021-12-10T16:30:00Z'));
    expect(notice.body).toContain('请于 2021-12-11 00:30（北京时间）前登录平台完成补正');
    expect(formatBeijingTime(new Date('2021-12-31T23:59:00Z'))).toBe('2022-01-01 07:59');
    const seal = applicantNotice(application, 'awaiting-sealed-scans', undefined, new Date('2021-12-10T16:30:00Z'));
    expect(seal.body).toContain('前登录平台上传盖章材料，逾期未上传视为撤回申报');
  });
});
