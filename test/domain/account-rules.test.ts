import { describe, expect, it } from 'vitest';
import {
  accountShapeProblems, administeredRoles, administratorChangeProblems, afterChange, changedFields, endsSessions, isManagedByUnitAdministrator,
  LAST_ADMINISTRATOR_MESSAGE, leavesNoAdministrator, removesActiveAdministrator, unitAdministratorChangeProblems, usernamePattern, type AccountChange, type AccountState,
} from '../../domain/account-rules.js';
import { roles } from '../../web/server/identity/roles.js';

const reviewer: AccountState = { id: 2, role: 'city-reviewer', unitId: '130100', unitAdmin: false, disabled: false };
const officer: AccountState = { id: 3, role: 'province-officer', unitId: null, unitAdmin: false, disabled: false };
const enterprise: AccountState = { id: 4, role: 'applicant', unitId: null, unitAdmin: false, disabled: false };
const admin: AccountState = { id: 1, role: 'administrator', unitId: null, unitAdmin: false, disabled: false };

describe('account rules', () => {
  it('administer every role of the server but the enterprise’s, and name the last-administrator refusal', () => {
    expect([...administeredRoles].sort()).toEqual(roles.filter((role) => role !== 'applicant').sort());
    expect(LAST_ADMINISTRATOR_MESSAGE).toBe('不能停用或变更最后一个管理员账号');
    expect(usernamePattern.test('city130100.li')).toBe(true);
    expect(usernamePattern.test('Li')).toBe(false);
  });

  it.each<[string, Pick<AccountState, 'role' | 'unitId' | 'unitAdmin'>, { field: string; message: string }[]]>([
    ['a reviewer of a unit', { role: 'city-reviewer', unitId: '130100', unitAdmin: true }, []],
    ['an officer without a unit', { role: 'province-officer', unitId: null, unitAdmin: false }, []],
    ['a reviewer without a unit', { role: 'city-reviewer', unitId: null, unitAdmin: false }, [{ field: 'unitId', message: '市级审核人员须选择所属单位' }]],
    ['a reviewer of an unknown unit', { role: 'city-reviewer', unitId: '130000', unitAdmin: false }, [{ field: 'unitId', message: '没有编号为“130000”的单位' }]],
    ['an expert with a unit', { role: 'expert', unitId: '130100', unitAdmin: false }, [{ field: 'unitId', message: '只有市级审核人员有所属单位，请清除所属单位' }]],
    ['a finance account as unit administrator', { role: 'finance', unitId: null, unitAdmin: true }, [{ field: 'unitAdmin', message: '只有市级审核人员可以设为单位管理员' }]],
  ])('hold %s', (_case, account, problems) => {
    expect(accountShapeProblems(account)).toEqual(problems);
  });

  it.each<[string, AccountState, AccountChange, string[]]>([
    ['a reviewer moved to another unit', reviewer, { unitId: '130200' }, []],
    ['a reviewer made an officer with its unit cleared', reviewer, { role: 'province-officer', unitId: null }, []],
    ['a reviewer made an officer keeping its unit', reviewer, { role: 'province-officer' }, ['unitId:只有市级审核人员有所属单位，请清除所属单位']],
    ['a reviewer made an officer keeping its flag', { ...reviewer, unitAdmin: true }, { role: 'province-officer', unitId: null }, ['unitAdmin:只有市级审核人员可以设为单位管理员']],
    ['an officer made a reviewer without a unit', officer, { role: 'city-reviewer' }, ['unitId:市级审核人员须选择所属单位']],
    ['an enterprise’s account disabled', enterprise, { disabled: true }, []],
    ['an enterprise’s account given another role', enterprise, { role: 'expert' }, ['role:企业账号的角色不能修改']],
    ['an officer made an enterprise', officer, { role: 'applicant' }, ['role:不能改为申报企业账号：企业账号由企业注册产生']],
    ['an administrator disabling itself (the last-administrator rule holds the last one)', admin, { disabled: true }, []],
  ])('let the administrator make %s, or say why not', (_case, before, change, problems) => {
    expect(administratorChangeProblems(before, change).map((p) => `${p.field}:${p.message}`)).toEqual(problems);
  });

  it('let a unit administrator manage only its own unit’s reviewers, never their role or unit, and never disable itself', () => {
    const unitAdmin = { ...reviewer, id: 9, unitAdmin: true };
    expect(isManagedByUnitAdministrator(unitAdmin, reviewer)).toBe(true);
    expect(isManagedByUnitAdministrator(unitAdmin, { ...reviewer, unitId: '130200' })).toBe(false);
    expect(isManagedByUnitAdministrator(unitAdmin, officer)).toBe(false);
    expect(isManagedByUnitAdministrator({ ...unitAdmin, unitAdmin: false }, reviewer)).toBe(false);
    expect(unitAdministratorChangeProblems(9, reviewer, { unitAdmin: true, disabled: true, displayName: '李四' })).toEqual([]);
    expect(unitAdministratorChangeProblems(9, reviewer, { role: 'city-reviewer', unitId: '130100' })).toEqual([]);
    expect(unitAdministratorChangeProblems(9, reviewer, { role: 'expert', unitId: '130200' }).map((p) => p.message)).toEqual(['单位管理员不能修改账号的角色', '单位管理员不能修改账号的所属单位']);
    expect(unitAdministratorChangeProblems(9, unitAdmin, { disabled: true }).map((p) => p.message)).toEqual(['不能停用自己的账号']);
  });

  it.each<[string, Pick<AccountState, 'role' | 'disabled'>, Pick<AccountState, 'role' | 'disabled'>, boolean]>([
    ['disabling an active administrator', { role: 'administrator', disabled: false }, { role: 'administrator', disabled: true }, true],
    ['giving an active administrator another role', { role: 'administrator', disabled: false }, { role: 'province-officer', disabled: false }, true],
    ['renaming an administrator', { role: 'administrator', disabled: false }, { role: 'administrator', disabled: false }, false],
    ['moving a disabled administrator', { role: 'administrator', disabled: true }, { role: 'expert', disabled: true }, false],
    ['disabling an officer', { role: 'province-officer', disabled: false }, { role: 'province-officer', disabled: true }, false],
  ])('count %s as removing an active administrator: %s', (_case, before, after, removes) => {
    expect(removesActiveAdministrator(before, after)).toBe(removes);
  });

  it('refuse removing the last active administrator only', () => {
    expect(leavesNoAdministrator([1], 1)).toBe(true);
    expect(leavesNoAdministrator([1, 5], 1)).toBe(false);
    expect(leavesNoAdministrator([], 1)).toBe(true);
  });

  it('end the sessions of a disabled account and of one whose role or unit changed, not of a renamed one', () => {
    expect(endsSessions(reviewer, { ...reviewer, disabled: true })).toBe(true);
    expect(endsSessions(reviewer, { ...reviewer, unitId: '130200' })).toBe(true);
    expect(endsSessions(reviewer, { ...reviewer, role: 'expert', unitId: null })).toBe(true);
    expect(endsSessions(reviewer, reviewer)).toBe(false);
    expect(endsSessions({ ...reviewer, disabled: true }, reviewer)).toBe(false);
  });

  it('apply a change’s defined fields and list what changed, before and after', () => {
    const before = { ...reviewer, displayName: '张三', email: null as string | null };
    const after = afterChange(before, { displayName: '李四', email: undefined, unitAdmin: true });
    expect(after).toEqual({ ...before, displayName: '李四', unitAdmin: true });
    expect(changedFields(before, after, ['displayName', 'email', 'unitAdmin', 'role'])).toEqual({ displayName: { from: '张三', to: '李四' }, unitAdmin: { from: false, to: true } });
  });
});
