// The browser's only way to the server: JSON over fetch, the CSRF token on every change, errors as ApiError.

export interface FieldError {
  path: string;
  message: string;
}

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

/** The CSRF token of the session, for requests that do not go through api() (uploads). */
export function currentCsrfToken(): string {
  return csrfToken;
}

/** Calls the API; resolves with the JSON answer (undefined for 204), rejects with ApiError. */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试。');
  }
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string; fields?: FieldError[] };
  if (!response.ok) throw new ApiError(response.status, answer.code ?? 'ERROR', answer.message ?? '操作失败，请稍后重试。', answer.fields ?? []);
  return answer as T;
}
