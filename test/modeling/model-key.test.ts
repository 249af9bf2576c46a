import { describe, expect, it } from 'vitest';
import { keyOf, nameOf } from '../../modeling/model-key.js';

describe('the key and name of a form', () => {
  it.each<[string, unknown, string | undefined, string | null]>([
    ['a form with a heading', { id: 'review', components: [{ id: 'h', type: 'text', text: '\n## 市级初审\n说明' }] }, 'review', '市级初审'],
    ['a draft whose later component does not parse yet', { id: 'draft', components: [{ type: 'text', text: '# 草稿' }, { id: 'x' }] }, 'draft', '草稿'],
    ['a draft whose components are no list', { id: 'draft', components: 'none' }, 'draft', null],
    ['a form without id or heading', { components: [{ id: 'a', type: 'textfield', key: 'a' }] }, undefined, null],
    ['an id that is no text', { id: 3, components: [] }, undefined, null],
  ])('reads %s', (_case, form, key, name) => {
    // given
    const content = JSON.stringify(form);
    // when / then
    expect(keyOf('form', content)).toBe(key);
    expect(nameOf('form', content)).toBe(name);
  });

  it('reads nothing from text that is no JSON', () => {
    expect([keyOf('form', '{"id": '), nameOf('form', '{"id": ')]).toEqual([undefined, null]);
  });
});
