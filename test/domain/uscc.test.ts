import { describe, expect, it } from 'vitest';
import { checkUscc, normaliseUscc, usccCharset, usccRegionCode } from '../../domain/uscc.js';

describe('checkUscc', () => {
  it.each([
    ['the Fuzhou example of the standard', '91350100M000100Y43', '350100'],
    ['the Beijing example', '91110000600037341L', '110000'],
    ['a Shijiazhuang district', '91130102MA0F3K7TXF', '130102'],
    ['a code whose check character is 0', '91130100MA0F3K7TP0', '130100'],
    ['a province-level code', '91130000MA0F3K7TXD', '130000'],
  ])('accepts %s and returns its region', (_case, code, regionCode) => {
    expect(checkUscc(code)).toEqual({ ok: true, regionCode });
  });

  it.each([
    ['lower case', '91110000600037341l', '110000'],
    ['surrounding spaces', '  91350100M000100Y43\t', '350100'],
    ['full-width characters', '９１１１００００６０００３７３４１Ｌ', '110000'],
  ])('accepts %s after normalisation', (_case, code, regionCode) => {
    expect(checkUscc(code)).toEqual({ ok: true, regionCode });
  });

  it.each([
    ['one character changed in the body', '91350100M000100Y53', 'check-character'],
    ['the check character changed', '91110000600037341K', 'check-character'],
    ['two neighbours swapped', '91351000M000100Y43', 'check-character'],
    ['an I', '91110000600037341I', 'charset'],
    ['an O', '9111000060003734OL', 'charset'],
    ['an S, V and Z', 'S1110000600037341L', 'charset'],
    ['a hyphen', '9111000060003734-L', 'charset'],
    ['17 characters', '91110000600037341', 'length'],
    ['19 characters', '91110000600037341LL', 'length'],
    ['nothing', '', 'length'],
  ])('refuses %s', (_case, code, problem) => {
    const result = checkUscc(code);
    expect(result).toMatchObject({ ok: false, problem });
    expect(result.ok ? '' : result.message).toMatch(/统一社会信用代码/);
  });

  it('names the length it found and the character it does not allow', () => {
    expect(checkUscc('9111')).toMatchObject({ message: expect.stringContaining('当前为4位') });
    expect(checkUscc('9111000060003734OL')).toMatchObject({ message: expect.stringContaining('“O”') });
  });
});

describe('normaliseUscc', () => {
  it.each([
    [' 91110000600037341l ', '91110000600037341L'],
    ['９１１１００００６０００３７３４１ｌ', '91110000600037341L'],
    ['91350100M000100Y43', '91350100M000100Y43'],
  ])('turns %j into %j', (input, expected) => {
    expect(normaliseUscc(input)).toBe(expected);
  });
});

describe('usccRegionCode', () => {
  it('reads characters 3 to 8 even when the check character is wrong', () => {
    expect(usccRegionCode('91130229MA0F3K7TX0')).toBe('130229');
  });
});

describe('usccCharset', () => {
  it('has the 31 characters of GB 32100 and none of I, O, S, V, Z', () => {
    expect(usccCharset).toHaveLength(31);
    expect(usccCharset).not.toMatch(/[IOSVZ]/);
  });
});
