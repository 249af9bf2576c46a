import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActionOptions } from '../../domain/audit-actions.js';
import { actorRoleLabel, trailActorName, unitOfficeName } from '../../domain/audit-actors.js';
import { inert } from '../../web/server/audit/audit-sheet.js';

// The audit trail's words: each action's Chinese label (an unknown one shows its code), each actor's role label,
// what an applicant may read of who acted on its application, and the Excel cells no spreadsheet runs as formulas.

describe('audit action labels', () => {
  it.each([
    ['registration.submitted', '提交企业注册'],
    ['registration.claim-approved', '通过企业账号认领'],
    ['account.password-reset', '重置密码'],
    ['message.sent', '发送消息'],
    ['working-days.replaced', '保存工作日历'],
    ['indicators.replaced', '保存培育指标'],
    ['unit-groups.replaced', '修改单位分组'],
    ['task.completed', '办理任务'],
    ['application.submitted', '提交申报'],
    ['studio.release.deployed', '部署流程版本'],
  ])('labels %s as %s', (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });

  it('shows an unknown action as its code, also one named like an object property', () => {
    expect(auditActionLabel('something.new')).toBe('something.new');
    expect(auditActionLabel('constructor')).toBe('constructor');
    expect(auditActionLabel('toString')).toBe('toString');
  });

  it('offers every labelled action once, each with a Chinese label', () => {
    const options = auditActionOptions();
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
    expect(options.every((o) => /[\u4e00-\u9fff]/.test(o.label))).toBe(true);
  });
});

describe('actor labels', () => {
  it.each([
    ['zhang.san', { role: 'city-reviewer', unitId: '130100' }, '石家庄市工信局审核人'],
    ['li.si', { role: 'city-reviewer', unitId: 'xiongan' }, '雄安新区改革发展局审核人'],
    ['wang.wu', { role: 'province-officer', unitId: null }, '省工信厅'],
    ['admin', { role: 'administrator', unitId: null }, '平台管理员'],
    ['qiye', { role: 'applicant', unitId: null }, '申报企业'],
    ['system', null, '系统'],
    ['city130200', null, '唐山市工信局'],
    ['shipped', null, '系统（随版本提供）'],
  ] as const)('names %s as %s', (actor, account, label) => {
    expect(actorRoleLabel(actor, account)).toBe(label);
  });

  it('names the office of each kind of unit', () => {
    expect(unitOfficeName('130181')).toBe('辛集市工信局');
    expect(unitOfficeName('999999')).toBeUndefined();
  });
});

describe('who an application’s trail names', () => {
  const ownEnterprise = { username: 'qiye.a', displayName: '甲公司 张经理', role: 'applicant', unitId: null, enterpriseUscc: '91130100MA0000000A' };
  const otherEnterprise = { ...ownEnterprise, username: 'qiye.b', displayName: '乙公司', enterpriseUscc: '91130200MA0000000B' };
  const reviewer = { username: 'shenhe.1', displayName: '审核员 王', role: 'city-reviewer', unitId: '130100', enterpriseUscc: null };
  const applicant = { role: 'applicant', enterpriseUscc: '91130100MA0000000A' };
  const officer = { role: 'province-officer', enterpriseUscc: null };

  it('shows an applicant its own enterprise’s accounts by display name, everyone else by role only', () => {
    expect(trailActorName('qiye.a', ownEnterprise, applicant)).toBe('甲公司 张经理');
    expect(trailActorName('shenhe.1', reviewer, applicant)).toBe('石家庄市工信局审核人');
    expect(trailActorName('qiye.b', otherEnterprise, applicant)).toBe('申报企业');
    expect(trailActorName('system', null, applicant)).toBe('系统');
    for (const name of [trailActorName('shenhe.1', reviewer, applicant), trailActorName('qiye.b', otherEnterprise, applicant)]) {
      expect(name).not.toContain('shenhe.1');
      expect(name).not.toContain('qiye.b');
    }
  });

  it('shows the unit, the province and administrators the display and user name', () => {
    expect(trailActorName('shenhe.1', reviewer, officer)).toBe('审核员 王（shenhe.1）');
    expect(trailActorName('city130100', null, officer)).toBe('石家庄市工信局');
  });
});

describe('Excel cells of the audit export', () => {
  it.each([['=HYPERLINK("x")', `'=HYPERLINK("x")`], ['+1', "'+1"], ['-1', "'-1"], ['@SUM(A1)', "'@SUM(A1)"], ['call:2021', 'call:2021'], ['', '']])('writes %j as %j', (text, cell) => {
    expect(inert(text)).toBe(cell);
  });
});
