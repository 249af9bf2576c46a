// The studio's calls to /api/studio (administrators only); their answers' schemas and types are the server's
// (web/server/schemas/studio.ts).
import {
  callReleaseList, deployed, elementTemplates, formSummaries, importedVersion, lintAnswer, modelSummaries, modelVersion, releaseList, savedVersion,
  versionDiff, versionSummaries, type ImportedVersion, type ModelKind, type Problem as CheckProblem,
} from '../../../server/schemas/studio.js';
import { noContent } from '../../../server/schemas/common.js';
import { api, ApiError, postForm } from '../api.js';

export type { CallReleases, FormSummary, ModelKind, ModelSummary, ModelVersion, Release, VersionRelease, VersionSummary } from '../../../server/schemas/studio.js';

export const kindLabels: Record<ModelKind, string> = { process: '流程', form: '表单', decision: '决策表' };

/** A lint finding; `elementId` names the BPMN element (or form component / decision) it is about. */
export interface Problem extends CheckProblem {
  /** `<kind>:<key>` when the server names the model a problem is in (a deploy checks its members too). */
  model?: string;
}

const studio = '/api/studio';
const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export const studioApi = {
  models: () => api('GET', `${studio}/models`, modelSummaries),
  versions: (kind: ModelKind, key: string) => api('GET', `${studio}/models/${path(kind, key)}/versions`, versionSummaries),
  version: (id: string) => api('GET', `${studio}/versions/${path(id)}`, modelVersion),
  save: (kind: ModelKind, key: string, body: { content: string; comment: string; basedOn?: string }) =>
    api('POST', `${studio}/models/${path(kind, key)}/versions`, savedVersion, body),
  restore: (id: string, comment: string) => api('POST', `${studio}/versions/${path(id)}/restore`, savedVersion, { comment }),
  diff: (id: string, otherId: string) => api('GET', `${studio}/versions/${path(id)}/diff/${path(otherId)}`, versionDiff),
  lint: (kind: ModelKind, content: string) => api('POST', `${studio}/lint`, lintAnswer, { kind, content }),
  deploy: (id: string, body: { comment: string; members?: string[] }) => api('POST', `${studio}/versions/${path(id)}/deploy`, deployed, body),
  releases: (processKey: string) => api('GET', `${studio}/releases?processKey=${encodeURIComponent(processKey)}`, releaseList),
  calls: () => api('GET', `${studio}/calls`, callReleaseList),
  moveCall: (callId: string, processKey: string, body: { releaseId: string; comment: string }) =>
    api('PUT', `${studio}/calls/${path(callId)}/releases/${path(processKey)}`, noContent, body),
  elementTemplates: () => api('GET', `${studio}/element-templates`, elementTemplates),
  forms: () => api('GET', `${studio}/forms`, formSummaries),
  fileUrl: (id: string) => `${studio}/versions/${path(id)}/file`,
  importFile,
};

/** Imports a .bpmn, .form or .dmn file as a new version of the model it describes. */
async function importFile(file: File, comment: string): Promise<ImportedVersion> {
  const body = new FormData();
  body.set('comment', comment);
  body.set('file', file, file.name);
  return postForm(`${studio}/import`, body, importedVersion);
}

/**
 * The problems of a refused deploy: the server names each as `<kind>:<key>#<elementId>` with `[<rule>] <message>`.
 * Anything else is one problem without an element.
 */
export function problemsOfRefusal(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [{ rule: '', elementId: '', message: String(error), category: 'error' }];
  if (!error.fields.length) return [{ rule: error.code, elementId: '', message: error.message, category: 'error' }];
  return error.fields.map((field) => {
    const elementId = /#(.+)$/.exec(field.path)?.[1] ?? '';
    const ruled = /^\[([^\]]+)\]\s*(.*)$/s.exec(field.message);
    return { rule: ruled?.[1] ?? '', elementId, message: ruled?.[2] ?? field.message, category: 'error' as const, model: field.path.split('#')[0] };
  });
}

export { messageOf } from '../api.js';
