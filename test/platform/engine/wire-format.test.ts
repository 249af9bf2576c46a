import { describe, expect, it } from 'vitest';
import { fromEngineDate, fromEngineVariables, toEngineDate, toEngineVariables } from '../../../platform/engine/wire-format.js';

// The engine's REST formats the resources share: its date text and its typed process variables.

describe('engine dates', () => {
  it('writes the offset without a colon, as the engine expects', () => {
    expect(toEngineDate(new Date('2026-03-01T08:30:00.000Z'))).toBe('2026-03-01T08:30:00.000+0000');
  });

  it('reads an offset without a colon as the same instant', () => {
    expect(fromEngineDate('2021-12-20T10:00:00.000+0800').toISOString()).toBe('2021-12-20T02:00:00.000Z');
  });
});

describe('engine variables', () => {
  it('sends objects and arrays as Json text and leaves other values untyped', () => {
    expect(toEngineVariables({ data: { projectName: '项目' }, list: [1], name: '甲', count: 3, none: null })).toEqual({
      data: { value: '{"projectName":"项目"}', type: 'Json' },
      list: { value: '[1]', type: 'Json' },
      name: { value: '甲' },
      count: { value: 3 },
      none: { value: null },
    });
  });

  it('reads Json text back to values and keeps the others as they are', () => {
    expect(fromEngineVariables({ data: { value: '{"a":1}', type: 'Json' }, name: { value: '甲', type: 'String' }, none: { value: null, type: 'Null' } })).toEqual({
      data: { a: 1 },
      name: '甲',
      none: null,
    });
  });
});
