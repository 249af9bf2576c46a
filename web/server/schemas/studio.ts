import { z } from 'zod';
import { modelKinds } from '../../../modeling/problem.js';
import { timestamp } from './common.js';

// The low-code studio's API (routes/studio.ts, administrators only): model versions, checks, releases, call sets,
// files, templates. modeling/problem.ts is pure data (no imports), shared with the browser's editors.

/** What a model key may look like: the BPMN/DMN id or form id rules, kept to what a URL and a file name carry well. */
export const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

export const modelKind = z.enum(modelKinds);
export const modelKey = z.string().regex(KEY_PATTERN, '须为模型标识');
export const recordId = z.string().regex(/^[1-9][0-9]{0,17}$/, '须为编号');
export const changeComment = z.string().trim().min(1, '请填写说明').max(500, '说明不能超过500个字');
// A model file; the body limit (1 MB) bounds it first.
export const modelContent = z.string().min(1, '内容为空');

export const modelParams = z.object({ kind: modelKind, key: modelKey });
export const versionParams = z.object({ versionId: recordId });
export const diffParams = z.object({ versionId: recordId, otherId: recordId });
export const callSetParams = z.object({ callId: z.string().max(40), processKey: modelKey });

/** A check's finding; `elementId` names the BPMN element (or form component / decision) it is about. */
export const problem = z.object({ rule: z.string(), elementId: z.string(), message: z.string(), category: z.enum(['error', 'warn']) });

export const modelSummary = z.object({
  kind: modelKind, key: z.string(), name: z.string(), latestVersion: z.number(), latestVersionId: z.string(), deployedVersion: z.number().nullable(), fileName: z.string(),
});
export const modelSummaries = z.array(modelSummary);

export const formSummary = z.object({ key: z.string(), name: z.string(), latestVersion: z.number() });
export const formSummaries = z.array(formSummary);

export const versionSummary = z.object({
  id: z.string(), version: z.number(), author: z.string(), authorName: z.string(), createdAt: timestamp, comment: z.string(), source: z.string(), sha256: z.string(),
  releases: z.array(z.object({ id: z.string(), deployedAt: timestamp, processDefinitionId: z.string() })),
});
export const versionSummaries = z.array(versionSummary);

export const modelVersion = z.object({
  id: z.string(), kind: modelKind, key: z.string(), version: z.number(), content: z.string(), comment: z.string(), author: z.string(), createdAt: timestamp, source: z.string(),
});

export const newVersion = z.object({ content: modelContent, comment: changeComment, basedOn: recordId.optional() });
export const restoreRequest = z.object({ comment: changeComment });
export const savedVersion = z.object({ id: z.string(), version: z.number(), problems: z.array(problem) });
export const importedVersion = savedVersion.extend({ kind: modelKind, key: z.string() });

export const versionDiff = z.object({ unified: z.string() });

export const lintRequest = z.object({ kind: modelKind, content: modelContent });
export const lintAnswer = z.object({ problems: z.array(problem) });

export const deployRequest = z.object({ comment: changeComment, members: z.array(recordId).max(100).optional() });
export const deployed = z.object({ releaseId: z.string(), processDefinitionId: z.string(), processDefinitionVersion: z.number() });

export const releaseQuery = z.object({ processKey: modelKey.optional() });
export const releaseView = z.object({
  id: z.string(),
  processKey: z.string(),
  processDefinitionId: z.string(),
  processDefinitionVersion: z.number(),
  members: z.array(z.object({ kind: modelKind, key: z.string(), version: z.number(), versionId: z.string() })),
  deployedAt: timestamp,
  deployedBy: z.string(),
  comment: z.string(),
  runningInstances: z.number(),
});
export const releaseList = z.array(releaseView);

export const callReleases = z.object({
  callId: z.string(),
  name: z.string(),
  year: z.number(),
  releases: z.array(z.object({ processKey: z.string(), releaseId: z.string().nullable(), processDefinitionVersion: z.number().nullable() })),
});
export const callReleaseList = z.array(callReleases);
export const callSetMove = z.object({ releaseId: recordId, comment: changeComment });

/** The Camunda 7 element templates of this project's workers (JSON the modeler reads). */
export const elementTemplates = z.array(z.record(z.string(), z.unknown()));

export type ModelKind = z.infer<typeof modelKind>;
export type Problem = z.infer<typeof problem>;
export type ModelSummary = z.infer<typeof modelSummary>;
export type FormSummary = z.infer<typeof formSummary>;
export type VersionSummary = z.infer<typeof versionSummary>;
export type VersionRelease = VersionSummary['releases'][number];
export type ModelVersion = z.infer<typeof modelVersion>;
export type SavedVersion = z.infer<typeof savedVersion>;
export type ImportedVersion = z.infer<typeof importedVersion>;
export type Deployed = z.infer<typeof deployed>;
export type Release = z.infer<typeof releaseView>;
export type CallReleases = z.infer<typeof callReleases>;
