import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { collectModelBundles, deployBundle, deployModels, ModelDeploymentError } from '../../platform/model-deployment.js';
import { externalTaskProcess } from '../fixtures/external-task-process.js';
import { provinceReviewDir } from '../fixtures/province-review.js';
import { testEngine } from '../support/engine.js';

const brokenDir = path.join(projectRoot, 'test', 'fixtures', 'broken-model');

describe('model deployment', () => {
  it('bundles each process with the forms it references', async () => {
    const fixture = (await collectModelBundles(provinceReviewDir, provinceReviewDir)).find((b) => b.name === 'province-review');
    expect(fixture?.files.map((f) => f.fileName).sort()).toEqual(['province-review.bpmn', 'province-review.form']);
    const bundles = await collectModelBundles(path.join(projectRoot, 'processes'), path.join(projectRoot, 'forms'));
    // only the program's own processes ship: no demonstration model
    expect(bundles.map((b) => b.name).sort()).toEqual(['batch-reminders', 'declaration', 'panel-seat', 'project', 'review-session', 'unit-batch']);
    expect(bundles.find((b) => b.name === 'review-session')?.files.map((f) => f.fileName).sort()).toEqual(['collective-decision.form', 'review-rubric.dmn', 'review-session.bpmn']);
    expect(bundles.find((b) => b.name === 'panel-seat')?.files.map((f) => f.fileName).sort()).toEqual(['conflict-declaration.form', 'panel-consensus.form', 'panel-seat.bpmn', 'project-score.form']);
    expect(bundles.find((b) => b.name === 'project')?.files.map((f) => f.fileName).sort()).toEqual([
      'change-decision.form', 'change-opinion.form', 'exit-approval.form', 'formal-review.form', 'minimum-integration-stage.dmn', 'project.bpmn', 'return-answer.form',
    ]);
    const declaration = bundles.find((b) => b.name === 'declaration');
    expect(declaration?.files.map((f) => f.fileName).sort()).toEqual([
      'application-experience-center.form', 'application-industry-platform.form', 'application-mode.form', 'application-priority.dmn',
      'city-preliminary-review.form', 'city-recommendation.form', 'correction.form', 'declaration.bpmn', 'minimum-integration-stage.dmn', 'sealed-scans.form',
    ]);
  });

  it('deploys a changed bundle once and skips it while nothing changed', async () => {
    // given
    const { client } = testEngine();
    const id = `dedup_${randomBytes(4).toString('hex')}`;
    const bundle = { name: id, files: [{ fileName: `${id}.bpmn`, content: externalTaskProcess(id, `${id}-topic`, 'E') }] };
    // when
    const first = await deployBundle(client, bundle);
    const second = await deployBundle(client, bundle);
    const changed = await deployBundle(client, { name: id, files: [{ fileName: `${id}.bpmn`, content: externalTaskProcess(id, `${id}-other`, 'E') }] });
    // then
    expect(first.deployed).toBe(true);
    expect(second.deployed).toBe(false);
    expect(changed.deployed).toBe(true);
    expect(changed.processDefinitionIds[0]).toMatch(new RegExp(`^${id}:2:`));
  });

  it('stops with the engine’s own message when the engine rejects a model', async () => {
    const { client } = testEngine();
    const error = await deployModels(client, brokenDir, brokenDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDeploymentError);
    expect((error as Error).message).toContain('The engine rejected broken (broken.bpmn)');
    expect((error as Error).message).toMatch(/NoSuchTask/);
  });

  it('refuses a process that references a form no file provides', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'iiot-models-'));
    await writeFile(path.join(dir, 'lonely.bpmn'), '<bpmn:userTask id="T" camunda:formRef="missing-form" />');
    await expect(collectModelBundles(dir, dir)).rejects.toThrow('lonely.bpmn references form "missing-form", which no file provides');
  });
});
