import { describe, expect, it } from 'vitest';
import { authoredMessage, readComment } from '../../web/server/tasks/comment-author.js';
import { matchesCriteria, type CriteriaFacts } from '../../web/server/tasks/criteria.js';
import { taskCriteria, type TaskCriteria } from '../../web/server/schemas/tasks.js';
import { formContext } from '../../web/server/tasks/form-context.js';

// The tasklist's pure rules: which task a filter keeps, which variables a form is given, who wrote a comment.

const now = new Date('2021-12-10T10:00:00+08:00');
const task: CriteriaFacts = { stage: 'CityReview', due: null, assignee: null, unitId: '130100', template: 'mode-application' };
const at = (iso: string) => new Date(iso);

describe('matchesCriteria', () => {
  it.each<[string, Partial<CriteriaFacts>, TaskCriteria, boolean]>([
    ['no criteria keep everything', {}, {}, true],
    ['the same stage', {}, { stage: 'CityReview' }, true],
    ['another stage', {}, { stage: 'CityRecommendation' }, false],
    ['another unit', {}, { unitId: '130200' }, false],
    ['the same category', {}, { template: 'mode-application' }, true],
    ['another category', {}, { template: 'experience-center' }, false],
    ['mine, when I claimed it', { assignee: 'me' }, { assignee: 'mine' }, true],
    ['mine, when a colleague claimed it', { assignee: 'other' }, { assignee: 'mine' }, false],
    ['unassigned', {}, { assignee: 'unassigned' }, true],
    ['unassigned, when claimed', { assignee: 'other' }, { assignee: 'unassigned' }, false],
    ['no due date', {}, { due: 'none' }, true],
    ['no due date, when it has one', { due: at('2021-12-11T10:00:00+08:00') }, { due: 'none' }, false],
    ['overdue, due an hour ago', { due: at('2021-12-10T09:00:00+08:00') }, { due: 'overdue' }, true],
    ['overdue, due in an hour', { due: at('2021-12-10T11:00:00+08:00') }, { due: 'overdue' }, false],
    ['today, late tonight in Beijing', { due: at('2021-12-10T23:59:00+08:00') }, { due: 'today' }, true],
    ['today, early this morning in Beijing (already overdue)', { due: at('2021-12-10T00:30:00+08:00') }, { due: 'today' }, true],
    ['today, tomorrow just after midnight', { due: at('2021-12-11T00:00:00+08:00') }, { due: 'today' }, false],
    ['this week, in six days', { due: at('2021-12-16T18:00:00+08:00') }, { due: 'week' }, true],
    ['this week, in eight days', { due: at('2021-12-18T09:00:00+08:00') }, { due: 'week' }, false],
    ['this week, but overdue', { due: at('2021-12-09T09:00:00+08:00') }, { due: 'week' }, false],
    ['due by a date, on that day', { due: at('2021-12-20T23:00:00+08:00') }, { dueBefore: '2021-12-20' }, true],
    ['due by a date, the day after', { due: at('2021-12-21T00:00:00+08:00') }, { dueBefore: '2021-12-20' }, false],
    ['due by a date, without a due date', {}, { dueBefore: '2021-12-20' }, false],
    ['every criterion at once', { assignee: 'me', due: at('2021-12-09T09:00:00+08:00') }, { stage: 'CityReview', unitId: '130100', template: 'mode-application', due: 'overdue', assignee: 'mine' }, true],
  ])('%s', (_, facts, criteria, expected) => {
    expect(matchesCriteria({ ...task, ...facts }, criteria, now, 'me')).toBe(expected);
  });

  it('parses criteria strictly, as saved filters and query strings are', () => {
    expect(taskCriteria.safeParse({ stage: 'CityReview', due: 'today' }).success).toBe(true);
    expect(taskCriteria.safeParse({ stage: 'City Review' }).success).toBe(false);
    expect(taskCriteria.safeParse({ unitId: '130199' }).success).toBe(false);
    expect(taskCriteria.safeParse({ dueBefore: '2021-13-01' }).success).toBe(false);
    expect(taskCriteria.safeParse({ colour: 'red' }).success).toBe(false);
  });
});

describe('formContext', () => {
  const form = {
    components: [
      { type: 'text', text: '**申报企业：** {{enterpriseName}}' },
      { type: 'textfield', key: 'greeting', readonly: true },
      { type: 'radio', key: 'cityDecision' },
      { type: 'textarea', key: 'cityOpinion' },
      { type: 'dynamiclist', path: 'fieldComments', components: [{ type: 'textfield', key: 'comment' }] },
      { type: 'text', text: '上次：{{recommendationRefusal}}', conditional: { hide: '=is empty(recommendationRefusal)' } },
    ],
  };
  it.each<[string, string, boolean]>([
    ['a variable a text shows', 'enterpriseName', true],
    ['a read-only field', 'greeting', true],
    ['a variable a condition and a text read', 'recommendationRefusal', true],
    ['a previous decision (an editable field)', 'cityDecision', false],
    ['a previous opinion', 'cityOpinion', false],
    ['a previous list of field comments', 'fieldComments', false],
    ['a variable the form never mentions', 'cityGroup', false],
    ['a variable whose name is part of a longer one', 'enterprise', false],
  ])('%s', (_, name, given) => {
    const variables = { enterpriseName: 'A', greeting: 'B', recommendationRefusal: 'C', cityDecision: 'return', cityOpinion: 'D', fieldComments: [], cityGroup: 'city130100', enterprise: 'E' };
    expect(name in formContext(form, variables)).toBe(given);
  });
});

describe('comment authors', () => {
  it.each<[string, string | null, string | null, { author: string | null; text: string }]>([
    ['a comment written here', authoredMessage('reviewer.sjz', '请核实。'), 'iiotservice', { author: 'reviewer.sjz', text: '请核实。' }],
    ['a typed mark stays text', authoredMessage('reviewer.b', '【reviewer.a】冒充'), 'iiotservice', { author: 'reviewer.b', text: '【reviewer.a】冒充' }],
    ['a comment from the engine’s own Tasklist', '同意', 'admin', { author: 'admin', text: '同意' }],
    ['an empty message', null, null, { author: null, text: '' }],
  ])('%s', (_, message, userId, expected) => {
    expect(readComment(message, userId)).toEqual(expected);
  });
});
