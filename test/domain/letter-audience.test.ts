import { describe, expect, it } from 'vitest';
import {
  chooseEnterpriseRecipients, chooseUnitRecipients, letterAudienceOf, letterAuthorLabel, letterEventKeys, letterMailBody,
} from '../../domain/letter-audience.js';
import { reportingUnits } from '../../domain/units.js';

describe('who may write letters to whom', () => {
  it.each([
    ['province-officer', 'units'],
    ['city-reviewer', 'enterprises'],
    ['applicant', undefined],
    ['expert', undefined],
    ['administrator', undefined],
    ['division-head', undefined],
    ['finance', undefined],
    ['leadership', undefined],
  ])('%s writes to %s', (role, audience) => {
    expect(letterAudienceOf(role)).toBe(audience);
  });

  it('sends a province letter to every unit, or to the chosen ones once each', () => {
    expect(chooseUnitRecipients('all')).toEqual({ ok: true, recipients: reportingUnits.map((unit) => unit.id) });
    expect(chooseUnitRecipients(['130100', '130200', '130100'])).toEqual({ ok: true, recipients: ['130100', '130200'] });
  });

  it('refuses a province letter to an unknown unit, naming each', () => {
    expect(chooseUnitRecipients(['130100', '139999', 'beijing'])).toEqual({ ok: false, problems: ['未知的单位：139999', '未知的单位：beijing'] });
  });

  it('sends a unit letter only to its own enterprises, naming any other', () => {
    const own = ['A1', 'B2', 'C3'];
    expect(chooseEnterpriseRecipients('all', own)).toEqual({ ok: true, recipients: own });
    expect(chooseEnterpriseRecipients(['B2', 'B2'], own)).toEqual({ ok: true, recipients: ['B2'] });
    expect(chooseEnterpriseRecipients(['B2', 'Z9'], own)).toEqual({ ok: false, problems: ['企业 Z9 不是本单位的企业，不能给它写信'] });
    expect(chooseEnterpriseRecipients('all', [])).toEqual({ ok: false, problems: ['本单位还没有可以写信的企业'] });
  });

  it('shows the writer as the province or the unit’s bureau', () => {
    expect(letterAuthorLabel(null)).toBe('河北省工业和信息化厅');
    expect(letterAuthorLabel('130100')).toBe('石家庄市工业和信息化局');
    expect(letterAuthorLabel('xiongan')).toBe('雄安新区改革发展局');
  });

  it('points the mail’s reader to the system when the letter carries files', () => {
    expect(letterMailBody('请于月底前报送。', false)).toBe('请于月底前报送。');
    expect(letterMailBody('请于月底前报送。', true)).toContain('请登录系统查看附件');
  });

  it('keys each recipient’s message and mail by the letter', () => {
    expect(letterEventKeys.unit(7, '130100')).toBe('letter:7:unit:130100');
    expect(letterEventKeys.enterprise(7, '91130102MA0000000X')).toBe('letter:7:enterprise:91130102MA0000000X');
    expect(letterEventKeys.account(7, 42)).toBe('letter:7:account:42');
  });
});
