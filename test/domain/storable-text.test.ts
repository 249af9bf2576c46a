import { describe, expect, it } from 'vitest';
import { findUnstorableText, unstorableReason } from '../../domain/storable-text.js';

// What PostgreSQL cannot store (U+0000 anywhere; a lone UTF-16 surrogate in jsonb), found wherever it sits.

describe('text PostgreSQL cannot store', () => {
  it.each([
    ['plain Chinese text', '石家庄示例装备制造有限公司', null],
    ['an emoji (a surrogate pair)', '项目🚀', null],
    ['markup', '<script>alert(1)</script>', null],
    ['other control characters, which PostgreSQL keeps', 'a\tb\u0001c\u001f', null],
    ['U+0000', `项目${String.fromCharCode(0)}名称`, 'control-character'],
    ['a lone high surrogate', '项目\uD83D', 'lone-surrogate'],
    ['a lone low surrogate', '\uDE80项目', 'lone-surrogate'],
    ['two high surrogates', '\uD83D\uD83D\uDE80', 'lone-surrogate'],
  ])('%s', (_case, text, reason) => {
    expect(unstorableReason(text)).toBe(reason);
  });

  it('names each place in nested objects and lists, and a bad key at its object', () => {
    const value = {
      projectName: `a${String.fromCharCode(0)}`,
      performanceTargets: [{ indicator: 'ok' }, { indicator: 'bad\uD800' }],
      nested: { [`k${String.fromCharCode(0)}`]: 'v', fine: 'ok' },
      count: 3,
      flag: true,
      none: null,
    };
    expect(findUnstorableText(value, 'body.data')).toEqual([
      { path: 'body.data.projectName', reason: 'control-character' },
      { path: 'body.data.performanceTargets.1.indicator', reason: 'lone-surrogate' },
      { path: 'body.data.nested', reason: 'control-character' },
    ]);
    expect(findUnstorableText({ ok: ['a', 'b'] }, 'body')).toEqual([]);
    expect(findUnstorableText(`x${String.fromCharCode(0)}`, 'body')).toEqual([{ path: 'body', reason: 'control-character' }]);
  });
});
