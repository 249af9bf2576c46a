import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployBundle } from '../../platform/model-deployment.js';
import { testEngine } from '../support/engine.js';
import { saveOverApi, studioAdministrator } from '../support/studio.js';
import { testApp } from '../support/web.js';
import { smallForm, smallProcess, testKey } from './fixtures.js';

// Models the engine deploys without complaint but that break this project's rules: sent straight to the deploy
// API, each is refused with the rule and the element named, and nothing reaches the engine.

describe('deploying a model the lint refuses', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let headers: Record<string, string>;
  const { client, api } = testEngine();
  beforeAll(async () => {
    web = await testApp();
    headers = await studioAdministrator(web.app, web.db);
  });
  afterAll(() => web.close());

  const cases = [
    {
      what: 'an external task whose topic no worker of this project fetches (it would wait forever)',
      model: (key: string) => smallProcess(key, { taskType: 'serviceTask', taskAttributes: 'camunda:type="external" camunda:topic="no-such-topic"' }),
      rule: 'external-task-topic',
      elementId: 'Task',
    },
    {
      what: 'a form bound to the latest deployment of any process instead of its own',
      model: (key: string, formId: string) => smallProcess(key, { taskAttributes: `camunda:formRef="${formId}" camunda:formRefBinding="latest"` }),
      rule: 'deployment-binding',
      elementId: 'Task',
    },
    {
      what: 'a model that does not declare the Camunda 7.24 execution platform',
      model: (key: string, formId: string) => smallProcess(key, { executionPlatform: false, taskAttributes: `camunda:formRef="${formId}" camunda:formRefBinding="deployment"` }),
      rule: 'execution-platform',
      elementId: (key: string) => `Definitions_${key}`,
    },
  ];

  it.each(cases)('refuses $what, naming rule and element, though the engine accepts it', async ({ model, rule, elementId }) => {
    // given: the engine itself deploys the model (with its form) without complaint
    const key = testKey('refused');
    const formId = testKey('form');
    const content = model(key, formId);
    const raw = await deployBundle(client, { name: `${key}-raw`, files: [{ fileName: `${key}.bpmn`, content }, { fileName: `${formId}.form`, content: smallForm(formId) }] });
    // (the form goes along; a model without a form reference simply does not use it)
    expect(raw.processDefinitionIds).toHaveLength(1);
    // and the studio keeps it as a draft (with its form), reporting the problem
    if (content.includes(formId)) expect((await saveOverApi(web.app, headers, 'form', formId, smallForm(formId))).statusCode).toBe(201);
    const saved = await saveOverApi(web.app, headers, 'process', key, content);
    expect(saved.statusCode, saved.body).toBe(201);
    const expectedElement = typeof elementId === 'function' ? elementId(key) : elementId;
    expect(saved.json().problems).toContainEqual(expect.objectContaining({ rule, elementId: expectedElement, category: 'error' }));

    // when: sent straight to the deploy API
    const deployed = await web.app.inject({ method: 'POST', url: `/api/studio/versions/${saved.json().id}/deploy`, headers, payload: { comment: '部署' } });

    // then: refused, with the model, the element and the rule named; the engine got no new version
    expect(deployed.statusCode, deployed.body).toBe(422);
    const body = deployed.json() as { code: string; message: string; fields: { path: string; message: string }[] };
    expect(body.code).toBe('MODEL_LINT_FAILED');
    expect(body.message).toMatch(/^模型检查未通过：/);
    expect(body.fields).toContainEqual({ path: `process:${key}#${expectedElement}`, message: expect.stringMatching(new RegExp(`^\\[${rule}\\] `)) });
    expect((await api.latestProcessDefinition(key)).version).toBe(1);
    expect((await web.db.query('SELECT count(*)::int AS n FROM model_release WHERE process_key = $1', [key])).rows[0].n).toBe(0);
  });
});
