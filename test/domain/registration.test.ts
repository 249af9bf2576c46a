import { describe, expect, it } from 'vitest';
import { decisionMail, isStaleUnconfirmed, judgeRegistrationUscc, linkExpiry } from '../../domain/registration.js';
import { usccCheckCharacter } from '../../domain/uscc.js';

const valid = (body17: string) => body17 + usccCheckCharacter(body17);
const failing = (body17: string) => body17 + (usccCheckCharacter(body17) === '0' ? '1' : '0');

describe('judgeRegistrationUscc', () => {
  it.each([
    ['a valid 石家庄 code', valid('91130102MA0CXXXX0'), false, { ok: true, checksumFails: false, suggestedUnitId: '130100' }],
    ['a valid 雄安 code', valid('91130629MA0CXXXX0'), false, { ok: true, checksumFails: false, suggestedUnitId: 'xiongan' }],
    ['a valid 辛集 code (old 139002)', valid('91139002MA0CXXXX0'), false, { ok: true, checksumFails: false, suggestedUnitId: '130181' }],
    ['a failing code, not confirmed', failing('91130102MA0CXXXX0'), false, { ok: false }],
    ['a failing code, confirmed as printed', failing('91130102MA0CXXXX0'), true, { ok: true, checksumFails: true, suggestedUnitId: '130100' }],
    ['a short code, even confirmed', '9113010', true, { ok: false }],
    ['a Beijing code', valid('91110105MA0CXXXX0'), false, { ok: false }],
    ['a province-level code', valid('91130000MA0CXXXX0'), false, { ok: false }],
  ])('%s', (_label, code, asPrinted, expected) => {
    expect(judgeRegistrationUscc(code, asPrinted)).toMatchObject(expected);
  });

  it('normalises full-width and lower-case input', () => {
    const code = valid('91130102MA0CXXXX0');
    const typed = ` ${code.toLowerCase()} `.replace('9', '９');
    expect(judgeRegistrationUscc(typed, false)).toMatchObject({ ok: true, uscc: code });
  });

  it('refuses outside Hebei with a message naming the province', () => {
    const result = judgeRegistrationUscc(valid('91110105MA0CXXXX0'), false);
    expect(result.ok ? '' : result.message).toContain('河北省');
  });
});

describe('links and stale registrations', () => {
  const now = new Date('2026-12-03T08:00:00Z');
  it.each([[23, false], [24, true], [30, true]])('an unconfirmed registration %i hours old is stale: %s', (hours, stale) => {
    expect(isStaleUnconfirmed(new Date(now.getTime() - hours * 3_600_000), now)).toBe(stale);
  });
  it('computes a link’s expiry', () => {
    expect(linkExpiry(now, 1).toISOString()).toBe('2026-12-03T09:00:00.000Z');
  });
  it('words a rejection with its reason', () => {
    const mail = decisionMail({ enterpriseName: '某公司', unitName: '石家庄市', username: 'a.b', approved: false, reason: '材料不全', signInUrl: 'http://x/login' });
    expect(mail.body).toContain('材料不全');
    expect(decisionMail({ enterpriseName: '某公司', unitName: '石家庄市', username: 'a.b', approved: true, reason: null, signInUrl: 'http://x/login' }).body).toContain('http://x/login');
  });
});
