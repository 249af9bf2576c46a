import { describe, expect, it } from 'vitest';
import { toClientVariables } from '../../../platform/engine/external-tasks.js';

// What a worker's output becomes on the wire when the adapter completes a task or raises a BPMN error with it.

describe('toClientVariables', () => {
  it.each([
    ['a string', 'E1', { type: 'string', value: 'E1' }],
    ['an integer', 42, { type: 'integer', value: 42 }],
    ['a fraction', 0.5, { type: 'double', value: 0.5 }],
    ['a boolean', false, { type: 'boolean', value: false }],
    ['an object, as Json text', { by: 'adapter' }, { type: 'json', value: '{"by":"adapter"}' }],
    ['an array, as Json text', ['a', 'b'], { type: 'json', value: '["a","b"]' }],
    // The library would type null as Json (typeof null is "object") and send the text "null".
    ['null, as Null', null, { type: 'null', value: null }],
  ])('sends %s with its engine type', (_what, value, expected) => {
    // given / when
    const variables = toClientVariables({ field: value }).getDirtyVariables();

    // then
    expect(variables.field).toMatchObject(expected);
  });

  it('sends every value it is given, and nothing else', () => {
    expect(Object.keys(toClientVariables({ a: 1, b: null, c: 'x' }).getDirtyVariables())).toEqual(['a', 'b', 'c']);
  });
});
