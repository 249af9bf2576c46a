import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { installedSchemaVersion, readForm, type Component } from './form-files.js';

// Every shipped form must be one form-js itself accepts: the schema is form-js's own (@bpmn-io/form-json-schema,
// built from the form-js repository and vendored under modeling/form-json-schema/), validated the way form-js's
// own tests do it (ajv, draft-07, all errors, not strict).

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

const schema = readJson('modeling/form-json-schema/schema.json') as { properties: { schemaVersion: { maximum: number } } };
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const shippedForms = readdirSync(path.join(root, 'forms')).filter((name) => name.endsWith('.form')).sort();

/** The schema's complaints about a form, as `<instance path> <message>` lines (empty when it is valid). */
function schemaErrors(form: unknown): string[] {
  return validate(form) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? error.keyword}`);
}

describe("form-js's JSON schema", () => {
  it('is the one for the installed form-js: it accepts up to its schemaVersion', () => {
    expect(schema.properties.schemaVersion.maximum).toBe(installedSchemaVersion());
  });

  it('finds shipped forms to check', () => {
    expect(shippedForms).toEqual(expect.arrayContaining(['application-mode.form', 'application-industry-platform.form', 'application-experience-center.form']));
  });

  it.each(shippedForms)('accepts forms/%s', (name) => {
    expect(schemaErrors(readJson(`forms/${name}`))).toEqual([]);
  });

  it('refuses a file picker that carries a description (form-js does not render it)', () => {
    // given: a form whose only component, a file picker, has a description
    const form = readJson('test/fixtures/filepicker-with-description.form');
    // when
    const errors = schemaErrors(form);
    // then
    expect(errors).toContain('/components/0/description boolean schema is false');
  });

  it('accepts the same file picker once the hint is a text component beside it', () => {
    // given
    const form = readJson('test/fixtures/filepicker-with-description.form') as { components: Record<string, unknown>[] };
    const { description, ...picker } = form.components[0]!;
    // when
    const errors = schemaErrors({ ...form, components: [picker, { id: 'hint', type: 'text', text: description }] });
    // then
    expect(errors).toEqual([]);
  });
});

describe.each(['application-mode', 'application-industry-platform', 'application-experience-center'])('the hints of %s', (name) => {
  // The component right after the one with this key, in whichever group holds it.
  const next = (components: Component[], key: string): Component | undefined => {
    const index = components.findIndex((component) => component.key === key);
    if (index >= 0) return components[index + 1];
    return components.map((component) => next(component.components ?? [], key)).find(Boolean);
  };

  it.each([
    ['selfAssessmentReport', '登录 http://hebeipg.cspiii.com 完成评估后下载的企业两化融合自评估报告'],
    ['filingDocument', '后期拟申请试点示范的项目须上传'],
  ])('shows the hint of %s as a text component right after the picker', (key, hint) => {
    // given
    const form = readForm(name);
    // when
    const after = next(form.components, key);
    // then
    expect(after).toMatchObject({ type: 'text', text: expect.stringContaining(hint) });
  });
});
