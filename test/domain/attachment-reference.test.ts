import { describe, expect, it } from 'vitest';
import { attachmentReference, attachmentReferencesIn } from '../../domain/attachment-reference.js';

const id = '0b9f2a4e-7c1d-4f7e-9a51-3f0d6f1c2b8a';
const sha256 = 'AB'.repeat(32);

describe('an attachment reference', () => {
  it('parses with its digest in lower case', () => {
    expect(attachmentReference.parse({ id, fileName: '营业执照.pdf', sha256 })).toEqual({ id, fileName: '营业执照.pdf', sha256: 'ab'.repeat(32) });
  });

  it.each([
    ['an id that is no uuid', { id: '42', fileName: 'a.pdf', sha256 }, '附件标识无效'],
    ['a digest of another length', { id, fileName: 'a.pdf', sha256: 'ab' }, '附件摘要无效'],
    ['no file name', { id, fileName: ' ', sha256 }, '不能为空'],
  ])('refuses %s', (_case, value, message) => {
    expect(attachmentReference.safeParse(value).error?.issues[0]?.message).toBe(message);
  });

  it('is found anywhere in data, with its path, a malformed digest kept for the ownership check to refuse', () => {
    // given
    const data = {
      projectName: '智能排产',
      localTaxProof: { id, fileName: 'tax.pdf', sha256 },
      performanceTargets: [{ indicator: '产能', proof: { id, fileName: 'proof.pdf', sha256: 'forged' } }],
      notAReference: { id: 'x', fileName: 'y', sha256: 'z' },
    };
    // when
    const found = attachmentReferencesIn(data);
    // then
    expect(found).toEqual([
      { path: 'localTaxProof', ref: { id, fileName: 'tax.pdf', sha256 } },
      { path: 'performanceTargets.0.proof', ref: { id, fileName: 'proof.pdf', sha256: 'forged' } },
    ]);
  });
});
