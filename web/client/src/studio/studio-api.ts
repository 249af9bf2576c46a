// The studio's calls to /api/studio (administrators only) and the shapes they answer with.
import { api, ApiError, currentCsrfToken } from '../api.js';

export type ModelKind = 'process' | 'form' | 'decision';

export const kindLabels: Record<ModelKind, string> = { process: '流程', form: '表单', decision: '决策表' };

export interface ModelSummary {
  kind: ModelKind;
  key: string;
  name: string;
  latestVersion: number;
  latestVersionId: string;
  deployedVersion: number | null;
  fileName: string;
}

export interface VersionRelease {
  id: string;
  deployedAt: string;
  processDefinitionId: string | null;
}

export interface VersionSummary {
  id: string;
  version: number;
  author: string;
  authorName: string;
  createdAt: string;
  comment: string;
  source: string;
  sha256: string;
  releases: VersionRelease[];
}

export interface ModelVersion {
  id: string;
  kind: ModelKind;
  key: string;
  version: number;
  content: string;
  comment: string;
  author: string;
  createdAt: string;
  source: string;
}

/** A lint finding; `elementId` names the BPMN element (or form component / decision) it is about. */
export interface Problem {
  rule: string;
  elementId: string;
  message: string;
  category: 'error' | 'warn';
  /** `<kind>:<key>` when the server names the model a problem is in (a deploy checks its members too). */
  model?: string;
}

export interface Release {
  id: string;
  processKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  members: { kind: ModelKind; key: string; version: number; versionId: string }[];
  deployedAt: string;
  deployedBy: string;
  comment: string;
  runningInstances: number;
}

export interface CallReleases {
  callId: string;
  name: string;
  releases: { processKey: string; releaseId: string | null; processDefinitionVersion: number | null }[];
}

export interface FormSummary {
  key: string;
  name: string;
  latestVersion: number;
}

const studio = '/api/studio';
const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export const studioApi = {
  models: () => api<ModelSummary[]>('GET', `${studio}/models`),
  versions: (kind: ModelKind, key: string) => api<VersionSummary[]>('GET', `${studio}/models/${path(kind, key)}/versions`),
  version: (id: string) => api<ModelVersion>('GET', `${studio}/versions/${path(id)}`),
  save: (kind: ModelKind, key: string, body: { content: string; comment: string; basedOn?: string }) =>
    api<{ id: string; version: number; problems: Problem[] }>('POST', `${studio}/models/${path(kind, key)}/versions`, body),
  restore: (id: string, comment: string) => api<{ id: string; version: number }>('POST', `${studio}/versions/${path(id)}/restore`, { comment }),
  diff: (id: string, otherId: string) => api<{ unified: string }>('GET', `${studio}/versions/${path(id)}/diff/${path(otherId)}`),
  lint: (kind: ModelKind, content: string) => api<{ problems: Problem[] }>('POST', `${studio}/lint`, { kind, content }),
  deploy: (id: string, body: { comment: string; members?: string[] }) =>
    api<{ releaseId: string; processDefinitionId: string; processDefinitionVersion: number }>('POST', `${studio}/versions/${path(id)}/deploy`, body),
  releases: (processKey: string) => api<Release[]>('GET', `${studio}/releases?processKey=${encodeURIComponent(processKey)}`),
  calls: () => api<CallReleases[]>('GET', `${studio}/calls`),
  moveCall: (callId: string, processKey: string, body: { releaseId: string; comment: string }) =>
    api<void>('PUT', `${studio}/calls/${path(callId)}/releases/${path(processKey)}`, body),
  elementTemplates: () => api<object[]>('GET', `${studio}/element-templates`),
  forms: () => api<FormSummary[]>('GET', `${studio}/forms`),
  fileUrl: (id: string) => `${studio}/versions/${path(id)}/file`,
  importFile,
};

/** Imports a .bpmn, .form or .dmn file as a new version of the model it describes. */
async function importFile(file: File, comment: string): Promise<{ kind: ModelKind; key: string; id: string; version: number }> {
  const body = new FormData();
  body.set('comment', comment);
  body.set('file', file, file.name);
  const response = await fetch(`${studio}/import`, { method: 'POST', body, headers: { 'x-csrf-token': currentCsrfToken() }, credentials: 'same-origin' });
  const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string; fields?: { path: string; message: string }[] };
  if (!response.ok) throw new ApiError(response.status, answer.code ?? 'IMPORT', answer.message ?? '导入失败', answer.fields ?? []);
  return answer as { kind: ModelKind; key: string; id: string; version: number };
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

/** The message of a failed call, for an alert. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试。';
}
