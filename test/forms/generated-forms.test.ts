import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applicationFormIds } from '../../domain/application-forms.js';
import { applicationFields, fieldLabels } from '../../domain/application.js';
import { applicationForms, type Fragments } from '../../scripts/form-fragments.js';
import { generatedFiles, readFragments, repositoryRoot } from '../../scripts/generate-forms.js';
import { componentByKey, readForm } from './form-files.js';

// The application forms' shared parts have one source, forms/fragments/: the shipped .form files and the domain's
// field labels are generated from it, byte for byte, so regenerating them leaves git status clean.

const HINT = 'run `sh scripts/node.sh npx tsx scripts/generate-forms.ts` and commit the result';
const applicationFormNames = Object.values(applicationFormIds);

describe('the generated application forms', () => {
  const generated = generatedFiles();

  it('are exactly the three application forms and the shared field labels of domain/', () => {
    expect([...generated.keys()].sort()).toEqual(
      [...applicationFormNames.map((name) => `forms/${name}.form`), 'domain/application-shared-fields.ts'].sort(),
    );
  });

  it.each([...generated])('%s is what its fragments generate', (file, content) => {
    // when: the shipped file is read as bytes
    const shipped = readFileSync(path.join(repositoryRoot, file), 'utf8');
    // then
    expect(shipped === content, `${file} differs from forms/fragments/: ${HINT}`).toBe(true);
  });

  it('give the domain the labels the application forms show', () => {
    for (const name of applicationFormNames) {
      const form = readForm(name);
      for (const key of Object.keys(applicationFields.shape) as (keyof typeof fieldLabels)[]) {
        const component = componentByKey(form, key);
        expect([name, key, component.label ?? component.dateLabel]).toEqual([name, key, fieldLabels[key]]);
      }
    }
  });
});

describe('the generator', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'form-fragments-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('carries a shared field changed in its fragment into all three forms and the domain labels', () => {
    // given: a copy of the fragments whose enterprise block names the enterprise differently
    cpSync(path.join(repositoryRoot, 'forms', 'fragments'), path.join(root, 'forms', 'fragments'), { recursive: true });
    const enterpriseFile = path.join(root, 'forms', 'fragments', 'enterprise.json');
    writeFileSync(enterpriseFile, readFileSync(enterpriseFile, 'utf8').replace('"label": "企业名称"', '"label": "申报企业名称"'));

    // when
    const files = generatedFiles(root);

    // then: every form has the new label, and so has the domain's list; nothing else changed
    for (const name of applicationFormNames) {
      const form = JSON.parse(files.get(`forms/${name}.form`)!) as Parameters<typeof componentByKey>[0];
      expect(componentByKey(form, 'enterpriseName').label).toBe('申报企业名称');
      expect(files.get(`forms/${name}.form`)!.replace('申报企业名称', '企业名称')).toBe(readFileSync(path.join(repositoryRoot, 'forms', `${name}.form`), 'utf8'));
    }
    expect(files.get('domain/application-shared-fields.ts')).toContain("enterpriseName: '申报企业名称',");
  });

  const fragments = () => structuredClone(readFragments(path.join(repositoryRoot, 'forms', 'fragments'))) as Fragments & { templates: Record<string, { slots: Record<string, unknown> }> };
  it.each<[string, (f: ReturnType<typeof fragments>) => void, RegExp]>([
    ['a template that leaves a slot empty', (f) => delete f.templates['mode-application']!.slots.attachments, /template mode-application does not fill slot attachments/],
    ['a template filling a slot the layout lacks', (f) => (f.templates['experience-center']!.slots.extra = []), /template experience-center: no slot extra in the layout/],
    ['a fragment nobody wrote', (f) => delete (f.shared as Record<string, unknown>).performance, /no fragment performance/],
    ['a template field with the id of a shared one', (f) => (f.templates['industry-platform']!.slots.attachments as { id: string }[])[0]!.id = 'businessLicense', /component ids repeated: businessLicense/],
  ])('refuses %s', (_case, spoil, message) => {
    // given
    const spoilt = fragments();
    spoil(spoilt);
    // when / then
    expect(() => applicationForms(spoilt)).toThrow(message);
  });
});
