import { describe, expect, it } from 'vitest';
import { applicantNotice, defaultNoticeTexts, formatBeijingTime, noticeTexts } from '../../domain/applicant-notice.js';

describe('the notice an applicant receives', () => {
  const application = { applicationNumber: '2021-130100-0007', projectName: '智能排产示范项目' };

  it('names the application, its new status and the reason', () => {
    const notice = applicantNotice(defaultNoticeTexts, application, 'refused', '【E5】已获得过各级财政资金支持的项目不得申报');
    expect(notice.title).toBe('申报编号 2021-130100-0007：不予受理');
    expect(notice.body).toContain('“智能排产示范项目”');
    expect(notice.body).toContain('原因：【E5】已获得过各级财政资金支持的项目不得申报');
  });

  it('gives the due date in Beijing time when something is to be done', () => {
    const notice = applicantNotice(defaultNoticeTexts, application, 'correction-requested', '请补充', new Date('2021-12-10T16:30:00Z'));
    expect(notice.body).toContain('请于 2021-12-11 00:30（北京时间）前登录平台完成补正');
    expect(formatBeijingTime(new Date('2021-12-31T23:59:00Z'))).toBe('2022-01-01 07:59');
    const seal = applicantNotice(defaultNoticeTexts, application, 'awaiting-sealed-scans', undefined, new Date('2021-12-10T16:30:00Z'));
    expect(seal.body).toContain('前登录平台上传盖章材料，逾期未上传视为撤回申报');
  });

  it('reads as the shipped texts said it before they became data of the call', () => {
    const notice = applicantNotice(defaultNoticeTexts, application, 'correction-requested', '请补充', new Date('2021-12-10T16:30:00Z'));
    expect(notice).toEqual({
      title: '申报编号 2021-130100-0007：待补正',
      body: [
        '您单位申报的项目“智能排产示范项目”（编号 2021-130100-0007）状态已更新为：待补正。',
        '原因：请补充',
        '请于 2021-12-11 00:30（北京时间）前登录平台完成补正，逾期未补正视为撤回申报。',
        '此邮件由河北省工业互联网创新发展重点项目管理平台自动发送，请勿直接回复。',
      ].join('\n'),
    });
  });

  it('words the notice as the call words it, leaving out a line the call leaves empty', () => {
    // given
    const texts = { ...defaultNoticeTexts, title: '{status}：{projectName}', footer: '' };
    // when
    const notice = applicantNotice(texts, application, 'recommended');
    // then
    expect(notice.title).toBe('已推荐至省厅：智能排产示范项目');
    expect(notice.body).toBe('您单位申报的项目“智能排产示范项目”（编号 2021-130100-0007）状态已更新为：已推荐至省厅。');
  });
});

describe('a call’s notice texts', () => {
  it('accepts the shipped texts', () => {
    expect(noticeTexts.parse(defaultNoticeTexts)).toEqual(defaultNoticeTexts);
  });

  it.each([
    ['title', '申报编号 {applicationNo}', '不认识的占位符：{applicationNo}'],
    ['body', '原因：{reason}', '此处不能用的占位符：{reason}'],
    ['correctionDue', '请于 {deadline} 前补正', '此处不能用的占位符：{deadline}'],
    ['footer', '{dueDate}', '此处不能用的占位符：{dueDate}'],
  ] as const)('refuses in %s the placeholder it may not use (%s)', (key, text, message) => {
    // when
    const result = noticeTexts.safeParse({ ...defaultNoticeTexts, [key]: text });
    // then
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [key], message: expect.stringContaining(message) })]);
  });

  it('fills a text a call stored before it existed with the shipped one, and refuses an extra one', () => {
    const { footer: _footer, withdrawalBody: _body, ...missing } = defaultNoticeTexts;
    expect(noticeTexts.parse(missing)).toEqual(defaultNoticeTexts);
    expect(noticeTexts.safeParse({ ...defaultNoticeTexts, signature: '河北省工信厅' }).success).toBe(false);
  });
});
