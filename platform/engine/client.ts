import type { z } from 'zod';
import type { EngineClientConfig } from '../config.js';

// The transport of the engine adapter: basic auth, timeouts, every answer parsed by zod. Its generic `request` is
// used by the resource files of this folder only (tests and benchmarks may drive the engine with it directly);
// production code calls the typed resources that index.ts composes.
//
// Errors of this client carry the status and the engine's message, never the request (its authorization header):
// they are logged and shown as they are.

/** The engine answered with an error status; `message` is the engine's own text. */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** The engine could not be reached at all (down, refused, timed out). */
export class EngineUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`The engine at ${withoutUserInfo(url)} cannot be reached: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'EngineUnavailableError';
  }
}

export interface EngineRequest<S extends z.ZodType> {
  json?: unknown;
  form?: FormData;
  schema: S;
  timeoutMs?: number;
  /** What the answer may be; JSON unless an endpoint answers only text (error details, stack traces). */
  accept?: string;
}

/** The one way this project talks to the engine: its REST API, with the service account, every answer parsed by zod. */
export interface EngineClient {
  readonly baseUrl: string;
  request<S extends z.ZodType>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: EngineRequest<S>): Promise<z.infer<S>>;
}

/** Creates a REST client for the engine at config.ENGINE_URL. */
export function createEngineClient(config: EngineClientConfig): EngineClient {
  const authorization = `Basic ${Buffer.from(`${config.ENGINE_REST_USER}:${config.ENGINE_REST_PASSWORD}`).toString('base64')}`;
  const baseUrl = config.ENGINE_URL;
  return {
    baseUrl,
    async request(method, path, { json, form, schema, timeoutMs = 30_000, accept = 'application/json' }) {
      const headers: Record<string, string> = { authorization, accept };
      let body: string | FormData | undefined;
      if (json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(json);
      } else if (form) {
        body = form;
      }
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new EngineUnavailableError(baseUrl, error);
      }
      const text = await response.text();
      const data: unknown = text ? safeJson(text) : null;
      if (!response.ok) {
        const detail = (data ?? {}) as { type?: unknown; message?: unknown };
        const message = typeof detail.message === 'string' ? detail.message : text || response.statusText;
        throw new EngineError(response.status, typeof detail.type === 'string' ? detail.type : 'HttpError', message);
      }
      return schema.parse(data);
    },
  };
}

/** A URL without the user and password an ENGINE_URL may carry. */
function withoutUserInfo(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
