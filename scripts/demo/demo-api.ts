// The seeding talks to the running web server exactly as the browser does: sign-in, the session cookie, the CSRF
// token, JSON bodies and multipart uploads. Nothing here reaches the database or the engine directly.

/** What one HTTP answer carried. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** A signed-in demo account's view of the web API. */
export interface DemoSession {
  username: string;
  get(path: string): Promise<ApiAnswer>;
  post(path: string, body?: unknown): Promise<ApiAnswer>;
  /** Uploads a file as the browser's file picker does; returns its reference for form data. */
  upload(fileName: string, bytes: Buffer): Promise<{ id: string; fileName: string; sha256: string }>;
}

// One request may wait for the engine behind the web server, but never for ever.
const REQUEST_TIMEOUT_MS = 30_000;

/** Signs in over HTTP with the demo password; fails with the server's answer when it refuses. */
export async function signInAs(baseUrl: string, username: string, password: string, signal?: AbortSignal): Promise<DemoSession> {
  const bounded = () => (signal ? AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) : AbortSignal.timeout(REQUEST_TIMEOUT_MS));
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: bounded(),
  });
  if (response.status !== 200) throw new Error(`signing in as ${username} was refused: ${response.status} ${await response.text()}`);
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('iiot_session='));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!session) throw new Error(`signing in as ${username} set no session cookie`);
  const headers = { cookie: session, 'x-csrf-token': csrfToken };

  const send = async (method: string, path: string, init: { body?: BodyInit; contentType?: string } = {}): Promise<ApiAnswer> => {
    const answer = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(init.contentType ? { 'content-type': init.contentType } : {}) },
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: bounded(),
    });
    const text = await answer.text();
    return { status: answer.status, body: text && answer.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };

  return {
    username,
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' }),
    async upload(fileName, bytes) {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
      const answer = await send('POST', '/api/attachments', { body: form });
      expectStatus(answer, 201, `uploading ${fileName} as ${username}`);
      const { id, sha256 } = answer.body as { id: string; sha256: string };
      return { id, fileName, sha256 };
    },
  };
}

/** Throws with the server's own answer unless it has the expected status. */
export function expectStatus(answer: ApiAnswer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what} answered ${answer.status}: ${typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)}`.slice(0, 400));
}

/** How long the whole seeding may wait, and what stops it early. */
export interface Waiting {
  deadline: number;
  signal: AbortSignal;
}

/**
 * Polls until `probe` returns a value, or the seeding's deadline passes or it is aborted. The processes run
 * asynchronously (workers, the engine's own steps), so every state the seeding moves on from is waited for.
 */
export async function waitUntil<T>(what: string, waiting: Waiting, probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    if (waiting.signal.aborted) throw new Error(`interrupted while waiting for ${what}`);
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > waiting.deadline) throw new Error(`${what} was not reached in time`);
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}
