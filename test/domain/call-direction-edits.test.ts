import { describe, expect, it } from 'vitest';
import { directionEditProblems, vocabularyOf, type DirectionRow, type DirectionsEdit } from '../../domain/call-direction-edits.js';
import { call2021 } from '../../domain/call.js';

// A province officer's edit of a call's directions, checked whole: each refusal names its row in Chinese.

const rowsOf2021: DirectionRow[] = call2021.directions.map((d) => ({
  code: d.code, label: d.label, subtypeOf: d.subtypeOf ?? null, template: call2021.directionTemplates[d.code]!, retired: false,
}));
const edit = (directions: DirectionRow[], cappedDirection: string | null = 'city-platform'): DirectionsEdit => ({ directions, cappedDirection });
const added: DirectionRow = { label: '工业互联网+安全', subtypeOf: null, template: 'mode-application', retired: false };
const none = new Map<string, number>();

describe('an edit of a call’s directions', () => {
  it('accepts the list as it is, a new row without a code, a rename and a retirement', () => {
    const renamed = rowsOf2021.map((r) => (r.code === 'green-manufacturing' ? { ...r, label: '绿色低碳制造' } : r.code === 'safety-production' ? { ...r, retired: true } : r));
    expect(directionEditProblems(call2021, edit([...renamed, added]), new Map([['safety-production', 3]]))).toEqual([]);
  });

  it.each<[string, DirectionRow[], Map<string, number>, { path: string; message: string }[]]>([
    ['a duplicate name', [...rowsOf2021, { ...added, label: ' 绿色制造 ' }], none, [{ path: 'directions.14.label', message: '第15行：申报方向名称“绿色制造”与第12行重复' }]],
    ['an empty name', [...rowsOf2021, { ...added, label: '  ' }], none, [{ path: 'directions.14.label', message: '第15行：请填写申报方向名称' }]],
    ['no template', [...rowsOf2021, { ...added, template: null }], none, [{ path: 'directions.14.template', message: '第15行：请为“工业互联网+安全”选择申报书类别（附件2–4）' }]],
    ['a malformed code', [...rowsOf2021, { ...added, code: 'A' }], none, [{ path: 'directions.14.code', message: '第15行：申报方向编码须为2至60个小写字母、数字或连字符' }]],
    ['a duplicate code', [...rowsOf2021, { ...added, code: 'green-manufacturing' }], none, [{ path: 'directions.14.code', message: '第15行：申报方向编码 green-manufacturing 与第12行重复' }]],
    ['removing a direction applications declare', rowsOf2021.filter((r) => r.code !== 'safety-production'), new Map([['safety-production', 2]]), [
      { path: 'directions', message: '申报方向“安全生产”已有 2 份申报使用，不能删除；如不再受理，请将其停用' },
    ]],
    ['a parent that is not in the list', [...rowsOf2021, { ...added, subtypeOf: 'nowhere' }], none, [{ path: 'directions.14.subtypeOf', message: '第15行：上级申报方向 nowhere 不是本批次的其他申报方向' }]],
  ])('refuses %s, naming the row', (_case, rows, usage, expected) => {
    expect(directionEditProblems(call2021, edit(rows), usage)).toEqual(expected);
  });

  it('refuses a capped direction that is not in the list', () => {
    expect(directionEditProblems(call2021, edit(rowsOf2021, 'gone'), none)).toEqual([{ path: 'cappedDirection', message: '限推1个的申报方向 gone 不是本批次的申报方向' }]);
  });

  it('lets an unused direction go', () => {
    expect(directionEditProblems(call2021, edit(rowsOf2021.filter((r) => r.code !== 'safety-production')), none)).toEqual([]);
  });

  it('becomes the call’s directions, template table and capped direction, a new row with a made code', () => {
    const vocabulary = vocabularyOf(edit([...rowsOf2021.slice(0, 5), { ...added, retired: true }], null), () => 'd-0a1b2c3d');
    expect(vocabulary.directions.at(-1)).toEqual({ code: 'd-0a1b2c3d', label: '工业互联网+安全', retired: true });
    expect(vocabulary.directions[4]).toEqual({ code: 'city-platform', label: '市级工业互联网综合平台', subtypeOf: 'industry-platform' });
    expect(vocabulary.directionTemplates).toMatchObject({ 'd-0a1b2c3d': 'mode-application', 'city-platform': 'industry-platform' });
    expect(vocabulary.directionCappedAtOnePerUnit).toBeNull();
  });
});
