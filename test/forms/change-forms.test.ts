import { describe, expect, it } from 'vitest';
import { validateAgainstForm } from '../../platform/form-validation.js';
import { completionFor } from '../../web/server/tasks/completions/index.js';
import { allComponents, componentByKey, expectedHeader, installedSchemaVersion, readForm } from './form-files.js';

// The forms of a change request's and an exit proposal's steps in processes/project.bpmn: what each shows (the
// process variables the web server sets when the request or proposal is made and the unit gives its opinion), what
// it asks, and that the form's own rules and the server's schema for the step refuse the same submissions.

const forms = [
  { name: 'change-opinion', task: 'ChangeUnitOpinion', shows: ['projectNumber', 'projectName', 'changeSummary', 'changeReason'], decision: 'unitOpinion', comment: 'unitComment', values: ['agree', 'disagree'] },
  { name: 'change-decision', task: 'ChangeDecision', shows: ['changeSummary', 'changeReason', 'unitOpinionText', 'unitComment'], decision: 'changeDecision', comment: 'changeDecisionOpinion', values: ['approve', 'refuse'] },
  { name: 'exit-approval', task: 'ExitApproval', shows: ['projectNumber', 'exitReason', 'exitProposerName'], decision: 'exitDecision', comment: 'exitDecisionOpinion', values: ['approve', 'refuse'] },
] as const;

describe.each(forms)('forms/$name.form', ({ name, task, shows, decision, comment, values }) => {
  const form = readForm(name);
  const texts = allComponents(form.components).filter((c) => c.type === 'text').map((c) => String(c.text)).join('\n');

  it('carries its id, the common header and unique component ids', () => {
    const ids = allComponents(form.components).map((component) => component.id);
    expect(form).toMatchObject({ id: name, ...expectedHeader, schemaVersion: installedSchemaVersion() });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the request from the process variables, and asks a decision and a comment', () => {
    for (const variable of shows) expect(texts).toContain(`{{${variable}}}`);
    expect(componentByKey(form, decision).values?.map((v) => v.value)).toEqual([...values]);
    expect(componentByKey(form, comment)).toMatchObject({ type: 'textarea', validate: { required: true, maxLength: 1000 } });
  });

  const completion = completionFor(`project:1:${task}`, task);
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a decision with its comment', { [decision]: values[0], [comment]: '情况属实。' }, []],
    ['the other decision', { [decision]: values[1], [comment]: '理由不充分。' }, []],
    ['no decision', { [comment]: '情况属实。' }, [decision]],
    ['an unknown decision', { [decision]: 'later', [comment]: '情况属实。' }, [decision]],
    ['no comment', { [decision]: values[0], [comment]: '' }, [comment]],
    ['a comment over 1000 characters', { [decision]: values[0], [comment]: '意'.repeat(1001) }, [comment]],
  ])('refuses alike, in the form and on the server: %s', (_case, data, paths) => {
    expect(validateAgainstForm(form, data).map((p) => p.path)).toEqual(paths);
    const parsed = completion.schema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))).toEqual(paths);
  });
});
