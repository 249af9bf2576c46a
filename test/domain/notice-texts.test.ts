import { describe, expect, it } from 'vitest';
import { noticeSamples } from '../../domain/notice-preview.js';
import { defaultNoticeTexts, fillNoticeText, noticeTextCatalogue, noticeTextKeys, noticeTextProblems, noticeTextsProblems } from '../../domain/notice-texts.js';
import { batchReminderNotice, withdrawalNotice } from '../../domain/unit-notices.js';

describe('checking a notice text before it is saved', () => {
  it('accepts every shipped text', () => {
    expect(noticeTextsProblems(defaultNoticeTexts)).toEqual([]);
  });

  it.each([
    ['an unknown placeholder', 'body', '项目{project}已更新', [{ placeholder: 'project', message: '不认识的占位符：{project}；可用：{applicationNumber}、{projectName}、{status}' }]],
    ['a placeholder of another text', 'body', '截止 {dueDate}', [{ placeholder: 'dueDate', message: '此处不能用的占位符：{dueDate}；可用：{applicationNumber}、{projectName}、{status}' }]],
    ['a placeholder of another notice', 'batchReminderBody', '{unitName}：{projectName}', [{ placeholder: 'projectName', message: '此处不能用的占位符：{projectName}；可用：{callTitle}、{unitName}、{deadline}' }]],
    ['an empty placeholder', 'reason', '原因：{}', [{ placeholder: '', message: expect.stringContaining('不认识的占位符：{}') }]],
    ['an opening brace without its partner', 'body', '项目 {projectName 已更新', [{ message: '第 4 个字处的“{”没有配对；占位符写作 {applicationNumber} 这样的形式' }]],
    ['a closing brace without its partner', 'body', '项目 projectName} 已更新', [{ message: '第 15 个字处的“}”没有配对；占位符写作 {applicationNumber} 这样的形式' }]],
    ['a nested brace', 'body', '{{projectName}}', [{ message: expect.stringContaining('第 1 个字处的“{”没有配对') }]],
    ['an empty text', 'body', '  ', [{ message: '不能为空' }]],
    ['a line break in a mail subject', 'title', '申报编号 {applicationNumber}\r\nBcc: x@example.com', [{ message: '不能换行：它是标题（邮件主题），只能有一行' }]],
    ['a line break in a unit message title', 'withdrawalTitle', '企业撤回\n申报', [{ message: expect.stringContaining('不能换行') }]],
    ['a text over 1000 characters', 'reason', '长'.repeat(1001), [{ message: '不能超过1000个字' }]],
  ] as const)('refuses %s', (_case, key, text, problems) => {
    expect(noticeTextProblems(key, text)).toEqual(problems);
  });

  it('lets a body have several lines and the footer be empty', () => {
    expect(noticeTextProblems('body', '第一行\n第二行 {status}')).toEqual([]);
    expect(noticeTextProblems('footer', '')).toEqual([]);
  });

  it('names the text in every problem of a set', () => {
    expect(noticeTextsProblems({ ...defaultNoticeTexts, withdrawalBody: '{sender}' })).toEqual([
      { key: 'withdrawalBody', placeholder: 'sender', message: '企业撤回申报通知·正文：不认识的占位符：{sender}；可用：{applicationNumber}、{projectName}、{enterpriseName}、{reason}' },
    ]);
  });

  it('declares for each text a name, a use and the placeholders its shipped text uses', () => {
    for (const key of noticeTextKeys) {
      const definition = noticeTextCatalogue[key];
      expect(definition.name, key).not.toBe('');
      expect(definition.usage, key).not.toBe('');
      expect(noticeTextProblems(key, definition.defaultText), key).toEqual([]);
    }
  });
});

describe('filling a notice text', () => {
  it('replaces each placeholder it has a value for and leaves the others as written', () => {
    expect(fillNoticeText('{projectName}（{applicationNumber}）{status}', { projectName: '智能排产', applicationNumber: '2021-130100-0007' })).toBe('智能排产（2021-130100-0007）{status}');
  });

  it('does not read a value’s own braces as placeholders', () => {
    expect(fillNoticeText('原因：{reason}', { reason: '{projectName}', projectName: 'x' })).toBe('原因：{projectName}');
  });
});

describe('the unit’s notices', () => {
  it('remind a unit as the shipped text did', () => {
    expect(batchReminderNotice(defaultNoticeTexts, { callTitle: '2021年申报', unitName: '石家庄市', deadline: new Date('2021-12-20T15:59:59Z') })).toEqual({
      title: '请于 2021-12-20 23:59 前报送推荐批次',
      body: '2021年申报：石家庄市尚未向省厅报送推荐项目和盖章推荐表，截止时间为 2021-12-20 23:59（北京时间），逾期不再受理。',
    });
  });

  it('tell a unit of a withdrawal, with the line on the ended recommendation only when it ended', () => {
    const values = { applicationNumber: '2021-130100-0007', projectName: '智能排产', enterpriseName: '河北智造', reason: '计划调整' };
    expect(withdrawalNotice(defaultNoticeTexts, values, false)).toEqual({ title: '企业撤回申报：智能排产', body: '河北智造已撤回申报“智能排产”（编号 2021-130100-0007）。撤回原因：计划调整' });
    expect(withdrawalNotice(defaultNoticeTexts, values, true).body).toBe('河北智造已撤回申报“智能排产”（编号 2021-130100-0007）。撤回原因：计划调整\n该项目的推荐已随之撤销，推荐名额已释放。');
  });
});

describe('the preview', () => {
  it('renders every notice with sample values, the mailed one also as a mail with the same subject and text', () => {
    // given: a call's own body
    const texts = { ...defaultNoticeTexts, body: '“{projectName}”现为：{status}。' };
    // when
    const samples = noticeSamples(texts);
    // then
    expect(new Set(samples.map((s) => s.notice))).toEqual(new Set(['status-change', 'batch-reminder', 'application-withdrawn']));
    const correction = samples[0]!;
    expect(correction.inApp.body.split('\n')[0]).toBe('“智能排产示范项目”现为：待补正。');
    expect(correction.mail).toEqual({ subject: correction.inApp.title, body: correction.inApp.body });
    expect(samples[1]!.inApp.body).toContain('原因：申报材料已通过自动审查。');
    expect(samples.filter((s) => s.notice !== 'status-change').every((s) => s.mail === null)).toBe(true);
  });
});
