import { pino } from 'pino';

// Logging is safe by construction: whatever a caller hands the logger — a request, a reply, a config, an HTTP
// client's error with its request options — credentials never reach a log line. Two layers: pino's `redact` for the
// known places (headers, password fields), and an error serialiser that drops the request and response an HTTP
// client's error carries (got's `options` hold the engine's `authorization: Basic …` header).

/** What a removed secret is replaced by. */
export const REDACTED = '[redacted]';

const secretHeaders = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-csrf-token'];
const secretFields = ['password', 'currentPassword', 'newPassword', 'passwordHash', 'ENGINE_REST_PASSWORD', 'ENGINE_ADMIN_PASSWORD', 'csrfToken', 'sessionId'];

/** pino `redact` paths: secret headers of any headers object and password fields, up to three levels deep. */
export const redactPaths: string[] = [
  ...secretHeaders.flatMap((name) => ['headers', '*.headers', '*.*.headers'].map((at) => `${at}["${name}"]`)),
  ...secretFields.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]),
];

// Keys of an error that hold the request or the response it came from, never needed to understand a failure.
const requestKeys = new Set(['options', 'request', 'response', 'config', 'headers', 'timings', 'socket', 'agent']);
const secretKey = /authorization|cookie|password|passwd|secret|token|credential/i;

/** The `err` serialiser: pino's own, without request/response objects and with secrets in any text removed. */
export function safeErrorSerializer(error: unknown): unknown {
  return scrub(pino.stdSerializers.err(error as Error), 0);
}

/** Removes credentials from a text: HTTP authorization values and the user info of URLs. */
export function scrubText(text: string): string {
  return text
    // a credential, not a word: 8+ token characters with a digit, +, /, = or a capital after the first one
    .replace(/\b(Basic|Bearer)\s+(?=.[A-Za-z._~-]*[0-9+/=A-Z])[A-Za-z0-9+/=._~-]{8,}/g, `$1 ${REDACTED}`)
    .replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, `//${REDACTED}@`);
}

// helpers

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const safe: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (requestKeys.has(key)) continue;
    safe[key] = secretKey.test(key) ? REDACTED : scrub(item, depth + 1);
  }
  return safe;
}
