// The browser's only way to the server: JSON over fetch, the CSRF token on every change, every answer parsed with
// the route's own response schema (web/server/schemas/), errors as ApiError.
import type { z } from 'zod';
import { errorAnswer, type FieldError } from '../../server/schemas/common.js';

export type { FieldError };

/** An error answer of the API: its code, a message for people, and field-level problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';

/** Remembers the CSRF token the session answered with. */
export function rememberCsrfToken(token: string): void {
  csrfToken = token;
}

/**
 * Calls the API and parses its answer with `answer`, the route's response schema (`noContent` for 204): resolves
 * with the parsed answer, rejects with ApiError, also when the answer does not match the schema.
 */
export async function api<S extends z.ZodType>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, answer: S, body?: unknown): Promise<z.output<S>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  return answered(() => fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' }), answer);
}

/** Posts a multipart form (an upload, an import) with the CSRF token; the answer as api() parses it. */
export async function postForm<S extends z.ZodType>(url: string, form: FormData, answer: S): Promise<z.output<S>> {
  return answered(() => fetch(url, { method: 'POST', body: form, headers: { 'x-csrf-token': csrfToken }, credentials: 'same-origin' }), answer);
}

/** The ApiError a failed response carries (for requests whose success is not JSON, like downloads). */
export async function failureOf(response: Response): Promise<ApiError> {
  const parsed = errorAnswer.safeParse(await response.json().catch(() => undefined));
  return parsed.success
    ? new ApiError(response.status, parsed.data.code, parsed.data.message, parsed.data.fields ?? [])
    : new ApiError(response.status, 'ERROR', '操作失败，请稍后重试。');
}

// helpers

async function answered<S extends z.ZodType>(send: () => Promise<Response>, answer: S): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await send();
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试。');
  }
  if (!response.ok) throw await failureOf(response);
  // A 204 has no body; its schema (noContent) accepts the null it stands for.
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  const parsed = answer.safeParse(json);
  if (parsed.success) return parsed.data;
  console.error(`The answer of ${response.url} does not match its schema`, parsed.error.issues);
  throw new ApiError(response.status, 'UNEXPECTED_ANSWER', '服务器的答复无法识别，请刷新页面后重试。');
}

/** The message of a failed call, for an alert: the server's own for an ApiError, a generic one otherwise. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试。';
}

/** The field-level problems of a failed call (none for a failure that is not an ApiError). */
export function fieldsOf(error: unknown): FieldError[] {
  return error instanceof ApiError ? error.fields : [];
}
