import { describe, expect, it } from 'vitest';
import { priorityQualificationCodes, priorityQualifications } from '../../domain/priority.js';

describe('priorityQualifications', () => {
  it('list the five qualifications in the order of the notice', () => {
    expect(priorityQualifications.map((entry) => [entry.code, entry.label])).toEqual([
      ['it-pilot', '列入国家和省信息化类试点示范'],
      ['it-award', '取得省级以上信息技术创新成果或奖励'],
      ['management-system', '两化融合管理体系贯标并通过评定'],
      ['specialized-sme', '省级“专精特新”中小企业'],
      ['epidemic-supplies', '疫情防控重点物资生产企业'],
    ]);
    expect(priorityQualificationCodes).toEqual(['it-pilot', 'it-award', 'management-system', 'specialized-sme', 'epidemic-supplies']);
  });
});
