import { describe, expect, it } from 'vitest';
import { checkNotDuplicate, normaliseProjectName, type EarlierDeclaration } from '../../../domain/eligibility/e6-not-duplicate.js';
import { shijiazhuangUscc } from '../valid-application.js';

const fields = { uscc: shijiazhuangUscc, projectName: '基于5G的智能工厂（一期）项目' };

/** An earlier declaration of the same enterprise and project unless told otherwise. */
function earlier(changes: Partial<EarlierDeclaration> = {}): EarlierDeclaration {
  return { applicationNumber: '2021-130100-0003', uscc: shijiazhuangUscc, projectName: fields.projectName, inProvincialLibrary: false, ...changes };
}

describe('normaliseProjectName', () => {
  it.each([
    ['基于5G的智能工厂（一期）项目', '基于5g的智能工厂一期项目'],
    ['基于５Ｇ的智能工厂(一期)项目', '基于5g的智能工厂一期项目'],
    [' 基于 5G 的\u3000智能工厂 —— 一期 项目。', '基于5g的智能工厂一期项目'],
    ['《“智造”云》平台·二期_建设-项目，工程、配套.', '智造云平台二期建设项目工程配套'],
    ["'MES' \"系统\" ‘升级’", 'mes系统升级'],
  ])('reduces %j to %j', (name, expected) => {
    expect(normaliseProjectName(name)).toBe(expected);
  });

  it('keeps what distinguishes projects', () => {
    expect(normaliseProjectName('智能工厂一期')).not.toBe(normaliseProjectName('智能工厂二期'));
    expect(normaliseProjectName('Ⅱ期')).not.toBe(normaliseProjectName('I期'));
  });
});

describe('E6 not a duplicate', () => {
  it.each<[string, EarlierDeclaration[]]>([
    ['nothing declared before', []],
    ['another enterprise with the same project name', [earlier({ uscc: '91130229MA0F3K7TXQ' })]],
    ['the same enterprise with another project', [earlier({ projectName: '基于5G的智能工厂（二期）项目' })]],
    ['another enterprise’s project in the library', [earlier({ uscc: '91130229MA0F3K7TXQ', inProvincialLibrary: true })]],
    ['another project of the same enterprise in the library', [earlier({ projectName: '基于5G的智能工厂（二期）项目', inProvincialLibrary: true })]],
  ])('passes with %s', (_case, declarations) => {
    expect(checkNotDuplicate(fields, declarations)).toEqual([{ ruleId: 'E6', result: 'pass' }]);
  });

  it.each<[string, EarlierDeclaration[], string]>([
    ['the same declaration again', [earlier()], '该项目已申报（申报编号2021-130100-0003），同一企业的同一项目不能重复申报'],
    [
      'the same project spelt differently, with a lower-case USCC',
      [earlier({ uscc: shijiazhuangUscc.toLowerCase(), projectName: '基于５G的 智能工厂(一期)项目' })],
      '该项目已申报（申报编号2021-130100-0003），同一企业的同一项目不能重复申报',
    ],
    [
      'the project in the provincial library',
      [earlier({ applicationNumber: '2021-130100-0001', inProvincialLibrary: true })],
      '该项目已列入省级重点项目库（项目名称：基于5G的智能工厂（一期）项目，项目编号2021-130100-0001），无需重复申报',
    ],
    [
      'a declaration and a library entry, naming the library entry',
      [earlier(), earlier({ applicationNumber: '2021-130100-0001', inProvincialLibrary: true })],
      '该项目已列入省级重点项目库（项目名称：基于5G的智能工厂（一期）项目，项目编号2021-130100-0001），无需重复申报',
    ],
    [
      'a library project of an earlier call spelt differently, naming it as the library has it',
      [earlier({ applicationNumber: '2020-130100-0042', projectName: '基于5G的智能工厂(一期)项目', inProvincialLibrary: true })],
      '该项目已列入省级重点项目库（项目名称：基于5G的智能工厂(一期)项目，项目编号2020-130100-0042），无需重复申报',
    ],
  ])('refuses %s, naming the earlier one', (_case, declarations, reason) => {
    expect(checkNotDuplicate(fields, declarations)).toEqual([{ ruleId: 'E6', result: 'refused', field: 'projectName', reason }]);
  });

  it('does not count the application’s own record when it is resubmitted', () => {
    // given the application itself, stored under its number
    const declarations = [earlier({ applicationNumber: '2021-130100-0009' })];
    // when / then
    expect(checkNotDuplicate(fields, declarations, '2021-130100-0009')).toEqual([{ ruleId: 'E6', result: 'pass' }]);
    expect(checkNotDuplicate(fields, declarations, '2021-130100-0010')[0]?.result).toBe('refused');
  });
});
