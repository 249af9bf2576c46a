import { describe, expect, it } from 'vitest';
import type { ApplicationFields } from '../../../domain/application.js';
import { checkRegisteredInHebei } from '../../../domain/eligibility/e1-registered-in-hebei.js';
import { validApplication } from '../valid-application.js';

const proof = { id: '0b6f8e2a-4c1d-4f3e-9a2b-7c8d9e0f1a2b', fileName: '证明.pdf', sha256: 'c'.repeat(64) };

/** E1's outcomes as [result, field] pairs, for an application changed in a few fields. */
function e1(changes: Partial<ApplicationFields>): [string, string | undefined][] {
  return checkRegisteredInHebei(validApplication(changes)).map((outcome) => [outcome.result, outcome.field]);
}

describe('E1 registered in Hebei, industrial, independent legal person', () => {
  it.each<[string, Partial<ApplicationFields>]>([
    ['a Shijiazhuang district declaring to 石家庄', {}],
    ['a software enterprise', { enterpriseKind: 'software-it' }],
    ['a Tangshan county declaring to 唐山', { uscc: '91130229MA0F3K7TXQ', declaredUnit: '130200' }],
    ['辛集 declaring to 辛集', { uscc: '91130181MA0F3K7TXW', declaredUnit: '130181' }],
    ['辛集 by its older code declaring to 辛集', { uscc: '91139002MA0F3K7TXR', declaredUnit: '130181' }],
    ['定州 by its older code declaring to 定州', { uscc: '91139001MA0F3K7TXB', declaredUnit: '130682' }],
    ['雄县 declaring to 雄安新区', { uscc: '91130638MA0F3K7TXE', declaredUnit: 'xiongan' }],
    ['a non-legal person with both proofs', { independentLegalPerson: false, localStatsProof: proof, localTaxProof: proof }],
    ['lower-case input', { uscc: '91130102ma0f3k7txf' }],
  ])('passes %s', (_case, changes) => {
    expect(e1(changes)).toEqual([['pass', undefined]]);
  });

  it.each<[string, Partial<ApplicationFields>, [string, string | undefined][]]>([
    ['a Beijing enterprise', { uscc: '91110000MA0F3K7TX5' }, [['refused', 'uscc']]],
    ['a Fujian enterprise', { uscc: '91350100M000100Y43' }, [['refused', 'uscc']]],
    ['a non-industrial enterprise', { enterpriseKind: 'other' }, [['refused', 'enterpriseKind']]],
    ['a non-legal person without the statistics proof', { independentLegalPerson: false, localTaxProof: proof }, [['correction', 'localStatsProof']]],
    ['a non-legal person without the tax proof', { independentLegalPerson: false, localStatsProof: proof }, [['correction', 'localTaxProof']]],
    [
      'a non-legal person without any proof',
      { independentLegalPerson: false },
      [['correction', 'localStatsProof'], ['correction', 'localTaxProof']],
    ],
    [
      'a non-industrial Jiangsu enterprise',
      { uscc: '91320500MA0F3K7TXG', enterpriseKind: 'other' },
      [['refused', 'uscc'], ['refused', 'enterpriseKind']],
    ],
  ])('finds %s', (_case, changes, expected) => {
    expect(e1(changes)).toEqual(expected);
  });

  it.each<[string, Partial<ApplicationFields>]>([
    ['a 唐山 code declaring to 石家庄', { uscc: '91130229MA0F3K7TXQ', declaredUnit: '130100' }],
    ['a province-level code (130000)', { uscc: '91130000MA0F3K7TXD', declaredUnit: '130100' }],
    ['a 保定 county that belongs to 雄安新区', { uscc: '91130629MA0F3K7TXD', declaredUnit: '130600' }],
    ['辛集 declaring to 石家庄', { uscc: '91130181MA0F3K7TXW', declaredUnit: '130100' }],
  ])('passes with a territorial warning for the reviewer: %s', (_case, changes) => {
    expect(e1(changes)).toEqual([['pass', undefined], ['warning', 'declaredUnit']]);
  });

  it('names both units in the territorial warning', () => {
    // given a 唐山 enterprise declaring to 石家庄
    const fields = validApplication({ uscc: '91130229MA0F3K7TXQ', declaredUnit: '130100' });
    // when
    const warning = checkRegisteredInHebei(fields).find((outcome) => outcome.result === 'warning');
    // then
    expect(warning?.reason).toContain('唐山市');
    expect(warning?.reason).toContain('石家庄市');
  });

  it('flags a confirmed code that fails its check character for the reviewer, and still checks its region', () => {
    expect(e1({ uscc: '91130102MA0F3K7TX0', usccConfirmedAsPrinted: true })).toEqual([['pass', undefined], ['warning', 'uscc']]);
    expect(e1({ uscc: '91110000MA0F3K7TX0', usccConfirmedAsPrinted: true })).toEqual([['warning', 'uscc'], ['refused', 'uscc']]);
  });

  it.each<[string, Partial<ApplicationFields>]>([
    ['an unconfirmed failing check character', { uscc: '91130102MA0F3K7TX0' }],
    ['a code of wrong length, even confirmed', { uscc: '9113010', usccConfirmedAsPrinted: true }],
  ])('refuses malformed input the API should have stopped: %s', (_case, changes) => {
    expect(e1(changes)).toEqual([['refused', 'uscc']]);
  });

  it('gives every finding a Chinese reason', () => {
    const outcomes = checkRegisteredInHebei(
      validApplication({ uscc: '91130000MA0F3K7TXD', enterpriseKind: 'other', independentLegalPerson: false }),
    );
    expect(outcomes).toHaveLength(4);
    for (const outcome of outcomes) {
      expect(outcome.ruleId).toBe('E1');
      expect(outcome.reason).toMatch(/\p{Script=Han}/u);
    }
  });
});
